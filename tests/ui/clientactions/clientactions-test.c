/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "clientactions-test.h"

/* The browser of these tests: the link is kept for the test to open itself. */
static void
record_uri (const char *uri,
            gpointer    user_data)
{
  ActionsTest *t = user_data;

  g_test_message ("opened %s", uri);
  g_ptr_array_add (t->opened, g_strdup (uri));
}

static gboolean
popover_shown (gpointer data)
{
  ActionsTest *t = data;

  return gtk_widget_get_mapped (GTK_WIDGET (t->actions->popover));
}

ActionsTest *
actions_test_new (PdUiTestSession *test,
                  const char      *organization_id)
{
  ActionsTest *t = g_new0 (ActionsTest, 1);

  t->client = client_test_new (test, organization_id, NULL, 1100, 760);
  t->opened = g_ptr_array_new_with_free_func (g_free);
  t->actions = PD_CLIENT_ACTIONS (pd_ui_test_find_type (t->client->page, PD_TYPE_CLIENT_ACTIONS));
  g_assert_nonnull (t->actions);
  pd_client_actions_set_uri_opener (t->actions, record_uri, t);
  actions_test_popup (t);
  return t;
}

void
actions_test_popup (ActionsTest *t)
{
  gtk_menu_button_popup (GTK_MENU_BUTTON (t->actions->menu_button));
  pd_ui_test_wait_for (popover_shown, t, "the actions menu");
}

void
actions_test_free (ActionsTest *t)
{
  client_test_free (t->client);
  g_ptr_array_unref (t->opened);
  g_free (t);
}

PdOrganization *
actions_test_organization (PdUiTestSession *test,
                           const char      *organization_id)
{
  GListModel *organizations = pd_session_get_organizations (test->session);
  PdResource *found = pd_resource_list_lookup (PD_RESOURCE_LIST (organizations), organization_id);

  g_assert_nonnull (found);
  return PD_ORGANIZATION (found);
}

void
actions_test_assert_refused (GtkWidget    *widget,
                             AdwActionRow *row,
                             const char   *why)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);
  const char *subtitle = row != NULL ? adw_action_row_get_subtitle (row) : NULL;

  g_assert_false (gtk_widget_is_sensitive (widget));
  if (tooltip == NULL || strstr (tooltip, why) == NULL)
    g_error ("%s: tooltip “%s”, expected “%s”", G_OBJECT_TYPE_NAME (widget), tooltip, why);
  if (row != NULL && (subtitle == NULL || strstr (subtitle, why) == NULL))
    g_error ("row subtitle “%s”, expected “%s”", subtitle, why);
}

char *
actions_test_answer (const char *response)
{
  GtkWindow *dialog = pd_ui_test_wait_window (ADW_TYPE_MESSAGE_DIALOG);
  char *body = g_strdup (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));

  /* What its buttons do: answer, then close */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (dialog);
  pd_ui_test_wait_frames (2);
  return body;
}

static GBytes *
send (SoupMessage *message,
      guint       *status)
{
  g_autoptr(SoupSession) soup = soup_session_new ();
  g_autoptr(GError) error = NULL;
  GBytes *answer = soup_session_send_and_read (soup, message, NULL, &error);

  g_assert_no_error (error);
  *status = soup_message_get_status (message);
  return answer;
}

JsonNode *
actions_test_portal (PdUiTestSession *test,
                     const char      *method,
                     const char      *path,
                     const char      *body,
                     const char      *if_match,
                     guint            status)
{
  g_autofree char *url = g_strconcat (pd_test_portal_get_url (test->portal), path, NULL);
  g_autofree char *authorization = g_strdup_printf ("Bearer %s", pd_test_portal_get_key (test->portal, "owner"));
  g_autoptr(SoupMessage) message = soup_message_new (method, url);
  SoupMessageHeaders *headers = soup_message_get_request_headers (message);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;
  guint got;
  JsonNode *node;

  soup_message_headers_replace (headers, "Authorization", authorization);
  if (if_match != NULL)
    soup_message_headers_replace (headers, "If-Match", if_match);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (message, "application/json", bytes);
    }
  answer = send (message, &got);
  if (got != status)
    g_error ("%s %s: HTTP %u, expected %u", method, path, got, status);
  if (g_bytes_get_size (answer) == 0)
    return NULL;
  node = json_from_string (g_bytes_get_data (answer, NULL), &error);
  g_assert_no_error (error);
  return node;
}

static void
synced_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pd_sync_engine_sync_finish (PD_SYNC_ENGINE (source), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

void
actions_test_sync (PdUiTestSession *test)
{
  gboolean done = FALSE;

  pd_sync_engine_sync_async (pd_session_get_sync_engine (test->session), FALSE, NULL, synced_cb, &done);
  pd_test_wait_until (&done, PD_SESSION_TEST_TIMEOUT_MS);
}

guint
actions_test_browse (const char  *url,
                     char       **body)
{
  g_autoptr(SoupMessage) message = soup_message_new ("GET", url);
  g_autoptr(GBytes) answer = NULL;
  guint status;

  g_assert_nonnull (message);
  answer = send (message, &status);
  if (body != NULL)
    *body = g_strndup (g_bytes_get_data (answer, NULL), g_bytes_get_size (answer));
  return status;
}

/* ---- a screenshot with the popover ---------------------------------------------------- */

typedef struct {
  GtkWidget *window;
  GtkWidget *popover;
  char      *path;
  gboolean   done;
} Shot;

static void
snapshot_native (GtkSnapshot *snapshot,
                 GtkWidget   *widget,
                 double       x,
                 double       y)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), gtk_widget_get_width (widget),
                          gtk_widget_get_height (widget));
  gtk_snapshot_restore (snapshot);
}

/* The popover is a surface of its own: drawn where it sits over the window. */
static void
after_paint_cb (GdkFrameClock *clock,
                Shot          *shot)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (shot->popover));
  double wx, wy, px, py;

  if (shot->done)
    return;
  gtk_native_get_surface_transform (GTK_NATIVE (shot->window), &wx, &wy);
  gtk_native_get_surface_transform (GTK_NATIVE (shot->popover), &px, &py);
  snapshot_native (snapshot, shot->window, 0, 0);
  snapshot_native (snapshot, shot->popover, gdk_popup_get_position_x (GDK_POPUP (surface)) + px - wx,
                   gdk_popup_get_position_y (GDK_POPUP (surface)) + py - wy);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      gtk_widget_queue_draw (shot->window);
      return;
    }
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (shot->window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (shot->window),
                                                              gtk_widget_get_height (shot->window)));
  g_assert_true (gdk_texture_save_to_png (texture, shot->path));
  g_test_message ("wrote %s", shot->path);
  shot->done = TRUE;
}

static gboolean
shot_done (gpointer data)
{
  return ((Shot *) data)->done;
}

void
actions_test_screenshot_menu (ActionsTest *t,
                              const char  *name)
{
  const char *dir = g_getenv ("PD_SCREENSHOT_DIR");
  g_autofree char *file = NULL;
  Shot shot = { 0 };
  GdkFrameClock *clock;
  gulong handler;

  if (dir == NULL)
    return;
  shot.window = GTK_WIDGET (t->client->window);
  shot.popover = GTK_WIDGET (t->actions->popover);
  pd_ui_test_wait_frames (30);
  file = g_strconcat (name, ".png", NULL);
  shot.path = g_build_filename (dir, file, NULL);
  clock = gtk_widget_get_frame_clock (shot.window);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &shot);
  gtk_widget_queue_draw (shot.window);
  pd_ui_test_wait_for (shot_done, &shot, "a painted frame to render");
  g_signal_handler_disconnect (clock, handler);
  g_free (shot.path);
}

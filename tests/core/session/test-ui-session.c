/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The real application in-process under Xvfb: the API-key dialog refuses a wrong key inline,
 * signs in with the right one against a test portal, and the session page shows the clients
 * from the session's model. With PD_SCREENSHOT_DIR set, it also renders the welcome page,
 * the dialogs and the session page into PNGs there (build-aux/take-screenshots). */

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <glib/gi18n.h>

#include "pd-application.h"
#include "pd-session-page.h"
#include "pd-session-test.h"
#include "pd-sign-in-dialog.h"
#include "pd-test-portal.h"
#include "pd-welcome-page.h"
#include "pd-window.h"

static PdTestPortal *portal;

typedef gboolean (*WidgetMatch) (GtkWidget *widget, gconstpointer data);

static GtkWidget *
find_widget (GtkWidget     *root,
             WidgetMatch    match,
             gconstpointer  data)
{
  if (root == NULL)
    return NULL;
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_type (GtkWidget     *widget,
          gconstpointer  type)
{
  return g_type_is_a (G_OBJECT_TYPE (widget), (GType) GPOINTER_TO_SIZE (type));
}

static gboolean
has_name (GtkWidget     *widget,
          gconstpointer  name)
{
  GtkBuildable *buildable = GTK_BUILDABLE (widget);

  return g_strcmp0 (gtk_buildable_get_buildable_id (buildable), name) == 0;
}

static gboolean
is_error_label (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "error");
}

static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  return find_widget (root, has_type, GSIZE_TO_POINTER (type));
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_type_is_a (G_OBJECT_TYPE (window), type) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
toplevel_shown (gpointer type)
{
  return find_toplevel ((GType) GPOINTER_TO_SIZE (type)) != NULL;
}

static void
wait_frames (guint frames)
{
  gint64 until = g_get_monotonic_time () + frames * 16 * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

/* Renders @widget's window as GTK draws it into PD_SCREENSHOT_DIR/@name.png. */
static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  const char *dir = g_getenv ("PD_SCREENSHOT_DIR");
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width, height;

  if (dir == NULL)
    return;
  wait_frames (30);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("wrote %s", path);
}

static void
type_into (GtkWidget  *dialog,
           const char *row_name,
           const char *text)
{
  GtkWidget *row = find_widget (dialog, has_name, row_name);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static gboolean
error_shown (gpointer dialog)
{
  GtkWidget *label = find_widget (dialog, is_error_label, NULL);

  return label != NULL && gtk_widget_get_visible (label) && gtk_widget_get_mapped (label) &&
         gtk_label_get_text (GTK_LABEL (label))[0] != '\0';
}

static void
record_uri (const char *uri,
            gpointer    user_data)
{
  char **opened = user_data;

  g_free (*opened);
  *opened = g_strdup (uri);
}

static gboolean
has_link (gpointer dialog)
{
  return pd_sign_in_dialog_get_link (dialog) != NULL;
}

static gboolean
registry_empty (gpointer app)
{
  return g_list_model_get_n_items (G_LIST_MODEL (pd_application_get_registry (app))) == 0;
}

static gboolean
has_session (gpointer app)
{
  return pd_application_get_session (app) != NULL;
}

static gboolean
page_mapped (gpointer window)
{
  GtkWidget *page = find_descendant (window, PD_TYPE_SESSION_PAGE);

  return page != NULL && gtk_widget_get_mapped (page);
}

static gboolean
up_to_date (gpointer app)
{
  PdSession *session = pd_application_get_session (app);

  return session != NULL &&
         pd_sync_engine_get_state (pd_session_get_sync_engine (session)) == PD_SYNC_STATE_UP_TO_DATE;
}

static gboolean
no_session (gpointer app)
{
  return pd_application_get_session (app) == NULL;
}

static void
run_checks (gpointer user_data)
{
  PdApplication *app = user_data;
  PdWindow *window = PD_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  GtkWidget *welcome = find_descendant (GTK_WIDGET (window), PD_TYPE_WELCOME_PAGE);
  GtkWidget *dialog;
  GtkWidget *page;
  GtkListView *list_view;
  GtkWidget *count;
  g_autofree char *expected = NULL;
  PdSession *session;
  g_autofree char *opened = NULL;

  pd_session_test_wait_for ((gboolean (*) (gpointer)) gtk_widget_get_mapped, welcome, "the welcome page");
  g_assert_true (gtk_widget_is_sensitive (welcome));

  /* The browser dialog: address and the extra authority, then progress (not run here). */
  gtk_widget_activate_action (welcome, "welcome.sign-in-browser", NULL);
  pd_session_test_wait_for (toplevel_shown, GSIZE_TO_POINTER (PD_TYPE_SIGN_IN_DIALOG), "the browser dialog");
  dialog = GTK_WIDGET (find_toplevel (PD_TYPE_SIGN_IN_DIALOG));
  /* No real browser in a test: the link is only recorded. */
  pd_sign_in_dialog_set_uri_opener (PD_SIGN_IN_DIALOG (dialog), record_uri, &opened);
  g_assert_cmpint (pd_sign_in_dialog_get_mode (PD_SIGN_IN_DIALOG (dialog)), ==, PD_SIGN_IN_MODE_BROWSER);
  g_assert_false (gtk_widget_get_visible (find_widget (dialog, has_name, "key_row")));
  type_into (dialog, "address_row", "portal.example.com");
  screenshot (dialog, "sign-in-browser");
  /* A plain-http address that is not this computer is refused inline. */
  type_into (dialog, "address_row", "http://portal.example.com");
  gtk_widget_activate_action (dialog, "sign-in.sign-in", NULL);
  pd_session_test_wait_for (error_shown, dialog, "the address error");
  /* The test portal: progress while the browser is out (there is none here), with the link
   * to copy; Cancel goes back to the form. */
  type_into (dialog, "address_row", pd_test_portal_get_url (portal));
  gtk_widget_activate_action (dialog, "sign-in.sign-in", NULL);
  pd_session_test_wait_for (has_link, dialog, "the sign-in link");
  g_assert_cmpstr (opened, ==, pd_sign_in_dialog_get_link (PD_SIGN_IN_DIALOG (dialog)));
  g_assert_true (g_str_has_prefix (pd_sign_in_dialog_get_link (PD_SIGN_IN_DIALOG (dialog)), pd_test_portal_get_url (portal)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (find_widget (dialog, has_name, "stack"))), ==, "progress");
  screenshot (dialog, "sign-in-browser-progress");
  gtk_widget_activate_action (dialog, "sign-in.cancel", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (find_widget (dialog, has_name, "stack"))), ==, "form");
  g_assert_null (pd_sign_in_dialog_get_link (PD_SIGN_IN_DIALOG (dialog)));
  gtk_window_close (GTK_WINDOW (dialog));
  wait_frames (5);

  /* The API-key dialog: a wrong key is refused inline and the dialog stays. */
  gtk_widget_activate_action (welcome, "welcome.use-api-key", NULL);
  pd_session_test_wait_for (toplevel_shown, GSIZE_TO_POINTER (PD_TYPE_SIGN_IN_DIALOG), "the API-key dialog");
  dialog = GTK_WIDGET (find_toplevel (PD_TYPE_SIGN_IN_DIALOG));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  type_into (dialog, "address_row", pd_test_portal_get_url (portal));
  type_into (dialog, "key_row", "pdk_not-a-real-key-at-all-0000000000");
  gtk_widget_activate_action (dialog, "sign-in.sign-in", NULL);
  pd_session_test_wait_for (error_shown, dialog, "the refused key");
  screenshot (dialog, "sign-in-api-key-error");
  g_assert_null (pd_application_get_session (app));

  /* The right key: the dialog closes and the session page shows the clients. */
  type_into (dialog, "key_row", pd_test_portal_get_key (portal, "owner"));
  screenshot (dialog, "sign-in-api-key");
  gtk_widget_activate_action (dialog, "sign-in.sign-in", NULL);
  pd_session_test_wait_for (has_session, app, "the session");
  pd_session_test_wait_for (page_mapped, window, "the session page");
  g_assert_null (dialog);
  pd_session_test_wait_for (up_to_date, app, "the first sync");

  session = pd_application_get_session (app);
  page = find_descendant (GTK_WIDGET (window), PD_TYPE_SESSION_PAGE);
  list_view = GTK_LIST_VIEW (find_descendant (page, GTK_TYPE_LIST_VIEW));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list_view))), ==, 30);
  g_assert_cmpuint (g_list_model_get_n_items (pd_session_get_organizations (session)), ==, 30);
  count = find_widget (page, has_name, "count_label");
  expected = g_strdup_printf ("%u clients", 30);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (count)), ==, expected);
  /* Some rows are realized, with a name in them. */
  g_assert_nonnull (find_descendant (GTK_WIDGET (list_view), GTK_TYPE_LABEL));
  screenshot (GTK_WIDGET (window), "session");

  /* The last account is remembered for the next start. */
  {
    g_autofree char *last = g_settings_get_string (pd_application_get_settings (app), "last-account");

    g_assert_cmpstr (last, ==, pd_account_info_get_id (pd_session_get_account (session)));
  }

  /* Sign-out goes back to the welcome page and forgets the account. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "sign-out", NULL);
  pd_session_test_wait_for (no_session, app, "the sign-out");
  pd_session_test_wait_for ((gboolean (*) (gpointer)) gtk_widget_get_mapped, welcome, "the welcome page again");
  pd_session_test_wait_for (registry_empty, app, "the account to be forgotten");

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
}

static void
activated_cb (GApplication *app)
{
  g_idle_add_once (run_checks, app);
}

static void
test_sign_in (void)
{
  g_autoptr(PdApplication) app = NULL;
  int status;

  if (!pd_session_test_keyring_ready ())
    return;
  portal = pd_test_portal_start ((const char *[]) { "--seed", "30", NULL });
  app = pd_application_new (APPLICATION_ID ".Test", G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (activated_cb), NULL);
  status = g_application_run (G_APPLICATION (app), 0, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_clear_pointer (&portal, pd_test_portal_stop);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("PD_TEST_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ui/session/sign-in", test_sign_in);

  return g_test_run ();
}

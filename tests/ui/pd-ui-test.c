/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>

#include "pd-sign-in.h"
#include "pd-ui-test.h"

void
pd_ui_test_init (int    *argc,
                 char ***argv)
{
  GtkCssProvider *provider;

  gtk_test_init (argc, argv, NULL);
  adw_init ();
  /* What PdApplication does at start-up: the icons and the style of the application. */
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    RESOURCE_BASE_PATH "/icons");
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_BASE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_unref (provider);
}

PdUiTestSession *
pd_ui_test_session_new (const char * const *portal_args,
                        const char         *role)
{
  PdUiTestSession *test;
  g_autofree char *registry_path = NULL;
  g_autofree char *cache_dir = NULL;

  if (!pd_session_test_keyring_ready ())
    {
      g_test_skip ("no test keyring (run inside build-aux/test-session)");
      return NULL;
    }
  test = g_new0 (PdUiTestSession, 1);
  test->dir = g_dir_make_tmp ("pd-ui-XXXXXX", NULL);
  registry_path = g_build_filename (test->dir, "accounts.ini", NULL);
  cache_dir = g_build_filename (test->dir, "cache", NULL);
  test->portal = pd_test_portal_start ((const char **) portal_args);
  test->registry = pd_account_registry_new (registry_path);
  test->account = pd_session_test_sign_in_key (test->registry, pd_test_portal_get_url (test->portal),
                                               pd_test_portal_get_key (test->portal, role));
  test->session = pd_session_new (test->account, cache_dir);
  pd_session_set_registry (test->session, test->registry);
  pd_session_set_refresh_interval (test->session, 0);
  pd_session_test_start (test->session);
  pd_session_test_wait_state (test->session, PD_SYNC_STATE_UP_TO_DATE);
  pd_session_test_wait_me (test->session);
  return test;
}

void
pd_ui_test_session_free (PdUiTestSession *test)
{
  if (test == NULL)
    return;
  if (test->session != NULL)
    pd_session_stop (test->session);
  g_clear_object (&test->session);
  g_clear_object (&test->account);
  g_clear_object (&test->registry);
  g_clear_pointer (&test->portal, pd_test_portal_stop);
  pd_session_test_remove_tree (test->dir);
  g_free (test->dir);
  g_free (test);
}

static gboolean
window_mapped (gpointer window)
{
  return gtk_widget_get_mapped (window);
}

GtkWindow *
pd_ui_test_window_new (GtkWidget *child,
                       int        width,
                       int        height)
{
  GtkWindow *window = GTK_WINDOW (adw_window_new ());

  adw_window_set_content (ADW_WINDOW (window), child);
  gtk_window_set_default_size (window, width, height);
  gtk_window_present (window);
  pd_ui_test_wait_for (window_mapped, window, "the window to show");
  return window;
}

void
pd_ui_test_window_destroy (GtkWindow *window)
{
  gtk_window_destroy (window);
  pd_ui_test_wait_frames (2);
}

GtkWidget *
pd_ui_test_find (GtkWidget     *root,
                 PdUiTestMatch  match,
                 gconstpointer  data)
{
  if (root == NULL)
    return NULL;
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = pd_ui_test_find (child, match, data);

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

GtkWidget *
pd_ui_test_find_type (GtkWidget *root,
                      GType      type)
{
  return pd_ui_test_find (root, has_type, GSIZE_TO_POINTER (type));
}

static gboolean
has_id (GtkWidget     *widget,
        gconstpointer  id)
{
  return g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0;
}

GtkWidget *
pd_ui_test_find_id (GtkWidget  *root,
                    const char *id)
{
  return pd_ui_test_find (root, has_id, id);
}

static gboolean
label_contains (GtkWidget     *widget,
                gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

GtkWidget *
pd_ui_test_find_label (GtkWidget  *root,
                       const char *text)
{
  return pd_ui_test_find (root, label_contains, text);
}

static gboolean
is_selectable_label (GtkWidget     *widget,
                     gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_label_get_selectable (GTK_LABEL (widget));
}

GtkWidget *
pd_ui_test_find_selectable_label (GtkWidget *root)
{
  return pd_ui_test_find (root, is_selectable_label, NULL);
}

static void
collect_type (GtkWidget *root,
              GType      type,
              GPtrArray *into)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type) && gtk_widget_get_mapped (root))
    g_ptr_array_add (into, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_type (child, type, into);
}

GPtrArray *
pd_ui_test_find_all_type (GtkWidget *root,
                          GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  if (root != NULL)
    collect_type (root, type, found);
  return found;
}

void
pd_ui_test_wait_frames (guint frames)
{
  gint64 until = g_get_monotonic_time () + frames * 16 * G_TIME_SPAN_MILLISECOND;

  /* At least one pass, even when the process was not scheduled for the whole time */
  do
    g_main_context_iteration (NULL, FALSE);
  while (g_get_monotonic_time () < until);
}

static void
search_told (gboolean *told)
{
  *told = TRUE;
}

static gboolean
search_applied (gpointer told)
{
  return *(gboolean *) told;
}

void
pd_ui_test_search (GtkWidget  *entry,
                   const char *text)
{
  gboolean told = FALSE;
  gulong handler;

  g_return_if_fail (GTK_IS_SEARCH_ENTRY (entry));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text) == 0)
    return;
  /* Connected last: runs after the handler of the widget that owns the entry, which filters */
  handler = g_signal_connect_swapped (entry, "search-changed", G_CALLBACK (search_told), &told);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  pd_ui_test_wait_for (search_applied, &told, text);
  g_signal_handler_disconnect (entry, handler);
}

/* At least one toast is shown, and every toast takes clicks */
static gboolean
toasts_take_clicks (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint toasts = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
      g_autoptr(GPtrArray) overlays = pd_ui_test_find_all_type (window, ADW_TYPE_TOAST_OVERLAY);

      for (guint j = 0; j < overlays->len; j++)
        {
          GtkWidget *overlay = g_ptr_array_index (overlays, j);
          GtkWidget *content = adw_toast_overlay_get_child (ADW_TOAST_OVERLAY (overlay));

          for (GtkWidget *child = gtk_widget_get_first_child (overlay); child != NULL;
               child = gtk_widget_get_next_sibling (child))
            {
              if (child == content)
                continue;
              if (!gtk_widget_get_can_target (child))
                return FALSE;
              toasts++;
            }
        }
    }
  return toasts > 0;
}

/* Before a toast's button is pressed (a toast shown or on its way): a toast takes no clicks while it slides in, since
 * libadwaita 1.2 crashes when one leaves that early (pd-toast-queue.c); a click a test
 * emits goes around that, so it waits as a person's click would: until the queue lets the
 * toast take clicks, in the frame clock's time, which a busy machine stretches. */
void
pd_ui_test_wait_toast_shown (void)
{
  pd_ui_test_wait_for (toasts_take_clicks, NULL, "the toast to slide in");
}

void
pd_ui_test_wait_for (gboolean   (*check) (gpointer data),
                     gpointer     data,
                     const char  *what)
{
  pd_session_test_wait_for (check, data, what);
}

GtkWindow *
pd_ui_test_find_window (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        return window;  /* GTK keeps it */
    }
  return NULL;
}

static gboolean
window_open (gpointer type)
{
  return pd_ui_test_find_window (GPOINTER_TO_SIZE (type)) != NULL;
}

static gboolean
window_closed (gpointer type)
{
  return pd_ui_test_find_window (GPOINTER_TO_SIZE (type)) == NULL;
}

GtkWindow *
pd_ui_test_wait_window (GType type)
{
  pd_ui_test_wait_for (window_open, GSIZE_TO_POINTER (type), g_type_name (type));
  pd_ui_test_wait_frames (3);
  return pd_ui_test_find_window (type);
}

void
pd_ui_test_wait_window_closed (GType type)
{
  pd_ui_test_wait_for (window_closed, GSIZE_TO_POINTER (type), "the window to close");
}

GtkWidget *
pd_ui_test_find_file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (window) && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

gboolean
pd_ui_test_file_chooser_shown (gpointer data)
{
  return pd_ui_test_find_file_chooser () != NULL;
}

gboolean
pd_ui_test_file_chooser_has_file (gpointer data)
{
  GtkWidget *chooser = pd_ui_test_find_file_chooser ();
  g_autoptr(GFile) file = chooser != NULL ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser)) : NULL;

  return file != NULL;
}

typedef struct
{
  GtkWidget  *window;
  char       *path;
  gboolean    done;
} Shot;

/* Rendered right after a frame GTK painted: a window at rest may not give a node otherwise. */
static void
after_paint_cb (GdkFrameClock *clock,
                Shot          *shot)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (shot->window);
  int height = gtk_widget_get_height (shot->window);

  if (shot->done)
    return;
  paintable = gtk_widget_paintable_new (shot->window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  /* Still no allocation in this frame: try the next one. */
  if (node == NULL)
    {
      gtk_widget_queue_draw (shot->window);
      return;
    }
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (shot->window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
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
pd_ui_test_screenshot (GtkWidget  *widget,
                          const char *name)
{
  const char *dir = g_getenv ("PD_SCREENSHOT_DIR");
  g_autofree char *file = NULL;
  GdkFrameClock *clock;
  Shot shot = { 0 };
  gulong handler;

  if (dir == NULL)
    return;
  shot.window = GTK_WIDGET (gtk_widget_get_root (widget));
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

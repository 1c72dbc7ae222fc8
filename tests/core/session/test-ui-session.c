/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The real application in-process under Xvfb: the API-key dialog refuses a wrong key inline,
 * signs in with the right one against a test portal, and the session view opens on Clients
 * with who is signed in above the sidebar; the win.* actions push a client's page and go
 * back; --demo opens the demo portal and quitting forgets it; credentials gone from the
 * keyring show a banner whose button opens the sign-in dialog on that portal and signing in
 * there reopens the session. With PD_SCREENSHOT_DIR set, it also renders the welcome page,
 * the dialogs and the session into PNGs there (build-aux/take-screenshots). */

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>

#include "pd-application.h"
#include "pd-banner.h"
#include "pd-organization.h"
#include "pd-session-banners.h"
#include "pd-session-test.h"
#include "pd-session-view.h"
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
label_is (GtkWidget     *widget,
          gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
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

/* The session view is on screen with the application's session. */
static gboolean
page_mapped (gpointer window)
{
  PdSessionView *view = pd_window_get_session_view (window);
  GtkApplication *app = gtk_window_get_application (window);

  return gtk_widget_get_mapped (GTK_WIDGET (view)) && pd_session_view_get_session (view) != NULL &&
         pd_session_view_get_session (view) == pd_application_get_session (PD_APPLICATION (app));
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
  PdSessionView *view;
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
  g_assert_cmpuint (g_list_model_get_n_items (pd_session_get_organizations (session)), ==, 30);
  /* The view opens on Clients; who is signed in is above the sidebar. */
  view = pd_window_get_session_view (window);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (pd_session_view_get_sections (view)), ==, "clients");
  g_assert_cmpstr (pd_session_view_get_title (view), ==, "Clients");
  g_assert_nonnull (find_widget (GTK_WIDGET (view), label_is, "Northwind IT Services"));
  /* A page asks for a client: it is pushed, titled by the client's name; back returns. */
  {
    g_autoptr(PdOrganization) organization = g_list_model_get_item (pd_session_get_organizations (session), 0);

    page = gtk_stack_get_visible_child (pd_session_view_get_sections (view));
    g_assert_true (gtk_widget_activate_action (page, "win.show-client", "(ss)",
                                               pd_resource_get_id (PD_RESOURCE (organization)), ""));
    g_assert_cmpuint (pd_page_stack_get_depth (pd_session_view_get_page_stack (view)), ==, 1);
    g_assert_cmpstr (pd_session_view_get_title (view), ==, pd_organization_get_name (organization));
    gtk_widget_activate_action (GTK_WIDGET (window), "nav.back", NULL);
    g_assert_cmpuint (pd_page_stack_get_depth (pd_session_view_get_page_stack (view)), ==, 0);
    g_assert_cmpstr (pd_session_view_get_title (view), ==, "Clients");
  }

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

/* --demo: the welcome page starts the demo portal, the session opens on it; quitting
 * forgets the demo account and stops the child. */
static gboolean
demo_child_running (void)
{
  g_autoptr(GDir) proc = g_dir_open ("/proc", 0, NULL);
  const char *name;
  const char *cache = g_get_user_cache_dir ();

  while ((name = g_dir_read_name (proc)) != NULL)
    {
      g_autofree char *cmdline_path = g_build_filename ("/proc", name, "cmdline", NULL);
      g_autofree char *stat_path = g_build_filename ("/proc", name, "stat", NULL);
      g_autofree char *cmdline = NULL;
      g_autofree char *stat = NULL;
      gsize length;
      const char *end;

      if (!g_ascii_isdigit (name[0]) || !g_file_get_contents (cmdline_path, &cmdline, &length, NULL))
        continue;
      /* The arguments are NUL-separated: look for our demo database among them. */
      for (gsize i = 0; i < length; i += strlen (cmdline + i) + 1)
        if (g_str_has_prefix (cmdline + i, cache) && g_str_has_suffix (cmdline + i, "demo-portal.sqlite") &&
            g_file_get_contents (stat_path, &stat, NULL, NULL) &&
            (end = strrchr (stat, ')')) != NULL && end[1] == ' ' && end[2] != 'Z' && end[2] != 'X')
          return TRUE;
    }
  return FALSE;
}

static gboolean
demo_gone (gpointer data)
{
  return !demo_child_running ();
}

static void
run_demo_checks (gpointer user_data)
{
  PdApplication *app = user_data;
  PdWindow *window = PD_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  PdSession *session;

  pd_session_test_wait_for (has_session, app, "the demo session");
  g_assert_true (pd_application_is_demo (app));
  g_assert_true (demo_child_running ());
  pd_session_test_wait_for (up_to_date, app, "the demo's first sync");
  session = pd_application_get_session (app);
  g_assert_cmpuint (g_list_model_get_n_items (pd_session_get_organizations (session)), ==, 60);
  pd_session_test_wait_for (page_mapped, window, "the session page");
  /* A demo account is not reopened at the next start. */
  {
    g_autofree char *last = g_settings_get_string (pd_application_get_settings (app), "last-account");

    g_assert_cmpstr (last, ==, "");
  }
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
}

static void
demo_activated_cb (GApplication *app)
{
  g_idle_add_once (run_demo_checks, app);
}

static void
test_demo (void)
{
  g_autoptr(PdApplication) app = NULL;
  g_autoptr(PdAccountRegistry) registry = pd_account_registry_new (NULL);
  g_autoptr(GError) error = NULL;
  char *argv[] = { (char *) "partner-desk", (char *) "--demo", NULL };
  int status;

  if (!pd_session_test_keyring_ready ())
    return;
  app = pd_application_new (APPLICATION_ID ".Test", G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (demo_activated_cb), NULL);
  status = g_application_run (G_APPLICATION (app), 2, argv);
  g_assert_cmpint (status, ==, 0);

  /* Forgotten before the application ended, and the child is gone. */
  g_assert_true (pd_account_registry_load (registry, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (registry)), ==, 0);
  pd_session_test_wait_for (demo_gone, NULL, "the demo portal to end");
}

/* A missing portal binary: the welcome page says so and stays. */
static void
run_demo_missing_checks (gpointer user_data)
{
  PdApplication *app = user_data;
  PdWindow *window = PD_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  GtkWidget *welcome = find_descendant (GTK_WIDGET (window), PD_TYPE_WELCOME_PAGE);
  GtkWidget *label;

  pd_session_test_wait_for (error_shown, welcome, "the demo error");
  label = find_widget (welcome, is_error_label, NULL);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "/nonexistent/partner-desk-portal"));
  g_assert_null (pd_application_get_session (app));
  g_assert_true (gtk_widget_is_sensitive (find_widget (welcome, has_name, "demo_button")));
  screenshot (GTK_WIDGET (window), "welcome-demo-error");
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
}

static void
demo_missing_activated_cb (GApplication *app)
{
  g_idle_add_once (run_demo_missing_checks, app);
}

static void
test_demo_missing (void)
{
  g_autoptr(PdApplication) app = NULL;
  g_autofree char *binary = g_strdup (g_getenv ("PD_PORTAL_BIN"));
  char *argv[] = { (char *) "partner-desk", (char *) "--demo", NULL };

  g_setenv ("PD_PORTAL_BIN", "/nonexistent/partner-desk-portal", TRUE);
  app = pd_application_new (APPLICATION_ID ".Test", G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (demo_missing_activated_cb), NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 2, argv), ==, 0);
  g_setenv ("PD_PORTAL_BIN", binary, TRUE);
}

/* The last account opens at start from its cache, before any network: here the portal is
 * gone, so the clients are the cached ones and the page says offline. */
static gboolean
offline (gpointer app)
{
  PdSession *session = pd_application_get_session (app);

  return session != NULL &&
         pd_sync_engine_get_state (pd_session_get_sync_engine (session)) == PD_SYNC_STATE_OFFLINE;
}

static gboolean startup_checked;

static gboolean
reopened (gpointer app)
{
  return pd_application_get_session (app) != NULL && !pd_application_is_reopening (app);
}

static void
run_reopen_checks (gpointer user_data)
{
  PdApplication *app = user_data;
  PdWindow *window = PD_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  GtkStack *stack = GTK_STACK (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)));
  PdSession *session;

  pd_session_test_wait_for (reopened, app, "the reopened session");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "pages");
  session = pd_application_get_session (app);
  /* The session is handed over only once its models hold the cache. */
  g_assert_cmpuint (g_list_model_get_n_items (pd_session_get_organizations (session)), ==, 30);
  g_assert_false (pd_application_is_demo (app));
  pd_session_test_wait_for (page_mapped, window, "the session page");
  pd_session_test_wait_for (offline, app, "offline");
  screenshot (GTK_WIDGET (window), "session-offline");
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
}

/* The last account starts opening at startup, while GTK starts, before any window */
static void
reopen_startup_cb (GApplication *app)
{
  g_assert_true (pd_application_is_reopening (PD_APPLICATION (app)));
  g_assert_null (pd_application_get_session (PD_APPLICATION (app)));
  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (app)));
  startup_checked = TRUE;
}

static void
reopen_activated_cb (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  GtkStack *stack = GTK_STACK (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)));

  /* The window is there before the last account has opened from its cache: it shows a
   * blank page meanwhile, not a flash of the welcome page */
  g_assert_null (pd_application_get_session (PD_APPLICATION (app)));
  g_assert_true (pd_application_is_reopening (PD_APPLICATION (app)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "opening");
  g_idle_add_once (run_reopen_checks, app);
}

typedef enum {
  REOPEN_OFFLINE,         /* the portal is gone */
  REOPEN_WITHOUT_SECRET,  /* the key left the keyring */
} Reopen;

/* A first run on a new portal fills the cache of the owner's account; then, as @how says,
 * the application reopens that last account, @on_activate checks it, and nothing is left
 * behind for other tests. */
static void
run_reopened (Reopen    how,
              GCallback on_activate)
{
  g_autoptr(PdApplication) app = NULL;
  g_autoptr(PdAccountRegistry) registry = pd_account_registry_new (NULL);
  g_autoptr(PdAccountInfo) account = NULL;
  g_autoptr(PdSession) session = NULL;
  g_autoptr(GSettings) settings = g_settings_new (BASE_APPLICATION_ID);
  g_autoptr(GError) error = NULL;

  if (!pd_session_test_keyring_ready ())
    return;
  portal = pd_test_portal_start ((const char *[]) { "--seed", "30", NULL });
  g_assert_true (pd_account_registry_load (registry, &error));
  account = pd_session_test_sign_in_key (registry, pd_test_portal_get_url (portal),
                                         pd_test_portal_get_key (portal, "owner"));
  session = pd_session_new (account, NULL);
  pd_session_test_start (session);
  pd_session_test_wait_state (session, PD_SYNC_STATE_UP_TO_DATE);
  pd_session_stop (session);
  g_clear_object (&session);
  if (how == REOPEN_OFFLINE)
    g_clear_pointer (&portal, pd_test_portal_kill);
  else
    pd_session_test_clear_secret (pd_account_info_get_id (account));

  g_settings_set_string (settings, "last-account", pd_account_info_get_id (account));
  app = pd_application_new (APPLICATION_ID ".Test", G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", on_activate, NULL);
  g_signal_connect (app, "startup", G_CALLBACK (reopen_startup_cb), NULL);
  startup_checked = FALSE;
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);
  g_assert_true (startup_checked);

  session = pd_session_new (account, NULL);
  pd_session_set_registry (session, registry);
  pd_session_test_remove (session);
  g_settings_reset (settings, "last-account");
  g_clear_pointer (&portal, pd_test_portal_stop);
}

static void
test_reopen_offline (void)
{
  run_reopened (REOPEN_OFFLINE, G_CALLBACK (reopen_activated_cb));
}

/* Credentials gone from the keyring: the last account reopens from its cache with a banner;
 * its button opens the API-key dialog on that portal, and signing in there reopens the
 * session with the banner gone. */
static gboolean
auth_banner_shown (gpointer window)
{
  PdSessionBanners *banners = PD_SESSION_BANNERS (find_descendant (window, PD_TYPE_SESSION_BANNERS));
  PdBanner *banner = pd_session_banners_get_auth_banner (banners);

  return pd_banner_get_revealed (banner) && gtk_widget_get_mapped (GTK_WIDGET (banner));
}

static gboolean
signed_in_again (gpointer app)
{
  PdSession *session = pd_application_get_session (app);

  return session != NULL && pd_session_get_auth_error (session) == NULL &&
         pd_sync_engine_get_state (pd_session_get_sync_engine (session)) == PD_SYNC_STATE_UP_TO_DATE;
}

static void
run_sign_in_again_checks (gpointer user_data)
{
  PdApplication *app = user_data;
  PdWindow *window = PD_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  PdSessionBanners *banners;
  PdBanner *banner;
  GtkWidget *dialog;
  GtkWidget *address;

  pd_session_test_wait_for (has_session, app, "the reopened session");
  pd_session_test_wait_for (page_mapped, window, "the session view");
  pd_session_test_wait_for (auth_banner_shown, window, "the sign-in banner");
  banners = PD_SESSION_BANNERS (find_descendant (GTK_WIDGET (window), PD_TYPE_SESSION_BANNERS));
  banner = pd_session_banners_get_auth_banner (banners);
  g_assert_nonnull (strstr (pd_banner_get_title (banner), pd_session_get_auth_error (pd_application_get_session (app))));
  screenshot (GTK_WIDGET (window), "session-sign-in-needed");

  g_signal_emit_by_name (find_descendant (GTK_WIDGET (banner), GTK_TYPE_BUTTON), "clicked");
  pd_session_test_wait_for (toplevel_shown, GSIZE_TO_POINTER (PD_TYPE_SIGN_IN_DIALOG), "the sign-in dialog");
  dialog = GTK_WIDGET (find_toplevel (PD_TYPE_SIGN_IN_DIALOG));
  g_assert_cmpint (pd_sign_in_dialog_get_mode (PD_SIGN_IN_DIALOG (dialog)), ==, PD_SIGN_IN_MODE_API_KEY);
  address = find_widget (dialog, has_name, "address_row");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (address)), ==, pd_test_portal_get_url (portal));
  type_into (dialog, "key_row", pd_test_portal_get_key (portal, "owner"));
  gtk_widget_activate_action (dialog, "sign-in.sign-in", NULL);
  pd_session_test_wait_for (signed_in_again, app, "the session signed in again");
  pd_session_test_wait_for (page_mapped, window, "the session view again");
  g_assert_false (pd_banner_get_revealed (pd_session_banners_get_auth_banner (banners)));
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
}

static void
sign_in_again_activated_cb (GApplication *app)
{
  g_idle_add_once (run_sign_in_again_checks, app);
}

static void
test_sign_in_again (void)
{
  run_reopened (REOPEN_WITHOUT_SECRET, G_CALLBACK (sign_in_again_activated_cb));
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
  g_test_add_func ("/ui/session/demo", test_demo);
  g_test_add_func ("/ui/session/demo-missing", test_demo_missing);
  g_test_add_func ("/ui/session/reopen-offline", test_reopen_offline);
  g_test_add_func ("/ui/session/sign-in-again", test_sign_in_again);

  return g_test_run ();
}

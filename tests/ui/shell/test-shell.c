/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The session view against a real session on the reference portal: the win.* navigation
 * actions push and pop the right pages and titles and the sidebar resets them; the sync
 * status says each state (syncing, up to date, offline, failed); the offline banner appears
 * with its time when the portal goes away and Retry starts a sync; errors are toasts with a
 * details dialog that copies; the auth-error banner's button asks to sign in again. With
 * PD_SCREENSHOT_DIR set, it renders shell-* PNGs there. */

#include "config.h"

#include <glib/gi18n.h>

#include "pd-account-summary.h"
#include "pd-banner.h"
#include "pd-organization.h"
#include "pd-session-banners.h"
#include "pd-session-view.h"
#include "pd-sync-status.h"
#include "pd-ui-test.h"

static PdSyncState
state_of (PdSession *session)
{
  return pd_sync_engine_get_state (pd_session_get_sync_engine (session));
}

static gboolean
is_offline (gpointer session)
{
  return state_of (session) == PD_SYNC_STATE_OFFLINE;
}

static gboolean
is_up_to_date (gpointer session)
{
  return state_of (session) == PD_SYNC_STATE_UP_TO_DATE;
}

static gboolean
is_failed (gpointer session)
{
  return state_of (session) == PD_SYNC_STATE_FAILED;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} LabelWait;

static gboolean
label_shown (gpointer data)
{
  LabelWait *wait = data;

  return pd_ui_test_find_label (wait->root, wait->text) != NULL;
}

static gboolean
label_is (GtkWidget     *widget,
          gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_folded (gpointer view)
{
  return pd_session_view_is_folded (view);
}

static gboolean
label_gone (gpointer data)
{
  return !label_shown (data);
}

static PdSessionView *
view_new (PdSession  *session,
          int         width,
          GtkWindow **window)
{
  PdSessionView *view = PD_SESSION_VIEW (pd_session_view_new ());

  *window = pd_ui_test_window_new (GTK_WIDGET (view), width, 720);
  pd_session_view_set_session (view, session);
  pd_ui_test_wait_frames (5);
  return view;
}

static const char *
first_organization_id (PdSession  *session,
                       const char **name)
{
  g_autoptr(PdOrganization) organization = g_list_model_get_item (pd_session_get_organizations (session), 0);

  *name = pd_organization_get_name (organization);
  return pd_resource_get_id (PD_RESOURCE (organization));
}

static gboolean
banner_mapped (gpointer banner)
{
  return pd_banner_get_revealed (banner) && gtk_widget_get_mapped (banner);
}

/* Navigation: sections, a client pushed over them, an account over that, back, and the
 * sidebar starting a section afresh. */
static void
test_navigation (void)
{
  const char *portal_args[] = { "--seed", "50", NULL };
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new (portal_args, "owner");
  GtkWindow *window;
  PdSessionView *view;
  PdPageStack *stack;
  GtkStack *sections;
  GtkWidget *section;
  GtkListBox *sidebar;
  const char *name = NULL;
  g_autofree char *organization_id = NULL;

  if (test == NULL)
    return;
  view = view_new (test->session, 1100, &window);
  stack = pd_session_view_get_page_stack (view);
  sections = pd_session_view_get_sections (view);
  sidebar = GTK_LIST_BOX (pd_ui_test_find_id (GTK_WIDGET (view), "sidebar"));
  organization_id = g_strdup (first_organization_id (test->session, &name));

  /* A session opens on Clients, after Overview in the sidebar. */
  g_assert_nonnull (gtk_stack_get_child_by_name (sections, "overview"));
  g_assert_nonnull (gtk_stack_get_child_by_name (sections, "clients"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sections), ==, "clients");
  g_assert_cmpstr (pd_session_view_get_title (view), ==, "Clients");
  g_assert_cmpint (gtk_list_box_row_get_index (gtk_list_box_get_selected_row (sidebar)), ==, 1);
  /* Who is signed in: the sidebar's header, and the top of the main menu. */
  {
    PdAccountSummary *summary = PD_ACCOUNT_SUMMARY (pd_ui_test_find_type (GTK_WIDGET (view), PD_TYPE_ACCOUNT_SUMMARY));
    PdMe *me = pd_session_get_me (test->session);
    g_autofree char *host = pd_account_info_dup_host (test->account);

    g_assert_cmpstr (pd_account_summary_get_title (summary), ==, pd_me_get_partner_name (me));
    g_assert_cmpstr (pd_account_summary_get_subtitle (summary), ==, host);
    g_assert_nonnull (pd_ui_test_find_label (GTK_WIDGET (view), pd_me_get_partner_name (me)));
    g_assert_nonnull (pd_ui_test_find (GTK_WIDGET (summary), label_is, pd_me_get_user_email (me)));
  }
  /* Nothing to go back to: the action is off, so Escape goes to whoever else wants it. */
  g_assert_false (gtk_widget_get_sensitive (pd_ui_test_find_id (GTK_WIDGET (view), "back_button")));

  /* Pages activate the window actions from inside. */
  section = gtk_stack_get_visible_child (sections);
  g_assert_true (gtk_widget_activate_action (section, "win.show-page", "s", "overview"));
  g_assert_cmpstr (pd_session_view_get_title (view), ==, "Overview");
  g_assert_cmpint (gtk_list_box_row_get_index (gtk_list_box_get_selected_row (sidebar)), ==, 0);

  section = gtk_stack_get_visible_child (sections);
  g_assert_true (gtk_widget_activate_action (section, "win.show-client", "(ss)", organization_id, ""));
  g_assert_cmpuint (pd_page_stack_get_depth (stack), ==, 1);
  g_assert_cmpstr (pd_session_view_get_title (view), ==, name);
  g_assert_true (gtk_widget_get_visible (pd_ui_test_find_id (GTK_WIDGET (view), "back_button")));
  pd_ui_test_screenshot (GTK_WIDGET (view), "shell-client");

  g_assert_true (gtk_widget_activate_action (pd_page_stack_get_visible_page (stack), "win.show-account", "(sss)",
                                             organization_id, "svc_x", "acc_x"));
  g_assert_cmpuint (pd_page_stack_get_depth (stack), ==, 2);

  /* Back, one page at a time, then the section's own title again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "win.go-back", NULL));
  g_assert_cmpuint (pd_page_stack_get_depth (stack), ==, 1);
  g_assert_cmpstr (pd_session_view_get_title (view), ==, name);
  g_assert_true (pd_session_view_go_back (view));
  g_assert_cmpuint (pd_page_stack_get_depth (stack), ==, 0);
  g_assert_cmpstr (pd_session_view_get_title (view), ==, "Overview");
  g_assert_false (gtk_widget_get_visible (pd_ui_test_find_id (GTK_WIDGET (view), "back_button")));

  /* Choosing a section in the sidebar drops what was pushed over the current one. */
  gtk_widget_activate_action (GTK_WIDGET (view), "win.show-client", "(ss)", organization_id, "");
  g_assert_cmpuint (pd_page_stack_get_depth (stack), ==, 1);
  g_signal_emit_by_name (sidebar, "row-activated", gtk_list_box_get_row_at_index (sidebar, 1));
  g_assert_cmpuint (pd_page_stack_get_depth (stack), ==, 0);
  g_assert_cmpstr (pd_session_view_get_title (view), ==, "Clients");

  pd_ui_test_window_destroy (window);

  /* In one column: back goes from a pushed page to the section, then to the sidebar. */
  view = view_new (test->session, 360, &window);
  stack = pd_session_view_get_page_stack (view);
  pd_ui_test_wait_for (is_folded, view, "one column");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, 360);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (pd_session_view_get_sections (view))));
  g_assert_true (gtk_widget_get_visible (pd_ui_test_find_id (GTK_WIDGET (view), "back_button")));
  gtk_widget_activate_action (GTK_WIDGET (view), "win.show-client", "(ss)", organization_id, "");
  pd_ui_test_screenshot (GTK_WIDGET (view), "shell-client-narrow");
  g_assert_true (pd_session_view_go_back (view));
  g_assert_cmpuint (pd_page_stack_get_depth (stack), ==, 0);
  g_assert_true (pd_session_view_go_back (view));
  pd_ui_test_wait_frames (20);
  g_assert_true (gtk_widget_get_mapped (pd_ui_test_find_id (GTK_WIDGET (view), "sidebar")));
  g_assert_false (gtk_widget_get_sensitive (pd_ui_test_find_id (GTK_WIDGET (view), "back_button")));
  pd_ui_test_screenshot (GTK_WIDGET (view), "shell-sidebar-narrow");
  pd_ui_test_window_destroy (window);
}

/* The sync status and the offline banner, from a real session whose portal goes away. */
static void
test_sync_status_offline (void)
{
  const char *portal_args[] = { "--seed", "50", NULL };
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new (portal_args, "owner");
  GtkWindow *window;
  PdSessionView *view;
  PdSyncStatus *status;
  PdSessionBanners *banners;
  PdBanner *offline;
  GtkWidget *retry;
  g_autofree char *since = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GDateTime) offline_since = NULL;
  g_autoptr(GDateTime) local = NULL;
  LabelWait wait;

  if (test == NULL)
    return;
  view = view_new (test->session, 1100, &window);
  status = PD_SYNC_STATUS (pd_ui_test_find_type (GTK_WIDGET (view), PD_TYPE_SYNC_STATUS));
  banners = PD_SESSION_BANNERS (pd_ui_test_find_type (GTK_WIDGET (view), PD_TYPE_SESSION_BANNERS));
  offline = pd_session_banners_get_offline_banner (banners);

  /* Up to date: when, to the minute. */
  g_assert_cmpstr (pd_sync_status_get_text (status), ==, "Updated just now");
  g_assert_nonnull (pd_sync_status_get_last_success (status));
  g_assert_nonnull (pd_ui_test_find_label (GTK_WIDGET (status), "Updated just now"));
  g_assert_false (pd_banner_get_revealed (offline));

  /* Refreshing: progress while syncing (the engine enters it at once), then up to date. */
  gtk_widget_activate_action (GTK_WIDGET (view), "win.refresh", NULL);
  g_assert_cmpint (state_of (test->session), ==, PD_SYNC_STATE_SYNCING);
  g_assert_cmpstr (pd_sync_status_get_text (status), ==, "Updating…");
  g_assert_true (gtk_widget_get_visible (pd_ui_test_find_type (GTK_WIDGET (status), GTK_TYPE_PROGRESS_BAR)));
  pd_ui_test_wait_for (is_up_to_date, test->session, "the refresh");
  g_assert_cmpstr (pd_sync_status_get_text (status), ==, "Updated just now");
  g_assert_false (gtk_widget_get_visible (pd_ui_test_find_type (GTK_WIDGET (status), GTK_TYPE_PROGRESS_BAR)));
  pd_ui_test_screenshot (GTK_WIDGET (view), "shell-up-to-date");

  /* The portal goes away: a refresh finds it offline; the banner says since when. */
  g_clear_pointer (&test->portal, pd_test_portal_kill);
  pd_sync_status_refresh (status);
  pd_ui_test_wait_for (is_offline, test->session, "offline");
  pd_ui_test_wait_for (banner_mapped, offline, "the offline banner");
  offline_since = g_date_time_ref (pd_sync_engine_get_offline_since (pd_session_get_sync_engine (test->session)));
  local = g_date_time_to_local (offline_since);
  since = g_date_time_format (local, "%H:%M");
  expected = g_strdup_printf ("Offline since %s — showing clients as last seen", since);
  g_assert_cmpstr (pd_banner_get_title (offline), ==, expected);
  wait = (LabelWait) { GTK_WIDGET (view), expected };
  pd_ui_test_wait_for (label_shown, &wait, "the offline banner's words");
  g_assert_cmpstr (pd_sync_status_get_text (status), ==, "Offline");
  pd_ui_test_screenshot (GTK_WIDGET (view), "shell-offline");
  if (g_getenv ("PD_SCREENSHOT_DIR") != NULL)
    {
      /* The banner in the high-contrast and dark styles (libadwaita 1.2 follows the theme name). */
      g_object_set (gtk_settings_get_default (), "gtk-theme-name", "HighContrast", NULL);
      pd_ui_test_screenshot (GTK_WIDGET (view), "shell-offline-hc");
      g_object_set (gtk_settings_get_default (), "gtk-theme-name", "Adwaita", NULL);
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
      pd_ui_test_screenshot (GTK_WIDGET (view), "shell-offline-dark");
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
    }

  /* Retry starts a sync at once; it finds the portal still gone. */
  retry = pd_ui_test_find_type (GTK_WIDGET (offline), GTK_TYPE_BUTTON);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (retry)), ==, "_Retry");
  g_signal_emit_by_name (retry, "clicked");
  g_assert_cmpint (state_of (test->session), ==, PD_SYNC_STATE_SYNCING);
  g_assert_cmpstr (pd_sync_status_get_text (status), ==, "Updating…");
  pd_ui_test_wait_for (is_offline, test->session, "offline again");
  g_assert_true (pd_banner_get_revealed (offline));
  /* Still the moment it first went away. */
  g_assert_true (g_date_time_equal (offline_since, pd_sync_engine_get_offline_since (pd_session_get_sync_engine (test->session))));

  pd_ui_test_window_destroy (window);
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

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* Opens the details of the toast saying @title and checks them; returns when it closed. */
static void
check_details (GtkWidget  *view,
               const char *title,
               const char *details)
{
  GtkWidget *button = pd_ui_test_find (view, is_button_labelled, "_Details");
  GtkWidget *dialog;
  GtkWidget *label;
  GdkContentProvider *content;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *expected = g_strdup_printf ("%s\n\n%s", title, details);

  g_assert_nonnull (button);
  pd_ui_test_wait_toast_shown ();
  g_signal_emit_by_name (button, "clicked");
  pd_ui_test_wait_for (toplevel_shown, GSIZE_TO_POINTER (ADW_TYPE_MESSAGE_DIALOG), "the details dialog");
  dialog = GTK_WIDGET (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, title);
  label = pd_ui_test_find_selectable_label (dialog);
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, details);
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "copy"));
  pd_ui_test_screenshot (dialog, "shell-error-details");

  /* Copy puts the title and the details on the clipboard. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "copy");
  content = gdk_clipboard_get_content (gtk_widget_get_clipboard (view));
  g_assert_nonnull (content);
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
  g_assert_cmpstr (g_value_get_string (&value), ==, expected);
  pd_ui_test_wait_frames (5);
}

/* win.show-error: a toast with Details, the dialog selectable with Copy; win.show-toast. */
static void
test_error_toast (void)
{
  const char *portal_args[] = { "--seed", "10", NULL };
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new (portal_args, "owner");
  GtkWindow *window;
  PdSessionView *view;
  LabelWait wait;

  if (test == NULL)
    return;
  view = view_new (test->session, 1100, &window);

  gtk_widget_activate_action (GTK_WIDGET (view), "win.show-toast", "s", "Exported 42 clients");
  wait = (LabelWait) { GTK_WIDGET (view), "Exported 42 clients" };
  pd_ui_test_wait_for (label_shown, &wait, "the toast");

  gtk_widget_activate_action (gtk_stack_get_visible_child (pd_session_view_get_sections (view)),
                              "win.show-error", "(ss)", "Could not pause 3 accounts",
                              "The portal refused: this role lacks the accounts.write permission.");
  wait = (LabelWait) { GTK_WIDGET (view), "Could not pause 3 accounts" };
  pd_ui_test_wait_for (label_shown, &wait, "the error toast");
  pd_ui_test_screenshot (GTK_WIDGET (view), "shell-error-toast");
  check_details (GTK_WIDGET (view), "Could not pause 3 accounts",
                 "The portal refused: this role lacks the accounts.write permission.");

  pd_ui_test_window_destroy (window);
}

/* A sync that fails (not offline) raises one toast, not one per refresh. */
static void
test_failed_sync (void)
{
  const char *portal_args[] = { "--seed", "10", "--faults", "error=1:500,path=/api/v1/organizations", NULL };
  g_autofree char *dir = NULL;
  g_autofree char *registry_path = NULL;
  g_autoptr(PdTestPortal) portal = NULL;
  g_autoptr(PdAccountRegistry) registry = NULL;
  g_autoptr(PdAccountInfo) account = NULL;
  g_autoptr(PdSession) session = NULL;
  GtkWindow *window;
  PdSessionView *view;
  PdSyncStatus *status;
  LabelWait wait;

  if (!pd_session_test_keyring_ready ())
    {
      g_test_skip ("no test keyring");
      return;
    }
  dir = g_dir_make_tmp ("pd-ui-XXXXXX", NULL);
  registry_path = g_build_filename (dir, "accounts.ini", NULL);
  portal = pd_test_portal_start (portal_args);
  registry = pd_account_registry_new (registry_path);
  account = pd_session_test_sign_in_key (registry, pd_test_portal_get_url (portal),
                                         pd_test_portal_get_key (portal, "owner"));
  session = pd_session_new (account, dir);
  pd_session_set_registry (session, registry);
  pd_session_set_refresh_interval (session, 0);
  pd_session_test_start (session);
  pd_session_test_wait_state (session, PD_SYNC_STATE_FAILED);

  view = view_new (session, 1100, &window);
  status = PD_SYNC_STATUS (pd_ui_test_find_type (GTK_WIDGET (view), PD_TYPE_SYNC_STATUS));
  g_assert_cmpstr (pd_sync_status_get_text (status), ==, "Update failed");
  wait = (LabelWait) { GTK_WIDGET (view), "Could not update from the portal" };
  pd_ui_test_wait_for (label_shown, &wait, "the failure toast");
  pd_ui_test_screenshot (GTK_WIDGET (view), "shell-failed");
  check_details (GTK_WIDGET (view), "Could not update from the portal",
                 pd_sync_engine_get_error (pd_session_get_sync_engine (session)));

  /* Details dismissed the toast; the same failure at the next refresh stays quiet. */
  pd_ui_test_wait_for (label_gone, &wait, "the toast to go");
  pd_sync_status_refresh (status);
  g_assert_cmpint (state_of (session), ==, PD_SYNC_STATE_SYNCING);
  pd_ui_test_wait_for (is_failed, session, "the same failure");
  pd_ui_test_wait_frames (30);
  g_assert_null (pd_ui_test_find_label (GTK_WIDGET (view), "Could not update from the portal"));
  g_assert_cmpstr (pd_sync_status_get_text (status), ==, "Update failed");

  pd_ui_test_window_destroy (window);
  pd_session_stop (session);
  pd_session_test_remove_tree (dir);
}

/* Credentials gone from the keyring: the banner says so, and its button asks the
 * application to sign in again (tests/core/session/test-ui-session.c follows it into the
 * real dialog). */
static void
sign_in_again_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  (*(guint *) user_data)++;
}

static void
test_auth_banner (void)
{
  const char *portal_args[] = { "--seed", "10", NULL };
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new (portal_args, "owner");
  g_autoptr(GSimpleActionGroup) app_actions = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) action = g_simple_action_new ("sign-in-again", NULL);
  g_autofree char *cache_dir = NULL;
  g_autoptr(PdSession) session = NULL;
  GtkWindow *window;
  PdSessionView *view;
  PdSessionBanners *banners;
  PdBanner *auth;
  PdSyncStatus *status;
  guint asked = 0;

  if (test == NULL)
    return;
  /* The same account, started again with its secret gone. */
  pd_session_stop (test->session);
  pd_session_test_clear_secret (pd_account_info_get_id (test->account));
  cache_dir = g_build_filename (test->dir, "cache", NULL);
  session = pd_session_new (test->account, cache_dir);
  pd_session_set_refresh_interval (session, 0);
  pd_session_test_start (session);
  pd_session_test_wait_auth_error (session);

  view = view_new (session, 1100, &window);
  g_signal_connect (action, "activate", G_CALLBACK (sign_in_again_cb), &asked);
  g_action_map_add_action (G_ACTION_MAP (app_actions), G_ACTION (action));
  gtk_widget_insert_action_group (GTK_WIDGET (window), "app", G_ACTION_GROUP (app_actions));
  banners = PD_SESSION_BANNERS (pd_ui_test_find_type (GTK_WIDGET (view), PD_TYPE_SESSION_BANNERS));
  auth = pd_session_banners_get_auth_banner (banners);
  status = PD_SYNC_STATUS (pd_ui_test_find_type (GTK_WIDGET (view), PD_TYPE_SYNC_STATUS));
  pd_ui_test_wait_for (banner_mapped, auth, "the sign-in banner");
  g_assert_true (g_str_has_prefix (pd_banner_get_title (auth), "Not signed in: "));
  g_assert_cmpstr (pd_sync_status_get_text (status), ==, "Sign-in needed");
  /* Only the more urgent banner. */
  g_assert_false (pd_banner_get_revealed (pd_session_banners_get_offline_banner (banners)));
  pd_ui_test_screenshot (GTK_WIDGET (view), "shell-auth-error");

  g_signal_emit_by_name (pd_ui_test_find_type (GTK_WIDGET (auth), GTK_TYPE_BUTTON), "clicked");
  g_assert_cmpuint (asked, ==, 1);

  pd_ui_test_window_destroy (window);
  pd_session_stop (session);
}

int
main (int   argc,
      char *argv[])
{
  pd_ui_test_init (&argc, &argv);
  g_test_add_func ("/shell/navigation", test_navigation);
  g_test_add_func ("/shell/sync-status-offline", test_sync_status_offline);
  g_test_add_func ("/shell/error-toast", test_error_toast);
  g_test_add_func ("/shell/failed-sync", test_failed_sync);
  g_test_add_func ("/shell/auth-banner", test_auth_banner);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Leaving the Notifications section with unsaved changes asks first, and Save, Discard and
 * Cancel each do what they say (another section, back to the sidebar, closing the window,
 * signing out);
 * a role without notifications.write sees the settings, disabled, with the reason; a role
 * without notifications.read has no such section. */

#include "config.h"

#include "notifications-test.h"

static PdUiTestSession *owner;

static PdNotificationChoice *
download_choice (PdNotificationsPage *page)
{
  return pd_notification_type_row_get_choice (nt_row (page, "download.ready"));
}

static gint64
portal_count (const char *key)
{
  g_autoptr(JsonNode) settings = nt_portal_get (owner->session, "/api/v1/notification-settings", NULL);

  return json_object_get_int_member (nt_setting (settings, key), "cumulative_count");
}

/* Opens the page and changes one count (not saved); returns the portal's count. */
static PdNotificationsPage *
open_with_change (int             width,
                  PdSessionView **view,
                  GtkWindow     **window,
                  gint64         *saved,
                  int            *changed)
{
  PdNotificationsPage *page = nt_open_page (owner, width, view, window);

  *saved = portal_count ("download.ready");
  *changed = (int) (*saved % 900) + 11;
  pd_notification_choice_set_cumulative_count (download_choice (page), *changed);
  g_assert_true (pd_notifications_page_is_changed (page));
  return page;
}

static const char *
section_shown (PdSessionView *view)
{
  return gtk_stack_get_visible_child_name (pd_session_view_get_sections (view));
}

static gboolean
shows_clients (gpointer data)
{
  return g_strcmp0 (section_shown (data), "clients") == 0;
}

static void
test_leave_cancel (void)
{
  PdSessionView *view;
  GtkWindow *window;
  gint64 saved;
  int changed;
  PdNotificationsPage *page = open_with_change (1100, &view, &window, &saved, &changed);
  AdwMessageDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (page), "win.show-page", "s", "clients");
  dialog = nt_wait_dialog ("Save Changes?");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == window);
  pd_ui_test_screenshot (GTK_WIDGET (dialog), "notifications-unsaved");
  nt_respond (dialog, "cancel");
  /* Still here, with the change. */
  g_assert_cmpstr (section_shown (view), ==, "notifications");
  g_assert_cmpint (pd_notification_choice_get_cumulative_count (download_choice (page)), ==, changed);
  g_assert_true (pd_notifications_page_is_changed (page));
  g_assert_cmpint (portal_count ("download.ready"), ==, saved);
  pd_ui_test_window_destroy (window);
}

static void
test_leave_discard (void)
{
  PdSessionView *view;
  GtkWindow *window;
  gint64 saved;
  int changed;
  PdNotificationsPage *page = open_with_change (1100, &view, &window, &saved, &changed);

  gtk_widget_activate_action (GTK_WIDGET (page), "win.show-page", "s", "clients");
  nt_respond (nt_wait_dialog ("Save Changes?"), "discard");
  /* The answer comes back through a GTask, in a later turn of the main loop */
  pd_ui_test_wait_for (shows_clients, view, "leaving after the discard");
  g_assert_false (pd_notifications_page_is_changed (page));
  g_assert_cmpint (pd_notification_choice_get_cumulative_count (download_choice (page)), ==, saved);
  g_assert_cmpint (portal_count ("download.ready"), ==, saved);
  /* Nothing unsaved: leaving again asks nothing. */
  pd_session_view_show_page (view, "notifications");
  pd_session_view_show_page (view, "clients");
  g_assert_cmpstr (section_shown (view), ==, "clients");
  pd_ui_test_window_destroy (window);
}

static void
test_leave_save (void)
{
  PdSessionView *view;
  GtkWindow *window;
  gint64 saved;
  int changed;
  PdNotificationsPage *page = open_with_change (1100, &view, &window, &saved, &changed);

  gtk_widget_activate_action (GTK_WIDGET (page), "win.show-page", "s", "clients");
  nt_respond (nt_wait_dialog ("Save Changes?"), "save");
  pd_ui_test_wait_for (shows_clients, view, "leaving after the save");
  g_assert_false (pd_notifications_page_is_changed (page));
  g_assert_cmpint (portal_count ("download.ready"), ==, changed);
  pd_ui_test_window_destroy (window);
}

/* One column (360 px): back goes to the sidebar, and asks first. */
static void
test_go_back (void)
{
  PdSessionView *view;
  GtkWindow *window;
  gint64 saved;
  int changed;
  PdNotificationsPage *page = open_with_change (360, &view, &window, &saved, &changed);

  g_assert_true (pd_session_view_is_folded (view));
  pd_ui_test_screenshot (GTK_WIDGET (window), "notifications-narrow");
  g_assert_true (pd_session_view_go_back (view));
  nt_respond (nt_wait_dialog ("Save Changes?"), "cancel");
  g_assert_true (gtk_widget_get_child_visible (GTK_WIDGET (page)));
  g_assert_true (pd_notifications_page_is_changed (page));
  g_assert_true (pd_session_view_go_back (view));
  nt_respond (nt_wait_dialog ("Save Changes?"), "discard");
  g_assert_false (pd_notifications_page_is_changed (page));
  pd_ui_test_window_destroy (window);
}

static gboolean
window_closed (gpointer data)
{
  return *(GtkWindow **) data == NULL;
}

static void
test_close_window (void)
{
  PdSessionView *view;
  GtkWindow *window;
  gint64 saved;
  int changed;
  PdNotificationsPage *page = open_with_change (1100, &view, &window, &saved, &changed);

  /* Cancel: the window stays. */
  g_assert_true (pd_session_view_hold_close (view));
  nt_respond (nt_wait_dialog ("Save Changes?"), "cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (pd_notifications_page_is_changed (page));

  /* Discard: it closes by itself. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_assert_true (pd_session_view_hold_close (view));
  nt_respond (nt_wait_dialog ("Save Changes?"), "discard");
  pd_ui_test_wait_for (window_closed, &window, "the window to close");
  g_assert_cmpint (portal_count ("download.ready"), ==, saved);
}

/* “app.sign-out” as PdApplication has it: it holds while the section asks, and signs out
 * (here: counts) when nothing is left unsaved. */
static void
sign_out_cb (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  PdSessionView *view = user_data;
  guint *signed_out = g_object_get_data (G_OBJECT (view), "nt-signed-out");

  if (!pd_session_view_hold_sign_out (view))
    (*signed_out)++;
}

static gboolean
signed_out_once (gpointer data)
{
  return *(guint *) data == 1;
}

static gboolean
signed_out_twice (gpointer data)
{
  return *(guint *) data == 2;
}

static void
test_sign_out (void)
{
  const GActionEntry entries[] = { { .name = "sign-out", .activate = sign_out_cb } };
  g_autoptr(GSimpleActionGroup) app = g_simple_action_group_new ();
  PdSessionView *view;
  GtkWindow *window;
  gint64 saved;
  int changed;
  guint signed_out = 0;
  PdNotificationsPage *page = open_with_change (1100, &view, &window, &saved, &changed);
  AdwMessageDialog *dialog;

  g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), view);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "app", G_ACTION_GROUP (app));
  g_object_set_data (G_OBJECT (view), "nt-signed-out", &signed_out);

  /* Cancel: still signed in, with the change. */
  gtk_widget_activate_action (GTK_WIDGET (view), "app.sign-out", NULL);
  dialog = nt_wait_dialog ("Save Changes?");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == window);
  nt_respond (dialog, "cancel");
  pd_ui_test_wait_frames (3);
  g_assert_cmpuint (signed_out, ==, 0);
  g_assert_true (pd_notifications_page_is_changed (page));

  /* Save: the portal has it, then the sign-out goes on by itself. */
  gtk_widget_activate_action (GTK_WIDGET (view), "app.sign-out", NULL);
  nt_respond (nt_wait_dialog ("Save Changes?"), "save");
  pd_ui_test_wait_for (signed_out_once, &signed_out, "signing out after the save");
  g_assert_false (pd_notifications_page_is_changed (page));
  g_assert_cmpint (portal_count ("download.ready"), ==, changed);

  /* Discard: signed out, the portal unchanged. */
  pd_notification_choice_set_cumulative_count (download_choice (page), changed + 1);
  gtk_widget_activate_action (GTK_WIDGET (view), "app.sign-out", NULL);
  nt_respond (nt_wait_dialog ("Save Changes?"), "discard");
  pd_ui_test_wait_for (signed_out_twice, &signed_out, "signing out after the discard");
  g_assert_cmpint (portal_count ("download.ready"), ==, changed);

  /* Nothing unsaved: no question. */
  gtk_widget_activate_action (GTK_WIDGET (view), "app.sign-out", NULL);
  g_assert_cmpuint (signed_out, ==, 3);
  pd_ui_test_window_destroy (window);
}

static void
assert_gated (GtkWidget  *widget,
              const char *what)
{
  g_autofree char *tooltip = NULL;

  g_assert_false (gtk_widget_is_sensitive (widget));
  for (GtkWidget *w = widget; w != NULL && tooltip == NULL; w = gtk_widget_get_parent (w))
    tooltip = g_strdup (gtk_widget_get_tooltip_text (w));
  if (tooltip == NULL || strstr (tooltip, "“Technician” does not have the permission") == NULL)
    g_error ("%s: no reason given (tooltip “%s”)", what, tooltip);
}

static void
test_read_only_role (void)
{
  g_autoptr(PdUiTestSession) technician = pd_ui_test_session_new (NULL, "technician");
  PdSessionView *view;
  GtkWindow *window;
  PdNotificationsPage *page;
  PdNotificationTypeRow *row;

  if (technician == NULL)
    return;
  page = nt_open_page (technician, 1100, &view, &window);
  row = nt_row (page, "backup.failed");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  pd_ui_test_wait_frames (3);
  /* The settings are there to read, every control off with the reason. */
  g_assert_cmpuint (page->choices->len, >, 0);
  assert_gated (pd_ui_test_find_type (GTK_WIDGET (row), GTK_TYPE_SWITCH), "the switch");
  assert_gated (pd_ui_test_find_type (GTK_WIDGET (row), ADW_TYPE_COMBO_ROW), "the frequency");
  assert_gated (pd_ui_test_find_type (GTK_WIDGET (row), GTK_TYPE_SPIN_BUTTON), "the count");
  assert_gated (page->all_box, "turn all on/off");
  assert_gated (page->recommended_box, "the recommended preset");
  assert_gated (GTK_WIDGET (page->period_row), "the report period");
  assert_gated (GTK_WIDGET (page->recipients_row), "the recipients");
  assert_gated (page->save_box, "save");
  /* Reading a preview needs no more than reading. */
  g_assert_true (gtk_widget_is_sensitive (nt_preview_row (row)));
  pd_ui_test_screenshot (GTK_WIDGET (window), "notifications-read-only");
  pd_ui_test_window_destroy (window);
}

static void
test_no_read_permission (void)
{
  g_autoptr(PdUiTestSession) finance = pd_ui_test_session_new (NULL, "finance");
  PdSessionView *view;
  GtkWindow *window;
  GtkWidget *page;

  if (finance == NULL)
    return;
  view = PD_SESSION_VIEW (pd_session_view_new ());
  window = pd_ui_test_window_new (GTK_WIDGET (view), 1100, 800);
  pd_session_view_set_session (view, finance->session);
  pd_ui_test_wait_frames (3);
  page = gtk_stack_get_child_by_name (pd_session_view_get_sections (view), "notifications");
  g_assert_false (gtk_widget_get_visible (page));
  pd_ui_test_window_destroy (window);
}

int
main (int    argc,
      char **argv)
{
  int status;

  pd_ui_test_init (&argc, &argv);
  owner = pd_ui_test_session_new (NULL, "owner");
  if (owner == NULL)
    return g_test_run ();

  g_test_add_func ("/notifications/leave-cancel", test_leave_cancel);
  g_test_add_func ("/notifications/leave-discard", test_leave_discard);
  g_test_add_func ("/notifications/leave-save", test_leave_save);
  g_test_add_func ("/notifications/go-back", test_go_back);
  g_test_add_func ("/notifications/close-window", test_close_window);
  g_test_add_func ("/notifications/sign-out", test_sign_out);
  g_test_add_func ("/notifications/read-only-role", test_read_only_role);
  g_test_add_func ("/notifications/no-read-permission", test_no_read_permission);
  status = g_test_run ();
  pd_ui_test_session_free (owner);
  return status;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Notifications section under Xvfb against the reference portal: the settings load as
 * the portal has them and a change (on/off, frequency, count, report period) saves with one
 * edit and reads back from the portal; the preview shows the portal's e-mail; "Turn All
 * On/Off" and the recommended preset (after a confirmation naming what changes) do what
 * they say; a 422 keeps what was typed; a change made meanwhile brings up the conflict
 * dialog. */

#include "config.h"

#include "notifications-test.h"
#include "pd-conflict-dialog.h"
#include "pd-notification-preview.h"

static PdUiTestSession *owner;

static GtkWidget *
row_widget (PdNotificationTypeRow *row,
            GType                  type)
{
  GtkWidget *widget = pd_ui_test_find_type (GTK_WIDGET (row), type);

  g_assert_nonnull (widget);
  return widget;
}

static gboolean
portal_enabled (const char *key)
{
  g_autoptr(JsonNode) settings = nt_portal_get (owner->session, "/api/v1/notification-settings", NULL);

  return json_object_get_boolean_member (nt_setting (settings, key), "enabled");
}

static void
save (PdNotificationsPage *page)
{
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (pd_ui_test_find_label (page->save_box, "Save"))));
  gtk_widget_activate_action (GTK_WIDGET (page), "notifications.save", NULL);
  nt_wait_saved (page);
  g_assert_false (pd_notifications_page_is_changed (page));
}

static void
test_load_and_round_trip (void)
{
  g_autoptr(JsonNode) before = nt_portal_get (owner->session, "/api/v1/notification-settings", NULL);
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(JsonNode) catalogue = nt_portal_get (owner->session, "/api/v1/notification-types", NULL);
  JsonArray *groups = json_object_get_array_member (json_node_get_object (catalogue), "groups");
  PdSessionView *view;
  GtkWindow *window;
  PdNotificationsPage *page = nt_open_page (owner, 1100, &view, &window);
  PdNotificationTypeRow *row = nt_row (page, "backup.failed");
  PdNotificationChoice *choice = pd_notification_type_row_get_choice (row);
  JsonObject *setting = nt_setting (before, "backup.failed");
  gboolean was = json_object_get_boolean_member (setting, "enabled");
  GtkSwitch *toggle = GTK_SWITCH (row_widget (row, GTK_TYPE_SWITCH));
  AdwComboRow *frequency = ADW_COMBO_ROW (row_widget (row, ADW_TYPE_COMBO_ROW));
  GtkSpinButton *count = GTK_SPIN_BUTTON (row_widget (row, GTK_TYPE_SPIN_BUTTON));
  guint n_types = 0;

  /* Every type of the catalogue has its row, in translated groups, as the portal has it. */
  for (guint i = 0; i < json_array_get_length (groups); i++)
    n_types += json_array_get_length (json_object_get_array_member (json_array_get_object_element (groups, i), "types"));
  g_assert_cmpuint (page->choices->len, ==, n_types);
  g_assert_nonnull (pd_ui_test_find_label (GTK_WIDGET (page), "User Management"));
  g_assert_nonnull (pd_ui_test_find_label (GTK_WIDGET (page), "Not-for-Resale and Trial Organizations"));
  g_assert_cmpint (gtk_switch_get_active (toggle), ==, was);
  g_assert_cmpstr (pd_notification_frequency_to_key (pd_notification_choice_get_frequency (choice)), ==,
                   json_object_get_string_member (setting, "frequency"));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (count), ==, json_object_get_int_member (setting, "cumulative_count"));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (pd_ui_test_find_label (page->save_box, "Save"))));
  g_assert_nonnull (pd_ui_test_find_label (GTK_WIDGET (page), "All changes saved"));

  /* Change it: Save comes on and says what is unsaved; the portal has it after the save. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_switch_set_active (toggle, !was);
  /* Organization e-mails offer "Immediately" first: Daily, Weekly, Monthly follow. */
  adw_combo_row_set_selected (frequency, 2);
  gtk_spin_button_set_value (count, 5);
  pd_ui_test_wait_frames (2);
  g_assert_nonnull (pd_ui_test_find_label (GTK_WIDGET (page), "1 unsaved change"));
  pd_ui_test_screenshot (GTK_WIDGET (window), "notifications");
  save (page);
  after = nt_portal_get (owner->session, "/api/v1/notification-settings", NULL);
  setting = nt_setting (after, "backup.failed");
  g_assert_cmpint (json_object_get_boolean_member (setting, "enabled"), ==, !was);
  g_assert_cmpstr (json_object_get_string_member (setting, "frequency"), ==, "weekly");
  g_assert_cmpint (json_object_get_int_member (setting, "cumulative_count"), ==, 5);
  g_assert_nonnull (pd_ui_test_find_label (GTK_WIDGET (page), "All changes saved"));

  pd_ui_test_window_destroy (window);
}

static void
test_partner_audience_frequencies (void)
{
  PdSessionView *view;
  GtkWindow *window;
  PdNotificationsPage *page = nt_open_page (owner, 1100, &view, &window);

  for (guint i = 0; i < page->choices->len; i++)
    {
      PdNotificationChoice *choice = g_ptr_array_index (page->choices, i);
      PdNotificationType *type = pd_notification_choice_get_notification_type (choice);
      PdNotificationTypeRow *row = nt_row (page, pd_notification_type_get_key (type));
      GListModel *names = adw_combo_row_get_model (ADW_COMBO_ROW (row_widget (row, ADW_TYPE_COMBO_ROW)));

      /* E-mails to the partner are digests only, as the contract says. */
      g_assert_cmpuint (g_list_model_get_n_items (names), ==,
                        pd_notification_type_get_audience (type) == PD_NOTIFICATION_AUDIENCE_PARTNER ? 3 : 4);
    }
  pd_ui_test_window_destroy (window);
}

static gboolean
preview_loaded (gpointer data)
{
  return pd_notification_preview_get_subject (data) != NULL;
}

static void
test_preview (void)
{
  g_autoptr(JsonNode) expected = nt_portal_get (owner->session, "/api/v1/notification-types/download.ready/preview", NULL);
  JsonObject *object = json_node_get_object (expected);
  PdSessionView *view;
  GtkWindow *window;
  PdNotificationsPage *page = nt_open_page (owner, 1100, &view, &window);
  PdNotificationTypeRow *row = nt_row (page, "download.ready");
  GtkWidget *preview_row = nt_preview_row (row);
  GListModel *toplevels = gtk_window_get_toplevels ();
  PdNotificationPreview *preview = NULL;

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  pd_ui_test_wait_frames (2);
  g_signal_emit_by_name (preview_row, "activated");
  for (guint i = 0; preview == NULL && i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (PD_IS_NOTIFICATION_PREVIEW (item))
        preview = PD_NOTIFICATION_PREVIEW (item);
    }
  g_assert_nonnull (preview);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (preview)) == window);
  pd_ui_test_wait_for (preview_loaded, preview, "the preview");
  g_assert_cmpstr (pd_notification_preview_get_subject (preview), ==, json_object_get_string_member (object, "subject"));
  g_assert_cmpstr (pd_notification_preview_get_body (preview), ==, json_object_get_string_member (object, "body"));
  pd_ui_test_wait_frames (3);
  g_assert_nonnull (pd_ui_test_find_label (GTK_WIDGET (preview), json_object_get_string_member (object, "subject")));
  pd_ui_test_screenshot (GTK_WIDGET (preview), "notifications-preview");
  gtk_window_destroy (GTK_WINDOW (preview));
  pd_ui_test_window_destroy (window);
}

static void
test_all_on_all_off (void)
{
  PdSessionView *view;
  GtkWindow *window;
  PdNotificationsPage *page = nt_open_page (owner, 1100, &view, &window);
  g_autoptr(JsonNode) settings = NULL;
  JsonArray *array;

  gtk_widget_activate_action (GTK_WIDGET (page), "notifications.all-off", NULL);
  g_assert_false (gtk_widget_is_sensitive (pd_ui_test_find_label (page->all_box, "Turn All Off")));
  for (guint i = 0; i < page->choices->len; i++)
    g_assert_false (pd_notification_choice_get_enabled (g_ptr_array_index (page->choices, i)));
  /* Nothing went to the portal yet. */
  g_assert_true (portal_enabled ("credentials.authorization_error"));
  save (page);
  settings = nt_portal_get (owner->session, "/api/v1/notification-settings", NULL);
  array = json_object_get_array_member (json_node_get_object (settings), "settings");
  for (guint i = 0; i < json_array_get_length (array); i++)
    g_assert_false (json_object_get_boolean_member (json_array_get_object_element (array, i), "enabled"));

  gtk_widget_activate_action (GTK_WIDGET (page), "notifications.all-on", NULL);
  save (page);
  g_clear_pointer (&settings, json_node_unref);
  settings = nt_portal_get (owner->session, "/api/v1/notification-settings", NULL);
  array = json_object_get_array_member (json_node_get_object (settings), "settings");
  for (guint i = 0; i < json_array_get_length (array); i++)
    g_assert_true (json_object_get_boolean_member (json_array_get_object_element (array, i), "enabled"));
  pd_ui_test_window_destroy (window);
}

static void
test_recommended (void)
{
  g_autoptr(JsonNode) settings = NULL;
  PdSessionView *view;
  GtkWindow *window;
  PdNotificationsPage *page = nt_open_page (owner, 1100, &view, &window);
  AdwMessageDialog *dialog;

  /* All on is not the preset: the dialog names what turns off. */
  gtk_widget_activate_action (GTK_WIDGET (page), "notifications.all-on", NULL);
  if (pd_notifications_page_is_changed (page))
    save (page);
  g_assert_true (portal_enabled ("backup.completed"));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (row_widget (nt_row (page, "download.ready"), GTK_TYPE_SPIN_BUTTON)), 7);

  /* Cancel changes nothing. */
  gtk_widget_activate_action (GTK_WIDGET (page), "notifications.recommended", NULL);
  dialog = nt_wait_dialog ("Activate Recommended Settings?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Turns off"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Backup run finished"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "unsaved changes"));
  pd_ui_test_screenshot (GTK_WIDGET (dialog), "notifications-recommended");
  nt_respond (dialog, "cancel");
  g_assert_true (portal_enabled ("backup.completed"));
  g_assert_true (pd_notifications_page_is_changed (page));

  gtk_widget_activate_action (GTK_WIDGET (page), "notifications.recommended", NULL);
  dialog = nt_wait_dialog ("Activate Recommended Settings?");
  nt_respond (dialog, "activate");
  nt_wait_saved (page);
  settings = nt_portal_get (owner->session, "/api/v1/notification-settings", NULL);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (settings), "matches_recommended"));
  g_assert_false (pd_notification_choice_get_enabled (pd_notification_type_row_get_choice (nt_row (page, "backup.completed"))));
  g_assert_false (pd_notifications_page_is_changed (page));
  g_assert_nonnull (pd_ui_test_find_label (GTK_WIDGET (page), "Your saved settings are the recommended ones"));
  pd_ui_test_window_destroy (window);
}

static void
test_report_period (void)
{
  g_autoptr(JsonNode) report = nt_portal_get (owner->session, "/api/v1/report-settings", NULL);
  g_autoptr(JsonNode) after = NULL;
  const char *before = json_object_get_string_member (json_node_get_object (report), "period");
  PdSessionView *view;
  GtkWindow *window;
  PdNotificationsPage *page = nt_open_page (owner, 1100, &view, &window);
  const char *keys[] = { "daily", "weekly", "monthly" };
  guint next = g_str_equal (before, "monthly") ? 0 : 2;

  g_assert_cmpstr (keys[adw_combo_row_get_selected (page->period_row)], ==, before);
  adw_combo_row_set_selected (page->period_row, next);
  gtk_editable_set_text (GTK_EDITABLE (page->recipients_row), "reports@example.com, ops@example.com");
  save (page);
  after = nt_portal_get (owner->session, "/api/v1/report-settings", NULL);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (after), "period"), ==, keys[next]);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (after), "recipients")), ==, 2);
  pd_ui_test_window_destroy (window);
}

static void
test_validation_keeps_input (void)
{
  static const char typed[] = "reports@example.com, not-an-address";
  PdSessionView *view;
  GtkWindow *window;
  PdNotificationsPage *page = nt_open_page (owner, 1100, &view, &window);

  gtk_editable_set_text (GTK_EDITABLE (page->recipients_row), typed);
  gtk_widget_activate_action (GTK_WIDGET (page), "notifications.save", NULL);
  nt_wait_saved (page);
  /* Refused: what was typed stays, the reason is under it, and it is still unsaved. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (page->recipients_row)), ==, typed);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page->recipients_error)));
  g_assert_cmpstr (gtk_label_get_text (page->recipients_error), ==, "“not-an-address” is not an e-mail address.");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (page->recipients_row), "error"));
  g_assert_true (pd_notifications_page_is_changed (page));
  pd_ui_test_screenshot (GTK_WIDGET (window), "notifications-invalid-recipient");

  gtk_editable_set_text (GTK_EDITABLE (page->recipients_row), "reports@example.com");
  save (page);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (page->recipients_error)));
  pd_ui_test_window_destroy (window);
}

static GtkWindow *
find_conflict_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (PD_IS_CONFLICT_DIALOG (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        return GTK_WINDOW (window);
    }
  return NULL;
}

static gboolean
conflict_shown (gpointer data)
{
  return find_conflict_dialog () != NULL;
}

/* Someone turns an e-mail off on the portal while the page shows it on. */
static void
test_conflict (void)
{
  g_autofree char *etag = NULL;
  g_autoptr(JsonNode) settings = nt_portal_get (owner->session, "/api/v1/notification-settings", &etag);
  g_autoptr(JsonNode) body = json_from_string ("{\"settings\": []}", NULL);
  PdSessionView *view;
  GtkWindow *window;
  PdNotificationsPage *page = nt_open_page (owner, 1100, &view, &window);
  JsonArray *theirs = json_array_new ();
  JsonArray *array = json_object_get_array_member (json_node_get_object (settings), "settings");
  GtkWindow *dialog;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *setting = json_object_ref (json_array_get_object_element (array, i));

      if (g_str_equal (json_object_get_string_member (setting, "type"), "credentials.authorization_error"))
        json_object_set_boolean_member (setting, "enabled", FALSE);
      json_array_add_object_element (theirs, setting);
    }
  json_object_set_array_member (json_node_get_object (body), "settings", theirs);
  nt_portal_send (owner->session, "PUT", "/api/v1/notification-settings", body, etag);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (row_widget (nt_row (page, "download.ready"), GTK_TYPE_SPIN_BUTTON)), 3);
  gtk_widget_activate_action (GTK_WIDGET (page), "notifications.save", NULL);
  pd_ui_test_wait_for (conflict_shown, NULL, "the conflict dialog");
  dialog = find_conflict_dialog ();
  g_assert_true (gtk_window_get_transient_for (dialog) == window);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "mine");
  gtk_window_destroy (dialog);
  nt_wait_saved (page);
  /* Mine went on top of theirs: the whole list as the page had it. */
  g_assert_true (portal_enabled ("credentials.authorization_error"));
  g_clear_pointer (&settings, json_node_unref);
  settings = nt_portal_get (owner->session, "/api/v1/notification-settings", NULL);
  g_assert_cmpint (json_object_get_int_member (nt_setting (settings, "download.ready"), "cumulative_count"), ==, 3);
  g_assert_false (pd_notifications_page_is_changed (page));
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

  g_test_add_func ("/notifications/load-and-round-trip", test_load_and_round_trip);
  g_test_add_func ("/notifications/partner-audience-frequencies", test_partner_audience_frequencies);
  g_test_add_func ("/notifications/preview", test_preview);
  g_test_add_func ("/notifications/all-on-all-off", test_all_on_all_off);
  g_test_add_func ("/notifications/recommended", test_recommended);
  g_test_add_func ("/notifications/report-period", test_report_period);
  g_test_add_func ("/notifications/validation-keeps-input", test_validation_keeps_input);
  g_test_add_func ("/notifications/conflict", test_conflict);
  status = g_test_run ();
  pd_ui_test_session_free (owner);
  return status;
}

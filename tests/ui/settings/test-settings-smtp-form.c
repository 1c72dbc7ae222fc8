/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The SMTP form of the Settings section under Xvfb against the reference portal: the checks
 * as you type, a refusal (422) that keeps the input, a change made meanwhile (the conflict
 * dialog), the portal gone, and what technicians and finance see. */

#include "config.h"

#include "settings-test.h"

#define PASSWORD      "Pw-7d1e4b-typed-once"
#define CLIENT_SECRET "Cs-93ac5e-typed-once"
#define CLIENT_ID     "6f1c3a5e-2b7d-4e90-8a14-3c5d7e9f0b21"

static const char *const portal_args[] = { "--seed", "5", NULL };

static void
assert_field (PdSmtpEditor *editor,
              const char   *field,
              gpointer      row,
              gboolean      wrong)
{
  if (wrong)
    {
      g_assert_nonnull (pd_field_errors_get (editor->errors, field));
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
      g_assert_false (smtp_save_sensitive (editor));
    }
  else
    {
      g_assert_null (pd_field_errors_get (editor->errors, field));
      g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
    }
}

static void
test_validation_as_you_type (void)
{
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new (portal_args, "owner");
  SettingsWindow window;
  PdSmtpEditor *editor;
  GtkLabel *summary;
  GtkWidget *send;

  if (test == NULL)
    return;
  settings_window_open (&window, test, 1100, 1000);
  editor = settings_window_smtp (&window);
  summary = pd_settings_save_bar_get_errors_label (editor->save_bar);

  type_text (editor->port_row, "70000");
  assert_field (editor, "manual.port", editor->port_row, TRUE);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (summary)));
  g_assert_nonnull (strstr (gtk_label_get_text (summary), "Port"));
  type_text (editor->port_row, "0");
  assert_field (editor, "manual.port", editor->port_row, TRUE);
  type_text (editor->port_row, "465");
  assert_field (editor, "manual.port", editor->port_row, FALSE);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (summary)));

  type_text (editor->host_row, "");
  assert_field (editor, "manual.host", editor->host_row, TRUE);
  type_text (editor->host_row, "mail server");
  assert_field (editor, "manual.host", editor->host_row, TRUE);
  type_text (editor->host_row, "smtp.northwind-it.example");
  assert_field (editor, "manual.host", editor->host_row, FALSE);

  type_text (editor->from_address_row, "no-reply");
  assert_field (editor, "manual.from_address", editor->from_address_row, TRUE);
  type_text (editor->from_address_row, "no-reply@northwind-it.example");
  assert_field (editor, "manual.from_address", editor->from_address_row, FALSE);
  type_text (editor->from_name_row, "Say \"hi\"");
  assert_field (editor, "manual.from_name", editor->from_name_row, TRUE);
  type_text (editor->from_name_row, "Northwind");

  /* Another username: the stored password is not kept for it. */
  type_text (editor->username_row, "someone-else");
  assert_field (editor, "manual.password", editor->password_row, TRUE);
  g_assert_nonnull (strstr (adw_preferences_group_get_description (editor->server_group), "enter it again"));
  type_text (editor->password_row, PASSWORD);
  assert_field (editor, "manual.password", editor->password_row, FALSE);
  type_text (editor->username_row, "");
  assert_field (editor, "manual.password", editor->password_row, TRUE);
  type_text (editor->password_row, "");
  assert_field (editor, "manual.password", editor->password_row, FALSE);
  g_assert_true (smtp_save_sensitive (editor));

  /* Microsoft needs its own fields; the server's do not count any more. */
  type_text (editor->port_row, "");
  adw_combo_row_set_selected (editor->method_row, 2);
  assert_field (editor, "manual.port", editor->port_row, FALSE);
  assert_field (editor, "microsoft.tenant_id", editor->tenant_row, TRUE);
  type_text (editor->tenant_row, "contoso");
  assert_field (editor, "microsoft.tenant_id", editor->tenant_row, TRUE);
  type_text (editor->tenant_row, "2b7d6f1c-3a5e-4e90-8a14-3c5d7e9f0b21");
  assert_field (editor, "microsoft.tenant_id", editor->tenant_row, FALSE);
  type_text (editor->client_id_row, "12345");
  assert_field (editor, "microsoft.client_id", editor->client_id_row, TRUE);
  type_text (editor->client_id_row, CLIENT_ID);
  assert_field (editor, "microsoft.client_secret", editor->secret_row, TRUE);
  type_text (editor->secret_row, CLIENT_SECRET);
  assert_field (editor, "microsoft.client_secret", editor->secret_row, FALSE);

  /* The automatic test needs its recipient. */
  type_text (editor->auto_to_row, "");
  assert_field (editor, "auto_test.to", editor->auto_to_row, TRUE);
  adw_expander_row_set_enable_expansion (editor->auto_row, FALSE);
  assert_field (editor, "auto_test.to", editor->auto_to_row, FALSE);

  /* The test's recipient */
  adw_combo_row_set_selected (editor->method_row, 1);
  pd_smtp_editor_reload (editor);
  send = pd_ui_test_find_id (GTK_WIDGET (editor->status_group), "send_button");
  type_text (pd_ui_test_find_id (GTK_WIDGET (editor->status_group), "recipient_row"), "tech");
  g_assert_false (gtk_widget_is_sensitive (send));
  g_assert_true (gtk_widget_has_css_class (pd_ui_test_find_id (GTK_WIDGET (editor->status_group), "recipient_row"), "error"));
  settings_window_close (&window);
}


static void
test_refusal_keeps_input (void)
{
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new (portal_args, "owner");
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *too_long = g_strnfill (600, 'p');
  SettingsWindow window;
  PdSmtpEditor *editor;
  GtkLabel *summary;

  if (test == NULL)
    return;
  settings_window_open (&window, test, 1100, 1000);
  editor = settings_window_smtp (&window);
  summary = pd_settings_save_bar_get_errors_label (editor->save_bar);

  /* Longer than the portal takes (500): only the portal says so. */
  type_text (editor->host_row, "mail.northwind-it.example");
  type_text (editor->password_row, too_long);
  g_assert_true (smtp_save_sensitive (editor));
  smtp_save (editor);

  g_assert_nonnull (pd_field_errors_get (editor->errors, "manual.password"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (editor->password_row), "error"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (summary)));
  g_assert_nonnull (strstr (gtk_label_get_text (summary), "Password"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor->password_row)), ==, too_long);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor->host_row)), ==, "mail.northwind-it.example");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (portal_smtp_settings (test, &root), "manual"),
                                                  "host"), ==, "smtp.northwind-it.example");
  /* Changing the field takes the portal's message away. */
  type_text (editor->password_row, PASSWORD);
  g_assert_null (pd_field_errors_get (editor->errors, "manual.password"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (summary)));
  settings_window_close (&window);
}

static void
test_technician_reads_only (void)
{
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new (portal_args, "technician");
  SettingsWindow window;
  PdSmtpEditor *editor;
  GtkWidget *save, *send;
  GtkLabel *state;

  if (test == NULL)
    return;
  settings_window_open (&window, test, 1100, 1000);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window.page)));
  editor = settings_window_smtp (&window);
  save = pd_settings_save_bar_get_button (editor->save_bar);
  send = pd_ui_test_find_id (GTK_WIDGET (editor->status_group), "send_button");

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor->host_row)), ==, "smtp.northwind-it.example");
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (editor->method_group)));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (editor->server_group)));
  g_assert_false (gtk_widget_is_sensitive (save));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (save), "Technician"));
  g_assert_false (gtk_widget_is_sensitive (send));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (send), "Technician"));
  state = GTK_LABEL (pd_ui_test_find_id (GTK_WIDGET (editor->save_bar), "state_label"));
  g_assert_nonnull (strstr (gtk_label_get_text (state), "Technician"));
  settings_window_close (&window);
}

static void
test_finance_cannot_read (void)
{
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new (portal_args, "finance");
  SettingsWindow window;
  AdwStatusPage *forbidden;

  if (test == NULL)
    return;
  settings_window_open (&window, test, 1100, 1000);
  /* Finance reads the partner settings, so the section is there … */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window.page)));
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (pd_ui_test_find_type (GTK_WIDGET (window.page),
                                                                               ADW_TYPE_VIEW_STACK)), "smtp");
  pd_ui_test_wait_frames (3);
  /* … and the SMTP tab says why it shows nothing. */
  g_assert_null (pd_ui_test_find_type (GTK_WIDGET (window.page), PD_TYPE_SMTP_EDITOR));
  forbidden = ADW_STATUS_PAGE (pd_ui_test_find_id (GTK_WIDGET (window.page), "smtp_forbidden"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (forbidden)));
  g_assert_nonnull (strstr (adw_status_page_get_description (forbidden), "Finance"));
  settings_window_close (&window);
}

static void
test_conflict_use_mine (void)
{
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new (portal_args, "owner");
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) theirs = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *etag = NULL;
  PdConflictDialog *dialog = NULL;
  SettingsWindow window;
  PdSmtpEditor *editor;
  JsonObject *settings;
  guint status = 0;

  if (test == NULL)
    return;
  settings_window_open (&window, test, 1100, 1000);
  editor = settings_window_smtp (&window);
  type_text (editor->from_name_row, "Northwind Service Desk");

  /* Someone else turns the automatic test off meanwhile (same server: the password stays). */
  before = portal_request (test, "GET", "/api/v1/smtp-settings", NULL, NULL, NULL, &etag);
  theirs = portal_request (test, "PUT", "/api/v1/smtp-settings",
                           "{\"method\": \"custom_manual\", \"manual\": {\"host\": \"smtp.northwind-it.example\", "
                           "\"port\": 587, \"security\": \"starttls\", \"username\": \"portal-mailer@northwind-it.example\", "
                           "\"from_address\": \"no-reply@northwind-it.example\", \"from_name\": \"Northwind IT Services\"}, "
                           "\"auto_test\": {\"enabled\": false, \"frequency\": \"daily\"}}",
                           etag, &status, NULL);
  g_assert_cmpuint (status, ==, 200);

  click (pd_settings_save_bar_get_button (editor->save_bar));
  pd_ui_test_wait_for (conflict_dialog_shown, &dialog, "the conflict dialog");
  pd_ui_test_screenshot (GTK_WIDGET (dialog), "settings-smtp-conflict");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "mine");
  pd_ui_test_wait_for (save_bar_idle, editor->save_bar, "the end of the save");

  settings = portal_smtp_settings (test, &root);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (settings, "manual"), "from_name"), ==,
                   "Northwind Service Desk");
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (settings, "auto_test"), "enabled"));
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (settings, "manual"), "password_set"));
  g_assert_false (smtp_save_sensitive (editor));
  settings_window_close (&window);
}

static gboolean
shows_failure (gpointer data)
{
  PdSmtpEditor *editor = data;

  return g_strcmp0 (gtk_stack_get_visible_child_name (editor->state_stack), "failed") == 0;
}

static void
test_portal_gone (void)
{
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new (portal_args, "owner");
  SettingsWindow window;
  PdSmtpEditor *editor;
  AdwStatusPage *failed;

  if (test == NULL)
    return;
  g_clear_pointer (&test->portal, pd_test_portal_kill);
  settings_window_open (&window, test, 1100, 1000);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (pd_ui_test_find_type (GTK_WIDGET (window.page),
                                                                               ADW_TYPE_VIEW_STACK)), "smtp");
  editor = PD_SMTP_EDITOR (pd_ui_test_find_type (GTK_WIDGET (window.page), PD_TYPE_SMTP_EDITOR));
  pd_ui_test_wait_for (shows_failure, editor, "the failed read");
  failed = ADW_STATUS_PAGE (editor->failed_page);
  g_assert_nonnull (adw_status_page_get_description (failed));
  g_assert_cmpstr (adw_status_page_get_description (failed), !=, "");
  settings_window_close (&window);
}

int
main (int   argc,
      char *argv[])
{
  pd_ui_test_init (&argc, &argv);

  g_test_add_func ("/settings/smtp-form/validation", test_validation_as_you_type);
  g_test_add_func ("/settings/smtp-form/refusal-keeps-input", test_refusal_keeps_input);
  g_test_add_func ("/settings/smtp-form/conflict-use-mine", test_conflict_use_mine);
  g_test_add_func ("/settings/smtp-form/portal-gone", test_portal_gone);
  g_test_add_func ("/settings/smtp-form/technician", test_technician_reads_only);
  g_test_add_func ("/settings/smtp-form/finance", test_finance_cannot_read);
  return g_test_run ();
}

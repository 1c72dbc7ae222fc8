/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The SMTP tab of the Settings section under Xvfb against the reference portal, which
 * really talks SMTP to a small server of the test's: each method round-trips (a direct
 * GET confirms it) and the password or client secret is never in an answer, in GSettings
 * or in the files the app keeps; an empty password keeps the stored one; the checks as you
 * type; test e-mails that go through and that fail, with the portal's detail and the
 * status; the automatic test; a 422 keeps the input; what technicians and finance see. */

#include "config.h"

#include "pd-chip.h"
#include "settings-test.h"

#define PASSWORD      "Pw-7d1e4b-typed-once"
#define CLIENT_SECRET "Cs-93ac5e-typed-once"
#define CLIENT_ID     "6f1c3a5e-2b7d-4e90-8a14-3c5d7e9f0b21"

static const char *const portal_args[] = { "--seed", "5", NULL };

static JsonObject *
smtp_settings (PdUiTestSession *test,
               JsonNode       **root)
{
  *root = portal_request (test, "GET", "/api/v1/smtp-settings", NULL, NULL, NULL, NULL);
  return json_node_get_object (*root);
}

static const char *
chip_text (PdSmtpEditor *editor)
{
  PdChip *chip = PD_CHIP (pd_ui_test_find_id (GTK_WIDGET (editor->status_group), "status_chip"));

  return pd_chip_get_text (chip);
}

typedef struct {
  PdSmtpEditor *editor;
  const char   *text;
} ChipWait;

static gboolean
chip_says (gpointer data)
{
  ChipWait *wait = data;

  return g_strcmp0 (chip_text (wait->editor), wait->text) == 0;
}

static void
wait_for_status (PdSmtpEditor *editor,
                 const char   *text)
{
  ChipWait wait = { editor, text };

  pd_ui_test_wait_for (chip_says, &wait, text);
}

static gboolean
not_testing (gpointer data)
{
  return !pd_smtp_status_group_get_testing (data);
}

/* Sends a test e-mail from the form and returns the result row */
static AdwActionRow *
send_test (PdSmtpEditor *editor)
{
  GtkWidget *group = GTK_WIDGET (editor->status_group);

  click (pd_ui_test_find_id (group, "send_button"));
  g_assert_true (pd_smtp_status_group_get_testing (editor->status_group));
  g_assert_true (gtk_widget_get_visible (pd_ui_test_find_id (group, "spinner")));
  pd_ui_test_wait_for (not_testing, editor->status_group, "the portal's answer to the test e-mail");
  g_assert_false (gtk_widget_get_visible (pd_ui_test_find_id (group, "spinner")));
  g_assert_true (gtk_widget_get_visible (pd_ui_test_find_id (group, "result_row")));
  return ADW_ACTION_ROW (pd_ui_test_find_id (group, "result_row"));
}

static void
use_server (PdSmtpEditor *editor,
            FakeSmtp     *smtp)
{
  g_autofree char *port = g_strdup_printf ("%u", fake_smtp_get_port (smtp));

  adw_combo_row_set_selected (editor->method_row, 1);
  type_text (editor->host_row, "127.0.0.1");
  type_text (editor->port_row, port);
  adw_combo_row_set_selected (editor->security_row, 0);
  type_text (editor->username_row, "mailer");
  type_text (editor->password_row, PASSWORD);
  type_text (editor->from_address_row, "alerts@northwind-it.example");
  type_text (editor->from_name_row, "Northwind Alerts");
}

static gboolean
save_sensitive (PdSmtpEditor *editor)
{
  return gtk_widget_is_sensitive (pd_settings_save_bar_get_button (editor->save_bar));
}

/* ---- the tests ----------------------------------------------------------------------- */

static void
test_seeded_settings_shown (void)
{
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new (portal_args, "owner");
  SettingsWindow window;
  PdSmtpEditor *editor;

  if (test == NULL)
    return;
  settings_window_open (&window, test, 1100, 1000);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window.page)));
  editor = settings_window_smtp (&window);

  g_assert_cmpuint (adw_combo_row_get_selected (editor->method_row), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor->host_row)), ==, "smtp.northwind-it.example");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor->port_row)), ==, "587");
  g_assert_cmpuint (adw_combo_row_get_selected (editor->security_row), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor->username_row)), ==, "portal-mailer@northwind-it.example");
  /* Never shown back; the form says an empty field keeps it. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor->password_row)), ==, "");
  g_assert_nonnull (strstr (adw_preferences_group_get_description (editor->server_group), "Leave the password empty"));
  g_assert_cmpstr (chip_text (editor), ==, "Active");
  g_assert_true (adw_expander_row_get_enable_expansion (editor->auto_row));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor->auto_to_row)), ==, "it-alerts@northwind-it.example");
  g_assert_cmpuint (adw_combo_row_get_selected (editor->auto_frequency_row), ==, 1);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor->microsoft_group)));
  g_assert_false (save_sensitive (editor));
  pd_ui_test_screenshot (GTK_WIDGET (window.window), "settings-smtp");

  /* Adaptive: the same form at phone width */
  gtk_window_set_default_size (window.window, 360, 800);
  pd_ui_test_wait_frames (10);
  pd_ui_test_screenshot (GTK_WIDGET (window.window), "settings-smtp-narrow");
  settings_window_close (&window);
}

static void
test_manual_round_trip (void)
{
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new (portal_args, "owner");
  g_autoptr(FakeSmtp) smtp = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *signed_in = NULL;
  SettingsWindow window;
  PdSmtpEditor *editor;
  JsonObject *settings, *manual;
  AdwActionRow *result;

  if (test == NULL)
    return;
  smtp = fake_smtp_start (NULL);
  settings_window_open (&window, test, 1100, 1000);
  editor = settings_window_smtp (&window);

  use_server (editor, smtp);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (pd_settings_save_bar_get_errors_label (editor->save_bar))));
  /* Unsaved changes: a test would not test them. */
  g_assert_false (gtk_widget_is_sensitive (pd_ui_test_find_id (GTK_WIDGET (editor->status_group), "send_button")));
  smtp_save (editor);

  settings = smtp_settings (test, &root);
  g_assert_cmpstr (json_object_get_string_member (settings, "method"), ==, "custom_manual");
  manual = json_object_get_object_member (settings, "manual");
  g_assert_cmpstr (json_object_get_string_member (manual, "host"), ==, "127.0.0.1");
  g_assert_cmpint (json_object_get_int_member (manual, "port"), ==, fake_smtp_get_port (smtp));
  g_assert_cmpstr (json_object_get_string_member (manual, "security"), ==, "none");
  g_assert_cmpstr (json_object_get_string_member (manual, "username"), ==, "mailer");
  g_assert_true (json_object_get_boolean_member (manual, "password_set"));
  g_assert_cmpstr (json_object_get_string_member (manual, "from_name"), ==, "Northwind Alerts");
  raw = portal_get_text (test, "/api/v1/smtp-settings");
  g_assert_null (strstr (raw, PASSWORD));
  /* The form shows what the portal answered, without the password. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor->password_row)), ==, "");
  g_assert_cmpstr (chip_text (editor), ==, "Unverified");
  g_assert_false (save_sensitive (editor));

  type_text (pd_ui_test_find_id (GTK_WIDGET (editor->status_group), "recipient_row"), "tech@northwind-it.example");
  result = send_test (editor);
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (result)), "was sent"));
  g_assert_cmpstr (adw_action_row_get_subtitle (result), !=, "");
  g_assert_cmpuint (fake_smtp_get_n_messages (smtp), ==, 1);
  signed_in = fake_smtp_dup_last_password (smtp);
  g_assert_cmpstr (signed_in, ==, PASSWORD);
  wait_for_status (editor, "Active");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (pd_ui_test_find_id (GTK_WIDGET (editor->status_group), "status_row"))), "Last test"));

  /* An empty password keeps the stored one for the same server and username. */
  type_text (editor->from_name_row, "Northwind Service Desk");
  g_assert_true (save_sensitive (editor));
  smtp_save (editor);
  g_clear_pointer (&root, json_node_unref);
  settings = smtp_settings (test, &root);
  manual = json_object_get_object_member (settings, "manual");
  g_assert_cmpstr (json_object_get_string_member (manual, "from_name"), ==, "Northwind Service Desk");
  g_assert_true (json_object_get_boolean_member (manual, "password_set"));
  send_test (editor);
  g_assert_cmpuint (fake_smtp_get_n_messages (smtp), ==, 2);
  g_clear_pointer (&signed_in, g_free);
  signed_in = fake_smtp_dup_last_password (smtp);
  g_assert_cmpstr (signed_in, ==, PASSWORD);

  assert_secret_nowhere (test, PASSWORD);
  settings_window_close (&window);
}

static void
test_test_email_failure (void)
{
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new (portal_args, "owner");
  g_autoptr(FakeSmtp) smtp = NULL;
  SettingsWindow window;
  PdSmtpEditor *editor;
  AdwActionRow *result;
  GtkWidget *error_row;

  if (test == NULL)
    return;
  smtp = fake_smtp_start ("554 5.7.1 Relay access denied");
  settings_window_open (&window, test, 1100, 1000);
  editor = settings_window_smtp (&window);
  use_server (editor, smtp);
  smtp_save (editor);

  result = send_test (editor);
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (result)), "failed"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (result), "554 5.7.1 Relay access denied"));
  wait_for_status (editor, "Error");
  pd_ui_test_screenshot (GTK_WIDGET (window.window), "settings-smtp-error");
  /* Read again later, the reason is the status's own. */
  settings_window_close (&window);
  settings_window_open (&window, test, 1100, 1000);
  editor = settings_window_smtp (&window);
  g_assert_cmpstr (chip_text (editor), ==, "Error");
  error_row = pd_ui_test_find_id (GTK_WIDGET (editor->status_group), "error_row");
  g_assert_true (gtk_widget_get_visible (error_row));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (error_row)), "Relay access denied"));
  settings_window_close (&window);
}

static void
test_microsoft_and_default (void)
{
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new (portal_args, "owner");
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *raw = NULL;
  SettingsWindow window;
  PdSmtpEditor *editor;
  JsonObject *settings, *microsoft;
  AdwActionRow *result;

  if (test == NULL)
    return;
  settings_window_open (&window, test, 1100, 1000);
  editor = settings_window_smtp (&window);

  adw_combo_row_set_selected (editor->method_row, 2);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor->server_group)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor->microsoft_group)));
  type_text (editor->tenant_row, "northwind.onmicrosoft.com");
  type_text (editor->client_id_row, CLIENT_ID);
  type_text (editor->secret_row, CLIENT_SECRET);
  type_text (editor->from_address_row, "alerts@northwind-it.example");
  type_text (editor->from_name_row, "");
  smtp_save (editor);

  settings = smtp_settings (test, &root);
  g_assert_cmpstr (json_object_get_string_member (settings, "method"), ==, "custom_microsoft");
  g_assert_true (json_object_get_null_member (settings, "manual"));
  microsoft = json_object_get_object_member (settings, "microsoft");
  g_assert_cmpstr (json_object_get_string_member (microsoft, "tenant_id"), ==, "northwind.onmicrosoft.com");
  g_assert_cmpstr (json_object_get_string_member (microsoft, "client_id"), ==, CLIENT_ID);
  g_assert_true (json_object_get_null_member (microsoft, "from_name"));
  g_assert_true (json_object_get_boolean_member (microsoft, "client_secret_set"));
  raw = portal_get_text (test, "/api/v1/smtp-settings");
  g_assert_null (strstr (raw, CLIENT_SECRET));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor->secret_row)), ==, "");
  g_assert_nonnull (strstr (adw_preferences_group_get_description (editor->microsoft_group), "Leave it empty"));

  /* The reference portal cannot reach Microsoft: the test fails and says why. */
  result = send_test (editor);
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (result)), "failed"));
  g_assert_cmpstr (adw_action_row_get_subtitle (result), !=, "");
  wait_for_status (editor, "Error");
  assert_secret_nowhere (test, CLIENT_SECRET);

  adw_combo_row_set_selected (editor->method_row, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor->sender_group)));
  smtp_save (editor);
  g_clear_pointer (&root, json_node_unref);
  settings = smtp_settings (test, &root);
  g_assert_cmpstr (json_object_get_string_member (settings, "method"), ==, "default");
  g_assert_true (json_object_get_null_member (settings, "microsoft"));
  result = send_test (editor);
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (result)), "was sent"));
  wait_for_status (editor, "Active");
  settings_window_close (&window);
}

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
      g_assert_false (save_sensitive (editor));
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
  g_assert_true (save_sensitive (editor));

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
test_auto_test_round_trip (void)
{
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new (portal_args, "owner");
  g_autoptr(JsonNode) root = NULL;
  SettingsWindow window;
  PdSmtpEditor *editor;
  JsonObject *auto_test;

  if (test == NULL)
    return;
  settings_window_open (&window, test, 1100, 1000);
  editor = settings_window_smtp (&window);

  adw_expander_row_set_enable_expansion (editor->auto_row, FALSE);
  smtp_save (editor);
  auto_test = json_object_get_object_member (smtp_settings (test, &root), "auto_test");
  g_assert_false (json_object_get_boolean_member (auto_test, "enabled"));
  /* Only the schedule changed: the password stays and so does the status. */
  g_assert_cmpstr (chip_text (editor), ==, "Active");

  adw_expander_row_set_enable_expansion (editor->auto_row, TRUE);
  type_text (editor->auto_to_row, "ops@northwind-it.example");
  adw_combo_row_set_selected (editor->auto_frequency_row, 2);
  smtp_save (editor);
  g_clear_pointer (&root, json_node_unref);
  auto_test = json_object_get_object_member (smtp_settings (test, &root), "auto_test");
  g_assert_true (json_object_get_boolean_member (auto_test, "enabled"));
  g_assert_cmpstr (json_object_get_string_member (auto_test, "to"), ==, "ops@northwind-it.example");
  g_assert_cmpstr (json_object_get_string_member (auto_test, "frequency"), ==, "monthly");
  g_assert_false (save_sensitive (editor));
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
  g_assert_true (save_sensitive (editor));
  smtp_save (editor);

  g_assert_nonnull (pd_field_errors_get (editor->errors, "manual.password"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (editor->password_row), "error"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (summary)));
  g_assert_nonnull (strstr (gtk_label_get_text (summary), "Password"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor->password_row)), ==, too_long);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor->host_row)), ==, "mail.northwind-it.example");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (smtp_settings (test, &root), "manual"),
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

  settings = smtp_settings (test, &root);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (settings, "manual"), "from_name"), ==,
                   "Northwind Service Desk");
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (settings, "auto_test"), "enabled"));
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (settings, "manual"), "password_set"));
  g_assert_false (save_sensitive (editor));
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

  g_test_add_func ("/settings/smtp/seeded", test_seeded_settings_shown);
  g_test_add_func ("/settings/smtp/manual-round-trip", test_manual_round_trip);
  g_test_add_func ("/settings/smtp/test-failure", test_test_email_failure);
  g_test_add_func ("/settings/smtp/microsoft-and-default", test_microsoft_and_default);
  g_test_add_func ("/settings/smtp/validation", test_validation_as_you_type);
  g_test_add_func ("/settings/smtp/auto-test", test_auto_test_round_trip);
  g_test_add_func ("/settings/smtp/refusal-keeps-input", test_refusal_keeps_input);
  g_test_add_func ("/settings/smtp/technician", test_technician_reads_only);
  g_test_add_func ("/settings/smtp/finance", test_finance_cannot_read);
  g_test_add_func ("/settings/smtp/conflict-use-mine", test_conflict_use_mine);
  g_test_add_func ("/settings/smtp/portal-gone", test_portal_gone);
  return g_test_run ();
}

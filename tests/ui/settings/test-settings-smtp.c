/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The SMTP tab of the Settings section under Xvfb against the reference portal, which
 * really talks SMTP to a small server of the test's: each method round-trips (a direct
 * GET confirms it) and the password or client secret is never in an answer, in GSettings
 * or in the files the app keeps; an empty password keeps the stored one; test e-mails that
 * go through and that fail, with the portal's detail and the status; the automatic test. */

#include "config.h"

#include "pd-chip.h"
#include "settings-test.h"

#define PASSWORD      "Pw-7d1e4b-typed-once"
#define CLIENT_SECRET "Cs-93ac5e-typed-once"
#define CLIENT_ID     "6f1c3a5e-2b7d-4e90-8a14-3c5d7e9f0b21"

static const char *const portal_args[] = { "--seed", "5", NULL };

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
  g_assert_false (smtp_save_sensitive (editor));
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

  settings = portal_smtp_settings (test, &root);
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
  g_assert_false (smtp_save_sensitive (editor));

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
  g_assert_true (smtp_save_sensitive (editor));
  smtp_save (editor);
  g_clear_pointer (&root, json_node_unref);
  settings = portal_smtp_settings (test, &root);
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

  settings = portal_smtp_settings (test, &root);
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
  settings = portal_smtp_settings (test, &root);
  g_assert_cmpstr (json_object_get_string_member (settings, "method"), ==, "default");
  g_assert_true (json_object_get_null_member (settings, "microsoft"));
  result = send_test (editor);
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (result)), "was sent"));
  wait_for_status (editor, "Active");
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
  auto_test = json_object_get_object_member (portal_smtp_settings (test, &root), "auto_test");
  g_assert_false (json_object_get_boolean_member (auto_test, "enabled"));
  /* Only the schedule changed: the password stays and so does the status. */
  g_assert_cmpstr (chip_text (editor), ==, "Active");

  adw_expander_row_set_enable_expansion (editor->auto_row, TRUE);
  type_text (editor->auto_to_row, "ops@northwind-it.example");
  adw_combo_row_set_selected (editor->auto_frequency_row, 2);
  smtp_save (editor);
  g_clear_pointer (&root, json_node_unref);
  auto_test = json_object_get_object_member (portal_smtp_settings (test, &root), "auto_test");
  g_assert_true (json_object_get_boolean_member (auto_test, "enabled"));
  g_assert_cmpstr (json_object_get_string_member (auto_test, "to"), ==, "ops@northwind-it.example");
  g_assert_cmpstr (json_object_get_string_member (auto_test, "frequency"), ==, "monthly");
  g_assert_false (smtp_save_sensitive (editor));
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
  g_test_add_func ("/settings/smtp/auto-test", test_auto_test_round_trip);
  return g_test_run ();
}

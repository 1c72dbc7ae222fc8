/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Partner tab of the Settings section under Xvfb against the reference portal: the
 * name and the default country of new clients round-trip (a direct GET confirms them, and
 * the session's partner, which the new-client wizard reads, follows); the name is checked
 * as you type; a change made meanwhile brings up the conflict dialog; only owners and
 * super admins may change them and the others are told why. */

#include "config.h"

#include "pd-country-list.h"
#include "settings-test.h"

static const char *const portal_args[] = { "--seed", "5", NULL };

typedef struct {
  AdwEntryRow       *name_row;
  GtkDropDown       *country;
  GtkWidget         *group;
  PdSettingsSaveBar *save_bar;
} PartnerForm;

static void
partner_form (PdPartnerEditor *editor,
              PartnerForm     *form)
{
  form->name_row = ADW_ENTRY_ROW (pd_ui_test_find_id (GTK_WIDGET (editor), "name_row"));
  form->country = GTK_DROP_DOWN (pd_ui_test_find_id (GTK_WIDGET (editor), "country_dropdown"));
  form->group = pd_ui_test_find_id (GTK_WIDGET (editor), "partner_group");
  form->save_bar = PD_SETTINGS_SAVE_BAR (pd_ui_test_find_id (GTK_WIDGET (editor), "save_bar"));
}

static const char *
chosen_code (PartnerForm *form)
{
  PdCountry *country = gtk_drop_down_get_selected_item (form->country);

  return country != NULL ? pd_country_get_code (country) : NULL;
}

static gboolean
shows_name (gpointer data)
{
  PartnerForm *form = data;

  return g_str_equal (gtk_editable_get_text (GTK_EDITABLE (form->name_row)), "Northwind IT Services");
}

static void
test_round_trip (void)
{
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new (portal_args, "owner");
  g_autoptr(JsonNode) partner = NULL;
  SettingsWindow window;
  PartnerForm form;
  JsonObject *object;

  if (test == NULL)
    return;
  settings_window_open (&window, test, 1100, 800);
  partner_form (settings_window_partner (&window), &form);
  pd_ui_test_wait_for (shows_name, &form, "the partner's name");
  g_assert_cmpstr (chosen_code (&form), ==, "US");
  /* Countries are shown by name, and can be searched. */
  g_assert_true (gtk_drop_down_get_enable_search (form.country));
  g_assert_cmpstr (pd_country_list_get_name ("DE"), ==, "Germany");
  g_assert_false (gtk_widget_is_sensitive (pd_settings_save_bar_get_button (form.save_bar)));
  pd_ui_test_screenshot (GTK_WIDGET (window.window), "settings-partner");

  type_text (form.name_row, "Northwind IT Services GmbH");
  gtk_drop_down_set_selected (form.country, pd_country_list_find ("DE"));
  click (pd_settings_save_bar_get_button (form.save_bar));
  pd_ui_test_wait_for (save_bar_idle, form.save_bar, "the portal's answer to the save");

  partner = portal_request (test, "GET", "/api/v1/partner", NULL, NULL, NULL, NULL);
  object = json_node_get_object (partner);
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "Northwind IT Services GmbH");
  g_assert_cmpstr (json_object_get_string_member (object, "default_country"), ==, "DE");
  /* What the new-client wizard reads */
  g_assert_cmpstr (pd_partner_get_default_country (pd_session_get_partner (test->session)), ==, "DE");
  g_assert_cmpstr (pd_partner_get_name (pd_session_get_partner (test->session)), ==, "Northwind IT Services GmbH");
  g_assert_false (gtk_widget_is_sensitive (pd_settings_save_bar_get_button (form.save_bar)));
  settings_window_close (&window);
}

static void
test_name_checked (void)
{
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new (portal_args, "super_admin");
  g_autofree char *long_name = g_strnfill (201, 'n');
  SettingsWindow window;
  PartnerForm form;
  GtkLabel *summary;

  if (test == NULL)
    return;
  settings_window_open (&window, test, 1100, 800);
  partner_form (settings_window_partner (&window), &form);
  pd_ui_test_wait_for (shows_name, &form, "the partner's name");
  summary = pd_settings_save_bar_get_errors_label (form.save_bar);

  type_text (form.name_row, "   ");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (form.name_row), "error"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (summary)));
  g_assert_false (gtk_widget_is_sensitive (pd_settings_save_bar_get_button (form.save_bar)));
  type_text (form.name_row, long_name);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (form.name_row), "error"));
  type_text (form.name_row, "Northwind");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (form.name_row), "error"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (summary)));
  g_assert_true (gtk_widget_is_sensitive (pd_settings_save_bar_get_button (form.save_bar)));
  settings_window_close (&window);
}

static gboolean
shows_theirs (gpointer data)
{
  PartnerForm *form = data;

  return g_str_equal (gtk_editable_get_text (GTK_EDITABLE (form->name_row)), "Northwind Theirs");
}

static void
test_conflict_keep_theirs (void)
{
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new (portal_args, "owner");
  g_autoptr(JsonNode) current = NULL;
  g_autoptr(JsonNode) changed = NULL;
  g_autofree char *etag = NULL;
  PdConflictDialog *dialog = NULL;
  SettingsWindow window;
  PartnerForm form;
  guint status = 0;

  if (test == NULL)
    return;
  settings_window_open (&window, test, 1100, 800);
  partner_form (settings_window_partner (&window), &form);
  pd_ui_test_wait_for (shows_name, &form, "the partner's name");
  type_text (form.name_row, "Northwind Mine");

  /* Someone else renames the partner meanwhile. */
  current = portal_request (test, "GET", "/api/v1/partner", NULL, NULL, NULL, &etag);
  changed = portal_request (test, "PATCH", "/api/v1/partner", "{\"name\": \"Northwind Theirs\"}", etag, &status, NULL);
  g_assert_cmpuint (status, ==, 200);

  click (pd_settings_save_bar_get_button (form.save_bar));
  pd_ui_test_wait_for (conflict_dialog_shown, &dialog, "the conflict dialog");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "theirs");
  pd_ui_test_wait_for (save_bar_idle, form.save_bar, "the end of the save");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (current), "name"), ==, "Northwind IT Services");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (changed), "name"), ==, "Northwind Theirs");
  /* Theirs is what the form shows now. */
  pd_ui_test_wait_for (shows_theirs, &form, "their name in the form");
  g_assert_false (gtk_widget_is_sensitive (pd_settings_save_bar_get_button (form.save_bar)));
  settings_window_close (&window);
}

static void
assert_read_only (const char *role,
                  const char *role_name)
{
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new (portal_args, role);
  SettingsWindow window;
  PartnerForm form;
  GtkWidget *save;
  GtkLabel *state;

  if (test == NULL)
    return;
  settings_window_open (&window, test, 1100, 800);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window.page)));
  partner_form (settings_window_partner (&window), &form);
  pd_ui_test_wait_for (shows_name, &form, "the partner's name");
  save = pd_settings_save_bar_get_button (form.save_bar);

  g_assert_false (gtk_widget_is_sensitive (form.group));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (form.group), role_name));
  g_assert_false (gtk_widget_is_sensitive (save));
  state = GTK_LABEL (pd_ui_test_find_id (GTK_WIDGET (form.save_bar), "state_label"));
  g_assert_nonnull (strstr (gtk_label_get_text (state), role_name));
  settings_window_close (&window);
}

static void
test_roles_read_only (void)
{
  assert_read_only ("technician", "Technician");
  assert_read_only ("finance", "Finance");
  assert_read_only ("admin", "Admin");
}

int
main (int   argc,
      char *argv[])
{
  pd_ui_test_init (&argc, &argv);

  g_test_add_func ("/settings/partner/round-trip", test_round_trip);
  g_test_add_func ("/settings/partner/name-checked", test_name_checked);
  g_test_add_func ("/settings/partner/conflict-keep-theirs", test_conflict_keep_theirs);
  g_test_add_func ("/settings/partner/read-only-roles", test_roles_read_only);
  return g_test_run ();
}

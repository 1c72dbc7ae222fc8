/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A notification type sent about selected clients, under Xvfb against the reference portal:
 * “Selected Clients” opens the shared picker over the session's clients, the ones ticked
 * save with the settings and read back from the portal and into a new page; going back to
 * “All Clients” is an unsaved change that Discard undoes, and Save sends the type about all
 * clients again. A client chosen on the portal meanwhile shows by name. */

#include "config.h"

#include "notifications-test.h"
#include "pd-organization.h"
#include "pd-picker.h"
#include "pd-resource-list.h"

static PdUiTestSession *owner;

static gboolean
is_titled (GtkWidget     *widget,
           gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static GtkWidget *
row_titled (PdNotificationTypeRow *row,
            const char            *title)
{
  GtkWidget *found = pd_ui_test_find (GTK_WIDGET (row), is_titled, title);

  g_assert_nonnull (found);
  return found;
}

static GtkWidget *
mapped_picker (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (PD_IS_PICKER (window) && gtk_widget_get_mapped (window))
        return window;
    }
  return NULL;
}

static gboolean
picker_shown (gpointer data)
{
  return mapped_picker () != NULL;
}

static gboolean
picker_shows (gpointer data)
{
  GtkWidget *list = pd_ui_test_find_id (mapped_picker (), "list");

  return pd_ui_test_find_label (list, data) != NULL;
}

/* Searches the picker for @name and ticks its row. */
static void
tick (GtkWidget  *picker,
      const char *name)
{
  GtkWidget *entry = pd_ui_test_find_id (picker, "search_entry");
  GtkWidget *check;

  /* Searched now rather than after the entry's typing delay, which would rebuild the rows
   * while they are looked at. */
  gtk_editable_set_text (GTK_EDITABLE (entry), name);
  g_signal_emit_by_name (entry, "search-changed");
  pd_ui_test_wait_for (picker_shows, (gpointer) name, name);
  check = gtk_widget_get_ancestor (pd_ui_test_find_label (pd_ui_test_find_id (picker, "list"), name),
                                   GTK_TYPE_CHECK_BUTTON);
  g_assert_nonnull (check);
  gtk_widget_activate (check);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
}

/* The name of the session's client at @position; the list keeps it. */
static const char *
name_at (guint position)
{
  GListModel *organizations = pd_session_get_organizations (owner->session);
  g_autoptr(PdOrganization) organization = g_list_model_get_item (organizations, position);

  g_assert_nonnull (organization);
  return pd_organization_get_name (organization);
}

static const char *
id_at (guint position)
{
  g_autoptr(PdResource) organization = g_list_model_get_item (pd_session_get_organizations (owner->session), position);

  return pd_resource_get_id (organization);
}

static JsonArray *
portal_ids (const char *key)
{
  g_autoptr(JsonNode) settings = nt_portal_get (owner->session, "/api/v1/notification-settings", NULL);
  JsonObject *setting = nt_setting (settings, key);

  if (!json_object_has_member (setting, "organization_ids"))
    return NULL;
  return json_array_ref (json_object_get_array_member (setting, "organization_ids"));
}

static gboolean
portal_has (JsonArray  *ids,
            const char *id)
{
  for (guint i = 0; ids != NULL && i < json_array_get_length (ids); i++)
    if (g_str_equal (json_array_get_string_element (ids, i), id))
      return TRUE;
  return FALSE;
}

static gboolean
two_chosen (gpointer choice)
{
  const char * const *ids = pd_notification_choice_get_organization_ids (choice);

  return ids != NULL && g_strv_length ((char **) ids) == 2;
}

static void
save (PdNotificationsPage *page)
{
  gtk_widget_activate_action (GTK_WIDGET (page), "notifications.save", NULL);
  nt_wait_saved (page);
  g_assert_false (pd_notifications_page_is_changed (page));
}

static void
test_selected_clients_round_trip (void)
{
  PdSessionView *view;
  GtkWindow *window;
  PdNotificationsPage *page = nt_open_page (owner, 1100, &view, &window);
  PdNotificationTypeRow *row = nt_row (page, "backup.failed");
  PdNotificationChoice *choice = pd_notification_type_row_get_choice (row);
  AdwComboRow *about = ADW_COMBO_ROW (row_titled (row, "Send About"));
  GtkWidget *clients = row_titled (row, "Clients");
  g_autofree char *first = g_strdup (name_at (3));
  g_autofree char *second = g_strdup (name_at (7));
  g_autofree char *first_id = g_strdup (id_at (3));
  g_autofree char *second_id = g_strdup (id_at (7));
  g_autoptr(JsonArray) ids = NULL;
  GtkWidget *picker;

  /* As the portal has it: about all clients, no client list to choose. */
  g_assert_null (portal_ids ("backup.failed"));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  pd_ui_test_wait_frames (3);
  g_assert_cmpuint (adw_combo_row_get_selected (about), ==, 0);
  g_assert_false (gtk_widget_get_visible (clients));

  /* “Selected Clients” opens the picker at once; two ticked clients become the choice. */
  adw_combo_row_set_selected (about, 1);
  pd_ui_test_wait_for (picker_shown, NULL, "the client picker");
  picker = mapped_picker ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (picker)) == window);
  g_assert_false (gtk_widget_is_sensitive (pd_ui_test_find_id (picker, "add_button")));
  tick (picker, first);
  tick (picker, second);
  pd_ui_test_wait_frames (5);
  pd_ui_test_screenshot (picker, "notifications-clients-picker");
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (pd_ui_test_find_id (picker, "window_title"))), ==,
                   "2 selected");
  /* A button's activation is animated: the choice changes a moment later. */
  gtk_widget_activate (pd_ui_test_find_id (picker, "add_button"));
  pd_ui_test_wait_for (two_chosen, choice, "the picked clients");
  pd_ui_test_wait_frames (3);
  g_assert_null (mapped_picker ());
  g_assert_true (gtk_widget_get_visible (clients));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (clients)), " and "));
  g_assert_nonnull (pd_ui_test_find_label (GTK_WIDGET (page), "1 unsaved change"));
  g_assert_true (pd_notifications_page_is_changed (page));
  /* Focus scrolls the page down to the rows shown. */
  gtk_widget_grab_focus (pd_ui_test_find_type (clients, GTK_TYPE_BUTTON));
  pd_ui_test_wait_frames (10);
  pd_ui_test_screenshot (GTK_WIDGET (window), "notifications-clients");

  /* Saved: the portal sends it about those two only. */
  save (page);
  ids = portal_ids ("backup.failed");
  g_assert_nonnull (ids);
  g_assert_cmpuint (json_array_get_length (ids), ==, 2);
  g_assert_true (portal_has (ids, first_id) && portal_has (ids, second_id));
  pd_ui_test_window_destroy (window);

  /* A new page reads it back; choosing the same clients again is no change. */
  page = nt_open_page (owner, 1100, &view, &window);
  row = nt_row (page, "backup.failed");
  choice = pd_notification_type_row_get_choice (row);
  about = ADW_COMBO_ROW (row_titled (row, "Send About"));
  clients = row_titled (row, "Clients");
  g_assert_cmpuint (adw_combo_row_get_selected (about), ==, 1);
  g_assert_true (gtk_widget_get_visible (clients));
  pd_notification_choice_set_organization_ids (choice, (const char * const []) { second_id, first_id, NULL });
  g_assert_false (pd_notifications_page_is_changed (page));

  /* Back to all clients: an unsaved change that Discard undoes, then saved for real. */
  adw_combo_row_set_selected (about, 0);
  pd_ui_test_wait_frames (2);
  g_assert_null (pd_notification_choice_get_organization_ids (choice));
  g_assert_false (gtk_widget_get_visible (clients));
  g_assert_true (pd_notifications_page_is_changed (page));
  gtk_widget_activate_action (GTK_WIDGET (page), "notifications.discard", NULL);
  pd_ui_test_wait_frames (2);
  g_assert_cmpuint (adw_combo_row_get_selected (about), ==, 1);
  g_assert_cmpuint (g_strv_length ((char **) pd_notification_choice_get_organization_ids (choice)), ==, 2);
  adw_combo_row_set_selected (about, 0);
  save (page);
  g_clear_pointer (&ids, json_array_unref);
  g_assert_null (portal_ids ("backup.failed"));
  pd_ui_test_window_destroy (window);
}

/* Picking none is allowed (the portal then sends it about no client), but said plainly. */
static void
test_no_client_is_said (void)
{
  PdSessionView *view;
  GtkWindow *window;
  PdNotificationsPage *page = nt_open_page (owner, 1100, &view, &window);
  PdNotificationTypeRow *row = nt_row (page, "download.ready");
  PdNotificationChoice *choice = pd_notification_type_row_get_choice (row);
  GtkWidget *clients = row_titled (row, "Clients");

  /* Not shown, so no picker: the choice is edited as the row would. */
  pd_notification_choice_set_organization_ids (choice, (const char * const []) { NULL });
  pd_ui_test_wait_frames (2);
  g_assert_null (mapped_picker ());
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (clients)), ==,
                   "No client selected: this e-mail is not sent");
  g_assert_true (gtk_widget_has_css_class (clients, "warning"));
  gtk_widget_activate_action (GTK_WIDGET (page), "notifications.discard", NULL);
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

  g_test_add_func ("/notifications/clients/round-trip", test_selected_clients_round_trip);
  g_test_add_func ("/notifications/clients/none-is-said", test_no_client_is_said);
  status = g_test_run ();
  pd_ui_test_session_free (owner);
  return status;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-notification-preview.h"
#include "pd-notification-type-row.h"
#include "pd-organization.h"
#include "pd-permission-gate.h"
#include "pd-picker.h"
#include "pd-resource-list.h"

struct _PdNotificationTypeRow
{
  AdwExpanderRow           parent_instance;

  PdSession               *session;
  PdNotificationChoice    *choice;
  /* The frequencies offered, in the combo row's order */
  PdNotificationFrequency  frequencies[4];
  guint                    n_frequencies;

  GtkLabel                *summary_label;
  GtkSwitch               *enabled_switch;
  AdwComboRow             *frequency_row;
  GtkSpinButton           *count_spin;
  AdwComboRow             *about_row;
  AdwActionRow            *clients_row;
  AdwActionRow            *preview_row;
};

/* The about row's order */
enum {
  ABOUT_ALL,
  ABOUT_SELECTED,
};

G_DEFINE_FINAL_TYPE (PdNotificationTypeRow, pd_notification_type_row, ADW_TYPE_EXPANDER_ROW)

PdNotificationChoice *
pd_notification_type_row_get_choice (PdNotificationTypeRow *self)
{
  g_return_val_if_fail (PD_IS_NOTIFICATION_TYPE_ROW (self), NULL);

  return self->choice;
}

static void
choice_frequency_cb (PdNotificationTypeRow *self)
{
  PdNotificationFrequency frequency = pd_notification_choice_get_frequency (self->choice);

  for (guint i = 0; i < self->n_frequencies; i++)
    if (self->frequencies[i] == frequency)
      {
        adw_combo_row_set_selected (self->frequency_row, i);
        return;
      }
  adw_combo_row_set_selected (self->frequency_row, GTK_INVALID_LIST_POSITION);
}

/* What the row's controls hold, readable while it is folded */
static void
update_summary (PdNotificationTypeRow *self)
{
  const char *frequency = pd_notification_frequency_to_text (pd_notification_choice_get_frequency (self->choice));
  int count = pd_notification_choice_get_cumulative_count (self->choice);
  g_autofree char *text = NULL;

  const char * const *ids = pd_notification_choice_get_organization_ids (self->choice);

  if (count > 1)
    /* Translators: %s is a frequency (“Weekly”), %d a number of events */
    text = g_strdup_printf (ngettext ("%s, after %d event", "%s, after %d events", count), frequency, count);
  if (ids != NULL)
    {
      guint n = g_strv_length ((char **) ids);
      char *with_clients;

      /* Translators: %s is a frequency, maybe with a number of events (“Weekly, after 5 events”);
       * %u counts the clients the e-mail is sent about */
      with_clients = g_strdup_printf (ngettext ("%s, %u client", "%s, %u clients", n), text != NULL ? text : frequency, n);
      g_free (text);
      text = with_clients;
    }
  gtk_label_set_text (self->summary_label, text != NULL ? text : frequency);
  /* An e-mail not sent has no frequency to speak of. */
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), pd_notification_choice_get_enabled (self->choice));
}

/* “3 clients: Contoso, Fabrikam and 1 more”, from the session's clients */
static char *
describe_clients (PdNotificationTypeRow *self,
                  const char * const    *ids)
{
  GListModel *organizations = pd_session_get_organizations (self->session);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint n = g_strv_length ((char **) ids);

  if (n == 0)
    return g_strdup (_("No client selected: this e-mail is not sent"));
  for (guint i = 0; ids[i] != NULL && names->len < 2; i++)
    {
      PdResource *organization = PD_IS_RESOURCE_LIST (organizations)
                                 ? pd_resource_list_lookup (PD_RESOURCE_LIST (organizations), ids[i]) : NULL;

      if (PD_IS_ORGANIZATION (organization))
        g_ptr_array_add (names, (gpointer) pd_organization_get_name (PD_ORGANIZATION (organization)));
    }
  if (names->len == 0)
    /* Translators: %u counts clients */
    return g_strdup_printf (ngettext ("%u client", "%u clients", n), n);
  if (n == 1)
    return g_strdup (g_ptr_array_index (names, 0));
  if (n == 2 && names->len == 2)
    /* Translators: two client names */
    return g_strdup_printf (_("%s and %s"), (char *) g_ptr_array_index (names, 0), (char *) g_ptr_array_index (names, 1));
  /* Translators: %s is a client's name, %u counts the other clients */
  return g_strdup_printf (ngettext ("%s and %u more", "%s and %u more", n - 1), (char *) g_ptr_array_index (names, 0), n - 1);
}

static void
choice_organizations_cb (PdNotificationTypeRow *self)
{
  const char * const *ids = pd_notification_choice_get_organization_ids (self->choice);
  g_autofree char *subtitle = NULL;

  adw_combo_row_set_selected (self->about_row, ids != NULL ? ABOUT_SELECTED : ABOUT_ALL);
  gtk_widget_set_visible (GTK_WIDGET (self->clients_row), ids != NULL);
  if (ids == NULL)
    return;
  subtitle = describe_clients (self, ids);
  adw_action_row_set_subtitle (self->clients_row, subtitle);
  /* Nothing selected is allowed (the portal sends it about none) but rarely meant. */
  if (ids[0] == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->clients_row), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->clients_row), "warning");
}

static void
picked_cb (PdNotificationTypeRow *self,
           const char * const    *ids)
{
  pd_notification_choice_set_organization_ids (self->choice, ids);
}

static void
describe_organization (gpointer   item,
                       char     **title,
                       char     **subtitle,
                       char     **refusal,
                       gpointer   data)
{
  *title = g_strdup (pd_organization_get_name (item));
  *subtitle = g_strdup (pd_organization_get_domain (item));
  *refusal = NULL;
}

static void
choose_clients (PdNotificationTypeRow *self)
{
  g_autoptr(GListModel) sorted = pd_picker_sort_organizations (pd_session_get_organizations (self->session));
  GtkWidget *picker;

  picker = pd_picker_new (GTK_WIDGET (self), _("Choose Clients"), _("Search clients by name or domain"), sorted,
                          describe_organization, pd_picker_match_organization, G_OBJECT (self));
  pd_picker_set_chosen (PD_PICKER (picker), pd_notification_choice_get_organization_ids (self->choice));
  pd_picker_set_accept_label (PD_PICKER (picker), _("_Select"));
  g_signal_connect_object (picker, "picked", G_CALLBACK (picked_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (picker));
}

static void
about_selected_cb (PdNotificationTypeRow *self)
{
  guint selected = adw_combo_row_get_selected (self->about_row);
  gboolean all = pd_notification_choice_get_organization_ids (self->choice) == NULL;

  if (selected == ABOUT_ALL && !all)
    pd_notification_choice_set_organization_ids (self->choice, NULL);
  else if (selected == ABOUT_SELECTED && all)
    {
      /* Start from none and let the user pick them right away. */
      pd_notification_choice_set_organization_ids (self->choice, (const char * const []) { NULL });
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        choose_clients (self);
    }
}

static void
frequency_selected_cb (PdNotificationTypeRow *self)
{
  guint selected = adw_combo_row_get_selected (self->frequency_row);

  if (selected < self->n_frequencies)
    pd_notification_choice_set_frequency (self->choice, self->frequencies[selected]);
}

static void
preview_activated_cb (PdNotificationTypeRow *self)
{
  GtkWidget *dialog = pd_notification_preview_new (self->session,
                                                   pd_notification_choice_get_notification_type (self->choice));

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
build_frequencies (PdNotificationTypeRow *self,
                   PdNotificationType    *type)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  /* E-mails to the partner's own company always come as a digest (see the contract). */
  if (pd_notification_type_get_audience (type) != PD_NOTIFICATION_AUDIENCE_PARTNER)
    self->frequencies[self->n_frequencies++] = PD_NOTIFICATION_FREQUENCY_IMMEDIATE;
  self->frequencies[self->n_frequencies++] = PD_NOTIFICATION_FREQUENCY_DAILY;
  self->frequencies[self->n_frequencies++] = PD_NOTIFICATION_FREQUENCY_WEEKLY;
  self->frequencies[self->n_frequencies++] = PD_NOTIFICATION_FREQUENCY_MONTHLY;
  for (guint i = 0; i < self->n_frequencies; i++)
    gtk_string_list_append (names, pd_notification_frequency_to_text (self->frequencies[i]));
  adw_combo_row_set_model (self->frequency_row, G_LIST_MODEL (names));
}

static void
build_rows (PdNotificationTypeRow *self)
{
  PdNotificationType *type = pd_notification_choice_get_notification_type (self->choice);
  const char *name = pd_notification_type_get_name (type);
  GtkWidget *suffix, *count_row, *preview_icon, *choose_button;
  GtkStringList *about_names;
  /* Translators: %s is a kind of e-mail, e.g. “Backup errors” */
  g_autofree char *switch_label = g_strdup_printf (_("Send “%s”"), name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), pd_notification_type_get_description (type));

  /* What the folded row holds, then its switch */
  suffix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  self->summary_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "dim-label");
  gtk_box_append (GTK_BOX (suffix), GTK_WIDGET (self->summary_label));
  self->enabled_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->enabled_switch), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->enabled_switch), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  switch_label, -1);
  gtk_box_append (GTK_BOX (suffix), GTK_WIDGET (self->enabled_switch));
#if ADW_CHECK_VERSION (1, 4, 0)
  adw_expander_row_add_suffix (ADW_EXPANDER_ROW (self), suffix);
#else
  adw_expander_row_add_action (ADW_EXPANDER_ROW (self), suffix);
#endif
  g_object_bind_property (self->choice, "enabled", self->enabled_switch, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  update_summary (self);
  g_signal_connect_object (self->choice, "notify", G_CALLBACK (update_summary), self, G_CONNECT_SWAPPED);

  self->frequency_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->frequency_row), _("Frequency"));
  build_frequencies (self, type);
  choice_frequency_cb (self);
  g_signal_connect_object (self->choice, "notify::frequency", G_CALLBACK (choice_frequency_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->frequency_row, "notify::selected", G_CALLBACK (frequency_selected_cb), self, G_CONNECT_SWAPPED);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->frequency_row));

  count_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (count_row), _("Events Before Sending"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (count_row), _("Send once this many events happened; 1 sends every event"));
  self->count_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, 1000, 1));
  gtk_widget_set_valign (GTK_WIDGET (self->count_spin), GTK_ALIGN_CENTER);
  gtk_spin_button_set_numeric (self->count_spin, TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->count_spin), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  count_row, NULL, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (count_row), GTK_WIDGET (self->count_spin));
  g_object_bind_property (self->choice, "cumulative-count", self->count_spin, "value",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), count_row);

  /* All clients, or only those picked */
  about_names = gtk_string_list_new ((const char * const []) { _("All Clients"), _("Selected Clients"), NULL });
  self->about_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->about_row), _("Send About"));
  adw_combo_row_set_model (self->about_row, G_LIST_MODEL (about_names));
  g_object_unref (about_names);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->about_row));

  self->clients_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->clients_row), _("Clients"));
  choose_button = gtk_button_new_with_mnemonic (_("_Choose…"));
  gtk_widget_set_valign (choose_button, GTK_ALIGN_CENTER);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (choose_button), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  self->clients_row, NULL, -1);
  adw_action_row_add_suffix (self->clients_row, choose_button);
  adw_action_row_set_activatable_widget (self->clients_row, choose_button);
  g_signal_connect_object (choose_button, "clicked", G_CALLBACK (choose_clients), self, G_CONNECT_SWAPPED);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->clients_row));
  choice_organizations_cb (self);
  g_signal_connect_object (self->choice, "notify::organization-ids", G_CALLBACK (choice_organizations_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->about_row, "notify::selected", G_CALLBACK (about_selected_cb), self,
                           G_CONNECT_SWAPPED);

  self->preview_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->preview_row), _("Preview E-mail"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->preview_row), _("The subject and text with sample data"));
  preview_icon = gtk_image_new_from_icon_name ("mail-read-symbolic");
  adw_action_row_add_suffix (self->preview_row, preview_icon);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->preview_row), TRUE);
  g_signal_connect_object (self->preview_row, "activated", G_CALLBACK (preview_activated_cb), self, G_CONNECT_SWAPPED);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->preview_row));

  /* Read-only roles see the settings as they are, with the reason on every control. */
  pd_permission_gate (GTK_WIDGET (self->enabled_switch), self->session, "notifications.write", PD_PERMISSION_GATE_DISABLE);
  pd_permission_gate (GTK_WIDGET (self->frequency_row), self->session, "notifications.write", PD_PERMISSION_GATE_DISABLE);
  pd_permission_gate (count_row, self->session, "notifications.write", PD_PERMISSION_GATE_DISABLE);
  pd_permission_gate (GTK_WIDGET (self->about_row), self->session, "notifications.write", PD_PERMISSION_GATE_DISABLE);
  pd_permission_gate (choose_button, self->session, "notifications.write", PD_PERMISSION_GATE_DISABLE);
}

GtkWidget *
pd_notification_type_row_new (PdSession            *session,
                              PdNotificationChoice *choice)
{
  PdNotificationTypeRow *self;

  g_return_val_if_fail (PD_IS_SESSION (session), NULL);
  g_return_val_if_fail (PD_IS_NOTIFICATION_CHOICE (choice), NULL);

  self = g_object_new (PD_TYPE_NOTIFICATION_TYPE_ROW, NULL);
  self->session = g_object_ref (session);
  self->choice = g_object_ref (choice);
  build_rows (self);
  return GTK_WIDGET (self);
}

static void
pd_notification_type_row_dispose (GObject *object)
{
  PdNotificationTypeRow *self = PD_NOTIFICATION_TYPE_ROW (object);

  g_clear_object (&self->choice);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pd_notification_type_row_parent_class)->dispose (object);
}

static void
pd_notification_type_row_class_init (PdNotificationTypeRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pd_notification_type_row_dispose;
}

static void
pd_notification_type_row_init (PdNotificationTypeRow *self)
{
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-notification-preview.h"
#include "pd-notification-type-row.h"
#include "pd-permission-gate.h"

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
  AdwActionRow            *preview_row;
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

  if (count > 1)
    /* Translators: %s is a frequency (“Weekly”), %d a number of events */
    text = g_strdup_printf (ngettext ("%s, after %d event", "%s, after %d events", count), frequency, count);
  gtk_label_set_text (self->summary_label, text != NULL ? text : frequency);
  /* An e-mail not sent has no frequency to speak of. */
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), pd_notification_choice_get_enabled (self->choice));
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
  GtkWidget *suffix, *count_row, *preview_icon;
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

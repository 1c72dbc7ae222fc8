/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-leave-guard.h"
#include "pd-notification-type-row.h"
#include "pd-notifications-page-private.h"
#include "pd-permission-gate.h"

G_DEFINE_FINAL_TYPE_WITH_CODE (PdNotificationsPage, pd_notifications_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (PD_TYPE_LEAVE_GUARD, pd_notifications_page_leave_guard_init))

/* The period row's order */
static const PdReportPeriod periods[] = {
  PD_REPORT_PERIOD_DAILY,
  PD_REPORT_PERIOD_WEEKLY,
  PD_REPORT_PERIOD_MONTHLY,
};

/* The catalogue's groups in the UI's words; a group a newer portal adds shows the portal's
 * own title. */
static const struct {
  const char *key;
  const char *title;  /* N_() */
} group_titles[] = {
  { "backup", N_("Backups") },
  { "download", N_("Downloads") },
  { "compliance", N_("Compliance") },
  { "user_management", N_("User Management") },
  { "organization_management", N_("Organization Management") },
  { "add_backup", N_("Adding Accounts to Backups") },
  { "credentials", N_("Credentials") },
  { "trial", N_("Not-for-Resale and Trial Organizations") },
};

static const char *
group_title (PdNotificationTypeGroup *group)
{
  const char *key = pd_notification_type_group_get_key (group);

  for (guint i = 0; i < G_N_ELEMENTS (group_titles); i++)
    if (g_strcmp0 (key, group_titles[i].key) == 0)
      return _(group_titles[i].title);
  return pd_notification_type_group_get_name (group);
}

PdReportPeriod
pd_notifications_page_get_period (PdNotificationsPage *self)
{
  guint selected = adw_combo_row_get_selected (self->period_row);

  return selected < G_N_ELEMENTS (periods) ? periods[selected] : PD_REPORT_PERIOD_UNKNOWN;
}

GStrv
pd_notifications_page_dup_recipients (PdNotificationsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->recipients_row));
  g_auto(GStrv) parts = g_regex_split_simple ("[,;\\s]+", text, 0, 0);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0')
      g_strv_builder_add (builder, parts[i]);
  return g_strv_builder_end (builder);
}

gboolean
pd_notifications_page_report_is_changed (PdNotificationsPage *self)
{
  g_auto(GStrv) recipients = NULL;
  const char * const *saved;

  if (self->report == NULL)
    return FALSE;
  if (pd_notifications_page_get_period (self) != pd_report_settings_get_period (self->report))
    return TRUE;
  recipients = pd_notifications_page_dup_recipients (self);
  saved = pd_report_settings_get_recipients (self->report);
  return !g_strv_equal ((const char * const *) recipients, saved != NULL ? saved : (const char *[]) { NULL });
}

static guint
count_changed_choices (PdNotificationsPage *self)
{
  guint changed = 0;

  for (guint i = 0; i < self->choices->len; i++)
    changed += pd_notification_choice_is_changed (g_ptr_array_index (self->choices, i));
  return changed;
}

gboolean
pd_notifications_page_is_changed (PdNotificationsPage *self)
{
  return count_changed_choices (self) > 0 || pd_notifications_page_report_is_changed (self);
}

void
pd_notifications_page_set_recipients_error (PdNotificationsPage *self,
                                            const char          *message)
{
  gtk_label_set_text (self->recipients_error, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->recipients_error), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->recipients_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->recipients_row), "error");
}

static void
update_recommended (PdNotificationsPage *self)
{
  gboolean matches = TRUE;

  for (guint i = 0; i < self->choices->len && matches; i++)
    matches = pd_notification_choice_recommended_change (g_ptr_array_index (self->choices, i)) ==
              PD_RECOMMENDED_CHANGE_NONE;
  adw_action_row_set_subtitle (self->recommended_row,
                               matches ? _("Your saved settings are the recommended ones")
                                       : _("Turns on the e-mails most partners need, at their usual frequency"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notifications.recommended",
                                 self->saving == 0 && (!matches || pd_notifications_page_is_changed (self)));
}

/* Save, discard and the status line follow every change. */
void
pd_notifications_page_update_state (PdNotificationsPage *self)
{
  guint changed = count_changed_choices (self) + pd_notifications_page_report_is_changed (self);
  gboolean any_on = FALSE, any_off = FALSE;
  g_autofree char *status = NULL;

  for (guint i = 0; i < self->choices->len; i++)
    {
      gboolean enabled = pd_notification_choice_get_enabled (g_ptr_array_index (self->choices, i));

      any_on |= enabled;
      any_off |= !enabled;
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notifications.save", changed > 0 && self->saving == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notifications.discard", changed > 0 && self->saving == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notifications.all-on", any_off);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notifications.all-off", any_on);
  update_recommended (self);

  if (self->saving > 0)
    status = g_strdup (_("Saving…"));
  else if (changed > 0)
    /* Translators: %u counts e-mail types (and the report) changed but not saved */
    status = g_strdup_printf (ngettext ("%u unsaved change", "%u unsaved changes", changed), changed);
  else
    status = g_strdup (_("All changes saved"));
  gtk_label_set_text (self->status_label, status);
}

void
pd_notifications_page_revert_report (PdNotificationsPage *self)
{
  const char * const *recipients;
  g_autofree char *text = NULL;

  if (self->report == NULL)
    return;
  recipients = pd_report_settings_get_recipients (self->report);
  text = recipients != NULL ? g_strjoinv (", ", (GStrv) recipients) : g_strdup ("");
  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    if (periods[i] == pd_report_settings_get_period (self->report))
      adw_combo_row_set_selected (self->period_row, i);
  gtk_editable_set_text (GTK_EDITABLE (self->recipients_row), text);
  pd_notifications_page_set_recipients_error (self, NULL);
  pd_notifications_page_update_state (self);
}

void
pd_notifications_page_revert (PdNotificationsPage *self)
{
  for (guint i = 0; i < self->choices->len; i++)
    pd_notification_choice_revert (g_ptr_array_index (self->choices, i));
  pd_notifications_page_revert_report (self);
}

static void
add_group (PdNotificationsPage     *self,
           PdNotificationTypeGroup *group)
{
  GListModel *types = G_LIST_MODEL (pd_notification_type_group_get_types (group));
  GtkWidget *widget = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (widget), group_title (group));
  for (guint i = 0; i < g_list_model_get_n_items (types); i++)
    {
      g_autoptr(PdNotificationType) type = g_list_model_get_item (types, i);
      g_autoptr(PdNotificationChoice) choice = pd_notification_choice_new (type);

      g_signal_connect_object (choice, "notify", G_CALLBACK (pd_notifications_page_update_state), self,
                               G_CONNECT_SWAPPED);
      g_ptr_array_add (self->choices, g_object_ref (choice));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (widget), pd_notification_type_row_new (self->session, choice));
    }
  gtk_box_append (self->groups_box, widget);
}

/* Called once the catalogue arrived: a row per type, in the catalogue's order. */
void
pd_notifications_page_build (PdNotificationsPage *self)
{
  GListModel *groups = G_LIST_MODEL (pd_notification_type_catalogue_get_groups (self->catalogue));

  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(PdNotificationTypeGroup) group = g_list_model_get_item (groups, i);

      add_group (self, group);
    }
}

static void
set_all_enabled (PdNotificationsPage *self,
                 gboolean             enabled)
{
  for (guint i = 0; i < self->choices->len; i++)
    pd_notification_choice_set_enabled (g_ptr_array_index (self->choices, i), enabled);
}

static void
all_on_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  set_all_enabled (PD_NOTIFICATIONS_PAGE (widget), TRUE);
}

static void
all_off_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  set_all_enabled (PD_NOTIFICATIONS_PAGE (widget), FALSE);
}

static void
discard_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  pd_notifications_page_revert (PD_NOTIFICATIONS_PAGE (widget));
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  /* Errors were shown where they happened (toasts, the recipients row). */
  pd_notifications_page_save_finish (PD_NOTIFICATIONS_PAGE (source), result, NULL);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  pd_notifications_page_save_async (PD_NOTIFICATIONS_PAGE (widget), saved_cb, NULL);
}

static void
recommended_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  pd_notifications_page_confirm_recommended (PD_NOTIFICATIONS_PAGE (widget));
}

static void
reload_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  pd_notifications_page_load (PD_NOTIFICATIONS_PAGE (widget));
}

GtkWidget *
pd_notifications_page_new (PdSession *session)
{
  PdNotificationsPage *self;

  g_return_val_if_fail (PD_IS_SESSION (session), NULL);

  self = g_object_new (PD_TYPE_NOTIFICATIONS_PAGE, NULL);
  self->session = g_object_ref (session);
  pd_permission_gate (self->recommended_box, session, "notifications.write", PD_PERMISSION_GATE_DISABLE);
  pd_permission_gate (self->all_box, session, "notifications.write", PD_PERMISSION_GATE_DISABLE);
  pd_permission_gate (GTK_WIDGET (self->period_row), session, "notifications.write", PD_PERMISSION_GATE_DISABLE);
  pd_permission_gate (GTK_WIDGET (self->recipients_row), session, "notifications.write", PD_PERMISSION_GATE_DISABLE);
  pd_permission_gate (self->save_box, session, "notifications.write", PD_PERMISSION_GATE_DISABLE);
  pd_notifications_page_load (self);
  return GTK_WIDGET (self);
}

static void
pd_notifications_page_dispose (GObject *object)
{
  PdNotificationsPage *self = PD_NOTIFICATIONS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_NOTIFICATIONS_PAGE);
  g_clear_object (&self->catalogue);
  g_clear_object (&self->report);
  g_clear_object (&self->session);
  g_clear_pointer (&self->choices, g_ptr_array_unref);

  G_OBJECT_CLASS (pd_notifications_page_parent_class)->dispose (object);
}

static void
pd_notifications_page_finalize (GObject *object)
{
  PdNotificationsPage *self = PD_NOTIFICATIONS_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_error (&self->load_error);
  g_free (self->settings_etag);

  G_OBJECT_CLASS (pd_notifications_page_parent_class)->finalize (object);
}

static void
pd_notifications_page_class_init (PdNotificationsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_notifications_page_dispose;
  object_class->finalize = pd_notifications_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/notifications/pd-notifications-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PdNotificationsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, PdNotificationsPage, groups_box);
  gtk_widget_class_bind_template_child (widget_class, PdNotificationsPage, recommended_row);
  gtk_widget_class_bind_template_child (widget_class, PdNotificationsPage, recommended_box);
  gtk_widget_class_bind_template_child (widget_class, PdNotificationsPage, all_box);
  gtk_widget_class_bind_template_child (widget_class, PdNotificationsPage, period_row);
  gtk_widget_class_bind_template_child (widget_class, PdNotificationsPage, recipients_row);
  gtk_widget_class_bind_template_child (widget_class, PdNotificationsPage, recipients_error);
  gtk_widget_class_bind_template_child (widget_class, PdNotificationsPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, PdNotificationsPage, save_box);

  gtk_widget_class_install_action (widget_class, "notifications.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "notifications.discard", NULL, discard_activated);
  gtk_widget_class_install_action (widget_class, "notifications.all-on", NULL, all_on_activated);
  gtk_widget_class_install_action (widget_class, "notifications.all-off", NULL, all_off_activated);
  gtk_widget_class_install_action (widget_class, "notifications.recommended", NULL, recommended_activated);
  gtk_widget_class_install_action (widget_class, "notifications.reload", NULL, reload_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "notifications.save", NULL);
}

static void
pd_notifications_page_init (PdNotificationsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not a bound template child: disposing the template would unparent it behind AdwBin. */
  self->stack = GTK_STACK (adw_bin_get_child (ADW_BIN (self)));
  self->cancellable = g_cancellable_new ();
  self->choices = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect_object (self->period_row, "notify::selected", G_CALLBACK (pd_notifications_page_update_state),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->recipients_row, "changed", G_CALLBACK (pd_notifications_page_update_state),
                           self, G_CONNECT_SWAPPED);
  pd_notifications_page_update_state (self);
}

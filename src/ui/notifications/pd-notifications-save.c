/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-edit.h"
#include "pd-leave-guard.h"
#include "pd-notifications-page-private.h"

/* Saving sends one edit per document that changed (the e-mail settings as a whole, the
 * report settings), each with the ETag it was based on. The save completes when both were
 * answered or wait in the outbox; anything refused was shown where it belongs. */

typedef struct {
  PdNotificationsPage *self;
  gboolean             counted;   /* already counted as done ("queued") */
  gboolean             settings;  /* the e-mail settings, not the report */
} SaveEdit;

static void
save_edit_done (SaveEdit *data,
                gboolean  failed)
{
  PdNotificationsPage *self = data->self;

  self->save_failed |= failed;
  if (data->counted)
    return;
  data->counted = TRUE;
  if (--self->saving > 0)
    return;
  pd_notifications_page_update_state (self);
  if (self->save_task != NULL)
    {
      g_autoptr(GTask) task = g_steal_pointer (&self->save_task);

      if (self->save_failed)
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", _("The changes were not saved."));
      else
        g_task_return_boolean (task, TRUE);
    }
}

static void
save_edit_free (SaveEdit *data)
{
  g_object_unref (data->self);
  g_free (data);
}

static void
queued_cb (PdEdit   *edit,
           SaveEdit *data)
{
  pd_edit_add_toast (GTK_WIDGET (data->self),
                     adw_toast_new (_("The portal cannot be reached; your changes are sent when it can")));
  /* The outbox holds them now: they are no longer the page's to lose. */
  for (guint i = 0; data->settings && i < data->self->choices->len; i++)
    pd_notification_choice_commit (g_ptr_array_index (data->self->choices, i));
  save_edit_done (data, FALSE);
}

static PdEdit *
new_edit (PdNotificationsPage *self,
          SaveEdit           **data,
          const char          *method,
          const char          *path,
          JsonNode            *body,
          const char          *etag,
          const char          *description)
{
  PdEdit *edit = pd_edit_new (self->session, method, path, body, etag, description);

  *data = g_new0 (SaveEdit, 1);
  (*data)->self = g_object_ref (self);
  g_signal_connect (edit, "queued", G_CALLBACK (queued_cb), *data);
  self->saving++;
  return edit;
}

/* The user kept theirs in the conflict dialog (not the page going away) */
static gboolean
kept_theirs (PdNotificationsPage *self,
             const GError        *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && !g_cancellable_is_cancelled (self->cancellable);
}

static char *
format_settings (const char *field,
                 JsonNode   *value,
                 gpointer    user_data)
{
  JsonArray *array;
  guint on = 0, n;

  if (g_strcmp0 (field, "settings") != 0 || !JSON_NODE_HOLDS_ARRAY (value))
    return NULL;
  array = json_node_get_array (value);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      on += JSON_NODE_HOLDS_OBJECT (item) &&
            json_object_get_boolean_member_with_default (json_node_get_object (item), "enabled", FALSE);
    }
  /* Translators: the first %u counts e-mails sent, the second all kinds of e-mail */
  return g_strdup_printf (ngettext ("%u of %u e-mail sent", "%u of %u e-mails sent", n), on, n);
}

/* A refused recipient in the UI's words, e.g. field "recipients[2]" */
static char *
describe_field_error (const PdPortalFieldError *field_error,
                      const char * const       *recipients)
{
  guint index;

  if (sscanf (field_error->field, "recipients[%u]", &index) == 1 && index < g_strv_length ((GStrv) recipients))
    {
      if (g_strcmp0 (field_error->code, "invalid_email") == 0)
        /* Translators: %s is what the user typed as an e-mail address */
        return g_strdup_printf (_("“%s” is not an e-mail address."), recipients[index]);
      if (g_strcmp0 (field_error->code, "duplicate") == 0)
        /* Translators: %s is an e-mail address */
        return g_strdup_printf (_("“%s” is listed more than once."), recipients[index]);
    }
  return g_strdup (field_error->message);
}

/* What was typed stays, with the portal's reasons under it. */
static void
show_recipient_errors (PdNotificationsPage *self,
                       const GError        *error)
{
  GPtrArray *fields = pd_portal_error_get_field_errors (error);
  g_auto(GStrv) recipients = pd_notifications_page_dup_recipients (self);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < fields->len; i++)
    {
      g_autofree char *line = describe_field_error (g_ptr_array_index (fields, i), (const char * const *) recipients);

      g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", line);
    }
  pd_notifications_page_set_recipients_error (self, text->len > 0 ? text->str : error->message);
  gtk_widget_grab_focus (GTK_WIDGET (self->recipients_row));
}

static void
edit_saved_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  SaveEdit *data = user_data;
  PdNotificationsPage *self = data->self;
  g_autoptr(PdPortalResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  response = pd_edit_run_finish (PD_EDIT (source), result, &error);
  if (response != NULL && data->settings)
    pd_notifications_page_apply_settings (self, pd_portal_response_get_root (response), &error);
  else if (response != NULL)
    pd_notifications_page_apply_report (self, pd_portal_response_get_root (response), &error);
  if (!data->settings && g_error_matches (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_VALIDATION))
    show_recipient_errors (self, error);
  else if (kept_theirs (self, error))
    pd_notifications_page_load (self);
  else if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    pd_edit_show_error (GTK_WIDGET (self),
                        data->settings ? _("Could not save the notification settings")
                                       : _("Could not save your company’s report settings"),
                        error);
  save_edit_done (data, error != NULL);
  save_edit_free (data);
}

static void
save_settings (PdNotificationsPage *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(PdEdit) edit = NULL;
  SaveEdit *data;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "settings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->choices->len; i++)
    pd_notification_choice_add_json (g_ptr_array_index (self->choices, i), builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  edit = new_edit (self, &data, "PUT", "/api/v1/notification-settings", body, self->settings_etag,
                   _("Change which notification e-mails are sent"));
  data->settings = TRUE;
  pd_edit_add_field_label (edit, "settings", _("Notification e-mails"));
  pd_edit_set_formatter (edit, format_settings, NULL, NULL);
  pd_edit_run_async (edit, GTK_WIDGET (self), self->cancellable, edit_saved_cb, data);
}

static void
save_report (PdNotificationsPage *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(PdEdit) edit = NULL;
  g_autoptr(GEnumClass) periods = g_type_class_ref (PD_TYPE_REPORT_PERIOD);
  g_auto(GStrv) recipients = pd_notifications_page_dup_recipients (self);
  SaveEdit *data;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "period");
  json_builder_add_string_value (builder, g_enum_get_value (periods, pd_notifications_page_get_period (self))->value_nick);
  json_builder_set_member_name (builder, "recipients");
  json_builder_begin_array (builder);
  for (guint i = 0; recipients[i] != NULL; i++)
    json_builder_add_string_value (builder, recipients[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  pd_notifications_page_set_recipients_error (self, NULL);
  edit = new_edit (self, &data, "PUT", "/api/v1/report-settings", body,
                   pd_resource_get_etag (PD_RESOURCE (self->report)), _("Change your company’s report"));
  pd_edit_add_field_label (edit, "period", _("Report period"));
  pd_edit_add_field_label (edit, "recipients", _("Recipients"));
  pd_edit_run_async (edit, GTK_WIDGET (self), self->cancellable, edit_saved_cb, data);
}

void
pd_notifications_page_save_async (PdNotificationsPage *self,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, callback, user_data);
  gboolean settings_changed = FALSE;

  g_task_set_source_tag (task, pd_notifications_page_save_async);
  if (self->saving > 0 || self->save_task != NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING, "%s", _("The changes are being saved."));
      return;
    }
  for (guint i = 0; i < self->choices->len && !settings_changed; i++)
    settings_changed = pd_notification_choice_is_changed (g_ptr_array_index (self->choices, i));
  self->save_failed = FALSE;
  if (settings_changed)
    save_settings (self);
  if (pd_notifications_page_report_is_changed (self))
    save_report (self);
  if (self->saving == 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  self->save_task = g_steal_pointer (&task);
  pd_notifications_page_update_state (self);
}

gboolean
pd_notifications_page_save_finish (PdNotificationsPage  *self,
                                   GAsyncResult         *result,
                                   GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

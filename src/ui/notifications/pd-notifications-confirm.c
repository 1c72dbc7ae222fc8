/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-edit.h"
#include "pd-leave-guard.h"
#include "pd-notifications-page-private.h"

/* The two questions of the page: activating the recommended preset (which replaces every
 * setting on the portal at once), and leaving with unsaved changes. */

static GtkWidget *
new_dialog (PdNotificationsPage *self,
            const char          *heading,
            const char          *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, body);

  g_set_weak_pointer (&self->dialog, dialog);
  return dialog;
}

/* ---- the recommended preset ----------------------------------------------------------- */

/* One sentence per kind of change, naming the e-mails it concerns */
static void
describe_changes (PdNotificationsPage *self,
                  GString             *text)
{
  g_autoptr(GPtrArray) on = g_ptr_array_new ();
  g_autoptr(GPtrArray) off = g_ptr_array_new ();
  guint adjusted = 0, unsaved = 0;

  for (guint i = 0; i < self->choices->len; i++)
    {
      PdNotificationChoice *choice = g_ptr_array_index (self->choices, i);
      const char *name = pd_notification_type_get_name (pd_notification_choice_get_notification_type (choice));

      switch (pd_notification_choice_recommended_change (choice))
        {
        case PD_RECOMMENDED_CHANGE_TURN_ON:
          g_ptr_array_add (on, (gpointer) name);
          break;
        case PD_RECOMMENDED_CHANGE_TURN_OFF:
          g_ptr_array_add (off, (gpointer) name);
          break;
        case PD_RECOMMENDED_CHANGE_ADJUST:
          adjusted++;
          break;
        case PD_RECOMMENDED_CHANGE_NONE:
        default:
          break;
        }
      unsaved += pd_notification_choice_is_changed (choice);
    }
  g_ptr_array_add (on, NULL);
  g_ptr_array_add (off, NULL);

  if (on->len > 1)
    {
      g_autofree char *names = g_strjoinv (", ", (GStrv) on->pdata);

      g_string_append_printf (text,
                              /* Translators: %u counts kinds of e-mail, %s lists their names */
                              ngettext ("Turns on %u e-mail: %s.", "Turns on %u e-mails: %s.", on->len - 1),
                              on->len - 1, names);
      g_string_append (text, "\n\n");
    }
  if (off->len > 1)
    {
      g_autofree char *names = g_strjoinv (", ", (GStrv) off->pdata);

      g_string_append_printf (text,
                              /* Translators: %u counts kinds of e-mail, %s lists their names */
                              ngettext ("Turns off %u e-mail: %s.", "Turns off %u e-mails: %s.", off->len - 1),
                              off->len - 1, names);
      g_string_append (text, "\n\n");
    }
  if (adjusted > 0)
    {
      g_string_append_printf (text,
                              /* Translators: %u counts kinds of e-mail */
                              ngettext ("Sets the recommended frequency and sends every event for %u more e-mail.",
                                        "Sets the recommended frequency and sends every event for %u more e-mails.",
                                        adjusted),
                              adjusted);
      g_string_append (text, "\n\n");
    }
  if (unsaved > 0)
    {
      g_string_append (text, _("Your unsaved changes to the e-mails are discarded."));
      g_string_append (text, "\n\n");
    }
  g_string_append (text, _("The portal applies this at once, for all your clients."));
}

static void
recommended_applied_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(PdNotificationsPage) self = user_data;
  g_autoptr(PdPortalResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  self->saving--;
  response = pd_edit_run_finish (PD_EDIT (source), result, &error);
  if (response != NULL && pd_notifications_page_apply_settings (self, pd_portal_response_get_root (response), &error))
    pd_edit_add_toast (GTK_WIDGET (self), adw_toast_new (_("Recommended settings activated")));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (!g_cancellable_is_cancelled (self->cancellable))
        pd_notifications_page_load (self);
    }
  else
    pd_edit_show_error (GTK_WIDGET (self), _("Could not activate the recommended settings"), error);
  if (!g_cancellable_is_cancelled (self->cancellable))
    pd_notifications_page_update_state (self);
}

static void
recommended_response_cb (PdNotificationsPage *self,
                         const char          *response)
{
  g_autoptr(PdEdit) edit = NULL;

  if (g_strcmp0 (response, "activate") != 0)
    return;
  edit = pd_edit_new (self->session, "POST", "/api/v1/notification-settings/recommended", NULL,
                      self->settings_etag, _("Activate the recommended notification settings"));
  self->saving++;
  pd_notifications_page_update_state (self);
  pd_edit_run_async (edit, GTK_WIDGET (self), self->cancellable, recommended_applied_cb, g_object_ref (self));
}

void
pd_notifications_page_confirm_recommended (PdNotificationsPage *self)
{
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog;

  describe_changes (self, body);
  dialog = new_dialog (self, _("Activate Recommended Settings?"), body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "activate", _("_Activate"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "activate", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (recommended_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- leaving with unsaved changes -------------------------------------------------------- */

static gboolean
has_unsaved_changes (PdLeaveGuard *guard)
{
  PdNotificationsPage *self = PD_NOTIFICATIONS_PAGE (guard);

  return pd_notifications_page_is_changed (self) || self->saving > 0;
}

static void
saved_before_leaving_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (pd_notifications_page_save_finish (PD_NOTIFICATIONS_PAGE (source), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    /* Stay: what was refused is shown on the page. */
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
leave_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   GTask            *task)
{
  PdNotificationsPage *self = g_task_get_source_object (task);

  if (g_strcmp0 (response, "save") == 0)
    pd_notifications_page_save_async (self, saved_before_leaving_cb, g_object_ref (task));
  else if (g_strcmp0 (response, "discard") == 0)
    {
      pd_notifications_page_revert (self);
      g_task_return_boolean (task, TRUE);
    }
  else
    g_task_return_boolean (task, FALSE);
}

static void
ask_async (PdLeaveGuard        *guard,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  PdNotificationsPage *self = PD_NOTIFICATIONS_PAGE (guard);
  g_autoptr(GTask) task = g_task_new (self, NULL, callback, user_data);
  GtkWidget *dialog;

  g_task_set_source_tag (task, ask_async);
  dialog = new_dialog (self, _("Save Changes?"),
                       _("The notification settings have changes that are not saved. Changes you discard are lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (leave_response_cb), g_steal_pointer (&task),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
ask_finish (PdLeaveGuard  *guard,
            GAsyncResult  *result,
            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, guard), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
pd_notifications_page_leave_guard_init (gpointer g_iface,
                                        gpointer iface_data)
{
  PdLeaveGuardInterface *iface = g_iface;

  iface->has_unsaved_changes = has_unsaved_changes;
  iface->ask_async = ask_async;
  iface->ask_finish = ask_finish;
}

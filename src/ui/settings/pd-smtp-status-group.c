/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "pd-settings"

#include "config.h"

#include <glib/gi18n.h>

#include "pd-chip.h"
#include "pd-edit.h"
#include "pd-format.h"
#include "pd-permission-gate.h"
#include "pd-settings-check.h"
#include "pd-smtp-status-group.h"

struct _PdSmtpStatusGroup
{
  AdwPreferencesGroup  parent_instance;

  AdwActionRow        *status_row;
  PdChip              *status_chip;
  AdwActionRow        *error_row;
  AdwEntryRow         *recipient_row;
  GtkSpinner          *spinner;
  GtkButton           *send_button;
  AdwActionRow        *result_row;
  GtkImage            *result_icon;

  PdSession           *session;
  PdSmtpSettings      *settings;
  gboolean             unsaved;
  gboolean             recipient_touched;
  GCancellable        *cancellable;   /* the test under way */
};

G_DEFINE_FINAL_TYPE (PdSmtpStatusGroup, pd_smtp_status_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  SIGNAL_TESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
recipient (PdSmtpStatusGroup *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->recipient_row));
}

/* Why “Send” cannot be used now, on top of the smtp.write gate, or NULL */
static void
update_send (PdSmtpStatusGroup *self)
{
  const char *problem = pd_settings_check_email (recipient (self));
  const char *reason = NULL;

  if (self->cancellable != NULL)
    reason = _("A test e-mail is on its way.");
  else if (self->settings == NULL)
    reason = _("The SMTP settings have not been read yet.");
  else if (self->unsaved)
    reason = _("Save your changes first: the portal tests the saved settings.");
  else if (problem != NULL)
    reason = problem;
  pd_permission_gate_set_reason (GTK_WIDGET (self->send_button), reason);

  /* Only after the user typed: an empty field is not an error before that. */
  if (problem != NULL && self->recipient_touched)
    gtk_widget_add_css_class (GTK_WIDGET (self->recipient_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->recipient_row), "error");
}

static void
recipient_changed_cb (PdSmtpStatusGroup *self)
{
  self->recipient_touched = TRUE;
  update_send (self);
}

static void
update_status (PdSmtpStatusGroup *self)
{
  GDateTime *tested = self->settings != NULL ? pd_smtp_settings_get_last_test_at (self->settings) : NULL;
  const char *last_error = self->settings != NULL ? pd_smtp_settings_get_last_error (self->settings) : NULL;
  g_autofree char *subtitle = NULL;
  const char *text, *style = NULL;

  switch (self->settings != NULL ? pd_smtp_settings_get_status (self->settings) : PD_SMTP_STATUS_UNKNOWN)
    {
    case PD_SMTP_STATUS_ACTIVE:
      /* Translators: the status of the SMTP settings: a test e-mail went through */
      text = C_("smtp status", "Active");
      style = "accent";
      break;
    case PD_SMTP_STATUS_ERROR:
      /* Translators: the status of the SMTP settings: the last test e-mail failed */
      text = C_("smtp status", "Error");
      style = "error";
      break;
    case PD_SMTP_STATUS_UNVERIFIED:
      /* Translators: the status of the SMTP settings: not tested since the last change */
      text = C_("smtp status", "Unverified");
      style = "warning";
      break;
    case PD_SMTP_STATUS_UNKNOWN:
    default:
      text = C_("smtp status", "Unknown");
      break;
    }
  pd_chip_set_text (self->status_chip, text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_chip), "accent");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_chip), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_chip), "warning");
  if (style != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_chip), style);

  if (tested != NULL)
    {
      g_autofree char *relative = pd_format_relative_time (tested, NULL);
      g_autoptr(GDateTime) local = g_date_time_to_local (tested);
      g_autofree char *exact = g_date_time_format (local, "%c");

      /* Translators: when the last SMTP test ran; %s is e.g. “5 minutes ago” */
      subtitle = g_strdup_printf (_("Last test: %s"), relative);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_row), exact);
    }
  else
    {
      subtitle = g_strdup (_("Not tested yet"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_row), NULL);
    }
  adw_action_row_set_subtitle (self->status_row, subtitle);
  /* A test that just failed already shows this reason below. */
  gtk_widget_set_visible (GTK_WIDGET (self->error_row),
                          last_error != NULL && *last_error != '\0' &&
                          !(gtk_widget_get_visible (GTK_WIDGET (self->result_row)) &&
                            g_strcmp0 (adw_action_row_get_subtitle (self->result_row), last_error) == 0));
  adw_action_row_set_subtitle (self->error_row, last_error != NULL ? last_error : "");
}

void
pd_smtp_status_group_set_settings (PdSmtpStatusGroup   *self,
                             PdSmtpSettings *settings)
{
  g_return_if_fail (PD_IS_SMTP_STATUS_GROUP (self));
  g_return_if_fail (settings == NULL || PD_IS_SMTP_SETTINGS (settings));

  g_set_object (&self->settings, settings);
  update_status (self);
  update_send (self);
}

void
pd_smtp_status_group_set_unsaved (PdSmtpStatusGroup *self,
                            gboolean      unsaved)
{
  g_return_if_fail (PD_IS_SMTP_STATUS_GROUP (self));

  self->unsaved = unsaved;
  update_send (self);
}

gboolean
pd_smtp_status_group_get_testing (PdSmtpStatusGroup *self)
{
  g_return_val_if_fail (PD_IS_SMTP_STATUS_GROUP (self), FALSE);

  return self->cancellable != NULL;
}

static void
show_result (PdSmtpStatusGroup *self,
             gboolean      success,
             const char   *title,
             const char   *detail)
{
  gtk_image_set_from_icon_name (self->result_icon, success ? "emblem-ok-symbolic" : "dialog-error-symbolic");
  gtk_widget_remove_css_class (GTK_WIDGET (self->result_icon), success ? "error" : "success");
  gtk_widget_add_css_class (GTK_WIDGET (self->result_icon), success ? "success" : "error");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->result_row), title);
  adw_action_row_set_subtitle (self->result_row, detail != NULL ? detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->result_row), TRUE);
}

static void
test_finished (PdSmtpStatusGroup *self)
{
  g_clear_object (&self->cancellable);
  gtk_spinner_stop (self->spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  update_send (self);
}

static void
test_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PdSmtpStatusGroup) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PdPortalResponse) response = pd_edit_run_finish (PD_EDIT (source), result, &error);
  JsonNode *root = response != NULL ? pd_portal_response_get_root (response) : NULL;
  JsonObject *object = root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && self->cancellable == NULL)
    return;  /* disposed */
  test_finished (self);
  if (response == NULL)
    {
      show_result (self, FALSE, _("The test e-mail could not be sent"), error->message);
      pd_edit_show_error (GTK_WIDGET (self), _("Cannot send the test e-mail"), error);
      return;
    }
  if (object != NULL && g_strcmp0 (json_object_get_string_member_with_default (object, "status", NULL), "active") == 0)
    show_result (self, TRUE, _("The test e-mail was sent"),
                 json_object_get_string_member_with_default (object, "detail", NULL));
  else
    show_result (self, FALSE, _("The test e-mail failed"),
                 object != NULL ? json_object_get_string_member_with_default (object, "detail", NULL) : NULL);
  g_signal_emit (self, signals[SIGNAL_TESTED], 0);
}

static void
test_queued_cb (PdEdit       *edit,
                PdSmtpStatusGroup *self)
{
  pd_edit_add_toast (GTK_WIDGET (self),
                     adw_toast_new (_("The portal cannot be reached: the test e-mail is sent when it is back")));
}

static void
send_clicked_cb (PdSmtpStatusGroup *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(PdEdit) edit = NULL;
  g_autofree char *description = NULL;

  if (self->session == NULL || !gtk_widget_is_sensitive (GTK_WIDGET (self->send_button)))
    return;
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "to");
  json_builder_add_string_value (builder, recipient (self));
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  /* Translators: a change waiting for the portal; %s is an e-mail address */
  description = g_strdup_printf (_("Send a test e-mail to %s"), recipient (self));
  edit = pd_edit_new (self->session, "POST", "/api/v1/smtp-settings/test", body, NULL, description);
  g_signal_connect_object (edit, "queued", G_CALLBACK (test_queued_cb), self, 0);

  self->cancellable = g_cancellable_new ();
  gtk_widget_set_visible (GTK_WIDGET (self->result_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  gtk_spinner_start (self->spinner);
  update_send (self);
  pd_edit_run_async (edit, GTK_WIDGET (self), self->cancellable, test_done_cb, g_object_ref (self));
}

void
pd_smtp_status_group_set_session (PdSmtpStatusGroup *self,
                            PdSession    *session)
{
  PdMe *me;

  g_return_if_fail (PD_IS_SMTP_STATUS_GROUP (self));
  g_return_if_fail (PD_IS_SESSION (session));
  g_return_if_fail (self->session == NULL);

  self->session = g_object_ref (session);
  pd_permission_gate (GTK_WIDGET (self->send_button), session, "smtp.write", PD_PERMISSION_GATE_DISABLE);
  pd_permission_gate (GTK_WIDGET (self->recipient_row), session, "smtp.write", PD_PERMISSION_GATE_DISABLE);
  /* The signed-in technician is the usual recipient. */
  me = pd_session_get_me (session);
  if (me != NULL && pd_me_get_user_email (me) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->recipient_row), pd_me_get_user_email (me));
  self->recipient_touched = FALSE;
  update_send (self);
}

static void
pd_smtp_status_group_dispose (GObject *object)
{
  PdSmtpStatusGroup *self = PD_SMTP_STATUS_GROUP (object);

  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }
  g_clear_object (&self->settings);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (object), PD_TYPE_SMTP_STATUS_GROUP);

  G_OBJECT_CLASS (pd_smtp_status_group_parent_class)->dispose (object);
}

static void
pd_smtp_status_group_class_init (PdSmtpStatusGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_smtp_status_group_dispose;

  signals[SIGNAL_TESTED] =
    g_signal_new ("tested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (PD_TYPE_CHIP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/settings/pd-smtp-status-group.ui");
  gtk_widget_class_bind_template_child (widget_class, PdSmtpStatusGroup, status_row);
  gtk_widget_class_bind_template_child (widget_class, PdSmtpStatusGroup, status_chip);
  gtk_widget_class_bind_template_child (widget_class, PdSmtpStatusGroup, error_row);
  gtk_widget_class_bind_template_child (widget_class, PdSmtpStatusGroup, recipient_row);
  gtk_widget_class_bind_template_child (widget_class, PdSmtpStatusGroup, spinner);
  gtk_widget_class_bind_template_child (widget_class, PdSmtpStatusGroup, send_button);
  gtk_widget_class_bind_template_child (widget_class, PdSmtpStatusGroup, result_row);
  gtk_widget_class_bind_template_child (widget_class, PdSmtpStatusGroup, result_icon);
  gtk_widget_class_bind_template_callback (widget_class, recipient_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, send_clicked_cb);
}

static void
pd_smtp_status_group_init (PdSmtpStatusGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_status (self);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the edit dialog does at once: a password reset e-mail, deactivating or reactivating,
 * deleting. Each asks first and goes through PdEdit on the version the dialog shows.
 *
 * Deleting offers no undo: a user created again with the same e-mail would be a new user
 * (another id) without password, MFA, API keys or groups, so the confirmation is the
 * protection, and deactivating is offered as the reversible way to block signing in. */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-user-edit-dialog-private.h"

static char *
user_path (PdUserEditDialog *self,
           const char       *suffix)
{
  return g_strconcat ("/api/v1/users/", pd_resource_get_id (PD_RESOURCE (self->user)), suffix, NULL);
}

typedef void (*Then) (PdUserEditDialog *self);

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             PdUserEditDialog *self)
{
  Then then = g_object_get_data (G_OBJECT (dialog), "pd-then");

  if (g_str_equal (response, "confirm") && self->edit == NULL)
    then (self);
}

/* Asks @heading / @body with @confirm_label as the answer (destructive or suggested); @then
 * runs on the dialog when confirmed. */
static void
confirm (PdUserEditDialog *self,
         const char       *heading,
         const char       *body,
         const char       *confirm_label,
         gboolean          destructive,
         Then              then)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "confirm", confirm_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, "confirm",
                                              destructive ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "pd-then", then);
  g_signal_connect_object (dialog, "response", G_CALLBACK (response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
done_cb (PdUserEditDialog *self,
         PdEdit           *edit,
         const GError     *error,
         char             *success)
{
  if (error != NULL)
    {
      g_free (success);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        pd_user_edit_dialog_show_error (self, error->message);
      return;
    }
  pd_user_edit_dialog_toast (self, success);
}

/* ---- password reset ------------------------------------------------------------------ */

static void
reset_done_cb (PdUserEditDialog *self,
               PdEdit           *edit,
               const GError     *error)
{
  /* Translators: %s is an e-mail address */
  done_cb (self, edit, error, g_strdup_printf (_("A password reset e-mail is on its way to %s"),
                                               pd_user_get_email (self->user)));
}

static void
reset_confirmed (PdUserEditDialog *self)
{
  g_autofree char *path = user_path (self, "/reset-password");
  g_autofree char *description = NULL;
  g_autoptr(PdEdit) edit = NULL;

  /* Translators: %s is a person's name */
  description = g_strdup_printf (_("Send %s a password reset e-mail"), pd_user_get_name (self->user));
  edit = pd_edit_new (self->session, "POST", path, NULL, NULL, description);
  pd_user_edit_dialog_run (self, edit, reset_done_cb);
}

void
pd_user_edit_reset_password (PdUserEditDialog *self)
{
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  /* Translators: %s is a person's name */
  heading = g_strdup_printf (_("Reset the Password of %s?"), pd_user_get_name (self->user));
  /* Translators: %s is an e-mail address */
  body = g_strdup_printf (_("An e-mail to %s brings a link to choose a new password. "
                            "The current password keeps working until then."), pd_user_get_email (self->user));
  confirm (self, heading, body, _("_Send E-mail"), FALSE, reset_confirmed);
}

/* ---- deactivate, reactivate ---------------------------------------------------------- */

static void
status_done_cb (PdUserEditDialog *self,
                PdEdit           *edit,
                const GError     *error)
{
  gboolean active = pd_user_get_status (self->user) != PD_USER_STATUS_DEACTIVATED;

  /* Translators: %s is a person's name */
  done_cb (self, edit, error, g_strdup_printf (active ? _("Reactivated %s") : _("Deactivated %s"),
                                               pd_user_get_name (self->user)));
}

static void
status_confirmed (PdUserEditDialog *self)
{
  gboolean active = pd_user_get_status (self->user) != PD_USER_STATUS_DEACTIVATED;
  g_autofree char *path = user_path (self, NULL);
  g_autofree char *description = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(PdEdit) edit = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, active ? "deactivated" : "active");
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  description = g_strdup_printf (active ? _("Deactivate the user %s") : _("Reactivate the user %s"),
                                 pd_user_get_name (self->user));
  edit = pd_edit_new (self->session, "PATCH", path, body, self->etag, description);
  pd_edit_set_target (edit, pd_session_get_users (self->session), NULL);
  pd_user_edit_dialog_run (self, edit, status_done_cb);
}

void
pd_user_edit_toggle_status (PdUserEditDialog *self)
{
  const char *name = pd_user_get_name (self->user);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  if (pd_user_get_status (self->user) != PD_USER_STATUS_DEACTIVATED)
    {
      /* Translators: %s is a person's name */
      heading = g_strdup_printf (_("Deactivate %s?"), name);
      /* Translators: %s is a person's name */
      body = g_strdup_printf (_("%s can no longer sign in. Their sessions and API keys end at once and they "
                                "stop managing groups; reactivating does not bring these back."), name);
      confirm (self, heading, body, _("_Deactivate"), TRUE, status_confirmed);
    }
  else
    {
      /* Translators: %s is a person's name */
      heading = g_strdup_printf (_("Reactivate %s?"), name);
      /* Translators: %s is a person's name */
      body = g_strdup_printf (_("%s can sign in again with their password. API keys and group management "
                                "revoked on deactivation have to be given again."), name);
      confirm (self, heading, body, _("_Reactivate"), FALSE, status_confirmed);
    }
}

/* ---- delete -------------------------------------------------------------------------- */

static void
deleted_cb (PdUserEditDialog *self,
            PdEdit           *edit,
            const GError     *error)
{
  if (error != NULL)
    {
      done_cb (self, edit, error, NULL);
      return;
    }
  /* Translators: %s is a person's name */
  pd_user_edit_dialog_toast (self, g_strdup_printf (_("Deleted %s"), pd_user_get_name (self->user)));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
delete_confirmed (PdUserEditDialog *self)
{
  g_autofree char *path = user_path (self, NULL);
  g_autofree char *description = NULL;
  g_autoptr(PdEdit) edit = NULL;

  /* Translators: %s is a person's name */
  description = g_strdup_printf (_("Delete the user %s"), pd_user_get_name (self->user));
  edit = pd_edit_new (self->session, "DELETE", path, NULL, self->etag, description);
  pd_edit_set_target (edit, pd_session_get_users (self->session), NULL);
  pd_user_edit_dialog_run (self, edit, deleted_cb);
}

void
pd_user_edit_delete (PdUserEditDialog *self)
{
  const char *name = pd_user_get_name (self->user);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  /* Translators: %s is a person's name */
  heading = g_strdup_printf (_("Delete %s?"), name);
  /* Translators: %s is a person's name */
  body = g_strdup_printf (_("%s can no longer sign in, and their API keys and group memberships are removed. "
                            "This cannot be undone: the same e-mail address would make a new user without "
                            "password or keys. To only block signing in, deactivate the user instead."), name);
  confirm (self, heading, body, _("_Delete"), TRUE, delete_confirmed);
}

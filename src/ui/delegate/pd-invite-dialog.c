/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-cache-resources.h"
#include "pd-edit.h"
#include "pd-invitations.h"
#include "pd-invite-dialog.h"
#include "pd-portal-error.h"
#include "pd-service-info.h"
#include "pd-user-fields.h"
#include "pd-widgets-style.h"

/* The portal's limit (AuthorizationDelegateRequest.message) */
#define MESSAGE_MAX_CHARS 1000

struct _PdInviteDialog
{
  AdwWindow        parent_instance;

  PdSession       *session;
  PdOrganization  *organization;
  PdService       *service;
  PdAuthorization *replacing;     /* Change E-mail: the invitation cancelled first */
  gboolean         replaced;      /* its cancellation went out */
  PdEdit          *edit;          /* the request under way */
  gboolean         sent;          /* nothing to keep as a draft */
  gboolean         email_checked; /* left the field once: say what is wrong */
  gboolean         touched;       /* typed before the draft was read: keep that */
  char            *draft_name;
  GCancellable    *cancellable;

  GtkWidget       *send_button;
  GtkRevealer     *error_revealer;
  GtkLabel        *error_label;
  AdwPreferencesGroup *admin_group;
  AdwEntryRow     *email_row;
  GtkWidget       *email_error_row;
  GtkTextView     *message_view;
  GtkLabel        *message_error_label;
};

G_DEFINE_FINAL_TYPE (PdInviteDialog, pd_invite_dialog, ADW_TYPE_WINDOW)

static char *
dup_email (PdInviteDialog *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->email_row))));
}

static char *
dup_message (PdInviteDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->message_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static const char *
application_name (PdInviteDialog *self)
{
  return pd_service_application_get_name (pd_service_get_application (self->service));
}

static gboolean
message_valid (PdInviteDialog *self)
{
  g_autofree char *message = dup_message (self);

  return g_utf8_strlen (message, -1) <= MESSAGE_MAX_CHARS;
}

static void
update_valid (PdInviteDialog *self)
{
  g_autofree char *email = dup_email (self);

  gtk_widget_set_sensitive (self->send_button,
                            self->edit == NULL && pd_user_fields_email_valid (email) && message_valid (self));
}

static void
show_error (PdInviteDialog *self,
            const char     *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static void
show_message_error (PdInviteDialog *self,
                    const char     *message)
{
  gtk_label_set_text (self->message_error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_error_label), message != NULL);
}

static void
check_email (PdInviteDialog *self)
{
  g_autofree char *email = dup_email (self);

  if (self->email_checked && email[0] != '\0' && !pd_user_fields_email_valid (email))
    pd_user_fields_show_error (GTK_WIDGET (self->email_row), self->email_error_row,
                               _("Enter an e-mail address such as name@example.com."));
  else
    pd_user_fields_show_error (GTK_WIDGET (self->email_row), self->email_error_row, NULL);
}

static void
email_changed_cb (PdInviteDialog *self)
{
  self->touched = TRUE;
  check_email (self);
  update_valid (self);
}

static void
email_left_cb (PdInviteDialog *self)
{
  self->email_checked = TRUE;
  check_email (self);
}

static void
message_changed_cb (PdInviteDialog *self)
{
  self->touched = TRUE;
  if (message_valid (self))
    show_message_error (self, NULL);
  else
    {
      /* Translators: %d is the most characters a message may have (1000) */
      g_autofree char *text = g_strdup_printf (_("The message is too long: keep it under %d characters."),
                                               MESSAGE_MAX_CHARS);
      show_message_error (self, text);
    }
  update_valid (self);
}

/* ---- the draft ------------------------------------------------------------------------ */

static void
store_draft (PdInviteDialog *self)
{
  g_autofree char *email = dup_email (self);
  g_autofree char *message = dup_message (self);
  const char *offered = self->replacing != NULL ? pd_authorization_get_invitation_email (self->replacing) : NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  if (self->sent || ((email[0] == '\0' || g_strcmp0 (email, offered) == 0) && message[0] == '\0'))
    node = json_node_new (JSON_NODE_NULL);  /* nothing of the user's own: forget it */
  else
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "admin_email");
      json_builder_add_string_value (builder, email);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, message);
      json_builder_end_object (builder);
      node = json_builder_get_root (builder);
    }
  if (!pd_session_set_document (self->session, self->draft_name, node, &error))
    g_warning ("Cannot keep the invitation draft: %s", error->message);
}

static void
draft_loaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PdInviteDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = pd_cache_load_document_finish (PD_CACHE (source), result, &error);
  JsonObject *draft;
  const char *email, *message;

  if (error != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Cannot read the invitation draft: %s", error->message);
      return;
    }
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) || self->touched)
    return;
  draft = json_node_get_object (node);
  email = json_object_get_string_member_with_default (draft, "admin_email", "");
  message = json_object_get_string_member_with_default (draft, "message", "");
  if (email[0] != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->email_row), email);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->message_view), message, -1);
  self->email_checked = TRUE;
  check_email (self);
  update_valid (self);
}

static gboolean
close_request_cb (PdInviteDialog *self)
{
  g_cancellable_cancel (self->cancellable);
  store_draft (self);
  return FALSE;
}

/* ---- sending ---------------------------------------------------------------------------- */

static void
toast_and_close (PdInviteDialog *self,
                 char           *message)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  self->sent = TRUE;
  pd_edit_add_toast (parent != NULL ? GTK_WIDGET (parent) : GTK_WIDGET (self), adw_toast_new (message));
  g_free (message);
  gtk_window_close (GTK_WINDOW (self));
}

/* A 422 names fields; a 409 says the service moved on meanwhile. */
static void
show_refusal (PdInviteDialog *self,
              const GError   *error)
{
  GPtrArray *fields = pd_portal_error_get_field_errors (error);
  g_autoptr(GString) rest = g_string_new (NULL);

  if (g_error_matches (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_CONFLICT))
    {
      /* Translators: %s is an application such as “Exchange” */
      g_autofree char *text = g_strdup_printf (_("%s cannot be offered to a client admin now: an invitation is "
                                                 "already pending or the service was authorized meanwhile. "
                                                 "Close this window to see where it stands; a pending invitation "
                                                 "can be resent, changed or cancelled from its tile."),
                                               application_name (self));
      show_error (self, text);
      return;
    }
  for (guint i = 0; fields != NULL && i < fields->len; i++)
    {
      PdPortalFieldError *field = g_ptr_array_index (fields, i);

      if (g_strcmp0 (field->field, "admin_email") == 0)
        pd_user_fields_show_error (GTK_WIDGET (self->email_row), self->email_error_row,
                                   _("The portal does not accept this address. Enter an e-mail address such as name@example.com."));
      else if (g_strcmp0 (field->field, "message") == 0)
        show_message_error (self, field->message);
      else
        g_string_append_printf (rest, "%s%s", rest->len > 0 ? "\n" : "", field->message);
    }
  if (fields == NULL || fields->len == 0)
    g_string_append (rest, error->message);
  show_error (self, rest->len > 0 ? rest->str : NULL);
}

static void
invite_queued_cb (PdInviteDialog *self)
{
  g_autofree char *email = dup_email (self);

  /* Translators: %s is an e-mail address */
  toast_and_close (self, g_strdup_printf (_("The invitation to %s will be sent as soon as the portal can be reached"),
                                          email));
}

static void
invited_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(PdInviteDialog) self = user_data;
  g_autoptr(PdPortalResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *email = NULL;
  PdEdit *edit = PD_EDIT (object);

  response = pd_edit_run_finish (edit, result, &error);
  if (edit != self->edit)
    return;  /* queued: the dialog is gone, the toast said so */
  g_clear_object (&self->edit);
  update_valid (self);
  if (response == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_refusal (self, error);
      return;
    }
  pd_invitations_put_json (pd_invitations_get (self->session), pd_resource_get_id (PD_RESOURCE (self->service)),
                           pd_portal_response_get_root (response));
  email = dup_email (self);
  /* Translators: %s is an e-mail address */
  toast_and_close (self, g_strdup_printf (_("Invitation sent to %s"), email));
}

static char *
dup_path (PdInviteDialog *self)
{
  return g_strdup_printf ("/api/v1/organizations/%s/services/%s/authorization/delegate",
                          pd_resource_get_id (PD_RESOURCE (self->organization)),
                          pd_resource_get_id (PD_RESOURCE (self->service)));
}

static void
run (PdInviteDialog      *self,
     PdEdit              *edit,
     GCallback            queued,
     GAsyncReadyCallback  done)
{
  g_set_object (&self->edit, edit);
  update_valid (self);
  show_error (self, NULL);
  g_signal_connect_object (edit, "queued", queued, self, G_CONNECT_SWAPPED);
  pd_edit_run_async (edit, GTK_WIDGET (self), NULL, done, g_object_ref (self));
}

static void
invite (PdInviteDialog *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(PdEdit) edit = NULL;
  g_autofree char *email = dup_email (self);
  g_autofree char *message = dup_message (self);
  g_autofree char *path = dup_path (self);
  /* Translators: the first %s is an application (“Exchange”), the second a client's name */
  g_autofree char *description = g_strdup_printf (_("Invite the admin of %s for %s"), application_name (self),
                                                  pd_organization_get_name (self->organization));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "admin_email");
  json_builder_add_string_value (builder, email);
  json_builder_set_member_name (builder, "message");
  if (message[0] != '\0')
    json_builder_add_string_value (builder, message);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  edit = pd_edit_new (self->session, "POST", path, body, NULL, description);
  pd_edit_add_field_label (edit, "admin_email", _("E-mail address"));
  pd_edit_add_field_label (edit, "message", _("Message"));
  run (self, edit, G_CALLBACK (invite_queued_cb), invited_cb);
}

/* Change E-mail, offline: the new invitation waits in the outbox behind the cancellation. */
static void
cancel_queued_cb (PdInviteDialog *self)
{
  self->replaced = TRUE;
  g_clear_object (&self->edit);
  invite (self);
}

static void
cancelled_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PdInviteDialog) self = user_data;
  g_autoptr(PdPortalResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  PdEdit *edit = PD_EDIT (object);

  response = pd_edit_run_finish (edit, result, &error);
  if (edit != self->edit)
    return;  /* queued: the invitation went after it */
  g_clear_object (&self->edit);
  /* 409: no invitation is pending any more (cancelled elsewhere); the new one is still
   * wanted, and the portal says so if the service was authorized meanwhile. */
  if (response == NULL && !g_error_matches (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_CONFLICT))
    {
      update_valid (self);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_refusal (self, error);
      return;
    }
  self->replaced = TRUE;
  pd_invitations_put (pd_invitations_get (self->session), pd_resource_get_id (PD_RESOURCE (self->service)), NULL);
  invite (self);
}

static void
send_cb (PdInviteDialog *self)
{
  g_autofree char *path = NULL;
  g_autofree char *description = NULL;
  g_autoptr(PdEdit) edit = NULL;

  self->email_checked = TRUE;
  check_email (self);
  if (!gtk_widget_get_sensitive (self->send_button))
    return;
  if (self->replacing == NULL || self->replaced)
    {
      invite (self);
      return;
    }
  path = dup_path (self);
  /* Translators: %s is an e-mail address */
  description = g_strdup_printf (_("Cancel the invitation to %s"),
                                 pd_authorization_get_invitation_email (self->replacing));
  edit = pd_edit_new (self->session, "DELETE", path, NULL, pd_resource_get_etag (PD_RESOURCE (self->replacing)),
                      description);
  run (self, edit, G_CALLBACK (cancel_queued_cb), cancelled_cb);
}

/* ---- the dialog ------------------------------------------------------------------------- */

static void
pd_invite_dialog_dispose (GObject *object)
{
  PdInviteDialog *self = PD_INVITE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->edit);
  g_clear_object (&self->replacing);
  g_clear_object (&self->service);
  g_clear_object (&self->organization);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (object), PD_TYPE_INVITE_DIALOG);

  G_OBJECT_CLASS (pd_invite_dialog_parent_class)->dispose (object);
}

static void
pd_invite_dialog_finalize (GObject *object)
{
  g_free (PD_INVITE_DIALOG (object)->draft_name);

  G_OBJECT_CLASS (pd_invite_dialog_parent_class)->finalize (object);
}

static void
pd_invite_dialog_class_init (PdInviteDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_invite_dialog_dispose;
  object_class->finalize = pd_invite_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/delegate/pd-invite-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PdInviteDialog, send_button);
  gtk_widget_class_bind_template_child (widget_class, PdInviteDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, PdInviteDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, PdInviteDialog, admin_group);
  gtk_widget_class_bind_template_child (widget_class, PdInviteDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, PdInviteDialog, email_error_row);
  gtk_widget_class_bind_template_child (widget_class, PdInviteDialog, message_view);
  gtk_widget_class_bind_template_child (widget_class, PdInviteDialog, message_error_label);
  gtk_widget_class_bind_template_callback (widget_class, email_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, send_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pd_invite_dialog_init (PdInviteDialog *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  pd_style_ensure (RESOURCE_BASE_PATH "/delegate/delegate.css");
  /* The error banner and field errors look as in the other editors */
  pd_style_ensure (RESOURCE_BASE_PATH "/users/users.css");
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (email_left_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->email_row), focus);
  g_signal_connect_object (gtk_text_view_get_buffer (self->message_view), "changed",
                           G_CALLBACK (message_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
}

GtkWidget *
pd_invite_dialog_new (PdSession       *session,
                      PdOrganization  *organization,
                      PdService       *service,
                      PdAuthorization *replacing)
{
  PdInviteDialog *self;
  g_autofree char *description = NULL;
  PdCache *cache;

  g_return_val_if_fail (PD_IS_SESSION (session), NULL);
  g_return_val_if_fail (PD_IS_ORGANIZATION (organization), NULL);
  g_return_val_if_fail (PD_IS_SERVICE (service), NULL);
  g_return_val_if_fail (replacing == NULL || PD_IS_AUTHORIZATION (replacing), NULL);

  self = g_object_new (PD_TYPE_INVITE_DIALOG, NULL);
  self->session = g_object_ref (session);
  self->organization = g_object_ref (organization);
  self->service = g_object_ref (service);
  self->draft_name = g_strdup_printf ("drafts/invite/%s/%s", pd_resource_get_id (PD_RESOURCE (organization)),
                                      pd_resource_get_id (PD_RESOURCE (service)));
  /* Translators: the first %s is an application (“Exchange”), the second a client's name */
  description = g_strdup_printf (_("The administrator of %s for %s gets an e-mail with a link to accept the "
                                   "service agreement, approve the permissions and choose the accounts to back "
                                   "up. The link works for 7 days."),
                                 application_name (self), pd_organization_get_name (organization));
  adw_preferences_group_set_description (self->admin_group, description);
  if (replacing != NULL)
    {
      self->replacing = g_object_ref (replacing);
      gtk_window_set_title (GTK_WINDOW (self), _("Change E-mail"));
      gtk_button_set_label (GTK_BUTTON (self->send_button), _("_Send"));
      if (pd_authorization_get_invitation_email (replacing) != NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->email_row), pd_authorization_get_invitation_email (replacing));
      if (pd_authorization_get_invitation_message (replacing) != NULL)
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->message_view),
                                  pd_authorization_get_invitation_message (replacing), -1);
      self->touched = FALSE;
    }
  cache = pd_session_get_cache (session);
  if (cache != NULL)
    pd_cache_load_document_async (cache, self->draft_name, self->cancellable, draft_loaded_cb, g_object_ref (self));
  update_valid (self);
  return GTK_WIDGET (self);
}

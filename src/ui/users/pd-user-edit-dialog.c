/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-format.h"
#include "pd-permission-gate.h"
#include "pd-user-edit-dialog-private.h"
#include "pd-user-fields.h"
#include "pd-users-format.h"

/* The fields are loaded once (and again after “Keep Theirs”); the facts around them (status,
 * last sign-in, what is allowed) follow the user as syncs and the actions change it. */

enum {
  PROP_0,
  PROP_SESSION,
  PROP_USER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (PdUserEditDialog, pd_user_edit_dialog, ADW_TYPE_WINDOW)

static char *
entered_name (PdUserEditDialog *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
}

static gboolean
name_changed (PdUserEditDialog *self)
{
  g_autofree char *name = entered_name (self);

  return g_strcmp0 (name, self->name) != 0;
}

static gboolean
role_changed (PdUserEditDialog *self)
{
  const char *role_id = pd_user_fields_get_role_id (self->role_row);

  return role_id != NULL && g_strcmp0 (role_id, self->role_id) != 0;
}

static gboolean
notify_changed (PdUserEditDialog *self)
{
  return gtk_switch_get_active (self->notify_switch) != self->notify;
}

static void
update_save (PdUserEditDialog *self)
{
  g_autofree char *name = entered_name (self);
  gboolean changed = name_changed (self) || role_changed (self) || notify_changed (self);

  gtk_widget_set_sensitive (self->save_button, changed && name[0] != '\0' && self->edit == NULL);
}

static void
field_changed_cb (PdUserEditDialog *self)
{
  pd_user_fields_show_error (GTK_WIDGET (self->name_row), self->name_error_row, NULL);
  pd_user_fields_show_error (GTK_WIDGET (self->role_row), self->role_error_row, NULL);
  update_save (self);
}

void
pd_user_edit_dialog_show_error (PdUserEditDialog *self,
                                const char       *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

void
pd_user_edit_dialog_toast (PdUserEditDialog *self,
                           char             *message)
{
  pd_edit_add_toast (self->parent != NULL ? self->parent : GTK_WIDGET (self), adw_toast_new (message));
  g_free (message);
}

static void
gate_reason (PdUserEditDialog *self,
             GtkWidget        *widget,
             PdUserAction      action)
{
  g_autofree char *reason = pd_users_dup_refusal (self->session, self->user, action);

  pd_permission_gate_set_reason (widget, reason);
}

static void
update_facts (PdUserEditDialog *self)
{
  PdUser *user = self->user;
  gboolean active = pd_user_get_status (user) != PD_USER_STATUS_DEACTIVATED;
  g_autofree char *when = pd_format_relative_time (pd_user_get_last_sign_in_at (user), NULL);
  g_autofree char *groups = pd_users_dup_groups (pd_session_get_groups (self->session),
                                                 pd_resource_get_id (PD_RESOURCE (user)));
  g_autofree char *reset = NULL;
  g_autofree char *status_refusal = pd_users_dup_refusal (self->session, user, PD_USER_ACTION_CHANGE_STATUS);
  g_autofree char *delete_refusal = pd_users_dup_refusal (self->session, user, PD_USER_ACTION_DELETE);
  g_autofree char *role_refusal = pd_users_dup_refusal (self->session, user, PD_USER_ACTION_CHANGE_ROLE);
  g_autofree char *rank = NULL;
  PdMe *me = pd_session_get_me (self->session);

  adw_window_title_set_title (self->window_title, pd_user_get_name (user));
  adw_window_title_set_subtitle (self->window_title, pd_user_get_role_name (user));
  gtk_window_set_title (GTK_WINDOW (self), pd_user_get_name (user));
  adw_action_row_set_subtitle (self->email_row, pd_user_get_email (user));
  adw_action_row_set_subtitle (self->status_row, pd_users_status_text (pd_user_get_status (user)));
  gtk_image_set_from_icon_name (self->status_icon, pd_users_status_icon (pd_user_get_status (user)));
  adw_action_row_set_subtitle (self->mfa_row, pd_user_get_mfa_enabled (user)
                               ? _("On: signing in needs a code from an authenticator app")
                               : _("Off: signing in needs only the password"));
  adw_action_row_set_subtitle (self->sign_in_row, pd_user_get_last_sign_in_at (user) != NULL ? when : _("Never signed in"));
  adw_action_row_set_subtitle (self->groups_row, groups != NULL ? groups : _("None"));

  /* Translators: %s is a person's name */
  reset = g_strdup_printf (_("Send %s an e-mail with a link to choose a new password"), pd_user_get_name (user));
  adw_action_row_set_subtitle (self->reset_row, reset);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_action_row),
                                 active ? _("Deactivate user") : _("Reactivate user"));
  adw_action_row_set_subtitle (self->status_action_row, active
                               ? _("Blocks signing in and ends their sessions and API keys")
                               : _("Lets them sign in again; old sessions and API keys stay revoked"));
  gtk_button_set_label (GTK_BUTTON (self->status_button), active ? _("D_eactivate…") : _("R_eactivate…"));
  if (active)
    gtk_widget_add_css_class (self->status_button, "destructive-action");
  else
    gtk_widget_remove_css_class (self->status_button, "destructive-action");

  gate_reason (self, GTK_WIDGET (self->name_row), PD_USER_ACTION_EDIT);
  gate_reason (self, GTK_WIDGET (self->notify_row), PD_USER_ACTION_EDIT);
  pd_permission_gate_set_reason (GTK_WIDGET (self->role_row), role_refusal);
  gate_reason (self, self->reset_button, PD_USER_ACTION_RESET_PASSWORD);
  pd_permission_gate_set_reason (self->status_button, status_refusal);
  pd_permission_gate_set_reason (self->delete_button, delete_refusal);
  /* The owner's and one's own protection, in words and not only in tooltips */
  if (role_refusal == NULL && me != NULL)
    /* Translators: %s is the signed-in user's role, e.g. “Admin” */
    rank = g_strdup_printf (_("You can give roles ranked below your own (“%s”)."), pd_me_get_role_name (me));
  adw_preferences_group_set_description (self->role_group, role_refusal != NULL ? role_refusal : rank);
  adw_preferences_group_set_description (self->actions_group, delete_refusal != NULL ? delete_refusal : status_refusal);
}

static void
load_fields (PdUserEditDialog *self)
{
  g_free (self->etag);
  self->etag = g_strdup (pd_resource_get_etag (PD_RESOURCE (self->user)));
  g_free (self->name);
  self->name = g_strdup (pd_user_get_name (self->user));
  g_free (self->role_id);
  self->role_id = g_strdup (pd_user_get_role_id (self->user));
  self->notify = pd_user_get_notify_backup_errors (self->user);

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), self->name);
  pd_user_fields_select_role (self->role_row, self->role_id);
  gtk_switch_set_active (self->notify_switch, self->notify);
  field_changed_cb (self);
}

/* ---- sending ------------------------------------------------------------------------- */

typedef struct {
  PdUserEditDialog *self;
  PdUserEditDone    done;
} Run;

static void
run_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(PdUserEditDialog) self = run->self;
  PdUserEditDone done = run->done;
  g_autoptr(PdEdit) edit = g_object_ref (PD_EDIT (object));
  g_autoptr(PdPortalResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  PdResource *answer;

  g_free (run);
  response = pd_edit_run_finish (edit, result, &error);
  if (edit != self->edit)
    return;  /* the dialog was closed meanwhile (or on “queued”) */
  g_clear_object (&self->edit);
  update_save (self);

  answer = pd_edit_get_resource (edit);
  if (error == NULL && PD_IS_USER (answer))
    {
      g_free (self->etag);
      self->etag = g_strdup (pd_resource_get_etag (answer));
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    load_fields (self);  /* “Keep Theirs”: theirs is in the list, and so in the dialog */
  done (self, edit, error);
}

/* The conflict dialog shows a role by its name (theirs is a reference, mine an id) and a
 * status in words. */
static char *
format_field (const char *field,
              JsonNode   *value,
              gpointer    user_data)
{
  PdSession *session = user_data;

  if (g_str_equal (field, "role") && JSON_NODE_HOLDS_OBJECT (value))
    return g_strdup (json_object_get_string_member_with_default (json_node_get_object (value), "name", NULL));
  if (g_str_equal (field, "role") && JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
    {
      PdResource *role = pd_resource_list_lookup (PD_RESOURCE_LIST (pd_session_get_roles (session)),
                                                  json_node_get_string (value));

      return role != NULL ? g_strdup (pd_role_get_name (PD_ROLE (role))) : NULL;
    }
  if (g_str_equal (field, "status") && JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
    return g_strdup (pd_users_status_text (g_str_equal (json_node_get_string (value), "active")
                                           ? PD_USER_STATUS_ACTIVE : PD_USER_STATUS_DEACTIVATED));
  return NULL;
}

static void
queued_cb (PdUserEditDialog *self)
{
  pd_user_edit_dialog_toast (self, g_strdup (_("The change will be sent as soon as the portal can be reached")));
  gtk_window_destroy (GTK_WINDOW (self));
}

void
pd_user_edit_dialog_run (PdUserEditDialog *self,
                         PdEdit           *edit,
                         PdUserEditDone    done)
{
  Run *run = g_new0 (Run, 1);

  g_return_if_fail (self->edit == NULL);

  run->self = g_object_ref (self);
  run->done = done;
  self->edit = g_object_ref (edit);
  pd_user_edit_dialog_show_error (self, NULL);
  gtk_widget_set_sensitive (self->save_button, FALSE);
  pd_edit_add_field_label (edit, "name", _("Name"));
  pd_edit_add_field_label (edit, "role", _("Role"));
  pd_edit_add_field_label (edit, "notify_backup_errors", _("E-mail about errors"));
  pd_edit_add_field_label (edit, "status", _("Status"));
  pd_edit_set_formatter (edit, format_field, g_object_ref (self->session), g_object_unref);
  g_signal_connect_object (edit, "queued", G_CALLBACK (queued_cb), self, G_CONNECT_SWAPPED);
  pd_edit_run_async (edit, GTK_WIDGET (self), NULL, run_cb, run);
}

/* ---- saving the fields --------------------------------------------------------------- */

static void
show_refusal (PdUserEditDialog *self,
              const GError     *error)
{
  GPtrArray *fields = pd_portal_error_get_field_errors (error);
  g_autoptr(GString) rest = g_string_new (NULL);

  for (guint i = 0; fields != NULL && i < fields->len; i++)
    {
      PdPortalFieldError *field = g_ptr_array_index (fields, i);
      g_autofree char *text = pd_user_fields_dup_error_text (field);

      if (g_strcmp0 (field->field, "name") == 0)
        pd_user_fields_show_error (GTK_WIDGET (self->name_row), self->name_error_row, text);
      else if (g_strcmp0 (field->field, "role") == 0)
        pd_user_fields_show_error (GTK_WIDGET (self->role_row), self->role_error_row, text);
      else
        g_string_append_printf (rest, "%s%s", rest->len > 0 ? "\n" : "", text);
    }
  if (g_strcmp0 (pd_portal_error_get_permission (error), "rank") == 0)
    pd_user_fields_show_error (GTK_WIDGET (self->role_row), self->role_error_row, error->message);
  else if (fields == NULL || fields->len == 0)
    g_string_append (rest, error->message);
  pd_user_edit_dialog_show_error (self, rest->len > 0 ? rest->str : NULL);
}

static void
saved_cb (PdUserEditDialog *self,
          PdEdit           *edit,
          const GError     *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    {
      show_refusal (self, error);
      return;
    }
  /* Translators: %s is a person's name */
  pd_user_edit_dialog_toast (self, g_strdup_printf (_("Saved the changes to %s"), pd_user_get_name (self->user)));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_clicked_cb (PdUserEditDialog *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(PdEdit) edit = NULL;
  g_autofree char *path = g_strconcat ("/api/v1/users/", pd_resource_get_id (PD_RESOURCE (self->user)), NULL);
  g_autofree char *description = NULL;

  if (self->edit != NULL)
    return;
  json_builder_begin_object (builder);
  if (name_changed (self))
    {
      g_autofree char *name = entered_name (self);

      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, name);
    }
  if (role_changed (self))
    {
      json_builder_set_member_name (builder, "role");
      json_builder_add_string_value (builder, pd_user_fields_get_role_id (self->role_row));
    }
  if (notify_changed (self))
    {
      json_builder_set_member_name (builder, "notify_backup_errors");
      json_builder_add_boolean_value (builder, gtk_switch_get_active (self->notify_switch));
    }
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  /* Translators: %s is a person's name */
  description = g_strdup_printf (_("Change the user %s"), self->name);
  edit = pd_edit_new (self->session, "PATCH", path, body, self->etag, description);
  pd_edit_set_target (edit, pd_session_get_users (self->session), NULL);
  pd_user_edit_dialog_run (self, edit, saved_cb);
}

static void
reset_clicked_cb (PdUserEditDialog *self)
{
  pd_user_edit_reset_password (self);
}

static void
status_clicked_cb (PdUserEditDialog *self)
{
  pd_user_edit_toggle_status (self);
}

static void
delete_clicked_cb (PdUserEditDialog *self)
{
  pd_user_edit_delete (self);
}

/* ---- life ---------------------------------------------------------------------------- */

static void
pd_user_edit_dialog_constructed (GObject *object)
{
  PdUserEditDialog *self = PD_USER_EDIT_DIALOG (object);

  G_OBJECT_CLASS (pd_user_edit_dialog_parent_class)->constructed (object);

  pd_user_fields_setup_roles (self->role_row, self->session, pd_user_get_role_id (self->user));

  pd_permission_gate (GTK_WIDGET (self->name_row), self->session, "users.write", PD_PERMISSION_GATE_DISABLE);
  pd_permission_gate (GTK_WIDGET (self->notify_row), self->session, "users.write", PD_PERMISSION_GATE_DISABLE);
  pd_permission_gate (GTK_WIDGET (self->role_row), self->session, "users.write", PD_PERMISSION_GATE_DISABLE);
  pd_permission_gate (self->reset_button, self->session, "users.write", PD_PERMISSION_GATE_DISABLE);
  pd_permission_gate (self->status_button, self->session, "users.write", PD_PERMISSION_GATE_DISABLE);
  pd_permission_gate (self->delete_button, self->session, "users.delete", PD_PERMISSION_GATE_DISABLE);

  g_signal_connect_object (self->user, "notify", G_CALLBACK (update_facts), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::me", G_CALLBACK (update_facts), self, G_CONNECT_SWAPPED);
  update_facts (self);
  load_fields (self);
}

static void
pd_user_edit_dialog_dispose (GObject *object)
{
  PdUserEditDialog *self = PD_USER_EDIT_DIALOG (object);

  /* An edit under way goes on (its callback holds a reference); the dialog only forgets it */
  g_clear_object (&self->edit);
  g_clear_weak_pointer (&self->parent);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_USER_EDIT_DIALOG);
  g_clear_object (&self->user);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pd_user_edit_dialog_parent_class)->dispose (object);
}

static void
pd_user_edit_dialog_finalize (GObject *object)
{
  PdUserEditDialog *self = PD_USER_EDIT_DIALOG (object);

  g_free (self->etag);
  g_free (self->name);
  g_free (self->role_id);

  G_OBJECT_CLASS (pd_user_edit_dialog_parent_class)->finalize (object);
}

static void
pd_user_edit_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PdUserEditDialog *self = PD_USER_EDIT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    case PROP_USER:
      self->user = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_user_edit_dialog_class_init (PdUserEditDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pd_user_edit_dialog_constructed;
  object_class->dispose = pd_user_edit_dialog_dispose;
  object_class->finalize = pd_user_edit_dialog_finalize;
  object_class->set_property = pd_user_edit_dialog_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PD_TYPE_SESSION,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_USER] =
    g_param_spec_object ("user", NULL, NULL, PD_TYPE_USER,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/users/pd-user-edit-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PdUserEditDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, PdUserEditDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, PdUserEditDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, PdUserEditDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, PdUserEditDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, PdUserEditDialog, name_error_row);
  gtk_widget_class_bind_template_child (widget_class, PdUserEditDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, PdUserEditDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, PdUserEditDialog, status_icon);
  gtk_widget_class_bind_template_child (widget_class, PdUserEditDialog, mfa_row);
  gtk_widget_class_bind_template_child (widget_class, PdUserEditDialog, sign_in_row);
  gtk_widget_class_bind_template_child (widget_class, PdUserEditDialog, groups_row);
  gtk_widget_class_bind_template_child (widget_class, PdUserEditDialog, role_group);
  gtk_widget_class_bind_template_child (widget_class, PdUserEditDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, PdUserEditDialog, role_error_row);
  gtk_widget_class_bind_template_child (widget_class, PdUserEditDialog, notify_row);
  gtk_widget_class_bind_template_child (widget_class, PdUserEditDialog, notify_switch);
  gtk_widget_class_bind_template_child (widget_class, PdUserEditDialog, actions_group);
  gtk_widget_class_bind_template_child (widget_class, PdUserEditDialog, reset_row);
  gtk_widget_class_bind_template_child (widget_class, PdUserEditDialog, reset_button);
  gtk_widget_class_bind_template_child (widget_class, PdUserEditDialog, status_action_row);
  gtk_widget_class_bind_template_child (widget_class, PdUserEditDialog, status_button);
  gtk_widget_class_bind_template_child (widget_class, PdUserEditDialog, delete_row);
  gtk_widget_class_bind_template_child (widget_class, PdUserEditDialog, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, reset_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pd_user_edit_dialog_init (PdUserEditDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWindow *
pd_user_edit_dialog_new (PdSession *session,
                         PdUser    *user,
                         GtkWidget *parent)
{
  g_return_val_if_fail (PD_IS_SESSION (session), NULL);
  g_return_val_if_fail (PD_IS_USER (user), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);

  PdUserEditDialog *self = g_object_new (PD_TYPE_USER_EDIT_DIALOG,
                                         "session", session,
                                         "user", user,
                                         "transient-for", gtk_widget_get_root (parent),
                                         NULL);

  g_set_weak_pointer (&self->parent, parent);
  return GTK_WINDOW (self);
}

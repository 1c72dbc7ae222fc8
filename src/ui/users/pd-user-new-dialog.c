/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-edit.h"
#include "pd-models.h"
#include "pd-password-rules.h"
#include "pd-user-fields.h"
#include "pd-user-new-dialog.h"

struct _PdUserNewDialog
{
  AdwWindow        parent_instance;

  PdSession       *session;
  GtkWidget       *parent;          /* weak: the page, whose window shows the toasts */
  PdEdit          *edit;            /* the one being sent, NULL otherwise */
  gboolean         email_checked;   /* complain about the e-mail once it was left or sent */

  GtkWidget       *create_button;
  GtkRevealer     *error_revealer;
  GtkLabel        *error_label;
  AdwEntryRow     *name_row;
  GtkWidget       *name_error_row;
  AdwEntryRow     *email_row;
  GtkWidget       *email_error_row;
  GtkCheckButton  *invite_check;
  GtkCheckButton  *password_check;
  AdwEntryRow     *password_row;
  GtkWidget       *password_rules_row;
  PdPasswordRules *password_rules;
  GtkWidget       *password_error_row;
  AdwPreferencesGroup *role_group;
  AdwComboRow     *role_row;
  GtkWidget       *role_error_row;
  GtkSwitch       *notify_switch;
};

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (PdUserNewDialog, pd_user_new_dialog, ADW_TYPE_WINDOW)

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static gboolean
has_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (text_of (row)));

  return text[0] != '\0';
}

static gboolean
with_password (PdUserNewDialog *self)
{
  return gtk_check_button_get_active (self->password_check);
}

static void
update_valid (PdUserNewDialog *self)
{
  gboolean valid = has_text (self->name_row) &&
                   pd_user_fields_email_valid (text_of (self->email_row)) &&
                   pd_user_fields_get_role_id (self->role_row) != NULL &&
                   (!with_password (self) || pd_password_rules_get_satisfied (self->password_rules));

  gtk_widget_set_sensitive (self->create_button, valid && self->edit == NULL);
}

static void
show_error (PdUserNewDialog *self,
            const char      *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static void
check_email (PdUserNewDialog *self)
{
  const char *email = text_of (self->email_row);

  if (self->email_checked && email[0] != '\0' && !pd_user_fields_email_valid (email))
    pd_user_fields_show_error (GTK_WIDGET (self->email_row), self->email_error_row,
                               _("Enter an e-mail address such as name@example.com."));
  else
    pd_user_fields_show_error (GTK_WIDGET (self->email_row), self->email_error_row, NULL);
}

static void
name_changed_cb (PdUserNewDialog *self)
{
  pd_user_fields_show_error (GTK_WIDGET (self->name_row), self->name_error_row, NULL);
  update_valid (self);
}

static void
email_changed_cb (PdUserNewDialog *self)
{
  check_email (self);
  update_valid (self);
}

static void
email_left_cb (PdUserNewDialog *self)
{
  self->email_checked = TRUE;
  check_email (self);
}

static void
password_changed_cb (PdUserNewDialog *self)
{
  pd_user_fields_show_error (GTK_WIDGET (self->password_row), self->password_error_row, NULL);
  pd_password_rules_set_password (self->password_rules, text_of (self->password_row));
  update_valid (self);
}

/* Both buttons say so: the one turned off speaks before the other is on */
static void
sign_in_toggled_cb (PdUserNewDialog *self)
{
  gboolean password = with_password (self);

  gtk_widget_set_visible (GTK_WIDGET (self->password_row), password);
  gtk_widget_set_visible (self->password_rules_row, password);
  if (!password)
    pd_user_fields_show_error (GTK_WIDGET (self->password_row), self->password_error_row, NULL);
  update_valid (self);
}

static void
role_changed_cb (PdUserNewDialog *self)
{
  pd_user_fields_show_error (GTK_WIDGET (self->role_row), self->role_error_row, NULL);
  update_valid (self);
}

/* A 422 names fields; a 409 or 403 of this endpoint is about one field too. */
static void
show_refusal (PdUserNewDialog *self,
              const GError    *error)
{
  GPtrArray *fields = pd_portal_error_get_field_errors (error);
  const char *type = pd_portal_error_get_problem_type (error);
  g_autoptr(GString) rest = g_string_new (NULL);
  struct { const char *field; GtkWidget *row; GtkWidget *error_row; } rows[] = {
    { "name", GTK_WIDGET (self->name_row), self->name_error_row },
    { "email", GTK_WIDGET (self->email_row), self->email_error_row },
    { "password", GTK_WIDGET (self->password_row), self->password_error_row },
    { "role", GTK_WIDGET (self->role_row), self->role_error_row },
  };

  for (guint i = 0; fields != NULL && i < fields->len; i++)
    {
      PdPortalFieldError *field = g_ptr_array_index (fields, i);
      g_autofree char *text = pd_user_fields_dup_error_text (field);
      gboolean shown = FALSE;

      for (guint j = 0; j < G_N_ELEMENTS (rows) && !shown; j++)
        if (g_strcmp0 (field->field, rows[j].field) == 0)
          {
            pd_user_fields_show_error (rows[j].row, rows[j].error_row, text);
            shown = TRUE;
          }
      if (!shown)
        g_string_append_printf (rest, "%s%s", rest->len > 0 ? "\n" : "", text);
    }
  if (type != NULL && g_str_has_suffix (type, "/email-taken"))
    pd_user_fields_show_error (GTK_WIDGET (self->email_row), self->email_error_row,
                               _("A user with this e-mail address already exists."));
  else if (g_strcmp0 (pd_portal_error_get_permission (error), "rank") == 0)
    pd_user_fields_show_error (GTK_WIDGET (self->role_row), self->role_error_row, error->message);
  else if (fields == NULL || fields->len == 0)
    g_string_append (rest, error->message);
  show_error (self, rest->len > 0 ? rest->str : NULL);
}

static void
toast_and_close (PdUserNewDialog *self,
                 char            *message)
{
  pd_edit_add_toast (self->parent != NULL ? self->parent : GTK_WIDGET (self), adw_toast_new (message));
  g_free (message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
queued_cb (PdUserNewDialog *self)
{
  /* Translators: %s is a person's name */
  toast_and_close (self, g_strdup_printf (_("%s will be added as soon as the portal can be reached"),
                                          text_of (self->name_row)));
}

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(PdUserNewDialog) self = user_data;
  g_autoptr(PdPortalResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  PdEdit *edit = PD_EDIT (object);
  gboolean current = edit == self->edit;

  response = pd_edit_run_finish (edit, result, &error);
  if (!current)
    return;  /* queued: the dialog is gone, the toast said so */
  g_clear_object (&self->edit);
  update_valid (self);
  if (error != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_refusal (self, error);
      return;
    }
  if (with_password (self))
    /* Translators: %s is a person's name */
    toast_and_close (self, g_strdup_printf (_("Added %s"), text_of (self->name_row)));
  else
    /* Translators: the first %s is a person's name, the second an e-mail address */
    toast_and_close (self, g_strdup_printf (_("Added %s and sent an invitation to %s"),
                                            text_of (self->name_row), text_of (self->email_row)));
}

static JsonNode *
build_body (PdUserNewDialog *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *name = g_strstrip (g_strdup (text_of (self->name_row)));
  g_autofree char *email = g_strstrip (g_strdup (text_of (self->email_row)));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "email");
  json_builder_add_string_value (builder, email);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, pd_user_fields_get_role_id (self->role_row));
  json_builder_set_member_name (builder, "notify_backup_errors");
  json_builder_add_boolean_value (builder, gtk_switch_get_active (self->notify_switch));
  if (with_password (self))
    {
      /* The portal does not trim passwords: neither do we */
      json_builder_set_member_name (builder, "password");
      json_builder_add_string_value (builder, text_of (self->password_row));
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
create_clicked_cb (PdUserNewDialog *self)
{
  g_autoptr(JsonNode) body = build_body (self);
  g_autofree char *description = NULL;

  if (self->edit != NULL)
    return;
  show_error (self, NULL);
  /* Translators: %s is a person's name */
  description = g_strdup_printf (_("Add the user %s"), text_of (self->name_row));
  self->edit = pd_edit_new (self->session, "POST", "/api/v1/users", body, NULL, description);
  if (with_password (self))
    pd_edit_set_flags (self->edit, PD_OUTBOX_FLAG_SECRET);
  pd_edit_set_target (self->edit, pd_session_get_users (self->session), NULL);
  g_signal_connect_object (self->edit, "queued", G_CALLBACK (queued_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_set_sensitive (self->create_button, FALSE);
  pd_edit_run_async (self->edit, GTK_WIDGET (self), NULL, created_cb, g_object_ref (self));
}

static void
pd_user_new_dialog_constructed (GObject *object)
{
  PdUserNewDialog *self = PD_USER_NEW_DIALOG (object);
  PdMe *me = pd_session_get_me (self->session);
  GtkEventController *focus = gtk_event_controller_focus_new ();
  g_autofree char *description = NULL;

  G_OBJECT_CLASS (pd_user_new_dialog_parent_class)->constructed (object);

  pd_user_fields_setup_roles (self->role_row, self->session, NULL);
  /* The least powerful role first is the safer default */
  adw_combo_row_set_selected (self->role_row, g_list_model_get_n_items (adw_combo_row_get_model (self->role_row)) - 1);
  if (me != NULL)
    /* Translators: %s is the signed-in user's role, e.g. “Admin” */
    description = g_strdup_printf (_("You can give roles ranked below your own (“%s”)."), pd_me_get_role_name (me));
  adw_preferences_group_set_description (self->role_group, description);

  g_signal_connect_object (focus, "leave", G_CALLBACK (email_left_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->email_row), focus);
  update_valid (self);
}

static void
pd_user_new_dialog_dispose (GObject *object)
{
  PdUserNewDialog *self = PD_USER_NEW_DIALOG (object);

  /* An edit under way keeps going (and its callback holds a reference): only forget it */
  g_clear_object (&self->edit);
  g_clear_weak_pointer (&self->parent);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_USER_NEW_DIALOG);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pd_user_new_dialog_parent_class)->dispose (object);
}

static void
pd_user_new_dialog_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PdUserNewDialog *self = PD_USER_NEW_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_user_new_dialog_class_init (PdUserNewDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pd_user_new_dialog_constructed;
  object_class->dispose = pd_user_new_dialog_dispose;
  object_class->set_property = pd_user_new_dialog_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PD_TYPE_SESSION,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PD_TYPE_PASSWORD_RULES);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/users/pd-user-new-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PdUserNewDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, PdUserNewDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, PdUserNewDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, PdUserNewDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, PdUserNewDialog, name_error_row);
  gtk_widget_class_bind_template_child (widget_class, PdUserNewDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, PdUserNewDialog, email_error_row);
  gtk_widget_class_bind_template_child (widget_class, PdUserNewDialog, invite_check);
  gtk_widget_class_bind_template_child (widget_class, PdUserNewDialog, password_check);
  gtk_widget_class_bind_template_child (widget_class, PdUserNewDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, PdUserNewDialog, password_rules_row);
  gtk_widget_class_bind_template_child (widget_class, PdUserNewDialog, password_rules);
  gtk_widget_class_bind_template_child (widget_class, PdUserNewDialog, password_error_row);
  gtk_widget_class_bind_template_child (widget_class, PdUserNewDialog, role_group);
  gtk_widget_class_bind_template_child (widget_class, PdUserNewDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, PdUserNewDialog, role_error_row);
  gtk_widget_class_bind_template_child (widget_class, PdUserNewDialog, notify_switch);
  gtk_widget_class_bind_template_callback (widget_class, create_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, email_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, password_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sign_in_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, role_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_valid);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pd_user_new_dialog_init (PdUserNewDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWindow *
pd_user_new_dialog_new (PdSession *session,
                        GtkWidget *parent)
{
  g_return_val_if_fail (PD_IS_SESSION (session), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);

  PdUserNewDialog *self = g_object_new (PD_TYPE_USER_NEW_DIALOG,
                                        "session", session,
                                        "transient-for", gtk_widget_get_root (parent),
                                        NULL);

  g_set_weak_pointer (&self->parent, parent);
  return GTK_WINDOW (self);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "pd-roles"

#include "config.h"

#include <glib/gi18n.h>

#include "pd-edit.h"
#include "pd-permission-gate.h"
#include "pd-permission-text.h"
#include "pd-role-catalogue.h"
#include "pd-role-editor-private.h"
#include "pd-role-holders.h"
#include "pd-role-rules.h"
#include "pd-user.h"
#include "pd-widgets-style.h"

G_DEFINE_FINAL_TYPE (PdRoleEditor, pd_role_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_ROLE,
  PROP_SOURCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
pd_role_editor_new (PdSession *session,
                    PdRole    *role,
                    PdRole    *source)
{
  g_return_val_if_fail (PD_IS_SESSION (session), NULL);
  g_return_val_if_fail (role == NULL || PD_IS_ROLE (role), NULL);
  g_return_val_if_fail (source == NULL || PD_IS_ROLE (source), NULL);

  return g_object_new (PD_TYPE_ROLE_EDITOR, "session", session, "role", role, "source", source, NULL);
}

void
pd_role_editor_open (GtkWidget *parent,
                     PdSession *session,
                     PdRole    *role,
                     PdRole    *source)
{
  PdRoleEditor *editor = PD_ROLE_EDITOR (pd_role_editor_new (session, role, source));
  GtkRoot *root = gtk_widget_get_root (parent);

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  g_set_weak_pointer (&editor->opener, parent);
  gtk_window_present (GTK_WINDOW (editor));
}

void
pd_role_editor_add_toast (PdRoleEditor *self,
                          AdwToast     *toast)
{
  /* The toast overlay is in the window behind, under the page that opened the editor. */
  pd_edit_add_toast (self->opener != NULL ? self->opener : GTK_WIDGET (self), toast);
}

void
pd_role_editor_set_busy (PdRoleEditor *self,
                         gboolean      busy)
{
  self->busy = busy;
  /* Let the focused entry see its focus go before the form locks (else GtkText's cursor
   * blink outlives it and warns). */
  if (busy)
    gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->preferences_page), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->save_button), self->editable && !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

/* ---- showing ------------------------------------------------------------------------- */

static GtkWidget *
create_holder_row (gpointer item,
                   gpointer user_data)
{
  PdUser *user = item;
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pd_user_get_name (user));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), pd_user_get_email (user));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  return row;
}

static void
update_holders (PdRoleEditor *self)
{
  guint n = pd_role_holders_count (self->session, self->role, self->holders);
  g_autofree char *description = NULL;

  if (n == 0)
    description = g_strdup (_("No user has this role."));
  else if (!pd_session_has_permission (self->session, "users.read"))
    {
      g_autofree char *missing = pd_permission_explain_missing (self->session, "users.read");

      /* Translators: %u users hold the role; then why they cannot be listed */
      description = g_strdup_printf (ngettext ("%u user has this role. %s", "%u users have this role. %s", n),
                                     n, missing);
    }
  adw_preferences_group_set_description (self->holders_group, description);
  gtk_widget_set_visible (GTK_WIDGET (self->holders_list), n > 0 && g_list_model_get_n_items (self->holders) > 0);
}

static void
update_permission_count (PdRoleEditor *self)
{
  g_auto(GStrv) checked = pd_role_permissions_dup_checked (self->permissions);
  guint n = g_strv_length (checked);
  g_autofree char *text = NULL;

  /* Translators: how many permissions a role has */
  text = g_strdup_printf (ngettext ("%u permission granted", "%u permissions granted", n), n);
  adw_preferences_group_set_description (self->permissions_group, text);
}

/* The permissions a new role starts with: the source's, without those the user may not
 * give (they would be refused), which the notice names. */
static GStrv
starting_permissions (PdRoleEditor *self)
{
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_autoptr(GString) dropped = g_string_new (NULL);
  const char * const *permissions;

  if (self->source == NULL)
    return g_new0 (char *, 1);
  permissions = pd_role_get_permissions (self->source);
  for (guint i = 0; permissions != NULL && permissions[i] != NULL; i++)
    {
      if (pd_role_rules_can_grant (self->session, permissions[i]))
        g_strv_builder_add (kept, permissions[i]);
      else
        {
          if (dropped->len > 0)
            g_string_append (dropped, ", ");
          g_string_append (dropped, pd_permission_text_title (permissions[i], NULL));
        }
    }
  if (dropped->len > 0)
    {
      g_autofree char *text = NULL;

      /* Translators: %s lists permissions, e.g. “Delete clients, See the audit log” */
      text = g_strdup_printf (_("Left out because your own role does not have them: %s."), dropped->str);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->notice_row), _("Some permissions were not copied"));
      adw_action_row_set_subtitle (self->notice_row, text);
      gtk_widget_set_visible (GTK_WIDGET (self->notice_group), TRUE);
    }
  return g_strv_builder_end (kept);
}

static void
show_permissions (PdRoleEditor *self)
{
  g_auto(GStrv) start = NULL;

  if (self->role != NULL)
    pd_role_permissions_show (self->permissions, self->catalogue, pd_role_get_permissions (self->role),
                              self->editable ? self->session : NULL, pd_role_get_permissions (self->role));
  else
    {
      start = starting_permissions (self);
      pd_role_permissions_show (self->permissions, self->catalogue, (const char * const *) start,
                                self->session, NULL);
    }
  gtk_stack_set_visible_child_name (self->permissions_stack, "list");
  update_permission_count (self);
  if (self->editable)
    self->pristine = pd_role_editor_dup_changes (self);
}

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     PdRoleEditor     *self)
{
  if (!g_str_equal (response, "discard"))
    return;
  /* The dialog closes after this; it must not point at the editor by then. */
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Closing with changes not saved asks first: what was typed is not lost by a slip. */
static gboolean
close_request_cb (PdRoleEditor *self)
{
  g_autofree char *changes = NULL;
  AdwMessageDialog *dialog;

  /* Before the permissions show, nothing could have been changed. */
  if (!self->editable || self->busy ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->permissions_stack), "list") != 0)
    return FALSE;
  changes = pd_role_editor_dup_changes (self);
  if (g_strcmp0 (changes, self->pristine) == 0)
    return FALSE;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Discard Changes?"),
                                                       _("The changes to this role have not been saved.")));
  adw_message_dialog_add_responses (dialog, "keep", _("_Keep Editing"), "discard", _("_Discard"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
catalogue_loaded_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  PdRoleEditor *self = user_data;
  g_autoptr(PdPermissionCatalogue) catalogue = NULL;
  g_autoptr(GError) error = NULL;

  catalogue = pd_role_catalogue_load_finish (PD_SESSION (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->catalogue = g_steal_pointer (&catalogue);
  show_permissions (self);
  if (self->catalogue == NULL)
    {
      g_autofree char *text = NULL;

      /* Translators: %s says why the list of permissions could not be read */
      text = g_strdup_printf (_("Only the role's own permissions are listed: %s"), error->message);

      adw_preferences_group_set_description (self->permissions_group, text);
    }
}

static void
show_role (PdRoleEditor *self)
{
  g_autofree char *why = pd_role_rules_why_not_change (self->session, self->role);
  g_autofree char *why_not_create = pd_role_rules_why_not_create (self->session);

  self->editable = why == NULL;
  adw_window_title_set_title (self->window_title, pd_role_get_name (self->role));
  adw_window_title_set_subtitle (self->window_title,
                                 pd_role_get_builtin (self->role) ? _("Built-in role") : _("Custom role"));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), pd_role_get_name (self->role));
  gtk_editable_set_text (GTK_EDITABLE (self->description_row), pd_role_get_description (self->role));
  gtk_spin_button_set_value (self->rank_spin, pd_role_get_rank (self->role));
  if (!self->editable)
    {
      adw_action_row_set_subtitle (self->notice_row, why);
      gtk_widget_set_visible (GTK_WIDGET (self->notice_group), TRUE);
      gtk_button_set_label (self->cancel_button, _("_Close"));
    }

  self->holders = pd_role_holders_new (self->session, pd_resource_get_id (PD_RESOURCE (self->role)));
  gtk_list_box_bind_model (self->holders_list, self->holders, create_holder_row, NULL, NULL);
  g_signal_connect_object (self->holders, "items-changed", G_CALLBACK (update_holders), self, G_CONNECT_SWAPPED);
  update_holders (self);

  pd_permission_gate (GTK_WIDGET (self->duplicate_button), self->session, "roles.write", PD_PERMISSION_GATE_DISABLE);
  pd_permission_gate_set_reason (GTK_WIDGET (self->duplicate_button), why_not_create);
  gtk_widget_set_visible (GTK_WIDGET (self->delete_button), !pd_role_get_builtin (self->role));
  pd_permission_gate (GTK_WIDGET (self->delete_button), self->session, "roles.write", PD_PERMISSION_GATE_DISABLE);
  pd_permission_gate_set_reason (GTK_WIDGET (self->delete_button), why);
}

static void
show_new_role (PdRoleEditor *self)
{
  gint64 max_rank = pd_role_rules_max_rank (self->session);

  self->editable = TRUE;
  adw_window_title_set_title (self->window_title, _("New Role"));
  adw_window_title_set_subtitle (self->window_title, _("Custom role"));
  gtk_button_set_label (self->save_button, _("C_reate"));
  gtk_widget_set_visible (GTK_WIDGET (self->holders_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->actions_group), FALSE);
  /* A new role defaults to just below the user's own rank: only they and those above can
   * give it, until they decide otherwise. */
  gtk_spin_button_set_value (self->rank_spin, max_rank);
  if (self->source != NULL)
    {
      g_autofree char *name = NULL;

      /* Translators: the name a duplicated role starts with */
      name = g_strdup_printf (_("%s (copy)"), pd_role_get_name (self->source));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
      gtk_editable_set_text (GTK_EDITABLE (self->description_row), pd_role_get_description (self->source));
      gtk_spin_button_set_value (self->rank_spin, MIN (pd_role_get_rank (self->source), max_rank));
    }
}

static void
setup_form (PdRoleEditor *self)
{
  gint64 max_rank = pd_role_rules_max_rank (self->session);
  g_autofree char *rank_text = NULL;
  PdMe *me = pd_session_get_me (self->session);

  if (self->editable)
    {
      gtk_adjustment_set_upper (gtk_spin_button_get_adjustment (self->rank_spin), MAX (max_rank, 1));
      /* Translators: %s is the user's role and %d its rank */
      rank_text = g_strdup_printf (_("Users whose role ranks higher can give this role and change it. "
                                     "It must rank below your own role “%s” (%d)."),
                                   me != NULL ? pd_me_get_role_name (me) : "", (int) (max_rank + 1));
    }
  else
    rank_text = g_strdup (_("Users whose role ranks higher can give this role."));
  adw_action_row_set_subtitle (self->rank_row, rank_text);
  /* Read-only, the values show as plain rows, without the entries' pencils and buttons. */
  if (!self->editable)
    {
      g_autofree char *rank = g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (self->rank_spin));
      const char *description = gtk_editable_get_text (GTK_EDITABLE (self->description_row));

      adw_action_row_set_subtitle (self->name_view_row, gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
      adw_action_row_set_subtitle (self->description_view_row, *description != '\0' ? description : _("None"));
      gtk_label_set_label (self->rank_label, rank);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->name_row), self->editable);
  gtk_widget_set_visible (GTK_WIDGET (self->description_row), self->editable);
  gtk_widget_set_visible (GTK_WIDGET (self->name_view_row), !self->editable);
  gtk_widget_set_visible (GTK_WIDGET (self->description_view_row), !self->editable);
  gtk_widget_set_visible (GTK_WIDGET (self->rank_spin), self->editable);
  gtk_widget_set_visible (GTK_WIDGET (self->rank_label), !self->editable);
  gtk_widget_set_visible (GTK_WIDGET (self->save_button), self->editable);
  if (self->editable)
    {
      pd_permission_gate (GTK_WIDGET (self->save_button), self->session, "roles.write", PD_PERMISSION_GATE_DISABLE);
      gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
    }
}

static void
pd_role_editor_constructed (GObject *object)
{
  PdRoleEditor *self = PD_ROLE_EDITOR (object);

  G_OBJECT_CLASS (pd_role_editor_parent_class)->constructed (object);

  if (self->role != NULL)
    show_role (self);
  else
    show_new_role (self);
  setup_form (self);
  g_signal_connect_object (self->permissions, "changed", G_CALLBACK (update_permission_count), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
  pd_role_catalogue_load_async (self->session, self->cancellable, catalogue_loaded_cb, self);
}

static void
save_clicked_cb (PdRoleEditor *self)
{
  pd_role_editor_save_clicked (self);
}

static void
input_changed_cb (PdRoleEditor *self)
{
  pd_role_editor_input_changed (self);
}

static void
duplicate_clicked_cb (PdRoleEditor *self)
{
  g_autoptr(PdSession) session = g_object_ref (self->session);
  g_autoptr(PdRole) source = g_object_ref (self->role);
  g_autoptr(GtkWidget) opener = self->opener != NULL ? g_object_ref (self->opener) : NULL;

  /* The copy replaces this editor (self may be gone after the destroy). */
  gtk_window_destroy (GTK_WINDOW (self));
  if (opener != NULL)
    pd_role_editor_open (opener, session, NULL, source);
}

static void
delete_clicked_cb (PdRoleEditor *self)
{
  pd_role_editor_delete_clicked (self);
}

/* ---- the class ------------------------------------------------------------------------ */

static void
pd_role_editor_dispose (GObject *object)
{
  PdRoleEditor *self = PD_ROLE_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_weak_pointer (&self->opener);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_ROLE_EDITOR);
  g_clear_object (&self->holders);
  g_clear_object (&self->catalogue);

  G_OBJECT_CLASS (pd_role_editor_parent_class)->dispose (object);
}

static void
pd_role_editor_finalize (GObject *object)
{
  PdRoleEditor *self = PD_ROLE_EDITOR (object);

  g_clear_object (&self->session);
  g_clear_object (&self->role);
  g_clear_object (&self->source);
  g_clear_object (&self->cancellable);
  g_free (self->pristine);

  G_OBJECT_CLASS (pd_role_editor_parent_class)->finalize (object);
}

static void
pd_role_editor_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PdRoleEditor *self = PD_ROLE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_ROLE:
      g_value_set_object (value, self->role);
      break;
    case PROP_SOURCE:
      g_value_set_object (value, self->source);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_role_editor_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PdRoleEditor *self = PD_ROLE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    case PROP_ROLE:
      self->role = g_value_dup_object (value);
      break;
    case PROP_SOURCE:
      self->source = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_role_editor_class_init (PdRoleEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pd_role_editor_constructed;
  object_class->dispose = pd_role_editor_dispose;
  object_class->finalize = pd_role_editor_finalize;
  object_class->get_property = pd_role_editor_get_property;
  object_class->set_property = pd_role_editor_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PD_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLE] =
    g_param_spec_object ("role", NULL, NULL, PD_TYPE_ROLE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE] =
    g_param_spec_object ("source", NULL, NULL, PD_TYPE_ROLE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PD_TYPE_ROLE_PERMISSIONS);
  pd_style_ensure (RESOURCE_BASE_PATH "/roles/roles.css");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/roles/pd-role-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PdRoleEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, PdRoleEditor, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, PdRoleEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, PdRoleEditor, spinner);
  gtk_widget_class_bind_template_child (widget_class, PdRoleEditor, preferences_page);
  gtk_widget_class_bind_template_child (widget_class, PdRoleEditor, notice_group);
  gtk_widget_class_bind_template_child (widget_class, PdRoleEditor, notice_row);
  gtk_widget_class_bind_template_child (widget_class, PdRoleEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, PdRoleEditor, description_row);
  gtk_widget_class_bind_template_child (widget_class, PdRoleEditor, name_view_row);
  gtk_widget_class_bind_template_child (widget_class, PdRoleEditor, description_view_row);
  gtk_widget_class_bind_template_child (widget_class, PdRoleEditor, rank_row);
  gtk_widget_class_bind_template_child (widget_class, PdRoleEditor, rank_label);
  gtk_widget_class_bind_template_child (widget_class, PdRoleEditor, rank_spin);
  gtk_widget_class_bind_template_child (widget_class, PdRoleEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, PdRoleEditor, permissions_group);
  gtk_widget_class_bind_template_child (widget_class, PdRoleEditor, permissions_stack);
  gtk_widget_class_bind_template_child (widget_class, PdRoleEditor, permissions);
  gtk_widget_class_bind_template_child (widget_class, PdRoleEditor, holders_group);
  gtk_widget_class_bind_template_child (widget_class, PdRoleEditor, holders_list);
  gtk_widget_class_bind_template_child (widget_class, PdRoleEditor, actions_group);
  gtk_widget_class_bind_template_child (widget_class, PdRoleEditor, duplicate_button);
  gtk_widget_class_bind_template_child (widget_class, PdRoleEditor, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, duplicate_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, input_changed_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pd_role_editor_init (PdRoleEditor *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-group-details-dialog.h"
#include "pd-group-edit.h"
#include "pd-group-editor.h"
#include "pd-group-managers.h"
#include "pd-group-scope.h"
#include "pd-group-text.h"
#include "pd-page-stack.h"
#include "pd-permission-gate.h"

struct _PdGroupEditor
{
  AdwBin        parent_instance;

  PdSession    *session;
  PdGroup      *group;

  GtkLabel     *name_label;
  GtkLabel     *description_label;
  GtkWidget    *edit_button;
  GtkWidget    *delete_button;
  AdwViewStack *view_stack;
};

enum {
  PROP_0,
  PROP_SESSION,
  PROP_GROUP,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (PdGroupEditor, pd_group_editor, ADW_TYPE_BIN)

GtkWidget *
pd_group_editor_new (PdSession *session,
                     PdGroup   *group)
{
  g_return_val_if_fail (PD_IS_SESSION (session), NULL);
  g_return_val_if_fail (PD_IS_GROUP (group), NULL);

  return g_object_new (PD_TYPE_GROUP_EDITOR, "session", session, "group", group, NULL);
}

static void
group_changed_cb (PdGroupEditor *self)
{
  const char *description = pd_group_get_description (self->group);

  gtk_label_set_text (self->name_label, pd_group_get_name (self->group));
  gtk_label_set_text (self->description_label, description);
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), description != NULL && description[0] != '\0');
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/* Deleted here or elsewhere (a sync): nothing is left to edit. */
static void
groups_changed_cb (PdGroupEditor *self)
{
  GListModel *groups = pd_session_get_groups (self->session);
  GtkWidget *stack;

  if (pd_resource_list_lookup (PD_RESOURCE_LIST (groups), pd_resource_get_id (PD_RESOURCE (self->group))) != NULL)
    return;
  stack = gtk_widget_get_ancestor (GTK_WIDGET (self), PD_TYPE_PAGE_STACK);
  if (stack != NULL && pd_page_stack_get_visible_page (PD_PAGE_STACK (stack)) == GTK_WIDGET (self))
    pd_page_stack_pop (PD_PAGE_STACK (stack));
}

static void
edit_clicked_cb (PdGroupEditor *self)
{
  gtk_window_present (GTK_WINDOW (pd_group_details_dialog_new (GTK_WIDGET (self), self->session, self->group)));
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    PdGroupEditor    *self)
{
  const char *name = pd_group_get_name (self->group);
  g_autofree char *description = NULL;
  g_autofree char *done = NULL;
  g_autoptr(PdEdit) edit = NULL;

  if (!g_str_equal (response, "delete"))
    return;
  /* Translators: a line of the outbox; %s is the name of a group */
  description = g_strdup_printf (_("Delete the group “%s”"), name);
  /* Translators: %s is the name of a group */
  done = g_strdup_printf (_("Deleted the group “%s”"), name);
  edit = pd_group_edit_new (self->session, self->group, "DELETE", NULL, NULL, description);
  pd_group_edit_send (edit, GTK_WIDGET (self), _("Could not delete the group"), pd_group_edit_toast_new (done));
}

static void
delete_clicked_cb (PdGroupEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  /* Translators: %s is the name of a group */
  heading = g_strdup_printf (_("Delete “%s”?"), pd_group_get_name (self->group));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
      _("Its managers lose the access this group gives them. The portal cannot restore a deleted group.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
pd_group_editor_constructed (GObject *object)
{
  PdGroupEditor *self = PD_GROUP_EDITOR (object);
  AdwViewStackPage *page;
  g_autofree char *scoped = NULL;

  G_OBJECT_CLASS (pd_group_editor_parent_class)->constructed (object);

  page = adw_view_stack_add_titled (self->view_stack, pd_group_scope_new (self->session, self->group),
                                    "scope", _("Access Scope"));
  adw_view_stack_page_set_icon_name (page, "view-grid-symbolic");
  page = adw_view_stack_add_titled (self->view_stack, pd_group_managers_new (self->session, self->group),
                                    "managers", _("Group Managers"));
  adw_view_stack_page_set_icon_name (page, "system-users-symbolic");

  pd_permission_gate (self->edit_button, self->session, "groups.write", PD_PERMISSION_GATE_DISABLE);
  pd_permission_gate (self->delete_button, self->session, "groups.write", PD_PERMISSION_GATE_DISABLE);
  scoped = pd_group_text_scoped_refusal (self->session, PD_GROUP_SCOPED_DELETE);
  pd_permission_gate_set_reason (self->delete_button, scoped);
  g_signal_connect_object (self->group, "notify", G_CALLBACK (group_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (pd_session_get_groups (self->session), "items-changed", G_CALLBACK (groups_changed_cb),
                           self, G_CONNECT_SWAPPED);
  group_changed_cb (self);
}

static void
pd_group_editor_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PdGroupEditor *self = PD_GROUP_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    case PROP_GROUP:
      self->group = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_group_editor_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PdGroupEditor *self = PD_GROUP_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_GROUP:
      g_value_set_object (value, self->group);
      break;
    case PROP_TITLE:
      g_value_set_string (value, pd_group_get_name (self->group));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_group_editor_dispose (GObject *object)
{
  PdGroupEditor *self = PD_GROUP_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_GROUP_EDITOR);
  g_clear_object (&self->group);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pd_group_editor_parent_class)->dispose (object);
}

static void
pd_group_editor_class_init (PdGroupEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pd_group_editor_constructed;
  object_class->set_property = pd_group_editor_set_property;
  object_class->get_property = pd_group_editor_get_property;
  object_class->dispose = pd_group_editor_dispose;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PD_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GROUP] =
    g_param_spec_object ("group", NULL, NULL, PD_TYPE_GROUP,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/groups/pd-group-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PdGroupEditor, name_label);
  gtk_widget_class_bind_template_child (widget_class, PdGroupEditor, description_label);
  gtk_widget_class_bind_template_child (widget_class, PdGroupEditor, edit_button);
  gtk_widget_class_bind_template_child (widget_class, PdGroupEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, PdGroupEditor, view_stack);
  gtk_widget_class_bind_template_callback (widget_class, edit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);
}

static void
pd_group_editor_init (PdGroupEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pd-group-details-dialog.h"
#include "pd-group-editor.h"
#include "pd-group-text.h"
#include "pd-groups-page.h"
#include "pd-permission-gate.h"
#include "pd-session-view.h"
#include "pd-widgets-style.h"

struct _PdGroupsPage
{
  AdwBin      parent_instance;

  PdSession  *session;
  GListModel *sorted;

  GtkStack   *stack;
  GtkListBox *list;
  GtkWidget  *new_button;
  GtkWidget  *empty_new_button;
};

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (PdGroupsPage, pd_groups_page, ADW_TYPE_BIN)

GtkWidget *
pd_groups_page_new (PdSession *session)
{
  g_return_val_if_fail (PD_IS_SESSION (session), NULL);

  return g_object_new (PD_TYPE_GROUPS_PAGE, "session", session, NULL);
}

void
pd_groups_page_open_group (PdGroupsPage *self,
                           const char   *group_id)
{
  PdResource *group;
  GtkWidget *view;

  g_return_if_fail (PD_IS_GROUPS_PAGE (self));
  g_return_if_fail (group_id != NULL);

  view = gtk_widget_get_ancestor (GTK_WIDGET (self), PD_TYPE_SESSION_VIEW);
  g_return_if_fail (view != NULL);
  group = pd_resource_list_lookup (PD_RESOURCE_LIST (pd_session_get_groups (self->session)), group_id);
  g_return_if_fail (PD_IS_GROUP (group));
  pd_page_stack_push (pd_session_view_get_page_stack (PD_SESSION_VIEW (view)),
                      pd_group_editor_new (self->session, PD_GROUP (group)), pd_group_get_name (PD_GROUP (group)));
}

static void
update_row (GtkWidget *row)
{
  PdGroup *group = g_object_get_data (G_OBJECT (row), "pd-group");
  GtkLabel *scope = g_object_get_data (G_OBJECT (row), "pd-scope");
  GtkLabel *managers = g_object_get_data (G_OBJECT (row), "pd-managers");
  g_autofree char *scope_text = pd_group_text_scope (group);
  g_autofree char *managers_text = pd_group_text_managers (group);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pd_group_get_name (group));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), pd_group_get_description (group));
  gtk_label_set_text (scope, scope_text);
  gtk_label_set_text (managers, managers_text);
}

static GtkWidget *
suffix_label (GtkWidget *box)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), label);
  return label;
}

/* Groups are the partner's own few teams, so a list box (and its boxed-list look) holds
 * them all without cost. */
static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  PdGroup *group = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *chevron = gtk_image_new_from_icon_name ("go-next-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (row), "pd-scope", suffix_label (box));
  g_object_set_data (G_OBJECT (row), "pd-managers", suffix_label (box));
  g_object_set_data_full (G_OBJECT (row), "pd-group", g_object_ref (group), g_object_unref);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chevron), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), chevron);
  update_row (row);
  g_signal_connect_object (group, "notify", G_CALLBACK (update_row), row, G_CONNECT_SWAPPED);
  return row;
}

static void
row_activated_cb (PdGroupsPage  *self,
                  GtkListBoxRow *row)
{
  PdGroup *group = g_object_get_data (G_OBJECT (row), "pd-group");

  pd_groups_page_open_group (self, pd_resource_get_id (PD_RESOURCE (group)));
}

static void
created_cb (PdGroupsPage *self,
            const char   *group_id)
{
  pd_groups_page_open_group (self, group_id);
}

static void
new_group_cb (PdGroupsPage *self)
{
  GtkWidget *dialog = pd_group_details_dialog_new (GTK_WIDGET (self), self->session, NULL);

  g_signal_connect_object (dialog, "created", G_CALLBACK (created_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
items_changed_cb (PdGroupsPage *self)
{
  gtk_stack_set_visible_child_name (self->stack, g_list_model_get_n_items (self->sorted) > 0 ? "list" : "empty");
}

static void
pd_groups_page_constructed (GObject *object)
{
  PdGroupsPage *self = PD_GROUPS_PAGE (object);
  GtkExpression *name = gtk_property_expression_new (PD_TYPE_GROUP, NULL, "name");
  GtkStringSorter *sorter = gtk_string_sorter_new (name);
  GListModel *groups = pd_session_get_groups (self->session);
  g_autofree char *scoped = NULL;

  G_OBJECT_CLASS (pd_groups_page_parent_class)->constructed (object);

  self->sorted = G_LIST_MODEL (gtk_sort_list_model_new (g_object_ref (groups), GTK_SORTER (sorter)));
  gtk_list_box_bind_model (self->list, self->sorted, create_row, self, NULL);
  g_signal_connect_object (self->sorted, "items-changed", G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
  items_changed_cb (self);
  pd_permission_gate (self->new_button, self->session, "groups.write", PD_PERMISSION_GATE_DISABLE);
  pd_permission_gate (self->empty_new_button, self->session, "groups.write", PD_PERMISSION_GATE_DISABLE);
  scoped = pd_group_text_scoped_refusal (self->session, PD_GROUP_SCOPED_CREATE);
  pd_permission_gate_set_reason (self->new_button, scoped);
  pd_permission_gate_set_reason (self->empty_new_button, scoped);
}

static void
pd_groups_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PdGroupsPage *self = PD_GROUPS_PAGE (object);

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
pd_groups_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PdGroupsPage *self = PD_GROUPS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_groups_page_dispose (GObject *object)
{
  PdGroupsPage *self = PD_GROUPS_PAGE (object);

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  /* The bin's child is a template child too: let the bin drop it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_GROUPS_PAGE);
  g_clear_object (&self->sorted);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pd_groups_page_parent_class)->dispose (object);
}

static void
pd_groups_page_class_init (PdGroupsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pd_groups_page_constructed;
  object_class->set_property = pd_groups_page_set_property;
  object_class->get_property = pd_groups_page_get_property;
  object_class->dispose = pd_groups_page_dispose;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PD_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/groups/pd-groups-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PdGroupsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PdGroupsPage, list);
  gtk_widget_class_bind_template_child (widget_class, PdGroupsPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, PdGroupsPage, empty_new_button);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_group_cb);
  pd_style_ensure (RESOURCE_BASE_PATH "/groups/groups.css");
}

static void
pd_groups_page_init (PdGroupsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-client-figures.h"
#include "pd-group-edit.h"
#include "pd-picker.h"
#include "pd-group-scope.h"
#include "pd-group-text.h"
#include "pd-organization.h"
#include "pd-permission-gate.h"

struct _PdGroupScope
{
  AdwBin              parent_instance;

  PdSession          *session;
  PdGroup            *group;
  GHashTable         *members;   /* organization id → itself */
  GListModel         *sorted;    /* every organization, by name */
  GtkFilter          *member_filter;
  GtkFilter          *search_filter;
  char               *query;     /* folded; NULL shows the whole scope */

  GtkStack           *stack;
  GtkWidget          *empty_add_button;
  GtkWidget          *add_button;
  GtkSearchEntry     *search_entry;
  GtkLabel           *count_label;
  GtkListView        *list;
};

G_DEFINE_FINAL_TYPE (PdGroupScope, pd_group_scope, ADW_TYPE_BIN)

static gboolean
is_member (gpointer item,
           gpointer user_data)
{
  PdGroupScope *self = user_data;

  return g_hash_table_contains (self->members, pd_resource_get_id (PD_RESOURCE (item)));
}

static gboolean
search_matches (gpointer item,
                gpointer user_data)
{
  PdGroupScope *self = user_data;

  return self->query == NULL || pd_picker_match_organization (item, self->query, self);
}

static void
scope_changed_cb (PdGroupScope *self)
{
  const char * const *ids = pd_group_get_organization_ids (self->group);
  guint n = g_strv_length ((char **) ids);
  g_autofree char *count = NULL;

  g_hash_table_remove_all (self->members);
  for (guint i = 0; i < n; i++)
    g_hash_table_add (self->members, g_strdup (ids[i]));
  gtk_filter_changed (self->member_filter, GTK_FILTER_CHANGE_DIFFERENT);

  /* Translators: the access scope of a group is not empty */
  count = g_strdup_printf (ngettext ("The managers of this group see and act on this organization only.",
                                     "The managers of this group see and act on these %u organizations only.", n), n);
  gtk_label_set_text (self->count_label, count);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "all");
}

static void
search_changed_cb (PdGroupScope *self)
{
  g_autofree char *query = pd_client_fold_text (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  g_free (self->query);
  self->query = query[0] != '\0' ? g_steal_pointer (&query) : NULL;
  gtk_filter_changed (self->search_filter, GTK_FILTER_CHANGE_DIFFERENT);
}

/* Remove, with Undo: the portal lets the organization be added again. */
static void
remove_clicked_cb (GtkButton    *button,
                   PdGroupScope *self)
{
  PdOrganization *organization = g_object_get_data (G_OBJECT (button), "pd-organization");
  const char *name = pd_organization_get_name (organization);
  const char *group_name = pd_group_get_name (self->group);
  /* Translators: a line of the outbox; the first %s is a client, the second a group */
  g_autofree char *description = g_strdup_printf (_("Remove “%s” from the access scope of “%s”"), name, group_name);
  /* Translators: a line of the outbox; the first %s is a client, the second a group */
  g_autofree char *undo_description = g_strdup_printf (_("Add “%s” to the access scope of “%s”"), name, group_name);
  /* Translators: %s is the name of a client */
  g_autofree char *done = g_strdup_printf (_("Removed “%s” from the scope"), name);
  PdGroupRemoval texts = { description, undo_description, done, _("Could not remove the organization") };

  pd_group_edit_remove_member (GTK_WIDGET (self), self->session, self->group, "organizations", "organization_ids",
                               pd_resource_get_id (PD_RESOURCE (organization)), &texts);
}

static void
setup_cb (GtkListItemFactory *factory,
          GtkListItem        *item,
          PdGroupScope       *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), subtitle);
  gtk_box_append (GTK_BOX (box), labels);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_add_css_class (remove, "circular");
  gtk_widget_set_tooltip_text (remove, _("Remove From Scope"));
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
  pd_permission_gate (remove, self->session, "groups.write", PD_PERMISSION_GATE_DISABLE);
  gtk_box_append (GTK_BOX (box), remove);

  g_object_set_data (G_OBJECT (box), "pd-title", title);
  g_object_set_data (G_OBJECT (box), "pd-subtitle", subtitle);
  g_object_set_data (G_OBJECT (box), "pd-remove", remove);
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_cb (GtkListItemFactory *factory,
         GtkListItem        *item,
         PdGroupScope       *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  PdOrganization *organization = gtk_list_item_get_item (item);
  GtkWidget *remove = g_object_get_data (G_OBJECT (box), "pd-remove");
  const char *domain = pd_organization_get_domain (organization);
  g_autofree char *label = NULL;
  g_autofree char *last = NULL;

  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "pd-title"), pd_organization_get_name (organization));
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "pd-subtitle"), domain != NULL ? domain : "");
  g_object_set_data_full (G_OBJECT (remove), "pd-organization", g_object_ref (organization), g_object_unref);
  /* Translators: the accessible name of a button; %s is the name of a client */
  label = g_strdup_printf (_("Remove “%s” from the scope"), pd_organization_get_name (organization));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  if (g_hash_table_size (self->members) == 1)
    last = pd_group_text_scoped_refusal (self->session, PD_GROUP_SCOPED_REMOVE_LAST);
  pd_permission_gate_set_reason (remove, last);
}

/* Picker */

static void
describe (gpointer   item,
          char     **title,
          char     **subtitle,
          char     **refusal,
          gpointer   data)
{
  PdGroupScope *self = data;

  *title = g_strdup (pd_organization_get_name (item));
  *subtitle = g_strdup (pd_organization_get_domain (item));
  *refusal = is_member (item, self) ? g_strdup (_("Already in the scope")) : NULL;
}

static void
picked_cb (PdGroupScope       *self,
           const char * const *ids)
{
  guint n = g_strv_length ((char **) ids);
  g_autofree char *description = NULL;
  g_autofree char *done = NULL;

  /* Translators: a line of the outbox; %u counts clients, %s is a group */
  description = g_strdup_printf (ngettext ("Add %u organization to the access scope of “%s”",
                                           "Add %u organizations to the access scope of “%s”", n),
                                 n, pd_group_get_name (self->group));
  /* Translators: %u counts clients */
  done = g_strdup_printf (ngettext ("Added %u organization to the scope", "Added %u organizations to the scope", n), n);
  pd_group_edit_add_members (GTK_WIDGET (self), self->session, self->group, "organizations", "organization_ids",
                             ids, description, done, _("Could not add the organizations"));
}

static void
add_clicked_cb (PdGroupScope *self)
{
  GtkWidget *picker;

  picker = pd_picker_new (GTK_WIDGET (self), _("Add Organizations"), _("Search clients by name or domain"),
                          self->sorted, describe, pd_picker_match_organization, G_OBJECT (self));
  g_signal_connect_object (picker, "picked", G_CALLBACK (picked_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (picker));
}

GtkWidget *
pd_group_scope_new (PdSession *session,
                    PdGroup   *group)
{
  PdGroupScope *self;
  GtkEveryFilter *filter;
  GtkListItemFactory *factory;
  GtkFilterListModel *shown;

  g_return_val_if_fail (PD_IS_SESSION (session), NULL);
  g_return_val_if_fail (PD_IS_GROUP (group), NULL);

  self = g_object_new (PD_TYPE_GROUP_SCOPE, NULL);
  self->session = g_object_ref (session);
  self->group = g_object_ref (group);

  /* Sorted once for the list and the picker; the scope is a filter over it. */
  self->sorted = pd_picker_sort_organizations (pd_session_get_organizations (session));
  self->member_filter = GTK_FILTER (gtk_custom_filter_new (is_member, self, NULL));
  self->search_filter = GTK_FILTER (gtk_custom_filter_new (search_matches, self, NULL));
  filter = gtk_every_filter_new ();
  gtk_multi_filter_append (GTK_MULTI_FILTER (filter), g_object_ref (self->member_filter));
  gtk_multi_filter_append (GTK_MULTI_FILTER (filter), g_object_ref (self->search_filter));
  shown = gtk_filter_list_model_new (g_object_ref (self->sorted), GTK_FILTER (filter));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  gtk_list_view_set_factory (self->list, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (shown))));

  pd_permission_gate (self->add_button, session, "groups.write", PD_PERMISSION_GATE_DISABLE);
  pd_permission_gate (self->empty_add_button, session, "groups.write", PD_PERMISSION_GATE_DISABLE);
  g_signal_connect_object (group, "notify::organization-ids", G_CALLBACK (scope_changed_cb), self, G_CONNECT_SWAPPED);
  scope_changed_cb (self);
  return GTK_WIDGET (self);
}

static void
pd_group_scope_dispose (GObject *object)
{
  PdGroupScope *self = PD_GROUP_SCOPE (object);

  if (self->list != NULL)
    gtk_list_view_set_model (self->list, NULL);
  /* The bin's child is a template child too: let the bin drop it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_GROUP_SCOPE);
  g_clear_object (&self->sorted);
  g_clear_object (&self->member_filter);
  g_clear_object (&self->search_filter);
  g_clear_object (&self->group);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pd_group_scope_parent_class)->dispose (object);
}

static void
pd_group_scope_finalize (GObject *object)
{
  PdGroupScope *self = PD_GROUP_SCOPE (object);

  g_hash_table_unref (self->members);
  g_free (self->query);

  G_OBJECT_CLASS (pd_group_scope_parent_class)->finalize (object);
}

static void
pd_group_scope_class_init (PdGroupScopeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_group_scope_dispose;
  object_class->finalize = pd_group_scope_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/groups/pd-group-scope.ui");
  gtk_widget_class_bind_template_child (widget_class, PdGroupScope, stack);
  gtk_widget_class_bind_template_child (widget_class, PdGroupScope, empty_add_button);
  gtk_widget_class_bind_template_child (widget_class, PdGroupScope, add_button);
  gtk_widget_class_bind_template_child (widget_class, PdGroupScope, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PdGroupScope, count_label);
  gtk_widget_class_bind_template_child (widget_class, PdGroupScope, list);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
}

static void
pd_group_scope_init (PdGroupScope *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

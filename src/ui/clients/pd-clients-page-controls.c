/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The filter popover (a check button per criterion, kept in step with the filter, so a
 * reopened saved view shows what it set) and the saved-views popover. */

#include "config.h"

#include <glib/gi18n.h>

#include "pd-clients-page-private.h"
#include "pd-clients-views.h"
#include "pd-models.h"

typedef struct
{
  const char *group;     /* a heading starts a group */
  const char *property;  /* of PdClientsFilter */
  int         bit;       /* the enum value of a mask property; -1: a boolean property */
  const char *label;
  const char *context;
} FilterCheck;

static const FilterCheck filter_checks[] = {
  { N_("Show"), "problems-only", -1, N_("Problems only"), NULL },
  { NULL, "needs-authentication", -1, N_("Needs authentication"), NULL },
  { N_("Status"), "statuses", PD_ORGANIZATION_STATUS_ACTIVE, NC_("organization status", "Active"), "organization status" },
  { NULL, "statuses", PD_ORGANIZATION_STATUS_SUSPENDED, NC_("organization status", "Suspended"), "organization status" },
  { NULL, "statuses", PD_ORGANIZATION_STATUS_UNSUBSCRIBED, NC_("organization status", "Unsubscribed"), "organization status" },
  { NULL, "statuses", PD_ORGANIZATION_STATUS_DELETED, NC_("organization status", "Deleted"), "organization status" },
  { N_("Plan type"), "plan-types", PD_PLAN_TYPE_PERSONAL, NC_("plan type", "Personal"), "plan type" },
  { NULL, "plan-types", PD_PLAN_TYPE_BACKUP, NC_("plan type", "Backup"), "plan type" },
  { NULL, "plan-types", PD_PLAN_TYPE_ARCHIVER, NC_("plan type", "Archiver"), "plan type" },
  { N_("Relationship"), "relationships", PD_RELATIONSHIP_MSP, N_("Managed service provider"), NULL },
  { NULL, "relationships", PD_RELATIONSHIP_RESELLER, NC_("relationship", "Reseller"), "relationship" },
  { N_("Management"), "management-modes", PD_MANAGEMENT_MODE_PARTNER, NC_("management mode", "Partner-managed"), "management mode" },
  { NULL, "management-modes", PD_MANAGEMENT_MODE_CLIENT, NC_("management mode", "Client-managed"), "management mode" },
  { NULL, "management-modes", PD_MANAGEMENT_MODE_CO_MANAGED, NC_("management mode", "Co-managed"), "management mode" },
};

static void
check_toggled_cb (GtkCheckButton *check,
                  PdClientsPage  *self)
{
  const FilterCheck *spec = g_object_get_data (G_OBJECT (check), "pd-filter-check");
  gboolean active = gtk_check_button_get_active (check);

  if (self->updating_checks)
    return;
  if (spec->bit < 0)
    g_object_set (self->filter, spec->property, active, NULL);
  else
    {
      guint mask = 0;

      g_object_get (self->filter, spec->property, &mask, NULL);
      mask = active ? mask | (1u << spec->bit) : mask & ~(1u << spec->bit);
      g_object_set (self->filter, spec->property, mask, NULL);
    }
}

void
pd_clients_page_sync_filter_checks (PdClientsPage *self)
{
  gboolean active = pd_clients_filter_get_active (self->filter);

  self->updating_checks = TRUE;
  for (guint i = 0; i < self->filter_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->filter_checks, i);
      const FilterCheck *spec = g_object_get_data (G_OBJECT (check), "pd-filter-check");

      if (spec->bit < 0)
        {
          gboolean value = FALSE;

          g_object_get (self->filter, spec->property, &value, NULL);
          gtk_check_button_set_active (check, value);
        }
      else
        {
          guint mask = 0;

          g_object_get (self->filter, spec->property, &mask, NULL);
          gtk_check_button_set_active (check, (mask & (1u << spec->bit)) != 0);
        }
    }
  self->updating_checks = FALSE;

  /* The button says filters are on, in words for screen readers too. */
  if (active)
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "filters-active");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "filters-active");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->filter_button),
                               active ? _("Filter Clients (filters on)") : _("Filter Clients"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->filter_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  active ? _("Filter Clients (filters on)") : _("Filter Clients"), -1);
}

static void
build_filter_popover (PdClientsPage *self)
{
  GtkWidget *clear;

  self->filter_checks = g_ptr_array_new ();
  for (guint i = 0; i < G_N_ELEMENTS (filter_checks); i++)
    {
      const FilterCheck *spec = &filter_checks[i];
      GtkWidget *check;

      if (spec->group != NULL)
        {
          GtkWidget *heading = gtk_label_new (_(spec->group));

          gtk_label_set_xalign (GTK_LABEL (heading), 0);
          gtk_widget_add_css_class (heading, "heading");
          gtk_widget_add_css_class (heading, "filter-heading");
          gtk_box_append (self->filter_box, heading);
        }
      check = gtk_check_button_new_with_label (spec->context != NULL
                                               ? g_dpgettext2 (GETTEXT_PACKAGE, spec->context, spec->label)
                                               : _(spec->label));
      g_object_set_data (G_OBJECT (check), "pd-filter-check", (gpointer) spec);
      g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), self);
      gtk_box_append (self->filter_box, check);
      g_ptr_array_add (self->filter_checks, check);
    }
  clear = gtk_button_new_with_mnemonic (_("_Clear Filters"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (clear), "clients.clear-filters");
  gtk_widget_set_margin_top (clear, 6);
  gtk_box_append (self->filter_box, clear);
}

/* Saved views */

static GtkWidget *
view_row_new (const char *name)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *open = gtk_button_new ();
  GtkWidget *label = gtk_label_new (name);
  GtkWidget *delete = gtk_button_new_from_icon_name ("edit-delete-symbolic");
  g_autofree char *delete_text = NULL;
  g_autofree char *open_text = NULL;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_button_set_child (GTK_BUTTON (open), label);
  gtk_widget_set_hexpand (open, TRUE);
  gtk_widget_add_css_class (open, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "clients.apply-view");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (open), "s", name);
  /* Translators: %s is the name of a saved view of the client list */
  open_text = g_strdup_printf (_("Show the view “%s”"), name);
  gtk_widget_set_tooltip_text (open, open_text);

  gtk_widget_add_css_class (delete, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete), "clients.delete-view");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (delete), "s", name);
  /* Translators: %s is the name of a saved view of the client list */
  delete_text = g_strdup_printf (_("Delete the view “%s”"), name);
  gtk_widget_set_tooltip_text (delete, delete_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL, delete_text, -1);

  gtk_box_append (GTK_BOX (box), open);
  gtk_box_append (GTK_BOX (box), delete);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

/* The views are few and named by hand, so a list box rebuilt on change is right here. */
void
pd_clients_page_update_views (PdClientsPage *self)
{
  g_autoptr(GVariant) views = pd_clients_views_get (self->settings);
  GtkWidget *child;
  GVariantIter iter;
  GVariant *view;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->views_list))) != NULL)
    gtk_list_box_remove (self->views_list, child);
  g_variant_iter_init (&iter, views);
  while ((view = g_variant_iter_next_value (&iter)) != NULL)
    {
      g_autofree char *name = pd_clients_view_dup_name (view);

      if (name != NULL)
        {
          gtk_list_box_append (self->views_list, view_row_new (name));
          n++;
        }
      g_variant_unref (view);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->views_list), n > 0);
  gtk_widget_set_visible (self->no_views_label, n == 0);
}

void
pd_clients_page_save_view (PdClientsPage *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->view_name_entry))));
  g_autofree char *toast = NULL;

  if (name[0] == '\0')
    return;
  pd_clients_views_save (self->settings, pd_clients_view_capture (name, self->filter, self->sorter));
  gtk_editable_set_text (GTK_EDITABLE (self->view_name_entry), "");
  gtk_popover_popdown (self->views_popover);
  /* Translators: %s is the name of a saved view of the client list */
  toast = g_strdup_printf (_("View “%s” saved"), name);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", toast);
}

void
pd_clients_page_apply_view (PdClientsPage *self,
                            const char    *name)
{
  g_autoptr(GVariant) view = pd_clients_views_lookup (self->settings, name);

  if (view == NULL)
    return;
  pd_clients_view_apply (view, self->filter, self->sorter);
  /* The entry shows the view's search; its delayed search-changed then finds nothing new. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), pd_clients_filter_get_search (self->filter));
  gtk_popover_popdown (self->views_popover);
}

void
pd_clients_page_delete_view (PdClientsPage *self,
                             const char    *name)
{
  pd_clients_views_delete (self->settings, name);
}

void
pd_clients_page_controls_init (PdClientsPage *self)
{
  build_filter_popover (self);
  g_signal_connect_swapped (self->settings, "changed::saved-views",
                            G_CALLBACK (pd_clients_page_update_views), self);
  pd_clients_page_update_views (self);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-mapping-dialog.h"
#include "pd-models.h"
#include "pd-overview-rows.h"
#include "pd-permission-gate.h"
#include "pd-unmapped-dialog.h"

struct _PdUnmappedDialog
{
  AdwWindow           parent_instance;

  GtkWidget          *page;         /* weak: the window actions are found from it */
  PdSession          *session;
  GListModel         *unmapped;
  GtkFilterListModel *filtered;
  GtkCustomFilter    *search_filter;
  char               *search;       /* casefolded, NULL when empty */

  AdwWindowTitle     *window_title;
  GtkSearchEntry     *search_entry;
  GtkStack           *stack;
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;
};

G_DEFINE_FINAL_TYPE (PdUnmappedDialog, pd_unmapped_dialog, ADW_TYPE_WINDOW)

static gboolean
contains_casefolded (const char *text,
                     const char *needle)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;
  folded = g_utf8_casefold (text, -1);
  return strstr (folded, needle) != NULL;
}

static gboolean
matches_search (gpointer item,
                gpointer user_data)
{
  PdUnmappedDialog *self = user_data;
  PdOrganization *organization = item;

  if (self->search == NULL)
    return TRUE;
  return contains_casefolded (pd_organization_get_name (organization), self->search) ||
         contains_casefolded (pd_resource_get_id (PD_RESOURCE (organization)), self->search) ||
         contains_casefolded (pd_organization_get_domain (organization), self->search);
}

static void
update_state (PdUnmappedDialog *self)
{
  guint total = g_list_model_get_n_items (self->unmapped);
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autofree char *subtitle = NULL;

  /* Translators: the number of organizations listed in the dialog */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u organization", "%u organizations", total), total);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  if (shown > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "list");
      return;
    }
  if (total == 0)
    {
      adw_status_page_set_icon_name (self->empty_page, "emblem-ok-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Unmapped Organizations"));
      adw_status_page_set_description (self->empty_page, _("Every organization is mapped to a service account."));
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Results"));
      adw_status_page_set_description (self->empty_page, _("No unmapped organization matches the search."));
    }
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
search_changed_cb (PdUnmappedDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->search, g_free);
  if (*stripped != '\0')
    self->search = g_utf8_casefold (stripped, -1);
  gtk_filter_changed (GTK_FILTER (self->search_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
open_item (PdUnmappedDialog *self,
           guint             position)
{
  g_autoptr(PdOrganization) organization = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (organization == NULL || self->page == NULL)
    return;
  gtk_widget_activate_action (self->page, "win.show-client", "(ss)",
                              pd_resource_get_id (PD_RESOURCE (organization)), "");
  gtk_window_close (GTK_WINDOW (self));
}

static void
list_activate_cb (PdUnmappedDialog *self,
                  guint             position)
{
  open_item (self, position);
}

/* Enter in the search opens the first match: search, Enter, done. */
static void
search_activate_cb (PdUnmappedDialog *self)
{
  open_item (self, 0);
}

/* ---- “Map…” on each row, next to opening the client ---------------------------------- */

static void
map_clicked_cb (GtkButton        *button,
                PdUnmappedDialog *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "pd-organization-id");

  if (id != NULL)
    pd_mapping_dialog_present (GTK_WIDGET (self), self->session, id);
}

/* Runs after the shared row's own setup: the button goes before its arrow. */
static void
map_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              PdUnmappedDialog         *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Map…"));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Link to a service account"));
  pd_permission_gate (button, self->session, "organizations.write", PD_PERMISSION_GATE_DISABLE);
  g_signal_connect_object (button, "clicked", G_CALLBACK (map_clicked_cb), self, 0);
  gtk_box_insert_child_after (GTK_BOX (box), button, gtk_widget_get_first_child (box));
}

static void
map_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             PdUnmappedDialog         *self)
{
  PdResource *organization = gtk_list_item_get_item (item);
  GtkWidget *button = gtk_widget_get_next_sibling (gtk_widget_get_first_child (gtk_list_item_get_child (item)));

  g_object_set_data_full (G_OBJECT (button), "pd-organization-id", g_strdup (pd_resource_get_id (organization)),
                          g_free);
}

static void
pd_unmapped_dialog_dispose (GObject *object)
{
  PdUnmappedDialog *self = PD_UNMAPPED_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_UNMAPPED_DIALOG);
  g_clear_weak_pointer (&self->page);
  g_clear_object (&self->filtered);
  g_clear_object (&self->search_filter);
  g_clear_object (&self->unmapped);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pd_unmapped_dialog_parent_class)->dispose (object);
}

static void
pd_unmapped_dialog_finalize (GObject *object)
{
  PdUnmappedDialog *self = PD_UNMAPPED_DIALOG (object);

  g_free (self->search);

  G_OBJECT_CLASS (pd_unmapped_dialog_parent_class)->finalize (object);
}

static void
pd_unmapped_dialog_class_init (PdUnmappedDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_unmapped_dialog_dispose;
  object_class->finalize = pd_unmapped_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/overview/pd-unmapped-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PdUnmappedDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, PdUnmappedDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PdUnmappedDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, PdUnmappedDialog, list_view);
  gtk_widget_class_bind_template_child (widget_class, PdUnmappedDialog, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pd_unmapped_dialog_init (PdUnmappedDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pd_unmapped_dialog_new (GtkWidget  *page,
                        PdSession  *session,
                        GListModel *unmapped)
{
  PdUnmappedDialog *self;
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (page), NULL);
  g_return_val_if_fail (PD_IS_SESSION (session), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (unmapped), NULL);

  self = g_object_new (PD_TYPE_UNMAPPED_DIALOG, NULL);
  g_set_weak_pointer (&self->page, page);
  self->session = g_object_ref (session);
  root = gtk_widget_get_root (page);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));

  self->unmapped = g_object_ref (unmapped);
  self->search_filter = gtk_custom_filter_new (matches_search, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (unmapped), g_object_ref (GTK_FILTER (self->search_filter)));
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->unmapped, "items-changed", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);

  factory = pd_overview_organization_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (map_setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (map_bind_cb), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  update_state (self);
  return GTK_WIDGET (self);
}

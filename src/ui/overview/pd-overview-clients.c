/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-models.h"
#include "pd-overview-page-private.h"
#include "pd-overview-rows.h"
#include "pd-picker.h"
#include "pd-unmapped-dialog.h"

/* What the Overview reads from the organizations model itself, live: the unmapped ones (the
 * banner and its dialog) and those needing authentication (the account errors card). The
 * dashboard counts them too, but only when it is fetched; the model changes with every sync
 * and every mapping made in the app. Filter models do not watch their items, so each
 * organization's two properties are followed here. */

static gboolean
is_unmapped (gpointer item,
             gpointer user_data)
{
  return pd_organization_get_mapping_status (item) == PD_MAPPING_STATUS_UNMAPPED;
}

static gboolean
needs_authentication (gpointer item,
                      gpointer user_data)
{
  return pd_organization_get_credential_status (item) == PD_CREDENTIAL_STATUS_NEEDS_AUTHENTICATION;
}

static void
update_banner (PdOverviewPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->unmapped));

  if (n > 0)
    {
      g_autofree char *text = NULL;

      /* Translators: the banner on the Overview */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u organization is not mapped to a service account",
                                           "%u organizations are not mapped to a service account", n), n);
      gtk_label_set_text (self->unmapped_label, text);
      gtk_label_set_text (self->unmapped_label_narrow, text);
    }
  gtk_revealer_set_reveal_child (self->unmapped_revealer, n > 0);
}

static void
update_needs_auth (PdOverviewPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->needs_auth));
  g_autofree char *text = NULL;

  if (n > 0)
    /* Translators: a button opening the list of these clients */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u client needs authentication",
                                         "%u clients need authentication", n), n);
  gtk_menu_button_set_label (self->needs_auth_button, text != NULL ? text : _("No client needs authentication"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->needs_auth_button), n > 0);
  if (n == 0)
    gtk_popover_popdown (self->needs_auth_popover);
}

static void
mapping_changed_cb (PdOverviewPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->unmapped_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
credentials_changed_cb (PdOverviewPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->needs_auth_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
watch (PdOverviewPage *self,
       GObject        *organization)
{
  /* A replaced item can come back: connect once. Handlers on organizations that left the
   * list only cost a recount if they ever change, and go with the page. */
  if (g_signal_handler_find (organization, G_SIGNAL_MATCH_FUNC | G_SIGNAL_MATCH_DATA, 0, 0, NULL,
                             mapping_changed_cb, self) != 0)
    return;
  g_signal_connect_object (organization, "notify::mapping-status", G_CALLBACK (mapping_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (organization, "notify::credential-status", G_CALLBACK (credentials_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
organizations_changed_cb (PdOverviewPage *self,
                          guint           position,
                          guint           removed,
                          guint           added,
                          GListModel     *organizations)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) organization = g_list_model_get_item (organizations, i);

      watch (self, organization);
    }
}

static void
needs_auth_activate_cb (PdOverviewPage *self,
                        guint           position)
{
  GListModel *shown = G_LIST_MODEL (gtk_list_view_get_model (self->needs_auth_view));
  g_autoptr(PdOrganization) organization = g_list_model_get_item (shown, position);

  if (organization == NULL)
    return;
  gtk_popover_popdown (self->needs_auth_popover);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-client", "(ss)",
                              pd_resource_get_id (PD_RESOURCE (organization)), "");
}

void
pd_overview_page_watch_organizations (PdOverviewPage *self)
{
  GListModel *organizations = pd_session_get_organizations (self->session);
  g_autoptr(GtkListItemFactory) factory = pd_overview_organization_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  self->unmapped_filter = gtk_custom_filter_new (is_unmapped, NULL, NULL);
  self->unmapped = gtk_filter_list_model_new (g_object_ref (organizations),
                                              g_object_ref (GTK_FILTER (self->unmapped_filter)));
  self->needs_auth_filter = gtk_custom_filter_new (needs_authentication, NULL, NULL);
  self->needs_auth = gtk_filter_list_model_new (g_object_ref (organizations),
                                                g_object_ref (GTK_FILTER (self->needs_auth_filter)));
  g_signal_connect_object (self->unmapped, "items-changed", G_CALLBACK (update_banner), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->needs_auth, "items-changed", G_CALLBACK (update_needs_auth), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (organizations, "items-changed", G_CALLBACK (organizations_changed_cb), self,
                           G_CONNECT_SWAPPED);
  organizations_changed_cb (self, 0, 0, g_list_model_get_n_items (organizations), organizations);

  /* By name, as everywhere: the list's own order depends on where it came from */
  selection = gtk_no_selection_new (pd_picker_sort_organizations (G_LIST_MODEL (self->needs_auth)));
  gtk_list_view_set_factory (self->needs_auth_view, factory);
  gtk_list_view_set_model (self->needs_auth_view, GTK_SELECTION_MODEL (selection));
  g_signal_connect_object (self->needs_auth_view, "activate", G_CALLBACK (needs_auth_activate_cb), self,
                           G_CONNECT_SWAPPED);

  update_banner (self);
  update_needs_auth (self);
}

void
pd_overview_page_show_unmapped (PdOverviewPage *self)
{
  if (self->unmapped_dialog == NULL)
    {
      g_autoptr(GListModel) by_name = pd_picker_sort_organizations (G_LIST_MODEL (self->unmapped));

      g_set_weak_pointer (&self->unmapped_dialog, pd_unmapped_dialog_new (GTK_WIDGET (self), self->session, by_name));
    }
  gtk_window_present (GTK_WINDOW (self->unmapped_dialog));
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-badge-state.h"
#include "pd-format.h"
#include "pd-overview-rows.h"
#include "pd-service-info.h"

void
pd_overview_set_tint (GtkWidget  *widget,
                      const char *tint)
{
  static const char *tints[] = { "success", "warning", "error", "accent" };

  for (guint i = 0; i < G_N_ELEMENTS (tints); i++)
    gtk_widget_remove_css_class (widget, tints[i]);
  if (tint != NULL)
    gtk_widget_add_css_class (widget, tint);
}

GtkWidget *
pd_overview_icon_new (const char *icon_name)
{
  return g_object_new (GTK_TYPE_IMAGE, "icon-name", icon_name,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
}

/* ---- organizations in list views ----------------------------------------------------- */

static void
organization_setup_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *list_item,
                       gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);
  GtkWidget *arrow = pd_overview_icon_new ("go-next-symbolic");

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_box_append (GTK_BOX (labels), name);
  gtk_box_append (GTK_BOX (labels), detail);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), arrow);
  gtk_list_item_set_child (list_item, box);
}

static void
organization_bind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      gpointer                  user_data)
{
  PdOrganization *organization = gtk_list_item_get_item (list_item);
  GtkWidget *labels = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));
  GtkWidget *name = gtk_widget_get_first_child (labels);
  GtkWidget *detail = gtk_widget_get_next_sibling (name);
  const char *domain = pd_organization_get_domain (organization);
  const char *id = pd_resource_get_id (PD_RESOURCE (organization));
  g_autofree char *text = NULL;

  /* Translators: an organization's ID and its domain, e.g. “org_12 · contoso.example” */
  text = domain != NULL && *domain != '\0' ? g_strdup_printf (_("%s · %s"), id, domain) : g_strdup (id);
  gtk_label_set_text (GTK_LABEL (name), pd_organization_get_name (organization));
  gtk_label_set_text (GTK_LABEL (detail), text);
}

GtkListItemFactory *
pd_overview_organization_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (organization_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (organization_bind_cb), NULL);
  return factory;
}

/* ---- attention items ----------------------------------------------------------------- */

const char *
pd_overview_attention_reason_get_label (PdAttentionReason reason)
{
  switch (reason)
    {
    case PD_ATTENTION_REASON_FAILED_BACKUP:
      return _("Backup failed");
    case PD_ATTENTION_REASON_CONSENT_LOST:
      return _("Consent lost");
    case PD_ATTENTION_REASON_NEEDS_AUTHENTICATION:
      return _("Needs authentication");
    case PD_ATTENTION_REASON_OVER_CAPACITY:
      return _("More seats in use than licensed");
    case PD_ATTENTION_REASON_PENDING_CLIENT_ADMIN:
      return _("Waiting for the client’s admin");
    case PD_ATTENTION_REASON_UNMAPPED:
      return _("Not mapped to a service account");
    case PD_ATTENTION_REASON_UNKNOWN:
    default:
      return _("Needs a look");
    }
}

static PdBadgeState
reason_state (PdAttentionReason reason)
{
  switch (reason)
    {
    case PD_ATTENTION_REASON_FAILED_BACKUP:
      return PD_BADGE_STATE_FAILED;
    case PD_ATTENTION_REASON_CONSENT_LOST:
      return PD_BADGE_STATE_CONSENT_LOST;
    case PD_ATTENTION_REASON_NEEDS_AUTHENTICATION:
      return PD_BADGE_STATE_NEEDS_AUTHORIZATION;
    case PD_ATTENTION_REASON_PENDING_CLIENT_ADMIN:
      return PD_BADGE_STATE_PENDING_CLIENT_ADMIN;
    case PD_ATTENTION_REASON_OVER_CAPACITY:
    case PD_ATTENTION_REASON_UNMAPPED:
    case PD_ATTENTION_REASON_UNKNOWN:
    default:
      return PD_BADGE_STATE_WARNING;
    }
}

static const char *
reason_tint (PdAttentionReason reason)
{
  switch (reason)
    {
    case PD_ATTENTION_REASON_FAILED_BACKUP:
    case PD_ATTENTION_REASON_CONSENT_LOST:
      return "error";
    default:
      return "warning";
    }
}

static const char *
service_name (PdResourceList *organizations,
              const char     *organization_id,
              const char     *service_id)
{
  PdResource *organization;
  PdResource *service;

  if (organizations == NULL || service_id == NULL)
    return NULL;
  organization = pd_resource_list_lookup (organizations, organization_id);
  if (organization == NULL)
    return NULL;
  service = pd_resource_list_lookup (pd_organization_get_services (PD_ORGANIZATION (organization)), service_id);
  if (service == NULL)
    return NULL;
  return pd_service_application_get_name (pd_service_get_application (PD_SERVICE (service)));
}

GtkWidget *
pd_overview_attention_row_new (PdDashboardAttention *item,
                               PdResourceList       *organizations)
{
  PdAttentionReason reason = pd_dashboard_attention_get_reason (item);
  const char *service = service_name (organizations, pd_dashboard_attention_get_organization_id (item),
                                      pd_dashboard_attention_get_service_id (item));
  g_autofree char *since = pd_format_relative_time (pd_dashboard_attention_get_since (item), NULL);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = pd_overview_icon_new (pd_badge_state_get_icon_name (reason_state (reason)));
  GtkWidget *arrow = pd_overview_icon_new ("go-next-symbolic");

  if (service != NULL)
    /* Translators: why a client needs attention, the service it is about and since when,
     * e.g. “Backup failed · Exchange · 3 hours ago” */
    subtitle = g_strdup_printf (_("%s · %s · %s"), pd_overview_attention_reason_get_label (reason), service, since);
  else
    /* Translators: why a client needs attention and since when, e.g. “Consent lost · Yesterday” */
    subtitle = g_strdup_printf (_("%s · %s"), pd_overview_attention_reason_get_label (reason), since);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pd_dashboard_attention_get_organization_name (item));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  pd_overview_set_tint (icon, reason_tint (reason));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Open the client"));
  return row;
}

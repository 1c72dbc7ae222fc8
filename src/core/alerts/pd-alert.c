/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pd-alert.h"
#include "pd-organization.h"
#include "pd-service.h"

void
pd_alert_free (PdAlert *alert)
{
  if (alert == NULL)
    return;
  g_free (alert->key);
  g_free (alert->organization_id);
  g_free (alert->organization_name);
  g_free (alert);
}

PdAlert *
pd_alert_new (PdAlertKind           kind,
              PdOrganization       *organization,
              PdServiceApplication  application,
              char                 *key)
{
  PdAlert *alert = g_new0 (PdAlert, 1);

  alert->kind = kind;
  alert->key = key;
  alert->organization_id = g_strdup (pd_resource_get_id (PD_RESOURCE (organization)));
  alert->organization_name = g_strdup (pd_organization_get_name (organization));
  alert->application = application;
  return alert;
}

static void
add_alert (GPtrArray            *alerts,
           PdAlertKind           kind,
           PdOrganization       *organization,
           PdServiceApplication  application,
           char                 *key)
{
  g_ptr_array_add (alerts, pd_alert_new (kind, organization, application, key));
}

/* Each failed run is its own event: the service's last backup time tells the runs apart. */
static char *
backup_failed_key (PdService *service)
{
  GDateTime *at = pd_service_get_last_backup_at (service);

  return g_strdup_printf ("backup-failed:%s:%" G_GINT64_FORMAT,
                          pd_resource_get_id (PD_RESOURCE (service)),
                          at != NULL ? g_date_time_to_unix (at) : 0);
}

static void
collect_services (GPtrArray      *alerts,
                  PdOrganization *organization)
{
  PdResourceList *services = pd_organization_get_services (organization);
  guint n = services != NULL ? g_list_model_get_n_items (G_LIST_MODEL (services)) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PdService) service = g_list_model_get_item (G_LIST_MODEL (services), i);
      PdServiceApplication application = pd_service_get_application (service);
      const char *id = pd_resource_get_id (PD_RESOURCE (service));

      if (pd_service_get_authorization_state (service) == PD_AUTHORIZATION_STATE_CONSENT_LOST)
        add_alert (alerts, PD_ALERT_CONSENT_LOST, organization, application,
                   g_strconcat ("consent-lost:", id, NULL));
      if (pd_service_get_backup_status (service) == PD_BACKUP_STATUS_FAILED)
        add_alert (alerts, PD_ALERT_BACKUP_FAILED, organization, application,
                   backup_failed_key (service));
    }
}

GPtrArray *
pd_alerts_collect (GListModel *organizations)
{
  GPtrArray *alerts = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_alert_free);
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (organizations), alerts);

  n = g_list_model_get_n_items (organizations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PdOrganization) organization = g_list_model_get_item (organizations, i);

      /* A deleted or unsubscribed client no longer backs up: nothing to act on. */
      if (pd_organization_get_status (organization) != PD_ORGANIZATION_STATUS_ACTIVE)
        continue;
      if (pd_organization_get_credential_status (organization) == PD_CREDENTIAL_STATUS_NEEDS_AUTHENTICATION)
        add_alert (alerts, PD_ALERT_CREDENTIALS, organization, PD_SERVICE_APPLICATION_UNKNOWN,
                   g_strconcat ("credentials:", pd_resource_get_id (PD_RESOURCE (organization)), NULL));
      collect_services (alerts, organization);
    }
  return alerts;
}

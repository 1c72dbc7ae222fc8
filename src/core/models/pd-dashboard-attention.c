/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-dashboard-attention.h"
#include "pd-resource-private.h"

struct _PdDashboardAttention
{
  PdResource parent_instance;

  char *organization_id;
  char *organization_name;
  char *service_id;
  int reason;
  GDateTime *since;
};

G_DEFINE_FINAL_TYPE (PdDashboardAttention, pd_dashboard_attention, PD_TYPE_RESOURCE)

static const PdField fields[] = {
  PD_FIELD ("organization_id", "organization-id", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdDashboardAttention, organization_id),
  PD_FIELD ("organization_name", "organization-name", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdDashboardAttention, organization_name),
  PD_FIELD ("service_id", "service-id", PD_FIELD_STRING, PD_FIELD_NULLABLE, PdDashboardAttention, service_id),
  PD_FIELD_TYPED ("reason", "reason", PD_FIELD_ENUM, PD_FIELD_REQUIRED, PdDashboardAttention, reason, pd_attention_reason_get_type),
  PD_FIELD ("since", "since", PD_FIELD_TIME, PD_FIELD_REQUIRED, PdDashboardAttention, since),
};

static void
pd_dashboard_attention_class_init (PdDashboardAttentionClass *klass)
{
  pd_resource_class_install_fields (PD_RESOURCE_CLASS (klass), N_("Attention item"), fields,
                                    G_N_ELEMENTS (fields));
}

static void
pd_dashboard_attention_init (PdDashboardAttention *self)
{
}

const char *
pd_dashboard_attention_get_organization_id (PdDashboardAttention *self)
{
  g_return_val_if_fail (PD_IS_DASHBOARD_ATTENTION (self), NULL);

  return self->organization_id;
}

const char *
pd_dashboard_attention_get_organization_name (PdDashboardAttention *self)
{
  g_return_val_if_fail (PD_IS_DASHBOARD_ATTENTION (self), NULL);

  return self->organization_name;
}

const char *
pd_dashboard_attention_get_service_id (PdDashboardAttention *self)
{
  g_return_val_if_fail (PD_IS_DASHBOARD_ATTENTION (self), NULL);

  return self->service_id;
}

PdAttentionReason
pd_dashboard_attention_get_reason (PdDashboardAttention *self)
{
  g_return_val_if_fail (PD_IS_DASHBOARD_ATTENTION (self), (PdAttentionReason) 0);

  return (PdAttentionReason) self->reason;
}

GDateTime *
pd_dashboard_attention_get_since (PdDashboardAttention *self)
{
  g_return_val_if_fail (PD_IS_DASHBOARD_ATTENTION (self), NULL);

  return self->since;
}

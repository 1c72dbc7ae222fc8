/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-model-enums.h"
#include "pd-resource.h"

G_BEGIN_DECLS

/* Something on the dashboard a technician should look at (no id). */
#define PD_TYPE_DASHBOARD_ATTENTION (pd_dashboard_attention_get_type ())
G_DECLARE_FINAL_TYPE (PdDashboardAttention, pd_dashboard_attention, PD, DASHBOARD_ATTENTION, PdResource)

const char        *pd_dashboard_attention_get_organization_id   (PdDashboardAttention *self);
const char        *pd_dashboard_attention_get_organization_name (PdDashboardAttention *self);
const char        *pd_dashboard_attention_get_service_id        (PdDashboardAttention *self);
PdAttentionReason  pd_dashboard_attention_get_reason            (PdDashboardAttention *self);
GDateTime         *pd_dashboard_attention_get_since             (PdDashboardAttention *self);

G_END_DECLS

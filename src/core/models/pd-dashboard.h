/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-model-enums.h"
#include "pd-resource.h"

G_BEGIN_DECLS

/* The backup, seat, protection and account summary for a period (GET /dashboard). */
#define PD_TYPE_DASHBOARD (pd_dashboard_get_type ())
G_DECLARE_FINAL_TYPE (PdDashboard, pd_dashboard, PD, DASHBOARD, PdResource)

PdDashboardPeriod  pd_dashboard_get_period_key                         (PdDashboard *self);
GDateTime         *pd_dashboard_get_period_start                       (PdDashboard *self);
GDateTime         *pd_dashboard_get_period_end                         (PdDashboard *self);
gint64             pd_dashboard_get_jobs_success                       (PdDashboard *self);
gint64             pd_dashboard_get_jobs_running                       (PdDashboard *self);
gint64             pd_dashboard_get_jobs_retrying                      (PdDashboard *self);
gint64             pd_dashboard_get_jobs_failed                        (PdDashboard *self);
gint64             pd_dashboard_get_jobs_warning                       (PdDashboard *self);
gint64             pd_dashboard_get_account_errors                     (PdDashboard *self);
gint64             pd_dashboard_get_seats_total                        (PdDashboard *self);
gint64             pd_dashboard_get_seats_managed                      (PdDashboard *self);
gint64             pd_dashboard_get_seats_open                         (PdDashboard *self);
gint64             pd_dashboard_get_seats_unprotected                  (PdDashboard *self);
gint64             pd_dashboard_get_seats_usage_percent                (PdDashboard *self);
gint64             pd_dashboard_get_protection_protected               (PdDashboard *self);
gint64             pd_dashboard_get_protection_total                   (PdDashboard *self);
gint64             pd_dashboard_get_protection_coverage_percent        (PdDashboard *self);
gint64             pd_dashboard_get_accounts_active                    (PdDashboard *self);
gint64             pd_dashboard_get_accounts_deactivated               (PdDashboard *self);
gint64             pd_dashboard_get_accounts_deleted                   (PdDashboard *self);
gint64             pd_dashboard_get_accounts_total                     (PdDashboard *self);
gint64             pd_dashboard_get_organizations_active               (PdDashboard *self);
gint64             pd_dashboard_get_organizations_suspended            (PdDashboard *self);
gint64             pd_dashboard_get_organizations_unsubscribed         (PdDashboard *self);
gint64             pd_dashboard_get_organizations_deleted              (PdDashboard *self);
gint64             pd_dashboard_get_organizations_total                (PdDashboard *self);
gint64             pd_dashboard_get_organizations_unmapped             (PdDashboard *self);
gint64             pd_dashboard_get_organizations_needs_authentication (PdDashboard *self);
GListModel        *pd_dashboard_get_attention                          (PdDashboard *self);
GDateTime         *pd_dashboard_get_generated_at                       (PdDashboard *self);

G_END_DECLS

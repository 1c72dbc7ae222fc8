/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-dashboard.h"
#include "pd-resource-private.h"
#include "pd-dashboard-attention.h"

struct _PdDashboard
{
  PdResource parent_instance;

  int period_key;
  GDateTime *period_start;
  GDateTime *period_end;
  gint64 jobs_success;
  gint64 jobs_running;
  gint64 jobs_retrying;
  gint64 jobs_failed;
  gint64 jobs_warning;
  gint64 account_errors;
  gint64 seats_total;
  gint64 seats_managed;
  gint64 seats_open;
  gint64 seats_unprotected;
  gint64 seats_usage_percent;
  gint64 protection_protected;
  gint64 protection_total;
  gint64 protection_coverage_percent;
  gint64 accounts_active;
  gint64 accounts_deactivated;
  gint64 accounts_deleted;
  gint64 accounts_total;
  gint64 organizations_active;
  gint64 organizations_suspended;
  gint64 organizations_unsubscribed;
  gint64 organizations_deleted;
  gint64 organizations_total;
  gint64 organizations_unmapped;
  gint64 organizations_needs_authentication;
  GListStore *attention;
  GDateTime *generated_at;
};

G_DEFINE_FINAL_TYPE (PdDashboard, pd_dashboard, PD_TYPE_RESOURCE)

static const PdField fields[] = {
  PD_FIELD_TYPED ("period.key", "period-key", PD_FIELD_ENUM, PD_FIELD_REQUIRED, PdDashboard, period_key, pd_dashboard_period_get_type),
  PD_FIELD ("period.start", "period-start", PD_FIELD_TIME, PD_FIELD_REQUIRED, PdDashboard, period_start),
  PD_FIELD ("period.end", "period-end", PD_FIELD_TIME, PD_FIELD_REQUIRED, PdDashboard, period_end),
  PD_FIELD ("jobs.success", "jobs-success", PD_FIELD_INT64, PD_FIELD_NON_NEGATIVE, PdDashboard, jobs_success),
  PD_FIELD ("jobs.running", "jobs-running", PD_FIELD_INT64, PD_FIELD_NON_NEGATIVE, PdDashboard, jobs_running),
  PD_FIELD ("jobs.retrying", "jobs-retrying", PD_FIELD_INT64, PD_FIELD_NON_NEGATIVE, PdDashboard, jobs_retrying),
  PD_FIELD ("jobs.failed", "jobs-failed", PD_FIELD_INT64, PD_FIELD_NON_NEGATIVE, PdDashboard, jobs_failed),
  PD_FIELD ("jobs.warning", "jobs-warning", PD_FIELD_INT64, PD_FIELD_NON_NEGATIVE, PdDashboard, jobs_warning),
  PD_FIELD ("account_errors", "account-errors", PD_FIELD_INT64, PD_FIELD_NON_NEGATIVE, PdDashboard, account_errors),
  PD_FIELD ("seats.total", "seats-total", PD_FIELD_INT64, PD_FIELD_NON_NEGATIVE, PdDashboard, seats_total),
  PD_FIELD ("seats.managed", "seats-managed", PD_FIELD_INT64, PD_FIELD_NON_NEGATIVE, PdDashboard, seats_managed),
  PD_FIELD ("seats.open", "seats-open", PD_FIELD_INT64, PD_FIELD_NON_NEGATIVE, PdDashboard, seats_open),
  PD_FIELD ("seats.unprotected", "seats-unprotected", PD_FIELD_INT64, PD_FIELD_NON_NEGATIVE, PdDashboard, seats_unprotected),
  PD_FIELD ("seats.usage_percent", "seats-usage-percent", PD_FIELD_INT64, PD_FIELD_NON_NEGATIVE, PdDashboard, seats_usage_percent),
  PD_FIELD ("protection.protected", "protection-protected", PD_FIELD_INT64, PD_FIELD_NON_NEGATIVE, PdDashboard, protection_protected),
  PD_FIELD ("protection.total", "protection-total", PD_FIELD_INT64, PD_FIELD_NON_NEGATIVE, PdDashboard, protection_total),
  PD_FIELD ("protection.coverage_percent", "protection-coverage-percent", PD_FIELD_INT64, PD_FIELD_NON_NEGATIVE, PdDashboard, protection_coverage_percent),
  PD_FIELD ("accounts.active", "accounts-active", PD_FIELD_INT64, PD_FIELD_NON_NEGATIVE, PdDashboard, accounts_active),
  PD_FIELD ("accounts.deactivated", "accounts-deactivated", PD_FIELD_INT64, PD_FIELD_NON_NEGATIVE, PdDashboard, accounts_deactivated),
  PD_FIELD ("accounts.deleted", "accounts-deleted", PD_FIELD_INT64, PD_FIELD_NON_NEGATIVE, PdDashboard, accounts_deleted),
  PD_FIELD ("accounts.total", "accounts-total", PD_FIELD_INT64, PD_FIELD_NON_NEGATIVE, PdDashboard, accounts_total),
  PD_FIELD ("organizations.active", "organizations-active", PD_FIELD_INT64, PD_FIELD_NON_NEGATIVE, PdDashboard, organizations_active),
  PD_FIELD ("organizations.suspended", "organizations-suspended", PD_FIELD_INT64, PD_FIELD_NON_NEGATIVE, PdDashboard, organizations_suspended),
  PD_FIELD ("organizations.unsubscribed", "organizations-unsubscribed", PD_FIELD_INT64, PD_FIELD_NON_NEGATIVE, PdDashboard, organizations_unsubscribed),
  PD_FIELD ("organizations.deleted", "organizations-deleted", PD_FIELD_INT64, PD_FIELD_NON_NEGATIVE, PdDashboard, organizations_deleted),
  PD_FIELD ("organizations.total", "organizations-total", PD_FIELD_INT64, PD_FIELD_NON_NEGATIVE, PdDashboard, organizations_total),
  PD_FIELD ("organizations.unmapped", "organizations-unmapped", PD_FIELD_INT64, PD_FIELD_NON_NEGATIVE, PdDashboard, organizations_unmapped),
  PD_FIELD ("organizations.needs_authentication", "organizations-needs-authentication", PD_FIELD_INT64, PD_FIELD_NON_NEGATIVE, PdDashboard, organizations_needs_authentication),
  PD_FIELD_TYPED ("attention", "attention", PD_FIELD_ARRAY, PD_FIELD_REQUIRED, PdDashboard, attention, pd_dashboard_attention_get_type),
  PD_FIELD ("generated_at", "generated-at", PD_FIELD_TIME, PD_FIELD_REQUIRED, PdDashboard, generated_at),
};

static void
pd_dashboard_class_init (PdDashboardClass *klass)
{
  pd_resource_class_install_fields (PD_RESOURCE_CLASS (klass), N_("Dashboard"), fields,
                                    G_N_ELEMENTS (fields));
}

static void
pd_dashboard_init (PdDashboard *self)
{
}

PdDashboardPeriod
pd_dashboard_get_period_key (PdDashboard *self)
{
  g_return_val_if_fail (PD_IS_DASHBOARD (self), (PdDashboardPeriod) 0);

  return (PdDashboardPeriod) self->period_key;
}

GDateTime *
pd_dashboard_get_period_start (PdDashboard *self)
{
  g_return_val_if_fail (PD_IS_DASHBOARD (self), NULL);

  return self->period_start;
}

GDateTime *
pd_dashboard_get_period_end (PdDashboard *self)
{
  g_return_val_if_fail (PD_IS_DASHBOARD (self), NULL);

  return self->period_end;
}

gint64
pd_dashboard_get_jobs_success (PdDashboard *self)
{
  g_return_val_if_fail (PD_IS_DASHBOARD (self), 0);

  return self->jobs_success;
}

gint64
pd_dashboard_get_jobs_running (PdDashboard *self)
{
  g_return_val_if_fail (PD_IS_DASHBOARD (self), 0);

  return self->jobs_running;
}

gint64
pd_dashboard_get_jobs_retrying (PdDashboard *self)
{
  g_return_val_if_fail (PD_IS_DASHBOARD (self), 0);

  return self->jobs_retrying;
}

gint64
pd_dashboard_get_jobs_failed (PdDashboard *self)
{
  g_return_val_if_fail (PD_IS_DASHBOARD (self), 0);

  return self->jobs_failed;
}

gint64
pd_dashboard_get_jobs_warning (PdDashboard *self)
{
  g_return_val_if_fail (PD_IS_DASHBOARD (self), 0);

  return self->jobs_warning;
}

gint64
pd_dashboard_get_account_errors (PdDashboard *self)
{
  g_return_val_if_fail (PD_IS_DASHBOARD (self), 0);

  return self->account_errors;
}

gint64
pd_dashboard_get_seats_total (PdDashboard *self)
{
  g_return_val_if_fail (PD_IS_DASHBOARD (self), 0);

  return self->seats_total;
}

gint64
pd_dashboard_get_seats_managed (PdDashboard *self)
{
  g_return_val_if_fail (PD_IS_DASHBOARD (self), 0);

  return self->seats_managed;
}

gint64
pd_dashboard_get_seats_open (PdDashboard *self)
{
  g_return_val_if_fail (PD_IS_DASHBOARD (self), 0);

  return self->seats_open;
}

gint64
pd_dashboard_get_seats_unprotected (PdDashboard *self)
{
  g_return_val_if_fail (PD_IS_DASHBOARD (self), 0);

  return self->seats_unprotected;
}

gint64
pd_dashboard_get_seats_usage_percent (PdDashboard *self)
{
  g_return_val_if_fail (PD_IS_DASHBOARD (self), 0);

  return self->seats_usage_percent;
}

gint64
pd_dashboard_get_protection_protected (PdDashboard *self)
{
  g_return_val_if_fail (PD_IS_DASHBOARD (self), 0);

  return self->protection_protected;
}

gint64
pd_dashboard_get_protection_total (PdDashboard *self)
{
  g_return_val_if_fail (PD_IS_DASHBOARD (self), 0);

  return self->protection_total;
}

gint64
pd_dashboard_get_protection_coverage_percent (PdDashboard *self)
{
  g_return_val_if_fail (PD_IS_DASHBOARD (self), 0);

  return self->protection_coverage_percent;
}

gint64
pd_dashboard_get_accounts_active (PdDashboard *self)
{
  g_return_val_if_fail (PD_IS_DASHBOARD (self), 0);

  return self->accounts_active;
}

gint64
pd_dashboard_get_accounts_deactivated (PdDashboard *self)
{
  g_return_val_if_fail (PD_IS_DASHBOARD (self), 0);

  return self->accounts_deactivated;
}

gint64
pd_dashboard_get_accounts_deleted (PdDashboard *self)
{
  g_return_val_if_fail (PD_IS_DASHBOARD (self), 0);

  return self->accounts_deleted;
}

gint64
pd_dashboard_get_accounts_total (PdDashboard *self)
{
  g_return_val_if_fail (PD_IS_DASHBOARD (self), 0);

  return self->accounts_total;
}

gint64
pd_dashboard_get_organizations_active (PdDashboard *self)
{
  g_return_val_if_fail (PD_IS_DASHBOARD (self), 0);

  return self->organizations_active;
}

gint64
pd_dashboard_get_organizations_suspended (PdDashboard *self)
{
  g_return_val_if_fail (PD_IS_DASHBOARD (self), 0);

  return self->organizations_suspended;
}

gint64
pd_dashboard_get_organizations_unsubscribed (PdDashboard *self)
{
  g_return_val_if_fail (PD_IS_DASHBOARD (self), 0);

  return self->organizations_unsubscribed;
}

gint64
pd_dashboard_get_organizations_deleted (PdDashboard *self)
{
  g_return_val_if_fail (PD_IS_DASHBOARD (self), 0);

  return self->organizations_deleted;
}

gint64
pd_dashboard_get_organizations_total (PdDashboard *self)
{
  g_return_val_if_fail (PD_IS_DASHBOARD (self), 0);

  return self->organizations_total;
}

gint64
pd_dashboard_get_organizations_unmapped (PdDashboard *self)
{
  g_return_val_if_fail (PD_IS_DASHBOARD (self), 0);

  return self->organizations_unmapped;
}

gint64
pd_dashboard_get_organizations_needs_authentication (PdDashboard *self)
{
  g_return_val_if_fail (PD_IS_DASHBOARD (self), 0);

  return self->organizations_needs_authentication;
}

GListModel *
pd_dashboard_get_attention (PdDashboard *self)
{
  g_return_val_if_fail (PD_IS_DASHBOARD (self), NULL);

  return G_LIST_MODEL (self->attention);
}

GDateTime *
pd_dashboard_get_generated_at (PdDashboard *self)
{
  g_return_val_if_fail (PD_IS_DASHBOARD (self), NULL);

  return self->generated_at;
}

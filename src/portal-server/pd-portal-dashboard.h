/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the dashboard, its reports and the simulation share: report periods and the
 * backup job history (per organization per day, with a per-partner roll-up). */
#pragma once

#include "pd-portal-http.h"

G_BEGIN_DECLS

/* Days are whole UTC days since the Unix epoch. */
#define PD_DAY_USEC ((gint64) 86400 * G_USEC_PER_SEC)

typedef struct {
  const char *key;          /* this_month, last_month, last_7_days, last_30_days, last_90_days */
  gint64      start_usec;   /* inclusive */
  gint64      end_usec;     /* exclusive; now for periods that include today */
  gint64      first_day;    /* the history days the period covers, inclusive */
  gint64      last_day;
} PdDashboardPeriod;

/* The job outcomes of one organization on one day. */
typedef struct {
  gint64 success;
  gint64 warning;
  gint64 retrying;
  gint64 failed;
  gint64 account_errors;
} PdJobCounts;

/* One organization's (alias o) job outcomes within the period of bindings ?4 (first day) and
 * ?5 (last day): its running totals at the last day with activity up to ?5 (e) less those
 * before ?4 (b). After "FROM organizations o"; PD_PERIOD_SUM (success) is then the period's
 * successful jobs of o, or NULL without any. */
#define PD_PERIOD_JOINS \
  " LEFT JOIN job_history e ON e.organization_id = o.id AND e.day = " \
  "  (SELECT max(x.day) FROM job_history x WHERE x.organization_id = o.id AND x.day <= ?5)" \
  " LEFT JOIN job_history b ON b.organization_id = o.id AND b.day = " \
  "  (SELECT max(y.day) FROM job_history y WHERE y.organization_id = o.id AND y.day < ?4) "
#define PD_PERIOD_SUM(counter) "e.total_" #counter " - coalesce(b.total_" #counter ", 0)"

/* Reads ?period= (default this_month); on an unknown value responds 422 and returns FALSE. */
gboolean pd_portal_dashboard_period        (PdPortalRequest   *req,
                                            gint64             now_usec,
                                            PdDashboardPeriod *period);
void     pd_portal_dashboard_period_json   (JsonBuilder       *builder,
                                            PdDashboardPeriod *period);

/* Adds @counts to the history of @organization_id on @day and to its partner's roll-up.
 * Callers hold a transaction. */
void     pd_portal_dashboard_record        (PdPortal          *portal,
                                            gint64             partner_id,
                                            gint64             organization_id,
                                            gint64             day,
                                            const PdJobCounts *counts);

/* GET /api/v1/reports/{report} (pd-portal-dashboard-reports.c). */
void     pd_portal_dashboard_report        (PdPortalRequest   *req);

G_END_DECLS

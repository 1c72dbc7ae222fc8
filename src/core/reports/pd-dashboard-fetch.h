/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pd-dashboard.h"
#include "pd-session.h"

G_BEGIN_DECLS

/* The dashboard of one period: fetched from GET /api/v1/dashboard and kept in the session's
 * cache as the document "dashboard/<period>", so the Overview paints at start and offline
 * from the last one it saw, then refreshes. */

/* The periods the portal offers, in the order a picker shows them (PD_DASHBOARD_PERIOD_UNKNOWN
 * ends the array) */
const PdDashboardPeriod *pd_dashboard_periods_all      (void);
/* "this_month", … (the API's key); NULL for UNKNOWN */
const char              *pd_dashboard_period_to_key    (PdDashboardPeriod  period);
/* UNKNOWN when @key is none of them */
PdDashboardPeriod        pd_dashboard_period_from_key  (const char        *key);
/* Translated: "This month", "Last 7 days", … */
const char              *pd_dashboard_period_get_label (PdDashboardPeriod  period);

/* Fetches the dashboard of @period and, once decoded, stores it in the cache. Fails with a
 * PdPortalError: FORBIDDEN naming dashboard.read, OFFLINE, BAD_RESPONSE when the body is not
 * a dashboard (the message says which field), … */
void         pd_dashboard_fetch_async        (PdSession           *session,
                                              PdDashboardPeriod    period,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
PdDashboard *pd_dashboard_fetch_finish       (PdSession           *session,
                                              GAsyncResult        *result,
                                              GError             **error);

/* The last dashboard of @period the cache kept: NULL without an error when there is none (or
 * it no longer decodes, which is only logged: the next fetch replaces it). */
void         pd_dashboard_load_cached_async  (PdSession           *session,
                                              PdDashboardPeriod    period,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
PdDashboard *pd_dashboard_load_cached_finish (PdSession           *session,
                                              GAsyncResult        *result,
                                              GError             **error);

G_END_DECLS

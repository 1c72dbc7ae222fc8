/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pd-dashboard.h"
#include "pd-report-card.h"
#include "pd-session.h"

G_BEGIN_DECLS

/* Reports: protection coverage, seat usage, clients and backup jobs by status for a period
 * (remembered in GSettings "reports-period"), each a chart with its figures and a CSV export
 * (reports.export). Paints the cached figures of the period first, then asks the portal,
 * and again after every sync (a hidden page when it is next shown); offline it keeps the
 * cached figures and says of when. */
#define PD_TYPE_REPORTS_PAGE (pd_reports_page_get_type ())
G_DECLARE_FINAL_TYPE (PdReportsPage, pd_reports_page, PD, REPORTS_PAGE, AdwBin)

GtkWidget         *pd_reports_page_new            (PdSession         *session);

PdDashboardPeriod  pd_reports_page_get_period     (PdReportsPage     *self);
/* The figures shown (property "dashboard"): NULL before the first */
PdDashboard       *pd_reports_page_get_dashboard  (PdReportsPage     *self);
/* Whether the portal is being asked (property "refreshing") */
gboolean           pd_reports_page_get_refreshing (PdReportsPage     *self);
PdReportCard      *pd_reports_page_get_card       (PdReportsPage     *self,
                                                   PdReportKind       kind);

G_END_DECLS

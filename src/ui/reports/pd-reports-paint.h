/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pd-dashboard.h"
#include "pd-report-card.h"

G_BEGIN_DECLS

/* The four reports of the page, in its order, each a card indexed by its report kind. */

/* Adds a card per report to @box; @cards[kind] is the card of kind */
void pd_reports_add_cards (GtkFlowBox   *box,
                           PdReportCard *cards[PD_REPORT_N_KINDS]);
/* Fills every card from @dashboard */
void pd_reports_paint     (PdReportCard *cards[PD_REPORT_N_KINDS],
                           PdDashboard  *dashboard);

G_END_DECLS

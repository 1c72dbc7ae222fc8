/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pd-dashboard.h"
#include "pd-session.h"

G_BEGIN_DECLS

/* The Overview: backup jobs, seats, protection coverage, account errors and clients for a
 * period, the unmapped-organizations banner and what needs attention. Paints from the cached
 * dashboard first, then refreshes from the portal (and again after every sync). */
#define PD_TYPE_OVERVIEW_PAGE (pd_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (PdOverviewPage, pd_overview_page, PD, OVERVIEW_PAGE, AdwBin)

GtkWidget   *pd_overview_page_new                   (PdSession           *session);

/* The dashboard shown (property "dashboard"), NULL before the first one */
PdDashboard *pd_overview_page_get_dashboard         (PdOverviewPage      *self);
/* Whether a refresh from the portal is under way (property "refreshing") */
gboolean     pd_overview_page_get_refreshing        (PdOverviewPage      *self);

G_END_DECLS

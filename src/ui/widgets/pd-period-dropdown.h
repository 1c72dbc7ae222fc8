/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pd-model-enums.h"

G_BEGIN_DECLS

/* Fills @dropdown with the dashboard periods and selects the one the user chose last, kept
 * in the GSettings key @settings_key (this month when none is kept); each choice the user
 * makes is kept there. Returns the period selected. */
PdDashboardPeriod pd_period_dropdown_setup      (GtkDropDown *dropdown,
                                                 const char  *settings_key);
/* The period selected, PD_DASHBOARD_PERIOD_UNKNOWN when none is */
PdDashboardPeriod pd_period_dropdown_get_period (GtkDropDown *dropdown);

G_END_DECLS

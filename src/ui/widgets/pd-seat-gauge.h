/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pd-seat-figures.h"

G_BEGIN_DECLS

/* A slim bar: managed seats against total licenses, unprotected accounts as a warning
 * segment, over capacity in the error colour with the licence limit marked by a gap. Its
 * figures are its tooltip, accessible description and value (role meter). A negative figure
 * means the figure is unknown. It takes the width it is given (give it hexpand or a width);
 * its height is the CSS min-height of the "pd-seat-gauge" node (6 px; a page may set more). */
#define PD_TYPE_SEAT_GAUGE (pd_seat_gauge_get_type ())
G_DECLARE_FINAL_TYPE (PdSeatGauge, pd_seat_gauge, PD, SEAT_GAUGE, GtkWidget)

GtkWidget *pd_seat_gauge_new            (void);
/* @open < 0 is derived as total − managed (never below 0) */
void       pd_seat_gauge_set_figures    (PdSeatGauge *self,
                                         gint64       total,
                                         gint64       managed,
                                         gint64       open,
                                         gint64       unprotected);
/* Full sentence, the tooltip and accessible text:
 * "12 of 20 seats used, 8 open, 3 accounts unprotected" */
char      *pd_seat_gauge_dup_summary    (PdSeatGauge *self);
/* Short, for under the bar: "12 / 20 seats · 3 unprotected" */
char      *pd_seat_gauge_dup_short_text (PdSeatGauge *self);
/* managed > total (or seats in use with no licence at all) */
gboolean   pd_seat_gauge_is_over_capacity (PdSeatGauge *self);

G_END_DECLS

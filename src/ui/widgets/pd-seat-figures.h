/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The words for a service's seat figures, shared by the gauge, list cells and exports.
 * A negative figure is unknown; a negative @open is derived as total − managed. */
typedef struct
{
  gint64 total;
  gint64 managed;
  gint64 open;
  gint64 unprotected;
} PdSeatFigures;

/* Fills @figures, deriving open where it is unknown */
void      pd_seat_figures_init             (PdSeatFigures       *figures,
                                            gint64               total,
                                            gint64               managed,
                                            gint64               open,
                                            gint64               unprotected);
gboolean  pd_seat_figures_is_known         (const PdSeatFigures *figures);
/* Seats in use with no licence for them: managed > total */
gboolean  pd_seat_figures_is_over_capacity (const PdSeatFigures *figures);
/* "12 of 20 seats used, 8 open, 3 accounts unprotected" */
char     *pd_seat_figures_dup_summary      (const PdSeatFigures *figures);
/* "12 / 20 seats · 3 unprotected" */
char     *pd_seat_figures_dup_short_text   (const PdSeatFigures *figures);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The colour of a part: libadwaita's named colours, so dark and high-contrast styles follow */
typedef enum {
  PD_REPORT_TINT_ACCENT,
  PD_REPORT_TINT_SUCCESS,
  PD_REPORT_TINT_WARNING,
  PD_REPORT_TINT_ERROR,
  PD_REPORT_TINT_NEUTRAL,
} PdReportTint;

/* The fill of a part, so that parts differ by more than their colour */
typedef enum {
  PD_REPORT_PATTERN_SOLID,
  PD_REPORT_PATTERN_STRIPES,
  PD_REPORT_PATTERN_DOTS,
  PD_REPORT_PATTERN_GRID,
  PD_REPORT_PATTERN_NONE,     /* only a faint tint: what is left, e.g. open seats */
} PdReportPattern;

typedef struct {
  gint64           value;     /* below 0 counts as 0 */
  PdReportTint     tint;
  PdReportPattern  pattern;
} PdReportSegment;

/* A stacked bar: one part per segment, as wide as its share of the sum, split by a gap and,
 * in high contrast, outlined. With the CSS class "swatch" and one segment it is the key of
 * a legend. It draws only: its owner gives it an accessible label and description with the
 * figures (role img). */
#define PD_TYPE_REPORT_CHART (pd_report_chart_get_type ())
G_DECLARE_FINAL_TYPE (PdReportChart, pd_report_chart, PD, REPORT_CHART, GtkWidget)

GtkWidget *pd_report_chart_new          (void);
/* A legend's key of @segment, hidden from screen readers (its row's words say it) */
GtkWidget *pd_report_chart_new_swatch   (const PdReportSegment *segment);
void       pd_report_chart_set_segments (PdReportChart         *self,
                                         const PdReportSegment *segments,
                                         guint                  n_segments);

G_END_DECLS

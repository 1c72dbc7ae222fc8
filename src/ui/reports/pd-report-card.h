/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pd-report-chart.h"
#include "pd-report.h"

G_BEGIN_DECLS

/* One part of a report's chart with its word, e.g. "Suspended" */
typedef struct {
  const char      *label;
  PdReportSegment  segment;
} PdReportItem;

/* A report as a card: title, its headline figure, a stacked bar of its parts, the legend
 * with each part's count (and share), a note, and a button exporting the report's rows
 * (action "reports.export" with the report's key). The figures are text beside the chart
 * and the chart's accessible description: never its colours alone. */
#define PD_TYPE_REPORT_CARD (pd_report_card_get_type ())
G_DECLARE_FINAL_TYPE (PdReportCard, pd_report_card, PD, REPORT_CARD, GtkWidget)

GtkWidget     *pd_report_card_new               (PdReportKind        kind,
                                                 const char         *title);
PdReportKind   pd_report_card_get_kind          (PdReportCard       *self);
GtkWidget     *pd_report_card_get_export_button (PdReportCard       *self);
/* @figure: the headline ("93 %"); @caption: what it means ("610 of 651 accounts protected");
 * @with_shares: each part's share of their sum beside its count (rounded down, as the
 * portal rounds); @note: one more line, or NULL */
void           pd_report_card_set_figures       (PdReportCard       *self,
                                                 const char         *figure,
                                                 const char         *caption,
                                                 const PdReportItem *items,
                                                 guint               n_items,
                                                 gboolean            with_shares,
                                                 const char         *note);
/* The legend's count of the part called @label as shown ("1,520"), NULL when there is no
 * such part; the headline figure; the chart's accessible description ("Active: 52 (86 %),
 * …"), which is what a screen reader says of the chart. */
const char    *pd_report_card_get_count_text    (PdReportCard       *self,
                                                 const char         *label);
const char    *pd_report_card_get_figure_text   (PdReportCard       *self);
const char    *pd_report_card_get_description   (PdReportCard       *self);

/* "12,345" and "93 %" in the user's locale, as the cards write them */
char          *pd_report_format_count           (gint64              count);
char          *pd_report_format_percent         (gint64              percent);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "pd-model-enums.h"
#include "pd-session.h"

G_BEGIN_DECLS

/* The reports the portal offers (GET /api/v1/reports/{report}): one flat row per
 * organization, with the columns' titles for a header row. */
typedef enum {
  PD_REPORT_KIND_ORGANIZATIONS,
  PD_REPORT_KIND_SEAT_USAGE,
  PD_REPORT_KIND_PROTECTION_COVERAGE,
  PD_REPORT_KIND_ACCOUNTS,
  PD_REPORT_KIND_JOBS,
  PD_REPORT_N_KINDS,
} PdReportKind;

/* "organizations", "seat-usage", "protection-coverage", "accounts", "jobs" */
const char   *pd_report_kind_to_key        (PdReportKind kind);
/* Translated: "Organizations", "Seat usage", … */
const char   *pd_report_kind_get_title     (PdReportKind kind);

/* All the rows of one report for one period, every page read. Immutable. */
#define PD_TYPE_REPORT (pd_report_get_type ())
G_DECLARE_FINAL_TYPE (PdReport, pd_report, PD, REPORT, GObject)

PdReportKind       pd_report_get_kind          (PdReport *self);
PdDashboardPeriod  pd_report_get_period        (PdReport *self);
guint              pd_report_get_n_columns     (PdReport *self);
/* The row member ("seats_total"), its title ("Total seats"), its type ("integer") */
const char        *pd_report_get_column_key    (PdReport *self,
                                                guint     column);
const char        *pd_report_get_column_title  (PdReport *self,
                                                guint     column);
const char        *pd_report_get_column_type   (PdReport *self,
                                                guint     column);
guint              pd_report_get_n_rows        (PdReport *self);
/* The cell as text (whole numbers in decimal, times as the portal wrote them); NULL for null */
const char        *pd_report_get_cell          (PdReport *self,
                                                guint     row,
                                                guint     column);
/* "seat-usage-this_month.csv", as the portal names its own CSV */
char              *pd_report_build_file_name   (PdReport *self);
/* RFC 4180 with a header row of the column titles (see pd-csv.h) */
GBytes            *pd_report_build_csv         (PdReport *self);

/* Reads every page of @kind for @period (500 rows a page). Fails with a PdPortalError:
 * FORBIDDEN naming reports.export, BAD_RESPONSE when a page is not a report page. */
void      pd_report_fetch_async  (PdSession           *session,
                                  PdReportKind         kind,
                                  PdDashboardPeriod    period,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data);
PdReport *pd_report_fetch_finish (PdSession           *session,
                                  GAsyncResult        *result,
                                  GError             **error);

/* An empty report, filled page by page with pd_report_add_page() (the fetch does that; tests
 * may feed it pages of their own) */
PdReport *pd_report_new          (PdReportKind         kind,
                                  PdDashboardPeriod    period);
/* Adds one page (a report page envelope) and returns its next cursor through @next_cursor
 * (NULL on the last page). FALSE with G_IO_ERROR_INVALID_DATA when @page is not one. */
gboolean  pd_report_add_page     (PdReport            *self,
                                  JsonNode            *page,
                                  char               **next_cursor,
                                  GError             **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pd-report.h"
#include "pd-session.h"

G_BEGIN_DECLS

/* Every row of @kind for @period as the app's CSV (RFC 4180, header row; pd_report_build_csv),
 * written to @file, or, with @file NULL, where the user says in the platform file chooser
 * (a portal inside Flatpak) of @parent's window, suggesting the portal's own file name. */
void   pd_report_export_async  (GtkWidget            *parent,
                                PdSession            *session,
                                PdReportKind          kind,
                                PdDashboardPeriod     period,
                                GFile                *file,
                                GCancellable         *cancellable,
                                GAsyncReadyCallback   callback,
                                gpointer              user_data);
/* The file written and how many rows it holds, or NULL: G_IO_ERROR_CANCELLED when the user
 * closed the chooser (show nothing), else a PdPortalError or an I/O error to show */
GFile *pd_report_export_finish (GAsyncResult         *result,
                                guint                *n_rows,
                                GError              **error);

/* What a page's export action does: every row of the report @key ("seat-usage"…) for
 * @period, saved where the user says, then a toast with the rows' count (win.show-toast) or
 * the error (win.show-error). One at a time per @parent: a second click while the rows come
 * would ask twice where to save. An unknown @key does nothing. */
void   pd_report_export_with_chooser (GtkWidget         *parent,
                                      PdSession         *session,
                                      const char        *key,
                                      PdDashboardPeriod  period,
                                      GCancellable      *cancellable);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-overview-page.h"
#include "pd-sync-engine.h"

G_BEGIN_DECLS

enum {
  PD_OVERVIEW_JOB_SUCCESS,
  PD_OVERVIEW_JOB_RUNNING,
  PD_OVERVIEW_JOB_RETRYING,
  PD_OVERVIEW_JOB_WARNING,
  PD_OVERVIEW_JOB_FAILED,
  PD_OVERVIEW_N_JOB_ROWS,
};

enum {
  PD_OVERVIEW_CLIENTS_ACTIVE,
  PD_OVERVIEW_CLIENTS_SUSPENDED,
  PD_OVERVIEW_CLIENTS_UNSUBSCRIBED,
  PD_OVERVIEW_CLIENTS_DELETED,
  PD_OVERVIEW_N_CLIENT_ROWS,
};

struct _PdOverviewPage
{
  AdwBin              parent_instance;

  PdSession          *session;
  GCancellable       *cancellable;        /* the page's life: exports, cache reads */
  GCancellable       *fetch_cancellable;  /* the dashboard being fetched */
  PdSyncEngine       *engine;
  PdDashboardPeriod   period;
  PdDashboard        *dashboard;          /* shown; NULL before the first */
  gboolean            refreshing;
  gboolean            fetch_after_cache;  /* FALSE while the session is not online yet */
  gboolean            refresh_failed;
  char               *reported_error;     /* the last error shown, not repeated every sync */
  gboolean            attention_expanded;
  guint               tick_id;

  /* pd-overview-clients.c: live views of the organizations model */
  GtkCustomFilter    *unmapped_filter;
  GtkFilterListModel *unmapped;
  GtkCustomFilter    *needs_auth_filter;
  GtkFilterListModel *needs_auth;
  GtkWidget          *unmapped_dialog;    /* weak */

  GtkRevealer        *unmapped_revealer;
  GtkLabel           *unmapped_label;
  GtkLabel           *unmapped_label_narrow;
  GtkStack           *stack;
  GtkSpinner         *spinner;
  AdwStatusPage      *error_page;
  GtkLabel           *headline_label;
  GtkLabel           *status_label;
  GtkDropDown        *period_dropdown;
  GtkButton          *refresh_button;
  GtkMenuButton      *export_button;
  GtkFlowBox         *cards;
  GtkLabel           *jobs_period_label;
  GtkGrid            *jobs_grid;
  GtkLabel           *seats_managed_label;
  GtkLabel           *seats_total_label;
  GtkWidget          *seat_gauge;
  GtkLabel           *seats_detail_label;
  GtkLabel           *coverage_label;
  GtkLevelBar        *coverage_bar;
  GtkLabel           *coverage_detail_label;
  GtkLabel           *account_errors_label;
  GtkMenuButton      *needs_auth_button;
  GtkPopover         *needs_auth_popover;
  GtkListView        *needs_auth_view;
  GtkLabel           *clients_total_label;
  GtkGrid            *clients_grid;
  GtkLabel           *attention_count_label;
  GtkStack           *attention_stack;
  GtkListBox         *attention_list;
  GtkButton          *attention_more_button;

  GtkLabel           *job_counts[PD_OVERVIEW_N_JOB_ROWS];
  GtkLabel           *client_counts[PD_OVERVIEW_N_CLIENT_ROWS];
};

/* "12,345" in the user's locale */
char *pd_overview_format_count          (gint64          count);
/* win.show-error, unless @message is the one shown last */
void  pd_overview_page_report_error     (PdOverviewPage *self,
                                         const char     *title,
                                         const char     *message);

/* pd-overview-paint.c */
void  pd_overview_page_build_count_rows    (PdOverviewPage *self);
void  pd_overview_page_paint_figures       (PdOverviewPage *self,
                                            PdDashboard    *dashboard);
/* From self->dashboard, all items or the first few (attention_expanded) */
void  pd_overview_page_paint_attention     (PdOverviewPage *self);

/* pd-overview-clients.c */
void  pd_overview_page_watch_organizations (PdOverviewPage *self);
void  pd_overview_page_show_unmapped       (PdOverviewPage *self);

G_END_DECLS

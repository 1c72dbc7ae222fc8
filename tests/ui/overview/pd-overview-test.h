/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-dashboard-fetch.h"
#include "pd-models.h"
#include "pd-overview-page-private.h"
#include "pd-ui-test.h"

G_BEGIN_DECLS

/* What the page asked the window for (win.show-client, win.show-error, win.show-toast) */
typedef struct {
  guint  n_show_client;
  char  *client_id;
  char  *service_id;
  guint  n_errors;
  char  *error_message;
  char  *toast;
} Recorded;

extern Recorded recorded;

void            recorded_clear             (void);
/* A window holding a new Overview of @session, with a "win" group that records */
GtkWindow      *overview_window_for        (PdSession         *session,
                                            int                width,
                                            int                height);
GtkWindow      *overview_window            (PdUiTestSession   *test,
                                            int                width,
                                            int                height);
PdOverviewPage *page_of                    (GtkWindow         *window);
/* Until the page shows @period's dashboard and is not refreshing */
void            wait_for_period            (PdOverviewPage    *page,
                                            PdDashboardPeriod  period);
/* As the owner; fails the test on an error status */
GBytes         *portal_call                (PdUiTestSession   *test,
                                            const char        *method,
                                            const char        *path,
                                            const char        *accept,
                                            const char        *if_match);
JsonNode       *portal_json                (PdUiTestSession   *test,
                                            const char        *path);
/* @label reads @count as the page formats it */
void            assert_label_count         (GtkLabel          *label,
                                            gint64             count);
/* An integer member of @root (or of its object @section) */
gint64          member                     (JsonNode          *root,
                                            const char        *section,
                                            const char        *name);

G_END_DECLS

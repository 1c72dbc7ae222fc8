/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pd-session.h"

G_BEGIN_DECLS

/* One client: its header (name, ID, domain and what describes it, as chips), the actions
 * the role allows, its services as large tiles and the accounts of every service in one
 * table with filters, search, sorting and bulk protection. */
#define PD_TYPE_CLIENT_PAGE (pd_client_page_get_type ())
G_DECLARE_FINAL_TYPE (PdClientPage, pd_client_page, PD, CLIENT_PAGE, GtkWidget)

/* @service_id: the service whose accounts to show first, or NULL (or "") for all */
GtkWidget  *pd_client_page_new                 (PdSession    *session,
                                                const char   *organization_id,
                                                const char   *service_id);
/* The client's name, for the header bar (property "title") */
const char *pd_client_page_get_title           (PdClientPage *self);
/* The accounts as shown (filtered and sorted) as CSV, header row first */
GBytes     *pd_client_page_build_accounts_csv  (PdClientPage *self);

G_END_DECLS

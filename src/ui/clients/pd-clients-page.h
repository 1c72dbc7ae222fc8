/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pd-session.h"

G_BEGIN_DECLS

/* The Clients page: every client of the session as a section of service tiles, with search,
 * filters, sort, saved views, keyboard navigation between tiles, and CSV export. */
#define PD_TYPE_CLIENTS_PAGE (pd_clients_page_get_type ())
G_DECLARE_FINAL_TYPE (PdClientsPage, pd_clients_page, PD, CLIENTS_PAGE, AdwBin)

GtkWidget *pd_clients_page_new       (PdSession     *session);
PdSession *pd_clients_page_get_session (PdClientsPage *self);
/* The CSV of the clients as currently filtered and sorted, one row per client */
GBytes    *pd_clients_page_build_csv (PdClientsPage *self);

G_END_DECLS

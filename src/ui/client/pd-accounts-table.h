/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pd-session.h"

G_BEGIN_DECLS

/* A client's accounts of every service in one GtkColumnView: type and status filters,
 * search, sorting by every column, loading and empty states, and bulk protect / pause /
 * unprotect on a multi-selection. Part of PdClientPage. */
#define PD_TYPE_ACCOUNTS_TABLE (pd_accounts_table_get_type ())
G_DECLARE_FINAL_TYPE (PdAccountsTable, pd_accounts_table, PD, ACCOUNTS_TABLE, GtkWidget)

/* @services: the client's PdService list (updated in place). Fetches their accounts unless
 * a restriction is set first. */
void        pd_accounts_table_setup              (PdAccountsTable *self,
                                                  PdSession       *session,
                                                  const char      *organization_id,
                                                  GListModel      *services);
/* Why the accounts cannot be shown (reseller, missing permission), or NULL */
void        pd_accounts_table_set_restriction    (PdAccountsTable *self,
                                                  const char      *title,
                                                  const char      *description);
/* Whether the role may change protection; otherwise the selection bar says why. */
void        pd_accounts_table_set_can_protect    (PdAccountsTable *self,
                                                  gboolean         can_protect);
/* NULL: every service. Notifies "focus-service". */
void        pd_accounts_table_set_focus_service  (PdAccountsTable *self,
                                                  const char      *service_id);
const char *pd_accounts_table_get_focus_service  (PdAccountsTable *self);
/* Fetches every service's accounts again. */
void        pd_accounts_table_refresh            (PdAccountsTable *self);
/* Hides the type, service and last-backup columns (a narrow window). */
void        pd_accounts_table_set_narrow         (PdAccountsTable *self,
                                                  gboolean         narrow);
/* The rows as shown: filtered and sorted (PdAccount items) */
GListModel *pd_accounts_table_get_visible        (PdAccountsTable *self);
/* Every row of every service, unfiltered */
GListModel *pd_accounts_table_get_all            (PdAccountsTable *self);
/* The visible rows as CSV (RFC 4180, header row) */
GBytes     *pd_accounts_table_build_csv          (PdAccountsTable *self);
/* Moves the keyboard focus into the search (Ctrl+F) */
void        pd_accounts_table_focus_search       (PdAccountsTable *self);
/* Whether a fetch is under way */
gboolean    pd_accounts_table_get_loading        (PdAccountsTable *self);

G_END_DECLS

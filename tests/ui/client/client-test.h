/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers of the client page tests: the page in a test window whose "win" actions are
 * recorded, waits for the lazy fetch, and checks over the rows as shown. */
#pragma once

#include "pd-account.h"
#include "pd-account-page.h"
#include "pd-accounts-table.h"
#include "pd-client-page.h"
#include "pd-service-tile.h"
#include "pd-ui-test.h"

G_BEGIN_DECLS

typedef struct
{
  PdUiTestSession    *test;     /* borrowed */
  GtkWindow          *window;
  GtkWidget          *page;
  PdAccountsTable    *table;
  GSimpleActionGroup *actions;  /* "win": show-account, show-error, show-toast, … */
  GPtrArray          *log;      /* "show-toast 'Protected 2 accounts'", … */
} ClientTest;

/* Like pd_ui_test_session_new(), for roles whose sync cannot complete (finance may not read
 * some lists): waits for /me and @n_organizations clients instead of "up to date". */
PdUiTestSession *client_test_session_new_partial (const char *role,
                                                  guint       n_organizations);

ClientTest *client_test_new                 (PdUiTestSession *test,
                                             const char      *organization_id,
                                             const char      *service_id,
                                             int              width,
                                             int              height);
/* An account page in the same kind of window (table is NULL) */
ClientTest *client_test_new_account         (PdUiTestSession *test,
                                             const char      *organization_id,
                                             const char      *service_id,
                                             const char      *account_id);
void        client_test_free                (ClientTest      *t);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClientTest, client_test_free)

void        client_test_wait_loaded         (ClientTest      *t);
/* The accounts of every service of the client, as the session has them */
guint       client_test_count_accounts      (ClientTest      *t);
/* The last recorded "win" action, or NULL; and whether any starts with @prefix */
const char *client_test_last_action         (ClientTest      *t);
const char *client_test_find_action         (ClientTest      *t,
                                             const char      *prefix);
void        client_test_wait_action         (ClientTest      *t,
                                             const char      *prefix);

typedef gboolean (*ClientTestPredicate) (PdAccount *account, gconstpointer data);
gboolean    client_test_is_service          (PdAccount *account, gconstpointer service_id);
gboolean    client_test_is_kind             (PdAccount *account, gconstpointer kind);
gboolean    client_test_is_protection       (PdAccount *account, gconstpointer protection);
gboolean    client_test_matches_search      (PdAccount *account, gconstpointer text);
void        client_test_assert_visible      (ClientTest          *t,
                                             ClientTestPredicate  predicate,
                                             gconstpointer        data);
gboolean    client_test_visible_contains    (ClientTest      *t,
                                             const char      *account_id);
/* Selects exactly the visible rows of @ids (NULL-terminated) */
void        client_test_select_ids          (ClientTest      *t,
                                             const char * const *ids);
/* Runs "accounts.bulk" (protect, pause, unprotect) as the selection bar's buttons do */
void        client_test_bulk                (ClientTest      *t,
                                             const char      *action);
/* The account of @service_id, as the session lists it */
PdAccount  *client_test_lookup_account      (ClientTest      *t,
                                             const char      *organization_id,
                                             const char      *service_id,
                                             const char      *account_id);
/* Waits until the session's account has @protection */
void        client_test_wait_protection     (ClientTest      *t,
                                             const char      *organization_id,
                                             const char      *service_id,
                                             const char      *account_id,
                                             PdAccountProtection protection);
/* Selects the visible rows @from .. @from + @n - 1 */
void        client_test_select              (ClientTest      *t,
                                             guint            from,
                                             guint            n);

int         client_test_compare_name        (gconstpointer a, gconstpointer b);
int         client_test_compare_type        (gconstpointer a, gconstpointer b);
int         client_test_compare_service     (gconstpointer a, gconstpointer b);
int         client_test_compare_protection  (gconstpointer a, gconstpointer b);
int         client_test_compare_backup      (gconstpointer a, gconstpointer b);
int         client_test_compare_last_backup (gconstpointer a, gconstpointer b);
void        client_test_assert_sorted       (ClientTest      *t,
                                             GCompareFunc     compare,
                                             gboolean         descending);
gboolean    client_test_type_column_visible (gpointer         t);
/* A column of the table by its title ("Type") */
GtkColumnViewColumn *client_test_column     (ClientTest      *t,
                                             const char      *title);

G_END_DECLS

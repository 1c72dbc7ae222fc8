/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers of the session tests: the async calls run to completion on the main loop, and
 * bounded waits for what the session does in the background. */
#pragma once

#include <gio/gio.h>

#include "pd-account-registry.h"
#include "pd-credentials.h"
#include "pd-session.h"

G_BEGIN_DECLS

/* Generous: a sanitizer build on a shared machine is slow. Not a timed assertion. */
#define PD_SESSION_TEST_TIMEOUT_MS 120000

gboolean       pd_session_test_keyring_ready   (void);
void           pd_session_test_remove_tree     (const char        *path);
PdAccountInfo *pd_session_test_sign_in_key     (PdAccountRegistry *registry,
                                                const char        *base_url,
                                                const char        *key);
void           pd_session_test_start           (PdSession         *session);
void           pd_session_test_sign_out        (PdSession         *session);
void           pd_session_test_remove          (PdSession         *session);
void           pd_session_test_wait_state      (PdSession         *session,
                                                PdSyncState        state);
void           pd_session_test_wait_items      (GListModel        *model,
                                                guint              n_items);
void           pd_session_test_wait_me         (PdSession         *session);
void           pd_session_test_wait_auth_error (PdSession         *session);
char          *pd_session_test_lookup_secret   (const char        *account_id,
                                                PdCredentialKind   kind);
void           pd_session_test_clear_secret    (const char        *account_id);
/* Runs the main loop until @check (@data) is TRUE; fails the test after the timeout. */
void           pd_session_test_wait_for        (gboolean         (*check) (gpointer data),
                                                gpointer           data,
                                                const char        *what);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A real reference portal (PD_PORTAL_BIN) started on loopback for one test. */
typedef struct _PdTestPortal PdTestPortal;

/* @args: extra portal options (NULL-terminated, may be NULL), e.g. "--seed", "200".
 * The rate limit is off unless @args set one. Aborts the test when the portal won't start. */
PdTestPortal *pd_test_portal_start          (const char * const *args);
/* Same, keeping its database in @database (a restart reuses it). */
PdTestPortal *pd_test_portal_start_with_db  (const char         *database,
                                             const char * const *args);
/* "http://127.0.0.1:PORT" */
const char   *pd_test_portal_get_url        (PdTestPortal       *self);
/* The demo API key of a role: owner, super_admin, admin, support, finance, technician,
 * scoped_admin */
const char   *pd_test_portal_get_key        (PdTestPortal       *self,
                                             const char         *role);
/* SIGTERM and wait; frees @self. */
void          pd_test_portal_stop           (PdTestPortal       *self);
/* SIGKILL and wait (the "portal went away" case); frees @self. */
void          pd_test_portal_kill           (PdTestPortal       *self);

/* Runs the default main context until @done is TRUE or @timeout_ms passed (then fails). */
void          pd_test_wait_until            (const gboolean     *done,
                                             guint               timeout_ms);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdTestPortal, pd_test_portal_stop)

G_END_DECLS

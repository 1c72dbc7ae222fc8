/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-portal-client.h"
#include "pd-test-portal.h"

G_BEGIN_DECLS

/* A PdPortalAuth handing out fixed tokens: each get_token returns the next one of @tokens,
 * then the last one again; token_rejected is counted. */
#define PD_TYPE_TEST_AUTH (pd_test_auth_get_type ())
G_DECLARE_FINAL_TYPE (PdTestAuth, pd_test_auth, PD, TEST_AUTH, GObject)

PdTestAuth       *pd_test_auth_new            (const char * const *tokens);
guint             pd_test_auth_get_rejected   (PdTestAuth         *self);
guint             pd_test_auth_get_handed_out (PdTestAuth         *self);

/* A client for @portal signed in with the demo key of @role (NULL: no auth), with short
 * retry limits. */
PdPortalClient   *pd_api_test_client_new      (PdTestPortal       *portal,
                                               const char         *role);
/* Sends and waits on the default main context. */
PdPortalResponse *pd_api_test_send            (PdPortalClient     *client,
                                               PdPortalRequest    *request,
                                               GCancellable       *cancellable,
                                               GError            **error);
/* Parses a JSON literal (test data) */
JsonNode         *pd_api_test_json            (const char         *text);

/* Call after g_test_init(). Every log line of the process from now on is kept (all of its fields, as text); debug
 * messages are kept, not printed. */
void              pd_api_test_capture_logs    (void);
void              pd_api_test_clear_logs      (void);
GPtrArray        *pd_api_test_get_logs        (void);
guint             pd_api_test_count_logs      (const char         *substring);

G_END_DECLS

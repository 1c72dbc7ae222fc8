/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "pd-cache.h"
#include "pd-portal-client.h"
#include "pd-resource-kind.h"
#include "pd-resource-list.h"
#include "pd-sync-engine.h"

G_BEGIN_DECLS

/* A client for @url with the owner's @key and short retry limits */
PdPortalClient *sync_test_client_new       (const char            *url,
                                            const char            *key);
/* A fresh, opened cache in a new temporary directory (removed by sync_test_remove_dir) */
PdCache        *sync_test_cache_new        (char                 **directory);
PdCache        *sync_test_cache_open       (const char            *directory);
void            sync_test_remove_dir       (const char            *directory);

/* Runs a sync and waits; returns whether it succeeded, @error optional */
gboolean        sync_test_run              (PdSyncEngine          *engine,
                                            gboolean               full,
                                            GError               **error);
gboolean        sync_test_load_cached      (PdSyncEngine          *engine,
                                            GError               **error);
gboolean        sync_test_fetch_accounts   (PdSyncEngine          *engine,
                                            const char            *organization_id,
                                            const char            *service_id,
                                            PdResourceList        *into,
                                            GError               **error);

/* The portal's list as id → updated_at (text), walked page by page through @client, each
 * page retried until it comes (faulty portals) */
GHashTable     *sync_test_fetch_direct     (PdPortalClient        *client,
                                            const char            *path);
/* One request, retried until it is answered; NULL for an error answer (4xx) */
JsonNode       *sync_test_request          (PdPortalClient        *client,
                                            const char            *method,
                                            const char            *path,
                                            JsonNode              *body,
                                            const char            *if_match);
/* Asserts @list holds exactly @expected (ids and updated_at) */
void            sync_test_assert_matches   (PdResourceList        *list,
                                            GHashTable            *expected);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pd-cache.h"
#include "pd-portal-client.h"
#include "pd-resource-kind.h"
#include "pd-resource-list.h"

G_BEGIN_DECLS

typedef enum {
  PD_SYNC_STATE_IDLE,        /* nothing tried yet */
  PD_SYNC_STATE_SYNCING,
  PD_SYNC_STATE_UP_TO_DATE,
  PD_SYNC_STATE_OFFLINE,     /* see offline-since; tried again by itself */
  PD_SYNC_STATE_FAILED,      /* see error */
} PdSyncState;

#define PD_TYPE_SYNC_STATE (pd_sync_state_get_type ())
GType pd_sync_state_get_type (void) G_GNUC_CONST;

/* Keeps the registered PdResourceLists and the cache in step with the portal: a full walk
 * of every list (limit 500, page by page), later only what changed since the last walk
 * (updated_since + tombstones), and a periodic refresh. Lists are updated in place page by
 * page, so the UI shows progress; what the portal no longer lists is removed at the end of
 * a full sync. JSON is decoded on the cache's thread, never on the main loop. At most four
 * requests are in flight; a list that fails does not stop the others. Main thread only. */
#define PD_TYPE_SYNC_ENGINE (pd_sync_engine_get_type ())
G_DECLARE_FINAL_TYPE (PdSyncEngine, pd_sync_engine, PD, SYNC_ENGINE, GObject)

PdSyncEngine *pd_sync_engine_new                  (PdPortalClient       *client,
                                                   PdCache              *cache);
/* Registers a top-level list (not accounts: see fetch_accounts) */
void          pd_sync_engine_add_list             (PdSyncEngine         *self,
                                                   const PdResourceKind *kind,
                                                   PdResourceList       *list);
/* Fills every registered list from the cache, without any network */
void          pd_sync_engine_load_cached_async    (PdSyncEngine         *self,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean      pd_sync_engine_load_cached_finish   (PdSyncEngine         *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);
/* Syncs every registered list: @full walks everything; otherwise lists that completed a
 * sync before get only the changes. A call during a sync is answered by one more sync after
 * it (the running one may have read the lists before the caller's change); the calls during
 * one sync share that next one. Fails with the first list's error (the other lists are
 * still synced). */
void          pd_sync_engine_sync_async           (PdSyncEngine         *self,
                                                   gboolean              full,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean      pd_sync_engine_sync_finish          (PdSyncEngine         *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);
/* Periodic refresh (a delta sync); 0 turns it off. The session reads it from GSettings. */
void          pd_sync_engine_set_interval         (PdSyncEngine         *self,
                                                   guint                 seconds);
guint         pd_sync_engine_get_interval         (PdSyncEngine         *self);
/* Fills @into with the cached accounts of one service at once, then with the portal's,
 * and caches them. Completes when @into matches the portal. */
void          pd_sync_engine_fetch_accounts_async (PdSyncEngine         *self,
                                                   const char           *organization_id,
                                                   const char           *service_id,
                                                   PdResourceList       *into,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean      pd_sync_engine_fetch_accounts_finish (PdSyncEngine        *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);

PdSyncState   pd_sync_engine_get_state            (PdSyncEngine         *self);
/* 0 to 1 while syncing; the portal gives no totals, so it is an estimate */
double        pd_sync_engine_get_progress         (PdSyncEngine         *self);
/* Translated, for a status line: "Updating clients…", "Up to date", "Offline since 14:02" */
const char   *pd_sync_engine_get_status_text      (PdSyncEngine         *self);
/* When the portal became unreachable, or NULL */
GDateTime    *pd_sync_engine_get_offline_since    (PdSyncEngine         *self);
/* Why the last sync failed (translated), or NULL */
const char   *pd_sync_engine_get_error            (PdSyncEngine         *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-sync-engine.h"

G_BEGIN_DECLS

#define PD_SYNC_PAGE_LIMIT     500
#define PD_SYNC_MAX_IN_FLIGHT  4
/* Pages of one walk fetched but not stored yet: one decoding, one inserting, one arriving */
#define PD_SYNC_PAGES_AHEAD    3

/* One walk of one list (pd-sync-walk.c): reads the list's sync state, fetches its pages
 * (the next one while the previous is stored), applies each stored page to @list, sweeps
 * after a full walk and records the new state. Completes with TRUE or the list's error. */
void     pd_sync_walk_async     (PdSyncEngine         *engine,
                                 const PdResourceKind *kind,
                                 const char           *organization_id,
                                 const char           *parent_id,
                                 PdResourceList       *list,
                                 gboolean              full,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data);
gboolean pd_sync_walk_finish    (PdSyncEngine         *engine,
                                 GAsyncResult         *result,
                                 GError              **error);

/* Shared with the walks (pd-sync-engine.c) */
PdPortalClient *pd_sync_engine_get_client (PdSyncEngine *self);
PdCache        *pd_sync_engine_get_cache  (PdSyncEngine *self);
/* The @index-th registered list; FALSE past the end */
gboolean        pd_sync_engine_get_entry  (PdSyncEngine          *self,
                                           guint                  index,
                                           const PdResourceKind **kind,
                                           PdResourceList       **list);
/* Request slots: at most PD_SYNC_MAX_IN_FLIGHT across every walk. @func runs (maybe at
 * once) when a slot is free; the holder gives it back with release_slot. */
void            pd_sync_engine_acquire_slot (PdSyncEngine *self,
                                             GSourceFunc   func,
                                             gpointer      data);
void            pd_sync_engine_release_slot (PdSyncEngine *self);
/* A walk stored items or learned more about its size; updates the progress */
void            pd_sync_engine_walk_progress (PdSyncEngine *self,
                                              gint          stored_delta,
                                              gint          expected_delta);

G_END_DECLS

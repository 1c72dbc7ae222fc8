/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "pd-cache.h"
#include "pd-resource-kind.h"
#include "pd-resource.h"

G_BEGIN_DECLS

/* Cached lists on top of PdCache. A list is a PdResourceKind plus a parent id (the service
 * of an accounts list; NULL for top-level lists). Rows keep the portal's order: an update
 * keeps its place, a new id goes to the end. JSON is decoded into PdResources on the
 * database thread, so the main thread only applies ready objects. */

/* Completes with a GPtrArray of PdResource (owned, free with g_ptr_array_unref) in the
 * portal's order. Rows that no longer decode are dropped, logged, and make the next sync
 * of the list a full one. */
void       pd_cache_load_list_async        (PdCache              *self,
                                            const PdResourceKind *kind,
                                            const char           *parent_id,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
GPtrArray *pd_cache_load_list_finish       (PdCache              *self,
                                            GAsyncResult         *result,
                                            GError              **error);

/* A page of a list as the portal sent it */
typedef struct {
  GPtrArray *items;        /* the decoded items (PdResource, owned) in page order */
  GStrv      deleted;      /* the tombstones' ids; never NULL */
  char      *next_cursor;  /* NULL on the last page */
  char      *server_time;
} PdCacheStoredPage;

void pd_cache_stored_page_free (PdCacheStoredPage *page);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdCacheStoredPage, pd_cache_stored_page_free)

/* Stores one page from its JSON text (@body, a list envelope) without building a tree of the
 * whole page: the items are parsed one by one in parallel and stored as the text they came
 * as. Fails with G_IO_ERROR_INVALID_DATA when @body is not a list page. */
void               pd_cache_store_page_text_async  (PdCache              *self,
                                                    const PdResourceKind *kind,
                                                    const char           *parent_id,
                                                    GBytes               *body,
                                                    gint64                generation,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
PdCacheStoredPage *pd_cache_store_page_text_finish (PdCache              *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

/* The end of a full sync: removes every row of the list not marked with @generation and
 * completes with their ids (NULL-terminated GStrv, possibly empty). */
void       pd_cache_sweep_async            (PdCache              *self,
                                            const PdResourceKind *kind,
                                            const char           *parent_id,
                                            gint64                generation,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
GStrv      pd_cache_sweep_finish           (PdCache              *self,
                                            GAsyncResult         *result,
                                            GError              **error);

/* Removes @ids (NULL-terminated) from the list */
void       pd_cache_apply_tombstones_async (PdCache              *self,
                                            const PdResourceKind *kind,
                                            const char           *parent_id,
                                            const char * const   *ids,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean   pd_cache_apply_tombstones_finish (PdCache             *self,
                                             GAsyncResult        *result,
                                             GError             **error);

/* Where a list's sync stands */
typedef struct {
  char   *server_time;  /* the first page's server_time of the last complete sync, or NULL
                         * when the list never completed one (then: full sync) */
  gint64  generation;   /* mark of the last full sync, 0 before the first */
  gint64  synced_at;    /* g_get_real_time() of the last complete sync, 0 if never */
} PdCacheSyncState;

void              pd_cache_sync_state_free      (PdCacheSyncState *state);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdCacheSyncState, pd_cache_sync_state_free)

/* Never NULL on success: a list never synced has zeros */
void              pd_cache_get_sync_state_async  (PdCache              *self,
                                                  const PdResourceKind *kind,
                                                  const char           *parent_id,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
PdCacheSyncState *pd_cache_get_sync_state_finish (PdCache              *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
/* Records a completed sync (synced_at = now) */
void              pd_cache_set_sync_state_async  (PdCache              *self,
                                                  const PdResourceKind *kind,
                                                  const char           *parent_id,
                                                  const char           *server_time,
                                                  gint64                generation,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean          pd_cache_set_sync_state_finish (PdCache              *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

/* Named JSON documents for singletons: "me", "partner", "notification-settings" …
 * Never store a secret in one. @node: transfer full. */
void      pd_cache_store_document_async  (PdCache             *self,
                                          const char          *name,
                                          JsonNode            *node,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean  pd_cache_store_document_finish (PdCache             *self,
                                          GAsyncResult        *result,
                                          GError             **error);
/* Completes with the parsed document (owned), or NULL without error when absent */
void      pd_cache_load_document_async   (PdCache             *self,
                                          const char          *name,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
JsonNode *pd_cache_load_document_finish  (PdCache             *self,
                                          GAsyncResult        *result,
                                          GError             **error);

G_END_DECLS

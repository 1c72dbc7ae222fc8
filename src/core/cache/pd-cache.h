/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define PD_CACHE_ERROR (pd_cache_error_quark ())
typedef enum {
  PD_CACHE_ERROR_OPEN,      /* the file cannot be created or opened (disk full, permissions) */
  PD_CACHE_ERROR_CORRUPT,   /* only ever reported through the recovery message */
  PD_CACHE_ERROR_TOO_NEW,   /* written by a newer Partner Desk (user_version ahead) */
  PD_CACHE_ERROR_SQL,       /* a statement failed */
  PD_CACHE_ERROR_CLOSED,
} PdCacheError;
GQuark pd_cache_error_quark (void);

/* One SQLite database per account, used from exactly one thread that the cache owns.
 * Every job runs there in submission order; its result is delivered on the thread-default
 * main context of whoever submitted it. WAL, foreign keys, migrations by user_version.
 * Storage on top of it: pd-cache-resources.h (cached lists, sync state),
 * pd-outbox-store.h (outbox rows). */
#define PD_TYPE_CACHE (pd_cache_get_type ())
G_DECLARE_FINAL_TYPE (PdCache, pd_cache, PD, CACHE, GObject)

/* Runs on the database thread. Return a result through pd_cache_job_return_*(); returning
 * FALSE with @error set fails the task. Statements are prepared through
 * pd_cache_job_prepare() so they are cached for the life of the connection. */
typedef struct _PdCacheJob PdCacheJob;
typedef gboolean (*PdCacheJobFunc) (PdCacheJob  *job,
                                    sqlite3     *db,
                                    gpointer     data,
                                    GError     **error);

PdCache    *pd_cache_new                  (const char          *path);
const char *pd_cache_get_path             (PdCache             *self);
/* Opens (creating), migrates, and on corruption moves the file aside as
 * "<path>.corrupt-<time>" and starts empty. */
void        pd_cache_open_async           (PdCache             *self,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
/* @recovery_message: set (translated, for the UI) when the old cache had to be moved aside */
gboolean    pd_cache_open_finish          (PdCache             *self,
                                           GAsyncResult        *result,
                                           char               **recovery_message,
                                           GError             **error);
/* Blocking variant for tests and crash-restart helpers. */
gboolean    pd_cache_open_sync            (PdCache             *self,
                                           char               **recovery_message,
                                           GError             **error);
/* Queues @func on the database thread, inside a transaction (committed when it returns
 * TRUE, rolled back otherwise). @data is freed with @destroy after it ran, on that thread. */
void        pd_cache_run_async            (PdCache             *self,
                                           PdCacheJobFunc       func,
                                           gpointer             data,
                                           GDestroyNotify       destroy,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
/* Returns the job's pointer result (ownership to the caller), or NULL with @error set */
gpointer    pd_cache_run_finish           (PdCache             *self,
                                           GAsyncResult        *result,
                                           GError             **error);
/* Runs @func on the database thread and waits (never from the main thread of the UI). */
gpointer    pd_cache_run_sync             (PdCache             *self,
                                           PdCacheJobFunc       func,
                                           gpointer             data,
                                           GError             **error);
/* Copies what the write-ahead log holds into the database file, in the background after
 * the queued jobs, without waiting for readers (SQLite's passive checkpoint). Writers do
 * not do it on the way past a few MB any more (see pd-cache-open.c): the sync engine calls
 * this when a sync is over, so a full sync does not stop to copy every page twice. */
void        pd_cache_checkpoint           (PdCache             *self);
/* Finishes queued jobs, then closes the connection. */
void        pd_cache_close                (PdCache             *self);

sqlite3_stmt *pd_cache_job_prepare        (PdCacheJob          *job,
                                           const char          *sql,
                                           GError             **error);
void          pd_cache_job_return_pointer (PdCacheJob          *job,
                                           gpointer             result,
                                           GDestroyNotify       destroy);
/* Turns the connection's last failure into PD_CACHE_ERROR_SQL */
void          pd_cache_job_set_sql_error  (PdCacheJob          *job,
                                           GError             **error);

G_END_DECLS

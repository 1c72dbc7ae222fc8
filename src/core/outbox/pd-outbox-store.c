/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pd-outbox-store.h"

/* Rows of the outbox table, read and written by jobs on the cache's database thread. */

PdOutboxRow *
pd_outbox_row_new (void)
{
  return g_new0 (PdOutboxRow, 1);
}

PdOutboxRow *
pd_outbox_row_copy (const PdOutboxRow *row)
{
  PdOutboxRow *copy = g_new0 (PdOutboxRow, 1);

  *copy = *row;
  copy->idempotency_key = g_strdup (row->idempotency_key);
  copy->method = g_strdup (row->method);
  copy->path = g_strdup (row->path);
  copy->body = g_strdup (row->body);
  copy->if_match = g_strdup (row->if_match);
  copy->description = g_strdup (row->description);
  copy->state = g_strdup (row->state);
  copy->last_error = g_strdup (row->last_error);
  copy->theirs = g_strdup (row->theirs);
  return copy;
}

void
pd_outbox_row_free (PdOutboxRow *row)
{
  if (row == NULL)
    return;
  g_free (row->idempotency_key);
  g_free (row->method);
  g_free (row->path);
  g_free (row->body);
  g_free (row->if_match);
  g_free (row->description);
  g_free (row->state);
  g_free (row->last_error);
  g_free (row->theirs);
  g_free (row);
}

/* Jobs that only succeed or fail return this instead of a pointer. */
#define DONE GINT_TO_POINTER (1)

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static gboolean
step_done (PdCacheJob    *job,
           sqlite3       *db,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      pd_cache_job_set_sql_error (job, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
insert_job (PdCacheJob  *job,
            sqlite3     *db,
            gpointer     data,
            GError     **error)
{
  const PdOutboxRow *row = data;
  sqlite3_stmt *stmt = pd_cache_job_prepare (job,
      "INSERT INTO outbox (idempotency_key, method, path, body, if_match, description, state, "
      "attempts, last_error, theirs, created_at, updated_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)", error);
  gint64 *id;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, row->idempotency_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, row->method, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, row->path, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, row->body, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, row->if_match, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, row->description ? row->description : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, row->state ? row->state : "pending", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, row->attempts);
  sqlite3_bind_text (stmt, 9, row->last_error, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, row->theirs, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 11, g_get_real_time ());
  if (!step_done (job, db, stmt, error))
    return FALSE;
  id = g_new (gint64, 1);
  *id = sqlite3_last_insert_rowid (db);
  pd_cache_job_return_pointer (job, id, g_free);
  return TRUE;
}

void
pd_outbox_store_insert_async (PdCache             *cache,
                              const PdOutboxRow   *row,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  pd_cache_run_async (cache, insert_job, pd_outbox_row_copy (row), (GDestroyNotify) pd_outbox_row_free,
                      cancellable, callback, user_data);
}

gint64
pd_outbox_store_insert_finish (PdCache       *cache,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_autofree gint64 *id = pd_cache_run_finish (cache, result, error);

  return id != NULL ? *id : 0;
}

static gboolean
load_job (PdCacheJob  *job,
          sqlite3     *db,
          gpointer     data,
          GError     **error)
{
  sqlite3_stmt *stmt = pd_cache_job_prepare (job,
      "SELECT id, idempotency_key, method, path, body, if_match, description, state, attempts, "
      "last_error, theirs, created_at, updated_at FROM outbox ORDER BY id", error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_outbox_row_free);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PdOutboxRow *row = pd_outbox_row_new ();

      row->id = sqlite3_column_int64 (stmt, 0);
      row->idempotency_key = column_text (stmt, 1);
      row->method = column_text (stmt, 2);
      row->path = column_text (stmt, 3);
      row->body = column_text (stmt, 4);
      row->if_match = column_text (stmt, 5);
      row->description = column_text (stmt, 6);
      row->state = column_text (stmt, 7);
      row->attempts = sqlite3_column_int64 (stmt, 8);
      row->last_error = column_text (stmt, 9);
      row->theirs = column_text (stmt, 10);
      row->created_at = sqlite3_column_int64 (stmt, 11);
      row->updated_at = sqlite3_column_int64 (stmt, 12);
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      pd_cache_job_set_sql_error (job, error);
      return FALSE;
    }
  pd_cache_job_return_pointer (job, g_steal_pointer (&rows), (GDestroyNotify) g_ptr_array_unref);
  return TRUE;
}

void
pd_outbox_store_load_async (PdCache             *cache,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  pd_cache_run_async (cache, load_job, NULL, NULL, cancellable, callback, user_data);
}

GPtrArray *
pd_outbox_store_load_finish (PdCache       *cache,
                             GAsyncResult  *result,
                             GError       **error)
{
  return pd_cache_run_finish (cache, result, error);
}

static gboolean
update_job (PdCacheJob  *job,
            sqlite3     *db,
            gpointer     data,
            GError     **error)
{
  const PdOutboxRow *row = data;
  sqlite3_stmt *stmt = pd_cache_job_prepare (job,
      "UPDATE outbox SET idempotency_key = ?2, method = ?3, path = ?4, body = ?5, if_match = ?6, "
      "description = ?7, state = ?8, attempts = ?9, last_error = ?10, theirs = ?11, updated_at = ?12 "
      "WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row->id);
  sqlite3_bind_text (stmt, 2, row->idempotency_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, row->method, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, row->path, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, row->body, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, row->if_match, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, row->description ? row->description : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, row->state ? row->state : "pending", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 9, row->attempts);
  sqlite3_bind_text (stmt, 10, row->last_error, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, row->theirs, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 12, g_get_real_time ());
  if (!step_done (job, db, stmt, error))
    return FALSE;
  pd_cache_job_return_pointer (job, DONE, NULL);
  return TRUE;
}

void
pd_outbox_store_update_async (PdCache             *cache,
                              const PdOutboxRow   *row,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  pd_cache_run_async (cache, update_job, pd_outbox_row_copy (row), (GDestroyNotify) pd_outbox_row_free,
                      cancellable, callback, user_data);
}

static gboolean
delete_job (PdCacheJob  *job,
            sqlite3     *db,
            gpointer     data,
            GError     **error)
{
  sqlite3_stmt *stmt = pd_cache_job_prepare (job, "DELETE FROM outbox WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, *(gint64 *) data);
  if (!step_done (job, db, stmt, error))
    return FALSE;
  pd_cache_job_return_pointer (job, DONE, NULL);
  return TRUE;
}

void
pd_outbox_store_delete_async (PdCache             *cache,
                              gint64               id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  pd_cache_run_async (cache, delete_job, g_memdup2 (&id, sizeof id), g_free,
                      cancellable, callback, user_data);
}

gboolean
pd_outbox_store_finish (PdCache       *cache,
                        GAsyncResult  *result,
                        GError       **error)
{
  return pd_cache_run_finish (cache, result, error) != NULL;
}

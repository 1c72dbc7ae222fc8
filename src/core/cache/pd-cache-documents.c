/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pd-cache-resources.h"

typedef struct {
  char     *name;
  JsonNode *node;
} Document;

static void
document_free (gpointer data)
{
  Document *document = data;

  g_free (document->name);
  g_clear_pointer (&document->node, json_node_unref);
  g_free (document);
}

static gboolean
job_store_document (PdCacheJob  *job,
                    sqlite3     *db,
                    gpointer     data,
                    GError     **error)
{
  Document *document = data;
  g_autofree char *text = json_to_string (document->node, FALSE);
  sqlite3_stmt *stmt = pd_cache_job_prepare (job,
    "INSERT OR REPLACE INTO documents (name, data, updated_at) VALUES (?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, document->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time ());
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      pd_cache_job_set_sql_error (job, error);
      return FALSE;
    }
  pd_cache_job_return_pointer (job, GINT_TO_POINTER (TRUE), NULL);
  return TRUE;
}

static gboolean
job_load_document (PdCacheJob  *job,
                   sqlite3     *db,
                   gpointer     data,
                   GError     **error)
{
  Document *document = data;
  g_autoptr(GError) local = NULL;
  sqlite3_stmt *stmt;
  JsonNode *node;
  int rc;

  stmt = pd_cache_job_prepare (job, "SELECT data FROM documents WHERE name = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, document->name, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    {
      pd_cache_job_set_sql_error (job, error);
      return FALSE;
    }
  node = json_from_string ((const char *) sqlite3_column_text (stmt, 0), &local);
  if (node == NULL)
    {
      /* as if it was never stored: the next sync writes it again */
      g_message ("Dropped the cached document “%s”: %s", document->name,
                 local != NULL ? local->message : "empty");
      return TRUE;
    }
  pd_cache_job_return_pointer (job, node, (GDestroyNotify) json_node_unref);
  return TRUE;
}

void
pd_cache_store_document_async (PdCache             *self,
                               const char          *name,
                               JsonNode            *node,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  Document *document;

  g_return_if_fail (PD_IS_CACHE (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (node != NULL);

  document = g_new0 (Document, 1);
  document->name = g_strdup (name);
  document->node = node;
  pd_cache_run_async (self, job_store_document, document, document_free, cancellable,
                      callback, user_data);
}

gboolean
pd_cache_store_document_finish (PdCache       *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return pd_cache_run_finish (self, result, error) != NULL;
}

void
pd_cache_load_document_async (PdCache             *self,
                              const char          *name,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  Document *document;

  g_return_if_fail (PD_IS_CACHE (self));
  g_return_if_fail (name != NULL);

  document = g_new0 (Document, 1);
  document->name = g_strdup (name);
  pd_cache_run_async (self, job_load_document, document, document_free, cancellable,
                      callback, user_data);
}

JsonNode *
pd_cache_load_document_finish (PdCache       *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return pd_cache_run_finish (self, result, error);
}

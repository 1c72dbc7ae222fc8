/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pd-cache-decode.h"
#include "pd-cache-resources.h"

/* One request against one list; which fields matter depends on the job. */
typedef struct {
  char      *kind;
  GType      type;
  PdOrderKeyFunc order_key;  /* see PdResourceKind */
  char      *parent_id;   /* never NULL: '' for top-level lists */
  GBytes    *body;        /* the page as the portal sent it */
  gboolean   has_text;
  PdCachePage text;       /* where its parts are */
  PdCacheDecoded *decoded; /* its items */
  GError    *error;       /* why it could not be decoded */
  gint64     generation;
  char      *server_time;
  GStrv      ids;
} ListData;

typedef PdCacheStoredPage StoredPage;

static void
list_data_free (gpointer data)
{
  ListData *list = data;

  g_free (list->kind);
  g_free (list->parent_id);
  if (list->decoded != NULL)
    pd_cache_decoded_free (list->decoded, list->text.items->len);
  if (list->has_text)
    pd_cache_page_clear (&list->text);
  g_clear_error (&list->error);
  g_clear_pointer (&list->body, g_bytes_unref);
  g_free (list->server_time);
  g_strfreev (list->ids);
  g_free (list);
}

static ListData *
list_data_new (const PdResourceKind *kind,
               const char           *parent_id)
{
  ListData *list = g_new0 (ListData, 1);

  list->kind = g_strdup (kind->name);
  /* resolved here: class registration is cheap, and the database thread then only
   * creates instances */
  list->type = kind->get_type ();
  list->order_key = kind->order_key;
  list->parent_id = g_strdup (parent_id != NULL ? parent_id : "");
  return list;
}

static void
stored_page_free (gpointer data)
{
  StoredPage *page = data;

  g_clear_pointer (&page->items, g_ptr_array_unref);
  g_strfreev (page->deleted);
  g_free (page->next_cursor);
  g_free (page->server_time);
  g_free (page);
}

static gboolean
step_done (PdCacheJob    *job,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  if (sqlite3_step (stmt) == SQLITE_DONE)
    return TRUE;
  pd_cache_job_set_sql_error (job, error);
  return FALSE;
}

/* Forgets the list's sync position so the next sync walks it whole */
static gboolean
reset_sync_state (PdCacheJob  *job,
                  ListData    *list,
                  GError     **error)
{
  sqlite3_stmt *stmt = pd_cache_job_prepare (job,
    "UPDATE sync_state SET server_time = NULL WHERE kind = ? AND parent_id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, list->kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, list->parent_id, -1, SQLITE_STATIC);
  return step_done (job, stmt, error);
}

/* Rows are read in batches and each batch decoded in parallel (pd-cache-decode.c): at
 * start-up the list is what the window waits for. */
#define LOAD_BATCH 1024

typedef struct {
  GByteArray *text;   /* the batch's rows, one after another */
  GArray     *spans;  /* PdCacheSpan: each row in @text */
  GPtrArray  *ids;    /* each row's id, for the log */
} LoadBatch;

static void
load_batch_clear (LoadBatch *batch)
{
  g_byte_array_set_size (batch->text, 0);
  g_array_set_size (batch->spans, 0);
  g_ptr_array_set_size (batch->ids, 0);
}

/* Decodes @batch into @items; returns how many rows were dropped */
static guint
load_batch_decode (LoadBatch  *batch,
                   ListData   *list,
                   GPtrArray  *items)
{
  guint n = batch->spans->len;
  guint dropped = 0;
  gboolean bad_json;
  PdCacheDecoded *decoded;

  if (n == 0)
    return 0;
  decoded = pd_cache_decode_spans (list->type, list->order_key, (const char *) batch->text->data,
                                   (const PdCacheSpan *) (gpointer) batch->spans->data, n, &bad_json);
  for (guint i = 0; i < n; i++)
    {
      if (decoded[i].resource != NULL)
        {
          g_ptr_array_add (items, g_steal_pointer (&decoded[i].resource));
          continue;
        }
      /* An older or damaged row: the rest of the list is still worth showing */
      g_message ("Dropped cached %s %s: %s", list->kind,
                 (const char *) batch->ids->pdata[i], decoded[i].error->message);
      dropped++;
    }
  pd_cache_decoded_free (decoded, n);
  load_batch_clear (batch);
  return dropped;
}

typedef struct {
  const char *key;
  gpointer    item;
} Keyed;

static int
compare_keyed (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return strcmp (((const Keyed *) a)->key, ((const Keyed *) b)->key);
}

/* @items in their kind's order, by the keys the decoding threads made. Done on the database
 * thread with the keys side by side, which costs a third of what the views' sort models
 * would pay on the main thread, where each comparison reaches into two objects. Stable:
 * equal keys stay as stored. */
static void
sort_by_order_key (GPtrArray *items,
                   ListData  *list)
{
  g_autofree Keyed *keyed = NULL;

  if (list->order_key == NULL || items->len < 2)
    return;
  keyed = g_new (Keyed, items->len);
  for (guint i = 0; i < items->len; i++)
    keyed[i] = (Keyed) { list->order_key (items->pdata[i]), items->pdata[i] };
  g_qsort_with_data (keyed, (gint) items->len, sizeof (Keyed), compare_keyed, NULL);
  for (guint i = 0; i < items->len; i++)
    items->pdata[i] = keyed[i].item;
}

static gboolean
job_load_list (PdCacheJob  *job,
               sqlite3     *db,
               gpointer     data,
               GError     **error)
{
  ListData *list = data;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GByteArray) text = g_byte_array_new ();
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (PdCacheSpan));
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  LoadBatch batch = { text, spans, ids };
  sqlite3_stmt *stmt;
  guint dropped = 0;
  int rc;

  /* In the order they were stored, then in the kind's order (sort_by_order_key); sorting
   * the row ids alone keeps SQLite from copying every row's text into a sorter first. */
  stmt = pd_cache_job_prepare (job,
    "SELECT id, data FROM resources WHERE rowid IN "
    "(SELECT rowid FROM resources WHERE kind = ? AND parent_id = ?) ORDER BY rowid", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, list->kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, list->parent_id, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      /* the rows are the text the portal sent: read as on the sync path, without a tree */
      PdCacheSpan span = { text->len, (gsize) sqlite3_column_bytes (stmt, 1) };
      const guint8 *row = sqlite3_column_text (stmt, 1);

      g_byte_array_append (text, row != NULL ? row : (const guint8 *) "", (guint) span.length);
      g_array_append_val (spans, span);
      g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      if (spans->len == LOAD_BATCH)
        dropped += load_batch_decode (&batch, list, items);
    }
  if (rc != SQLITE_DONE)
    {
      pd_cache_job_set_sql_error (job, error);
      return FALSE;
    }
  dropped += load_batch_decode (&batch, list, items);
  sort_by_order_key (items, list);
  if (dropped > 0 && !reset_sync_state (job, list, error))
    return FALSE;

  pd_cache_job_return_pointer (job, g_steal_pointer (&items), (GDestroyNotify) g_ptr_array_unref);
  return TRUE;
}

static gboolean
delete_ids (PdCacheJob          *job,
            ListData            *list,
            const char * const  *ids,
            GError             **error)
{
  sqlite3_stmt *stmt;

  if (ids == NULL || ids[0] == NULL)
    return TRUE;
  stmt = pd_cache_job_prepare (job,
    "DELETE FROM resources WHERE kind = ? AND parent_id = ? AND id = ?", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; ids[i] != NULL; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, list->kind, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, list->parent_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, ids[i], -1, SQLITE_STATIC);
      if (!step_done (job, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Inserts the decoded items (their text: @spans of @text) into the page's transaction
 * with one prepared statement, and hands the resources to @stored. Frees @decoded. */
static gboolean
insert_decoded (PdCacheJob         *job,
                ListData           *list,
                PdCacheDecoded     *decoded,
                guint               n_items,
                const char         *text,
                const PdCacheSpan  *spans,
                StoredPage         *stored,
                GError            **error)
{
  sqlite3_stmt *stmt;

  if (n_items == 0)
    {
      g_free (decoded);
      return TRUE;
    }
  stmt = pd_cache_job_prepare (job,
    "INSERT INTO resources (kind, parent_id, id, generation, updated_at, data) "
    "VALUES (?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (kind, parent_id, id) DO UPDATE SET generation = excluded.generation, "
    "updated_at = excluded.updated_at, data = excluded.data", error);
  if (stmt == NULL)
    {
      pd_cache_decoded_free (decoded, n_items);
      return FALSE;
    }

  for (guint i = 0; i < n_items; i++)
    {
      g_autofree char *updated_text = NULL;
      PdResource *resource = decoded[i].resource;

      if (resource == NULL)
        continue;
      if (pd_resource_get_updated_at (resource) != NULL)
        updated_text = g_date_time_format_iso8601 (pd_resource_get_updated_at (resource));

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, list->kind, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, list->parent_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, pd_resource_get_id (resource), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, list->generation);
      sqlite3_bind_text (stmt, 5, updated_text, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, text + spans[i].offset, (int) spans[i].length, SQLITE_STATIC);
      if (!step_done (job, stmt, error))
        {
          pd_cache_decoded_free (decoded, n_items);
          return FALSE;
        }
      g_ptr_array_add (stored->items, g_steal_pointer (&decoded[i].resource));
    }
  pd_cache_decoded_free (decoded, n_items);
  return TRUE;
}

/* Text pages go through two stages: scanning and decoding on a thread of their own (with
 * the decoding helpers), then the inserts on the database thread. Page N+1 is decoded while
 * page N is inserted, and the database thread only writes. One decoding thread keeps the
 * pages in the order they came, which the lists keep too. */
static gboolean
job_insert_page (PdCacheJob  *job,
                 sqlite3     *db,
                 gpointer     data,
                 GError     **error)
{
  ListData *list = data;
  StoredPage *stored;
  guint n_items = list->text.items->len;

  stored = g_new0 (StoredPage, 1);
  stored->items = g_ptr_array_new_full (n_items, g_object_unref);
  stored->deleted = g_steal_pointer (&list->text.deleted);
  stored->next_cursor = g_steal_pointer (&list->text.next_cursor);
  stored->server_time = g_steal_pointer (&list->text.server_time);
  pd_cache_job_return_pointer (job, stored, stored_page_free);
  if (!insert_decoded (job, list, g_steal_pointer (&list->decoded), n_items,
                       g_bytes_get_data (list->body, NULL),
                       (const PdCacheSpan *) (gpointer) list->text.items->data, stored, error))
    return FALSE;
  return delete_ids (job, list, (const char * const *) stored->deleted, error);
}

static void
on_page_inserted (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  StoredPage *stored = pd_cache_run_finish (PD_CACHE (source), result, &error);

  if (stored == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, stored, stored_page_free);
}

static gboolean
on_page_decoded (gpointer data)
{
  GTask *task = data;   /* the reference the decoding thread took */
  ListData *list = g_task_get_task_data (task);

  if (list->error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&list->error));
      g_object_unref (task);
      return G_SOURCE_REMOVE;
    }
  /* the task keeps @list alive until the job is done */
  pd_cache_run_async (g_task_get_source_object (task), job_insert_page, list, NULL,
                      g_task_get_cancellable (task), on_page_inserted, task);
  return G_SOURCE_REMOVE;
}

static void
decode_page (gpointer data,
             gpointer user_data)
{
  GTask *task = data;
  ListData *list = g_task_get_task_data (task);
  gboolean bad_json = FALSE;
  gsize size;
  const char *text = g_bytes_get_data (list->body, &size);

  if (!g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &list->error)
      && pd_cache_page_scan (text, size, &list->text, &list->error))
    {
      list->has_text = TRUE;
      if (list->text.items->len > 0)
        list->decoded = pd_cache_decode_spans (list->type, list->order_key, text,
                                               (const PdCacheSpan *) (gpointer) list->text.items->data,
                                               list->text.items->len, &bad_json);
      for (guint i = 0; !bad_json && i < list->text.items->len; i++)
        if (list->decoded[i].resource == NULL)
          /* never the body: it may hold anything */
          g_message ("Dropped %s item %u from the portal: %s", list->kind, i,
                     list->decoded[i].error->message);
      if (bad_json)
        g_set_error_literal (&list->error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "not a list page");
    }
  g_main_context_invoke_full (g_task_get_context (task), G_PRIORITY_DEFAULT, on_page_decoded,
                              task, NULL);
}

static gboolean
job_sweep (PdCacheJob  *job,
           sqlite3     *db,
           gpointer     data,
           GError     **error)
{
  ListData *list = data;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  stmt = pd_cache_job_prepare (job,
    "DELETE FROM resources WHERE kind = ? AND parent_id = ? AND generation != ? RETURNING id",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, list->kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, list->parent_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, list->generation);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      pd_cache_job_set_sql_error (job, error);
      return FALSE;
    }
  pd_cache_job_return_pointer (job, g_strv_builder_end (builder), (GDestroyNotify) g_strfreev);
  return TRUE;
}

static gboolean
job_apply_tombstones (PdCacheJob  *job,
                      sqlite3     *db,
                      gpointer     data,
                      GError     **error)
{
  ListData *list = data;

  if (!delete_ids (job, list, (const char * const *) list->ids, error))
    return FALSE;
  pd_cache_job_return_pointer (job, GINT_TO_POINTER (TRUE), NULL);
  return TRUE;
}

static gboolean
job_get_sync_state (PdCacheJob  *job,
                    sqlite3     *db,
                    gpointer     data,
                    GError     **error)
{
  ListData *list = data;
  PdCacheSyncState *state = g_new0 (PdCacheSyncState, 1);
  sqlite3_stmt *stmt;
  int rc;

  pd_cache_job_return_pointer (job, state, (GDestroyNotify) pd_cache_sync_state_free);
  stmt = pd_cache_job_prepare (job,
    "SELECT server_time, generation, synced_at FROM sync_state "
    "WHERE kind = ? AND parent_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, list->kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, list->parent_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      state->server_time = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      state->generation = sqlite3_column_int64 (stmt, 1);
      state->synced_at = sqlite3_column_int64 (stmt, 2);
    }
  else if (rc != SQLITE_DONE)
    {
      pd_cache_job_set_sql_error (job, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
job_set_sync_state (PdCacheJob  *job,
                    sqlite3     *db,
                    gpointer     data,
                    GError     **error)
{
  ListData *list = data;
  sqlite3_stmt *stmt = pd_cache_job_prepare (job,
    "INSERT OR REPLACE INTO sync_state (kind, parent_id, server_time, generation, synced_at) "
    "VALUES (?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, list->kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, list->parent_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, list->server_time, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, list->generation);
  sqlite3_bind_int64 (stmt, 5, g_get_real_time ());
  if (!step_done (job, stmt, error))
    return FALSE;
  pd_cache_job_return_pointer (job, GINT_TO_POINTER (TRUE), NULL);
  return TRUE;
}

void
pd_cache_sync_state_free (PdCacheSyncState *state)
{
  if (state == NULL)
    return;
  g_free (state->server_time);
  g_free (state);
}

void
pd_cache_load_list_async (PdCache              *self,
                          const PdResourceKind *kind,
                          const char           *parent_id,
                          GCancellable         *cancellable,
                          GAsyncReadyCallback   callback,
                          gpointer              user_data)
{
  g_return_if_fail (PD_IS_CACHE (self));
  g_return_if_fail (kind != NULL);

  pd_cache_run_async (self, job_load_list, list_data_new (kind, parent_id), list_data_free,
                      cancellable, callback, user_data);
}

GPtrArray *
pd_cache_load_list_finish (PdCache       *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  return pd_cache_run_finish (self, result, error);
}

void
pd_cache_store_page_text_async (PdCache              *self,
                                const PdResourceKind *kind,
                                const char           *parent_id,
                                GBytes               *body,
                                gint64                generation,
                                GCancellable         *cancellable,
                                GAsyncReadyCallback   callback,
                                gpointer              user_data)
{
  static GThreadPool *decoder;
  g_autoptr(GTask) task = NULL;
  ListData *list;

  g_return_if_fail (PD_IS_CACHE (self));
  g_return_if_fail (kind != NULL);
  g_return_if_fail (body != NULL);

  if (g_once_init_enter (&decoder))
    g_once_init_leave (&decoder, g_thread_pool_new (decode_page, NULL, 1, FALSE, NULL));
  list = list_data_new (kind, parent_id);
  list->body = g_bytes_ref (body);
  list->generation = generation;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pd_cache_store_page_text_async);
  g_task_set_task_data (task, list, list_data_free);
  g_thread_pool_push (decoder, g_object_ref (task), NULL);
}

PdCacheStoredPage *
pd_cache_store_page_text_finish (PdCache       *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
pd_cache_stored_page_free (PdCacheStoredPage *page)
{
  if (page != NULL)
    stored_page_free (page);
}

void
pd_cache_sweep_async (PdCache              *self,
                      const PdResourceKind *kind,
                      const char           *parent_id,
                      gint64                generation,
                      GCancellable         *cancellable,
                      GAsyncReadyCallback   callback,
                      gpointer              user_data)
{
  ListData *list;

  g_return_if_fail (PD_IS_CACHE (self));
  g_return_if_fail (kind != NULL);

  list = list_data_new (kind, parent_id);
  list->generation = generation;
  pd_cache_run_async (self, job_sweep, list, list_data_free, cancellable, callback, user_data);
}

GStrv
pd_cache_sweep_finish (PdCache       *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  return pd_cache_run_finish (self, result, error);
}

void
pd_cache_apply_tombstones_async (PdCache              *self,
                                 const PdResourceKind *kind,
                                 const char           *parent_id,
                                 const char * const   *ids,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data)
{
  ListData *list;

  g_return_if_fail (PD_IS_CACHE (self));
  g_return_if_fail (kind != NULL);

  list = list_data_new (kind, parent_id);
  list->ids = g_strdupv ((char **) ids);
  pd_cache_run_async (self, job_apply_tombstones, list, list_data_free, cancellable,
                      callback, user_data);
}

gboolean
pd_cache_apply_tombstones_finish (PdCache       *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return pd_cache_run_finish (self, result, error) != NULL;
}

void
pd_cache_get_sync_state_async (PdCache              *self,
                               const PdResourceKind *kind,
                               const char           *parent_id,
                               GCancellable         *cancellable,
                               GAsyncReadyCallback   callback,
                               gpointer              user_data)
{
  g_return_if_fail (PD_IS_CACHE (self));
  g_return_if_fail (kind != NULL);

  pd_cache_run_async (self, job_get_sync_state, list_data_new (kind, parent_id),
                      list_data_free, cancellable, callback, user_data);
}

PdCacheSyncState *
pd_cache_get_sync_state_finish (PdCache       *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return pd_cache_run_finish (self, result, error);
}

void
pd_cache_set_sync_state_async (PdCache              *self,
                               const PdResourceKind *kind,
                               const char           *parent_id,
                               const char           *server_time,
                               gint64                generation,
                               GCancellable         *cancellable,
                               GAsyncReadyCallback   callback,
                               gpointer              user_data)
{
  ListData *list;

  g_return_if_fail (PD_IS_CACHE (self));
  g_return_if_fail (kind != NULL);

  list = list_data_new (kind, parent_id);
  list->server_time = g_strdup (server_time);
  list->generation = generation;
  pd_cache_run_async (self, job_set_sync_state, list, list_data_free, cancellable, callback,
                      user_data);
}

gboolean
pd_cache_set_sync_state_finish (PdCache       *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return pd_cache_run_finish (self, result, error) != NULL;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-cache-private.h"

G_DEFINE_QUARK (pd-cache-error-quark, pd_cache_error)

typedef enum {
  JOB_RUN,
  JOB_OPEN,
  JOB_QUIT,
  JOB_CHECKPOINT,
} JobType;

/* What the database thread owns. Kept apart from the GObject so that the last reference
 * to the PdCache may be dropped anywhere, even on the database thread itself. */
typedef struct {
  gatomicrefcount  ref_count;
  GAsyncQueue     *queue;   /* PdCacheJob* */
  char            *path;
  sqlite3         *db;      /* database thread only */
  GHashTable      *stmts;   /* SQL text → sqlite3_stmt*, database thread only */
} Worker;

struct _PdCacheJob
{
  JobType         type;
  Worker         *worker;
  PdCacheJobFunc  func;
  gpointer        data;
  GDestroyNotify  destroy;
  GTask          *task;     /* NULL for pd_cache_run_sync() */
  GPtrArray      *used;     /* sqlite3_stmt* prepared by this job */

  gpointer        result;
  GDestroyNotify  result_destroy;

  /* pd_cache_run_sync() */
  GMutex          mutex;
  GCond           cond;
  gboolean        done;
  GError         *error;
};

struct _PdCache
{
  GObject  parent_instance;

  char    *path;
  Worker  *worker;
  GThread *thread;
  GMutex   lock;     /* guards closed against concurrent submitters */
  gboolean closed;
};

G_DEFINE_FINAL_TYPE (PdCache, pd_cache, G_TYPE_OBJECT)

static Worker *
worker_ref (Worker *worker)
{
  g_atomic_ref_count_inc (&worker->ref_count);
  return worker;
}

static void
worker_unref (Worker *worker)
{
  if (!g_atomic_ref_count_dec (&worker->ref_count))
    return;
  g_assert (worker->db == NULL);
  g_async_queue_unref (worker->queue);
  g_free (worker->path);
  g_free (worker);
}

static void
job_free (PdCacheJob *job)
{
  if (job->destroy != NULL)
    job->destroy (job->data);
  if (job->result_destroy != NULL)
    job->result_destroy (job->result);
  g_clear_object (&job->task);
  g_clear_pointer (&job->used, g_ptr_array_unref);
  g_clear_error (&job->error);
  g_mutex_clear (&job->mutex);
  g_cond_clear (&job->cond);
  g_free (job);
}

static PdCacheJob *
job_new (JobType type)
{
  PdCacheJob *job = g_new0 (PdCacheJob, 1);

  job->type = type;
  g_mutex_init (&job->mutex);
  g_cond_init (&job->cond);
  return job;
}

/* Hands the outcome to the submitter and frees the job (async) or wakes it (sync). */
static void
job_complete (PdCacheJob *job,
              GError     *error)
{
  if (job->destroy != NULL)
    g_clear_pointer (&job->data, job->destroy);
  job->destroy = NULL;

  if (job->task != NULL)
    {
      if (error != NULL)
        g_task_return_error (job->task, error);
      else
        {
          g_task_return_pointer (job->task, job->result, job->result_destroy);
          job->result = NULL;
          job->result_destroy = NULL;
        }
      job_free (job);
      return;
    }

  g_mutex_lock (&job->mutex);
  job->error = error;
  job->done = TRUE;
  g_cond_signal (&job->cond);
  g_mutex_unlock (&job->mutex);
}

static void
finalize_stmt (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
reset_used (PdCacheJob *job)
{
  for (guint i = 0; job->used != NULL && i < job->used->len; i++)
    sqlite3_reset (g_ptr_array_index (job->used, i));
  if (job->used != NULL)
    g_ptr_array_set_size (job->used, 0);
}

static void
run_job (Worker     *worker,
         PdCacheJob *job)
{
  GError *error = NULL;
  GCancellable *cancellable = job->task != NULL ? g_task_get_cancellable (job->task) : NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, &error))
    {
      job_complete (job, error);
      return;
    }

  if (job->type == JOB_OPEN)
    {
      char *message = NULL;

      if (worker->db != NULL)
        {
          job->result = g_strdup ("");
          job->result_destroy = g_free;
          job_complete (job, NULL);
          return;
        }
      if (!pd_cache_open_database (worker->path, &worker->db, &message, &error))
        {
          job_complete (job, error);
          return;
        }
      worker->stmts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             finalize_stmt);
      /* A result that is never NULL: the message, or an empty string */
      job->result = message != NULL ? message : g_strdup ("");
      job->result_destroy = g_free;
      job_complete (job, NULL);
      return;
    }

  if (job->type == JOB_CHECKPOINT)
    {
      /* outside any transaction, or SQLite refuses; nobody waits for it */
      if (worker->db != NULL)
        {
          int rc = sqlite3_wal_checkpoint_v2 (worker->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);

          if (rc != SQLITE_OK && rc != SQLITE_BUSY)
            g_message ("Folding the cache's log back failed: %s", sqlite3_errmsg (worker->db));
        }
      job_free (job);
      return;
    }

  if (worker->db == NULL)
    {
      job_complete (job, g_error_new (PD_CACHE_ERROR, PD_CACHE_ERROR_CLOSED,
                                      _("The local cache is not open")));
      return;
    }

  if (!pd_cache_exec (worker->db, "BEGIN IMMEDIATE", &error))
    {
      job_complete (job, error);
      return;
    }
  if (job->func (job, worker->db, job->data, &error))
    {
      reset_used (job);
      if (pd_cache_exec (worker->db, "COMMIT", &error))
        {
          job_complete (job, NULL);
          return;
        }
    }
  else if (error == NULL)
    {
      g_critical ("A cache job failed without saying why");
      error = g_error_new (PD_CACHE_ERROR, PD_CACHE_ERROR_SQL,
                           _("The local cache could not be updated"));
    }
  reset_used (job);
  sqlite3_exec (worker->db, "ROLLBACK", NULL, NULL, NULL);
  if (job->result_destroy != NULL)
    job->result_destroy (job->result);
  job->result = NULL;
  job->result_destroy = NULL;
  job_complete (job, error);
}

static gpointer
worker_thread (gpointer data)
{
  Worker *worker = data;

  for (;;)
    {
      PdCacheJob *job = g_async_queue_pop (worker->queue);

      if (job->type == JOB_QUIT)
        {
          job_free (job);
          break;
        }
      job->worker = worker;
      run_job (worker, job);
    }

  g_clear_pointer (&worker->stmts, g_hash_table_unref);
  if (worker->db != NULL)
    {
      /* Folds the WAL back so the file alone is the cache. */
      sqlite3_close_v2 (worker->db);
      worker->db = NULL;
    }
  worker_unref (worker);
  return NULL;
}

/* Queues @job, or fails it at once when the cache is closed. */
static void
submit (PdCache    *self,
        PdCacheJob *job)
{
  g_mutex_lock (&self->lock);
  if (!self->closed)
    {
      g_async_queue_push (self->worker->queue, job);
      g_mutex_unlock (&self->lock);
      return;
    }
  g_mutex_unlock (&self->lock);
  job_complete (job, g_error_new (PD_CACHE_ERROR, PD_CACHE_ERROR_CLOSED,
                                  _("The local cache is closed")));
}

void
pd_cache_close (PdCache *self)
{
  gboolean on_worker;

  g_return_if_fail (PD_IS_CACHE (self));

  g_mutex_lock (&self->lock);
  if (self->closed)
    {
      g_mutex_unlock (&self->lock);
      return;
    }
  self->closed = TRUE;
  g_async_queue_push (self->worker->queue, job_new (JOB_QUIT));
  g_mutex_unlock (&self->lock);

  /* The last reference may go away on the database thread (a GTask released there):
   * it cannot wait for itself, and it finishes the queue on its own. */
  on_worker = g_thread_self () == self->thread;
  if (on_worker)
    g_thread_unref (self->thread);
  else
    g_thread_join (self->thread);
  self->thread = NULL;
}

void
pd_cache_checkpoint (PdCache *self)
{
  g_return_if_fail (PD_IS_CACHE (self));

  g_mutex_lock (&self->lock);
  if (!self->closed)
    g_async_queue_push (self->worker->queue, job_new (JOB_CHECKPOINT));
  g_mutex_unlock (&self->lock);
}

static void
pd_cache_finalize (GObject *object)
{
  PdCache *self = PD_CACHE (object);

  pd_cache_close (self);
  worker_unref (self->worker);
  g_mutex_clear (&self->lock);
  g_free (self->path);

  G_OBJECT_CLASS (pd_cache_parent_class)->finalize (object);
}

static void
pd_cache_class_init (PdCacheClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pd_cache_finalize;
}

static void
pd_cache_init (PdCache *self)
{
  g_mutex_init (&self->lock);
}

PdCache *
pd_cache_new (const char *path)
{
  PdCache *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (PD_TYPE_CACHE, NULL);
  self->path = g_strdup (path);
  self->worker = g_new0 (Worker, 1);
  g_atomic_ref_count_init (&self->worker->ref_count);
  self->worker->queue = g_async_queue_new ();
  self->worker->path = g_strdup (path);
  self->thread = g_thread_new ("pd-cache", worker_thread, worker_ref (self->worker));
  return self;
}

const char *
pd_cache_get_path (PdCache *self)
{
  g_return_val_if_fail (PD_IS_CACHE (self), NULL);
  return self->path;
}

void
pd_cache_open_async (PdCache             *self,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  PdCacheJob *job;

  g_return_if_fail (PD_IS_CACHE (self));

  job = job_new (JOB_OPEN);
  job->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (job->task, pd_cache_open_async);
  submit (self, job);
}

static gboolean
open_result (char      *result,
             char     **recovery_message,
             GError    *error,
             GError   **error_out)
{
  if (result == NULL)
    {
      g_propagate_error (error_out, error);
      return FALSE;
    }
  if (recovery_message != NULL)
    *recovery_message = *result != '\0' ? g_strdup (result) : NULL;
  g_free (result);
  return TRUE;
}

gboolean
pd_cache_open_finish (PdCache       *self,
                      GAsyncResult  *result,
                      char         **recovery_message,
                      GError       **error)
{
  GError *local = NULL;
  char *text;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pd_cache_open_async, FALSE);

  if (recovery_message != NULL)
    *recovery_message = NULL;
  text = g_task_propagate_pointer (G_TASK (result), &local);
  return open_result (text, recovery_message, local, error);
}

static gpointer
wait_sync (PdCache     *self,
           PdCacheJob  *job,
           GError     **error)
{
  gpointer result;

  g_return_val_if_fail (g_thread_self () != self->thread, NULL);

  submit (self, job);
  g_mutex_lock (&job->mutex);
  while (!job->done)
    g_cond_wait (&job->cond, &job->mutex);
  g_mutex_unlock (&job->mutex);

  result = job->error == NULL ? job->result : NULL;
  if (job->error == NULL)
    {
      job->result = NULL;
      job->result_destroy = NULL;
    }
  else
    g_propagate_error (error, g_steal_pointer (&job->error));
  job_free (job);
  return result;
}

gboolean
pd_cache_open_sync (PdCache  *self,
                    char    **recovery_message,
                    GError  **error)
{
  GError *local = NULL;
  char *text;

  g_return_val_if_fail (PD_IS_CACHE (self), FALSE);

  if (recovery_message != NULL)
    *recovery_message = NULL;
  text = wait_sync (self, job_new (JOB_OPEN), &local);
  return open_result (text, recovery_message, local, error);
}

void
pd_cache_run_async (PdCache             *self,
                    PdCacheJobFunc       func,
                    gpointer             data,
                    GDestroyNotify       destroy,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  PdCacheJob *job;

  g_return_if_fail (PD_IS_CACHE (self));
  g_return_if_fail (func != NULL);

  job = job_new (JOB_RUN);
  job->func = func;
  job->data = data;
  job->destroy = destroy;
  /* GTask remembers the submitter's thread-default context and returns there. */
  job->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (job->task, pd_cache_run_async);
  submit (self, job);
}

gpointer
pd_cache_run_finish (PdCache       *self,
                     GAsyncResult  *result,
                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

gpointer
pd_cache_run_sync (PdCache         *self,
                   PdCacheJobFunc   func,
                   gpointer         data,
                   GError         **error)
{
  PdCacheJob *job;

  g_return_val_if_fail (PD_IS_CACHE (self), NULL);
  g_return_val_if_fail (func != NULL, NULL);

  job = job_new (JOB_RUN);
  job->func = func;
  job->data = data;
  return wait_sync (self, job, error);
}

sqlite3_stmt *
pd_cache_job_prepare (PdCacheJob  *job,
                      const char  *sql,
                      GError     **error)
{
  Worker *worker = job->worker;
  sqlite3_stmt *stmt = g_hash_table_lookup (worker->stmts, sql);

  if (stmt == NULL)
    {
      if (sqlite3_prepare_v3 (worker->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
                              &stmt, NULL) != SQLITE_OK)
        {
          pd_cache_set_error_from_db (worker->db, error);
          return NULL;
        }
      g_hash_table_insert (worker->stmts, g_strdup (sql), stmt);
    }
  else
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }

  if (job->used == NULL)
    job->used = g_ptr_array_new ();
  g_ptr_array_add (job->used, stmt);
  return stmt;
}

void
pd_cache_job_return_pointer (PdCacheJob     *job,
                             gpointer        result,
                             GDestroyNotify  destroy)
{
  if (job->result_destroy != NULL)
    job->result_destroy (job->result);
  job->result = result;
  job->result_destroy = destroy;
}

void
pd_cache_job_set_sql_error (PdCacheJob  *job,
                            GError     **error)
{
  pd_cache_set_error_from_db (job->worker->db, error);
}

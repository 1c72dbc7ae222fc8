/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "pd-cache.h"
#include "pd-test-portal.h"

#define N_JOBS 200

static GThread *main_thread;

typedef struct {
  char    *directory;
  char    *path;
  PdCache *cache;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->directory = g_dir_make_tmp ("pd-test-cache-runner-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->directory, "cache.sqlite", NULL);
  fixture->cache = pd_cache_new (fixture->path);
  g_assert_true (pd_cache_open_sync (fixture->cache, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  g_clear_object (&fixture->cache);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (fixture->path, suffixes[i], NULL);
      g_unlink (file);
    }
  g_rmdir (fixture->directory);
  g_free (fixture->directory);
  g_free (fixture->path);
}

typedef struct {
  GArray   *ran;        /* written on the database thread only */
  GArray   *delivered;  /* main thread */
  guint     pending;
  gboolean  done;
} Order;

typedef struct {
  Order *order;
  guint  index;
} Step;

static gboolean
job_step (PdCacheJob  *job,
          sqlite3     *db,
          gpointer     data,
          GError     **error)
{
  Step *step = data;

  g_assert_true (g_thread_self () != main_thread);
  g_array_append_val (step->order->ran, step->index);
  pd_cache_job_return_pointer (job, GUINT_TO_POINTER (step->index + 1), NULL);
  return TRUE;
}

static void
on_step (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Order *order = user_data;
  g_autoptr(GError) error = NULL;
  guint index = GPOINTER_TO_UINT (pd_cache_run_finish (PD_CACHE (source), result, &error)) - 1;

  g_assert_no_error (error);
  g_assert_true (g_thread_self () == main_thread);
  g_array_append_val (order->delivered, index);
  order->done = --order->pending == 0;
}

static void
test_order (Fixture       *fixture,
            gconstpointer  data)
{
  Order order = { g_array_new (FALSE, FALSE, sizeof (guint)),
                  g_array_new (FALSE, FALSE, sizeof (guint)), N_JOBS, FALSE };

  for (guint i = 0; i < N_JOBS; i++)
    {
      Step *step = g_new0 (Step, 1);

      step->order = &order;
      step->index = i;
      pd_cache_run_async (fixture->cache, job_step, step, g_free, NULL, on_step, &order);
    }
  pd_test_wait_until (&order.done, 60000);

  g_assert_cmpuint (order.ran->len, ==, N_JOBS);
  g_assert_cmpuint (order.delivered->len, ==, N_JOBS);
  for (guint i = 0; i < N_JOBS; i++)
    {
      g_assert_cmpuint (g_array_index (order.ran, guint, i), ==, i);
      g_assert_cmpuint (g_array_index (order.delivered, guint, i), ==, i);
    }
  g_array_unref (order.ran);
  g_array_unref (order.delivered);
}

typedef struct {
  PdCache      *cache;
  GMainContext *context;
  GThread      *delivered_on;
  gboolean      done;
} Elsewhere;

static gboolean
job_nothing (PdCacheJob  *job,
             sqlite3     *db,
             gpointer     data,
             GError     **error)
{
  pd_cache_job_return_pointer (job, g_strdup ("result"), g_free);
  return TRUE;
}

static void
on_elsewhere (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Elsewhere *elsewhere = user_data;
  g_autofree char *text = pd_cache_run_finish (PD_CACHE (source), result, NULL);

  g_assert_cmpstr (text, ==, "result");
  g_assert_true (g_main_context_get_thread_default () == elsewhere->context);
  elsewhere->delivered_on = g_thread_self ();
  elsewhere->done = TRUE;
}

static gpointer
elsewhere_thread (gpointer data)
{
  Elsewhere *elsewhere = data;

  g_main_context_push_thread_default (elsewhere->context);
  pd_cache_run_async (elsewhere->cache, job_nothing, NULL, NULL, NULL, on_elsewhere, elsewhere);
  while (!elsewhere->done)
    g_main_context_iteration (elsewhere->context, TRUE);
  g_main_context_pop_thread_default (elsewhere->context);
  return NULL;
}

static void
test_other_thread (Fixture       *fixture,
                   gconstpointer  data)
{
  Elsewhere elsewhere = { fixture->cache, g_main_context_new (), NULL, FALSE };
  GThread *thread = g_thread_new ("submitter", elsewhere_thread, &elsewhere);

  g_thread_join (thread);
  g_assert_true (elsewhere.delivered_on == thread);
  g_main_context_unref (elsewhere.context);
}

static gboolean
job_insert_then_fail (PdCacheJob  *job,
                      sqlite3     *db,
                      gpointer     data,
                      GError     **error)
{
  sqlite3_stmt *stmt = pd_cache_job_prepare (job,
    "INSERT INTO documents (name, data, updated_at) VALUES ('me', '{}', 0)", error);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  pd_cache_job_return_pointer (job, g_strdup ("dropped"), g_free);
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "on purpose");
  return FALSE;
}

static gboolean
job_count (PdCacheJob  *job,
           sqlite3     *db,
           gpointer     data,
           GError     **error)
{
  const char *sql = "SELECT count(*) FROM documents";
  sqlite3_stmt *stmt = pd_cache_job_prepare (job, sql, error);
  sqlite3_stmt **previous = data;

  /* cached for the life of the connection */
  if (*previous != NULL)
    g_assert_true (*previous == stmt);
  *previous = stmt;
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  pd_cache_job_return_pointer (job, GINT_TO_POINTER (sqlite3_column_int (stmt, 0) + 1), NULL);
  return TRUE;
}

static gboolean
job_bad_sql (PdCacheJob  *job,
             sqlite3     *db,
             gpointer     data,
             GError     **error)
{
  return pd_cache_job_prepare (job, "SELECT nonsense FROM nowhere", error) != NULL;
}

static void
test_rollback (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_null (pd_cache_run_sync (fixture->cache, job_insert_then_fail, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_cmpint (GPOINTER_TO_INT (pd_cache_run_sync (fixture->cache, job_count, &stmt, &error)), ==, 1);
  g_assert_cmpint (GPOINTER_TO_INT (pd_cache_run_sync (fixture->cache, job_count, &stmt, &error)), ==, 1);
  g_assert_no_error (error);

  g_assert_null (pd_cache_run_sync (fixture->cache, job_bad_sql, NULL, &error));
  g_assert_error (error, PD_CACHE_ERROR, PD_CACHE_ERROR_SQL);
  g_test_message ("%s", error->message);
}

typedef struct {
  GError   *error;
  gboolean  destroyed;
  gboolean  done;
} Outcome;

static void
on_outcome (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Outcome *outcome = user_data;

  g_assert_null (pd_cache_run_finish (PD_CACHE (source), result, &outcome->error));
  outcome->done = TRUE;
}

static void
mark_destroyed (gpointer data)
{
  ((Outcome *) data)->destroyed = TRUE;
}

static void
test_cancelled_and_closed (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Outcome cancelled = { NULL, FALSE, FALSE };
  Outcome closed = { NULL, FALSE, FALSE };

  g_cancellable_cancel (cancellable);
  pd_cache_run_async (fixture->cache, job_nothing, &cancelled, mark_destroyed, cancellable,
                      on_outcome, &cancelled);
  pd_test_wait_until (&cancelled.done, 60000);
  g_assert_error (cancelled.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (cancelled.destroyed);
  g_clear_error (&cancelled.error);

  pd_cache_close (fixture->cache);
  pd_cache_run_async (fixture->cache, job_nothing, &closed, mark_destroyed, NULL,
                      on_outcome, &closed);
  pd_test_wait_until (&closed.done, 60000);
  g_assert_error (closed.error, PD_CACHE_ERROR, PD_CACHE_ERROR_CLOSED);
  g_assert_true (closed.destroyed);
  g_clear_error (&closed.error);
}

static void
test_last_reference_in_flight (Fixture       *fixture,
                               gconstpointer  data)
{
  Order order = { g_array_new (FALSE, FALSE, sizeof (guint)),
                  g_array_new (FALSE, FALSE, sizeof (guint)), N_JOBS, FALSE };

  /* The tasks keep the cache alive; the last of them may release it on any thread. */
  for (guint i = 0; i < N_JOBS; i++)
    {
      Step *step = g_new0 (Step, 1);

      step->order = &order;
      step->index = i;
      pd_cache_run_async (fixture->cache, job_step, step, g_free, NULL, on_step, &order);
    }
  g_clear_object (&fixture->cache);
  pd_test_wait_until (&order.done, 60000);
  g_assert_cmpuint (order.delivered->len, ==, N_JOBS);
  g_array_unref (order.ran);
  g_array_unref (order.delivered);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  main_thread = g_thread_self ();

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/cache/runner/order", test_order);
  ADD ("/cache/runner/other-thread", test_other_thread);
  ADD ("/cache/runner/rollback", test_rollback);
  ADD ("/cache/runner/cancelled-and-closed", test_cancelled_and_closed);
  ADD ("/cache/runner/last-reference-in-flight", test_last_reference_in_flight);
#undef ADD

  return g_test_run ();
}

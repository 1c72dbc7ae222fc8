/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "pd-cache.h"

typedef struct {
  char *directory;
  char *path;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->directory = g_dir_make_tmp ("pd-test-cache-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->directory, "cache.sqlite", NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  chmod (path, 0700);
  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_unlink (path);
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      remove_tree (child);
    }
  g_rmdir (path);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  remove_tree (fixture->directory);
  g_free (fixture->directory);
  g_free (fixture->path);
}

/* The names in the fixture's directory that start with "cache.sqlite.corrupt-" */
static GPtrArray *
list_corrupt (Fixture *fixture)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->directory, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "cache.sqlite.corrupt-") && !g_str_has_suffix (name, "-wal")
        && !g_str_has_suffix (name, "-shm"))
      g_ptr_array_add (names, g_build_filename (fixture->directory, name, NULL));
  return names;
}

static gboolean
job_insert_document (PdCacheJob  *job,
                     sqlite3     *db,
                     gpointer     data,
                     GError     **error)
{
  sqlite3_stmt *stmt = pd_cache_job_prepare (job,
    "INSERT OR REPLACE INTO documents (name, data, updated_at) VALUES (?, ?, 0)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, data, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, "{\"filler\": \"0123456789012345678901234567890123456789\"}",
                     -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      pd_cache_job_set_sql_error (job, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
job_count_documents (PdCacheJob  *job,
                     sqlite3     *db,
                     gpointer     data,
                     GError     **error)
{
  sqlite3_stmt *stmt = pd_cache_job_prepare (job, "SELECT count(*) FROM documents", error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      pd_cache_job_set_sql_error (job, error);
      return FALSE;
    }
  pd_cache_job_return_pointer (job, GINT_TO_POINTER (sqlite3_column_int (stmt, 0) + 1), NULL);
  return TRUE;
}

static int
count_documents (PdCache *cache)
{
  g_autoptr(GError) error = NULL;
  gpointer result = pd_cache_run_sync (cache, job_count_documents, NULL, &error);

  g_assert_no_error (error);
  return GPOINTER_TO_INT (result) - 1;
}

static gboolean
job_pragma (PdCacheJob  *job,
            sqlite3     *db,
            gpointer     data,
            GError     **error)
{
  sqlite3_stmt *stmt = pd_cache_job_prepare (job, data, error);

  if (stmt == NULL)
    return FALSE;
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  pd_cache_job_return_pointer (job, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                               g_free);
  return TRUE;
}

static char *
pragma (PdCache    *cache,
        const char *sql)
{
  g_autoptr(GError) error = NULL;
  char *text = pd_cache_run_sync (cache, job_pragma, (gpointer) sql, &error);

  g_assert_no_error (error);
  return text;
}

static PdCache *
open_cache (Fixture  *fixture,
            char    **message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdCache) cache = pd_cache_new (fixture->path);

  g_assert_true (pd_cache_open_sync (cache, message, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&cache);
}

static void
test_fresh_and_reopen (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *message = NULL;
  g_autofree char *version = NULL;
  g_autofree char *mode = NULL;
  g_autofree char *keys = NULL;
  g_autofree char *outbox = NULL;
  g_autofree char *index = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) corrupt = NULL;
  g_autoptr(PdCache) cache = open_cache (fixture, &message);

  g_assert_null (message);
  g_assert_cmpstr (pd_cache_get_path (cache), ==, fixture->path);
  version = pragma (cache, "PRAGMA user_version");
  g_assert_cmpint (atoi (version), >=, 1);
  mode = pragma (cache, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  keys = pragma (cache, "PRAGMA foreign_keys");
  g_assert_cmpstr (keys, ==, "1");
  /* the full sync's sweep finds older rows by index, not by reading every row */
  index = pragma (cache, "SELECT group_concat(name, ',') FROM pragma_index_info('resources_generation')");
  g_assert_cmpstr (index, ==, "kind,parent_id,generation");
  outbox = pragma (cache, "SELECT group_concat(name, ',') FROM pragma_table_info('outbox')");
  g_assert_cmpstr (outbox, ==, "id,idempotency_key,method,path,body,if_match,description,"
                   "state,attempts,last_error,theirs,created_at,updated_at");

  pd_cache_run_sync (cache, job_insert_document, "me", &error);
  g_assert_no_error (error);
  /* opening twice is harmless */
  g_assert_true (pd_cache_open_sync (cache, NULL, &error));
  pd_cache_close (cache);
  pd_cache_close (cache);
  g_clear_object (&cache);

  cache = open_cache (fixture, &message);
  g_assert_null (message);
  g_assert_cmpint (count_documents (cache), ==, 1);
  corrupt = list_corrupt (fixture);
  g_assert_cmpuint (corrupt->len, ==, 0);
}

static void
test_too_new (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(PdCache) cache = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *wal = NULL;
  g_autoptr(GPtrArray) corrupt = NULL;
  gsize before_length, after_length;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE future (x); PRAGMA user_version = 9999",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (fixture->path, &before, &before_length, NULL));

  cache = pd_cache_new (fixture->path);
  g_assert_false (pd_cache_open_sync (cache, NULL, &error));
  g_assert_error (error, PD_CACHE_ERROR, PD_CACHE_ERROR_TOO_NEW);
  g_clear_object (&cache);

  g_assert_true (g_file_get_contents (fixture->path, &after, &after_length, NULL));
  g_assert_cmpmem (before, before_length, after, after_length);
  wal = g_strconcat (fixture->path, "-wal", NULL);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  corrupt = list_corrupt (fixture);
  g_assert_cmpuint (corrupt->len, ==, 0);
}

/* Opens a damaged file: it is recovered with a message and kept aside byte for byte */
static void
assert_recovered (Fixture    *fixture,
                  const char *contents,
                  gsize       length)
{
  g_autofree char *message = NULL;
  g_autoptr(GPtrArray) corrupt = NULL;
  g_autoptr(PdCache) cache = open_cache (fixture, &message);
  g_autofree char *kept = NULL;
  gsize kept_length;

  g_assert_nonnull (message);
  g_test_message ("recovery: %s", message);
  corrupt = list_corrupt (fixture);
  g_assert_cmpuint (corrupt->len, ==, 1);
  g_assert_nonnull (strstr (message, corrupt->pdata[0]));
  if (contents != NULL)
    {
      g_assert_true (g_file_get_contents (corrupt->pdata[0], &kept, &kept_length, NULL));
      g_assert_cmpmem (kept, kept_length, contents, length);
    }
  /* the rebuilt cache works */
  g_assert_cmpint (count_documents (cache), ==, 0);
  g_assert_null (pd_cache_run_sync (cache, job_insert_document, "me", NULL));
  g_assert_cmpint (count_documents (cache), ==, 1);
}

static void
test_garbage (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GString) garbage = g_string_new (NULL);

  for (guint i = 0; i < 10000; i++)
    g_string_append_c (garbage, (char) g_test_rand_int_range (0, 256));
  g_assert_true (g_file_set_contents (fixture->path, garbage->str, garbage->len, NULL));
  assert_recovered (fixture, garbage->str, garbage->len);
}

static void
test_truncated (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(PdCache) cache = open_cache (fixture, NULL);
  g_autofree char *contents = NULL;
  gsize length;

  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *name = g_strdup_printf ("document-%u", i);
      g_assert_null (pd_cache_run_sync (cache, job_insert_document, name, NULL));
    }
  g_clear_object (&cache);
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 40960);
  /* Half a file: the header promises pages that are gone */
  g_assert_true (g_file_set_contents (fixture->path, contents, (length / 2) & ~4095u, NULL));
  assert_recovered (fixture, contents, (length / 2) & ~4095u);
}

static void
test_header_damaged (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(PdCache) cache = open_cache (fixture, NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_null (pd_cache_run_sync (cache, job_insert_document, "me", NULL));
  g_clear_object (&cache);
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  memset (contents + 16, 0xff, 84);  /* page size, versions, counters: all impossible */
  g_assert_true (g_file_set_contents (fixture->path, contents, length, NULL));
  assert_recovered (fixture, contents, length);
}

static void
test_zero_length (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *message = NULL;
  g_autoptr(PdCache) cache = NULL;

  /* An empty file is a valid empty database: nothing is lost, nothing to say */
  g_assert_true (g_file_set_contents (fixture->path, "", 0, NULL));
  cache = open_cache (fixture, &message);
  g_assert_null (message);
  g_assert_null (pd_cache_run_sync (cache, job_insert_document, "me", NULL));
  g_assert_cmpint (count_documents (cache), ==, 1);
}

static void
test_directory_in_the_way (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) corrupt = NULL;

  g_assert_cmpint (g_mkdir (fixture->path, 0700), ==, 0);
  assert_recovered (fixture, NULL, 0);
  corrupt = list_corrupt (fixture);
  g_assert_true (g_file_test (corrupt->pdata[0], G_FILE_TEST_IS_DIR));
}

static void
test_unreadable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(PdCache) cache = NULL;

  if (getuid () == 0)
    {
      g_test_skip ("root reads every file");
      return;
    }
  cache = open_cache (fixture, NULL);
  g_clear_object (&cache);
  g_assert_cmpint (chmod (fixture->path, 0), ==, 0);
  assert_recovered (fixture, NULL, 0);
}

static void
test_unwritable_directory (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(PdCache) cache = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_build_filename (fixture->directory, "file", NULL);
  g_autofree char *below_file = g_build_filename (file, "sub", "cache.sqlite", NULL);

  /* a path below a regular file fails for everyone, root included */
  g_assert_true (g_file_set_contents (file, "x", 1, NULL));
  cache = pd_cache_new (below_file);
  g_assert_false (pd_cache_open_sync (cache, NULL, &error));
  g_assert_error (error, PD_CACHE_ERROR, PD_CACHE_ERROR_OPEN);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  /* a cache that failed to open refuses jobs clearly */
  g_assert_null (pd_cache_run_sync (cache, job_count_documents, NULL, &error));
  g_assert_error (error, PD_CACHE_ERROR, PD_CACHE_ERROR_CLOSED);
  g_clear_error (&error);
  g_clear_object (&cache);

  if (getuid () == 0)
    return;
  g_assert_cmpint (chmod (fixture->directory, 0500), ==, 0);
  cache = pd_cache_new (fixture->path);
  g_assert_false (pd_cache_open_sync (cache, NULL, &error));
  g_assert_error (error, PD_CACHE_ERROR, PD_CACHE_ERROR_OPEN);
  chmod (fixture->directory, 0700);
}

static goffset
file_size (const char *path)
{
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  return buf.st_size;
}

/* Writes stay in the log (no copy every 4 MB) until pd_cache_checkpoint() folds them in */
static void
test_checkpoint (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(PdCache) cache = open_cache (fixture, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *bound = pragma (cache, "PRAGMA wal_autocheckpoint");
  g_autofree char *page_size = pragma (cache, "PRAGMA page_size");
  goffset before;

  /* a new file has large pages; the log may hold 64 MB, past a full sync of 10,000 clients */
  g_assert_cmpint (atoi (page_size), ==, 16384);
  g_assert_cmpint ((gint64) atoi (bound) * atoi (page_size), ==, 64 * 1024 * 1024);
  /* the schema itself is folded in when the cache is made */
  pd_cache_checkpoint (cache);
  g_assert_cmpint (count_documents (cache), ==, 0);
  before = file_size (fixture->path);
  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *name = g_strdup_printf ("document-%u", i);

      pd_cache_run_sync (cache, job_insert_document, name, &error);
      g_assert_no_error (error);
    }
  g_assert_cmpint (file_size (fixture->path), ==, before);

  /* queued after the inserts; the next job runs after it */
  pd_cache_checkpoint (cache);
  g_assert_cmpint (count_documents (cache), ==, 1000);
  g_assert_cmpint (file_size (fixture->path), >, before);

  /* harmless once closed */
  pd_cache_close (cache);
  pd_cache_checkpoint (cache);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/cache/open/fresh-and-reopen", test_fresh_and_reopen);
  ADD ("/cache/open/too-new", test_too_new);
  ADD ("/cache/open/garbage", test_garbage);
  ADD ("/cache/open/truncated", test_truncated);
  ADD ("/cache/open/header-damaged", test_header_damaged);
  ADD ("/cache/open/zero-length", test_zero_length);
  ADD ("/cache/open/directory-in-the-way", test_directory_in_the_way);
  ADD ("/cache/open/unreadable", test_unreadable);
  ADD ("/cache/open/unwritable-directory", test_unwritable_directory);
  ADD ("/cache/checkpoint", test_checkpoint);
#undef ADD

  return g_test_run ();
}

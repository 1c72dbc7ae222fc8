/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "pd-cache-private.h"

/* How much the write-ahead log may hold before a commit folds it back (see attempt_open) */
#define WAL_BOUND_BYTES (64 * 1024 * 1024)

/* What one attempt to open the file found */
typedef enum {
  ATTEMPT_OK,
  ATTEMPT_DAMAGED,   /* not a database, corrupt, unreadable: move it aside */
  ATTEMPT_TOO_NEW,   /* never touch it */
  ATTEMPT_FAILED,    /* @error set; moving the file would not help */
} Attempt;

gboolean
pd_cache_exec (sqlite3     *db,
               const char  *sql,
               GError     **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) == SQLITE_OK)
    return TRUE;
  pd_cache_set_error_from_db (db, error);
  return FALSE;
}

void
pd_cache_set_error_from_db (sqlite3  *db,
                            GError  **error)
{
  g_set_error (error, PD_CACHE_ERROR, PD_CACHE_ERROR_SQL,
               _("The local cache could not be updated: %s"), sqlite3_errmsg (db));
}

/* The failures that mean the file itself is bad, as opposed to the disk or the machine */
static gboolean
is_damage (int code)
{
  switch (code & 0xff)
    {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
    case SQLITE_AUTH:
    case SQLITE_ERROR:  /* a schema that is not ours */
    case SQLITE_FORMAT:
    case SQLITE_EMPTY:
    case SQLITE_SCHEMA:
      return TRUE;
    case SQLITE_IOERR:
      return code == SQLITE_IOERR_SHORT_READ;
    default:
      return FALSE;
    }
}

static Attempt
classify (sqlite3     *db,
          int          code,
          char       **reason,
          GError     **error)
{
  const char *message = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (code);

  if (is_damage (code))
    {
      *reason = g_strdup (message);
      return ATTEMPT_DAMAGED;
    }
  g_set_error (error, PD_CACHE_ERROR, PD_CACHE_ERROR_OPEN,
               _("The local cache cannot be opened: %s"), message);
  return ATTEMPT_FAILED;
}

/* Runs @sql and returns its first column of its first row (or NULL for no row) */
static int
query_text (sqlite3     *db,
            const char  *sql,
            char       **text)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  *text = NULL;
  if (rc != SQLITE_OK)
    return rc;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      rc = SQLITE_OK;
    }
  else if (rc == SQLITE_DONE)
    rc = SQLITE_OK;
  sqlite3_finalize (stmt);
  return rc;
}

static int
migrate (sqlite3 *db,
         guint    version)
{
  guint n_migrations;
  const char * const *migrations = pd_cache_migrations (&n_migrations);

  for (guint i = version; i < n_migrations; i++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %u", i + 1);
      int rc;

      rc = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (db, migrations[i], NULL, NULL, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (db, bump, NULL, NULL, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        {
          /* keep the migration's error, not the rollback's */
          int saved = sqlite3_extended_errcode (db);
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          return saved != SQLITE_OK ? saved : rc;
        }
      g_debug ("Cache migrated to version %u", i + 1);
    }
  return SQLITE_OK;
}

static Attempt
attempt_open (const char  *path,
              sqlite3    **db_out,
              char       **reason,
              GError     **error)
{
  sqlite3 *db = NULL;
  g_autofree char *text = NULL;
  g_autofree char *pragmas = NULL;
  guint n_migrations;
  guint64 version, page_size;
  int rc;
  Attempt result;

  pd_cache_migrations (&n_migrations);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      *reason = g_strdup (_("a folder is in the way"));
      return ATTEMPT_DAMAGED;
    }

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    goto failed;
  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, 5000);

  /* Only read the header before knowing the version is ours. */
  if ((rc = query_text (db, "PRAGMA user_version", &text)) != SQLITE_OK)
    goto failed;
  version = g_ascii_strtoull (text != NULL ? text : "0", NULL, 10);
  if (version > n_migrations)
    {
      sqlite3_close_v2 (db);
      g_set_error (error, PD_CACHE_ERROR, PD_CACHE_ERROR_TOO_NEW,
                   _("The local cache “%s” was written by a newer version of Partner Desk; "
                     "update Partner Desk or remove the file."), path);
      return ATTEMPT_TOO_NEW;
    }

  if (version > 0)
    {
      g_clear_pointer (&text, g_free);
      if ((rc = query_text (db, "PRAGMA quick_check", &text)) != SQLITE_OK)
        goto failed;
      if (g_strcmp0 (text, "ok") != 0)
        {
          *reason = g_strdup_printf (_("integrity check failed: %s"),
                                     text != NULL ? text : "?");
          sqlite3_close_v2 (db);
          return ATTEMPT_DAMAGED;
        }
    }

  /* Rows are the portal's JSON, 2 KB for an organization: 16 KB pages hold eight, and a
   * full sync writes a third fewer log frames and syscalls than with 4 KB ones (a third of
   * the database thread's time). Only a new file takes it, before it is in WAL mode. */
  if (version == 0 && (rc = sqlite3_exec (db, "PRAGMA page_size = 16384", NULL, NULL, NULL)) != SQLITE_OK)
    goto failed;

  g_clear_pointer (&text, g_free);
  if ((rc = query_text (db, "PRAGMA journal_mode = WAL", &text)) != SQLITE_OK)
    goto failed;
  if (g_strcmp0 (text, "wal") != 0)
    g_message ("The cache file system refused WAL (journal mode %s)", text);
  /* SQLite copies the log into the file (and syncs it) on the commit that takes it past
   * wal_autocheckpoint pages, 4 MB by default: a third of the database thread's time in a
   * 20 MB full sync, in its middle. The bound is raised to 64 MB, past one full sync of
   * 10,000 clients, and pd_cache_checkpoint() does it when a sync is over. */
  g_clear_pointer (&text, g_free);
  if ((rc = query_text (db, "PRAGMA page_size", &text)) != SQLITE_OK)
    goto failed;
  page_size = CLAMP (g_ascii_strtoull (text != NULL ? text : "4096", NULL, 10), 512, 65536);
  pragmas = g_strdup_printf ("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;"
                             " PRAGMA wal_autocheckpoint = %" G_GUINT64_FORMAT,
                             (guint64) WAL_BOUND_BYTES / page_size);
  if ((rc = sqlite3_exec (db, pragmas, NULL, NULL, NULL)) != SQLITE_OK)
    goto failed;

  if ((rc = migrate (db, (guint) version)) != SQLITE_OK)
    goto failed;

  *db_out = db;
  return ATTEMPT_OK;

failed:
  result = classify (db, rc, reason, error);
  if (db != NULL)
    sqlite3_close_v2 (db);
  return result;
}

static gboolean
move_aside (const char  *path,
            char       **moved_to,
            GError     **error)
{
  static const char * const suffixes[] = { "-wal", "-shm", "-journal" };
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  g_autofree char *target = g_strdup_printf ("%s.corrupt-%s", path, stamp);

  for (guint n = 2; g_file_test (target, G_FILE_TEST_EXISTS); n++)
    {
      g_free (target);
      target = g_strdup_printf ("%s.corrupt-%s-%u", path, stamp, n);
    }

  if (g_rename (path, target) != 0)
    {
      int saved = errno;
      g_set_error (error, PD_CACHE_ERROR, PD_CACHE_ERROR_OPEN,
                   _("The local cache “%s” is damaged and cannot be moved aside: %s"),
                   path, g_strerror (saved));
      return FALSE;
    }
  /* The companions travel with it, so the old copy stays consistent and the new file
   * does not pick up a stale log. */
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (target, suffixes[i], NULL);

      if (g_rename (from, to) != 0 && errno != ENOENT)
        {
          int saved = errno;
          g_set_error (error, PD_CACHE_ERROR, PD_CACHE_ERROR_OPEN,
                       _("The local cache “%s” is damaged and cannot be moved aside: %s"),
                       from, g_strerror (saved));
          return FALSE;
        }
    }
  *moved_to = g_steal_pointer (&target);
  return TRUE;
}

static gboolean
check_directory (const char  *path,
                 GError     **error)
{
  g_autofree char *directory = g_path_get_dirname (path);

  if (g_mkdir_with_parents (directory, 0700) != 0 || access (directory, W_OK | X_OK) != 0)
    {
      int saved = errno;
      g_set_error (error, PD_CACHE_ERROR, PD_CACHE_ERROR_OPEN,
                   _("The local cache cannot be created in the folder “%s”: %s"),
                   directory, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

gboolean
pd_cache_open_database (const char  *path,
                        sqlite3    **db_out,
                        char       **recovery_message,
                        GError     **error)
{
  g_autofree char *reason = NULL;
  g_autofree char *moved_to = NULL;
  g_autofree char *second_reason = NULL;

  *db_out = NULL;
  if (!check_directory (path, error))
    return FALSE;

  switch (attempt_open (path, db_out, &reason, error))
    {
    case ATTEMPT_OK:
      return TRUE;
    case ATTEMPT_TOO_NEW:
    case ATTEMPT_FAILED:
      return FALSE;
    case ATTEMPT_DAMAGED:
      break;
    }

  g_message ("The cache %s is damaged (%s), moving it aside", path, reason);
  if (!move_aside (path, &moved_to, error))
    return FALSE;

  if (attempt_open (path, db_out, &second_reason, error) != ATTEMPT_OK)
    {
      if (second_reason != NULL)
        g_set_error (error, PD_CACHE_ERROR, PD_CACHE_ERROR_OPEN,
                     _("The local cache “%s” cannot be created: %s"), path, second_reason);
      return FALSE;
    }

  if (recovery_message != NULL)
    *recovery_message = g_strdup_printf (_("The local cache was damaged (%s) and has been "
                                           "rebuilt; the old file was kept as “%s”. Everything "
                                           "is downloaded again from the portal."),
                                         reason, moved_to);
  return TRUE;
}

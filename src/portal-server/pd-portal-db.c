/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "pd-portal-db.h"

G_DEFINE_QUARK (pd-portal-db-error-quark, pd_portal_db_error)

sqlite3_stmt *
pd_portal_db_stmt (PdPortal   *portal,
                   const char *sql)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (portal->statements, sql);

  if (stmt == NULL)
    {
      if (sqlite3_prepare_v3 (portal->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
        g_error ("Cannot prepare “%s”: %s", sql, sqlite3_errmsg (portal->db));
      g_hash_table_insert (portal->statements, g_strdup (sql), stmt);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return stmt;
}

gboolean
pd_portal_db_exec (PdPortal    *portal,
                   const char  *sql,
                   GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (portal->db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, PD_PORTAL_DB_ERROR, 0, "%s", message ? message : "unknown SQLite error");
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

static void
exec_or_die (PdPortal   *portal,
             const char *sql)
{
  g_autoptr(GError) error = NULL;

  if (!pd_portal_db_exec (portal, sql, &error))
    g_error ("%s: %s", sql, error->message);
}

void
pd_portal_db_begin (PdPortal *portal)
{
  exec_or_die (portal, "BEGIN IMMEDIATE");
}

void
pd_portal_db_commit (PdPortal *portal)
{
  exec_or_die (portal, "COMMIT");
}

void
pd_portal_db_rollback (PdPortal *portal)
{
  if (!sqlite3_get_autocommit (portal->db))
    exec_or_die (portal, "ROLLBACK");
}

gboolean
pd_portal_db_step_done (PdPortal     *portal,
                        sqlite3_stmt *stmt)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      g_warning ("SQLite: %s (%s)", sqlite3_errmsg (portal->db), sqlite3_sql (stmt));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

gint64
pd_portal_db_scalar (PdPortal     *portal,
                     sqlite3_stmt *stmt,
                     gint64        fallback)
{
  gint64 value = fallback;

  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

const char *
pd_portal_db_text (sqlite3_stmt *stmt,
                   int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

gint64
pd_portal_db_touch (PdPortal   *portal,
                    const char *table,
                    gint64      rowid)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET version = version + 1, updated_at = ?1 "
                                          "WHERE id = ?2 RETURNING version", table);
  g_autofree char *now = pd_portal_now ();
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal, sql);

  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, rowid);
  return pd_portal_db_scalar (portal, stmt, 0);
}

void
pd_portal_db_tombstone (PdPortal   *portal,
                        gint64      partner_id,
                        const char *kind,
                        const char *public_id,
                        gint64      organization_id,
                        const char *parent_id)
{
  g_autofree char *now = pd_portal_now ();
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal,
      "INSERT INTO tombstones (partner_id, kind, public_id, organization_id, parent_id, deleted_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");

  sqlite3_bind_int64 (stmt, 1, partner_id);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, public_id, -1, SQLITE_TRANSIENT);
  if (organization_id > 0)
    sqlite3_bind_int64 (stmt, 4, organization_id);
  sqlite3_bind_text (stmt, 5, parent_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_TRANSIENT);
  pd_portal_db_step_done (portal, stmt);
}

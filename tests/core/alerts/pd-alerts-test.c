/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>

#include "pd-alerts-test.h"
#include "pd-session-test.h"
#include "pd-test-portal.h"

static sqlite3 *
open_db (const char *database)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (database, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  /* The portal holds its own connection; wait for its transactions to end. */
  sqlite3_busy_timeout (db, 20000);
  return db;
}

/* As the portal writes times (pd_portal_time_format), strictly after any earlier call. */
static char *
stamp_now (void)
{
  static gint64 last;
  gint64 now = MAX (g_get_real_time (), last + 1);
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (now / G_USEC_PER_SEC);
  g_autofree char *seconds = g_date_time_format (time, "%Y-%m-%dT%H:%M:%S");

  last = now;
  return g_strdup_printf ("%s.%06" G_GINT64_FORMAT "Z", seconds, now % G_USEC_PER_SEC);
}

static void
exec (sqlite3    *db,
      const char *sql,
      const char *text,
      gint64      id)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

GStrv
pd_alerts_test_fail_backups (const char *database,
                             guint       n)
{
  sqlite3 *db = open_db (database);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr(GArray) services = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) organizations = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
      "SELECT MIN(s.id), o.id FROM organizations o JOIN services s ON s.organization_id = o.id "
      "WHERE o.partner_id = (SELECT id FROM partners ORDER BY id LIMIT 1) AND o.status = 'active' AND o.credential_status = 'ok' AND s.authorization_state = 'authorized' "
      "AND s.backup_status IN ('success', 'warning') AND NOT EXISTS (SELECT 1 FROM services f "
      "WHERE f.organization_id = o.id AND (f.backup_status = 'failed' OR f.authorization_state = 'consent_lost')) "
      "GROUP BY o.id ORDER BY o.id LIMIT ?1", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int (stmt, 1, (int) n);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 service = sqlite3_column_int64 (stmt, 0);
      gint64 organization = sqlite3_column_int64 (stmt, 1);

      g_array_append_val (services, service);
      g_array_append_val (organizations, organization);
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (services->len, ==, n);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *now = stamp_now ();
      g_autofree char *touched = stamp_now ();
      g_autofree char *id = NULL;

      exec (db, "UPDATE services SET backup_status = 'failed', last_backup_at = ?1, jobs_failed = seats_managed, "
                "jobs_success = 0, version = version + 1, updated_at = ?1 WHERE id = ?2",
            now, g_array_index (services, gint64, i));
      exec (db, "UPDATE organizations SET version = version + 1, updated_at = ?1 WHERE id = ?2",
            touched, g_array_index (organizations, gint64, i));
      id = g_strdup_printf ("org_%" G_GINT64_FORMAT, g_array_index (organizations, gint64, i));
      g_strv_builder_add (ids, id);
    }
  sqlite3_close (db);
  return g_strv_builder_end (ids);
}

void
pd_alerts_test_break_credentials (const char *database,
                                  const char *organization_id)
{
  sqlite3 *db = open_db (database);
  g_autofree char *now = stamp_now ();

  g_assert_true (g_str_has_prefix (organization_id, "org_"));
  exec (db, "UPDATE organizations SET credential_status = 'needs_authentication', version = version + 1, "
            "updated_at = ?1 WHERE id = ?2", now, g_ascii_strtoll (organization_id + 4, NULL, 10));
  sqlite3_close (db);
}

char *
pd_alerts_test_expire_invitation (const char *database)
{
  sqlite3 *db = open_db (database);
  g_autofree char *now = stamp_now ();
  g_autoptr(GDateTime) utc = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) soon = g_date_time_add_hours (utc, 12);
  g_autofree char *expires = g_date_time_format (soon, "%Y-%m-%dT%H:%M:%S.000000Z");
  sqlite3_stmt *stmt = NULL;
  gint64 service, organization;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
      "SELECT s.id, o.id FROM services s JOIN organizations o ON o.id = s.organization_id "
      "JOIN service_authorizations a ON a.service_id = s.id "
      "WHERE o.partner_id = (SELECT id FROM partners ORDER BY id LIMIT 1) AND o.status = 'active' "
      "AND s.authorization_state = 'pending_client_admin' AND a.invitation_email IS NOT NULL "
      "ORDER BY s.id LIMIT 1", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  service = sqlite3_column_int64 (stmt, 0);
  organization = sqlite3_column_int64 (stmt, 1);
  sqlite3_finalize (stmt);
  exec (db, "UPDATE service_authorizations SET invitation_expires_at = ?1, version = version + 1 WHERE service_id = ?2",
        expires, service);
  exec (db, "UPDATE authorization_tokens SET expires_at = ?1 WHERE service_id = ?2 AND kind = 'invitation'",
        expires, service);
  exec (db, "UPDATE organizations SET version = version + 1, updated_at = ?1 WHERE id = ?2", now, organization);
  sqlite3_close (db);
  return g_strdup_printf ("org_%" G_GINT64_FORMAT, organization);
}

static void
synced_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  pd_sync_engine_sync_finish (PD_SYNC_ENGINE (source), result, &error);
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

void
pd_alerts_test_sync (PdSession *session)
{
  gboolean done = FALSE;

  pd_sync_engine_sync_async (pd_session_get_sync_engine (session), FALSE, NULL, synced_cb, &done);
  pd_test_wait_until (&done, PD_SESSION_TEST_TIMEOUT_MS);
  g_assert_cmpint (pd_sync_engine_get_state (pd_session_get_sync_engine (session)), ==, PD_SYNC_STATE_UP_TO_DATE);
}

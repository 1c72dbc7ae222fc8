/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "pd-portal-auth.h"
#include "pd-portal-db.h"

const PdPortalPermission pd_portal_permissions[] = {
  { "partner.read", "partner", "See the partner profile and settings" },
  { "partner.write", "partner", "Change the partner profile and settings" },
  { "organizations.read", "organizations", "See organizations and their services" },
  { "organizations.write", "organizations", "Create and edit organizations, map them, send reset-password e-mails, change admin access" },
  { "organizations.delete", "organizations", "Delete organizations" },
  { "organizations.sign_in", "organizations", "Open the client portal as the organization" },
  { "services.write", "services", "Change how a service is managed" },
  { "services.authorize", "services", "Authorize services and invite client admins" },
  { "accounts.read", "accounts", "See accounts and their backups" },
  { "accounts.protect", "accounts", "Protect, pause and unprotect accounts" },
  { "dashboard.read", "dashboard", "See the dashboard" },
  { "reports.export", "dashboard", "Export report rows" },
  { "users.read", "users", "See partner users" },
  { "users.write", "users", "Create and edit partner users" },
  { "users.delete", "users", "Delete partner users" },
  { "roles.read", "roles", "See roles and the permission catalogue" },
  { "roles.write", "roles", "Create, edit and delete custom roles" },
  { "groups.read", "groups", "See groups" },
  { "groups.write", "groups", "Create, edit and delete groups, their access scope and managers" },
  { "notifications.read", "notifications", "See notification settings" },
  { "notifications.write", "notifications", "Change notification settings" },
  { "smtp.read", "smtp", "See SMTP settings" },
  { "smtp.write", "smtp", "Change and test SMTP settings" },
  { "audit.read", "audit", "See the audit log" },
  { "api_keys.manage", "api_keys", "Create and revoke one's own API keys" },
  { NULL, NULL, NULL }
};

gboolean
pd_portal_permission_exists (const char *key)
{
  for (guint i = 0; pd_portal_permissions[i].key != NULL; i++)
    if (g_strcmp0 (pd_portal_permissions[i].key, key) == 0)
      return TRUE;
  return FALSE;
}

void
pd_portal_caller_free (PdPortalCaller *caller)
{
  if (caller == NULL)
    return;
  g_free (caller->email);
  g_free (caller->name);
  g_free (caller->role_key);
  g_free (caller->credential);
  g_clear_pointer (&caller->permissions, g_hash_table_unref);
  g_clear_pointer (&caller->organizations, g_hash_table_unref);
  g_free (caller);
}

PdPortalCaller *
pd_portal_caller_load (PdPortal   *portal,
                       gint64      user_id,
                       const char *credential)
{
  sqlite3_stmt *stmt;
  g_autoptr(PdPortalCaller) caller = g_new0 (PdPortalCaller, 1);
  gboolean manages_group = FALSE;

  stmt = pd_portal_db_stmt (portal,
      "SELECT u.partner_id, u.email, u.name, r.id, r.key, r.rank FROM users u "
      "JOIN roles r ON r.id = u.role_id WHERE u.id = ?1 AND u.status = 'active'");
  sqlite3_bind_int64 (stmt, 1, user_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return NULL;
    }
  caller->user_id = user_id;
  caller->partner_id = sqlite3_column_int64 (stmt, 0);
  caller->email = g_strdup (pd_portal_db_text (stmt, 1));
  caller->name = g_strdup (pd_portal_db_text (stmt, 2));
  caller->role_id = sqlite3_column_int64 (stmt, 3);
  caller->role_key = g_strdup (pd_portal_db_text (stmt, 4));
  caller->role_rank = sqlite3_column_int (stmt, 5);
  caller->credential = g_strdup (credential);
  sqlite3_reset (stmt);

  caller->permissions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  stmt = pd_portal_db_stmt (portal, "SELECT permission FROM role_permissions WHERE role_id = ?1");
  sqlite3_bind_int64 (stmt, 1, caller->role_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (caller->permissions, g_strdup (pd_portal_db_text (stmt, 0)));
  sqlite3_reset (stmt);

  /* Owners and super admins see everything. Others see everything unless they manage
   * groups, and then the union of those groups' scopes (an empty scope means all). */
  caller->all_organizations = TRUE;
  if (caller->role_rank < 90)
    {
      caller->organizations = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      stmt = pd_portal_db_stmt (portal,
          "SELECT gm.group_id, (SELECT count(*) FROM group_organizations go WHERE go.group_id = gm.group_id) "
          "FROM group_managers gm WHERE gm.user_id = ?1");
      sqlite3_bind_int64 (stmt, 1, user_id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          manages_group = TRUE;
          if (sqlite3_column_int64 (stmt, 1) == 0)
            {
              manages_group = FALSE;  /* a group without scope grants everything */
              break;
            }
        }
      sqlite3_reset (stmt);

      if (manages_group)
        {
          caller->all_organizations = FALSE;
          stmt = pd_portal_db_stmt (portal,
              "SELECT DISTINCT go.organization_id FROM group_organizations go "
              "JOIN group_managers gm ON gm.group_id = go.group_id WHERE gm.user_id = ?1");
          sqlite3_bind_int64 (stmt, 1, user_id);
          while (sqlite3_step (stmt) == SQLITE_ROW)
            {
              gint64 *id = g_new (gint64, 1);
              *id = sqlite3_column_int64 (stmt, 0);
              g_hash_table_add (caller->organizations, id);
            }
          sqlite3_reset (stmt);
        }
    }

  return g_steal_pointer (&caller);
}

static char *
now_plus (int seconds)
{
  return pd_portal_time_format (g_get_real_time () + (gint64) seconds * G_USEC_PER_SEC);
}

PdPortalCaller *
pd_portal_caller_from_bearer (PdPortal   *portal,
                              const char *token)
{
  g_autofree char *hash = NULL;
  g_autofree char *now = NULL;
  g_autofree char *credential = NULL;
  sqlite3_stmt *stmt;
  gint64 user_id = 0;

  if (token == NULL || *token == '\0' || strlen (token) > 512)
    return NULL;

  hash = pd_portal_sha256_hex (token);
  now = pd_portal_now ();

  if (g_str_has_prefix (token, "pdk_"))
    {
      gint64 key_id = 0;

      stmt = pd_portal_db_stmt (portal,
          "SELECT id, user_id FROM api_keys WHERE key_hash = ?1 AND revoked_at IS NULL");
      sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          key_id = sqlite3_column_int64 (stmt, 0);
          user_id = sqlite3_column_int64 (stmt, 1);
        }
      sqlite3_reset (stmt);
      if (key_id == 0)
        return NULL;

      stmt = pd_portal_db_stmt (portal, "UPDATE api_keys SET last_used_at = ?1 WHERE id = ?2");
      sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, key_id);
      pd_portal_db_step_done (portal, stmt);

      credential = pd_portal_id_format ("key", key_id);
      {
        PdPortalCaller *caller = pd_portal_caller_load (portal, user_id, credential);
        if (caller != NULL)
          caller->api_key_id = key_id;
        return caller;
      }
    }

  stmt = pd_portal_db_stmt (portal,
      "SELECT user_id, family FROM access_tokens WHERE token_hash = ?1 AND revoked = 0 AND expires_at > ?2");
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      user_id = sqlite3_column_int64 (stmt, 0);
      credential = g_strconcat ("tok_", pd_portal_db_text (stmt, 1), NULL);
    }
  sqlite3_reset (stmt);
  if (user_id == 0)
    return NULL;
  return pd_portal_caller_load (portal, user_id, credential);
}

gboolean
pd_portal_caller_can (PdPortalCaller *caller,
                      const char     *permission)
{
  return caller != NULL && g_hash_table_contains (caller->permissions, permission);
}

gboolean
pd_portal_caller_sees (PdPortalCaller *caller,
                       gint64          organization_id)
{
  if (caller == NULL)
    return FALSE;
  return caller->all_organizations || g_hash_table_contains (caller->organizations, &organization_id);
}

void
pd_portal_caller_bind_scope (PdPortalCaller *caller,
                             sqlite3_stmt   *stmt)
{
  sqlite3_bind_int (stmt, 100, caller->all_organizations ? 1 : 0);
  sqlite3_bind_int64 (stmt, 101, caller->user_id);
}

char *
pd_portal_password_hash (const char *password,
                         const char *salt)
{
  g_autofree char *digest = g_strconcat (salt, ":", password, NULL);

  for (guint i = 0; i < 2000; i++)
    {
      char *next = g_compute_hmac_for_string (G_CHECKSUM_SHA256, (const guchar *) salt, strlen (salt),
                                              digest, -1);
      g_free (digest);
      digest = next;
    }
  return g_steal_pointer (&digest);
}

gboolean
pd_portal_password_verify (const char *password,
                           const char *salt,
                           const char *hash)
{
  g_autofree char *computed = NULL;
  guchar diff = 0;
  gsize len;

  if (password == NULL || salt == NULL || hash == NULL)
    return FALSE;
  computed = pd_portal_password_hash (password, salt);
  len = strlen (computed);
  if (strlen (hash) != len)
    return FALSE;
  for (gsize i = 0; i < len; i++)  /* constant time */
    diff |= (guchar) (computed[i] ^ hash[i]);
  return diff == 0;
}

char *
pd_portal_issue_access_token (PdPortal   *portal,
                              gint64      user_id,
                              const char *family,
                              const char *client_id,
                              int         lifetime_seconds)
{
  g_autofree char *token = pd_portal_random_token ("pda_", 32);
  g_autofree char *hash = pd_portal_sha256_hex (token);
  g_autofree char *expires = now_plus (lifetime_seconds);
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal,
      "INSERT INTO access_tokens (token_hash, user_id, family, client_id, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)");

  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, user_id);
  sqlite3_bind_text (stmt, 3, family, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, client_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, expires, -1, SQLITE_STATIC);
  pd_portal_db_step_done (portal, stmt);
  return g_steal_pointer (&token);
}

char *
pd_portal_create_api_key (PdPortal   *portal,
                          gint64      user_id,
                          const char *name,
                          gint64     *out_rowid)
{
  g_autofree char *key = pd_portal_random_token ("pdk_", 24);
  g_autofree char *hash = pd_portal_sha256_hex (key);
  g_autofree char *prefix = g_strndup (key, 10);
  g_autofree char *now = pd_portal_now ();
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal,
      "INSERT INTO api_keys (user_id, name, prefix, key_hash, created_at, updated_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?5) RETURNING id");

  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, prefix, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
  if (out_rowid != NULL)
    *out_rowid = pd_portal_db_scalar (portal, stmt, 0);
  else
    pd_portal_db_scalar (portal, stmt, 0);
  return g_steal_pointer (&key);
}

char *
pd_portal_caller_idempotency_scope (const PdPortalCaller *caller)
{
  return g_strdup_printf ("usr_%" G_GINT64_FORMAT "@ptn_%" G_GINT64_FORMAT,
                          caller->user_id, caller->partner_id);
}

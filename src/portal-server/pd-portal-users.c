/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Partner users.
 *
 * Rules on top of the permissions: a caller grants only roles ranked below their own and
 * changes, deactivates or deletes only users whose role ranks below their own; a user may edit
 * their own name, language and notification choice, but not their own role or status, and
 * cannot delete themselves; the owner is never removed, deactivated or demoted. Deactivating or
 * deleting a user revokes their API keys and tokens and removes them from group managers. */
#include "pd-portal-admin.h"
#include "pd-portal-db.h"
#include "pd-portal-modules.h"
#include "pd-portal-rows.h"
#include "pd-portal-validate.h"

/* E-mails the portal sent about users: invitations (users created without a password) and
 * password resets. The demo portal records them instead of sending them. */
static const char users_schema[] =
  "CREATE TABLE IF NOT EXISTS user_emails ("
  "  id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL, sent_to TEXT NOT NULL, sent_at TEXT NOT NULL);\n"
  "CREATE INDEX IF NOT EXISTS users_partner_updated ON users (partner_id, updated_at);\n";

static const char *const languages[] = { "en", "de", "fr", "ja", "pt_BR", NULL };
static const char *const statuses[] = { "active", "deactivated", NULL };

#define USER_COLUMNS \
  "u.id, u.version, u.created_at, u.updated_at, u.email, u.name, r.id, r.builtin, r.key, r.name, " \
  "u.status, u.notify_backup_errors, u.language, u.mfa_secret IS NOT NULL, u.last_sign_in_at"

#define MIN_PASSWORD 12
#define MAX_PASSWORD 256

/* @row holds USER_COLUMNS. */
static void
add_user (PdPortalRequest *req,
          JsonBuilder     *builder,
          sqlite3_stmt    *row)
{
  g_autofree char *id = pd_portal_id_format ("usr", sqlite3_column_int64 (row, 0));

  json_builder_begin_object (builder);
  pd_portal_json_meta (builder, id, sqlite3_column_int64 (row, 1), pd_portal_db_text (row, 2),
                       pd_portal_db_text (row, 3));
  pd_portal_json_text (builder, "email", pd_portal_db_text (row, 4));
  pd_portal_json_text (builder, "name", pd_portal_db_text (row, 5));
  pd_portal_json_role_ref (builder, "role", sqlite3_column_int64 (row, 6), sqlite3_column_int (row, 7) != 0,
                           pd_portal_db_text (row, 8), pd_portal_db_text (row, 9));
  pd_portal_json_text (builder, "status", pd_portal_db_text (row, 10));
  pd_portal_json_bool (builder, "notify_backup_errors", sqlite3_column_int (row, 11) != 0);
  pd_portal_json_text (builder, "language", pd_portal_db_text (row, 12));
  pd_portal_json_bool (builder, "mfa_enabled", sqlite3_column_int (row, 13) != 0);
  pd_portal_json_text (builder, "last_sign_in_at", pd_portal_db_text (row, 14));
  json_builder_end_object (builder);
}

static void
respond_user (PdPortalRequest *req,
              guint            status,
              gint64           user_id)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *id = pd_portal_id_format ("usr", user_id);
  g_autofree char *etag = NULL;
  sqlite3_stmt *stmt = pd_portal_db_stmt (req->portal,
      "SELECT " USER_COLUMNS " FROM users u JOIN roles r ON r.id = u.role_id WHERE u.id = ?1");

  sqlite3_bind_int64 (stmt, 1, user_id);
  if (!pd_portal_step_found (req, stmt, "user"))
    return;
  etag = pd_portal_etag (id, sqlite3_column_int64 (stmt, 1));
  add_user (req, builder, stmt);
  sqlite3_reset (stmt);
  pd_portal_respond_resource (req, status, builder, etag, "/api/v1/users", id);
}

/* The list */

/* 422 for a query parameter: one field error, as a request body's would be */
static void
respond_query_error (PdPortalRequest *req,
                     const char      *field,
                     const char      *code,
                     const char      *message)
{
  g_autoptr(JsonBuilder) errors = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_array (errors);
  json_builder_begin_object (errors);
  pd_portal_json_text (errors, "field", field);
  pd_portal_json_text (errors, "code", code);
  pd_portal_json_text (errors, "message", message);
  json_builder_end_object (errors);
  json_builder_end_array (errors);
  node = json_builder_get_root (errors);
  pd_portal_respond_field_errors (req, node);
}

static void
handle_list (PdPortalRequest *req)
{
  static const char *const status_filters[] = { "active", "deactivated", NULL };
  const char *q = pd_portal_query (req, "q");
  const char *role = pd_portal_query (req, "role");
  const char *status = pd_portal_query (req, "status");
  gint64 role_id = 0;
  PdPortalPage page;
  sqlite3_stmt *stmt;

  if (!pd_portal_require (req, "users.read"))
    return;
  if (role != NULL && (role_id = pd_portal_role_find (req->portal, req->caller->partner_id, role)) == 0)
    {
      respond_query_error (req, "role", "not_found", "role must be a role ID from GET /api/v1/roles.");
      return;
    }
  if (status != NULL && !g_strv_contains (status_filters, status))
    {
      respond_query_error (req, "status", "invalid_choice", "status must be one of: active, deactivated.");
      return;
    }
  if (!pd_portal_page_parse (req, &page))
    return;

  stmt = pd_portal_db_stmt (req->portal,
      "SELECT " USER_COLUMNS " FROM users u JOIN roles r ON r.id = u.role_id "
      "WHERE u.partner_id = ?1 AND u.id > ?2 AND (?3 IS NULL OR u.updated_at >= ?3) "
      "AND (?4 IS NULL OR instr(casefold(u.name), casefold(?4)) > 0 OR instr(casefold(u.email), casefold(?4)) > 0) "
      "AND (?5 IS NULL OR u.role_id = ?5) AND (?6 IS NULL OR u.status = ?6) "
      "ORDER BY u.id LIMIT ?7");
  sqlite3_bind_int64 (stmt, 1, req->caller->partner_id);
  sqlite3_bind_int64 (stmt, 2, page.after);
  sqlite3_bind_text (stmt, 3, page.updated_since, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, q, -1, SQLITE_STATIC);
  if (role_id > 0)
    sqlite3_bind_int64 (stmt, 5, role_id);
  sqlite3_bind_text (stmt, 6, status, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, (gint64) page.limit + 1);
  pd_portal_respond_page_of_rows (req, &page, stmt, add_user, "user");
}

/* One user */

typedef struct {
  gint64   id;
  gint64   version;
  char    *public_id;
  char    *email;
  char    *name;
  char    *status;
  gint64   role_id;
  gboolean role_builtin;
  char    *role_key;
  char    *role_name;
  int      role_rank;
  gboolean notify;
  char    *language;
} UserRow;

static void
user_row_clear (UserRow *row)
{
  g_clear_pointer (&row->public_id, g_free);
  g_clear_pointer (&row->email, g_free);
  g_clear_pointer (&row->name, g_free);
  g_clear_pointer (&row->status, g_free);
  g_clear_pointer (&row->role_key, g_free);
  g_clear_pointer (&row->role_name, g_free);
  g_clear_pointer (&row->language, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (UserRow, user_row_clear)

/* The user of the path in the caller's partner; responds 404 and returns FALSE otherwise. */
static gboolean
load_user (PdPortalRequest *req,
           UserRow         *row)
{
  sqlite3_stmt *stmt;
  gint64 id;

  if (!pd_portal_id_parse ("usr", req->params[0], &id))
    {
      pd_portal_respond_not_found (req, "user");
      return FALSE;
    }
  stmt = pd_portal_db_stmt (req->portal,
      "SELECT u.version, u.email, u.name, u.status, r.id, r.builtin, r.key, r.name, r.rank, "
      "u.notify_backup_errors, u.language FROM users u JOIN roles r ON r.id = u.role_id WHERE u.id = ?1 AND u.partner_id = ?2");
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, req->caller->partner_id);
  if (!pd_portal_step_found (req, stmt, "user"))
    return FALSE;
  row->id = id;
  row->version = sqlite3_column_int64 (stmt, 0);
  row->public_id = pd_portal_id_format ("usr", id);
  row->email = g_strdup (pd_portal_db_text (stmt, 1));
  row->name = g_strdup (pd_portal_db_text (stmt, 2));
  row->status = g_strdup (pd_portal_db_text (stmt, 3));
  row->role_id = sqlite3_column_int64 (stmt, 4);
  row->role_builtin = sqlite3_column_int (stmt, 5) != 0;
  row->role_key = g_strdup (pd_portal_db_text (stmt, 6));
  row->role_name = g_strdup (pd_portal_db_text (stmt, 7));
  row->role_rank = sqlite3_column_int (stmt, 8);
  row->notify = sqlite3_column_int (stmt, 9) != 0;
  row->language = g_strdup (pd_portal_db_text (stmt, 10));
  sqlite3_reset (stmt);
  return TRUE;
}

static void
handle_get (PdPortalRequest *req)
{
  g_auto(UserRow) row = { 0 };

  if (!pd_portal_require (req, "users.read") || !load_user (req, &row))
    return;
  respond_user (req, SOUP_STATUS_OK, row.id);
}

/* The role a request grants: 422 when unknown (field "role"), 403 when not below the caller. */
typedef struct {
  gint64   id;
  int      rank;
  gboolean builtin;
  char    *key;
  char    *name;
} Grant;

static void
grant_clear (Grant *grant)
{
  g_clear_pointer (&grant->key, g_free);
  g_clear_pointer (&grant->name, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Grant, grant_clear)

static void
lookup_grant (PdPortalValidation *v,
              PdPortalRequest    *req,
              const char         *role,
              Grant              *grant)
{
  sqlite3_stmt *stmt;

  if (role == NULL)
    return;
  grant->id = pd_portal_role_find (req->portal, req->caller->partner_id, role);
  if (grant->id == 0)
    {
      pd_portal_validation_error (v, "role", "not_found", "“%s” is not a role; see GET /api/v1/roles.", role);
      return;
    }
  stmt = pd_portal_db_stmt (req->portal, "SELECT rank, builtin, key, name FROM roles WHERE id = ?1");
  sqlite3_bind_int64 (stmt, 1, grant->id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      grant->rank = sqlite3_column_int (stmt, 0);
      grant->builtin = sqlite3_column_int (stmt, 1) != 0;
      grant->key = g_strdup (pd_portal_db_text (stmt, 2));
      grant->name = g_strdup (pd_portal_db_text (stmt, 3));
    }
  sqlite3_reset (stmt);
}

static gboolean
check_grant (PdPortalRequest *req,
             Grant           *grant)
{
  if (grant->id == 0 || grant->rank < req->caller->role_rank)
    return TRUE;
  pd_portal_respond_forbidden (req, "rank", "Role rank too low", "rank",
                               "You can only give roles ranked below your own (%s, rank %d); “%s” ranks %d.",
                               req->caller->role_key, req->caller->role_rank, grant->name, grant->rank);
  return FALSE;
}

/* Password: not trimmed (spaces count), MIN_PASSWORD..MAX_PASSWORD characters. */
static const char *
validate_password (PdPortalValidation *v)
{
  JsonObject *object = pd_portal_validation_object (v);
  JsonNode *node = object ? json_object_get_member (object, "password") : NULL;
  const char *password;
  glong length;

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      pd_portal_validation_error (v, "password", "type", "“password” must be a string.");
      return NULL;
    }
  password = json_node_get_string (node);
  length = g_utf8_strlen (password, -1);
  if (length < MIN_PASSWORD)
    pd_portal_validation_error (v, "password", "too_short", "“password” must have at least %d characters.", MIN_PASSWORD);
  else if (length > MAX_PASSWORD)
    pd_portal_validation_error (v, "password", "too_long", "“password” can have at most %d characters.", MAX_PASSWORD);
  else
    return password;
  return NULL;
}

static gboolean
email_taken (PdPortalRequest *req,
             const char      *email)
{
  sqlite3_stmt *stmt = pd_portal_db_stmt (req->portal,
      "SELECT count(*) FROM users WHERE partner_id = ?1 AND casefold(email) = casefold(?2)");

  sqlite3_bind_int64 (stmt, 1, req->caller->partner_id);
  sqlite3_bind_text (stmt, 2, email, -1, SQLITE_STATIC);
  return pd_portal_db_scalar (req->portal, stmt, 0) > 0;
}

static char *
record_email (PdPortal   *portal,
              gint64      user_id,
              const char *kind,
              const char *sent_to)
{
  char *now = pd_portal_now ();
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal,
      "INSERT INTO user_emails (user_id, kind, sent_to, sent_at) VALUES (?1, ?2, ?3, ?4)");

  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, sent_to, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
  pd_portal_db_step_done (portal, stmt);
  return now;
}

static void
handle_create (PdPortalRequest *req)
{
  static const char *const allowed[] = { "email", "name", "role", "notify_backup_errors", "password", "language", NULL };
  g_autoptr(PdPortalValidation) v = NULL;
  g_auto(Grant) grant = { 0 };
  g_autofree char *now = NULL;
  g_autofree char *salt = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *public_id = NULL;
  g_autofree char *sent_at = NULL;
  const char *email, *name, *role, *password, *language;
  gboolean notify = TRUE;
  sqlite3_stmt *stmt;
  gint64 user_id;

  if (!pd_portal_require (req, "users.write"))
    return;

  v = pd_portal_validation_new (req);
  pd_portal_validation_only (v, allowed);
  email = pd_portal_validate_email (v, "email", PD_FIELD_REQUIRED);
  name = pd_portal_validate_string (v, "name", PD_FIELD_REQUIRED, 1, 200);
  role = pd_portal_validate_string (v, "role", PD_FIELD_REQUIRED, 1, 100);
  pd_portal_validate_bool (v, "notify_backup_errors", PD_FIELD_REQUIRED, &notify);
  password = validate_password (v);
  language = pd_portal_validate_enum (v, "language", PD_FIELD_OPTIONAL, languages);
  lookup_grant (v, req, role, &grant);
  if (pd_portal_validation_failed (v) || !check_grant (req, &grant))
    return;
  if (email_taken (req, email))
    {
      pd_portal_respond_problem (req, SOUP_STATUS_CONFLICT, "email-taken", "E-mail address in use",
                                 "A user with the e-mail address %s already exists.", email);
      return;
    }

  now = pd_portal_now ();
  if (password != NULL)
    {
      salt = pd_portal_random_token ("", 12);
      hash = pd_portal_password_hash (password, salt);
    }

  pd_portal_db_begin (req->portal);
  stmt = pd_portal_db_stmt (req->portal,
      "INSERT INTO users (partner_id, email, name, role_id, status, password_hash, password_salt, "
      "notify_backup_errors, language, created_at, updated_at) "
      "VALUES (?1, ?2, ?3, ?4, 'active', ?5, ?6, ?7, ?8, ?9, ?9) RETURNING id");
  sqlite3_bind_int64 (stmt, 1, req->caller->partner_id);
  sqlite3_bind_text (stmt, 2, email, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, grant.id);
  sqlite3_bind_text (stmt, 5, hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, salt, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 7, notify);
  sqlite3_bind_text (stmt, 8, language ? language : "en", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, now, -1, SQLITE_STATIC);
  user_id = pd_portal_db_scalar (req->portal, stmt, 0);
  public_id = pd_portal_id_format ("usr", user_id);
  if (password == NULL)
    sent_at = record_email (req->portal, user_id, "invitation", email);
  pd_portal_audit (req, "user.create", "user", public_id, 0, "Created the user %s <%s> with the role “%s”%s",
                   name, email, grant.name, password == NULL ? "; sent an invitation" : "");
  pd_portal_db_commit (req->portal);

  respond_user (req, SOUP_STATUS_CREATED, user_id);
}

/* Rules for acting on another user (see the top of the file). */
static gboolean
check_rank_over (PdPortalRequest *req,
                 UserRow         *row,
                 const char      *verb)
{
  if (row->role_rank < req->caller->role_rank)
    return TRUE;
  pd_portal_respond_forbidden (req, "rank", "Role rank too low", "rank",
                               "%s has the role “%s” (rank %d), not below your own (%s, rank %d): you cannot %s them.",
                               row->name, row->role_name, row->role_rank, req->caller->role_key,
                               req->caller->role_rank, verb);
  return FALSE;
}

static void
respond_owner_protected (PdPortalRequest *req,
                         const char      *what)
{
  pd_portal_respond_problem (req, SOUP_STATUS_CONFLICT, "owner-protected", "The owner is protected",
                             "The owner of the partner account cannot be %s.", what);
}

static void
respond_self (PdPortalRequest *req,
              const char      *what)
{
  pd_portal_respond_forbidden (req, "self", "Not on your own user", "self",
                               "You cannot %s your own user; ask another administrator.", what);
}

/* Revokes every API key, access token and refresh token of @user_id. */
static void
revoke_credentials (PdPortal   *portal,
                    gint64      user_id,
                    const char *now)
{
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal,
      "UPDATE api_keys SET revoked_at = ?1, version = version + 1, updated_at = ?1 "
      "WHERE user_id = ?2 AND revoked_at IS NULL");

  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, user_id);
  pd_portal_db_step_done (portal, stmt);

  stmt = pd_portal_db_stmt (portal, "UPDATE access_tokens SET revoked = 1 WHERE user_id = ?1 AND revoked = 0");
  sqlite3_bind_int64 (stmt, 1, user_id);
  pd_portal_db_step_done (portal, stmt);

  /* The OAuth module's refresh tokens: reactivation must not bring a session back. */
  stmt = pd_portal_db_stmt (portal, "UPDATE refresh_tokens SET revoked = 1 WHERE user_id = ?1 AND revoked = 0");
  sqlite3_bind_int64 (stmt, 1, user_id);
  pd_portal_db_step_done (portal, stmt);
}

static void
handle_update (PdPortalRequest *req)
{
  static const char *const allowed[] = { "email", "name", "role", "status", "notify_backup_errors", "language", NULL };
  g_auto(UserRow) row = { 0 };
  g_autoptr(PdPortalValidation) v = NULL;
  g_auto(Grant) grant = { 0 };
  g_autoptr(GString) changes = g_string_new (NULL);
  g_autofree char *etag = NULL;
  g_autofree char *now = NULL;
  const char *email, *name, *role, *status, *language;
  gboolean notify = FALSE, has_notify, self, role_changes, status_changes;
  gboolean name_changes, notify_changes, language_changes;
  sqlite3_stmt *stmt;

  if (!pd_portal_require (req, "users.write") || !load_user (req, &row))
    return;

  v = pd_portal_validation_new (req);
  pd_portal_validation_only (v, allowed);
  email = pd_portal_validate_string (v, "email", PD_FIELD_OPTIONAL, 1, 254);
  name = pd_portal_validate_string (v, "name", PD_FIELD_OPTIONAL, 1, 200);
  role = pd_portal_validate_string (v, "role", PD_FIELD_OPTIONAL, 1, 100);
  status = pd_portal_validate_enum (v, "status", PD_FIELD_OPTIONAL, statuses);
  has_notify = pd_portal_validate_bool (v, "notify_backup_errors", PD_FIELD_OPTIONAL, &notify);
  language = pd_portal_validate_enum (v, "language", PD_FIELD_OPTIONAL, languages);
  /* Sending the e-mail back unchanged is fine (clients send whole objects); changing it is not. */
  if (email != NULL)
    {
      g_autofree char *sent = g_utf8_casefold (email, -1);
      g_autofree char *stored = g_utf8_casefold (row.email, -1);
      if (!g_str_equal (sent, stored))
        pd_portal_validation_error (v, "email", "immutable",
                                    "A user's e-mail address cannot be changed; create a new user instead.");
    }
  lookup_grant (v, req, role, &grant);
  if (pd_portal_validation_failed (v))
    return;

  etag = pd_portal_etag (row.public_id, row.version);
  if (!pd_portal_check_if_match (req, etag))
    return;

  self = row.id == req->caller->user_id;
  role_changes = grant.id != 0 && grant.id != row.role_id;
  status_changes = status != NULL && !g_str_equal (status, row.status);
  if (g_strcmp0 (row.role_key, "owner") == 0 && row.role_builtin && (role_changes || status_changes))
    {
      respond_owner_protected (req, role_changes ? "demoted" : "deactivated");
      return;
    }
  if (self && (role_changes || status_changes))
    {
      respond_self (req, role_changes ? "change the role of" : "change the status of");
      return;
    }
  if (!self && !check_rank_over (req, &row, "change"))
    return;
  if (role_changes && !check_grant (req, &grant))
    return;

  name_changes = name != NULL && !g_str_equal (name, row.name);
  notify_changes = has_notify && notify != row.notify;
  language_changes = language != NULL && !g_str_equal (language, row.language);
  if (!name_changes && !role_changes && !status_changes && !notify_changes && !language_changes)
    {
      respond_user (req, SOUP_STATUS_OK, row.id);  /* nothing to change: same version */
      return;
    }

  now = pd_portal_now ();
  pd_portal_db_begin (req->portal);
  stmt = pd_portal_db_stmt (req->portal,
      "UPDATE users SET name = coalesce(?1, name), role_id = coalesce(?2, role_id), status = coalesce(?3, status), "
      "notify_backup_errors = coalesce(?4, notify_backup_errors), language = coalesce(?5, language), "
      "version = version + 1, updated_at = ?6 WHERE id = ?7");
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (role_changes)
    sqlite3_bind_int64 (stmt, 2, grant.id);
  sqlite3_bind_text (stmt, 3, status, -1, SQLITE_STATIC);
  if (has_notify)
    sqlite3_bind_int (stmt, 4, notify);
  sqlite3_bind_text (stmt, 5, language, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, row.id);
  pd_portal_db_step_done (req->portal, stmt);

  if (name_changes)
    {
      g_string_append_printf (changes, "; renamed to %s", name);
      pd_portal_groups_touch_managed (req->portal, row.id);
    }
  if (role_changes)
    {
      g_string_append_printf (changes, "; role “%s” → “%s”", row.role_name, grant.name);
      /* Only admins and support staff manage groups; groups show their managers' roles. */
      if (pd_portal_role_may_manage_groups (grant.builtin, grant.key))
        pd_portal_groups_touch_managed (req->portal, row.id);
      else
        pd_portal_groups_drop_manager (req->portal, row.id);
    }
  if (status_changes)
    {
      g_string_append_printf (changes, "; %s", status);
      if (g_str_equal (status, "deactivated"))
        {
          revoke_credentials (req->portal, row.id, now);
          pd_portal_groups_drop_manager (req->portal, row.id);
        }
    }
  if (notify_changes)
    g_string_append_printf (changes, "; backup error e-mails %s", notify ? "on" : "off");
  if (language_changes)
    g_string_append_printf (changes, "; language %s", language);
  pd_portal_audit (req, "user.update", "user", row.public_id, 0, "Changed the user %s <%s>%s",
                   row.name, row.email, changes->str);
  pd_portal_db_commit (req->portal);

  respond_user (req, SOUP_STATUS_OK, row.id);
}

static void
handle_delete (PdPortalRequest *req)
{
  g_auto(UserRow) row = { 0 };
  g_autofree char *etag = NULL;
  sqlite3_stmt *stmt;
  gboolean deleted;

  if (!pd_portal_require (req, "users.delete") || !load_user (req, &row))
    return;
  etag = pd_portal_etag (row.public_id, row.version);
  if (!pd_portal_check_if_match (req, etag))
    return;
  if (g_strcmp0 (row.role_key, "owner") == 0 && row.role_builtin)
    {
      respond_owner_protected (req, "deleted");
      return;
    }
  if (row.id == req->caller->user_id)
    {
      respond_self (req, "delete");
      return;
    }
  if (!check_rank_over (req, &row, "delete"))
    return;

  pd_portal_db_begin (req->portal);
  /* Keys, tokens and group memberships go with the row (ON DELETE CASCADE); the groups
   * still change version so that their readers see the new managers. */
  pd_portal_groups_drop_manager (req->portal, row.id);
  stmt = pd_portal_db_stmt (req->portal, "DELETE FROM users WHERE id = ?1");
  sqlite3_bind_int64 (stmt, 1, row.id);
  deleted = pd_portal_db_step_done (req->portal, stmt);
  if (!deleted)
    {
      pd_portal_db_rollback (req->portal);
      pd_portal_respond_problem (req, SOUP_STATUS_CONFLICT, "user-in-use", "User still referenced",
                                 "%s cannot be deleted because other records still refer to them; "
                                 "deactivate the user instead.", row.name);
      return;
    }
  pd_portal_db_tombstone (req->portal, req->caller->partner_id, "user", row.public_id, 0, NULL);
  pd_portal_audit (req, "user.delete", "user", row.public_id, 0, "Deleted the user %s <%s>", row.name, row.email);
  pd_portal_db_commit (req->portal);
  pd_portal_respond_no_content (req);
}

static void
handle_reset_password (PdPortalRequest *req)
{
  static const char *const allowed[] = { NULL };
  g_auto(UserRow) row = { 0 };
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *sent_at = NULL;

  if (!pd_portal_require (req, "users.write") || !load_user (req, &row))
    return;
  if (req->body != NULL)
    {
      g_autoptr(PdPortalValidation) v = pd_portal_validation_new (req);
      pd_portal_validation_only (v, allowed);
      if (pd_portal_validation_failed (v))
        return;
    }
  if (row.id != req->caller->user_id && !check_rank_over (req, &row, "reset the password of"))
    return;
  if (g_str_equal (row.status, "deactivated"))
    {
      pd_portal_respond_problem (req, SOUP_STATUS_CONFLICT, "user-deactivated", "User deactivated",
                                 "%s is deactivated; reactivate the user before resetting the password.", row.name);
      return;
    }

  pd_portal_db_begin (req->portal);
  sent_at = record_email (req->portal, row.id, "password_reset", row.email);
  pd_portal_audit (req, "user.reset_password", "user", row.public_id, 0,
                   "Sent a password reset e-mail to %s <%s>", row.name, row.email);
  pd_portal_db_commit (req->portal);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  pd_portal_json_text (builder, "sent_to", row.email);
  pd_portal_json_text (builder, "sent_at", sent_at);
  json_builder_end_object (builder);
  pd_portal_respond_builder (req, SOUP_STATUS_ACCEPTED, builder, NULL);
}

/* Demo data: a realistic team around the identity seed's one user per role (no random numbers,
 * so the organizations seeded after us stay the same). */
static void
seed (PdPortalSeed *seed)
{
  static const struct {
    const char *email;
    const char *name;
    const char *role;
    const char *status;
    const char *language;
    gboolean    notify;
    gboolean    invited;     /* created without a password: invitation pending */
    int         days;        /* created this many days ago */
  } people[] = {
    { "priya.raman@northwind-it.example", "Priya Raman", "support", "active", "en", TRUE, FALSE, 210 },
    { "lucas.moreau@northwind-it.example", "Lucas Moreau", "technician", "active", "fr", FALSE, FALSE, 160 },
    { "hannah.becker@northwind-it.example", "Hannah Becker", "admin", "deactivated", "de", TRUE, FALSE, 320 },
    { "yuki.tanaka@northwind-it.example", "Yuki Tanaka", "technician", "active", "ja", TRUE, FALSE, 95 },
    { "joao.silva@northwind-it.example", "João Silva", "finance", "active", "pt_BR", FALSE, FALSE, 140 },
    { "chen.wei@northwind-it.example", "Chen Wei", "support", "active", "en", TRUE, TRUE, 2 },
  };
  PdPortal *portal = seed->portal;

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autofree char *created = pd_portal_time_format (seed->now_usec - (gint64) people[i].days * 86400 * G_USEC_PER_SEC);
      g_autofree char *signed_in = people[i].invited ? NULL
        : pd_portal_time_format (seed->now_usec - (gint64) (i + 1) * 7 * 3600 * G_USEC_PER_SEC);
      g_autofree char *salt = g_strdup_printf ("seed-user-%u", i);
      g_autofree char *hash = people[i].invited ? NULL : pd_portal_password_hash (PD_SEED_PASSWORD, salt);
      sqlite3_stmt *stmt = pd_portal_db_stmt (portal,
          "INSERT INTO users (partner_id, email, name, role_id, status, password_hash, password_salt, "
          "notify_backup_errors, language, last_sign_in_at, created_at, updated_at) "
          "VALUES (?1, ?2, ?3, (SELECT id FROM roles WHERE partner_id IS NULL AND key = ?4), ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11) "
          "RETURNING id");
      gint64 user_id;

      sqlite3_bind_int64 (stmt, 1, seed->partner_id);
      sqlite3_bind_text (stmt, 2, people[i].email, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, people[i].name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, people[i].role, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, people[i].status, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, hash, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, hash ? salt : NULL, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 8, people[i].notify);
      sqlite3_bind_text (stmt, 9, people[i].language, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 10, signed_in, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 11, created, -1, SQLITE_STATIC);
      user_id = pd_portal_db_scalar (portal, stmt, 0);

      if (people[i].invited)
        {
          stmt = pd_portal_db_stmt (portal,
              "INSERT INTO user_emails (user_id, kind, sent_to, sent_at) VALUES (?1, 'invitation', ?2, ?3)");
          sqlite3_bind_int64 (stmt, 1, user_id);
          sqlite3_bind_text (stmt, 2, people[i].email, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 3, created, -1, SQLITE_STATIC);
          pd_portal_db_step_done (portal, stmt);
        }
    }
}

static void
register_routes (PdPortal *portal)
{
  pd_portal_route (portal, "GET", "/api/v1/users", PD_PORTAL_ROUTE_DEFAULT, handle_list);
  pd_portal_route (portal, "POST", "/api/v1/users", PD_PORTAL_ROUTE_DEFAULT, handle_create);
  pd_portal_route (portal, "GET", "/api/v1/users/{user_id}", PD_PORTAL_ROUTE_DEFAULT, handle_get);
  pd_portal_route (portal, "PATCH", "/api/v1/users/{user_id}", PD_PORTAL_ROUTE_DEFAULT, handle_update);
  pd_portal_route (portal, "DELETE", "/api/v1/users/{user_id}", PD_PORTAL_ROUTE_DEFAULT, handle_delete);
  pd_portal_route (portal, "POST", "/api/v1/users/{user_id}/reset-password", PD_PORTAL_ROUTE_DEFAULT,
                   handle_reset_password);
}

const PdPortalModule pd_portal_module_users = {
  .name = "users",
  .schema = users_schema,
  .seed = seed,
  .register_routes = register_routes,
};

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* GET /me (who the caller is and what they may do) and the caller's own API keys. */
#include "pd-portal-db.h"
#include "pd-portal-modules.h"
#include "pd-portal-rows.h"
#include "pd-portal-validate.h"

/* Built-in roles are known by their key, custom roles by role_<rowid> (as in the roles module). */
static char *
role_public_id (gint64      role_id,
                const char *key,
                gboolean    builtin)
{
  return builtin ? g_strdup (key) : pd_portal_id_format ("role", role_id);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (a, b);
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
me_user (PdPortalRequest *req,
         JsonBuilder     *builder)
{
  sqlite3_stmt *stmt = pd_portal_db_stmt (req->portal,
      "SELECT email, name, language, mfa_secret IS NOT NULL, last_sign_in_at FROM users WHERE id = ?1");
  g_autofree char *id = pd_portal_id_format ("usr", req->caller->user_id);

  sqlite3_bind_int64 (stmt, 1, req->caller->user_id);
  json_builder_set_member_name (builder, "user");
  json_builder_begin_object (builder);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      pd_portal_json_text (builder, "id", id);
      pd_portal_json_text (builder, "email", pd_portal_db_text (stmt, 0));
      pd_portal_json_text (builder, "name", pd_portal_db_text (stmt, 1));
      pd_portal_json_text (builder, "language", pd_portal_db_text (stmt, 2));
      pd_portal_json_bool (builder, "mfa_enabled", sqlite3_column_int (stmt, 3) != 0);
      pd_portal_json_text (builder, "last_sign_in_at", pd_portal_db_text (stmt, 4));
    }
  sqlite3_reset (stmt);
  json_builder_end_object (builder);
}

static void
me_partner (PdPortalRequest *req,
            JsonBuilder     *builder)
{
  sqlite3_stmt *stmt = pd_portal_db_stmt (req->portal, "SELECT name FROM partners WHERE id = ?1");
  g_autofree char *id = pd_portal_id_format ("ptn", req->caller->partner_id);

  sqlite3_bind_int64 (stmt, 1, req->caller->partner_id);
  json_builder_set_member_name (builder, "partner");
  json_builder_begin_object (builder);
  pd_portal_json_text (builder, "id", id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    pd_portal_json_text (builder, "name", pd_portal_db_text (stmt, 0));
  sqlite3_reset (stmt);
  json_builder_end_object (builder);
}

static void
me_role (PdPortalRequest *req,
         JsonBuilder     *builder)
{
  sqlite3_stmt *stmt = pd_portal_db_stmt (req->portal, "SELECT key, name, rank, builtin FROM roles WHERE id = ?1");

  sqlite3_bind_int64 (stmt, 1, req->caller->role_id);
  json_builder_set_member_name (builder, "role");
  json_builder_begin_object (builder);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gboolean builtin = sqlite3_column_int (stmt, 3) != 0;
      g_autofree char *id = role_public_id (req->caller->role_id, pd_portal_db_text (stmt, 0), builtin);

      pd_portal_json_text (builder, "id", id);
      pd_portal_json_text (builder, "key", pd_portal_db_text (stmt, 0));
      pd_portal_json_text (builder, "name", pd_portal_db_text (stmt, 1));
      pd_portal_json_int (builder, "rank", sqlite3_column_int (stmt, 2));
      pd_portal_json_bool (builder, "builtin", builtin);
    }
  sqlite3_reset (stmt);
  json_builder_end_object (builder);
}

static void
me_permissions (PdPortalRequest *req,
                JsonBuilder     *builder)
{
  g_autoptr(GList) keys = g_list_sort (g_hash_table_get_keys (req->caller->permissions), compare_strings);

  json_builder_set_member_name (builder, "permissions");
  json_builder_begin_array (builder);
  for (GList *l = keys; l != NULL; l = l->next)
    json_builder_add_string_value (builder, l->data);
  json_builder_end_array (builder);
}

static void
me_groups (PdPortalRequest *req,
           JsonBuilder     *builder)
{
  sqlite3_stmt *stmt = pd_portal_db_stmt (req->portal,
      "SELECT g.id, g.name FROM groups g JOIN group_managers gm ON gm.group_id = g.id "
      "WHERE gm.user_id = ?1 ORDER BY g.id");

  sqlite3_bind_int64 (stmt, 1, req->caller->user_id);
  json_builder_set_member_name (builder, "groups");
  json_builder_begin_array (builder);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *id = pd_portal_id_format ("grp", sqlite3_column_int64 (stmt, 0));

      json_builder_begin_object (builder);
      pd_portal_json_text (builder, "id", id);
      pd_portal_json_text (builder, "name", pd_portal_db_text (stmt, 1));
      json_builder_end_object (builder);
    }
  sqlite3_reset (stmt);
  json_builder_end_array (builder);
}

static void
me_access_scope (PdPortalRequest *req,
                 JsonBuilder     *builder)
{
  PdPortalCaller *caller = req->caller;

  json_builder_set_member_name (builder, "access_scope");
  json_builder_begin_object (builder);
  pd_portal_json_bool (builder, "all_organizations", caller->all_organizations);
  json_builder_set_member_name (builder, "organization_ids");
  json_builder_begin_array (builder);
  if (!caller->all_organizations)
    {
      g_autoptr(GList) ids = g_list_sort (g_hash_table_get_keys (caller->organizations), compare_int64);

      for (GList *l = ids; l != NULL; l = l->next)
        {
          g_autofree char *id = pd_portal_id_format ("org", *(gint64 *) l->data);
          json_builder_add_string_value (builder, id);
        }
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/* GET /api/v1/me: any signed-in caller, no permission needed (the app asks it first). */
static void
handle_me (PdPortalRequest *req)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *key_id = NULL;

  json_builder_begin_object (builder);
  me_user (req, builder);
  me_partner (req, builder);
  me_role (req, builder);
  me_permissions (req, builder);
  me_groups (req, builder);
  me_access_scope (req, builder);

  json_builder_set_member_name (builder, "credential");
  json_builder_begin_object (builder);
  pd_portal_json_text (builder, "type", req->caller->api_key_id ? "api_key" : "oauth");
  if (req->caller->api_key_id)
    key_id = pd_portal_id_format ("key", req->caller->api_key_id);
  pd_portal_json_text (builder, "api_key_id", key_id);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  /* Not one row but a view of several: its version is a digest of its content. */
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  digest = pd_portal_sha256_hex (text);
  etag = pd_portal_etag ("me", (gint64) g_ascii_strtoull (digest + 52, NULL, 16));
  json_object_set_string_member (json_node_get_object (root), "etag", etag);
  pd_portal_respond_json (req, SOUP_STATUS_OK, root, etag);
}

/* API keys */

#define API_KEY_COLUMNS "id, name, prefix, created_at, updated_at, last_used_at, revoked_at, version"

static void
api_key_json (JsonBuilder  *builder,
              sqlite3_stmt *stmt)
{
  g_autofree char *id = pd_portal_id_format ("key", sqlite3_column_int64 (stmt, 0));

  json_builder_begin_object (builder);
  pd_portal_json_meta (builder, id, sqlite3_column_int64 (stmt, 7), pd_portal_db_text (stmt, 3),
                       pd_portal_db_text (stmt, 4));
  pd_portal_json_text (builder, "name", pd_portal_db_text (stmt, 1));
  pd_portal_json_text (builder, "prefix", pd_portal_db_text (stmt, 2));
  pd_portal_json_text (builder, "last_used_at", pd_portal_db_text (stmt, 5));
  pd_portal_json_text (builder, "revoked_at", pd_portal_db_text (stmt, 6));
}

/* Selects one of the caller's keys; the statement is on its row, or NULL when there is none. */
static sqlite3_stmt *
api_key_select (PdPortalRequest *req,
                gint64           key_id)
{
  sqlite3_stmt *stmt = pd_portal_db_stmt (req->portal,
      "SELECT " API_KEY_COLUMNS " FROM api_keys WHERE id = ?1 AND user_id = ?2");

  sqlite3_bind_int64 (stmt, 1, key_id);
  sqlite3_bind_int64 (stmt, 2, req->caller->user_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return stmt;
  sqlite3_reset (stmt);
  return NULL;
}

/* The caller's key of the path, the statement on its row; NULL after a 404. */
static sqlite3_stmt *
load_key (PdPortalRequest *req,
          gint64          *key_id)
{
  sqlite3_stmt *stmt = NULL;

  if (pd_portal_id_parse ("key", req->params[0], key_id))
    stmt = api_key_select (req, *key_id);
  if (stmt == NULL)
    pd_portal_respond_not_found (req, "API key");
  return stmt;
}

static void
add_key (PdPortalRequest *req,
         JsonBuilder     *builder,
         sqlite3_stmt    *stmt)
{
  api_key_json (builder, stmt);
  json_builder_end_object (builder);
}

/* GET /api/v1/me/api-keys: the caller's keys, revoked ones included (with revoked_at). */
static void
handle_list_keys (PdPortalRequest *req)
{
  PdPortalPage page;
  sqlite3_stmt *stmt;

  if (!pd_portal_require (req, "api_keys.manage") || !pd_portal_page_parse (req, &page))
    return;
  stmt = pd_portal_db_stmt (req->portal,
      "SELECT " API_KEY_COLUMNS " FROM api_keys WHERE user_id = ?1 AND id > ?2 "
      "AND (?3 IS NULL OR updated_at >= ?3) ORDER BY id LIMIT ?4");
  sqlite3_bind_int64 (stmt, 1, req->caller->user_id);
  sqlite3_bind_int64 (stmt, 2, page.after);
  sqlite3_bind_text (stmt, 3, page.updated_since, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, (gint64) page.limit + 1);
  /* Keys are revoked, never deleted: no tombstones. */
  pd_portal_respond_page_of_rows (req, &page, stmt, add_key, NULL);
}

/* GET /api/v1/me/api-keys/{key_id} */
static void
handle_get_key (PdPortalRequest *req)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *etag = NULL;
  sqlite3_stmt *stmt;
  gint64 key_id;

  if (!pd_portal_require (req, "api_keys.manage") || (stmt = load_key (req, &key_id)) == NULL)
    return;
  etag = pd_portal_etag (req->params[0], sqlite3_column_int64 (stmt, 7));
  add_key (req, builder, stmt);
  sqlite3_reset (stmt);
  pd_portal_respond_builder (req, SOUP_STATUS_OK, builder, etag);
}

/* POST /api/v1/me/api-keys: the secret is in this response only; the portal keeps its hash. */
static void
handle_create_key (PdPortalRequest *req)
{
  static const char *const allowed[] = { "name", NULL };
  g_autoptr(PdPortalValidation) v = pd_portal_validation_new (req);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *name;
  g_autofree char *secret = NULL;
  g_autofree char *id = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *location = NULL;
  sqlite3_stmt *stmt;
  gint64 key_id = 0;

  if (!pd_portal_require (req, "api_keys.manage"))
    return;
  pd_portal_validation_only (v, allowed);
  name = pd_portal_validate_string (v, "name", PD_FIELD_REQUIRED, 1, 100);
  if (pd_portal_validation_failed (v))
    return;

  pd_portal_db_begin (req->portal);
  secret = pd_portal_create_api_key (req->portal, req->caller->user_id, name, &key_id);
  id = pd_portal_id_format ("key", key_id);
  pd_portal_audit (req, "api_key.create", "api_key", id, 0, "Created the API key “%s”", name);
  pd_portal_db_commit (req->portal);

  stmt = api_key_select (req, key_id);
  g_assert (stmt != NULL);
  etag = pd_portal_etag (id, sqlite3_column_int64 (stmt, 7));
  api_key_json (builder, stmt);
  sqlite3_reset (stmt);
  pd_portal_json_text (builder, "key", secret);
  json_builder_end_object (builder);

  location = g_strconcat ("/api/v1/me/api-keys/", id, NULL);
  pd_portal_set_header (req, "Location", location);
  pd_portal_set_header (req, "Cache-Control", "no-store");
  pd_portal_respond_builder (req, SOUP_STATUS_CREATED, builder, etag);
}

/* DELETE /api/v1/me/api-keys/{key_id}: revokes the key at once; it stays listed. */
static void
handle_revoke_key (PdPortalRequest *req)
{
  g_autofree char *etag = NULL;
  g_autofree char *name = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  gboolean revoked;
  gint64 key_id;

  if (!pd_portal_require (req, "api_keys.manage") || (stmt = load_key (req, &key_id)) == NULL)
    return;
  etag = pd_portal_etag (req->params[0], sqlite3_column_int64 (stmt, 7));
  name = g_strdup (pd_portal_db_text (stmt, 1));
  revoked = sqlite3_column_type (stmt, 6) != SQLITE_NULL;
  sqlite3_reset (stmt);
  if (!pd_portal_check_if_match (req, etag))
    return;

  /* Revoking a revoked key changes nothing: DELETE is idempotent. */
  if (!revoked)
    {
      now = pd_portal_now ();
      pd_portal_db_begin (req->portal);
      stmt = pd_portal_db_stmt (req->portal,
          "UPDATE api_keys SET revoked_at = ?1, version = version + 1, updated_at = ?1 WHERE id = ?2");
      sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, key_id);
      pd_portal_db_step_done (req->portal, stmt);
      pd_portal_audit (req, "api_key.revoke", "api_key", req->params[0], 0, "Revoked the API key “%s”", name);
      pd_portal_db_commit (req->portal);
    }
  pd_portal_respond_no_content (req);
}

static void
register_routes (PdPortal *portal)
{
  pd_portal_route (portal, "GET", "/api/v1/me", PD_PORTAL_ROUTE_DEFAULT, handle_me);
  pd_portal_route (portal, "GET", "/api/v1/me/api-keys", PD_PORTAL_ROUTE_DEFAULT, handle_list_keys);
  pd_portal_route (portal, "POST", "/api/v1/me/api-keys", PD_PORTAL_ROUTE_DEFAULT, handle_create_key);
  pd_portal_route (portal, "GET", "/api/v1/me/api-keys/{key_id}", PD_PORTAL_ROUTE_DEFAULT, handle_get_key);
  pd_portal_route (portal, "DELETE", "/api/v1/me/api-keys/{key_id}", PD_PORTAL_ROUTE_DEFAULT, handle_revoke_key);
}

const PdPortalModule pd_portal_module_me = {
  .name = "me",
  .register_routes = register_routes,
};

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Roles and the permission catalogue.
 *
 * Built-in roles (partner_id NULL, shared by every partner) are read-only; partners add custom
 * roles. A role's rank orders who may grant what: a caller creates, changes and deletes only
 * roles ranked below their own, and grants only permissions their own role has. */
#include "pd-portal-admin.h"
#include "pd-portal-db.h"
#include "pd-portal-modules.h"
#include "pd-portal-rows.h"
#include "pd-portal-validate.h"

#define PROBLEM_BASE "https://partnerdesk.example/problems/"

#define ROLE_COLUMNS "id, version, created_at, updated_at, key, name, description, rank, builtin"

/* Shared helpers (pd-portal-admin.h) */

char *
pd_portal_role_public_id (gboolean    builtin,
                          const char *key,
                          gint64      rowid)
{
  return builtin ? g_strdup (key) : pd_portal_id_format ("role", rowid);
}

gint64
pd_portal_role_find (PdPortal   *portal,
                     gint64      partner_id,
                     const char *public_id)
{
  sqlite3_stmt *stmt;
  gint64 rowid;

  if (public_id == NULL)
    return 0;
  if (pd_portal_id_parse ("role", public_id, &rowid))
    {
      stmt = pd_portal_db_stmt (portal, "SELECT id FROM roles WHERE id = ?1 AND partner_id = ?2 AND builtin = 0");
      sqlite3_bind_int64 (stmt, 1, rowid);
      sqlite3_bind_int64 (stmt, 2, partner_id);
    }
  else
    {
      stmt = pd_portal_db_stmt (portal, "SELECT id FROM roles WHERE partner_id IS NULL AND builtin = 1 AND key = ?1");
      sqlite3_bind_text (stmt, 1, public_id, -1, SQLITE_TRANSIENT);
    }
  return pd_portal_db_scalar (portal, stmt, 0);
}

void
pd_portal_json_role_ref (JsonBuilder *builder,
                         const char  *member,
                         gint64       rowid,
                         gboolean     builtin,
                         const char  *key,
                         const char  *name)
{
  g_autofree char *id = pd_portal_role_public_id (builtin, key, rowid);

  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  pd_portal_json_text (builder, "id", id);
  pd_portal_json_text (builder, "key", key);
  pd_portal_json_text (builder, "name", name);
  json_builder_end_object (builder);
}

void
pd_portal_respond_forbidden (PdPortalRequest *req,
                             const char      *slug,
                             const char      *title,
                             const char      *permission,
                             const char      *detail_format,
                             ...)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *type = g_strconcat (PROBLEM_BASE, slug, NULL);
  gsize length;
  char *text;
  va_list args;

  va_start (args, detail_format);
  detail = g_strdup_vprintf (detail_format, args);
  va_end (args);

  json_builder_begin_object (builder);
  pd_portal_json_text (builder, "type", type);
  pd_portal_json_text (builder, "title", title);
  pd_portal_json_int (builder, "status", SOUP_STATUS_FORBIDDEN);
  pd_portal_json_text (builder, "detail", detail);
  pd_portal_json_text (builder, "instance", req->path);
  pd_portal_json_text (builder, "permission", permission);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);
  bytes = g_bytes_new_take (text, length);
  pd_portal_respond_bytes (req, SOUP_STATUS_FORBIDDEN, "application/problem+json", bytes);
}

gboolean
pd_portal_role_may_manage_groups (gboolean    builtin,
                                  const char *key)
{
  return builtin && (g_strcmp0 (key, "admin") == 0 || g_strcmp0 (key, "support") == 0);
}

/* JSON */

/* @row holds ROLE_COLUMNS. */
static void
add_role (PdPortalRequest *req,
          JsonBuilder     *builder,
          sqlite3_stmt    *row)
{
  gint64 rowid = sqlite3_column_int64 (row, 0);
  gboolean builtin = sqlite3_column_int (row, 8) != 0;
  g_autofree char *id = pd_portal_role_public_id (builtin, pd_portal_db_text (row, 4), rowid);
  sqlite3_stmt *stmt;

  json_builder_begin_object (builder);
  pd_portal_json_meta (builder, id, sqlite3_column_int64 (row, 1), pd_portal_db_text (row, 2),
                       pd_portal_db_text (row, 3));
  pd_portal_json_text (builder, "key", pd_portal_db_text (row, 4));
  pd_portal_json_text (builder, "name", pd_portal_db_text (row, 5));
  pd_portal_json_text (builder, "description", pd_portal_db_text (row, 6));
  pd_portal_json_int (builder, "rank", sqlite3_column_int64 (row, 7));
  pd_portal_json_bool (builder, "builtin", builtin);

  json_builder_set_member_name (builder, "permissions");
  json_builder_begin_array (builder);
  stmt = pd_portal_db_stmt (req->portal, "SELECT permission FROM role_permissions WHERE role_id = ?1 ORDER BY permission");
  sqlite3_bind_int64 (stmt, 1, rowid);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    json_builder_add_string_value (builder, pd_portal_db_text (stmt, 0));
  sqlite3_reset (stmt);
  json_builder_end_array (builder);

  /* Built-in roles are shared: count the caller's partner's users only. */
  stmt = pd_portal_db_stmt (req->portal, "SELECT count(*) FROM users WHERE role_id = ?1 AND partner_id = ?2");
  sqlite3_bind_int64 (stmt, 1, rowid);
  sqlite3_bind_int64 (stmt, 2, req->caller->partner_id);
  pd_portal_json_int (builder, "user_count", pd_portal_db_scalar (req->portal, stmt, 0));
  json_builder_end_object (builder);
}

static void
respond_role (PdPortalRequest *req,
              guint            status,
              gint64           rowid)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *id = NULL;
  g_autofree char *etag = NULL;
  sqlite3_stmt *stmt = pd_portal_db_stmt (req->portal, "SELECT " ROLE_COLUMNS " FROM roles WHERE id = ?1");

  sqlite3_bind_int64 (stmt, 1, rowid);
  if (!pd_portal_step_found (req, stmt, "role"))
    return;
  id = pd_portal_role_public_id (sqlite3_column_int (stmt, 8) != 0, pd_portal_db_text (stmt, 4), rowid);
  etag = pd_portal_etag (id, sqlite3_column_int64 (stmt, 1));
  add_role (req, builder, stmt);
  sqlite3_reset (stmt);
  pd_portal_respond_resource (req, status, builder, etag, "/api/v1/roles", id);
}

/* Permission catalogue */

static void
handle_permissions (PdPortalRequest *req)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *category = NULL;

  if (!pd_portal_require (req, "roles.read"))
    return;

  /* The catalogue lists each category's permissions together, in display order. */
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "categories");
  json_builder_begin_array (builder);
  for (guint i = 0; pd_portal_permissions[i].key != NULL; i++)
    {
      if (g_strcmp0 (category, pd_portal_permissions[i].category) != 0)
        {
          if (category != NULL)
            {
              json_builder_end_array (builder);
              json_builder_end_object (builder);
            }
          category = pd_portal_permissions[i].category;
          json_builder_begin_object (builder);
          pd_portal_json_text (builder, "key", category);
          json_builder_set_member_name (builder, "permissions");
          json_builder_begin_array (builder);
        }
      json_builder_begin_object (builder);
      pd_portal_json_text (builder, "key", pd_portal_permissions[i].key);
      pd_portal_json_text (builder, "description", pd_portal_permissions[i].description);
      json_builder_end_object (builder);
    }
  if (category != NULL)
    {
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  pd_portal_respond_builder (req, SOUP_STATUS_OK, builder, NULL);
}

/* Roles */

static void
handle_list (PdPortalRequest *req)
{
  PdPortalPage page;
  sqlite3_stmt *stmt;

  if (!pd_portal_require (req, "roles.read") || !pd_portal_page_parse (req, &page))
    return;

  stmt = pd_portal_db_stmt (req->portal,
      "SELECT " ROLE_COLUMNS " FROM roles WHERE (partner_id IS NULL OR partner_id = ?1) AND id > ?2 "
      "AND (?3 IS NULL OR updated_at >= ?3) ORDER BY id LIMIT ?4");
  sqlite3_bind_int64 (stmt, 1, req->caller->partner_id);
  sqlite3_bind_int64 (stmt, 2, page.after);
  sqlite3_bind_text (stmt, 3, page.updated_since, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, (gint64) page.limit + 1);
  pd_portal_respond_page_of_rows (req, &page, stmt, add_role, "role");
}

typedef struct {
  gint64   rowid;
  gint64   version;
  gboolean builtin;
  int      rank;
  char    *public_id;
  char    *name;
} RoleRow;

static void
role_row_clear (RoleRow *row)
{
  g_clear_pointer (&row->public_id, g_free);
  g_clear_pointer (&row->name, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RoleRow, role_row_clear)

/* Loads the role of the path; responds 404 and returns FALSE when the caller cannot see it. */
static gboolean
load_role (PdPortalRequest *req,
           RoleRow         *row)
{
  gint64 rowid = pd_portal_role_find (req->portal, req->caller->partner_id, req->params[0]);
  sqlite3_stmt *stmt;

  if (rowid == 0)
    {
      pd_portal_respond_not_found (req, "role");
      return FALSE;
    }
  stmt = pd_portal_db_stmt (req->portal, "SELECT version, builtin, rank, key, name FROM roles WHERE id = ?1");
  sqlite3_bind_int64 (stmt, 1, rowid);
  if (!pd_portal_step_found (req, stmt, "role"))
    return FALSE;
  row->rowid = rowid;
  row->version = sqlite3_column_int64 (stmt, 0);
  row->builtin = sqlite3_column_int (stmt, 1) != 0;
  row->rank = sqlite3_column_int (stmt, 2);
  row->public_id = pd_portal_role_public_id (row->builtin, pd_portal_db_text (stmt, 3), rowid);
  row->name = g_strdup (pd_portal_db_text (stmt, 4));
  sqlite3_reset (stmt);
  return TRUE;
}

static void
handle_get (PdPortalRequest *req)
{
  g_auto(RoleRow) row = { 0 };

  if (!pd_portal_require (req, "roles.read") || !load_role (req, &row))
    return;
  respond_role (req, SOUP_STATUS_OK, row.rowid);
}

/* TRUE when another role the partner sees (built-in or custom) has @name, ignoring case. */
static gboolean
name_taken (PdPortalRequest *req,
            const char      *name,
            gint64           except_rowid)
{
  sqlite3_stmt *stmt = pd_portal_db_stmt (req->portal,
      "SELECT count(*) FROM roles WHERE (partner_id IS NULL OR partner_id = ?1) AND id != ?2 "
      "AND casefold(name) = casefold(?3)");

  sqlite3_bind_int64 (stmt, 1, req->caller->partner_id);
  sqlite3_bind_int64 (stmt, 2, except_rowid);
  sqlite3_bind_text (stmt, 3, name, -1, SQLITE_TRANSIENT);
  return pd_portal_db_scalar (req->portal, stmt, 0) > 0;
}

/* A stable key derived from the name ("Billing viewer" → "billing_viewer"), unique among the
 * built-in keys and the partner's custom roles. */
static char *
make_key (PdPortalRequest *req,
          const char      *name)
{
  GString *base = g_string_new (NULL);
  g_autofree char *key = NULL;
  sqlite3_stmt *stmt;

  for (const char *p = name; *p != '\0' && base->len < 40; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (base, g_ascii_tolower (*p));
      else if (base->len > 0 && base->str[base->len - 1] != '_')
        g_string_append_c (base, '_');
    }
  while (base->len > 0 && base->str[base->len - 1] == '_')
    g_string_truncate (base, base->len - 1);
  if (base->len == 0)
    g_string_append (base, "custom");

  key = g_strdup (base->str);
  for (guint n = 2; ; n++)
    {
      stmt = pd_portal_db_stmt (req->portal,
          "SELECT count(*) FROM roles WHERE (partner_id IS NULL OR partner_id = ?1) AND key = ?2");
      sqlite3_bind_int64 (stmt, 1, req->caller->partner_id);
      sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
      if (pd_portal_db_scalar (req->portal, stmt, 1) == 0)
        break;
      g_free (key);
      key = g_strdup_printf ("%s_%u", base->str, n);
    }
  g_string_free (base, TRUE);
  return g_steal_pointer (&key);
}

/* Validates the permissions member: known keys only (422), each held by the caller (403).
 * Returns the deduplicated list, or NULL (absent, or a response was sent: see @failed). */
static GPtrArray *
validate_permissions (PdPortalValidation *v,
                      PdFieldFlags        flags)
{
  g_auto(GStrv) keys = pd_portal_validate_strings (v, "permissions", flags, 0, 100);
  GPtrArray *list;

  if (keys == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      if (!pd_portal_permission_exists (keys[i]))
        {
          g_autofree char *field = g_strdup_printf ("permissions[%u]", i);
          pd_portal_validation_error (v, field, "unknown_permission",
                                      "“%s” is not a permission; see GET /api/v1/permissions.", keys[i]);
        }
      else if (!g_ptr_array_find_with_equal_func (list, keys[i], g_str_equal, NULL))
        g_ptr_array_add (list, g_strdup (keys[i]));
    }
  return list;
}

/* 403 when the caller would grant a permission their role lacks. @current: the role's present
 * permissions (those may stay), or NULL. */
static gboolean
check_grantable (PdPortalRequest *req,
                 GPtrArray       *permissions,
                 GHashTable      *current)
{
  for (guint i = 0; i < permissions->len; i++)
    {
      const char *key = g_ptr_array_index (permissions, i);

      if (current != NULL && g_hash_table_contains (current, key))
        continue;
      if (!pd_portal_caller_can (req->caller, key))
        {
          pd_portal_respond_forbidden (req, "permission-not-grantable", "Cannot grant a permission you do not have", key,
                                       "Your role (%s) does not have the permission “%s”, so you cannot give it "
                                       "to a role.", req->caller->role_key, key);
          return FALSE;
        }
    }
  return TRUE;
}

static void
set_permissions (PdPortal  *portal,
                 gint64     rowid,
                 GPtrArray *permissions)
{
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal, "DELETE FROM role_permissions WHERE role_id = ?1");

  sqlite3_bind_int64 (stmt, 1, rowid);
  pd_portal_db_step_done (portal, stmt);
  for (guint i = 0; i < permissions->len; i++)
    {
      stmt = pd_portal_db_stmt (portal, "INSERT INTO role_permissions (role_id, permission) VALUES (?1, ?2)");
      sqlite3_bind_int64 (stmt, 1, rowid);
      sqlite3_bind_text (stmt, 2, g_ptr_array_index (permissions, i), -1, SQLITE_STATIC);
      pd_portal_db_step_done (portal, stmt);
    }
}

static gboolean
check_rank_room (PdPortalRequest *req)
{
  if (req->caller->role_rank > 1)
    return TRUE;
  pd_portal_respond_forbidden (req, "rank", "Role rank too low", "rank",
                               "Roles must rank below your own role (%s), and no rank is below it.",
                               req->caller->role_key);
  return FALSE;
}

static void
handle_create (PdPortalRequest *req)
{
  static const char *const allowed[] = { "name", "description", "rank", "permissions", NULL };
  g_autoptr(PdPortalValidation) v = NULL;
  g_autoptr(GPtrArray) permissions = NULL;
  g_autofree char *key = NULL;
  g_autofree char *now = NULL;
  g_autofree char *public_id = NULL;
  const char *name, *description;
  gint64 rank = 0, rowid;
  sqlite3_stmt *stmt;

  if (!pd_portal_require (req, "roles.write") || !check_rank_room (req))
    return;

  v = pd_portal_validation_new (req);
  pd_portal_validation_only (v, allowed);
  name = pd_portal_validate_string (v, "name", PD_FIELD_REQUIRED, 1, 100);
  description = pd_portal_validate_string (v, "description", PD_FIELD_OPTIONAL | PD_FIELD_NULLABLE, 0, 500);
  pd_portal_validate_int (v, "rank", PD_FIELD_REQUIRED, 1, req->caller->role_rank - 1, &rank);
  permissions = validate_permissions (v, PD_FIELD_REQUIRED);
  if (pd_portal_validation_failed (v))
    return;
  if (!check_grantable (req, permissions, NULL))
    return;
  if (name_taken (req, name, 0))
    {
      pd_portal_respond_conflict (req, "A role with this name already exists; choose another name.");
      return;
    }

  key = make_key (req, name);
  now = pd_portal_now ();
  pd_portal_db_begin (req->portal);
  stmt = pd_portal_db_stmt (req->portal,
      "INSERT INTO roles (partner_id, key, name, description, rank, builtin, created_at, updated_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, 0, ?6, ?6) RETURNING id");
  sqlite3_bind_int64 (stmt, 1, req->caller->partner_id);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, description ? description : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, rank);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);
  rowid = pd_portal_db_scalar (req->portal, stmt, 0);
  set_permissions (req->portal, rowid, permissions);
  public_id = pd_portal_id_format ("role", rowid);
  pd_portal_audit (req, "role.create", "role", public_id, 0, "Created the role “%s” (rank %" G_GINT64_FORMAT
                   ", %u permissions)", name, rank, permissions->len);
  pd_portal_db_commit (req->portal);

  respond_role (req, SOUP_STATUS_CREATED, rowid);
}

/* Built-in roles cannot change; custom roles only below the caller's rank. */
static gboolean
check_changeable (PdPortalRequest *req,
                  RoleRow         *row,
                  const char      *verb)
{
  if (row->builtin)
    {
      pd_portal_respond_problem (req, SOUP_STATUS_CONFLICT, "builtin-role", "Built-in roles are read-only",
                                 "“%s” is a built-in role: it cannot be %s. Create a custom role instead.",
                                 row->name, verb);
      return FALSE;
    }
  if (row->rank >= req->caller->role_rank)
    {
      pd_portal_respond_forbidden (req, "rank", "Role rank too low", "rank",
                                   "“%s” ranks %d, not below your own role (%s, rank %d): it cannot be %s by you.",
                                   row->name, row->rank, req->caller->role_key, req->caller->role_rank, verb);
      return FALSE;
    }
  return TRUE;
}

static GHashTable *
current_permissions (PdPortal *portal,
                     gint64    rowid)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal, "SELECT permission FROM role_permissions WHERE role_id = ?1");

  sqlite3_bind_int64 (stmt, 1, rowid);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (set, g_strdup (pd_portal_db_text (stmt, 0)));
  sqlite3_reset (stmt);
  return set;
}

static void
handle_update (PdPortalRequest *req)
{
  static const char *const allowed[] = { "name", "description", "rank", "permissions", NULL };
  g_auto(RoleRow) row = { 0 };
  g_autoptr(PdPortalValidation) v = NULL;
  g_autoptr(GPtrArray) permissions = NULL;
  g_autoptr(GHashTable) current = NULL;
  g_autoptr(GString) changes = g_string_new (NULL);
  g_autofree char *etag = NULL;
  g_autofree char *now = NULL;
  const char *name, *description;
  gint64 rank = 0;
  gboolean has_rank;
  sqlite3_stmt *stmt;

  if (!pd_portal_require (req, "roles.write") || !load_role (req, &row) ||
      !check_changeable (req, &row, "changed"))
    return;

  v = pd_portal_validation_new (req);
  pd_portal_validation_only (v, allowed);
  name = pd_portal_validate_string (v, "name", PD_FIELD_OPTIONAL, 1, 100);
  description = pd_portal_validate_string (v, "description", PD_FIELD_OPTIONAL | PD_FIELD_NULLABLE, 0, 500);
  has_rank = pd_portal_validate_int (v, "rank", PD_FIELD_OPTIONAL, 1, req->caller->role_rank - 1, &rank);
  permissions = validate_permissions (v, PD_FIELD_OPTIONAL);
  if (pd_portal_validation_failed (v))
    return;

  etag = pd_portal_etag (row.public_id, row.version);
  if (!pd_portal_check_if_match (req, etag))
    return;
  current = current_permissions (req->portal, row.rowid);
  if (permissions != NULL && !check_grantable (req, permissions, current))
    return;
  if (name != NULL && name_taken (req, name, row.rowid))
    {
      pd_portal_respond_conflict (req, "A role with this name already exists; choose another name.");
      return;
    }

  now = pd_portal_now ();
  pd_portal_db_begin (req->portal);
  stmt = pd_portal_db_stmt (req->portal,
      "UPDATE roles SET name = coalesce(?1, name), description = CASE WHEN ?2 THEN ?3 ELSE description END, "
      "rank = coalesce(?4, rank), version = version + 1, updated_at = ?5 WHERE id = ?6");
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, pd_portal_validation_has (v, "description"));
  sqlite3_bind_text (stmt, 3, description ? description : "", -1, SQLITE_STATIC);
  if (has_rank)
    sqlite3_bind_int64 (stmt, 4, rank);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, row.rowid);
  pd_portal_db_step_done (req->portal, stmt);

  if (name != NULL && !g_str_equal (name, row.name))
    {
      /* Users embed their role's name: a delta sync of /users must see the rename. */
      stmt = pd_portal_db_stmt (req->portal,
          "UPDATE users SET version = version + 1, updated_at = ?1 WHERE role_id = ?2");
      sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, row.rowid);
      pd_portal_db_step_done (req->portal, stmt);
      g_string_append_printf (changes, "; renamed to “%s”", name);
    }
  if (has_rank && rank != row.rank)
    g_string_append_printf (changes, "; rank %d → %" G_GINT64_FORMAT, row.rank, rank);
  if (permissions != NULL)
    {
      set_permissions (req->portal, row.rowid, permissions);
      g_string_append_printf (changes, "; %u permissions", permissions->len);
    }
  if (pd_portal_validation_has (v, "description"))
    g_string_append (changes, "; description");
  pd_portal_audit (req, "role.update", "role", row.public_id, 0, "Changed the role “%s”%s", row.name, changes->str);
  pd_portal_db_commit (req->portal);

  respond_role (req, SOUP_STATUS_OK, row.rowid);
}

static void
handle_delete (PdPortalRequest *req)
{
  g_auto(RoleRow) row = { 0 };
  g_autofree char *etag = NULL;
  sqlite3_stmt *stmt;
  gint64 users;

  if (!pd_portal_require (req, "roles.write") || !load_role (req, &row) ||
      !check_changeable (req, &row, "deleted"))
    return;
  etag = pd_portal_etag (row.public_id, row.version);
  if (!pd_portal_check_if_match (req, etag))
    return;

  stmt = pd_portal_db_stmt (req->portal, "SELECT count(*) FROM users WHERE role_id = ?1");
  sqlite3_bind_int64 (stmt, 1, row.rowid);
  users = pd_portal_db_scalar (req->portal, stmt, 0);
  if (users > 0)
    {
      pd_portal_respond_problem (req, SOUP_STATUS_CONFLICT, "role-in-use", "Role in use",
                                 "%" G_GINT64_FORMAT " user%s still ha%s the role “%s”; give them another role first.",
                                 users, users == 1 ? "" : "s", users == 1 ? "s" : "ve", row.name);
      return;
    }

  pd_portal_db_begin (req->portal);
  stmt = pd_portal_db_stmt (req->portal, "DELETE FROM roles WHERE id = ?1");
  sqlite3_bind_int64 (stmt, 1, row.rowid);
  pd_portal_db_step_done (req->portal, stmt);
  pd_portal_db_tombstone (req->portal, req->caller->partner_id, "role", row.public_id, 0, NULL);
  pd_portal_audit (req, "role.delete", "role", row.public_id, 0, "Deleted the role “%s”", row.name);
  pd_portal_db_commit (req->portal);
  pd_portal_respond_no_content (req);
}

static void
register_routes (PdPortal *portal)
{
  pd_portal_route (portal, "GET", "/api/v1/permissions", PD_PORTAL_ROUTE_DEFAULT, handle_permissions);
  pd_portal_route (portal, "GET", "/api/v1/roles", PD_PORTAL_ROUTE_DEFAULT, handle_list);
  pd_portal_route (portal, "POST", "/api/v1/roles", PD_PORTAL_ROUTE_DEFAULT, handle_create);
  pd_portal_route (portal, "GET", "/api/v1/roles/{role_id}", PD_PORTAL_ROUTE_DEFAULT, handle_get);
  pd_portal_route (portal, "PATCH", "/api/v1/roles/{role_id}", PD_PORTAL_ROUTE_DEFAULT, handle_update);
  pd_portal_route (portal, "DELETE", "/api/v1/roles/{role_id}", PD_PORTAL_ROUTE_DEFAULT, handle_delete);
}

const PdPortalModule pd_portal_module_roles = {
  .name = "roles",
  .register_routes = register_routes,
};

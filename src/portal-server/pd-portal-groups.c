/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Groups: partner-side access control. A group has an access scope (a set of organizations;
 * empty means all) and group managers (users with the built-in admin or support role). A user
 * who manages groups sees only the union of their scopes (pd-portal-auth.c).
 *
 * Callers whose own access is limited by a group scope ("scoped callers") see only the groups
 * they manage, and may change them only in ways that cannot widen anyone's access beyond
 * theirs: rename, add organizations they see, remove organizations (never the last one: an
 * empty scope means all), add managers. They cannot create or delete groups or remove
 * managers (403 `scope`). */
#include "pd-portal-admin.h"
#include "pd-portal-db.h"
#include "pd-portal-modules.h"
#include "pd-portal-rows.h"
#include "pd-portal-validate.h"

#define MAX_ORGANIZATIONS_PER_REQUEST 500
#define MAX_MANAGERS_PER_REQUEST 100

#define GROUP_COLUMNS "g.id, g.version, g.created_at, g.updated_at, g.name, g.description"

void
pd_portal_groups_touch_managed (PdPortal *portal,
                                gint64    user_id)
{
  g_autofree char *now = pd_portal_now ();
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal,
      "UPDATE groups SET version = version + 1, updated_at = ?1 "
      "WHERE id IN (SELECT group_id FROM group_managers WHERE user_id = ?2)");

  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, user_id);
  pd_portal_db_step_done (portal, stmt);
}

void
pd_portal_groups_drop_manager (PdPortal *portal,
                               gint64    user_id)
{
  sqlite3_stmt *stmt;

  pd_portal_groups_touch_managed (portal, user_id);
  stmt = pd_portal_db_stmt (portal, "DELETE FROM group_managers WHERE user_id = ?1");
  sqlite3_bind_int64 (stmt, 1, user_id);
  pd_portal_db_step_done (portal, stmt);
}

/* JSON */

/* @row holds GROUP_COLUMNS. */
static void
add_group (PdPortalRequest *req,
           JsonBuilder     *builder,
           sqlite3_stmt    *row)
{
  PdPortal *portal = req->portal;
  gint64 rowid = sqlite3_column_int64 (row, 0);
  g_autofree char *id = pd_portal_id_format ("grp", rowid);
  sqlite3_stmt *stmt;
  gint64 n = 0;

  json_builder_begin_object (builder);
  pd_portal_json_meta (builder, id, sqlite3_column_int64 (row, 1), pd_portal_db_text (row, 2),
                       pd_portal_db_text (row, 3));
  pd_portal_json_text (builder, "name", pd_portal_db_text (row, 4));
  pd_portal_json_text (builder, "description", pd_portal_db_text (row, 5));

  json_builder_set_member_name (builder, "organization_ids");
  json_builder_begin_array (builder);
  stmt = pd_portal_db_stmt (portal,
      "SELECT organization_id FROM group_organizations WHERE group_id = ?1 ORDER BY organization_id");
  sqlite3_bind_int64 (stmt, 1, rowid);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *org = pd_portal_id_format ("org", sqlite3_column_int64 (stmt, 0));
      json_builder_add_string_value (builder, org);
      n++;
    }
  sqlite3_reset (stmt);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "managers");
  json_builder_begin_array (builder);
  stmt = pd_portal_db_stmt (portal,
      "SELECT u.id, u.name, u.email, r.id, r.builtin, r.key, r.name FROM group_managers gm "
      "JOIN users u ON u.id = gm.user_id JOIN roles r ON r.id = u.role_id WHERE gm.group_id = ?1 ORDER BY u.id");
  sqlite3_bind_int64 (stmt, 1, rowid);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *user = pd_portal_id_format ("usr", sqlite3_column_int64 (stmt, 0));

      json_builder_begin_object (builder);
      pd_portal_json_text (builder, "id", user);
      pd_portal_json_text (builder, "name", pd_portal_db_text (stmt, 1));
      pd_portal_json_text (builder, "email", pd_portal_db_text (stmt, 2));
      pd_portal_json_role_ref (builder, "role", sqlite3_column_int64 (stmt, 3), sqlite3_column_int (stmt, 4) != 0,
                               pd_portal_db_text (stmt, 5), pd_portal_db_text (stmt, 6));
      json_builder_end_object (builder);
    }
  sqlite3_reset (stmt);
  json_builder_end_array (builder);

  pd_portal_json_int (builder, "organization_count", n);
  json_builder_end_object (builder);
}

static void
respond_group (PdPortalRequest *req,
               guint            status,
               gint64           group_id)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *id = pd_portal_id_format ("grp", group_id);
  g_autofree char *etag = NULL;
  sqlite3_stmt *stmt = pd_portal_db_stmt (req->portal, "SELECT " GROUP_COLUMNS " FROM groups g WHERE g.id = ?1");

  sqlite3_bind_int64 (stmt, 1, group_id);
  if (!pd_portal_step_found (req, stmt, "group"))
    return;
  etag = pd_portal_etag (id, sqlite3_column_int64 (stmt, 1));
  add_group (req, builder, stmt);
  sqlite3_reset (stmt);
  pd_portal_respond_resource (req, status, builder, etag, "/api/v1/groups", id);
}

/* Access */

static gboolean
is_scoped (PdPortalRequest *req)
{
  return !req->caller->all_organizations;
}

static gboolean
require_unscoped (PdPortalRequest *req,
                  const char      *what)
{
  if (!is_scoped (req))
    return TRUE;
  pd_portal_respond_forbidden (req, "scope", "Your access is limited to your groups", "scope",
                               "Your access is limited to the organizations of the groups you manage, so you "
                               "cannot %s. Ask a user with access to all organizations.", what);
  return FALSE;
}

typedef struct {
  gint64  id;
  gint64  version;
  char   *public_id;
  char   *name;
} GroupRow;

static void
group_row_clear (GroupRow *row)
{
  g_clear_pointer (&row->public_id, g_free);
  g_clear_pointer (&row->name, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GroupRow, group_row_clear)

/* The group of the path, if the caller sees it; responds 404 and returns FALSE otherwise. */
static gboolean
load_group (PdPortalRequest *req,
            GroupRow        *row)
{
  sqlite3_stmt *stmt;
  gint64 id;

  if (!pd_portal_id_parse ("grp", req->params[0], &id))
    {
      pd_portal_respond_not_found (req, "group");
      return FALSE;
    }
  stmt = pd_portal_db_stmt (req->portal,
      "SELECT g.version, g.name FROM groups g WHERE g.id = ?1 AND g.partner_id = ?2 "
      "AND (?100 = 1 OR g.id IN (SELECT group_id FROM group_managers WHERE user_id = ?101))");
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, req->caller->partner_id);
  pd_portal_caller_bind_scope (req->caller, stmt);
  if (!pd_portal_step_found (req, stmt, "group"))
    return FALSE;
  row->id = id;
  row->version = sqlite3_column_int64 (stmt, 0);
  row->public_id = pd_portal_id_format ("grp", id);
  row->name = g_strdup (pd_portal_db_text (stmt, 1));
  sqlite3_reset (stmt);
  return TRUE;
}

/* The group's current ETag in If-Match (428/412). */
static gboolean
check_group_if_match (PdPortalRequest *req,
                      GroupRow        *row)
{
  g_autofree char *etag = pd_portal_etag (row->public_id, row->version);

  return pd_portal_check_if_match (req, etag);
}

/* Adding is safe to repeat: If-Match is checked only when the request has one. */
static gboolean
check_group_if_match_when_sent (PdPortalRequest *req,
                                GroupRow        *row)
{
  return soup_message_headers_get_one (soup_server_message_get_request_headers (req->msg), "If-Match") == NULL ||
         check_group_if_match (req, row);
}

/* Adds each of @ids to the group @group_id with @sql (INSERT OR IGNORE …, ?1 the group, ?2
 * the member); returns those that were not there before. */
static GArray *
add_members (PdPortalRequest *req,
             gint64           group_id,
             const char      *sql,
             GArray          *ids)
{
  GArray *added = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < ids->len; i++)
    {
      sqlite3_stmt *stmt = pd_portal_db_stmt (req->portal, sql);

      sqlite3_bind_int64 (stmt, 1, group_id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (ids, gint64, i));
      pd_portal_db_step_done (req->portal, stmt);
      if (sqlite3_changes (req->portal->db) > 0)
        g_array_append_val (added, g_array_index (ids, gint64, i));
    }
  return added;
}

/* The name of the group's member whose ID (@prefix "org", "usr") is the path's second
 * parameter, by @sql (?1 the group, ?2 the member), and the member's rowid; NULL after a 404
 * (@what). */
static char *
load_member (PdPortalRequest *req,
             gint64           group_id,
             const char      *prefix,
             const char      *sql,
             const char      *what,
             gint64          *member_id)
{
  char *name = NULL;

  if (pd_portal_id_parse (prefix, req->params[1], member_id))
    {
      sqlite3_stmt *stmt = pd_portal_db_stmt (req->portal, sql);

      sqlite3_bind_int64 (stmt, 1, group_id);
      sqlite3_bind_int64 (stmt, 2, *member_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        name = g_strdup (pd_portal_db_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  if (name == NULL)
    pd_portal_respond_not_found (req, what);
  return name;
}

/* Removes @member_id from the group by @sql (?1 the group, ?2 the member): a new version. */
static void
remove_member (PdPortalRequest *req,
               gint64           group_id,
               const char      *sql,
               gint64           member_id)
{
  sqlite3_stmt *stmt = pd_portal_db_stmt (req->portal, sql);

  sqlite3_bind_int64 (stmt, 1, group_id);
  sqlite3_bind_int64 (stmt, 2, member_id);
  pd_portal_db_step_done (req->portal, stmt);
  pd_portal_db_touch (req->portal, "groups", group_id);
}

static gboolean
name_taken (PdPortalRequest *req,
            const char      *name,
            gint64           except_id)
{
  sqlite3_stmt *stmt = pd_portal_db_stmt (req->portal,
      "SELECT count(*) FROM groups WHERE partner_id = ?1 AND id != ?2 AND casefold(name) = casefold(?3)");

  sqlite3_bind_int64 (stmt, 1, req->caller->partner_id);
  sqlite3_bind_int64 (stmt, 2, except_id);
  sqlite3_bind_text (stmt, 3, name, -1, SQLITE_STATIC);
  return pd_portal_db_scalar (req->portal, stmt, 0) > 0;
}

static void
respond_name_taken (PdPortalRequest *req,
                    const char      *name)
{
  pd_portal_respond_problem (req, SOUP_STATUS_CONFLICT, "name-taken", "Name in use",
                             "A group named “%s” already exists; choose another name.", name);
}

/* Groups */

static void
handle_list (PdPortalRequest *req)
{
  const char *q = pd_portal_query (req, "q");
  PdPortalPage page;
  sqlite3_stmt *stmt;

  if (!pd_portal_require (req, "groups.read") || !pd_portal_page_parse (req, &page))
    return;

  stmt = pd_portal_db_stmt (req->portal,
      "SELECT " GROUP_COLUMNS " FROM groups g WHERE g.partner_id = ?1 AND g.id > ?2 "
      "AND (?3 IS NULL OR g.updated_at >= ?3) "
      "AND (?4 IS NULL OR instr(casefold(g.name), casefold(?4)) > 0 OR instr(casefold(g.description), casefold(?4)) > 0) "
      "AND (?100 = 1 OR g.id IN (SELECT group_id FROM group_managers WHERE user_id = ?101)) "
      "ORDER BY g.id LIMIT ?5");
  sqlite3_bind_int64 (stmt, 1, req->caller->partner_id);
  sqlite3_bind_int64 (stmt, 2, page.after);
  sqlite3_bind_text (stmt, 3, page.updated_since, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, q, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, (gint64) page.limit + 1);
  pd_portal_caller_bind_scope (req->caller, stmt);
  pd_portal_respond_page_of_rows (req, &page, stmt, add_group, "group");
}

static void
handle_get (PdPortalRequest *req)
{
  g_auto(GroupRow) row = { 0 };

  if (!pd_portal_require (req, "groups.read") || !load_group (req, &row))
    return;
  respond_group (req, SOUP_STATUS_OK, row.id);
}

static void
handle_create (PdPortalRequest *req)
{
  static const char *const allowed[] = { "name", "description", NULL };
  g_autoptr(PdPortalValidation) v = NULL;
  g_autofree char *now = NULL;
  g_autofree char *public_id = NULL;
  const char *name, *description;
  sqlite3_stmt *stmt;
  gint64 id;

  if (!pd_portal_require (req, "groups.write") || !require_unscoped (req, "create groups"))
    return;

  v = pd_portal_validation_new (req);
  pd_portal_validation_only (v, allowed);
  name = pd_portal_validate_string (v, "name", PD_FIELD_REQUIRED, 1, 100);
  description = pd_portal_validate_string (v, "description", PD_FIELD_OPTIONAL | PD_FIELD_NULLABLE, 0, 500);
  if (pd_portal_validation_failed (v))
    return;
  if (name_taken (req, name, 0))
    {
      respond_name_taken (req, name);
      return;
    }

  now = pd_portal_now ();
  pd_portal_db_begin (req->portal);
  stmt = pd_portal_db_stmt (req->portal,
      "INSERT INTO groups (partner_id, name, description, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4) "
      "RETURNING id");
  sqlite3_bind_int64 (stmt, 1, req->caller->partner_id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, description ? description : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
  id = pd_portal_db_scalar (req->portal, stmt, 0);
  public_id = pd_portal_id_format ("grp", id);
  pd_portal_audit (req, "group.create", "group", public_id, 0, "Created the group “%s”", name);
  pd_portal_db_commit (req->portal);

  respond_group (req, SOUP_STATUS_CREATED, id);
}

static void
handle_update (PdPortalRequest *req)
{
  static const char *const allowed[] = { "name", "description", NULL };
  g_auto(GroupRow) row = { 0 };
  g_autoptr(PdPortalValidation) v = NULL;
  g_autofree char *now = NULL;
  const char *name, *description;
  gboolean has_description;
  sqlite3_stmt *stmt;

  if (!pd_portal_require (req, "groups.write") || !load_group (req, &row))
    return;

  v = pd_portal_validation_new (req);
  pd_portal_validation_only (v, allowed);
  name = pd_portal_validate_string (v, "name", PD_FIELD_OPTIONAL, 1, 100);
  description = pd_portal_validate_string (v, "description", PD_FIELD_OPTIONAL | PD_FIELD_NULLABLE, 0, 500);
  has_description = pd_portal_validation_has (v, "description");
  if (pd_portal_validation_failed (v) || !check_group_if_match (req, &row))
    return;
  if (name != NULL && name_taken (req, name, row.id))
    {
      respond_name_taken (req, name);
      return;
    }

  now = pd_portal_now ();
  pd_portal_db_begin (req->portal);
  stmt = pd_portal_db_stmt (req->portal,
      "UPDATE groups SET name = coalesce(?1, name), description = CASE WHEN ?2 THEN ?3 ELSE description END, "
      "version = version + 1, updated_at = ?4 WHERE id = ?5");
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, has_description);
  sqlite3_bind_text (stmt, 3, description ? description : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, row.id);
  pd_portal_db_step_done (req->portal, stmt);
  if (name != NULL && !g_str_equal (name, row.name))
    pd_portal_audit (req, "group.update", "group", row.public_id, 0, "Renamed the group “%s” to “%s”%s",
                     row.name, name, has_description ? " and changed its description" : "");
  else
    pd_portal_audit (req, "group.update", "group", row.public_id, 0, "Changed the group “%s”", row.name);
  pd_portal_db_commit (req->portal);

  respond_group (req, SOUP_STATUS_OK, row.id);
}

static void
handle_delete (PdPortalRequest *req)
{
  g_auto(GroupRow) row = { 0 };
  sqlite3_stmt *stmt;

  if (!pd_portal_require (req, "groups.write") || !load_group (req, &row) ||
      !require_unscoped (req, "delete groups") || !check_group_if_match (req, &row))
    return;

  pd_portal_db_begin (req->portal);
  stmt = pd_portal_db_stmt (req->portal, "DELETE FROM groups WHERE id = ?1");
  sqlite3_bind_int64 (stmt, 1, row.id);
  pd_portal_db_step_done (req->portal, stmt);
  pd_portal_db_tombstone (req->portal, req->caller->partner_id, "group", row.public_id, 0, NULL);
  pd_portal_audit (req, "group.delete", "group", row.public_id, 0, "Deleted the group “%s”", row.name);
  pd_portal_db_commit (req->portal);
  pd_portal_respond_no_content (req);
}

/* Access scope */

static void
handle_add_organizations (PdPortalRequest *req)
{
  static const char *const allowed[] = { "organization_ids", NULL };
  g_auto(GroupRow) row = { 0 };
  g_autoptr(PdPortalValidation) v = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) new_ids = NULL;
  g_auto(GStrv) public_ids = NULL;
  guint added = 0;

  if (!pd_portal_require (req, "groups.write") || !load_group (req, &row))
    return;

  v = pd_portal_validation_new (req);
  pd_portal_validation_only (v, allowed);
  public_ids = pd_portal_validate_strings (v, "organization_ids", PD_FIELD_REQUIRED, 1, MAX_ORGANIZATIONS_PER_REQUEST);
  for (guint i = 0; public_ids != NULL && public_ids[i] != NULL; i++)
    {
      sqlite3_stmt *stmt = pd_portal_db_stmt (req->portal, "SELECT partner_id FROM organizations WHERE id = ?1");
      gint64 org = 0;

      if (pd_portal_id_parse ("org", public_ids[i], &org))
        sqlite3_bind_int64 (stmt, 1, org);
      if (org <= 0 || pd_portal_db_scalar (req->portal, stmt, 0) != req->caller->partner_id ||
          !pd_portal_caller_sees (req->caller, org))
        {
          g_autofree char *field = g_strdup_printf ("organization_ids[%u]", i);
          pd_portal_validation_error (v, field, "not_found",
                                      "There is no organization “%s”, or it is outside your access scope.",
                                      public_ids[i]);
        }
      else
        g_array_append_val (ids, org);
    }
  if (pd_portal_validation_failed (v) || !check_group_if_match_when_sent (req, &row))
    return;

  pd_portal_db_begin (req->portal);
  new_ids = add_members (req, row.id, "INSERT OR IGNORE INTO group_organizations (group_id, organization_id) "
                         "VALUES (?1, ?2)", ids);
  added = new_ids->len;
  if (added > 0)
    {
      pd_portal_db_touch (req->portal, "groups", row.id);
      pd_portal_audit (req, "group.scope_add", "group", row.public_id, 0,
                       "Added %u organization%s to the access scope of “%s”", added, added == 1 ? "" : "s", row.name);
    }
  pd_portal_db_commit (req->portal);

  respond_group (req, SOUP_STATUS_OK, row.id);
}

static void
handle_remove_organization (PdPortalRequest *req)
{
  g_auto(GroupRow) row = { 0 };
  g_autofree char *org_name = NULL;
  sqlite3_stmt *stmt;
  gint64 org = 0, remaining;

  if (!pd_portal_require (req, "groups.write") || !load_group (req, &row))
    return;
  org_name = load_member (req, row.id, "org",
                          "SELECT o.name FROM group_organizations go JOIN organizations o ON o.id = go.organization_id "
                          "WHERE go.group_id = ?1 AND go.organization_id = ?2",
                          "organization in the access scope of this group", &org);
  if (org_name == NULL || !check_group_if_match (req, &row))
    return;

  stmt = pd_portal_db_stmt (req->portal, "SELECT count(*) FROM group_organizations WHERE group_id = ?1");
  sqlite3_bind_int64 (stmt, 1, row.id);
  remaining = pd_portal_db_scalar (req->portal, stmt, 0) - 1;
  if (remaining == 0 && is_scoped (req))
    {
      pd_portal_respond_problem (req, SOUP_STATUS_CONFLICT, "scope-would-be-empty", "Last organization of the scope",
                                 "“%s” is the last organization of this group. An empty access scope means all "
                                 "organizations, which is more than you can see: ask a user with access to all "
                                 "organizations, or delete the group.", org_name);
      return;
    }

  pd_portal_db_begin (req->portal);
  remove_member (req, row.id, "DELETE FROM group_organizations WHERE group_id = ?1 AND organization_id = ?2", org);
  pd_portal_audit (req, "group.scope_remove", "group", row.public_id, 0,
                   "Removed “%s” from the access scope of “%s”%s", org_name, row.name,
                   remaining == 0 ? " (the scope is now empty: all organizations)" : "");
  pd_portal_db_commit (req->portal);

  respond_group (req, SOUP_STATUS_OK, row.id);
}

/* Managers */

static void
handle_add_managers (PdPortalRequest *req)
{
  static const char *const allowed[] = { "user_ids", NULL };
  g_auto(GroupRow) row = { 0 };
  g_autoptr(PdPortalValidation) v = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GArray) new_ids = NULL;
  g_auto(GStrv) public_ids = NULL;
  guint added = 0;

  if (!pd_portal_require (req, "groups.write") || !load_group (req, &row))
    return;

  v = pd_portal_validation_new (req);
  pd_portal_validation_only (v, allowed);
  public_ids = pd_portal_validate_strings (v, "user_ids", PD_FIELD_REQUIRED, 1, MAX_MANAGERS_PER_REQUEST);
  for (guint i = 0; public_ids != NULL && public_ids[i] != NULL; i++)
    {
      g_autofree char *field = g_strdup_printf ("user_ids[%u]", i);
      sqlite3_stmt *stmt = pd_portal_db_stmt (req->portal,
          "SELECT u.name, u.status, r.builtin, r.key, r.name FROM users u JOIN roles r ON r.id = u.role_id "
          "WHERE u.id = ?1 AND u.partner_id = ?2");
      gint64 user = 0;

      if (pd_portal_id_parse ("usr", public_ids[i], &user))
        sqlite3_bind_int64 (stmt, 1, user);
      sqlite3_bind_int64 (stmt, 2, req->caller->partner_id);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        pd_portal_validation_error (v, field, "not_found", "There is no user “%s”.", public_ids[i]);
      else if (!pd_portal_role_may_manage_groups (sqlite3_column_int (stmt, 2) != 0, pd_portal_db_text (stmt, 3)))
        pd_portal_validation_error (v, field, "role_not_allowed",
                                    "Only users with the Admin or Support role can manage groups; %s has the role “%s”.",
                                    pd_portal_db_text (stmt, 0), pd_portal_db_text (stmt, 4));
      else if (g_strcmp0 (pd_portal_db_text (stmt, 1), "active") != 0)
        pd_portal_validation_error (v, field, "inactive",
                                    "%s is deactivated; reactivate the user before making them a group manager.",
                                    pd_portal_db_text (stmt, 0));
      else
        g_array_append_val (ids, user);
      sqlite3_reset (stmt);
    }
  if (pd_portal_validation_failed (v) || !check_group_if_match_when_sent (req, &row))
    return;

  pd_portal_db_begin (req->portal);
  new_ids = add_members (req, row.id, "INSERT OR IGNORE INTO group_managers (group_id, user_id) VALUES (?1, ?2)", ids);
  for (guint i = 0; i < new_ids->len; i++)
    {
      g_autofree char *id = pd_portal_id_format ("usr", g_array_index (new_ids, gint64, i));
      g_string_append_printf (names, "%s%s", added++ ? ", " : "", id);
    }
  if (added > 0)
    {
      pd_portal_db_touch (req->portal, "groups", row.id);
      pd_portal_audit (req, "group.managers_add", "group", row.public_id, 0, "Made %s manager%s of “%s”",
                       names->str, added == 1 ? "" : "s", row.name);
    }
  pd_portal_db_commit (req->portal);

  respond_group (req, SOUP_STATUS_OK, row.id);
}

static void
handle_remove_manager (PdPortalRequest *req)
{
  g_auto(GroupRow) row = { 0 };
  g_autofree char *user_name = NULL;
  gint64 user = 0;

  if (!pd_portal_require (req, "groups.write") || !load_group (req, &row) ||
      !require_unscoped (req, "remove group managers"))
    return;
  user_name = load_member (req, row.id, "usr",
                           "SELECT u.name FROM group_managers gm JOIN users u ON u.id = gm.user_id "
                           "WHERE gm.group_id = ?1 AND gm.user_id = ?2",
                           "manager of this group", &user);
  if (user_name == NULL || !check_group_if_match (req, &row))
    return;

  pd_portal_db_begin (req->portal);
  remove_member (req, row.id, "DELETE FROM group_managers WHERE group_id = ?1 AND user_id = ?2", user);
  pd_portal_audit (req, "group.managers_remove", "group", row.public_id, 0, "%s no longer manages “%s”",
                   user_name, row.name);
  pd_portal_db_commit (req->portal);

  respond_group (req, SOUP_STATUS_OK, row.id);
}

/* Demo data (after the organizations; no random numbers: the later modules' data stays the same). */

static gint64
seed_group (PdPortalSeed *seed,
            const char   *name,
            const char   *description,
            int           days_ago)
{
  g_autofree char *created = pd_portal_time_format (seed->now_usec - (gint64) days_ago * 86400 * G_USEC_PER_SEC);
  sqlite3_stmt *stmt = pd_portal_db_stmt (seed->portal,
      "INSERT INTO groups (partner_id, name, description, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4) "
      "RETURNING id");

  sqlite3_bind_int64 (stmt, 1, seed->partner_id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, description, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, created, -1, SQLITE_STATIC);
  return pd_portal_db_scalar (seed->portal, stmt, 0);
}

static void
seed_member (PdPortalSeed *seed,
             const char   *sql,
             gint64        group_id,
             gint64        member_id)
{
  sqlite3_stmt *stmt = pd_portal_db_stmt (seed->portal, sql);

  sqlite3_bind_int64 (stmt, 1, group_id);
  sqlite3_bind_int64 (stmt, 2, member_id);
  pd_portal_db_step_done (seed->portal, stmt);
}

#define SEED_SCOPE "INSERT INTO group_organizations (group_id, organization_id) VALUES (?1, ?2)"
#define SEED_MANAGER "INSERT INTO group_managers (group_id, user_id) VALUES (?1, ?2)"

static void
seed (PdPortalSeed *seed)
{
  g_autoptr(GArray) orgs = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = pd_portal_db_stmt (seed->portal, "SELECT id FROM organizations WHERE partner_id = ?1 ORDER BY id");
  gint64 enterprise, after_hours, healthcare;
  guint n_healthcare = 0;

  sqlite3_bind_int64 (stmt, 1, seed->partner_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (orgs, id);
    }
  sqlite3_reset (stmt);

  /* About a fifth of the clients, managed by the scoped admin only. (Without organizations the
   * scope would be empty, which means all: then the scoped admin manages nothing.) */
  enterprise = seed_group (seed, "Enterprise clients", "Clients with more than 250 seats and a dedicated contact.", 300);
  for (guint i = 0; i < orgs->len; i += 5)
    seed_member (seed, SEED_SCOPE, enterprise, g_array_index (orgs, gint64, i));
  if (orgs->len > 0)
    seed_member (seed, SEED_MANAGER, enterprise, seed->users[PD_SEED_SCOPED_ADMIN]);

  /* An empty scope means all organizations: the support user still sees everything. */
  after_hours = seed_group (seed, "After-hours support", "The on-call rota for evenings and weekends.", 240);
  seed_member (seed, SEED_MANAGER, after_hours, seed->users[PD_SEED_SUPPORT]);

  /* A handful of clients and nobody managing them yet. */
  healthcare = seed_group (seed, "Healthcare", "Clinics and practices with stricter retention needs.", 60);
  for (guint i = 3; i < orgs->len && n_healthcare < 6; i += 7, n_healthcare++)
    seed_member (seed, SEED_SCOPE, healthcare, g_array_index (orgs, gint64, i));
}

static void
register_routes (PdPortal *portal)
{
  pd_portal_route (portal, "GET", "/api/v1/groups", PD_PORTAL_ROUTE_DEFAULT, handle_list);
  pd_portal_route (portal, "POST", "/api/v1/groups", PD_PORTAL_ROUTE_DEFAULT, handle_create);
  pd_portal_route (portal, "GET", "/api/v1/groups/{group_id}", PD_PORTAL_ROUTE_DEFAULT, handle_get);
  pd_portal_route (portal, "PATCH", "/api/v1/groups/{group_id}", PD_PORTAL_ROUTE_DEFAULT, handle_update);
  pd_portal_route (portal, "DELETE", "/api/v1/groups/{group_id}", PD_PORTAL_ROUTE_DEFAULT, handle_delete);
  pd_portal_route (portal, "POST", "/api/v1/groups/{group_id}/organizations", PD_PORTAL_ROUTE_DEFAULT,
                   handle_add_organizations);
  pd_portal_route (portal, "DELETE", "/api/v1/groups/{group_id}/organizations/{organization_id}",
                   PD_PORTAL_ROUTE_DEFAULT, handle_remove_organization);
  pd_portal_route (portal, "POST", "/api/v1/groups/{group_id}/managers", PD_PORTAL_ROUTE_DEFAULT, handle_add_managers);
  pd_portal_route (portal, "DELETE", "/api/v1/groups/{group_id}/managers/{user_id}", PD_PORTAL_ROUTE_DEFAULT,
                   handle_remove_manager);
}

const PdPortalModule pd_portal_module_groups = {
  .name = "groups",
  .seed = seed,
  .register_routes = register_routes,
};

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Accounts of a service (users, shared mailboxes, sites, teams, shared drives) and bulk
 * protection within the service's seats. The accounts themselves are made up on first use:
 * see pd-portal-accounts-seed.c. */
#include "pd-portal-accounts.h"
#include "pd-portal-authorization.h"
#include "pd-portal-db.h"
#include "pd-portal-http.h"
#include "pd-portal-modules.h"
#include "pd-portal-validate.h"

#define MAX_BULK 500

static const char schema_sql[] =
  /* Services whose accounts exist (see pd_portal_accounts_ensure()). */
  "CREATE TABLE IF NOT EXISTS account_materialized ("
  "  service_id INTEGER PRIMARY KEY REFERENCES services(id) ON DELETE CASCADE,"
  "  materialized_at TEXT NOT NULL);\n"
  "CREATE INDEX IF NOT EXISTS accounts_organization ON accounts (organization_id);\n"
  /* Without an aggregate, so SQLite flattens it into queries filtered by service. */
  "CREATE VIEW IF NOT EXISTS account_backups AS SELECT a.id AS account_id,"
  "  CASE WHEN a.protection = 'paused' THEN 'paused'"
  "    WHEN EXISTS (SELECT 1 FROM account_sections s WHERE s.account_id = a.id AND s.status = 'running') THEN 'running'"
  "    WHEN EXISTS (SELECT 1 FROM account_sections s WHERE s.account_id = a.id AND s.status = 'retrying') THEN 'retrying'"
  "    WHEN EXISTS (SELECT 1 FROM account_sections s WHERE s.account_id = a.id AND s.last_result = 'failed') THEN 'failed'"
  "    WHEN EXISTS (SELECT 1 FROM account_sections s WHERE s.account_id = a.id AND s.last_result = 'warning') THEN 'warning'"
  "    WHEN EXISTS (SELECT 1 FROM account_sections s WHERE s.account_id = a.id AND s.last_result = 'success') THEN 'success'"
  "    ELSE 'never_run' END AS backup_status,"
  "  (SELECT max(s.last_backup_at) FROM account_sections s WHERE s.account_id = a.id) AS last_backup_at "
  "FROM accounts a;\n";

static const char *const kinds[] = { "user", "shared_mailbox", "site", "team", "shared_drive", NULL };
static const char *const protections[] = { "protected", "paused", "unprotected", NULL };
static const char *const statuses[] = { "active", "deactivated", "deleted", NULL };
static const char *const backup_statuses[] = {
  "success", "running", "retrying", "warning", "failed", "paused", "never_run", NULL
};
static const char *const actions[] = { "protect", "pause", "unprotect", NULL };

/* Seat counters and protection changes, shared with the authorization pages. */

gboolean
pd_portal_accounts_recount (PdPortal *portal,
                            gint64    service_id)
{
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal,
      "SELECT (SELECT count(*) FROM accounts WHERE service_id = ?1 AND protection IN ('protected', 'paused')),"
      " (SELECT count(*) FROM accounts WHERE service_id = ?1 AND protection = 'unprotected' AND status = 'active'),"
      " seats_managed, seats_unprotected FROM services WHERE id = ?1");
  gint64 managed = 0, unprotected = 0;
  gboolean changed = FALSE;

  sqlite3_bind_int64 (stmt, 1, service_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      managed = sqlite3_column_int64 (stmt, 0);
      unprotected = sqlite3_column_int64 (stmt, 1);
      changed = managed != sqlite3_column_int64 (stmt, 2) || unprotected != sqlite3_column_int64 (stmt, 3);
    }
  sqlite3_reset (stmt);
  if (!changed)
    return FALSE;

  stmt = pd_portal_db_stmt (portal, "UPDATE services SET seats_managed = ?2, seats_unprotected = ?3 WHERE id = ?1");
  sqlite3_bind_int64 (stmt, 1, service_id);
  sqlite3_bind_int64 (stmt, 2, managed);
  sqlite3_bind_int64 (stmt, 3, unprotected);
  pd_portal_db_step_done (portal, stmt);
  return TRUE;
}

/* Sets one account's protection and its sections' state; bumps the account's version. */
static void
set_protection (PdPortal   *portal,
                gint64      account_id,
                const char *protection,
                const char *now)
{
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal,
      "UPDATE accounts SET protection = ?2, version = version + 1, updated_at = ?3 WHERE id = ?1");

  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, protection, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  pd_portal_db_step_done (portal, stmt);

  /* A protected section starts from when it was (re)added; an unprotected one was never added. */
  stmt = pd_portal_db_stmt (portal,
      "UPDATE account_sections SET "
      " status = CASE ?2 WHEN 'protected' THEN 'active' WHEN 'paused' THEN 'paused' ELSE 'inactive' END,"
      " added_at = CASE WHEN ?2 = 'unprotected' THEN NULL ELSE coalesce(added_at, ?3) END "
      "WHERE account_id = ?1");
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, protection, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  pd_portal_db_step_done (portal, stmt);
}

static gint64
seats_total (PdPortal *portal,
             gint64    service_id)
{
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal, "SELECT seats_total FROM services WHERE id = ?1");

  sqlite3_bind_int64 (stmt, 1, service_id);
  return pd_portal_db_scalar (portal, stmt, 0);
}

gboolean
pd_portal_accounts_choose (PdPortal *portal,
                           gint64    service_id,
                           GArray   *ids,
                           guint    *needed,
                           guint    *changed)
{
  g_autoptr(GHashTable) chosen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) updates = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) targets = g_ptr_array_new ();
  g_autofree char *now = pd_portal_now ();
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;

  pd_portal_accounts_ensure (portal, service_id);
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (chosen, &g_array_index (ids, gint64, i));
  *needed = g_hash_table_size (chosen);
  *changed = 0;
  if (*needed > seats_total (portal, service_id))
    return FALSE;

  stmt = pd_portal_db_stmt (portal, "SELECT id, protection, status FROM accounts WHERE service_id = ?1 ORDER BY id");
  sqlite3_bind_int64 (stmt, 1, service_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *protection = pd_portal_db_text (stmt, 1);
      const char *target = NULL;

      if (g_hash_table_remove (chosen, &id))
        {
          if (g_str_equal (pd_portal_db_text (stmt, 2), "deleted") && !g_str_equal (protection, "protected"))
            ok = FALSE;
          else if (!g_str_equal (protection, "protected"))
            target = "protected";
        }
      else if (!g_str_equal (protection, "unprotected"))
        target = "unprotected";
      if (target != NULL)
        {
          g_array_append_val (updates, id);
          g_ptr_array_add (targets, (gpointer) target);
        }
    }
  sqlite3_reset (stmt);
  /* Left over: accounts of another service, or none at all. */
  if (!ok || g_hash_table_size (chosen) > 0)
    return FALSE;

  for (guint i = 0; i < updates->len; i++)
    set_protection (portal, g_array_index (updates, gint64, i), g_ptr_array_index (targets, i), now);
  *changed = updates->len;
  pd_portal_accounts_recount (portal, service_id);
  return TRUE;
}

/* Request context */

typedef struct {
  gint64 organization_id;
  gint64 service_id;
  char  *organization_public;
  char  *service_public;
  char  *application;
} Target;

static void
target_clear (Target *t)
{
  g_free (t->organization_public);
  g_free (t->service_public);
  g_free (t->application);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Target, target_clear)

/* Permission, organization scope, the service within it, then authority; responds on failure. */
static gboolean
resolve_target (PdPortalRequest *req,
                const char      *permission,
                Target          *t)
{
  sqlite3_stmt *stmt;

  if (!pd_portal_require (req, permission))
    return FALSE;
  if (!pd_portal_id_parse ("org", req->params[0], &t->organization_id))
    {
      pd_portal_respond_not_found (req, "organization");
      return FALSE;
    }
  if (!pd_portal_require_organization (req, t->organization_id))
    return FALSE;
  stmt = pd_portal_db_stmt (req->portal, "SELECT application FROM services WHERE id = ?1 AND organization_id = ?2");
  if (pd_portal_id_parse ("svc", req->params[1], &t->service_id))
    {
      sqlite3_bind_int64 (stmt, 1, t->service_id);
      sqlite3_bind_int64 (stmt, 2, t->organization_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        t->application = g_strdup (pd_portal_db_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  if (t->application == NULL)
    {
      pd_portal_respond_not_found (req, "service");
      return FALSE;
    }
  if (!pd_portal_require_authority (req, t->organization_id))
    return FALSE;
  t->organization_public = pd_portal_id_format ("org", t->organization_id);
  t->service_public = pd_portal_id_format ("svc", t->service_id);
  pd_portal_accounts_ensure (req->portal, t->service_id);
  return TRUE;
}

/* JSON */

#define ACCOUNT_SELECT \
  "SELECT a.id, a.version, a.created_at, a.updated_at, a.kind, a.display_name, a.email, a.external_id, " \
  "a.protection, a.status, a.storage_bytes, a.item_count, b.last_backup_at, b.backup_status " \
  "FROM accounts a JOIN account_backups b ON b.account_id = a.id "

static void
write_sections (PdPortal    *portal,
                JsonBuilder *builder,
                gint64       account_id)
{
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal,
      "SELECT data_type, status, added_at, last_backup_at, last_result FROM account_sections "
      "WHERE account_id = ?1 ORDER BY instr('email drive calendar contacts tasks', data_type)");

  json_builder_set_member_name (builder, "sections");
  json_builder_begin_array (builder);
  sqlite3_bind_int64 (stmt, 1, account_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      pd_portal_json_text (builder, "data_type", pd_portal_db_text (stmt, 0));
      pd_portal_json_text (builder, "status", pd_portal_db_text (stmt, 1));
      pd_portal_json_text (builder, "added_at", pd_portal_db_text (stmt, 2));
      pd_portal_json_text (builder, "last_backup_at", pd_portal_db_text (stmt, 3));
      pd_portal_json_text (builder, "last_result", pd_portal_db_text (stmt, 4));
      json_builder_end_object (builder);
    }
  sqlite3_reset (stmt);
  json_builder_end_array (builder);
}

/* One row of ACCOUNT_SELECT; returns its ETag. */
static char *
write_account (PdPortal     *portal,
               JsonBuilder  *builder,
               sqlite3_stmt *row,
               const Target *t)
{
  gint64 id = sqlite3_column_int64 (row, 0);
  g_autofree char *public_id = pd_portal_id_format ("acc", id);

  json_builder_begin_object (builder);
  pd_portal_json_meta (builder, public_id, sqlite3_column_int64 (row, 1),
                       pd_portal_db_text (row, 2), pd_portal_db_text (row, 3));
  pd_portal_json_text (builder, "organization_id", t->organization_public);
  pd_portal_json_text (builder, "service_id", t->service_public);
  pd_portal_json_text (builder, "kind", pd_portal_db_text (row, 4));
  pd_portal_json_text (builder, "display_name", pd_portal_db_text (row, 5));
  pd_portal_json_text (builder, "email", pd_portal_db_text (row, 6));
  pd_portal_json_text (builder, "external_id", pd_portal_db_text (row, 7));
  pd_portal_json_text (builder, "protection", pd_portal_db_text (row, 8));
  pd_portal_json_text (builder, "status", pd_portal_db_text (row, 9));
  pd_portal_json_int (builder, "storage_bytes", sqlite3_column_int64 (row, 10));
  pd_portal_json_int (builder, "item_count", sqlite3_column_int64 (row, 11));
  pd_portal_json_text (builder, "last_backup_at", pd_portal_db_text (row, 12));
  pd_portal_json_text (builder, "backup_status", pd_portal_db_text (row, 13));
  write_sections (portal, builder, id);
  json_builder_end_object (builder);
  return pd_portal_etag (public_id, sqlite3_column_int64 (row, 1));
}

/* A filter query parameter that must be one of @choices; records a field error otherwise. */
static const char *
query_choice (PdPortalRequest   *req,
              const char        *name,
              const char *const *choices,
              JsonBuilder       *errors,
              guint             *n_errors)
{
  const char *value = pd_portal_query (req, name);
  g_autofree char *list = NULL;
  g_autofree char *message = NULL;

  if (value == NULL || g_strv_contains (choices, value))
    return value;
  list = g_strjoinv (", ", (GStrv) choices);
  message = g_strdup_printf ("%s must be one of: %s.", name, list);
  json_builder_begin_object (errors);
  pd_portal_json_text (errors, "field", name);
  pd_portal_json_text (errors, "code", "invalid_choice");
  pd_portal_json_text (errors, "message", message);
  json_builder_end_object (errors);
  (*n_errors)++;
  return NULL;
}

/* Handlers */

static void
list_page (PdPortalRequest *req,
           Target          *t,
           PdPortalPage    *page)
{
  g_autoptr(JsonBuilder) errors = json_builder_new ();
  g_autoptr(JsonBuilder) builder = NULL;
  const char *kind, *protection, *status, *backup_status;
  sqlite3_stmt *stmt;
  guint n_errors = 0, count = 0;
  gint64 last = 0;
  gboolean has_more = FALSE;

  json_builder_begin_array (errors);
  kind = query_choice (req, "kind", kinds, errors, &n_errors);
  protection = query_choice (req, "protection", protections, errors, &n_errors);
  status = query_choice (req, "status", statuses, errors, &n_errors);
  backup_status = query_choice (req, "backup_status", backup_statuses, errors, &n_errors);
  json_builder_end_array (errors);
  if (n_errors > 0)
    {
      g_autoptr(JsonNode) node = json_builder_get_root (errors);
      pd_portal_respond_field_errors (req, node);
      return;
    }

  stmt = pd_portal_db_stmt (req->portal,
      ACCOUNT_SELECT
      "WHERE a.service_id = ?1 AND a.id > ?2 AND (?3 IS NULL OR a.updated_at >= ?3) "
      "AND (?4 IS NULL OR a.kind = ?4) AND (?5 IS NULL OR a.protection = ?5) AND (?6 IS NULL OR a.status = ?6) "
      "AND (?7 IS NULL OR b.backup_status = ?7) "
      "AND (?8 IS NULL OR instr(casefold(a.display_name), casefold(?8)) > 0 "
      "  OR instr(casefold(coalesce(a.email, '')), casefold(?8)) > 0 "
      "  OR instr('acc_' || a.id, casefold(?8)) > 0 OR instr(casefold(a.external_id), casefold(?8)) > 0) "
      "ORDER BY a.id LIMIT ?9");
  sqlite3_bind_int64 (stmt, 1, t->service_id);
  sqlite3_bind_int64 (stmt, 2, page->after);
  sqlite3_bind_text (stmt, 3, page->updated_since, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, protection, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, status, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, backup_status, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, pd_portal_query (req, "q"), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 9, (gint64) page->limit + 1);

  builder = json_builder_new ();
  pd_portal_page_begin (page, builder);
  /* write_account() uses other statements, never this one: no nesting. */
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *etag = NULL;

      if (count == page->limit)
        {
          has_more = TRUE;
          break;
        }
      etag = write_account (req->portal, builder, stmt, t);
      last = sqlite3_column_int64 (stmt, 0);
      count++;
    }
  sqlite3_reset (stmt);
  pd_portal_page_end (req, page, builder, has_more, last, "account", t->organization_id, t->service_public);
  pd_portal_respond_builder (req, SOUP_STATUS_OK, builder, NULL);
}

static void
list_accounts (PdPortalRequest *req)
{
  g_auto(Target) t = { 0 };
  PdPortalPage page;

  if (!resolve_target (req, "accounts.read", &t) || !pd_portal_page_parse (req, &page))
    return;
  list_page (req, &t, &page);
  pd_portal_page_clear (&page);
}

static void
get_account (PdPortalRequest *req)
{
  g_auto(Target) t = { 0 };
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *etag = NULL;
  sqlite3_stmt *stmt;
  gint64 account_id;

  if (!resolve_target (req, "accounts.read", &t))
    return;
  if (!pd_portal_id_parse ("acc", req->params[2], &account_id))
    {
      pd_portal_respond_not_found (req, "account");
      return;
    }
  stmt = pd_portal_db_stmt (req->portal, ACCOUNT_SELECT "WHERE a.id = ?1 AND a.service_id = ?2");
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_int64 (stmt, 2, t.service_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      pd_portal_respond_not_found (req, "account");
      return;
    }
  builder = json_builder_new ();
  etag = write_account (req->portal, builder, stmt, &t);
  sqlite3_reset (stmt);
  pd_portal_respond_builder (req, SOUP_STATUS_OK, builder, etag);
}

/* Bulk protection */

typedef enum { ITEM_OK, ITEM_UNCHANGED, ITEM_ERROR } ItemStatus;

typedef struct {
  const char *id;          /* as sent */
  ItemStatus  status;
  const char *code;
  char       *detail;
} Item;

static void
item_clear (gpointer data)
{
  g_free (((Item *) data)->detail);
}

/* The account's protection and status when it belongs to the service. */
static gboolean
load_account (PdPortal    *portal,
              gint64       service_id,
              const char  *public_id,
              gint64      *rowid,
              char       **protection,
              char       **status)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  if (!pd_portal_id_parse ("acc", public_id, rowid))
    return FALSE;
  stmt = pd_portal_db_stmt (portal, "SELECT protection, status FROM accounts WHERE id = ?1 AND service_id = ?2");
  sqlite3_bind_int64 (stmt, 1, *rowid);
  sqlite3_bind_int64 (stmt, 2, service_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      *protection = g_strdup (pd_portal_db_text (stmt, 0));
      *status = g_strdup (pd_portal_db_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  return found;
}

/* What @action does to an account: the new protection (NULL: unchanged), or an error. */
static const char *
plan_item (const char *action,
           const char *public_id,
           const char *protection,
           const char *status,
           Item       *item)
{
  const char *target = g_str_equal (action, "protect") ? "protected"
                     : g_str_equal (action, "pause") ? "paused" : "unprotected";

  if (g_str_equal (protection, target))
    {
      item->status = ITEM_UNCHANGED;
      return NULL;
    }
  if (g_str_equal (action, "protect") && g_str_equal (status, "deleted"))
    {
      item->status = ITEM_ERROR;
      item->code = "account_deleted";
      item->detail = g_strdup_printf ("%s was deleted in the client's tenant and cannot be protected.", public_id);
      return NULL;
    }
  if (g_str_equal (action, "pause") && g_str_equal (protection, "unprotected"))
    {
      item->status = ITEM_ERROR;
      item->code = "not_protected";
      item->detail = g_strdup_printf ("%s is not protected; protect it before pausing it.", public_id);
      return NULL;
    }
  item->status = ITEM_OK;
  return target;
}

static void
write_seats (PdPortal    *portal,
             JsonBuilder *builder,
             gint64       service_id)
{
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal,
      "SELECT seats_total, seats_managed, seats_unprotected FROM services WHERE id = ?1");
  gint64 total = 0, managed = 0, unprotected = 0;

  sqlite3_bind_int64 (stmt, 1, service_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      total = sqlite3_column_int64 (stmt, 0);
      managed = sqlite3_column_int64 (stmt, 1);
      unprotected = sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_reset (stmt);
  json_builder_set_member_name (builder, "seats");
  json_builder_begin_object (builder);
  pd_portal_json_int (builder, "total", total);
  pd_portal_json_int (builder, "managed", managed);
  pd_portal_json_int (builder, "open", MAX (0, total - managed));
  pd_portal_json_int (builder, "unprotected", unprotected);
  json_builder_end_object (builder);
}

static gint64
open_seats (PdPortal *portal,
            gint64    service_id)
{
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal, "SELECT max(0, seats_total - seats_managed) FROM services WHERE id = ?1");

  sqlite3_bind_int64 (stmt, 1, service_id);
  return pd_portal_db_scalar (portal, stmt, 0);
}

static void
bulk_accounts (PdPortalRequest *req)
{
  static const char *const allowed[] = { "action", "account_ids", NULL };
  g_auto(Target) t = { 0 };
  g_autoptr(PdPortalValidation) v = NULL;
  g_autoptr(GArray) items = NULL;
  g_autoptr(GHashTable) needs_seat = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *now = NULL;
  g_auto(GStrv) ids = NULL;
  const char *action;
  guint n_ok = 0, n_unchanged = 0, n_error = 0;
  gint64 open;

  if (!resolve_target (req, "accounts.protect", &t))
    return;
  v = pd_portal_validation_new (req);
  pd_portal_validation_only (v, allowed);
  action = pd_portal_validate_enum (v, "action", PD_FIELD_REQUIRED, actions);
  ids = pd_portal_validate_strings (v, "account_ids", PD_FIELD_REQUIRED, 1, MAX_BULK);
  if (pd_portal_validation_failed (v))
    return;

  items = g_array_sized_new (FALSE, TRUE, sizeof (Item), g_strv_length (ids));
  g_array_set_clear_func (items, item_clear);
  needs_seat = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  now = pd_portal_now ();

  pd_portal_db_begin (req->portal);
  /* First the plan, so the seat check is all or nothing. */
  for (guint i = 0; ids[i] != NULL; i++)
    {
      Item item = { .id = ids[i] };
      g_autofree char *protection = NULL;
      g_autofree char *status = NULL;
      gint64 rowid;

      if (!load_account (req->portal, t.service_id, ids[i], &rowid, &protection, &status))
        {
          item.status = ITEM_ERROR;
          item.code = "not_found";
          item.detail = g_strdup_printf ("There is no account “%s” in this service.", ids[i]);
        }
      else if (plan_item (action, ids[i], protection, status, &item) != NULL &&
               g_str_equal (protection, "unprotected") && g_str_equal (action, "protect"))
        g_hash_table_add (needs_seat, g_memdup2 (&rowid, sizeof rowid));
      g_array_append_val (items, item);
    }

  open = open_seats (req->portal, t.service_id);
  if ((gint64) g_hash_table_size (needs_seat) > open)
    {
      guint needed = g_hash_table_size (needs_seat);

      pd_portal_db_rollback (req->portal);
      pd_portal_respond_problem (req, SOUP_STATUS_CONFLICT, "seat-limit", "Not enough open seats",
                                 "This needs %u seat%s but only %" G_GINT64_FORMAT " %s open; raise the total "
                                 "licenses or unprotect accounts first.", needed, needed == 1 ? "" : "s",
                                 open, open == 1 ? "is" : "are");
      return;
    }

  /* Then the changes, in order; a repeated ID is unchanged the second time. */
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);
      g_autofree char *protection = NULL;
      g_autofree char *status = NULL;
      const char *target;
      gint64 rowid;

      if (item->status != ITEM_ERROR &&
          load_account (req->portal, t.service_id, item->id, &rowid, &protection, &status))
        {
          g_clear_pointer (&item->detail, g_free);
          target = plan_item (action, item->id, protection, status, item);
          if (target != NULL)
            set_protection (req->portal, rowid, target, now);
        }
      n_ok += item->status == ITEM_OK;
      n_unchanged += item->status == ITEM_UNCHANGED;
      n_error += item->status == ITEM_ERROR;
    }
  if (n_ok > 0)
    {
      pd_portal_accounts_recount (req->portal, t.service_id);
      pd_portal_db_touch (req->portal, "services", t.service_id);
      pd_portal_db_touch (req->portal, "organizations", t.organization_id);
    }
  pd_portal_audit (req, g_str_equal (action, "protect") ? "accounts.protect"
                      : g_str_equal (action, "pause") ? "accounts.pause" : "accounts.unprotect",
                   "service", t.service_public, t.organization_id,
                   "%c%s %u account%s of %s: %u changed, %u unchanged, %u failed",
                   g_ascii_toupper (action[0]), action + 1, items->len, items->len == 1 ? "" : "s",
                   pd_portal_application_label (t.application), n_ok, n_unchanged, n_error);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "results");
  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);

      json_builder_begin_object (builder);
      pd_portal_json_text (builder, "id", item->id);
      pd_portal_json_text (builder, "status", item->status == ITEM_OK ? "ok"
                                              : item->status == ITEM_UNCHANGED ? "unchanged" : "error");
      json_builder_set_member_name (builder, "problem");
      if (item->status == ITEM_ERROR)
        {
          json_builder_begin_object (builder);
          pd_portal_json_text (builder, "code", item->code);
          pd_portal_json_text (builder, "detail", item->detail);
          json_builder_end_object (builder);
        }
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  write_seats (req->portal, builder, t.service_id);
  json_builder_end_object (builder);
  pd_portal_db_commit (req->portal);
  pd_portal_respond_builder (req, SOUP_STATUS_OK, builder, NULL);
}

static void
register_routes (PdPortal *portal)
{
  pd_portal_route (portal, "GET", "/api/v1/organizations/{organization_id}/services/{service_id}/accounts",
                   PD_PORTAL_ROUTE_DEFAULT, list_accounts);
  pd_portal_route (portal, "GET", "/api/v1/organizations/{organization_id}/services/{service_id}/accounts/{account_id}",
                   PD_PORTAL_ROUTE_DEFAULT, get_account);
  pd_portal_route (portal, "POST", "/api/v1/organizations/{organization_id}/services/{service_id}/accounts/bulk",
                   PD_PORTAL_ROUTE_DEFAULT, bulk_accounts);
}

const PdPortalModule pd_portal_module_accounts = {
  .name = "accounts",
  .schema = schema_sql,
  .seed = pd_portal_accounts_seed,
  .register_routes = register_routes,
};

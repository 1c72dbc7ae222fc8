/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Notification types and settings, the partner report period, in-app notifications. */
#include "pd-portal-modules.h"
#include "pd-portal-db.h"
#include "pd-portal-http.h"
#include "pd-portal-validate.h"
#include "pd-portal-notifications.h"

#define MAX_RECIPIENTS 20
#define MAX_SETTING_ORGANIZATIONS 1000

static const char *const frequencies[] = { "immediate", "daily", "weekly", "monthly", NULL };
static const char *const report_periods[] = { "daily", "weekly", "monthly", NULL };

static const char schema[] =
  /* The catalogue (copied from pd_notification_types when seeding). */
  "CREATE TABLE IF NOT EXISTS notification_groups ("
  "  key TEXT PRIMARY KEY, name TEXT NOT NULL, position INTEGER NOT NULL);\n"
  "CREATE TABLE IF NOT EXISTS notification_types ("
  "  key TEXT PRIMARY KEY, group_key TEXT NOT NULL REFERENCES notification_groups(key),"
  "  name TEXT NOT NULL, description TEXT NOT NULL, audience TEXT NOT NULL,"
  "  recommended_enabled INTEGER NOT NULL, recommended_frequency TEXT NOT NULL,"
  "  subject_template TEXT NOT NULL, body_template TEXT NOT NULL, position INTEGER NOT NULL);\n"
  /* Partner-wide settings: one versioned resource per partner, one row per type. */
  "CREATE TABLE IF NOT EXISTS notification_settings_state ("
  "  partner_id INTEGER PRIMARY KEY REFERENCES partners(id) ON DELETE CASCADE,"
  "  version INTEGER NOT NULL DEFAULT 1, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);\n"
  "CREATE TABLE IF NOT EXISTS notification_settings ("
  "  partner_id INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,"
  "  type_key TEXT NOT NULL REFERENCES notification_types(key),"
  "  enabled INTEGER NOT NULL, frequency TEXT NOT NULL, cumulative_count INTEGER NOT NULL DEFAULT 1,"
  "  PRIMARY KEY (partner_id, type_key));\n"
  /* A type sent only about selected organizations has a row here (none: all organizations),
   * and its organizations below; deleting an organization leaves the others selected. */
  "CREATE TABLE IF NOT EXISTS notification_setting_scopes ("
  "  partner_id INTEGER NOT NULL, type_key TEXT NOT NULL, PRIMARY KEY (partner_id, type_key),"
  "  FOREIGN KEY (partner_id, type_key) REFERENCES notification_settings(partner_id, type_key) ON DELETE CASCADE);\n"
  "CREATE TABLE IF NOT EXISTS notification_setting_organizations ("
  "  partner_id INTEGER NOT NULL, type_key TEXT NOT NULL,"
  "  organization_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,"
  "  PRIMARY KEY (partner_id, type_key, organization_id),"
  "  FOREIGN KEY (partner_id, type_key) REFERENCES notification_setting_scopes(partner_id, type_key) ON DELETE CASCADE);\n"
  /* The partner report: the period lives in partners.report_period (shared), the recipients here. */
  "CREATE TABLE IF NOT EXISTS report_settings ("
  "  partner_id INTEGER PRIMARY KEY REFERENCES partners(id) ON DELETE CASCADE,"
  "  version INTEGER NOT NULL DEFAULT 1, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);\n"
  "CREATE TABLE IF NOT EXISTS report_recipients ("
  "  partner_id INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL, email TEXT NOT NULL, PRIMARY KEY (partner_id, position));\n"
  /* In-app notifications published by the portal operator; partner_id NULL = every partner,
   * organization_id NULL = not about one client. */
  "CREATE TABLE IF NOT EXISTS inapp_notifications ("
  "  id INTEGER PRIMARY KEY, partner_id INTEGER REFERENCES partners(id) ON DELETE CASCADE,"
  "  organization_id INTEGER REFERENCES organizations(id) ON DELETE CASCADE,"
  "  severity TEXT NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL,"
  "  created_at TEXT NOT NULL, updated_at TEXT NOT NULL);\n"
  "CREATE TABLE IF NOT EXISTS inapp_notification_reads ("
  "  notification_id INTEGER NOT NULL REFERENCES inapp_notifications(id) ON DELETE CASCADE,"
  "  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE, read_at TEXT NOT NULL,"
  "  PRIMARY KEY (notification_id, user_id));\n";

/* Which notifications (aliased n) the caller gets: their partner's or every partner's, and
 * those about an organization only when it is in the caller's access scope (as everywhere
 * else, what is outside the scope does not exist for them). Bind ?2 to the partner and the
 * scope with pd_portal_caller_bind_scope(). */
#define VISIBLE_SQL \
  "(n.partner_id IS NULL OR n.partner_id = ?2) AND (n.organization_id IS NULL OR EXISTS " \
  "(SELECT 1 FROM organizations o WHERE o.id = n.organization_id AND " PD_PORTAL_SCOPE_SQL "))"

/* Catalogue */

static void
build_type (JsonBuilder  *builder,
            sqlite3_stmt *stmt)  /* key, group_key, name, description, audience, rec_enabled, rec_frequency */
{
  json_builder_begin_object (builder);
  pd_portal_json_text (builder, "key", pd_portal_db_text (stmt, 0));
  pd_portal_json_text (builder, "group", pd_portal_db_text (stmt, 1));
  pd_portal_json_text (builder, "name", pd_portal_db_text (stmt, 2));
  pd_portal_json_text (builder, "description", pd_portal_db_text (stmt, 3));
  pd_portal_json_text (builder, "audience", pd_portal_db_text (stmt, 4));
  json_builder_set_member_name (builder, "recommended");
  json_builder_begin_object (builder);
  pd_portal_json_bool (builder, "enabled", sqlite3_column_int (stmt, 5));
  pd_portal_json_text (builder, "frequency", pd_portal_db_text (stmt, 6));
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static void
handle_list_types (PdPortalRequest *req)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *current = NULL;
  sqlite3_stmt *stmt;

  if (!pd_portal_require (req, "notifications.read"))
    return;

  stmt = pd_portal_db_stmt (req->portal,
      "SELECT t.key, t.group_key, t.name, t.description, t.audience, t.recommended_enabled, "
      "t.recommended_frequency, g.name FROM notification_types t "
      "JOIN notification_groups g ON g.key = t.group_key ORDER BY g.position, t.position");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "groups");
  json_builder_begin_array (builder);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (g_strcmp0 (current, pd_portal_db_text (stmt, 1)) != 0)
        {
          if (current != NULL)
            {
              json_builder_end_array (builder);
              json_builder_end_object (builder);
            }
          g_free (current);
          current = g_strdup (pd_portal_db_text (stmt, 1));
          json_builder_begin_object (builder);
          pd_portal_json_text (builder, "key", current);
          pd_portal_json_text (builder, "name", pd_portal_db_text (stmt, 7));
          json_builder_set_member_name (builder, "types");
          json_builder_begin_array (builder);
        }
      build_type (builder, stmt);
    }
  sqlite3_reset (stmt);
  if (current != NULL)
    {
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  pd_portal_respond_builder (req, SOUP_STATUS_OK, builder, NULL);
}

static void
handle_preview_type (PdPortalRequest *req)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  sqlite3_stmt *stmt;

  if (!pd_portal_require (req, "notifications.read"))
    return;

  stmt = pd_portal_db_stmt (req->portal,
      "SELECT subject_template, body_template FROM notification_types WHERE key = ?1");
  sqlite3_bind_text (stmt, 1, req->params[0], -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      subject = pd_notification_render (pd_portal_db_text (stmt, 0));
      body = pd_notification_render (pd_portal_db_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (subject == NULL)
    {
      pd_portal_respond_not_found (req, "notification type");
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  pd_portal_json_text (builder, "subject", subject);
  pd_portal_json_text (builder, "body", body);
  json_builder_end_object (builder);
  pd_portal_respond_builder (req, SOUP_STATUS_OK, builder, NULL);
}

/* Notification settings */

/* A partner without settings (or a type added to the catalogue later) starts from the
 * recommended preset. */
static void
ensure_settings (PdPortal *portal,
                 gint64    partner_id)
{
  g_autofree char *now = pd_portal_now ();
  sqlite3_stmt *stmt;

  stmt = pd_portal_db_stmt (portal,
      "INSERT OR IGNORE INTO notification_settings_state (partner_id, created_at, updated_at) VALUES (?1, ?2, ?2)");
  sqlite3_bind_int64 (stmt, 1, partner_id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  pd_portal_db_step_done (portal, stmt);

  stmt = pd_portal_db_stmt (portal,
      "INSERT OR IGNORE INTO notification_settings (partner_id, type_key, enabled, frequency, cumulative_count) "
      "SELECT ?1, key, recommended_enabled, recommended_frequency, 1 FROM notification_types");
  sqlite3_bind_int64 (stmt, 1, partner_id);
  pd_portal_db_step_done (portal, stmt);
}

static char *
settings_etag (PdPortal *portal,
               gint64    partner_id,
               char    **updated_at)
{
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal,
      "SELECT version, updated_at FROM notification_settings_state WHERE partner_id = ?1");
  gint64 version = 0;

  sqlite3_bind_int64 (stmt, 1, partner_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      version = sqlite3_column_int64 (stmt, 0);
      if (updated_at != NULL)
        *updated_at = g_strdup (pd_portal_db_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  return pd_portal_etag ("notification-settings", version);
}

/* The organizations a type is sent about, as the caller may see them (sorted rowids), or
 * NULL for all organizations. Selected organizations outside the caller's scope do not exist
 * for them, as everywhere else. */
static GArray *
visible_selection (PdPortalRequest *req,
                   const char      *type_key)
{
  PdPortal *portal = req->portal;
  GArray *ids = NULL;
  sqlite3_stmt *stmt;

  stmt = pd_portal_db_stmt (portal,
      "SELECT count(*) FROM notification_setting_scopes WHERE partner_id = ?1 AND type_key = ?2");
  sqlite3_bind_int64 (stmt, 1, req->caller->partner_id);
  sqlite3_bind_text (stmt, 2, type_key, -1, SQLITE_STATIC);
  if (pd_portal_db_scalar (portal, stmt, 0) == 0)
    return NULL;

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  stmt = pd_portal_db_stmt (portal,
      "SELECT o.id FROM notification_setting_organizations s JOIN organizations o ON o.id = s.organization_id "
      "WHERE s.partner_id = ?1 AND s.type_key = ?3 AND " PD_PORTAL_SCOPE_SQL " ORDER BY o.id");
  sqlite3_bind_int64 (stmt, 1, req->caller->partner_id);
  sqlite3_bind_text (stmt, 3, type_key, -1, SQLITE_STATIC);
  pd_portal_caller_bind_scope (req->caller, stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  return ids;
}

static gboolean
same_selection (GArray *a,
                GArray *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return a->len == b->len && memcmp (a->data, b->data, a->len * sizeof (gint64)) == 0;
}

static void
respond_settings (PdPortalRequest *req,
                  guint            status)
{
  PdPortal *portal = req->portal;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *updated_at = NULL;
  g_autofree char *etag = settings_etag (portal, req->caller->partner_id, &updated_at);
  g_autoptr(GArray) selection = NULL;
  gboolean matches = TRUE;
  sqlite3_stmt *stmt;

  json_builder_begin_object (builder);
  pd_portal_json_text (builder, "etag", etag);
  pd_portal_json_text (builder, "updated_at", updated_at);
  json_builder_set_member_name (builder, "settings");
  json_builder_begin_array (builder);
  stmt = pd_portal_db_stmt (portal,
      "SELECT s.type_key, s.enabled, s.frequency, s.cumulative_count, "
      "s.enabled = t.recommended_enabled AND s.frequency = t.recommended_frequency AND s.cumulative_count = 1 "
      "FROM notification_settings s JOIN notification_types t ON t.key = s.type_key "
      "JOIN notification_groups g ON g.key = t.group_key "
      "WHERE s.partner_id = ?1 ORDER BY g.position, t.position");
  sqlite3_bind_int64 (stmt, 1, req->caller->partner_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      pd_portal_json_text (builder, "type", pd_portal_db_text (stmt, 0));
      pd_portal_json_bool (builder, "enabled", sqlite3_column_int (stmt, 1));
      pd_portal_json_text (builder, "frequency", pd_portal_db_text (stmt, 2));
      pd_portal_json_int (builder, "cumulative_count", sqlite3_column_int64 (stmt, 3));
      g_clear_pointer (&selection, g_array_unref);
      selection = visible_selection (req, pd_portal_db_text (stmt, 0));
      if (selection != NULL)
        {
          json_builder_set_member_name (builder, "organization_ids");
          json_builder_begin_array (builder);
          for (guint i = 0; i < selection->len; i++)
            {
              g_autofree char *id = pd_portal_id_format ("org", g_array_index (selection, gint64, i));
              json_builder_add_string_value (builder, id);
            }
          json_builder_end_array (builder);
        }
      json_builder_end_object (builder);
      matches = matches && sqlite3_column_int (stmt, 4) && selection == NULL;
    }
  sqlite3_reset (stmt);
  json_builder_end_array (builder);
  pd_portal_json_bool (builder, "matches_recommended", matches);
  json_builder_end_object (builder);
  pd_portal_respond_builder (req, status, builder, etag);
}

static void
handle_get_settings (PdPortalRequest *req)
{
  if (!pd_portal_require (req, "notifications.read"))
    return;
  ensure_settings (req->portal, req->caller->partner_id);
  respond_settings (req, SOUP_STATUS_OK);
}

typedef struct {
  char    *type;
  gboolean enabled;
  char    *frequency;
  gint64   cumulative_count;
  GArray  *organizations;   /* sorted rowids; NULL: all organizations */
} SettingRow;

static void
setting_row_free (gpointer data)
{
  SettingRow *row = data;

  g_free (row->type);
  g_free (row->frequency);
  g_clear_pointer (&row->organizations, g_array_unref);
  g_free (row);
}

/* Describes what changes, for the audit entry; NULL when nothing does. */
static char *
describe_changes (PdPortalRequest *req,
                  GPtrArray       *rows)
{
  PdPortal *portal = req->portal;
  gint64 partner_id = req->caller->partner_id;
  g_autoptr(GString) text = g_string_new (NULL);
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal,
      "SELECT enabled, frequency, cumulative_count FROM notification_settings WHERE partner_id = ?1 AND type_key = ?2");
  guint changed = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      SettingRow *row = g_ptr_array_index (rows, i);
      g_autoptr(GArray) selection = visible_selection (req, row->type);
      g_autofree char *part = NULL;
      g_autofree char *about = NULL;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, partner_id);
      sqlite3_bind_text (stmt, 2, row->type, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW &&
          sqlite3_column_int (stmt, 0) == row->enabled &&
          g_strcmp0 (pd_portal_db_text (stmt, 1), row->frequency) == 0 &&
          sqlite3_column_int64 (stmt, 2) == row->cumulative_count &&
          same_selection (selection, row->organizations))
        continue;
      if (++changed > 5)
        continue;
      if (row->organizations != NULL)
        about = g_strdup_printf (", about %u organization%s", row->organizations->len,
                                 row->organizations->len == 1 ? "" : "s");
      part = g_strdup_printf ("%s %s (%s, after %" G_GINT64_FORMAT " event%s%s)", row->type,
                              row->enabled ? "on" : "off", row->frequency, row->cumulative_count,
                              row->cumulative_count == 1 ? "" : "s", about != NULL ? about : "");
      g_string_append_printf (text, "%s%s", text->len ? "; " : "", part);
    }
  sqlite3_reset (stmt);
  if (changed == 0)
    return NULL;
  if (changed > 5)
    g_string_append_printf (text, "; and %u more", changed - 5);
  return g_strdup_printf ("Changed %u notification type%s: %s", changed, changed == 1 ? "" : "s", text->str);
}

/* Replaces the organizations a type is sent about. The caller only replaces those in their
 * scope: the ones they cannot see stay selected. */
static void
store_selection (PdPortalRequest *req,
                 SettingRow      *row)
{
  PdPortal *portal = req->portal;
  sqlite3_stmt *stmt;

  if (row->organizations == NULL)
    {
      stmt = pd_portal_db_stmt (portal,
          "DELETE FROM notification_setting_scopes WHERE partner_id = ?1 AND type_key = ?2");
      sqlite3_bind_int64 (stmt, 1, req->caller->partner_id);
      sqlite3_bind_text (stmt, 2, row->type, -1, SQLITE_STATIC);
      pd_portal_db_step_done (portal, stmt);
      return;
    }

  stmt = pd_portal_db_stmt (portal,
      "INSERT OR IGNORE INTO notification_setting_scopes (partner_id, type_key) VALUES (?1, ?2)");
  sqlite3_bind_int64 (stmt, 1, req->caller->partner_id);
  sqlite3_bind_text (stmt, 2, row->type, -1, SQLITE_STATIC);
  pd_portal_db_step_done (portal, stmt);
  stmt = pd_portal_db_stmt (portal,
      "DELETE FROM notification_setting_organizations WHERE partner_id = ?1 AND type_key = ?3 AND "
      "organization_id IN (SELECT o.id FROM organizations o WHERE " PD_PORTAL_SCOPE_SQL ")");
  sqlite3_bind_int64 (stmt, 1, req->caller->partner_id);
  sqlite3_bind_text (stmt, 3, row->type, -1, SQLITE_STATIC);
  pd_portal_caller_bind_scope (req->caller, stmt);
  pd_portal_db_step_done (portal, stmt);
  for (guint i = 0; i < row->organizations->len; i++)
    {
      stmt = pd_portal_db_stmt (portal,
          "INSERT OR IGNORE INTO notification_setting_organizations (partner_id, type_key, organization_id) "
          "VALUES (?1, ?2, ?3)");
      sqlite3_bind_int64 (stmt, 1, req->caller->partner_id);
      sqlite3_bind_text (stmt, 2, row->type, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, g_array_index (row->organizations, gint64, i));
      pd_portal_db_step_done (portal, stmt);
    }
}

static void
store_settings (PdPortalRequest *req,
                GPtrArray       *rows)
{
  PdPortal *portal = req->portal;
  gint64 partner_id = req->caller->partner_id;
  g_autofree char *now = pd_portal_now ();
  sqlite3_stmt *stmt;

  for (guint i = 0; i < rows->len; i++)
    {
      SettingRow *row = g_ptr_array_index (rows, i);

      stmt = pd_portal_db_stmt (portal,
          "UPDATE notification_settings SET enabled = ?3, frequency = ?4, cumulative_count = ?5 "
          "WHERE partner_id = ?1 AND type_key = ?2");
      sqlite3_bind_int64 (stmt, 1, partner_id);
      sqlite3_bind_text (stmt, 2, row->type, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, row->enabled);
      sqlite3_bind_text (stmt, 4, row->frequency, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 5, row->cumulative_count);
      pd_portal_db_step_done (portal, stmt);
      store_selection (req, row);
    }
  stmt = pd_portal_db_stmt (portal,
      "UPDATE notification_settings_state SET version = version + 1, updated_at = ?2 WHERE partner_id = ?1");
  sqlite3_bind_int64 (stmt, 1, partner_id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  pd_portal_db_step_done (portal, stmt);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* `organization_ids` of one setting: absent or null is all organizations (@out stays NULL);
 * otherwise every ID must be an organization of the partner in the caller's scope. */
static gboolean
validate_organizations (PdPortalRequest    *req,
                        PdPortalValidation *item,
                        const char         *prefix,
                        GArray            **out)
{
  g_auto(GStrv) public_ids = NULL;
  g_autoptr(GArray) ids = NULL;
  gboolean ok = TRUE;

  if (!pd_portal_validation_has (item, "organization_ids") || pd_portal_validation_is_null (item, "organization_ids"))
    return TRUE;
  public_ids = pd_portal_validate_strings (item, "organization_ids", PD_FIELD_NULLABLE, 0, MAX_SETTING_ORGANIZATIONS);
  if (public_ids == NULL)
    return FALSE;

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; public_ids[i] != NULL; i++)
    {
      sqlite3_stmt *stmt = pd_portal_db_stmt (req->portal, "SELECT partner_id FROM organizations WHERE id = ?1");
      gint64 org = 0;

      if (pd_portal_id_parse ("org", public_ids[i], &org))
        sqlite3_bind_int64 (stmt, 1, org);
      if (org <= 0 || pd_portal_db_scalar (req->portal, stmt, 0) != req->caller->partner_id ||
          !pd_portal_caller_sees (req->caller, org))
        {
          g_autofree char *field = g_strdup_printf ("%s.organization_ids[%u]", prefix, i);
          pd_portal_validation_error (item, field, "not_found",
                                      "There is no organization “%s”, or it is outside your access scope.",
                                      public_ids[i]);
          ok = FALSE;
        }
      else
        g_array_append_val (ids, org);
    }
  if (!ok)
    return FALSE;
  /* Sorted and without repeats, as the answer lists them. */
  g_array_sort (ids, compare_ids);
  for (guint i = 1; i < ids->len;)
    if (g_array_index (ids, gint64, i) == g_array_index (ids, gint64, i - 1))
      g_array_remove_index (ids, i);
    else
      i++;
  *out = g_steal_pointer (&ids);
  return TRUE;
}

static void
handle_put_settings (PdPortalRequest *req)
{
  static const char *const allowed[] = { "settings", NULL };
  static const char *const item_allowed[] = { "type", "enabled", "frequency", "cumulative_count",
                                              "organization_ids", NULL };
  PdPortal *portal = req->portal;
  gint64 partner_id = req->caller->partner_id;
  g_autoptr(PdPortalValidation) v = NULL;
  g_autoptr(GHashTable) audiences = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (setting_row_free);
  g_autofree char *etag = NULL;
  g_autofree char *summary = NULL;
  JsonArray *items;
  sqlite3_stmt *stmt;

  if (!pd_portal_require (req, "notifications.write"))
    return;
  ensure_settings (portal, partner_id);

  stmt = pd_portal_db_stmt (portal,
      "SELECT t.key, t.audience FROM notification_types t JOIN notification_groups g ON g.key = t.group_key "
      "ORDER BY g.position, t.position");
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      char *key = g_strdup (pd_portal_db_text (stmt, 0));
      g_hash_table_insert (audiences, key, g_strdup (pd_portal_db_text (stmt, 1)));
      g_ptr_array_add (order, key);  /* owned by audiences */
    }
  sqlite3_reset (stmt);

  v = pd_portal_validation_new (req);
  pd_portal_validation_only (v, allowed);
  items = pd_portal_validate_array (v, "settings", PD_FIELD_REQUIRED, 1, 500);
  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      g_autofree char *prefix = g_strdup_printf ("settings[%u]", i);
      g_autofree char *type_field = g_strconcat (prefix, ".type", NULL);
      g_autoptr(PdPortalValidation) item = pd_portal_validation_new_nested (v, json_array_get_element (items, i), prefix);
      const char *type, *frequency, *audience = NULL;
      gboolean enabled = FALSE, has_enabled;
      gint64 count = 0;
      gboolean has_count;
      g_autoptr(GArray) organizations = NULL;
      gboolean has_organizations;

      pd_portal_validation_only (item, item_allowed);
      type = pd_portal_validate_string (item, "type", PD_FIELD_REQUIRED, 1, 100);
      has_enabled = pd_portal_validate_bool (item, "enabled", PD_FIELD_REQUIRED, &enabled);
      frequency = pd_portal_validate_enum (item, "frequency", PD_FIELD_REQUIRED, frequencies);
      has_count = pd_portal_validate_int (item, "cumulative_count", PD_FIELD_REQUIRED, 1, 1000, &count);
      has_organizations = validate_organizations (req, item, prefix, &organizations);

      if (type != NULL)
        {
          gpointer key = NULL, value = NULL;

          if (!g_hash_table_lookup_extended (audiences, type, &key, &value))
            {
              pd_portal_validation_error (v, type_field, "unknown_type",
                                          "“%s” is not a notification type; see GET /api/v1/notification-types.", type);
              type = NULL;
            }
          else if (g_hash_table_contains (seen, key))
            {
              pd_portal_validation_error (v, type_field, "duplicate", "“%s” is listed more than once.", type);
              type = NULL;
            }
          else
            {
              g_hash_table_add (seen, key);  /* owned by audiences */
              type = key;
              audience = value;
            }
        }
      if (audience != NULL && frequency != NULL && g_str_equal (frequency, "immediate") &&
          g_str_equal (audience, "partner"))
        {
          g_autofree char *field = g_strconcat (prefix, ".frequency", NULL);
          pd_portal_validation_error (v, field, "not_allowed",
                                      "“%s” goes to your company, which receives it in a digest: choose daily, "
                                      "weekly or monthly.", type);
          frequency = NULL;
        }
      if (type != NULL && has_enabled && frequency != NULL && has_count && has_organizations)
        {
          SettingRow *row = g_new0 (SettingRow, 1);
          row->organizations = g_steal_pointer (&organizations);
          row->type = g_strdup (type);
          row->enabled = enabled;
          row->frequency = g_strdup (frequency);
          row->cumulative_count = count;
          g_ptr_array_add (rows, row);
        }
    }
  for (guint i = 0; items != NULL && i < order->len; i++)
    if (!g_hash_table_contains (seen, g_ptr_array_index (order, i)))
      pd_portal_validation_error (v, "settings", "missing_type",
                                  "“%s” is missing: the list replaces all settings, so it must contain every "
                                  "notification type exactly once.", (const char *) g_ptr_array_index (order, i));
  if (pd_portal_validation_failed (v))
    return;

  etag = settings_etag (portal, partner_id, NULL);
  if (!pd_portal_check_if_match (req, etag))
    return;

  summary = describe_changes (req, rows);
  if (summary != NULL)
    {
      g_autofree char *partner = pd_portal_id_format ("ptn", partner_id);

      pd_portal_db_begin (portal);
      store_settings (req, rows);
      pd_portal_audit (req, "notification_settings.update", "notification_settings", partner, 0, "%s", summary);
      pd_portal_db_commit (portal);
    }
  respond_settings (req, SOUP_STATUS_OK);
}

static void
handle_apply_recommended (PdPortalRequest *req)
{
  PdPortal *portal = req->portal;
  gint64 partner_id = req->caller->partner_id;
  g_autofree char *etag = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  gint64 changed;

  if (!pd_portal_require (req, "notifications.write"))
    return;
  ensure_settings (portal, partner_id);
  etag = settings_etag (portal, partner_id, NULL);
  if (!pd_portal_check_if_match (req, etag))
    return;

  stmt = pd_portal_db_stmt (portal,
      "SELECT count(*) FROM notification_settings s JOIN notification_types t ON t.key = s.type_key "
      "WHERE s.partner_id = ?1 AND (NOT (s.enabled = t.recommended_enabled AND "
      "s.frequency = t.recommended_frequency AND s.cumulative_count = 1) OR EXISTS "
      "(SELECT 1 FROM notification_setting_scopes c WHERE c.partner_id = s.partner_id AND c.type_key = s.type_key))");
  sqlite3_bind_int64 (stmt, 1, partner_id);
  changed = pd_portal_db_scalar (portal, stmt, 0);
  if (changed > 0)
    {
      g_autofree char *partner = pd_portal_id_format ("ptn", partner_id);

      now = pd_portal_now ();
      pd_portal_db_begin (portal);
      stmt = pd_portal_db_stmt (portal,
          "UPDATE notification_settings AS s SET enabled = t.recommended_enabled, "
          "frequency = t.recommended_frequency, cumulative_count = 1 "
          "FROM notification_types AS t WHERE t.key = s.type_key AND s.partner_id = ?1");
      sqlite3_bind_int64 (stmt, 1, partner_id);
      pd_portal_db_step_done (portal, stmt);
      /* The preset sends every type about all organizations. */
      stmt = pd_portal_db_stmt (portal, "DELETE FROM notification_setting_scopes WHERE partner_id = ?1");
      sqlite3_bind_int64 (stmt, 1, partner_id);
      pd_portal_db_step_done (portal, stmt);
      stmt = pd_portal_db_stmt (portal,
          "UPDATE notification_settings_state SET version = version + 1, updated_at = ?2 WHERE partner_id = ?1");
      sqlite3_bind_int64 (stmt, 1, partner_id);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
      pd_portal_db_step_done (portal, stmt);
      pd_portal_audit (req, "notification_settings.apply_recommended", "notification_settings", partner, 0,
                       "Applied the recommended notification settings (%" G_GINT64_FORMAT " type%s changed)",
                       changed, changed == 1 ? "" : "s");
      pd_portal_db_commit (portal);
    }
  respond_settings (req, SOUP_STATUS_OK);
}

/* Report settings */

static void
ensure_report_settings (PdPortal *portal,
                        gint64    partner_id)
{
  g_autofree char *now = pd_portal_now ();
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal,
      "INSERT OR IGNORE INTO report_settings (partner_id, created_at, updated_at) VALUES (?1, ?2, ?2)");

  sqlite3_bind_int64 (stmt, 1, partner_id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  pd_portal_db_step_done (portal, stmt);
}

/* The period is the partner's (it may also change with the partner's settings), so the ETag
 * combines both versions: it changes whenever either row changes. */
static char *
report_etag (PdPortal *portal,
             gint64    partner_id,
             char    **period,
             char    **updated_at)
{
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal,
      "SELECT r.version + p.version, p.report_period, max(r.updated_at, p.updated_at) "
      "FROM report_settings r JOIN partners p ON p.id = r.partner_id WHERE r.partner_id = ?1");
  gint64 version = 0;

  sqlite3_bind_int64 (stmt, 1, partner_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      version = sqlite3_column_int64 (stmt, 0);
      if (period != NULL)
        *period = g_strdup (pd_portal_db_text (stmt, 1));
      if (updated_at != NULL)
        *updated_at = g_strdup (pd_portal_db_text (stmt, 2));
    }
  sqlite3_reset (stmt);
  return pd_portal_etag ("report-settings", version);
}

static void
respond_report_settings (PdPortalRequest *req)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *period = NULL;
  g_autofree char *updated_at = NULL;
  g_autofree char *etag = report_etag (req->portal, req->caller->partner_id, &period, &updated_at);
  sqlite3_stmt *stmt;

  json_builder_begin_object (builder);
  pd_portal_json_text (builder, "etag", etag);
  pd_portal_json_text (builder, "period", period);
  json_builder_set_member_name (builder, "recipients");
  json_builder_begin_array (builder);
  stmt = pd_portal_db_stmt (req->portal, "SELECT email FROM report_recipients WHERE partner_id = ?1 ORDER BY position");
  sqlite3_bind_int64 (stmt, 1, req->caller->partner_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    json_builder_add_string_value (builder, pd_portal_db_text (stmt, 0));
  sqlite3_reset (stmt);
  json_builder_end_array (builder);
  pd_portal_json_text (builder, "updated_at", updated_at);
  json_builder_end_object (builder);
  pd_portal_respond_builder (req, SOUP_STATUS_OK, builder, etag);
}

static void
handle_get_report_settings (PdPortalRequest *req)
{
  if (!pd_portal_require (req, "notifications.read"))
    return;
  ensure_report_settings (req->portal, req->caller->partner_id);
  respond_report_settings (req);
}

static void
handle_put_report_settings (PdPortalRequest *req)
{
  static const char *const allowed[] = { "period", "recipients", NULL };
  PdPortal *portal = req->portal;
  gint64 partner_id = req->caller->partner_id;
  g_autoptr(PdPortalValidation) v = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *etag = NULL;
  g_autofree char *old_period = NULL;
  g_autofree char *now = NULL;
  g_autofree char *partner = NULL;
  g_auto(GStrv) old_recipients = NULL;
  g_autoptr(GStrvBuilder) old_builder = g_strv_builder_new ();
  g_auto(GStrv) recipients = NULL;
  const char *period;
  JsonArray *items;
  sqlite3_stmt *stmt;
  guint n;

  if (!pd_portal_require (req, "notifications.write"))
    return;
  ensure_report_settings (portal, partner_id);

  v = pd_portal_validation_new (req);
  pd_portal_validation_only (v, allowed);
  period = pd_portal_validate_enum (v, "period", PD_FIELD_REQUIRED, report_periods);
  items = pd_portal_validate_array (v, "recipients", PD_FIELD_REQUIRED, 0, MAX_RECIPIENTS);
  if (items != NULL)
    {
      g_autoptr(GStrvBuilder) list = g_strv_builder_new ();

      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          JsonNode *node = json_array_get_element (items, i);
          g_autofree char *field = g_strdup_printf ("recipients[%u]", i);
          g_autofree char *email = NULL;

          if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
            {
              pd_portal_validation_error (v, field, "type", "Each recipient must be an e-mail address as a string.");
              continue;
            }
          email = g_strstrip (g_strdup (json_node_get_string (node)));
          if (!pd_portal_is_email (email))
            pd_portal_validation_error (v, field, "invalid_email", "“%s” is not an e-mail address.", email);
          else if (!g_hash_table_add (seen, g_ascii_strdown (email, -1)))
            pd_portal_validation_error (v, field, "duplicate", "“%s” is listed more than once.", email);
          else
            g_strv_builder_add (list, email);
        }
      recipients = g_strv_builder_end (list);
    }
  if (pd_portal_validation_failed (v))
    return;

  etag = report_etag (portal, partner_id, &old_period, NULL);
  if (!pd_portal_check_if_match (req, etag))
    return;

  stmt = pd_portal_db_stmt (portal, "SELECT email FROM report_recipients WHERE partner_id = ?1 ORDER BY position");
  sqlite3_bind_int64 (stmt, 1, partner_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (old_builder, pd_portal_db_text (stmt, 0));
  sqlite3_reset (stmt);
  old_recipients = g_strv_builder_end (old_builder);
  if (g_strcmp0 (old_period, period) == 0 && g_strv_equal ((const char *const *) old_recipients,
                                                           (const char *const *) recipients))
    {
      respond_report_settings (req);
      return;
    }

  now = pd_portal_now ();
  partner = pd_portal_id_format ("ptn", partner_id);
  n = g_strv_length (recipients);
  pd_portal_db_begin (portal);
  stmt = pd_portal_db_stmt (portal, "DELETE FROM report_recipients WHERE partner_id = ?1");
  sqlite3_bind_int64 (stmt, 1, partner_id);
  pd_portal_db_step_done (portal, stmt);
  for (guint i = 0; i < n; i++)
    {
      stmt = pd_portal_db_stmt (portal, "INSERT INTO report_recipients (partner_id, position, email) VALUES (?1, ?2, ?3)");
      sqlite3_bind_int64 (stmt, 1, partner_id);
      sqlite3_bind_int (stmt, 2, (int) i);
      sqlite3_bind_text (stmt, 3, recipients[i], -1, SQLITE_STATIC);
      pd_portal_db_step_done (portal, stmt);
    }
  stmt = pd_portal_db_stmt (portal,
      "UPDATE report_settings SET version = version + 1, updated_at = ?2 WHERE partner_id = ?1");
  sqlite3_bind_int64 (stmt, 1, partner_id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  pd_portal_db_step_done (portal, stmt);
  if (g_strcmp0 (old_period, period) != 0)
    {
      /* The partner resource shows the period too: its version moves with it. */
      stmt = pd_portal_db_stmt (portal,
          "UPDATE partners SET report_period = ?2, version = version + 1, updated_at = ?3 WHERE id = ?1");
      sqlite3_bind_int64 (stmt, 1, partner_id);
      sqlite3_bind_text (stmt, 2, period, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
      pd_portal_db_step_done (portal, stmt);
    }
  pd_portal_audit (req, "report_settings.update", "report_settings", partner, 0,
                   "Partner report: %s, %u recipient%s (was %s, %u)", period, n, n == 1 ? "" : "s",
                   old_period, g_strv_length (old_recipients));
  pd_portal_db_commit (portal);
  respond_report_settings (req);
}

/* In-app notifications */

static void
handle_list_notifications (PdPortalRequest *req)
{
  g_autoptr(JsonBuilder) builder = NULL;
  PdPortalPage page;
  const char *unread = pd_portal_query (req, "unread_only");
  gboolean unread_only = FALSE;
  gboolean has_more = FALSE;
  gint64 last = 0;
  guint count = 0;
  sqlite3_stmt *stmt;

  if (unread != NULL && !g_str_equal (unread, "true") && !g_str_equal (unread, "false"))
    {
      g_autoptr(JsonBuilder) errors = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;

      json_builder_begin_array (errors);
      json_builder_begin_object (errors);
      pd_portal_json_text (errors, "field", "unread_only");
      pd_portal_json_text (errors, "code", "invalid");
      pd_portal_json_text (errors, "message", "unread_only must be true or false.");
      json_builder_end_object (errors);
      json_builder_end_array (errors);
      node = json_builder_get_root (errors);
      pd_portal_respond_field_errors (req, node);
      return;
    }
  unread_only = g_strcmp0 (unread, "true") == 0;
  if (!pd_portal_page_parse (req, &page))
    return;

  builder = json_builder_new ();
  pd_portal_page_begin (&page, builder);
  stmt = pd_portal_db_stmt (req->portal,
      "SELECT n.id, n.severity, n.title, n.body, n.created_at, max(n.updated_at, coalesce(r.read_at, '')), r.read_at, "
      "n.organization_id FROM inapp_notifications n LEFT JOIN inapp_notification_reads r "
      "ON r.notification_id = n.id AND r.user_id = ?1 "
      "WHERE " VISIBLE_SQL " AND n.id > ?3 "
      "AND (?4 IS NULL OR max(n.updated_at, coalesce(r.read_at, '')) >= ?4) "
      "AND (?5 = 0 OR r.read_at IS NULL) ORDER BY n.id LIMIT ?6");
  sqlite3_bind_int64 (stmt, 1, req->caller->user_id);
  sqlite3_bind_int64 (stmt, 2, req->caller->partner_id);
  sqlite3_bind_int64 (stmt, 3, page.after);
  sqlite3_bind_text (stmt, 4, page.updated_since, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, unread_only);
  sqlite3_bind_int (stmt, 6, (int) page.limit + 1);
  pd_portal_caller_bind_scope (req->caller, stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *id = NULL;
      g_autofree char *organization = NULL;

      if (++count > page.limit)
        {
          has_more = TRUE;
          break;
        }
      last = sqlite3_column_int64 (stmt, 0);
      id = pd_portal_id_format ("ntf", last);
      json_builder_begin_object (builder);
      pd_portal_json_text (builder, "id", id);
      pd_portal_json_text (builder, "severity", pd_portal_db_text (stmt, 1));
      pd_portal_json_text (builder, "title", pd_portal_db_text (stmt, 2));
      pd_portal_json_text (builder, "body", pd_portal_db_text (stmt, 3));
      pd_portal_json_text (builder, "created_at", pd_portal_db_text (stmt, 4));
      pd_portal_json_text (builder, "updated_at", pd_portal_db_text (stmt, 5));
      pd_portal_json_bool (builder, "read", sqlite3_column_type (stmt, 6) != SQLITE_NULL);
      pd_portal_json_text (builder, "read_at", pd_portal_db_text (stmt, 6));
      if (sqlite3_column_type (stmt, 7) != SQLITE_NULL)
        organization = pd_portal_id_format ("org", sqlite3_column_int64 (stmt, 7));
      pd_portal_json_text (builder, "organization_id", organization);
      json_builder_end_object (builder);
    }
  sqlite3_reset (stmt);
  pd_portal_page_end (req, &page, builder, has_more, last, "notification", 0, NULL);
  pd_portal_page_clear (&page);
  pd_portal_respond_builder (req, SOUP_STATUS_OK, builder, NULL);
}

static void
handle_read_notification (PdPortalRequest *req)
{
  PdPortal *portal = req->portal;
  g_autofree char *now = NULL;
  g_autofree char *title = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  if (!pd_portal_id_parse ("ntf", req->params[0], &id))
    {
      pd_portal_respond_not_found (req, "notification");
      return;
    }
  stmt = pd_portal_db_stmt (portal,
      "SELECT n.title FROM inapp_notifications n WHERE n.id = ?1 AND " VISIBLE_SQL);
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, req->caller->partner_id);
  pd_portal_caller_bind_scope (req->caller, stmt);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    title = g_strdup (pd_portal_db_text (stmt, 0));
  sqlite3_reset (stmt);
  if (title == NULL)
    {
      pd_portal_respond_not_found (req, "notification");
      return;
    }

  now = pd_portal_now ();
  pd_portal_db_begin (portal);
  stmt = pd_portal_db_stmt (portal,
      "INSERT OR IGNORE INTO inapp_notification_reads (notification_id, user_id, read_at) VALUES (?1, ?2, ?3)");
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, req->caller->user_id);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  pd_portal_db_step_done (portal, stmt);
  /* Reading again changes nothing, so it is not audited again. */
  if (sqlite3_changes (portal->db) > 0)
    pd_portal_audit (req, "notification.read", "notification", req->params[0], 0, "Read “%s”", title);
  pd_portal_db_commit (portal);
  pd_portal_respond_no_content (req);
}

static void
handle_read_all (PdPortalRequest *req)
{
  PdPortal *portal = req->portal;
  g_autofree char *now = pd_portal_now ();
  sqlite3_stmt *stmt;
  int changed;

  pd_portal_db_begin (portal);
  stmt = pd_portal_db_stmt (portal,
      "INSERT OR IGNORE INTO inapp_notification_reads (notification_id, user_id, read_at) "
      "SELECT n.id, ?1, ?3 FROM inapp_notifications n WHERE " VISIBLE_SQL);
  sqlite3_bind_int64 (stmt, 1, req->caller->user_id);
  sqlite3_bind_int64 (stmt, 2, req->caller->partner_id);
  pd_portal_caller_bind_scope (req->caller, stmt);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  pd_portal_db_step_done (portal, stmt);
  changed = sqlite3_changes (portal->db);
  if (changed > 0)
    pd_portal_audit (req, "notification.read_all", "notification", NULL, 0,
                     "Marked %d notification%s as read", changed, changed == 1 ? "" : "s");
  pd_portal_db_commit (portal);
  pd_portal_respond_no_content (req);
}

/* Seed */

static void
seed_catalogue (PdPortal *portal)
{
  sqlite3_stmt *stmt;

  for (guint i = 0; pd_notification_groups[i].key != NULL; i++)
    {
      stmt = pd_portal_db_stmt (portal, "INSERT INTO notification_groups (key, name, position) VALUES (?1, ?2, ?3)");
      sqlite3_bind_text (stmt, 1, pd_notification_groups[i].key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, pd_notification_groups[i].name, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, (int) i);
      pd_portal_db_step_done (portal, stmt);
    }
  for (guint i = 0; pd_notification_types[i].key != NULL; i++)
    {
      const PdNotificationType *type = &pd_notification_types[i];

      stmt = pd_portal_db_stmt (portal,
          "INSERT INTO notification_types (key, group_key, name, description, audience, recommended_enabled, "
          "recommended_frequency, subject_template, body_template, position) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
      sqlite3_bind_text (stmt, 1, type->key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, type->group, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, type->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, type->description, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, type->audience, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 6, type->recommended_enabled);
      sqlite3_bind_text (stmt, 7, type->recommended_frequency, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 8, type->subject, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 9, type->body, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 10, (int) i);
      pd_portal_db_step_done (portal, stmt);
    }
}

static void
seed_settings (PdPortalSeed *seed)
{
  PdPortal *portal = seed->portal;
  g_autofree char *created = pd_portal_time_format (seed->now_usec - (gint64) 300 * 86400 * G_USEC_PER_SEC);
  g_autofree char *changed = pd_seed_time_ago (seed, 5 * 86400, 40 * 86400);
  static const char *const recipients[] = { "owner@northwind-it.example", "reports@northwind-it.example" };
  gint64 partners[] = { seed->partner_id, seed->other_partner_id };
  sqlite3_stmt *stmt;

  for (guint p = 0; p < G_N_ELEMENTS (partners); p++)
    {
      stmt = pd_portal_db_stmt (portal,
          "INSERT INTO notification_settings_state (partner_id, version, created_at, updated_at) VALUES (?1, ?2, ?3, ?4)");
      sqlite3_bind_int64 (stmt, 1, partners[p]);
      sqlite3_bind_int (stmt, 2, p == 0 ? 4 : 1);
      sqlite3_bind_text (stmt, 3, created, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, p == 0 ? changed : created, -1, SQLITE_STATIC);
      pd_portal_db_step_done (portal, stmt);
      ensure_settings (portal, partners[p]);

      stmt = pd_portal_db_stmt (portal,
          "INSERT INTO report_settings (partner_id, version, created_at, updated_at) VALUES (?1, 1, ?2, ?2)");
      sqlite3_bind_int64 (stmt, 1, partners[p]);
      sqlite3_bind_text (stmt, 2, created, -1, SQLITE_STATIC);
      pd_portal_db_step_done (portal, stmt);
    }

  /* The main partner tuned a few types away from the preset. */
  stmt = pd_portal_db_stmt (portal,
      "UPDATE notification_settings SET enabled = 1, frequency = 'monthly' WHERE partner_id = ?1 AND type_key = 'backup.completed'");
  sqlite3_bind_int64 (stmt, 1, seed->partner_id);
  pd_portal_db_step_done (portal, stmt);
  stmt = pd_portal_db_stmt (portal,
      "UPDATE notification_settings SET cumulative_count = 5 WHERE partner_id = ?1 AND type_key = 'backup.failed'");
  sqlite3_bind_int64 (stmt, 1, seed->partner_id);
  pd_portal_db_step_done (portal, stmt);
  stmt = pd_portal_db_stmt (portal,
      "UPDATE notification_settings SET enabled = 0 WHERE partner_id = ?1 AND type_key = 'trial.converted'");
  sqlite3_bind_int64 (stmt, 1, seed->partner_id);
  pd_portal_db_step_done (portal, stmt);

  stmt = pd_portal_db_stmt (portal, "UPDATE partners SET report_period = 'weekly' WHERE id = ?1");
  sqlite3_bind_int64 (stmt, 1, seed->partner_id);
  pd_portal_db_step_done (portal, stmt);
  for (guint i = 0; i < G_N_ELEMENTS (recipients); i++)
    {
      stmt = pd_portal_db_stmt (portal, "INSERT INTO report_recipients (partner_id, position, email) VALUES (?1, ?2, ?3)");
      sqlite3_bind_int64 (stmt, 1, seed->partner_id);
      sqlite3_bind_int (stmt, 2, (int) i);
      sqlite3_bind_text (stmt, 3, recipients[i], -1, SQLITE_STATIC);
      pd_portal_db_step_done (portal, stmt);
    }
}

/* The ID of the main partner's @index-th organization (by ID), or 0 when it has fewer. */
static gint64
seed_organization (PdPortalSeed *seed,
                   guint         index,
                   char        **name)
{
  sqlite3_stmt *stmt = pd_portal_db_stmt (seed->portal,
      "SELECT id, name FROM organizations WHERE partner_id = ?1 ORDER BY id LIMIT 1 OFFSET ?2");
  gint64 id = 0;

  sqlite3_bind_int64 (stmt, 1, seed->partner_id);
  sqlite3_bind_int (stmt, 2, (int) index);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      *name = g_strdup (pd_portal_db_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  return id;
}

static void
seed_inapp (PdPortalSeed *seed)
{
  static const struct {
    gboolean    partner_only;   /* only for the main partner, not every partner */
    int         organization;   /* about this organization of the main partner (by ID order), or -1 */
    const char *severity;
    const char *title;          /* {name}: the organization's name */
    const char *body;
    int         days_ago;
  } items[] = {
    { FALSE, -1, "info", "Scheduled maintenance on Sunday",
      "The portal is read-only on Sunday from 02:00 to 04:00 UTC while we upgrade the database. "
      "Backups keep running.", 27 },
    { FALSE, -1, "success", "Saved views for the client list",
      "You can now save filters and sorting of the client list as named views.", 21 },
    { FALSE, -1, "warning", "Slower backups of Google Workspace drives",
      "The provider is throttling drive requests in the EU region. Backups finish, but later than usual.", 14 },
    { FALSE, -1, "success", "Drive backups are back to normal",
      "The throttling of Google Workspace drive requests has ended.", 12 },
    { TRUE, -1, "danger", "Three organizations need to sign in again",
      "The backup lost its authorization to some of your clients' services. Open the credentials page "
      "of each organization marked “needs authentication”.", 6 },
    { TRUE, 1, "danger", "Backups of {name} failed",
      "The last two backups of this client did not finish. Check its services and credentials.", 4 },
    { FALSE, -1, "warning", "Turn on multi-factor authentication",
      "From next month every partner user must use multi-factor authentication to sign in. Turn it on "
      "in your profile now to avoid interruptions.", 3 },
    /* The first organization is in the scoped admin's group, the second is not. */
    { TRUE, 0, "warning", "{name} is almost out of seats",
      "This client uses nearly all of its seats. Add seats before new accounts go unprotected.", 2 },
    { FALSE, -1, "info", "API version 1 stays supported",
      "The /api/v1 endpoints stay supported for at least 24 months after a successor is announced.", 1 },
  };
  PdPortal *portal = seed->portal;
  gint64 ids[G_N_ELEMENTS (items)];
  sqlite3_stmt *stmt;

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autofree char *created = pd_seed_time_ago (seed, (gint64) items[i].days_ago * 86400,
                                                   (gint64) items[i].days_ago * 86400 + 7200);
      g_autofree char *name = NULL;
      g_autofree char *title = NULL;
      gint64 organization = 0;

      if (items[i].organization >= 0)
        {
          GString *text;

          organization = seed_organization (seed, (guint) items[i].organization, &name);
          if (organization == 0)
            {
              ids[i] = 0;
              continue;
            }
          text = g_string_new (items[i].title);
          g_string_replace (text, "{name}", name, 1);
          title = g_string_free (text, FALSE);
        }

      stmt = pd_portal_db_stmt (portal,
          "INSERT INTO inapp_notifications (partner_id, organization_id, severity, title, body, created_at, updated_at) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6) RETURNING id");
      if (items[i].partner_only)
        sqlite3_bind_int64 (stmt, 1, seed->partner_id);
      if (organization != 0)
        sqlite3_bind_int64 (stmt, 2, organization);
      sqlite3_bind_text (stmt, 3, items[i].severity, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, title != NULL ? title : items[i].title, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, items[i].body, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, created, -1, SQLITE_STATIC);
      ids[i] = pd_portal_db_scalar (portal, stmt, 0);
    }

  /* The owner read the older ones; the admin read all but the newest three. */
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    for (guint u = 0; u < 2; u++)
      {
        gint64 user = u == 0 ? seed->users[PD_SEED_OWNER] : seed->users[PD_SEED_ADMIN];
        guint read_up_to = u == 0 ? 3 : G_N_ELEMENTS (items) - 3;
        g_autofree char *read_at = NULL;

        if (i >= read_up_to || ids[i] == 0)
          continue;
        read_at = pd_seed_time_ago (seed, (gint64) items[i].days_ago * 86400 - 86400, (gint64) items[i].days_ago * 86400 - 3600);
        stmt = pd_portal_db_stmt (portal,
            "INSERT INTO inapp_notification_reads (notification_id, user_id, read_at) VALUES (?1, ?2, ?3)");
        sqlite3_bind_int64 (stmt, 1, ids[i]);
        sqlite3_bind_int64 (stmt, 2, user);
        sqlite3_bind_text (stmt, 3, read_at, -1, SQLITE_STATIC);
        pd_portal_db_step_done (portal, stmt);
      }
}

static void
seed (PdPortalSeed *seed)
{
  seed_catalogue (seed->portal);
  seed_settings (seed);
  seed_inapp (seed);
}

static void
register_routes (PdPortal *portal)
{
  pd_portal_route (portal, "GET", "/api/v1/notification-types", PD_PORTAL_ROUTE_DEFAULT, handle_list_types);
  pd_portal_route (portal, "GET", "/api/v1/notification-types/{key}/preview", PD_PORTAL_ROUTE_DEFAULT,
                   handle_preview_type);
  pd_portal_route (portal, "GET", "/api/v1/notification-settings", PD_PORTAL_ROUTE_DEFAULT, handle_get_settings);
  pd_portal_route (portal, "PUT", "/api/v1/notification-settings", PD_PORTAL_ROUTE_DEFAULT, handle_put_settings);
  pd_portal_route (portal, "POST", "/api/v1/notification-settings/recommended", PD_PORTAL_ROUTE_DEFAULT,
                   handle_apply_recommended);
  pd_portal_route (portal, "GET", "/api/v1/report-settings", PD_PORTAL_ROUTE_DEFAULT, handle_get_report_settings);
  pd_portal_route (portal, "PUT", "/api/v1/report-settings", PD_PORTAL_ROUTE_DEFAULT, handle_put_report_settings);
  pd_portal_route (portal, "GET", "/api/v1/notifications", PD_PORTAL_ROUTE_DEFAULT, handle_list_notifications);
  pd_portal_route (portal, "POST", "/api/v1/notifications/{notification_id}/read", PD_PORTAL_ROUTE_DEFAULT,
                   handle_read_notification);
  pd_portal_route (portal, "POST", "/api/v1/notifications/read-all", PD_PORTAL_ROUTE_DEFAULT, handle_read_all);
}

const PdPortalModule pd_portal_module_notifications = {
  .name = "notifications",
  .schema = schema,
  .seed = seed,
  .register_routes = register_routes,
};

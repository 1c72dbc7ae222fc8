/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The audit log: every mutation writes one entry through pd_portal_audit() (pd-portal-http.c)
 * into the shared audit_log table; this module lists them and seeds a realistic history.
 *
 * The list is newest first by default (order=desc): its cursor then walks backwards over the
 * rowid ("before:N"), so a page walk is complete and duplicate-free while new entries arrive
 * (they appear at the top of the next first page). order=asc walks forwards like every other
 * list ("after:N"). Entries are never changed or deleted: `deleted` is always empty and
 * updated_since is the same as since. */
#include "pd-portal-modules.h"
#include "pd-portal-db.h"
#include "pd-portal-http.h"

static const char select_desc[] =
  "SELECT a.id, a.created_at, a.user_id, a.actor_email, a.action, a.target_type, a.target_id, "
  "a.organization_id, a.summary, a.request_id FROM audit_log a "
  "WHERE a.partner_id = ?1 AND (?2 = 0 OR a.id < ?2) "
  "AND (?3 IS NULL OR a.action = ?3) AND (?4 IS NULL OR a.target_type = ?4) "
  "AND (?5 = 0 OR a.user_id = ?5) AND (?6 = 0 OR a.organization_id = ?6) "
  "AND (?7 IS NULL OR a.created_at >= ?7) AND (?8 IS NULL OR a.created_at < ?8) "
  "AND (?100 = 1 OR (a.organization_id IS NULL AND a.user_id = ?101) OR a.organization_id IN "
  "(SELECT go.organization_id FROM group_organizations go JOIN group_managers gm "
  "ON gm.group_id = go.group_id WHERE gm.user_id = ?101)) "
  "ORDER BY a.id DESC LIMIT ?9";

static const char select_asc[] =
  "SELECT a.id, a.created_at, a.user_id, a.actor_email, a.action, a.target_type, a.target_id, "
  "a.organization_id, a.summary, a.request_id FROM audit_log a "
  "WHERE a.partner_id = ?1 AND (?2 = 0 OR a.id > ?2) "
  "AND (?3 IS NULL OR a.action = ?3) AND (?4 IS NULL OR a.target_type = ?4) "
  "AND (?5 = 0 OR a.user_id = ?5) AND (?6 = 0 OR a.organization_id = ?6) "
  "AND (?7 IS NULL OR a.created_at >= ?7) AND (?8 IS NULL OR a.created_at < ?8) "
  "AND (?100 = 1 OR (a.organization_id IS NULL AND a.user_id = ?101) OR a.organization_id IN "
  "(SELECT go.organization_id FROM group_organizations go JOIN group_managers gm "
  "ON gm.group_id = go.group_id WHERE gm.user_id = ?101)) "
  "ORDER BY a.id ASC LIMIT ?9";

typedef struct {
  JsonBuilder *errors;
  guint        n_errors;
} Errors;

static void
query_error (Errors     *errors,
             const char *field,
             const char *message)
{
  json_builder_begin_object (errors->errors);
  pd_portal_json_text (errors->errors, "field", field);
  pd_portal_json_text (errors->errors, "code", "invalid");
  pd_portal_json_text (errors->errors, "message", message);
  json_builder_end_object (errors->errors);
  errors->n_errors++;
}

/* "before:N" (newest first) or "after:N" (oldest first), base64 like the other lists. */
static gint64
parse_cursor (const char *cursor,
              gboolean    descending)
{
  const char *prefix = descending ? "before:" : "after:";
  gsize len = 0;
  g_autofree guchar *decoded = strlen (cursor) < 64 ? g_base64_decode (cursor, &len) : NULL;
  g_autofree char *text = decoded ? g_strndup ((const char *) decoded, len) : NULL;
  guint64 value;

  if (text == NULL || !g_str_has_prefix (text, prefix) ||
      !g_ascii_string_to_unsigned (text + strlen (prefix), 10, 1, G_MAXINT64, &value, NULL))
    return 0;
  return (gint64) value;
}

static char *
format_cursor (gint64   rowid,
               gboolean descending)
{
  g_autofree char *text = g_strdup_printf ("%s:%" G_GINT64_FORMAT, descending ? "before" : "after", rowid);

  return g_base64_encode ((const guchar *) text, strlen (text));
}

static char *
parse_time (Errors     *errors,
            const char *value,
            const char *field)
{
  gint64 usec;

  if (value == NULL)
    return NULL;
  if (pd_portal_time_parse (value, &usec))
    return pd_portal_time_format (usec);
  query_error (errors, field, "Use an RFC 3339 time, e.g. 2026-01-31T12:00:00Z.");
  return NULL;
}

static void
handle_list (PdPortalRequest *req)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *cursor = NULL;
  g_autofree char *since = NULL;
  g_autofree char *until = NULL;
  const char *order, *action, *target_type, *actor, *organization;
  Errors errors = { json_builder_new (), 0 };
  PdPortalPage page;
  gboolean descending;
  gint64 position = 0, actor_id = 0, organization_id = 0, last = 0;
  gboolean has_more = FALSE;
  guint count = 0;
  gpointer key, value;
  sqlite3_stmt *stmt;

  if (!pd_portal_require (req, "audit.read"))
    {
      g_object_unref (errors.errors);
      return;
    }

  /* The shared parser only knows forward cursors: this list reads its own. */
  if (g_hash_table_steal_extended (req->query, "cursor", &key, &value))
    {
      g_free (key);
      cursor = value;
    }
  if (!pd_portal_page_parse (req, &page))
    {
      g_object_unref (errors.errors);
      return;
    }

  json_builder_begin_array (errors.errors);
  order = pd_portal_query (req, "order");
  if (order != NULL && !g_str_equal (order, "asc") && !g_str_equal (order, "desc"))
    query_error (&errors, "order", "order must be desc (newest first, the default) or asc.");
  descending = g_strcmp0 (order, "asc") != 0;
  if (cursor != NULL && (position = parse_cursor (cursor, descending)) == 0)
    query_error (&errors, "cursor", "cursor must be a next_cursor value returned by this list with the same order.");
  action = pd_portal_query (req, "action");
  target_type = pd_portal_query (req, "target_type");
  actor = pd_portal_query (req, "actor");
  if (actor != NULL && !pd_portal_id_parse ("usr", actor, &actor_id))
    query_error (&errors, "actor", "actor must be a user ID such as usr_12.");
  organization = pd_portal_query (req, "organization_id");
  if (organization != NULL && !pd_portal_id_parse ("org", organization, &organization_id))
    query_error (&errors, "organization_id", "organization_id must be an organization ID such as org_12.");
  since = parse_time (&errors, pd_portal_query (req, "since"), "since");
  until = parse_time (&errors, pd_portal_query (req, "until"), "until");
  json_builder_end_array (errors.errors);
  if (errors.n_errors > 0)
    {
      g_autoptr(JsonNode) node = json_builder_get_root (errors.errors);

      pd_portal_respond_field_errors (req, node);
      pd_portal_page_clear (&page);
      g_object_unref (errors.errors);
      return;
    }
  g_object_unref (errors.errors);
  if (page.updated_since != NULL && (since == NULL || strcmp (page.updated_since, since) > 0))
    {
      g_free (since);
      since = g_strdup (page.updated_since);
    }

  builder = json_builder_new ();
  pd_portal_page_begin (&page, builder);
  stmt = pd_portal_db_stmt (req->portal, descending ? select_desc : select_asc);
  sqlite3_bind_int64 (stmt, 1, req->caller->partner_id);
  sqlite3_bind_int64 (stmt, 2, position);
  sqlite3_bind_text (stmt, 3, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, target_type, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, actor_id);
  sqlite3_bind_int64 (stmt, 6, organization_id);
  sqlite3_bind_text (stmt, 7, since, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, until, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 9, (int) page.limit + 1);
  pd_portal_caller_bind_scope (req->caller, stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *id = NULL;
      g_autofree char *user = NULL;
      g_autofree char *org = NULL;

      if (++count > page.limit)
        {
          has_more = TRUE;
          break;
        }
      last = sqlite3_column_int64 (stmt, 0);
      id = pd_portal_id_format ("aud", last);
      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        user = pd_portal_id_format ("usr", sqlite3_column_int64 (stmt, 2));
      if (sqlite3_column_type (stmt, 7) != SQLITE_NULL)
        org = pd_portal_id_format ("org", sqlite3_column_int64 (stmt, 7));

      json_builder_begin_object (builder);
      pd_portal_json_text (builder, "id", id);
      pd_portal_json_text (builder, "created_at", pd_portal_db_text (stmt, 1));
      json_builder_set_member_name (builder, "actor");
      json_builder_begin_object (builder);
      pd_portal_json_text (builder, "user_id", user);
      pd_portal_json_text (builder, "email", pd_portal_db_text (stmt, 3));
      json_builder_end_object (builder);
      pd_portal_json_text (builder, "action", pd_portal_db_text (stmt, 4));
      pd_portal_json_text (builder, "target_type", pd_portal_db_text (stmt, 5));
      pd_portal_json_text (builder, "target_id", pd_portal_db_text (stmt, 6));
      pd_portal_json_text (builder, "organization_id", org);
      pd_portal_json_text (builder, "summary", pd_portal_db_text (stmt, 8));
      pd_portal_json_text (builder, "request_id", pd_portal_db_text (stmt, 9));
      json_builder_end_object (builder);
    }
  sqlite3_reset (stmt);

  /* The envelope's end, with this list's own cursor (pd_portal_page_end() writes "after:"). */
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "next_cursor");
  if (has_more)
    {
      g_autofree char *next = format_cursor (last, descending);
      json_builder_add_string_value (builder, next);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "deleted");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  pd_portal_json_text (builder, "server_time", page.server_time);
  json_builder_end_object (builder);
  pd_portal_page_clear (&page);
  pd_portal_respond_builder (req, SOUP_STATUS_OK, builder, NULL);
}

/* Seed: a deterministic history of what the partner's users did over the last half year. */

typedef struct {
  gint64 id;
  char  *name;
} Named;

static void
named_free (gpointer data)
{
  Named *named = data;

  g_free (named->name);
  g_free (named);
}

static GPtrArray *
load_named (PdPortal   *portal,
            const char *sql,
            gint64      parameter)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (named_free);
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal, sql);

  sqlite3_bind_int64 (stmt, 1, parameter);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Named *named = g_new0 (Named, 1);
      named->id = sqlite3_column_int64 (stmt, 0);
      named->name = g_strdup (pd_portal_db_text (stmt, 1));
      g_ptr_array_add (list, named);
    }
  sqlite3_reset (stmt);
  return list;
}

static Named *
pick (PdPortalSeed *seed,
      GPtrArray    *list)
{
  if (list->len == 0)
    return NULL;
  return g_ptr_array_index (list, pd_seed_int (seed, 0, list->len - 1));
}

static gint
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static void
insert_entry (PdPortalSeed *seed,
              gint64        partner_id,
              gint64        time_usec,
              Named        *actor,
              const char   *action,
              const char   *target_type,
              const char   *target_id,
              gint64        organization_id,
              const char   *summary)
{
  g_autofree char *created = pd_portal_time_format (time_usec);
  g_autofree char *request_id = g_strdup_printf ("req_%08" G_GINT64_MODIFIER "x", pd_seed_next (seed) & 0xffffffff);
  sqlite3_stmt *stmt = pd_portal_db_stmt (seed->portal,
      "INSERT INTO audit_log (partner_id, user_id, actor_email, action, target_type, target_id, "
      "organization_id, summary, request_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");

  sqlite3_bind_int64 (stmt, 1, partner_id);
  sqlite3_bind_int64 (stmt, 2, actor->id);
  sqlite3_bind_text (stmt, 3, actor->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, target_type, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, target_id, -1, SQLITE_STATIC);
  if (organization_id > 0)
    sqlite3_bind_int64 (stmt, 7, organization_id);
  sqlite3_bind_text (stmt, 8, summary, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, request_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, created, -1, SQLITE_STATIC);
  pd_portal_db_step_done (seed->portal, stmt);
}

/* One entry about an organization (and maybe one of its services). */
static void
organization_entry (PdPortalSeed *seed,
                    gint64        partner_id,
                    gint64        time_usec,
                    Named        *actor,
                    Named        *org)
{
  static const char *const plans[] = { "Backup Standard", "Backup Pro", "Archiver" };
  static const char *const modes[] = { "partner-managed", "co-managed", "client-managed" };
  PdPortal *portal = seed->portal;
  g_autofree char *org_id = pd_portal_id_format ("org", org->id);
  g_autofree char *svc_id = NULL;
  g_autofree char *application = NULL;
  g_autofree char *summary = NULL;
  sqlite3_stmt *stmt;
  gint64 kind = pd_seed_int (seed, 0, 9);

  stmt = pd_portal_db_stmt (portal, "SELECT id, application FROM services WHERE organization_id = ?1 ORDER BY id LIMIT 1");
  sqlite3_bind_int64 (stmt, 1, org->id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      svc_id = pd_portal_id_format ("svc", sqlite3_column_int64 (stmt, 0));
      application = g_strdup (pd_portal_db_text (stmt, 1));
    }
  sqlite3_reset (stmt);

  if (svc_id != NULL && kind >= 5)
    {
      gint64 n = pd_seed_int (seed, 1, 40);

      switch (kind)
        {
        case 5:
        case 6:
          summary = g_strdup_printf ("Protected %" G_GINT64_FORMAT " account%s of %s (%s)", n, n == 1 ? "" : "s",
                                     org->name, application);
          insert_entry (seed, partner_id, time_usec, actor, "accounts.protect", "service", svc_id, org->id, summary);
          return;
        case 7:
          summary = g_strdup_printf ("Paused the backup of %" G_GINT64_FORMAT " account%s of %s (%s)", n,
                                     n == 1 ? "" : "s", org->name, application);
          insert_entry (seed, partner_id, time_usec, actor, "accounts.pause", "service", svc_id, org->id, summary);
          return;
        case 8:
          summary = g_strdup_printf ("Invited the administrator of %s to authorize %s", org->name, application);
          insert_entry (seed, partner_id, time_usec, actor, "service.invite_admin", "service", svc_id, org->id,
                        summary);
          return;
        default:
          summary = g_strdup_printf ("%s of %s is now %s", application, org->name,
                                     pd_seed_pick (seed, modes, G_N_ELEMENTS (modes)));
          insert_entry (seed, partner_id, time_usec, actor, "service.update", "service", svc_id, org->id, summary);
          return;
        }
    }
  switch (kind % 5)
    {
    case 0:
      summary = g_strdup_printf ("Changed the plan of %s to %s", org->name, pd_seed_pick (seed, plans, G_N_ELEMENTS (plans)));
      insert_entry (seed, partner_id, time_usec, actor, "organization.update", "organization", org_id, org->id, summary);
      break;
    case 1:
      summary = g_strdup_printf ("Sent a password reset e-mail to the administrator of %s", org->name);
      insert_entry (seed, partner_id, time_usec, actor, "organization.send_reset_password", "organization", org_id,
                    org->id, summary);
      break;
    case 2:
      summary = g_strdup_printf ("Mapped %s to its service account", org->name);
      insert_entry (seed, partner_id, time_usec, actor, "organization.map", "organization", org_id, org->id, summary);
      break;
    case 3:
      summary = g_strdup_printf ("Turned %s admin access for %s", pd_seed_chance (seed, 0.7) ? "on" : "off", org->name);
      insert_entry (seed, partner_id, time_usec, actor, "organization.admin_access", "organization", org_id,
                    org->id, summary);
      break;
    default:
      summary = g_strdup_printf ("Updated the contact e-mail of %s", org->name);
      insert_entry (seed, partner_id, time_usec, actor, "organization.update", "organization", org_id, org->id, summary);
      break;
    }
}

/* One entry about the partner's own settings, users, roles or groups. */
static void
partner_entry (PdPortalSeed *seed,
               gint64        partner_id,
               gint64        time_usec,
               Named        *actor,
               GPtrArray    *users,
               GPtrArray    *groups)
{
  static const char *const types[] = { "backup.failed", "backup.completed", "credentials.authorization_error",
                                       "download.ready", "add_backup.account_added" };
  static const char *const frequencies[] = { "immediate", "daily", "weekly" };
  static const char *const periods[] = { "daily", "weekly", "monthly" };
  static const char *const languages[] = { "German", "French", "Japanese", "Portuguese (Brazil)", "English" };
  static const char *const roles[] = { "Admin", "Support", "Technician", "Finance" };
  static const char *const countries[] = { "US", "CA", "GB", "DE" };
  g_autofree char *partner = pd_portal_id_format ("ptn", partner_id);
  g_autofree char *summary = NULL;
  g_autofree char *target = NULL;
  Named *user = pick (seed, users);
  Named *group = pick (seed, groups);
  gint64 kind = pd_seed_int (seed, 0, 11);

  if (kind == 0 && group != NULL)
    {
      target = pd_portal_id_format ("grp", group->id);
      summary = g_strdup_printf ("Added %" G_GINT64_FORMAT " organizations to the access scope of group %s",
                                 pd_seed_int (seed, 1, 4), group->name);
      insert_entry (seed, partner_id, time_usec, actor, "group.update", "group", target, 0, summary);
      return;
    }
  if (kind <= 2 && user != NULL)
    {
      target = pd_portal_id_format ("usr", user->id);
      if (kind == 2)
        summary = g_strdup_printf ("Changed the role of %s to %s", user->name, pd_seed_pick (seed, roles, G_N_ELEMENTS (roles)));
      else
        summary = g_strdup_printf ("Changed the language of %s to %s", user->name,
                                   pd_seed_pick (seed, languages, G_N_ELEMENTS (languages)));
      insert_entry (seed, partner_id, time_usec, actor, "user.update", "user", target, 0, summary);
      return;
    }
  switch (kind)
    {
    case 3:
    case 4:
    case 5:
      summary = g_strdup_printf ("Changed 1 notification type: %s %s (%s, after %d event%s)",
                                 pd_seed_pick (seed, types, G_N_ELEMENTS (types)), pd_seed_chance (seed, 0.8) ? "on" : "off",
                                 pd_seed_pick (seed, frequencies, G_N_ELEMENTS (frequencies)), kind == 5 ? 5 : 1,
                                 kind == 5 ? "s" : "");
      insert_entry (seed, partner_id, time_usec, actor, "notification_settings.update", "notification_settings",
                    partner, 0, summary);
      break;
    case 6:
      summary = g_strdup_printf ("Partner report: %s, 2 recipients (was %s, 1)",
                                 pd_seed_pick (seed, periods, G_N_ELEMENTS (periods)),
                                 pd_seed_pick (seed, periods, G_N_ELEMENTS (periods)));
      insert_entry (seed, partner_id, time_usec, actor, "report_settings.update", "report_settings", partner, 0, summary);
      break;
    case 7:
      summary = g_strdup_printf ("Test e-mail to %s: %s", actor->name, pd_seed_chance (seed, 0.85) ? "sent" : "failed");
      insert_entry (seed, partner_id, time_usec, actor, "smtp_settings.test", "smtp_settings", partner, 0, summary);
      break;
    case 8:
      summary = g_strdup_printf ("SMTP: automatic test %s to it-alerts@northwind-it.example",
                                 pd_seed_pick (seed, periods, G_N_ELEMENTS (periods)));
      insert_entry (seed, partner_id, time_usec, actor, "smtp_settings.update", "smtp_settings", partner, 0, summary);
      break;
    case 9:
      summary = g_strdup_printf ("Marked %" G_GINT64_FORMAT " notifications as read", pd_seed_int (seed, 2, 6));
      insert_entry (seed, partner_id, time_usec, actor, "notification.read_all", "notification", NULL, 0, summary);
      break;
    case 10:
      summary = g_strdup_printf ("Changed the default country of new organizations to %s",
                                 pd_seed_pick (seed, countries, G_N_ELEMENTS (countries)));
      insert_entry (seed, partner_id, time_usec, actor, "partner.update", "partner", partner, 0, summary);
      break;
    default:
      summary = g_strdup ("Applied the recommended notification settings (3 types changed)");
      insert_entry (seed, partner_id, time_usec, actor, "notification_settings.apply_recommended",
                    "notification_settings", partner, 0, summary);
      break;
    }
}

static void
seed_partner (PdPortalSeed *seed,
              gint64        partner_id,
              guint         n_entries,
              const gint64 *actor_ids,
              guint         n_actors)
{
  PdPortal *portal = seed->portal;
  g_autoptr(GPtrArray) users = load_named (portal, "SELECT id, email FROM users WHERE partner_id = ?1 ORDER BY id", partner_id);
  g_autoptr(GPtrArray) groups = load_named (portal, "SELECT id, name FROM groups WHERE partner_id = ?1 ORDER BY id", partner_id);
  g_autoptr(GPtrArray) organizations = load_named (portal,
      "SELECT id, name FROM organizations WHERE partner_id = ?1 ORDER BY id LIMIT 2000", partner_id);
  g_autoptr(GPtrArray) actors = g_ptr_array_new ();
  g_autoptr(GHashTable) scopes = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GArray) times = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_entries);

  for (guint i = 0; i < users->len; i++)
    {
      Named *user = g_ptr_array_index (users, i);

      for (guint a = 0; a < n_actors; a++)
        if (actor_ids[a] == user->id)
          {
            /* Whoever manages scoped groups only acts inside them. */
            GPtrArray *scope = load_named (portal,
                "SELECT DISTINCT o.id, o.name FROM group_organizations go JOIN group_managers gm "
                "ON gm.group_id = go.group_id JOIN organizations o ON o.id = go.organization_id "
                "WHERE gm.user_id = ?1 ORDER BY o.id", user->id);

            g_ptr_array_add (actors, user);
            g_hash_table_insert (scopes, &user->id, scope->len > 0 ? scope : g_ptr_array_ref (organizations));
            if (scope->len == 0)
              g_ptr_array_unref (scope);
          }
    }
  if (actors->len == 0)
    return;

  for (guint i = 0; i < n_entries; i++)
    {
      gint64 t = seed->now_usec - pd_seed_int (seed, 3600, 180 * 86400) * G_USEC_PER_SEC;
      g_array_append_val (times, t);
    }
  g_array_sort (times, (GCompareFunc) compare_times);

  for (guint i = 0; i < n_entries; i++)
    {
      Named *actor = pick (seed, actors);
      GPtrArray *scope = g_hash_table_lookup (scopes, &actor->id);
      gint64 t = g_array_index (times, gint64, i);

      if (scope->len > 0 && pd_seed_chance (seed, 0.65))
        organization_entry (seed, partner_id, t, actor, g_ptr_array_index (scope, pd_seed_int (seed, 0, scope->len - 1)));
      else
        partner_entry (seed, partner_id, t, actor, users, groups);
    }
}

static void
seed (PdPortalSeed *seed)
{
  gint64 main_actors[] = {
    seed->users[PD_SEED_OWNER], seed->users[PD_SEED_SUPER_ADMIN], seed->users[PD_SEED_ADMIN],
    seed->users[PD_SEED_ADMIN], seed->users[PD_SEED_SUPPORT], seed->users[PD_SEED_SUPPORT],
    seed->users[PD_SEED_SCOPED_ADMIN], seed->users[PD_SEED_SCOPED_ADMIN],
  };
  sqlite3_stmt *stmt = pd_portal_db_stmt (seed->portal,
      "SELECT id FROM users WHERE partner_id = ?1 AND role_id = (SELECT id FROM roles WHERE partner_id IS NULL AND key = 'owner')");
  gint64 other_owner;

  sqlite3_bind_int64 (stmt, 1, seed->other_partner_id);
  other_owner = pd_portal_db_scalar (seed->portal, stmt, 0);

  seed_partner (seed, seed->partner_id, 320, main_actors, G_N_ELEMENTS (main_actors));
  seed_partner (seed, seed->other_partner_id, 24, &other_owner, 1);
}

static void
register_routes (PdPortal *portal)
{
  pd_portal_route (portal, "GET", "/api/v1/audit-log", PD_PORTAL_ROUTE_DEFAULT, handle_list);
}

const PdPortalModule pd_portal_module_audit = {
  .name = "audit",
  .seed = seed,
  .register_routes = register_routes,
};

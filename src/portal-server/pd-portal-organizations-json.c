/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The JSON of organizations and services, written straight into a GString (see the header). */
#include "pd-portal-organizations.h"

const char *const pd_org_statuses[] = { "active", "suspended", "unsubscribed", "deleted", NULL };
const char *const pd_org_plan_types[] = { "personal", "backup", "archiver", NULL };
const char *const pd_org_credential_statuses[] = { "ok", "needs_authentication", NULL };
const char *const pd_org_relationships[] = { "msp", "reseller", NULL };
const char *const pd_org_mapping_statuses[] = { "mapped", "unmapped", NULL };
const char *const pd_org_regions[] = { "us", "eu", "uk", "ca", "au", "jp", "br", NULL };
const char *const pd_service_suites[] = { "microsoft365", "google_workspace", NULL };
const char *const pd_service_management_modes[] = { "partner", "client", "co_managed", NULL };

static const char *const microsoft365_applications[] = {
  "exchange", "onedrive", "sharepoint", "teams", NULL
};
static const char *const google_workspace_applications[] = {
  "gmail", "drive", "calendar", "contacts", "shared_drives", NULL
};

const char *const *
pd_service_applications (const char *suite)
{
  if (g_strcmp0 (suite, "microsoft365") == 0)
    return microsoft365_applications;
  if (g_strcmp0 (suite, "google_workspace") == 0)
    return google_workspace_applications;
  return NULL;
}

/* JSON text. A full page is about a megabyte of it, so no printf and no strlen of literals. */

/* g_string_append_len() without its generality (it is an insert): most appends are a few
 * bytes, and a page has a few hundred thousand of them. */
static inline void
put (GString    *out,
     const char *data,
     gsize       n)
{
  if (G_UNLIKELY (out->len + n >= out->allocated_len))
    {
      gsize len = out->len;

      g_string_set_size (out, len + n);   /* grows the buffer geometrically */
      out->len = len;
    }
  memcpy (out->str + out->len, data, n);
  out->len += n;
  out->str[out->len] = '\0';
}

static inline void
put_c (GString *out,
       char     c)
{
  put (out, &c, 1);
}

#define APPEND_LITERAL(out, text) put ((out), "" text, sizeof (text) - 1)

static void
append_int (GString *out,
            gint64   value)
{
  char buffer[24];
  char *p = buffer + sizeof buffer;
  guint64 magnitude = value < 0 ? (guint64) 0 - (guint64) value : (guint64) value;

  do
    {
      *--p = (char) ('0' + magnitude % 10);
      magnitude /= 10;
    }
  while (magnitude != 0);
  if (value < 0)
    *--p = '-';
  put (out, p, (gsize) (buffer + sizeof buffer - p));
}

void
pd_json_append_string (GString    *out,
                       const char *value)
{
  static const char hex[] = "0123456789abcdef";
  const char *run;
  const char *p;

  if (value == NULL)
    {
      APPEND_LITERAL (out, "null");
      return;
    }
  put_c (out, '"');
  for (run = p = value; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;
      put (out, run, (gsize) (p - run));
      run = p + 1;
      switch (c)
        {
        case '"': APPEND_LITERAL (out, "\\\""); break;
        case '\\': APPEND_LITERAL (out, "\\\\"); break;
        case '\n': APPEND_LITERAL (out, "\\n"); break;
        case '\r': APPEND_LITERAL (out, "\\r"); break;
        case '\t': APPEND_LITERAL (out, "\\t"); break;
        default:
          {
            char escape[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xf] };
            put (out, escape, sizeof escape);
          }
          break;
        }
    }
  put (out, run, (gsize) (p - run));
  put_c (out, '"');
}

void
pd_json_member_string (GString    *out,
                       const char *member,
                       const char *value)
{
  put_c (out, '"');
  put (out, member, strlen (member));
  APPEND_LITERAL (out, "\":");
  pd_json_append_string (out, value);
  put_c (out, ',');
}

void
pd_json_member_int (GString    *out,
                    const char *member,
                    gint64      value)
{
  put_c (out, '"');
  put (out, member, strlen (member));
  APPEND_LITERAL (out, "\":");
  append_int (out, value);
  put_c (out, ',');
}

/* "member":"text", for a literal member name (with its quotes and colon) and a column. */
#define MEMBER_TEXT(out, literal, stmt, column) G_STMT_START { \
    APPEND_LITERAL (out, literal); \
    pd_json_append_string (out, (const char *) sqlite3_column_text (stmt, column)); \
    put_c (out, ','); \
  } G_STMT_END
#define MEMBER_INT(out, literal, value) G_STMT_START { \
    APPEND_LITERAL (out, literal); \
    append_int (out, value); \
    put_c (out, ','); \
  } G_STMT_END

/* Replaces the comma the member writers leave behind with a closing bracket. */
static void
close_with (GString *out,
            char     bracket)
{
  if (out->len > 0 && out->str[out->len - 1] == ',')
    out->str[out->len - 1] = bracket;
  else
    put_c (out, bracket);
}

/* "<prefix>_<id>" */
static void
append_public_id (GString    *out,
                  const char *prefix,
                  gint64      id)
{
  put_c (out, '"');
  put (out, prefix, strlen (prefix));
  put_c (out, '_');
  append_int (out, id);
  put_c (out, '"');
}

/* id, etag ("\"<prefix>_<id>.<version>\""), created_at, updated_at from columns 0 to 3. */
static void
write_meta (GString      *out,
            const char   *prefix,
            sqlite3_stmt *stmt)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);

  APPEND_LITERAL (out, "\"id\":");
  append_public_id (out, prefix, id);
  APPEND_LITERAL (out, ",\"etag\":\"\\\"");
  put (out, prefix, strlen (prefix));
  put_c (out, '_');
  append_int (out, id);
  put_c (out, '.');
  append_int (out, sqlite3_column_int64 (stmt, 1));
  APPEND_LITERAL (out, "\\\"\",");
  MEMBER_TEXT (out, "\"created_at\":", stmt, 2);
  MEMBER_TEXT (out, "\"updated_at\":", stmt, 3);
}

void
pd_org_write_service (GString      *out,
                      sqlite3_stmt *stmt)
{
  gint64 total = sqlite3_column_int64 (stmt, 16);
  gint64 managed = sqlite3_column_int64 (stmt, 17);

  put_c (out, '{');
  write_meta (out, "svc", stmt);
  APPEND_LITERAL (out, "\"organization_id\":");
  append_public_id (out, "org", sqlite3_column_int64 (stmt, 4));
  put_c (out, ',');
  MEMBER_TEXT (out, "\"suite\":", stmt, 5);
  MEMBER_TEXT (out, "\"application\":", stmt, 6);
  MEMBER_TEXT (out, "\"management_mode\":", stmt, 7);
  MEMBER_TEXT (out, "\"authorization_state\":", stmt, 8);
  MEMBER_TEXT (out, "\"backup_status\":", stmt, 9);
  MEMBER_TEXT (out, "\"last_backup_at\":", stmt, 10);
  MEMBER_TEXT (out, "\"next_backup_at\":", stmt, 11);
  APPEND_LITERAL (out, "\"jobs\":{");
  MEMBER_INT (out, "\"success\":", sqlite3_column_int64 (stmt, 12));
  MEMBER_INT (out, "\"running\":", sqlite3_column_int64 (stmt, 13));
  MEMBER_INT (out, "\"retrying\":", sqlite3_column_int64 (stmt, 14));
  MEMBER_INT (out, "\"failed\":", sqlite3_column_int64 (stmt, 15));
  close_with (out, '}');
  APPEND_LITERAL (out, ",\"seats\":{");
  MEMBER_INT (out, "\"total\":", total);
  MEMBER_INT (out, "\"managed\":", managed);
  MEMBER_INT (out, "\"open\":", MAX (0, total - managed));
  MEMBER_INT (out, "\"unprotected\":", sqlite3_column_int64 (stmt, 18));
  close_with (out, '}');
  APPEND_LITERAL (out, ",\"storage_bytes\":");
  append_int (out, sqlite3_column_int64 (stmt, 19));
  put_c (out, '}');
}

/* Everything of an organization up to and including `"services":[`. */
static void
write_head (GString      *out,
            sqlite3_stmt *stmt)
{
  put_c (out, '{');
  write_meta (out, "org", stmt);
  MEMBER_TEXT (out, "\"name\":", stmt, 4);
  MEMBER_TEXT (out, "\"email\":", stmt, 5);
  MEMBER_TEXT (out, "\"domain\":", stmt, 6);
  MEMBER_TEXT (out, "\"status\":", stmt, 7);
  APPEND_LITERAL (out, "\"plan\":{");
  MEMBER_TEXT (out, "\"name\":", stmt, 8);
  MEMBER_TEXT (out, "\"type\":", stmt, 9);
  MEMBER_INT (out, "\"price_cents\":", sqlite3_column_int64 (stmt, 10));
  MEMBER_TEXT (out, "\"currency\":", stmt, 11);
  close_with (out, '}');
  put_c (out, ',');
  MEMBER_TEXT (out, "\"region\":", stmt, 12);
  MEMBER_TEXT (out, "\"country\":", stmt, 13);
  MEMBER_TEXT (out, "\"credential_status\":", stmt, 14);
  MEMBER_TEXT (out, "\"relationship\":", stmt, 15);
  APPEND_LITERAL (out, "\"mapping\":{");
  MEMBER_TEXT (out, "\"status\":", stmt, 16);
  MEMBER_TEXT (out, "\"service_account_id\":", stmt, 17);
  close_with (out, '}');
  if (sqlite3_column_int (stmt, 18))
    APPEND_LITERAL (out, ",\"admin_access\":true,");
  else
    APPEND_LITERAL (out, ",\"admin_access\":false,");
  MEMBER_INT (out, "\"storage_bytes\":", sqlite3_column_int64 (stmt, 19));
  APPEND_LITERAL (out, "\"services\":[");
}

guint
pd_org_write_rows (PdPortal     *portal,
                   GString      *out,
                   sqlite3_stmt *orgs,
                   guint         max,
                   gint64       *last_id,
                   gboolean     *has_more)
{
  g_autoptr(GString) heads = g_string_sized_new (MIN (max, 500) * 700);
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), MIN (max, 500));
  g_autoptr(GArray) ends = g_array_sized_new (FALSE, FALSE, sizeof (gsize), MIN (max, 500));
  g_autoptr(GString) id_list = g_string_sized_new (MIN (max, 500) * 8);
  sqlite3_stmt *services;
  gsize start = 0;
  int rc = SQLITE_DONE;

  *has_more = FALSE;
  put_c (id_list, '[');
  while (ids->len < max && (rc = sqlite3_step (orgs)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (orgs, 0);

      write_head (heads, orgs);
      g_array_append_val (ids, id);
      g_array_append_val (ends, heads->len);
      if (ids->len > 1)
        put_c (id_list, ',');
      append_int (id_list, id);
    }
  if (ids->len == max && rc == SQLITE_ROW)
    *has_more = sqlite3_step (orgs) == SQLITE_ROW;
  sqlite3_reset (orgs);
  if (ids->len == 0)
    return 0;
  *last_id = g_array_index (ids, gint64, ids->len - 1);
  put_c (id_list, ']');

  /* One query for the services of the whole page, merged in by organization. */
  services = pd_portal_db_stmt (portal,
      "SELECT " PD_SERVICE_COLUMNS " FROM services s "
      "WHERE s.organization_id IN (SELECT value FROM json_each(?1)) ORDER BY s.organization_id, s.id");
  sqlite3_bind_text (services, 1, id_list->str, (int) id_list->len, SQLITE_STATIC);
  rc = sqlite3_step (services);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      gsize end = g_array_index (ends, gsize, i);
      gboolean first = TRUE;

      if (i > 0)
        put_c (out, ',');
      put (out, heads->str + start, end - start);
      start = end;
      while (rc == SQLITE_ROW && sqlite3_column_int64 (services, 4) == id)
        {
          if (!first)
            put_c (out, ',');
          first = FALSE;
          pd_org_write_service (out, services);
          rc = sqlite3_step (services);
        }
      APPEND_LITERAL (out, "]}");
    }
  sqlite3_reset (services);
  return ids->len;
}

gint64
pd_org_version (PdPortal *portal,
                gint64    org_id)
{
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal, "SELECT version FROM organizations WHERE id = ?1");

  sqlite3_bind_int64 (stmt, 1, org_id);
  return pd_portal_db_scalar (portal, stmt, 0);
}

char *
pd_org_etag (PdPortal *portal,
             gint64    org_id)
{
  g_autofree char *public_id = pd_portal_id_format ("org", org_id);

  return pd_portal_etag (public_id, pd_org_version (portal, org_id));
}

void
pd_org_respond (PdPortalRequest *req,
                guint            status,
                gint64           org_id)
{
  g_autoptr(GString) out = g_string_sized_new (2048);
  g_autoptr(GBytes) bytes = NULL;
  sqlite3_stmt *stmt = pd_portal_db_stmt (req->portal,
      "SELECT " PD_ORG_COLUMNS " FROM organizations o WHERE o.id = ?1");
  g_autofree char *etag = pd_org_etag (req->portal, org_id);
  gint64 last_id = 0;
  gboolean has_more;

  sqlite3_bind_int64 (stmt, 1, org_id);
  if (pd_org_write_rows (req->portal, out, stmt, 1, &last_id, &has_more) == 0)
    {
      pd_portal_respond_not_found (req, "organization");
      return;
    }
  if (status == SOUP_STATUS_CREATED)
    {
      g_autofree char *location = g_strdup_printf ("/api/v1/organizations/org_%" G_GINT64_FORMAT, org_id);
      pd_portal_set_header (req, "Location", location);
    }
  pd_portal_set_header (req, "ETag", etag);
  bytes = g_string_free_to_bytes (g_steal_pointer (&out));
  pd_portal_respond_bytes (req, status, "application/json", bytes);
}

GString *
pd_org_list_begin (gsize reserve)
{
  GString *out = g_string_sized_new (reserve + 512);

  APPEND_LITERAL (out, "{\"items\":[");
  return out;
}

void
pd_org_respond_list (PdPortalRequest *req,
                     PdPortalPage    *page,
                     GString         *items,
                     gboolean         has_more,
                     gint64           last_rowid,
                     const char      *tombstone_kind,
                     gint64           organization_id)
{
  static const char empty[] = "{\"items\":[]";
  g_autoptr(GString) out = items;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *tail = NULL;

  /* The envelope's other members come from the framework, so cursors and tombstones are the
   * same as in every other list; only the items are written here. */
  pd_portal_page_begin (page, builder);
  pd_portal_page_end (req, page, builder, has_more, last_rowid, tombstone_kind, organization_id, NULL);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  tail = json_generator_to_data (generator, NULL);
  g_assert (g_str_has_prefix (tail, empty));

  put_c (out, ']');
  g_string_append (out, tail + strlen (empty));
  bytes = g_string_free_to_bytes (g_steal_pointer (&out));
  pd_portal_respond_bytes (req, SOUP_STATUS_OK, "application/json", bytes);
}

gint64
pd_org_from_param (PdPortalRequest *req,
                   const char      *param)
{
  gint64 org_id = 0;

  if (!pd_portal_id_parse ("org", param, &org_id))
    {
      pd_portal_respond_not_found (req, "organization");
      return 0;
    }
  if (!pd_portal_require_organization (req, org_id))
    return 0;
  return org_id;
}

gboolean
pd_org_info_load (PdPortal  *portal,
                  gint64     org_id,
                  PdOrgInfo *info)
{
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal,
      "SELECT name, status, email, plan_type, relationship, mapped_service_account, admin_access, version "
      "FROM organizations WHERE id = ?1");
  gboolean found = FALSE;

  memset (info, 0, sizeof *info);
  sqlite3_bind_int64 (stmt, 1, org_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      info->public_id = pd_portal_id_format ("org", org_id);
      info->name = g_strdup (pd_portal_db_text (stmt, 0));
      info->status = g_strdup (pd_portal_db_text (stmt, 1));
      info->email = g_strdup (pd_portal_db_text (stmt, 2));
      info->plan_type = g_strdup (pd_portal_db_text (stmt, 3));
      info->relationship = g_strdup (pd_portal_db_text (stmt, 4));
      info->mapped_service_account = g_strdup (pd_portal_db_text (stmt, 5));
      info->admin_access = sqlite3_column_int (stmt, 6) != 0;
      info->version = sqlite3_column_int64 (stmt, 7);
    }
  sqlite3_reset (stmt);
  return found;
}

void
pd_org_info_clear (PdOrgInfo *info)
{
  g_clear_pointer (&info->public_id, g_free);
  g_clear_pointer (&info->name, g_free);
  g_clear_pointer (&info->status, g_free);
  g_clear_pointer (&info->email, g_free);
  g_clear_pointer (&info->plan_type, g_free);
  g_clear_pointer (&info->relationship, g_free);
  g_clear_pointer (&info->mapped_service_account, g_free);
}

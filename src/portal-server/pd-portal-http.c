/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "pd-portal-http.h"
#include "pd-portal-db.h"
#include <stdlib.h>
#include <string.h>

#define PROBLEM_BASE "https://partnerdesk.example/problems/"

/* Responses */

void
pd_portal_set_header (PdPortalRequest *req,
                      const char      *name,
                      const char      *value)
{
  soup_message_headers_replace (soup_server_message_get_response_headers (req->msg), name, value);
}

void
pd_portal_respond_bytes (PdPortalRequest *req,
                         guint            status,
                         const char      *content_type,
                         GBytes          *body)
{
  gsize size;
  gconstpointer data;

  g_return_if_fail (!req->responded);
  req->responded = TRUE;
  soup_server_message_set_status (req->msg, status, NULL);
  if (body == NULL)
    {
      soup_server_message_set_response (req->msg, NULL, SOUP_MEMORY_STATIC, NULL, 0);
      return;
    }
  data = g_bytes_get_data (body, &size);
  soup_server_message_set_response (req->msg, content_type, SOUP_MEMORY_COPY, data, size);
}

static void
respond_node (PdPortalRequest *req,
              guint            status,
              const char      *content_type,
              JsonNode        *node,
              const char      *etag)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  char *text;

  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, &length);
  bytes = g_bytes_new_take (text, length);
  if (etag != NULL)
    pd_portal_set_header (req, "ETag", etag);
  pd_portal_respond_bytes (req, status, content_type, bytes);
}

void
pd_portal_respond_json (PdPortalRequest *req,
                        guint            status,
                        JsonNode        *node,
                        const char      *etag)
{
  respond_node (req, status, "application/json", node, etag);
}

void
pd_portal_respond_builder (PdPortalRequest *req,
                           guint            status,
                           JsonBuilder     *builder,
                           const char      *etag)
{
  g_autoptr(JsonNode) node = json_builder_get_root (builder);

  respond_node (req, status, "application/json", node, etag);
}

void
pd_portal_respond_html (PdPortalRequest *req,
                        guint            status,
                        const char      *html)
{
  g_autoptr(GBytes) bytes = g_bytes_new (html, strlen (html));

  pd_portal_set_header (req, "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http://127.0.0.1:*");
  pd_portal_set_header (req, "X-Frame-Options", "DENY");
  pd_portal_respond_bytes (req, status, "text/html; charset=utf-8", bytes);
}

void
pd_portal_respond_no_content (PdPortalRequest *req)
{
  pd_portal_respond_bytes (req, SOUP_STATUS_NO_CONTENT, NULL, NULL);
}

void
pd_portal_respond_redirect (PdPortalRequest *req,
                            const char      *location)
{
  pd_portal_set_header (req, "Location", location);
  pd_portal_respond_bytes (req, SOUP_STATUS_FOUND, NULL, NULL);
}

/* Starts a problem object; the caller may add members, then calls problem_finish(). */
static JsonBuilder *
problem_begin (PdPortalRequest *req,
               guint            status,
               const char      *slug,
               const char      *title,
               const char      *detail)
{
  JsonBuilder *builder = json_builder_new ();
  g_autofree char *type = g_strconcat (PROBLEM_BASE, slug, NULL);

  json_builder_begin_object (builder);
  pd_portal_json_text (builder, "type", type);
  pd_portal_json_text (builder, "title", title);
  pd_portal_json_int (builder, "status", status);
  pd_portal_json_text (builder, "detail", detail);
  pd_portal_json_text (builder, "instance", req->path);
  return builder;
}

static void
problem_finish (PdPortalRequest *req,
                guint            status,
                JsonBuilder     *builder)
{
  g_autoptr(JsonNode) node = NULL;

  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  respond_node (req, status, "application/problem+json", node, NULL);
  g_object_unref (builder);
}

void
pd_portal_respond_problem (PdPortalRequest *req,
                           guint            status,
                           const char      *slug,
                           const char      *title,
                           const char      *detail_format,
                           ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, detail_format);
  detail = g_strdup_vprintf (detail_format, args);
  va_end (args);
  problem_finish (req, status, problem_begin (req, status, slug, title, detail));
}

void
pd_portal_respond_field_errors (PdPortalRequest *req,
                                JsonNode        *errors)
{
  JsonBuilder *builder = problem_begin (req, 422, "validation", "The request has invalid fields",
                                        "Correct the fields listed in errors and send the request again.");

  json_builder_set_member_name (builder, "errors");
  json_builder_add_value (builder, json_node_ref (errors));  /* add_value takes ownership */
  problem_finish (req, 422, builder);
}

void
pd_portal_respond_not_found (PdPortalRequest *req,
                             const char      *what)
{
  pd_portal_respond_problem (req, SOUP_STATUS_NOT_FOUND, "not-found", "Not found",
                             "There is no %s with this ID, or it is outside your access scope.", what);
}

void
pd_portal_respond_conflict (PdPortalRequest *req,
                            const char      *detail)
{
  pd_portal_respond_problem (req, SOUP_STATUS_CONFLICT, "conflict", "Conflict", "%s", detail);
}

/* Access */

gboolean
pd_portal_require (PdPortalRequest *req,
                   const char      *permission)
{
  JsonBuilder *builder;
  g_autofree char *detail = NULL;

  g_assert (pd_portal_permission_exists (permission));
  if (pd_portal_caller_can (req->caller, permission))
    return TRUE;

  detail = g_strdup_printf ("Your role (%s) does not have the permission “%s”. Ask an owner or "
                            "administrator of your company to grant it.",
                            req->caller ? req->caller->role_key : "none", permission);
  builder = problem_begin (req, SOUP_STATUS_FORBIDDEN, "forbidden", "Permission missing", detail);
  pd_portal_json_text (builder, "permission", permission);
  problem_finish (req, SOUP_STATUS_FORBIDDEN, builder);
  return FALSE;
}

gboolean
pd_portal_require_organization (PdPortalRequest *req,
                                gint64           organization_id)
{
  sqlite3_stmt *stmt = pd_portal_db_stmt (req->portal, "SELECT partner_id FROM organizations WHERE id = ?1");

  sqlite3_bind_int64 (stmt, 1, organization_id);
  if (organization_id <= 0 ||
      pd_portal_db_scalar (req->portal, stmt, -1) != req->caller->partner_id ||
      !pd_portal_caller_sees (req->caller, organization_id))
    {
      pd_portal_respond_not_found (req, "organization");
      return FALSE;
    }
  return TRUE;
}

gboolean
pd_portal_require_authority (PdPortalRequest *req,
                             gint64           organization_id)
{
  sqlite3_stmt *stmt = pd_portal_db_stmt (req->portal,
      "SELECT relationship, name FROM organizations WHERE id = ?1");
  g_autofree char *name = NULL;
  g_autofree char *detail = NULL;
  JsonBuilder *builder;
  gboolean reseller = FALSE;

  sqlite3_bind_int64 (stmt, 1, organization_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      reseller = g_strcmp0 (pd_portal_db_text (stmt, 0), "reseller") == 0;
      name = g_strdup (pd_portal_db_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (!reseller)
    return TRUE;
  detail = g_strdup_printf ("Your company is the reseller of “%s”: you can see its metrics, but not its "
                            "accounts, and you cannot act inside its data.", name);
  builder = problem_begin (req, SOUP_STATUS_FORBIDDEN, "relationship", "No authority inside this organization",
                           detail);
  pd_portal_json_text (builder, "permission", "relationship");
  problem_finish (req, SOUP_STATUS_FORBIDDEN, builder);
  return FALSE;
}

char *
pd_portal_etag (const char *public_id,
                gint64      version)
{
  return g_strdup_printf ("\"%s.%" G_GINT64_FORMAT "\"", public_id, version);
}

gboolean
pd_portal_check_if_match (PdPortalRequest *req,
                          const char      *current_etag)
{
  const char *header = soup_message_headers_get_one (soup_server_message_get_request_headers (req->msg),
                                                     "If-Match");
  g_auto(GStrv) candidates = NULL;

  if (header == NULL)
    {
      pd_portal_respond_problem (req, 428, "precondition-required", "If-Match required",
                                 "Send the resource's ETag in If-Match so that changes made by someone "
                                 "else are not overwritten.");
      return FALSE;
    }
  candidates = g_strsplit (header, ",", -1);
  for (guint i = 0; candidates[i] != NULL; i++)
    {
      const char *candidate = g_strstrip (candidates[i]);
      if (g_str_equal (candidate, "*") || g_str_equal (candidate, current_etag))
        return TRUE;
    }
  pd_portal_set_header (req, "ETag", current_etag);
  pd_portal_respond_problem (req, SOUP_STATUS_PRECONDITION_FAILED, "precondition-failed", "Changed by someone else",
                             "The resource changed since you read it. Read it again, reapply your change "
                             "and send it with the new ETag.");
  return FALSE;
}

/* Pagination */

const char *
pd_portal_query (PdPortalRequest *req,
                 const char      *name)
{
  return g_hash_table_lookup (req->query, name);
}

gboolean
pd_portal_page_parse (PdPortalRequest *req,
                      PdPortalPage    *page)
{
  const char *limit = pd_portal_query (req, "limit");
  const char *cursor = pd_portal_query (req, "cursor");
  const char *since = pd_portal_query (req, "updated_since");
  g_autoptr(JsonBuilder) errors = json_builder_new ();
  gboolean ok = TRUE;
  guint64 value;

  memset (page, 0, sizeof *page);
  page->limit = 100;
  page->server_time = pd_portal_now ();
  json_builder_begin_array (errors);

#define FIELD_ERROR(field, code, message) G_STMT_START { \
    json_builder_begin_object (errors); \
    pd_portal_json_text (errors, "field", field); \
    pd_portal_json_text (errors, "code", code); \
    pd_portal_json_text (errors, "message", message); \
    json_builder_end_object (errors); \
    ok = FALSE; } G_STMT_END

  if (limit != NULL)
    {
      if (g_ascii_string_to_unsigned (limit, 10, 1, 500, &value, NULL))
        page->limit = (guint) value;
      else
        FIELD_ERROR ("limit", "out_of_range", "limit must be a whole number from 1 to 500.");
    }
  if (cursor != NULL)
    {
      gsize len = 0;
      g_autofree guchar *decoded = strlen (cursor) < 64 ? g_base64_decode (cursor, &len) : NULL;
      g_autofree char *text = decoded ? g_strndup ((const char *) decoded, len) : NULL;

      if (text == NULL || !g_str_has_prefix (text, "after:") ||
          !g_ascii_string_to_unsigned (text + 6, 10, 1, G_MAXINT64, &value, NULL))
        FIELD_ERROR ("cursor", "invalid", "cursor must be a next_cursor value returned by this list.");
      else
        page->after = (gint64) value;
    }
  if (since != NULL)
    {
      gint64 usec;
      if (pd_portal_time_parse (since, &usec))
        page->updated_since = pd_portal_time_format (usec);
      else
        FIELD_ERROR ("updated_since", "invalid", "updated_since must be an RFC 3339 time, e.g. 2026-01-31T12:00:00Z.");
    }
#undef FIELD_ERROR

  json_builder_end_array (errors);
  if (!ok)
    {
      g_autoptr(JsonNode) node = json_builder_get_root (errors);
      pd_portal_respond_field_errors (req, node);
      pd_portal_page_clear (page);
    }
  return ok;
}

void
pd_portal_page_clear (PdPortalPage *page)
{
  g_clear_pointer (&page->updated_since, g_free);
  g_clear_pointer (&page->server_time, g_free);
}

void
pd_portal_page_begin (PdPortalPage *page,
                      JsonBuilder  *builder)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* RFC 8288 `Link: <…>; rel="next"`: the same request with the next cursor, so a client can
 * ask for the next page as soon as the headers arrive, before it reads the body. */
static void
set_link_next (PdPortalRequest *req,
               const char      *cursor)
{
  g_autoptr(GString) link = g_string_new ("<");
  g_autofree const char **names = (const char **) g_hash_table_get_keys_as_array (req->query, NULL);
  guint n_names = g_hash_table_size (req->query);

  g_string_append_uri_escaped (link, req->path, "/", FALSE);
  g_string_append_c (link, '?');
  qsort (names, n_names, sizeof *names, compare_names);
  for (guint i = 0; i < n_names; i++)
    {
      if (g_str_equal (names[i], "cursor"))
        continue;
      g_string_append_uri_escaped (link, names[i], NULL, FALSE);
      g_string_append_c (link, '=');
      g_string_append_uri_escaped (link, g_hash_table_lookup (req->query, names[i]), NULL, FALSE);
      g_string_append_c (link, '&');
    }
  g_string_append (link, "cursor=");
  g_string_append_uri_escaped (link, cursor, NULL, FALSE);
  g_string_append (link, ">; rel=\"next\"");
  pd_portal_set_header (req, "Link", link->str);
}

void
pd_portal_page_end (PdPortalRequest *req,
                    PdPortalPage    *page,
                    JsonBuilder     *builder,
                    gboolean         has_more,
                    gint64           last_rowid,
                    const char      *tombstone_kind,
                    gint64           organization_id,
                    const char      *parent_id)
{
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "next_cursor");
  if (has_more)
    {
      g_autofree char *text = g_strdup_printf ("after:%" G_GINT64_FORMAT, last_rowid);
      g_autofree char *cursor = g_base64_encode ((const guchar *) text, strlen (text));
      json_builder_add_string_value (builder, cursor);
      set_link_next (req, cursor);
    }
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "deleted");
  json_builder_begin_array (builder);
  if (page->updated_since != NULL && page->after == 0 && tombstone_kind != NULL)
    {
      sqlite3_stmt *stmt = pd_portal_db_stmt (req->portal,
          "SELECT public_id, deleted_at, organization_id FROM tombstones "
          "WHERE partner_id = ?1 AND kind = ?2 AND deleted_at >= ?3 "
          "AND (?4 = 0 OR organization_id = ?4) AND (?5 IS NULL OR parent_id = ?5) ORDER BY id");

      sqlite3_bind_int64 (stmt, 1, req->caller->partner_id);
      sqlite3_bind_text (stmt, 2, tombstone_kind, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, page->updated_since, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, organization_id);
      sqlite3_bind_text (stmt, 5, parent_id, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          if (sqlite3_column_type (stmt, 2) != SQLITE_NULL &&
              !pd_portal_caller_sees (req->caller, sqlite3_column_int64 (stmt, 2)))
            continue;
          json_builder_begin_object (builder);
          pd_portal_json_text (builder, "id", pd_portal_db_text (stmt, 0));
          pd_portal_json_text (builder, "deleted_at", pd_portal_db_text (stmt, 1));
          json_builder_end_object (builder);
        }
      sqlite3_reset (stmt);
    }
  json_builder_end_array (builder);

  pd_portal_json_text (builder, "server_time", page->server_time);
  json_builder_end_object (builder);
}

/* JSON helpers */

void
pd_portal_json_text (JsonBuilder *builder,
                     const char  *member,
                     const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
pd_portal_json_int (JsonBuilder *builder,
                    const char  *member,
                    gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

void
pd_portal_json_bool (JsonBuilder *builder,
                     const char  *member,
                     gboolean     value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, value);
}

void
pd_portal_json_meta (JsonBuilder *builder,
                     const char  *public_id,
                     gint64       version,
                     const char  *created_at,
                     const char  *updated_at)
{
  g_autofree char *etag = pd_portal_etag (public_id, version);

  pd_portal_json_text (builder, "id", public_id);
  pd_portal_json_text (builder, "etag", etag);
  pd_portal_json_text (builder, "created_at", created_at);
  pd_portal_json_text (builder, "updated_at", updated_at);
}

void
pd_portal_audit (PdPortalRequest *req,
                 const char      *action,
                 const char      *target_type,
                 const char      *target_id,
                 gint64           organization_id,
                 const char      *summary_format,
                 ...)
{
  g_autofree char *summary = NULL;
  g_autofree char *now = pd_portal_now ();
  sqlite3_stmt *stmt;
  va_list args;

  va_start (args, summary_format);
  summary = g_strdup_vprintf (summary_format, args);
  va_end (args);

  stmt = pd_portal_db_stmt (req->portal,
      "INSERT INTO audit_log (partner_id, user_id, actor_email, action, target_type, target_id, "
      "organization_id, summary, request_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  sqlite3_bind_int64 (stmt, 1, req->caller->partner_id);
  sqlite3_bind_int64 (stmt, 2, req->caller->user_id);
  sqlite3_bind_text (stmt, 3, req->caller->email, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, target_type, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, target_id, -1, SQLITE_STATIC);
  if (organization_id > 0)
    sqlite3_bind_int64 (stmt, 7, organization_id);
  sqlite3_bind_text (stmt, 8, summary, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, req->request_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, now, -1, SQLITE_STATIC);
  pd_portal_db_step_done (req->portal, stmt);
}

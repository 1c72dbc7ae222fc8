/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a technician does to an organization besides editing it: reset-password e-mail,
 * one-time client-portal sign-in link (and the page it opens), mapping to a service
 * account, and organization admin access (co-management). */
#include "pd-portal-organizations.h"
#include "pd-portal-validate.h"

#define SIGN_IN_LINK_SECONDS (5 * 60)

/* Loads the organization for an If-Match action inside a transaction; on failure it has
 * responded and rolled back. */
static gboolean
begin_with_if_match (PdPortalRequest *req,
                     gint64           org_id,
                     PdOrgInfo       *info)
{
  g_autofree char *etag = NULL;

  pd_portal_db_begin (req->portal);
  pd_org_info_load (req->portal, org_id, info);
  etag = pd_portal_etag (info->public_id, info->version);
  if (!pd_portal_check_if_match (req, etag))
    {
      pd_portal_db_rollback (req->portal);
      return FALSE;
    }
  return TRUE;
}

static void
respond_state_conflict (PdPortalRequest *req,
                        const char      *title,
                        const char      *detail)
{
  pd_portal_respond_problem (req, SOUP_STATUS_CONFLICT, "conflict", title, "%s", detail);
}

/* POST /organizations/{organization_id}/reset-password */

static void
reset_password (PdPortalRequest *req)
{
  g_auto(PdOrgInfo) info = { 0 };
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  gint64 org_id;

  if (!pd_portal_require (req, "organizations.write") || (org_id = pd_org_from_param (req, req->params[0])) == 0)
    return;
  pd_org_info_load (req->portal, org_id, &info);
  if (g_str_equal (info.status, "deleted"))
    {
      respond_state_conflict (req, "Organization deleted",
                              "The organization's subscription is deleted: it has no sign-in to reset.");
      return;
    }
  if (info.email == NULL)
    {
      respond_state_conflict (req, "No contact e-mail",
                              "The organization has no contact e-mail address. Add one, then send the e-mail.");
      return;
    }

  now = pd_portal_now ();
  pd_portal_db_begin (req->portal);
  stmt = pd_portal_db_stmt (req->portal,
      "INSERT INTO organization_password_resets (organization_id, user_id, sent_to, sent_at) "
      "VALUES (?1, ?2, ?3, ?4)");
  sqlite3_bind_int64 (stmt, 1, org_id);
  sqlite3_bind_int64 (stmt, 2, req->caller->user_id);
  sqlite3_bind_text (stmt, 3, info.email, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
  pd_portal_db_step_done (req->portal, stmt);
  pd_portal_audit (req, "organization.send_reset_password", "organization", info.public_id, org_id,
                   "Sent a reset-password e-mail for “%s” to %s", info.name, info.email);
  pd_portal_db_commit (req->portal);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  pd_portal_json_text (builder, "sent_to", info.email);
  pd_portal_json_text (builder, "sent_at", now);
  json_builder_end_object (builder);
  pd_portal_respond_builder (req, SOUP_STATUS_ACCEPTED, builder, NULL);
}

/* POST /organizations/{organization_id}/sign-in-link */

static void
create_sign_in_link (PdPortalRequest *req)
{
  g_auto(PdOrgInfo) info = { 0 };
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *token = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *url = NULL;
  g_autofree char *now = NULL;
  g_autofree char *expires = NULL;
  sqlite3_stmt *stmt;
  gint64 org_id;

  if (!pd_portal_require (req, "organizations.sign_in") || (org_id = pd_org_from_param (req, req->params[0])) == 0 ||
      !pd_portal_require_authority (req, org_id))
    return;
  pd_org_info_load (req->portal, org_id, &info);
  if (g_str_equal (info.status, "deleted") || g_str_equal (info.status, "suspended"))
    {
      g_autofree char *detail = g_strdup_printf ("The organization is %s: its client portal is closed.", info.status);
      respond_state_conflict (req, "Client portal closed", detail);
      return;
    }

  token = pd_portal_random_token ("cpl_", 24);
  hash = pd_portal_sha256_hex (token);
  now = pd_portal_now ();
  expires = pd_portal_time_format (g_get_real_time () + (gint64) SIGN_IN_LINK_SECONDS * G_USEC_PER_SEC);
  url = g_strdup_printf ("%s/client-portal/sign-in/%s", req->portal->base_url ? req->portal->base_url : "", token);

  pd_portal_db_begin (req->portal);
  stmt = pd_portal_db_stmt (req->portal,
      "INSERT INTO client_portal_links (token_hash, organization_id, user_id, created_at, expires_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5)");
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, org_id);
  sqlite3_bind_int64 (stmt, 3, req->caller->user_id);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, expires, -1, SQLITE_STATIC);
  pd_portal_db_step_done (req->portal, stmt);
  pd_portal_audit (req, "organization.sign_in_link", "organization", info.public_id, org_id,
                   "Created a client-portal sign-in link for “%s”", info.name);
  pd_portal_db_commit (req->portal);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  pd_portal_json_text (builder, "url", url);
  pd_portal_json_text (builder, "expires_at", expires);
  json_builder_end_object (builder);
  pd_portal_set_header (req, "Location", url);
  pd_portal_set_header (req, "Cache-Control", "no-store");
  pd_portal_respond_builder (req, SOUP_STATUS_CREATED, builder, NULL);
}

/* GET /client-portal/sign-in/{token}: the plain HTML stand-in for the client portal. */

static const char page_style[] =
  "<style>body{font-family:sans-serif;max-width:42rem;margin:3rem auto;padding:0 1rem;color:#222}"
  "table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.3rem .5rem;"
  "border-bottom:1px solid #ccc}@media(prefers-color-scheme:dark){body{background:#222;color:#eee}}</style>";

static void
respond_page (PdPortalRequest *req,
              guint            status,
              const char      *title,
              const char      *body)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  g_autofree char *html = g_strdup_printf ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                                           "<meta name=\"viewport\" content=\"width=device-width\">"
                                           "<title>%s</title>%s</head><body><main>%s</main></body></html>\n",
                                           escaped, page_style, body);

  /* The URL carries a credential: no caching, no referrer. */
  pd_portal_set_header (req, "Cache-Control", "no-store");
  pd_portal_set_header (req, "Referrer-Policy", "no-referrer");
  pd_portal_respond_html (req, status, html);
}

static void
client_portal_sign_in (PdPortalRequest *req)
{
  g_autofree char *hash = pd_portal_sha256_hex (req->params[0]);
  g_autofree char *now = pd_portal_now ();
  g_autofree char *name = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GString) body = NULL;
  sqlite3_stmt *stmt;
  gint64 org_id = 0;

  /* Consumed atomically: of two requests racing for one link, one gets the page. */
  stmt = pd_portal_db_stmt (req->portal,
      "UPDATE client_portal_links SET used_at = ?2 WHERE token_hash = ?1 AND used_at IS NULL AND expires_at > ?2 "
      "AND organization_id IN (SELECT id FROM organizations WHERE status NOT IN ('deleted', 'suspended')) "
      "RETURNING organization_id");
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  org_id = pd_portal_db_scalar (req->portal, stmt, 0);
  if (org_id == 0)
    {
      respond_page (req, SOUP_STATUS_GONE, "Link no longer valid",
                    "<h1>This sign-in link is no longer valid</h1><p>Client-portal sign-in links work once and "
                    "for five minutes. Ask your service provider for a new link.</p>");
      return;
    }

  stmt = pd_portal_db_stmt (req->portal, "SELECT name FROM organizations WHERE id = ?1");
  sqlite3_bind_int64 (stmt, 1, org_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = g_strdup (pd_portal_db_text (stmt, 0));
  sqlite3_reset (stmt);
  escaped = g_markup_escape_text (name ? name : "", -1);
  title = g_strdup_printf ("Client portal — %s", name ? name : "");

  body = g_string_new (NULL);
  g_string_append_printf (body, "<h1>%s</h1><p>You are signed in to the client portal of %s. From here the "
                          "organization's administrators see and restore their own backups.</p>"
                          "<table><thead><tr><th>Application</th><th>Backup</th><th>Protected seats</th></tr>"
                          "</thead><tbody>", escaped, escaped);
  stmt = pd_portal_db_stmt (req->portal,
      "SELECT application, backup_status, seats_managed, seats_total FROM services WHERE organization_id = ?1 ORDER BY id");
  sqlite3_bind_int64 (stmt, 1, org_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (body, "<tr><td>%s</td><td>%s</td><td>%d of %d</td></tr>",
                            pd_portal_db_text (stmt, 0), pd_portal_db_text (stmt, 1),
                            sqlite3_column_int (stmt, 2), sqlite3_column_int (stmt, 3));
  sqlite3_reset (stmt);
  g_string_append (body, "</tbody></table>");
  respond_page (req, SOUP_STATUS_OK, title, body->str);
}

/* GET /organizations/{organization_id}/mapping/candidates */

static void
list_mapping_candidates (PdPortalRequest *req)
{
  PdPortalPage page;
  g_autoptr(GString) items = NULL;
  g_autofree char *q = NULL;
  const char *q_text = pd_portal_query (req, "q");
  sqlite3_stmt *stmt;
  gint64 last_id = 0;
  guint n = 0;
  gboolean has_more = FALSE;

  if (!pd_portal_require (req, "organizations.read") || pd_org_from_param (req, req->params[0]) == 0 ||
      !pd_portal_page_parse (req, &page))
    return;
  if (q_text != NULL && g_utf8_strlen (q_text, -1) > 200)
    {
      g_autoptr(JsonBuilder) errors = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;

      json_builder_begin_array (errors);
      json_builder_begin_object (errors);
      pd_portal_json_text (errors, "field", "q");
      pd_portal_json_text (errors, "code", "too_long");
      pd_portal_json_text (errors, "message", "q can have at most 200 characters.");
      json_builder_end_object (errors);
      json_builder_end_array (errors);
      node = json_builder_get_root (errors);
      pd_portal_respond_field_errors (req, node);
      pd_portal_page_clear (&page);
      return;
    }
  if (q_text != NULL && *q_text != '\0')
    q = g_utf8_casefold (q_text, -1);

  stmt = pd_portal_db_stmt (req->portal,
      "SELECT sa.id, sa.name, sa.domain, o.id FROM service_accounts sa "
      "LEFT JOIN organizations o ON o.mapped_service_account = 'sa_' || sa.id "
      "WHERE sa.partner_id = ?1 AND sa.id > ?2 AND (?3 IS NULL OR instr('sa_' || sa.id, ?3) > 0 "
      "OR instr(casefold(sa.name), ?3) > 0 OR instr(casefold(coalesce(sa.domain, '')), ?3) > 0) "
      "ORDER BY sa.id LIMIT ?4");
  sqlite3_bind_int64 (stmt, 1, req->caller->partner_id);
  sqlite3_bind_int64 (stmt, 2, page.after);
  sqlite3_bind_text (stmt, 3, q, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, (int) page.limit + 1);
  items = pd_org_list_begin (4096);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (n == page.limit)
        {
          has_more = TRUE;
          break;
        }
      last_id = sqlite3_column_int64 (stmt, 0);
      g_string_append_printf (items, "%s{\"id\":\"sa_%" G_GINT64_FORMAT "\",", n++ ? "," : "", last_id);
      pd_json_member_string (items, "name", pd_portal_db_text (stmt, 1));
      pd_json_member_string (items, "domain", pd_portal_db_text (stmt, 2));
      g_string_append (items, "\"linked_organization_id\":");
      if (sqlite3_column_type (stmt, 3) == SQLITE_NULL)
        g_string_append (items, "null}");
      else
        g_string_append_printf (items, "\"org_%" G_GINT64_FORMAT "\"}", (gint64) sqlite3_column_int64 (stmt, 3));
    }
  sqlite3_reset (stmt);
  pd_org_respond_list (req, &page, g_steal_pointer (&items), has_more, last_id, NULL, 0);
  pd_portal_page_clear (&page);
}

/* PUT /organizations/{organization_id}/mapping */

static void
map_organization (PdPortalRequest *req)
{
  static const char *const fields[] = { "service_account_id", NULL };
  g_auto(PdOrgInfo) info = { 0 };
  g_autoptr(PdPortalValidation) v = NULL;
  g_autofree char *account_name = NULL;
  g_autofree char *now = NULL;
  const char *account_id;
  sqlite3_stmt *stmt;
  gint64 org_id, account_rowid = 0, linked_to;

  if (!pd_portal_require (req, "organizations.write") || (org_id = pd_org_from_param (req, req->params[0])) == 0)
    return;

  v = pd_portal_validation_new (req);
  pd_portal_validation_only (v, fields);
  account_id = pd_portal_validate_string (v, "service_account_id", PD_FIELD_REQUIRED, 1, 40);
  if (account_id != NULL)
    {
      stmt = pd_portal_db_stmt (req->portal, "SELECT name FROM service_accounts WHERE id = ?1 AND partner_id = ?2");
      if (pd_portal_id_parse ("sa", account_id, &account_rowid))
        {
          sqlite3_bind_int64 (stmt, 1, account_rowid);
          sqlite3_bind_int64 (stmt, 2, req->caller->partner_id);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            account_name = g_strdup (pd_portal_db_text (stmt, 0));
          sqlite3_reset (stmt);
        }
      if (account_name == NULL)
        pd_portal_validation_error (v, "service_account_id", "not_found",
                                    "There is no service account “%s”; pick one of the mapping candidates.", account_id);
    }
  if (pd_portal_validation_failed (v))
    return;

  if (!begin_with_if_match (req, org_id, &info))
    return;
  stmt = pd_portal_db_stmt (req->portal, "SELECT id FROM organizations WHERE mapped_service_account = ?1 AND id != ?2");
  sqlite3_bind_text (stmt, 1, account_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, org_id);
  linked_to = pd_portal_db_scalar (req->portal, stmt, 0);
  if (linked_to != 0)
    {
      g_autofree char *detail = g_strdup_printf ("The service account %s is linked to the organization org_%"
                                                 G_GINT64_FORMAT ". Unlink it there first.", account_id, linked_to);
      pd_portal_db_rollback (req->portal);
      respond_state_conflict (req, "Service account already linked", detail);
      return;
    }
  if (g_strcmp0 (info.mapped_service_account, account_id) == 0)
    {
      pd_portal_db_rollback (req->portal);
      pd_org_respond (req, SOUP_STATUS_OK, org_id);
      return;
    }

  now = pd_portal_now ();
  stmt = pd_portal_db_stmt (req->portal,
      "UPDATE organizations SET mapping_status = 'mapped', mapped_service_account = ?2, "
      "version = version + 1, updated_at = ?3 WHERE id = ?1");
  sqlite3_bind_int64 (stmt, 1, org_id);
  sqlite3_bind_text (stmt, 2, account_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  pd_portal_db_step_done (req->portal, stmt);
  pd_portal_audit (req, "organization.map", "organization", info.public_id, org_id,
                   "Linked “%s” to the service account “%s” (%s)", info.name, account_name, account_id);
  pd_portal_db_commit (req->portal);
  pd_org_respond (req, SOUP_STATUS_OK, org_id);
}

/* DELETE /organizations/{organization_id}/mapping */

static void
unmap_organization (PdPortalRequest *req)
{
  g_auto(PdOrgInfo) info = { 0 };
  sqlite3_stmt *stmt;
  g_autofree char *now = NULL;
  gint64 org_id;

  if (!pd_portal_require (req, "organizations.write") || (org_id = pd_org_from_param (req, req->params[0])) == 0)
    return;
  if (!begin_with_if_match (req, org_id, &info))
    return;
  if (info.mapped_service_account == NULL)
    {
      pd_portal_db_rollback (req->portal);
      pd_org_respond (req, SOUP_STATUS_OK, org_id);
      return;
    }
  if (info.admin_access)
    {
      pd_portal_db_rollback (req->portal);
      respond_state_conflict (req, "Admin access is on",
                              "The organization's admin access needs its service-account link. "
                              "Turn admin access off first.");
      return;
    }

  now = pd_portal_now ();
  stmt = pd_portal_db_stmt (req->portal,
      "UPDATE organizations SET mapping_status = 'unmapped', mapped_service_account = NULL, "
      "version = version + 1, updated_at = ?2 WHERE id = ?1");
  sqlite3_bind_int64 (stmt, 1, org_id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  pd_portal_db_step_done (req->portal, stmt);
  pd_portal_audit (req, "organization.unmap", "organization", info.public_id, org_id,
                   "Unlinked “%s” from the service account %s", info.name, info.mapped_service_account);
  pd_portal_db_commit (req->portal);
  pd_org_respond (req, SOUP_STATUS_OK, org_id);
}

/* PUT /organizations/{organization_id}/admin-access */

static void
set_admin_access (PdPortalRequest *req)
{
  static const char *const fields[] = { "enabled", NULL };
  g_auto(PdOrgInfo) info = { 0 };
  g_autoptr(PdPortalValidation) v = NULL;
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  gboolean enabled = FALSE;
  gint64 org_id;
  int n_services;

  if (!pd_portal_require (req, "organizations.write") || (org_id = pd_org_from_param (req, req->params[0])) == 0)
    return;
  v = pd_portal_validation_new (req);
  pd_portal_validation_only (v, fields);
  pd_portal_validate_bool (v, "enabled", PD_FIELD_REQUIRED, &enabled);
  if (pd_portal_validation_failed (v))
    return;

  if (!begin_with_if_match (req, org_id, &info))
    return;
  if (enabled == info.admin_access)
    {
      pd_portal_db_rollback (req->portal);
      pd_org_respond (req, SOUP_STATUS_OK, org_id);
      return;
    }
  if (enabled && info.mapped_service_account == NULL)
    {
      pd_portal_db_rollback (req->portal);
      respond_state_conflict (req, "Organization not mapped",
                              "Admin access goes through the organization's service account: map the "
                              "organization first.");
      return;
    }

  /* Partner-managed services become co-managed and back; client-managed ones stay. */
  now = pd_portal_now ();
  stmt = pd_portal_db_stmt (req->portal,
      "UPDATE services SET management_mode = ?2, version = version + 1, updated_at = ?4 "
      "WHERE organization_id = ?1 AND management_mode = ?3");
  sqlite3_bind_int64 (stmt, 1, org_id);
  sqlite3_bind_text (stmt, 2, enabled ? "co_managed" : "partner", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, enabled ? "partner" : "co_managed", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
  pd_portal_db_step_done (req->portal, stmt);
  n_services = sqlite3_changes (req->portal->db);

  stmt = pd_portal_db_stmt (req->portal,
      "UPDATE organizations SET admin_access = ?2, version = version + 1, updated_at = ?3 WHERE id = ?1");
  sqlite3_bind_int64 (stmt, 1, org_id);
  sqlite3_bind_int (stmt, 2, enabled);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  pd_portal_db_step_done (req->portal, stmt);
  pd_portal_audit (req, "organization.admin_access", "organization", info.public_id, org_id,
                   "%s admin access for “%s” (%d service%s now %s)", enabled ? "Turned on" : "Turned off",
                   info.name, n_services, n_services == 1 ? "" : "s", enabled ? "co-managed" : "partner-managed");
  pd_portal_db_commit (req->portal);
  pd_org_respond (req, SOUP_STATUS_OK, org_id);
}

void
pd_org_register_action_routes (PdPortal *portal)
{
  pd_portal_route (portal, "POST", "/api/v1/organizations/{organization_id}/reset-password",
                   PD_PORTAL_ROUTE_DEFAULT, reset_password);
  pd_portal_route (portal, "POST", "/api/v1/organizations/{organization_id}/sign-in-link",
                   PD_PORTAL_ROUTE_DEFAULT, create_sign_in_link);
  pd_portal_route (portal, "GET", "/client-portal/sign-in/{token}",
                   PD_PORTAL_ROUTE_PUBLIC | PD_PORTAL_ROUTE_RAW, client_portal_sign_in);
  pd_portal_route (portal, "GET", "/api/v1/organizations/{organization_id}/mapping/candidates",
                   PD_PORTAL_ROUTE_DEFAULT, list_mapping_candidates);
  pd_portal_route (portal, "PUT", "/api/v1/organizations/{organization_id}/mapping",
                   PD_PORTAL_ROUTE_DEFAULT, map_organization);
  pd_portal_route (portal, "DELETE", "/api/v1/organizations/{organization_id}/mapping",
                   PD_PORTAL_ROUTE_DEFAULT, unmap_organization);
  pd_portal_route (portal, "PUT", "/api/v1/organizations/{organization_id}/admin-access",
                   PD_PORTAL_ROUTE_DEFAULT, set_admin_access);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Services of an organization: one protected SaaS application each. Their demo data is seeded
 * with the organizations (pd-portal-organizations-seed.c), whose totals they make up. */
#include "pd-portal-modules.h"
#include "pd-portal-organizations.h"
#include "pd-portal-validate.h"

/* Seats of a new service when the organization has no other service yet. */
#define DEFAULT_SEATS 10

typedef struct {
  gint64  org_id;
  gint64  service_id;
  char   *public_id;
  char   *application;
  char   *backup_status;
  char   *last_backup_at;
  char   *authorization_state;
  char   *management_mode;
  gint64  version;
} ServiceInfo;

static void
service_info_clear (ServiceInfo *info)
{
  g_clear_pointer (&info->public_id, g_free);
  g_clear_pointer (&info->application, g_free);
  g_clear_pointer (&info->backup_status, g_free);
  g_clear_pointer (&info->last_backup_at, g_free);
  g_clear_pointer (&info->authorization_state, g_free);
  g_clear_pointer (&info->management_mode, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ServiceInfo, service_info_clear)

/* Resolves {organization_id}/services/{service_id} for the caller; responds 404 otherwise. */
static gboolean
service_from_params (PdPortalRequest *req,
                     ServiceInfo     *info)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  memset (info, 0, sizeof *info);
  if ((info->org_id = pd_org_from_param (req, req->params[0])) == 0)
    return FALSE;
  if (pd_portal_id_parse ("svc", req->params[1], &info->service_id))
    {
      stmt = pd_portal_db_stmt (req->portal,
          "SELECT application, backup_status, last_backup_at, authorization_state, management_mode, version "
          "FROM services "
          "WHERE id = ?1 AND organization_id = ?2");
      sqlite3_bind_int64 (stmt, 1, info->service_id);
      sqlite3_bind_int64 (stmt, 2, info->org_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          found = TRUE;
          info->public_id = pd_portal_id_format ("svc", info->service_id);
          info->application = g_strdup (pd_portal_db_text (stmt, 0));
          info->backup_status = g_strdup (pd_portal_db_text (stmt, 1));
          info->last_backup_at = g_strdup (pd_portal_db_text (stmt, 2));
          info->authorization_state = g_strdup (pd_portal_db_text (stmt, 3));
          info->management_mode = g_strdup (pd_portal_db_text (stmt, 4));
          info->version = sqlite3_column_int64 (stmt, 5);
        }
      sqlite3_reset (stmt);
    }
  if (!found)
    pd_portal_respond_not_found (req, "service");
  return found;
}

static void
respond_service (PdPortalRequest *req,
                 guint            status,
                 gint64           org_id,
                 gint64           service_id)
{
  g_autoptr(GString) out = g_string_sized_new (700);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *etag = NULL;
  sqlite3_stmt *stmt = pd_portal_db_stmt (req->portal,
      "SELECT " PD_SERVICE_COLUMNS " FROM services s WHERE s.id = ?1");

  sqlite3_bind_int64 (stmt, 1, service_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      pd_portal_respond_not_found (req, "service");
      return;
    }
  pd_org_write_service (out, stmt);
  etag = g_strdup_printf ("\"svc_%" G_GINT64_FORMAT ".%" G_GINT64_FORMAT "\"", service_id, (gint64) sqlite3_column_int64 (stmt, 1));
  sqlite3_reset (stmt);

  if (status == SOUP_STATUS_CREATED)
    {
      g_autofree char *location = g_strdup_printf ("/api/v1/organizations/org_%" G_GINT64_FORMAT "/services/svc_%"
                                                   G_GINT64_FORMAT, org_id, service_id);
      pd_portal_set_header (req, "Location", location);
    }
  pd_portal_set_header (req, "ETag", etag);
  bytes = g_string_free_to_bytes (g_steal_pointer (&out));
  pd_portal_respond_bytes (req, status, "application/json", bytes);
}

/* A service changed: the organization that embeds it changed too (and its storage total). */
static void
touch_organization (PdPortal *portal,
                    gint64    org_id)
{
  g_autofree char *now = pd_portal_now ();
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal,
      "UPDATE organizations SET storage_bytes = (SELECT coalesce(sum(storage_bytes), 0) FROM services "
      "WHERE organization_id = ?1), version = version + 1, updated_at = ?2 WHERE id = ?1");

  sqlite3_bind_int64 (stmt, 1, org_id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  pd_portal_db_step_done (portal, stmt);
}

static gboolean
begin_with_if_match (PdPortalRequest *req,
                     ServiceInfo     *info)
{
  g_autofree char *etag = pd_portal_etag (info->public_id, info->version);

  pd_portal_db_begin (req->portal);
  if (!pd_portal_check_if_match (req, etag))
    {
      pd_portal_db_rollback (req->portal);
      return FALSE;
    }
  return TRUE;
}

/* GET /organizations/{organization_id}/services */

static void
list_services (PdPortalRequest *req)
{
  PdPortalPage page;
  g_autoptr(GString) items = NULL;
  sqlite3_stmt *stmt;
  gint64 org_id, last_id = 0;
  guint n = 0;
  gboolean has_more = FALSE;

  if (!pd_portal_require (req, "organizations.read") || (org_id = pd_org_from_param (req, req->params[0])) == 0 ||
      !pd_portal_page_parse (req, &page))
    return;

  stmt = pd_portal_db_stmt (req->portal,
      "SELECT " PD_SERVICE_COLUMNS " FROM services s WHERE s.organization_id = ?1 AND s.id > ?2 "
      "AND (?3 IS NULL OR s.updated_at >= ?3) ORDER BY s.id LIMIT ?4");
  sqlite3_bind_int64 (stmt, 1, org_id);
  sqlite3_bind_int64 (stmt, 2, page.after);
  sqlite3_bind_text (stmt, 3, page.updated_since, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, (int) page.limit + 1);
  items = pd_org_list_begin (4096);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (n == page.limit)
        {
          has_more = TRUE;
          break;
        }
      if (n++ > 0)
        g_string_append_c (items, ',');
      pd_org_write_service (items, stmt);
      last_id = sqlite3_column_int64 (stmt, 0);
    }
  sqlite3_reset (stmt);
  pd_org_respond_list (req, &page, g_steal_pointer (&items), has_more, last_id, "service", org_id);
  pd_portal_page_clear (&page);
}

/* GET /organizations/{organization_id}/services/{service_id} */

static void
get_service (PdPortalRequest *req)
{
  g_auto(ServiceInfo) info = { 0 };

  if (!pd_portal_require (req, "organizations.read") || !service_from_params (req, &info))
    return;
  respond_service (req, SOUP_STATUS_OK, info.org_id, info.service_id);
}

/* POST /organizations/{organization_id}/services */

static void
create_service (PdPortalRequest *req)
{
  static const char *const fields[] = { "suite", "application", NULL };
  static const char *const all_applications[] = {
    "exchange", "onedrive", "sharepoint", "teams", "gmail", "drive", "calendar", "contacts", "shared_drives", NULL
  };
  g_auto(PdOrgInfo) org = { 0 };
  g_autoptr(PdPortalValidation) v = NULL;
  g_autofree char *now = NULL;
  g_autofree char *service_public_id = NULL;
  const char *suite, *application, *mode;
  sqlite3_stmt *stmt;
  gint64 org_id, service_id, seats;

  if (!pd_portal_require (req, "organizations.write") || (org_id = pd_org_from_param (req, req->params[0])) == 0)
    return;

  v = pd_portal_validation_new (req);
  pd_portal_validation_only (v, fields);
  suite = pd_portal_validate_enum (v, "suite", PD_FIELD_REQUIRED, pd_service_suites);
  application = pd_portal_validate_enum (v, "application", PD_FIELD_REQUIRED, all_applications);
  if (suite != NULL && application != NULL && !g_strv_contains (pd_service_applications (suite), application))
    {
      g_autofree char *list = g_strjoinv (", ", (GStrv) pd_service_applications (suite));
      pd_portal_validation_error (v, "application", "wrong_suite", "“%s” is not an application of %s; choose one of: %s.",
                                  application, suite, list);
    }
  if (pd_portal_validation_failed (v))
    return;

  pd_portal_db_begin (req->portal);
  pd_org_info_load (req->portal, org_id, &org);
  if (g_str_equal (org.status, "deleted"))
    {
      pd_portal_db_rollback (req->portal);
      pd_portal_respond_conflict (req, "The organization's subscription is deleted: it cannot get new services.");
      return;
    }
  stmt = pd_portal_db_stmt (req->portal,
      "SELECT count(*), coalesce(max(seats_total), 0), coalesce(sum(application = ?2), 0) FROM services "
      "WHERE organization_id = ?1");
  sqlite3_bind_int64 (stmt, 1, org_id);
  sqlite3_bind_text (stmt, 2, application, -1, SQLITE_STATIC);
  sqlite3_step (stmt);
  /* One tenant, one license tier: a new service gets the seats of the others; a personal
   * plan has one seat. */
  seats = sqlite3_column_int64 (stmt, 0) > 0 ? (gint64) sqlite3_column_int64 (stmt, 1) : DEFAULT_SEATS;
  if (g_str_equal (org.plan_type, "personal"))
    seats = 1;
  if ((gint64) sqlite3_column_int64 (stmt, 2) > 0)
    {
      sqlite3_reset (stmt);
      pd_portal_db_rollback (req->portal);
      pd_portal_respond_problem (req, SOUP_STATUS_CONFLICT, "conflict", "Service exists",
                                 "“%s” already has the %s service.", org.name, application);
      return;
    }
  sqlite3_reset (stmt);

  mode = g_str_equal (org.relationship, "reseller") ? "client" : org.admin_access ? "co_managed" : "partner";
  now = pd_portal_now ();
  stmt = pd_portal_db_stmt (req->portal,
      "INSERT INTO services (organization_id, suite, application, management_mode, authorization_state, "
      "backup_status, seats_total, created_at, updated_at) "
      "VALUES (?1, ?2, ?3, ?4, 'unauthorized', 'never_run', ?5, ?6, ?6) RETURNING id");
  sqlite3_bind_int64 (stmt, 1, org_id);
  sqlite3_bind_text (stmt, 2, suite, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, application, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, mode, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, seats);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);
  service_id = pd_portal_db_scalar (req->portal, stmt, 0);
  touch_organization (req->portal, org_id);
  service_public_id = pd_portal_id_format ("svc", service_id);
  pd_portal_audit (req, "service.create", "service", service_public_id, org_id,
                   "Added the %s service to “%s”", application, org.name);
  pd_portal_db_commit (req->portal);
  respond_service (req, SOUP_STATUS_CREATED, org_id, service_id);
}

/* PATCH /organizations/{organization_id}/services/{service_id} */

static void
update_service (PdPortalRequest *req)
{
  static const char *const fields[] = { "management_mode", "paused", NULL };
  g_auto(ServiceInfo) info = { 0 };
  g_auto(PdOrgInfo) org = { 0 };
  g_autoptr(PdPortalValidation) v = NULL;
  g_autofree char *now = NULL;
  g_autofree char *next_backup = NULL;
  g_autoptr(GString) summary = g_string_new (NULL);
  const char *mode, *backup_status = NULL;
  gboolean paused = FALSE, set_paused;
  sqlite3_stmt *stmt;

  if (!pd_portal_require (req, "services.write") || !service_from_params (req, &info) ||
      !pd_portal_require_authority (req, info.org_id))
    return;

  v = pd_portal_validation_new (req);
  pd_portal_validation_only (v, fields);
  mode = pd_portal_validate_enum (v, "management_mode", PD_FIELD_OPTIONAL, pd_service_management_modes);
  set_paused = pd_portal_validate_bool (v, "paused", PD_FIELD_OPTIONAL, &paused);
  if (pd_portal_validation_failed (v))
    return;

  if (!begin_with_if_match (req, &info))
    return;
  pd_org_info_load (req->portal, info.org_id, &org);
  /* Admin access decides between partner-managed and co-managed (PUT …/admin-access). */
  if (mode != NULL && ((org.admin_access && g_str_equal (mode, "partner")) ||
                       (!org.admin_access && g_str_equal (mode, "co_managed"))))
    {
      pd_portal_db_rollback (req->portal);
      pd_portal_respond_problem (req, SOUP_STATUS_CONFLICT, "conflict", "Admin access decides",
                                 "With the organization's admin access %s, a service the partner manages is %s. "
                                 "Change the organization's admin access instead.",
                                 org.admin_access ? "on" : "off", org.admin_access ? "co-managed" : "partner-managed");
      return;
    }

  if (mode != NULL && g_str_equal (mode, info.management_mode))
    mode = NULL;
  now = pd_portal_now ();
  if (set_paused && paused && !g_str_equal (info.backup_status, "paused"))
    backup_status = "paused";
  else if (set_paused && !paused && g_str_equal (info.backup_status, "paused"))
    {
      backup_status = info.last_backup_at != NULL ? "success" : "never_run";
      if (g_str_equal (info.authorization_state, "authorized"))
        next_backup = pd_portal_time_format (g_get_real_time () + (gint64) 3600 * G_USEC_PER_SEC);
    }
  if (mode != NULL)
    g_string_append_printf (summary, "management %s", mode);
  if (backup_status != NULL)
    g_string_append_printf (summary, "%s%s", summary->len ? ", " : "", paused ? "paused" : "resumed");

  if (mode == NULL && backup_status == NULL)
    {
      pd_portal_db_rollback (req->portal);
      respond_service (req, SOUP_STATUS_OK, info.org_id, info.service_id);
      return;
    }
  stmt = pd_portal_db_stmt (req->portal,
      "UPDATE services SET management_mode = coalesce(?2, management_mode), "
      "backup_status = coalesce(?3, backup_status), "
      "next_backup_at = CASE WHEN ?3 IS NULL THEN next_backup_at ELSE ?4 END, "
      "jobs_running = CASE WHEN ?3 = 'paused' THEN 0 ELSE jobs_running END, "
      "jobs_retrying = CASE WHEN ?3 = 'paused' THEN 0 ELSE jobs_retrying END, "
      "version = version + 1, updated_at = ?5 WHERE id = ?1");
  sqlite3_bind_int64 (stmt, 1, info.service_id);
  sqlite3_bind_text (stmt, 2, mode, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, backup_status, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, next_backup, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
  pd_portal_db_step_done (req->portal, stmt);
  touch_organization (req->portal, info.org_id);
  pd_portal_audit (req, "service.update", "service", info.public_id, info.org_id,
                   "Changed the %s service of “%s”: %s", info.application, org.name, summary->str);
  pd_portal_db_commit (req->portal);
  respond_service (req, SOUP_STATUS_OK, info.org_id, info.service_id);
}

/* DELETE /organizations/{organization_id}/services/{service_id} */

static void
delete_service (PdPortalRequest *req)
{
  g_auto(ServiceInfo) info = { 0 };
  g_auto(PdOrgInfo) org = { 0 };
  sqlite3_stmt *stmt;

  if (!pd_portal_require (req, "organizations.write") || !service_from_params (req, &info))
    return;
  if (!begin_with_if_match (req, &info))
    return;
  pd_org_info_load (req->portal, info.org_id, &org);
  stmt = pd_portal_db_stmt (req->portal, "DELETE FROM services WHERE id = ?1");
  sqlite3_bind_int64 (stmt, 1, info.service_id);
  pd_portal_db_step_done (req->portal, stmt);
  pd_portal_db_tombstone (req->portal, req->caller->partner_id, "service", info.public_id, info.org_id, org.public_id);
  touch_organization (req->portal, info.org_id);
  pd_portal_audit (req, "service.delete", "service", info.public_id, info.org_id,
                   "Removed the %s service of “%s” with its accounts", info.application, org.name);
  pd_portal_db_commit (req->portal);
  pd_portal_respond_no_content (req);
}

static void
register_routes (PdPortal *portal)
{
  pd_portal_route (portal, "GET", "/api/v1/organizations/{organization_id}/services",
                   PD_PORTAL_ROUTE_DEFAULT, list_services);
  pd_portal_route (portal, "POST", "/api/v1/organizations/{organization_id}/services",
                   PD_PORTAL_ROUTE_DEFAULT, create_service);
  pd_portal_route (portal, "GET", "/api/v1/organizations/{organization_id}/services/{service_id}",
                   PD_PORTAL_ROUTE_DEFAULT, get_service);
  pd_portal_route (portal, "PATCH", "/api/v1/organizations/{organization_id}/services/{service_id}",
                   PD_PORTAL_ROUTE_DEFAULT, update_service);
  pd_portal_route (portal, "DELETE", "/api/v1/organizations/{organization_id}/services/{service_id}",
                   PD_PORTAL_ROUTE_DEFAULT, delete_service);
}

const PdPortalModule pd_portal_module_services = {
  .name = "services",
  .register_routes = register_routes,
};

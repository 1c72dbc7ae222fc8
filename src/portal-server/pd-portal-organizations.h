/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the organizations and services modules: their JSON and small helpers.
 *
 * Organizations travel with their services embedded, and the tile grid reads 500 of them a
 * page (about a megabyte), so their JSON is written straight into a GString instead of being
 * built as a JsonNode tree and then serialized. */
#pragma once

#include "pd-portal-http.h"
#include "pd-portal-db.h"
#include "pd-portal-seed.h"

G_BEGIN_DECLS

/* The columns pd_org_write_head() reads, for a SELECT on organizations aliased o. */
#define PD_ORG_COLUMNS \
  "o.id, o.version, o.created_at, o.updated_at, o.name, o.email, o.domain, o.status, " \
  "o.plan_name, o.plan_type, o.plan_price_cents, o.currency, o.region, o.country, " \
  "o.credential_status, o.relationship, o.mapping_status, o.mapped_service_account, " \
  "o.admin_access, o.storage_bytes"

/* The columns pd_org_write_service() reads, for a SELECT on services aliased s. */
#define PD_SERVICE_COLUMNS \
  "s.id, s.version, s.created_at, s.updated_at, s.organization_id, s.suite, s.application, " \
  "s.management_mode, s.authorization_state, s.backup_status, s.last_backup_at, s.next_backup_at, " \
  "s.jobs_success, s.jobs_running, s.jobs_retrying, s.jobs_failed, " \
  "s.seats_total, s.seats_managed, s.seats_unprotected, s.storage_bytes"

/* Enumerations of the contract, NULL-terminated. */
extern const char *const pd_org_statuses[];
extern const char *const pd_org_plan_types[];
extern const char *const pd_org_credential_statuses[];
extern const char *const pd_org_relationships[];
extern const char *const pd_org_mapping_statuses[];
extern const char *const pd_org_regions[];
extern const char *const pd_service_suites[];
extern const char *const pd_service_management_modes[];

/* The applications of @suite, NULL-terminated, or NULL for an unknown suite. */
const char *const *pd_service_applications (const char *suite);

/* The data region a country's tenants usually live in (us for the rest of the world). */
const char *pd_org_region_for_country (const char *country);

/* JSON text: a quoted, escaped string (or null for NULL), with a member name. */
void      pd_json_append_string       (GString      *out,
                                       const char   *value);
void      pd_json_member_string       (GString      *out,
                                       const char   *member,
                                       const char   *value);
void      pd_json_member_int          (GString      *out,
                                       const char   *member,
                                       gint64        value);

/* One service from a row of PD_SERVICE_COLUMNS starting at column 0. */
void      pd_org_write_service        (GString      *out,
                                       sqlite3_stmt *stmt);

/* Steps @orgs (rows of PD_ORG_COLUMNS, ordered by id) and writes at most @max organizations
 * with their services, comma-separated. One more row means *has_more. Resets @orgs. */
guint     pd_org_write_rows           (PdPortal     *portal,
                                       GString      *out,
                                       sqlite3_stmt *orgs,
                                       guint         max,
                                       gint64       *last_id,
                                       gboolean     *has_more);

/* The organization's current version (0 when it does not exist) and ETag. */
gint64    pd_org_version              (PdPortal     *portal,
                                       gint64        org_id);
char     *pd_org_etag                 (PdPortal     *portal,
                                       gint64        org_id);

/* Responds with the organization (services embedded) and its ETag; 201 adds Location. */
void      pd_org_respond              (PdPortalRequest *req,
                                       guint            status,
                                       gint64           org_id);

/* A list response: pd_org_list_begin() starts the envelope (`{"items":[`), the caller appends
 * comma-separated items, pd_org_respond_list() takes the string, adds the framework's
 * next_cursor, tombstones and server_time (see pd_portal_page_end()) and responds. */
GString  *pd_org_list_begin           (gsize            reserve);
void      pd_org_respond_list         (PdPortalRequest *req,
                                       PdPortalPage    *page,
                                       GString         *items,       /* transfer full */
                                       gboolean         has_more,
                                       gint64           last_rowid,
                                       const char      *tombstone_kind,
                                       gint64           organization_id);

/* Parses {organization_id}; responds 404 and returns 0 unless the caller may see it. */
gint64    pd_org_from_param           (PdPortalRequest *req,
                                       const char      *param);

/* Name, status and relationship of an organization, for messages and checks. */
typedef struct {
  char    *public_id;
  char    *name;
  char    *status;
  char    *email;
  char    *plan_type;
  char    *relationship;
  char    *mapped_service_account;
  gboolean admin_access;
  gint64   version;
} PdOrgInfo;

gboolean  pd_org_info_load            (PdPortal     *portal,
                                       gint64        org_id,
                                       PdOrgInfo    *info);
void      pd_org_info_clear           (PdOrgInfo    *info);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PdOrgInfo, pd_org_info_clear)

/* Routes of the actions file, and the seed (pd-portal-organizations-{actions,seed}.c). */
void      pd_org_register_action_routes (PdPortal     *portal);
void      pd_org_seed                   (PdPortalSeed *seed);

G_END_DECLS

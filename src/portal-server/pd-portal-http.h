/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "pd-portal.h"
#include "pd-portal-auth.h"

G_BEGIN_DECLS

typedef struct _PdPortalRequest PdPortalRequest;
typedef void (*PdPortalHandler) (PdPortalRequest *req);

typedef enum {
  PD_PORTAL_ROUTE_DEFAULT = 0,
  PD_PORTAL_ROUTE_PUBLIC  = 1 << 0,  /* no bearer token (OAuth endpoints, HTML pages) */
  PD_PORTAL_ROUTE_FORM    = 1 << 1,  /* body is form-encoded, not JSON */
  PD_PORTAL_ROUTE_RAW     = 1 << 2,  /* an HTML page; errors before its handler (413, 429) are still problem+json */
} PdPortalRouteFlags;

struct _PdPortalRequest
{
  PdPortal          *portal;
  SoupServerMessage *msg;
  const char        *method;
  const char        *path;
  GHashTable        *query;       /* decoded; never NULL */
  GStrv              params;      /* the {placeholders} of the route, in order */
  JsonNode          *body;        /* parsed JSON body, or NULL */
  GHashTable        *form;        /* parsed form body (PD_PORTAL_ROUTE_FORM), or NULL */
  PdPortalCaller    *caller;      /* NULL on public routes */
  char              *request_id;
  gboolean           responded;
};

/* Registers @handler for @method on @pattern, e.g. "/api/v1/organizations/{id}". */
void        pd_portal_route                 (PdPortal           *portal,
                                             const char         *method,
                                             const char         *pattern,
                                             PdPortalRouteFlags  flags,
                                             PdPortalHandler     handler);
void        pd_portal_http_attach           (PdPortal           *portal);

/* Responses. Each request gets exactly one. */
void        pd_portal_respond_json          (PdPortalRequest    *req,
                                             guint               status,
                                             JsonNode           *node,
                                             const char         *etag);
void        pd_portal_respond_builder       (PdPortalRequest    *req,
                                             guint               status,
                                             JsonBuilder        *builder,
                                             const char         *etag);
void        pd_portal_respond_bytes         (PdPortalRequest    *req,
                                             guint               status,
                                             const char         *content_type,
                                             GBytes             *body);
void        pd_portal_respond_html          (PdPortalRequest    *req,
                                             guint               status,
                                             const char         *html);
void        pd_portal_respond_no_content    (PdPortalRequest    *req);
void        pd_portal_respond_redirect      (PdPortalRequest    *req,
                                             const char         *location);
/* application/problem+json; @slug becomes the type URI. */
void        pd_portal_respond_problem       (PdPortalRequest    *req,
                                             guint               status,
                                             const char         *slug,
                                             const char         *title,
                                             const char         *detail_format,
                                             ...) G_GNUC_PRINTF (5, 6);
/* 422 with @errors, an array of {field, code, message} (see pd-portal-validate.h). */
void        pd_portal_respond_field_errors  (PdPortalRequest    *req,
                                             JsonNode           *errors);
void        pd_portal_respond_not_found     (PdPortalRequest    *req,
                                             const char         *what);
void        pd_portal_respond_conflict      (PdPortalRequest    *req,
                                             const char         *detail);
void        pd_portal_set_header            (PdPortalRequest    *req,
                                             const char         *name,
                                             const char         *value);

/* Access checks: on failure they respond (403 / 404) and return FALSE. */
gboolean    pd_portal_require               (PdPortalRequest    *req,
                                             const char         *permission);
gboolean    pd_portal_require_organization  (PdPortalRequest    *req,
                                             gint64              organization_id);
/* 403 `relationship` for reseller organizations (no authority inside the client's data). */
gboolean    pd_portal_require_authority     (PdPortalRequest    *req,
                                             gint64              organization_id);

/* If-Match against the current ETag; responds 428 or 412 and returns FALSE on failure. */
gboolean    pd_portal_check_if_match        (PdPortalRequest    *req,
                                             const char         *current_etag);
char       *pd_portal_etag                  (const char         *public_id,
                                             gint64              version);

/* Cursor pagination over rowid (see README). */
typedef struct {
  guint   limit;
  gint64  after;               /* rowid; 0 = from the start */
  char   *updated_since;       /* normalized, or NULL */
  char   *server_time;
} PdPortalPage;

gboolean    pd_portal_page_parse            (PdPortalRequest    *req,
                                             PdPortalPage       *page);
void        pd_portal_page_clear            (PdPortalPage       *page);
/* Starts the envelope: begin object, "items": begin array. */
void        pd_portal_page_begin            (PdPortalPage       *page,
                                             JsonBuilder        *builder);
/* Ends items, writes next_cursor (when @has_more, after @last_rowid), deleted tombstones of
 * @tombstone_kind (filtered by @organization_id/@parent_id when set) and server_time. */
void        pd_portal_page_end              (PdPortalRequest    *req,
                                             PdPortalPage       *page,
                                             JsonBuilder        *builder,
                                             gboolean            has_more,
                                             gint64              last_rowid,
                                             const char         *tombstone_kind,
                                             gint64              organization_id,
                                             const char         *parent_id);

/* Query parameters. */
const char *pd_portal_query                 (PdPortalRequest    *req,
                                             const char         *name);

/* JSON builder helpers: nullable text, and the common metadata fields. */
void        pd_portal_json_text             (JsonBuilder        *builder,
                                             const char         *member,
                                             const char         *value);
void        pd_portal_json_int              (JsonBuilder        *builder,
                                             const char         *member,
                                             gint64              value);
void        pd_portal_json_bool             (JsonBuilder        *builder,
                                             const char         *member,
                                             gboolean            value);
/* id, etag, created_at, updated_at */
void        pd_portal_json_meta             (JsonBuilder        *builder,
                                             const char         *public_id,
                                             gint64              version,
                                             const char         *created_at,
                                             const char         *updated_at);

/* Writes one audit entry for a mutation by the caller. */
void        pd_portal_audit                 (PdPortalRequest    *req,
                                             const char         *action,
                                             const char         *target_type,
                                             const char         *target_id,
                                             gint64              organization_id,
                                             const char         *summary_format,
                                             ...) G_GNUC_PRINTF (6, 7);

G_END_DECLS

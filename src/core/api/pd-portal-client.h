/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "pd-portal-auth.h"
#include "pd-portal-error.h"

G_BEGIN_DECLS

/* One request to the portal. Build it, hand it to pd_portal_client_send_async(). */
typedef struct _PdPortalRequest PdPortalRequest;

#define PD_TYPE_PORTAL_REQUEST (pd_portal_request_get_type ())
GType            pd_portal_request_get_type            (void) G_GNUC_CONST;
/* @path is absolute on the portal, e.g. "/api/v1/organizations" (no query) */
PdPortalRequest *pd_portal_request_new                 (const char      *method,
                                                        const char      *path);
PdPortalRequest *pd_portal_request_ref                 (PdPortalRequest *self);
void             pd_portal_request_unref               (PdPortalRequest *self);
void             pd_portal_request_add_query           (PdPortalRequest *self,
                                                        const char      *name,
                                                        const char      *value);
/* Takes a reference on @body; serialized once. */
void             pd_portal_request_set_json_body       (PdPortalRequest *self,
                                                        JsonNode        *body);
/* application/x-www-form-urlencoded (the OAuth token endpoint) */
void             pd_portal_request_set_form_body       (PdPortalRequest *self,
                                                        GHashTable      *form);
void             pd_portal_request_set_if_match        (PdPortalRequest *self,
                                                        const char      *etag);
/* POSTs are retried only when they carry one. */
/* A conditional GET: a 304 then completes as a bodiless PdPortalResponse (status 304).
 * Added for polling a resource (issue 6); source-compatible. */
void             pd_portal_request_set_if_none_match   (PdPortalRequest *self,
                                                        const char      *etag);
void             pd_portal_request_set_idempotency_key (PdPortalRequest *self,
                                                        const char      *key);
/* Default TRUE: send the PdPortalAuth token. The OAuth endpoints turn it off. */
void             pd_portal_request_set_authenticated   (PdPortalRequest *self,
                                                        gboolean         authenticated);
/* Default TRUE for GET/HEAD/PUT/DELETE and keyed POSTs; FALSE stops every retry. */
void             pd_portal_request_set_retry           (PdPortalRequest *self,
                                                        gboolean         retry);
/* Default "application/json"; e.g. "text/csv" for a report. A 2xx answer must then be JSON
 * only when the accepted type is JSON. */
void             pd_portal_request_set_accept          (PdPortalRequest *self,
                                                        const char      *media_type);
/* Default FALSE. TRUE hands a 2xx JSON body over as it came (pd_portal_response_get_body(),
 * no root) without parsing it: for callers that parse big bodies their own way, off the
 * path of their next request. */
void             pd_portal_request_set_raw_json        (PdPortalRequest *self,
                                                        gboolean         raw_json);
const char      *pd_portal_request_get_method          (PdPortalRequest *self);
const char      *pd_portal_request_get_path            (PdPortalRequest *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdPortalRequest, pd_portal_request_unref)

/* A 2xx answer. The JSON body was parsed off the main thread. */
typedef struct _PdPortalResponse PdPortalResponse;

#define PD_TYPE_PORTAL_RESPONSE (pd_portal_response_get_type ())
GType             pd_portal_response_get_type   (void) G_GNUC_CONST;
PdPortalResponse *pd_portal_response_ref        (PdPortalResponse *self);
void              pd_portal_response_unref      (PdPortalResponse *self);
guint             pd_portal_response_get_status (PdPortalResponse *self);
/* NULL for 204 or a non-JSON body */
JsonNode         *pd_portal_response_get_root   (PdPortalResponse *self);
/* Transfers the root to the caller (for handing it to another thread). */
JsonNode         *pd_portal_response_steal_root (PdPortalResponse *self);
/* Raw body (CSV reports, HTML); NULL when empty */
GBytes           *pd_portal_response_get_body   (PdPortalResponse *self);
const char       *pd_portal_response_get_etag   (PdPortalResponse *self);
const char       *pd_portal_response_get_header (PdPortalResponse *self,
                                                 const char       *name);
/* "Idempotent-Replayed: true" was present */
gboolean          pd_portal_response_is_replay  (PdPortalResponse *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdPortalResponse, pd_portal_response_unref)

#define PD_TYPE_PORTAL_CLIENT (pd_portal_client_get_type ())
G_DECLARE_FINAL_TYPE (PdPortalClient, pd_portal_client, PD, PORTAL_CLIENT, GObject)

/* @base_url: "https://portal.example" or "http://127.0.0.1:PORT" (no path).
 * @extra_ca_file: a PEM file whose certificates are trusted in addition to the system's,
 * NULL for none. Fails with G_IO_ERROR_INVALID_ARGUMENT / PD_PORTAL_ERROR_TLS. */
PdPortalClient *pd_portal_client_new              (const char          *base_url,
                                                   const char          *extra_ca_file,
                                                   GError             **error);
const char     *pd_portal_client_get_base_url     (PdPortalClient      *self);
SoupSession    *pd_portal_client_get_soup_session (PdPortalClient      *self);
void            pd_portal_client_set_auth         (PdPortalClient      *self,
                                                   PdPortalAuth        *auth);
PdPortalAuth   *pd_portal_client_get_auth         (PdPortalClient      *self);
/* Retry bounds; defaults 5 attempts and 60 s. Tests shorten them. */
void            pd_portal_client_set_retry_limits (PdPortalClient      *self,
                                                   guint                max_attempts,
                                                   guint                max_total_seconds);

/* Completes with a PdPortalResponse for 2xx, else a PdPortalError (or G_IO_ERROR_CANCELLED). */
void              pd_portal_client_send_async     (PdPortalClient      *self,
                                                   PdPortalRequest     *request,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
PdPortalResponse *pd_portal_client_send_finish    (PdPortalClient      *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);

/* A fresh random Idempotency-Key (UUID v4) */
char *pd_portal_new_idempotency_key (void);

G_END_DECLS

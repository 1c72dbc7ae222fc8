/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Every failure of a portal call, as something a UI can act on. The GError message is
 * translated and built from the problem document; the details below travel with the
 * error (an extended error domain, GLib ≥ 2.68) and survive g_error_copy(). */
#define PD_PORTAL_ERROR (pd_portal_error_quark ())

typedef enum {
  PD_PORTAL_ERROR_OFFLINE,             /* no connection: DNS, refused, reset, timeout */
  PD_PORTAL_ERROR_UNAUTHORIZED,        /* 401, or the refresh token was refused: sign in again */
  PD_PORTAL_ERROR_FORBIDDEN,           /* 403: see pd_portal_error_get_permission() */
  PD_PORTAL_ERROR_NOT_FOUND,           /* 404 */
  PD_PORTAL_ERROR_CONFLICT,            /* 409 */
  PD_PORTAL_ERROR_PRECONDITION_FAILED, /* 412 or 428: see pd_portal_error_get_current_etag() */
  PD_PORTAL_ERROR_VALIDATION,          /* 422: see pd_portal_error_get_field_errors() */
  PD_PORTAL_ERROR_RATE_LIMITED,        /* 429 after the retries: see ..._get_retry_after() */
  PD_PORTAL_ERROR_SERVER,              /* 5xx after the retries */
  PD_PORTAL_ERROR_TLS,                 /* certificate or handshake failure, names host and reason */
  PD_PORTAL_ERROR_BAD_RESPONSE,        /* malformed, truncated or undecodable response */
  PD_PORTAL_ERROR_REQUEST,             /* any other 4xx (400, 405, 413, 415) */
} PdPortalErrorCode;

typedef struct {
  char *field;   /* e.g. "email", "plan.type" */
  char *code;    /* e.g. "required", "invalid", "taken" */
  char *message; /* the portal's English sentence */
} PdPortalFieldError;

GQuark       pd_portal_error_quark              (void);

/* 0 when the error did not come from an HTTP response */
guint        pd_portal_error_get_status         (const GError *error);
/* The problem document's "type" (https://partnerdesk.example/problems/<slug>), or NULL */
const char  *pd_portal_error_get_problem_type   (const GError *error);
/* FORBIDDEN: the permission the caller lacks (or relationship/rank/self/scope), or NULL */
const char  *pd_portal_error_get_permission     (const GError *error);
/* VALIDATION: array of PdPortalFieldError*, never NULL for a PdPortalError (may be empty) */
GPtrArray   *pd_portal_error_get_field_errors   (const GError *error);
/* PRECONDITION_FAILED: the resource's current ETag when the portal sent it, or NULL */
const char  *pd_portal_error_get_current_etag   (const GError *error);
/* RATE_LIMITED: seconds from Retry-After, 0 when absent */
guint        pd_portal_error_get_retry_after    (const GError *error);

/* Builds an error from a non-2xx response. @body may be NULL or not JSON. */
GError      *pd_portal_error_new_from_response  (guint         status,
                                                 const char   *content_type,
                                                 GBytes       *body,
                                                 const char   *etag,
                                                 guint         retry_after);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared between the files of src/core/api only: the insides of requests and responses and
 * the error constructors the client uses. Nothing outside api/ includes this. */

#include "pd-portal-client.h"

G_BEGIN_DECLS

struct _PdPortalRequest
{
  gatomicrefcount  ref_count;
  char            *method;
  char            *path;
  GPtrArray       *query;           /* name, value, name, value … */
  GBytes          *body;
  char            *content_type;
  char            *if_match;
  char            *if_none_match;   /* a 304 is then an answer, not an error */
  char            *idempotency_key;
  char            *accept;
  gboolean         authenticated;
  int              retry;           /* -1: by method, else the caller's choice */
  gboolean         raw_json;        /* a JSON body is handed over unparsed */
};

/* TRUE when a lost answer may be asked for again without doing the change twice */
gboolean          pd_portal_request_may_retry      (PdPortalRequest    *self);
/* "/api/v1/x?name=value" with every value escaped */
char             *pd_portal_request_build_path     (PdPortalRequest    *self);

PdPortalResponse *pd_portal_response_new           (guint               status,
                                                    SoupMessageHeaders *headers,
                                                    GBytes             *body,
                                                    JsonNode           *root);

/* Seconds of a Retry-After value (delta-seconds or HTTP date); 0 when absent or invalid */
guint             pd_portal_parse_retry_after      (const char         *value);

GError           *pd_portal_error_new_offline      (const char         *host,
                                                    const GError       *cause);
/* @flags: why the certificate was refused, 0 when unknown */
GError           *pd_portal_error_new_tls          (const char         *host,
                                                    GTlsCertificateFlags flags,
                                                    const GError       *cause);
GError           *pd_portal_error_new_bad_response (const char         *host,
                                                    const char         *reason);
/* A libsoup/GIO failure of one exchange as a PdPortalError (cancellation is kept). */
GError           *pd_portal_error_new_from_transport (const char       *host,
                                                      const GError     *cause,
                                                      GTlsCertificateFlags tls_flags,
                                                      gboolean          got_status);
gboolean          pd_portal_content_type_is_json   (const char         *content_type);

/* PdPortalClient insides used by the sending code (pd-portal-send.c) */
const char       *pd_portal_client_get_host        (PdPortalClient     *self);
/* host and port for certificate checks */
GSocketConnectable *pd_portal_client_get_identity  (PdPortalClient     *self);
GList            *pd_portal_client_get_extra_cas   (PdPortalClient     *self);
void              pd_portal_client_get_retry_limits (PdPortalClient    *self,
                                                     guint             *max_attempts,
                                                     guint             *max_total_seconds);

/* The wait before attempt @attempt + 1 (attempt counts from 1), in milliseconds: exponential
 * with jitter, or what Retry-After asked (when not 0). G_MAXUINT when it is too long to wait. */
guint             pd_portal_retry_delay_ms         (guint               attempt,
                                                    guint               retry_after);
/* Whether a failure is worth another attempt at all (cancellation and most 4xx are not). */
gboolean          pd_portal_retry_is_transient     (const GError       *error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared between the parts of the OAuth module: pd-portal-oauth.c (endpoints for the app),
 * pd-portal-oauth-pages.c (the sign-in pages) and pd-portal-oauth-totp.c (RFC 6238). */
#pragma once

#include "pd-portal-http.h"

G_BEGIN_DECLS

/* Lifetimes in seconds. */
#define PD_OAUTH_REFRESH_TOKEN_LIFETIME  (30 * 86400)
#define PD_OAUTH_CODE_LIFETIME           60
#define PD_OAUTH_FLOW_LIFETIME           600
/* Failed password or code attempts after which a sign-in flow ends. */
#define PD_OAUTH_MAX_FAILURES            5
/* The only scope: what the user may do comes from their role. */
#define PD_OAUTH_SCOPE                   "portal"

/* The registered client's display name, or NULL for an unknown client_id. */
const char *pd_portal_oauth_client_name      (const char  *client_id);
/* A loopback redirect URI (RFC 8252 §7.3): http, 127.0.0.1 / [::1] / localhost, explicit port. */
gboolean    pd_portal_oauth_redirect_valid   (const char  *redirect_uri);
/* @redirect_uri with the parameters appended (name, value, …, NULL; NULL values are skipped). */
char       *pd_portal_oauth_redirect_build   (const char  *redirect_uri,
                                              ...) G_GNUC_NULL_TERMINATED;
/* RFC 7636 §4.1 code verifier syntax; an S256 challenge is 43 base64url characters. */
gboolean    pd_portal_oauth_verifier_valid   (const char  *verifier);
gboolean    pd_portal_oauth_challenge_valid  (const char  *challenge);
/* Constant-time string comparison. */
gboolean    pd_portal_oauth_equal            (const char  *a,
                                              const char  *b);

void        pd_portal_oauth_register_pages   (PdPortal    *portal);

/* RFC 6238 with SHA-1, 30 s steps, 6 digits. TRUE when @code matches one of the steps
 * around @unix_seconds (±1); the matching step goes to @out_step. */
gboolean    pd_portal_totp_verify            (const char  *base32_secret,
                                              const char  *code,
                                              gint64       unix_seconds,
                                              gint64      *out_step);
/* RFC 4648 base32 without padding requirements; spaces and case are ignored. */
guchar     *pd_portal_base32_decode          (const char  *text,
                                              gsize       *out_len);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the OAuth parts of auth/: the flow, the token manager and sign-in. */
#pragma once

#include <json-glib/json-glib.h>

#include "pd-portal-client.h"

G_BEGIN_DECLS

/* The portal's registered public client. */
#define PD_OAUTH_CLIENT_ID "partner-desk"

typedef struct {
  char   *access_token;
  char   *refresh_token; /* NULL when the answer kept the old one */
  gint64  expires_in;    /* seconds */
} PdOAuthTokens;

void           pd_oauth_tokens_free   (PdOAuthTokens  *tokens);
/* Validates a token endpoint answer (RFC 6749 §5.1); PD_PORTAL_ERROR_BAD_RESPONSE otherwise. */
PdOAuthTokens *pd_oauth_tokens_parse  (JsonNode       *root,
                                       GError        **error);
/* A form for pd_oauth_post_form(): names and values are g_strdup()ed, values wiped when freed. */
GHashTable    *pd_oauth_form_new      (void);
/* POST @form to @path, unauthenticated and never retried: a repeated code or refresh token
 * would make the portal revoke the whole sign-in. */
void           pd_oauth_post_form     (PdPortalClient *client,
                                       const char     *path,
                                       GHashTable     *form,
                                       gboolean        retry,
                                       GCancellable   *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer        user_data);
/* Overwrites a secret before freeing it. */
void           pd_auth_secret_free    (char           *secret);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdOAuthTokens, pd_oauth_tokens_free)

G_END_DECLS

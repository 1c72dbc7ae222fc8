/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-account-info.h"
#include "pd-account-registry.h"
#include "pd-portal-auth.h"
#include "pd-portal-client.h"

G_BEGIN_DECLS

/* Hands the portal's sign-in page to the UI, which opens it in the browser
 * (gtk_uri_launcher / g_app_info_launch_default_for_uri). */
typedef void (*PdOpenUriFunc) (const char *uri,
                               gpointer    user_data);

/* Signs in with an API key: checks it with GET /api/v1/me, stores it in the keyring and adds
 * the account to @registry (replacing the same account signed in before). A refused key is
 * PD_PORTAL_ERROR_UNAUTHORIZED. */
void           pd_sign_in_api_key_async      (PdAccountRegistry    *registry,
                                              const char           *base_url,
                                              const char           *extra_ca_file,
                                              const char           *key,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
PdAccountInfo *pd_sign_in_api_key_finish     (GAsyncResult         *result,
                                              GError              **error);

/* Signs in through the browser (PdOAuthFlow): @open_uri gets the sign-in page; the result
 * comes when the person finished there (or cancelled, or @cancellable was cancelled, or ten
 * minutes passed). Stores the refresh token and adds the account to @registry. */
void           pd_sign_in_oauth_async        (PdAccountRegistry    *registry,
                                              const char           *base_url,
                                              const char           *extra_ca_file,
                                              PdOpenUriFunc         open_uri,
                                              gpointer              open_uri_data,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
PdAccountInfo *pd_sign_in_oauth_finish       (GAsyncResult         *result,
                                              GError              **error);

/* The PdPortalAuth of an account signed in before, from its secret in the keyring: a
 * PdApiKeyAuth or a PdTokenManager (which sends its refreshes through @client). A missing
 * secret is PD_PORTAL_ERROR_UNAUTHORIZED ("sign in again"). */
void           pd_sign_in_create_auth_async  (PdAccountInfo        *account,
                                              PdPortalClient       *client,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
PdPortalAuth  *pd_sign_in_create_auth_finish (GAsyncResult         *result,
                                              GError              **error);

/* Signs out: revokes the sign-in at the portal when @auth is a PdTokenManager (best effort:
 * an unreachable portal does not keep the account), removes the account's secrets from the
 * keyring and the account from @registry. */
void           pd_sign_out_async             (PdAccountRegistry    *registry,
                                              PdAccountInfo        *account,
                                              PdPortalAuth         *auth,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean       pd_sign_out_finish            (GAsyncResult         *result,
                                              GError              **error);

G_END_DECLS

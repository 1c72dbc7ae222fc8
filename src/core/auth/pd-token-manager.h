/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-account-info.h"
#include "pd-portal-auth.h"
#include "pd-portal-client.h"

G_BEGIN_DECLS

/* The PdPortalAuth of an OAuth account. Keeps the access token in memory and refreshes it
 * shortly before it expires (one refresh at a time: concurrent callers wait for it). Each
 * refresh rotates the refresh token; the new one is stored in the keyring before the new
 * access token is handed out. A refused refresh (the sign-in was revoked or expired) is
 * PD_PORTAL_ERROR_UNAUTHORIZED, and so is every later call. */
#define PD_TYPE_TOKEN_MANAGER (pd_token_manager_get_type ())
G_DECLARE_FINAL_TYPE (PdTokenManager, pd_token_manager, PD, TOKEN_MANAGER, GObject)

/* @client is held weakly (it usually holds this manager as its auth): refreshes are sent
 * through it, unauthenticated. @refresh_token: the one stored in the keyring for @account. */
PdTokenManager *pd_token_manager_new              (PdPortalClient      *client,
                                                   PdAccountInfo       *account,
                                                   const char          *refresh_token);
PdAccountInfo  *pd_token_manager_get_account      (PdTokenManager      *self);
/* An access token already in hand (right after signing in), valid for @expires_in seconds. */
void            pd_token_manager_set_access_token (PdTokenManager      *self,
                                                   const char          *access_token,
                                                   gint64               expires_in);
/* Signing out: revokes the sign-in at the portal (every token of it). The manager hands
 * out no token afterwards, even when the portal could not be reached (then it fails). */
void            pd_token_manager_revoke_async     (PdTokenManager      *self,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean        pd_token_manager_revoke_finish    (PdTokenManager      *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-portal-client.h"

G_BEGIN_DECLS

/* One OAuth 2 sign-in through the system browser (RFC 8252): a PKCE pair and a state, a
 * listener on 127.0.0.1:<random port> for the redirect, then the code exchange at
 * /oauth/token. Listens for one sign-in only and stops afterwards.
 *
 *   flow = pd_oauth_flow_new (client);
 *   pd_oauth_flow_listen (flow, &error);
 *   open pd_oauth_flow_get_authorize_url (flow) in the browser;
 *   pd_oauth_flow_wait_async (flow, cancellable, on_signed_in, data);
 *
 * Errors: PD_AUTH_ERROR_* (state mismatch, access denied, timed out, redirect),
 * G_IO_ERROR_CANCELLED, or the exchange's PdPortalError. */
#define PD_TYPE_OAUTH_FLOW (pd_oauth_flow_get_type ())
G_DECLARE_FINAL_TYPE (PdOAuthFlow, pd_oauth_flow, PD, OAUTH_FLOW, GObject)

/* The portal's sign-in page lives ten minutes: waiting longer is pointless. */
#define PD_OAUTH_FLOW_DEFAULT_TIMEOUT 600

PdOAuthFlow *pd_oauth_flow_new               (PdPortalClient       *client);
/* The e-mail address to fill in on the sign-in page (signing in again), or NULL. */
void         pd_oauth_flow_set_login_hint    (PdOAuthFlow          *self,
                                              const char           *login_hint);
/* Seconds to wait for the browser; call before pd_oauth_flow_wait_async(). */
void         pd_oauth_flow_set_timeout       (PdOAuthFlow          *self,
                                              guint                 seconds);
/* Makes the PKCE pair and state and starts listening; PD_AUTH_ERROR_LISTEN on failure. */
gboolean     pd_oauth_flow_listen            (PdOAuthFlow          *self,
                                              GError              **error);
/* After listen: the URL to open in the browser, and "http://127.0.0.1:PORT/" */
const char  *pd_oauth_flow_get_authorize_url (PdOAuthFlow          *self);
const char  *pd_oauth_flow_get_redirect_uri  (PdOAuthFlow          *self);
/* Waits for the redirect and exchanges the code. Call once, after listen. */
void         pd_oauth_flow_wait_async        (PdOAuthFlow          *self,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
/* The tokens go to the out arguments (free them with g_free()); @expires_in in seconds. */
gboolean     pd_oauth_flow_wait_finish       (PdOAuthFlow          *self,
                                              GAsyncResult         *result,
                                              char                **access_token,
                                              char                **refresh_token,
                                              gint64               *expires_in,
                                              GError              **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Where a PdPortalClient gets its bearer credential: an OAuth token manager (refreshes
 * under a lock) or a fixed API key. Implemented in auth/. */
#define PD_TYPE_PORTAL_AUTH (pd_portal_auth_get_type ())
G_DECLARE_INTERFACE (PdPortalAuth, pd_portal_auth, PD, PORTAL_AUTH, GObject)

struct _PdPortalAuthInterface
{
  GTypeInterface parent_iface;

  /* Completes with a valid access token (refreshing first when it is near expiry).
   * Concurrent callers share one refresh. Errors are PD_PORTAL_ERROR_UNAUTHORIZED when
   * the user must sign in again, or the refresh request's own PdPortalError. */
  void   (*get_token_async)  (PdPortalAuth        *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data);
  char * (*get_token_finish) (PdPortalAuth        *self,
                              GAsyncResult        *result,
                              GError             **error);
  /* The portal answered 401 to @token: the next get_token must not return it again. */
  void   (*token_rejected)   (PdPortalAuth        *self,
                              const char          *token);
};

void  pd_portal_auth_get_token_async  (PdPortalAuth        *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
char *pd_portal_auth_get_token_finish (PdPortalAuth        *self,
                                       GAsyncResult        *result,
                                       GError             **error);
void  pd_portal_auth_token_rejected   (PdPortalAuth        *self,
                                       const char          *token);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pd-portal-auth.h"

G_DEFINE_INTERFACE (PdPortalAuth, pd_portal_auth, G_TYPE_OBJECT)

static void
pd_portal_auth_default_init (PdPortalAuthInterface *iface)
{
}

void
pd_portal_auth_get_token_async (PdPortalAuth        *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (PD_IS_PORTAL_AUTH (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  PD_PORTAL_AUTH_GET_IFACE (self)->get_token_async (self, cancellable, callback, user_data);
}

char *
pd_portal_auth_get_token_finish (PdPortalAuth  *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (PD_IS_PORTAL_AUTH (self), NULL);
  g_return_val_if_fail (G_IS_ASYNC_RESULT (result), NULL);

  return PD_PORTAL_AUTH_GET_IFACE (self)->get_token_finish (self, result, error);
}

void
pd_portal_auth_token_rejected (PdPortalAuth *self,
                               const char   *token)
{
  PdPortalAuthInterface *iface;

  g_return_if_fail (PD_IS_PORTAL_AUTH (self));

  iface = PD_PORTAL_AUTH_GET_IFACE (self);
  if (iface->token_rejected != NULL)
    iface->token_rejected (self, token);
}

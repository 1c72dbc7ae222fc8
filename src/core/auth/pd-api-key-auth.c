/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "pd-api-key-auth.h"

#include <string.h>

struct _PdApiKeyAuth
{
  GObject  parent_instance;
  char    *key;
};

static void portal_auth_iface_init (PdPortalAuthInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PdApiKeyAuth, pd_api_key_auth, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (PD_TYPE_PORTAL_AUTH, portal_auth_iface_init))

static void
get_token_async (PdPortalAuth        *auth,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  PdApiKeyAuth *self = PD_API_KEY_AUTH (auth);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, get_token_async);
  if (!g_task_return_error_if_cancelled (task))
    g_task_return_pointer (task, g_strdup (self->key), g_free);
}

static char *
get_token_finish (PdPortalAuth  *auth,
                  GAsyncResult  *result,
                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, auth), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
token_rejected (PdPortalAuth *auth,
                const char   *token)
{
  /* A key cannot be renewed here; the request's own 401 reaches the user. */
}

static void
portal_auth_iface_init (PdPortalAuthInterface *iface)
{
  iface->get_token_async = get_token_async;
  iface->get_token_finish = get_token_finish;
  iface->token_rejected = token_rejected;
}

static void
pd_api_key_auth_finalize (GObject *object)
{
  PdApiKeyAuth *self = PD_API_KEY_AUTH (object);

  if (self->key != NULL)
    {
      /* Leave no copy of the key in freed memory. */
      memset (self->key, 0, strlen (self->key));
      g_free (self->key);
    }
  G_OBJECT_CLASS (pd_api_key_auth_parent_class)->finalize (object);
}

static void
pd_api_key_auth_class_init (PdApiKeyAuthClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pd_api_key_auth_finalize;
}

static void
pd_api_key_auth_init (PdApiKeyAuth *self)
{
}

PdApiKeyAuth *
pd_api_key_auth_new (const char *key)
{
  PdApiKeyAuth *self;

  g_return_val_if_fail (key != NULL && *key != '\0', NULL);

  self = g_object_new (PD_TYPE_API_KEY_AUTH, NULL);
  self->key = g_strdup (key);
  return self;
}

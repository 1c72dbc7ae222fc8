/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pd-sign-in.h"

#include <glib/gi18n-lib.h>

#include "pd-api-key-auth.h"
#include "pd-auth-error.h"
#include "pd-auth-private.h"
#include "pd-credentials.h"
#include "pd-oauth-flow.h"
#include "pd-token-manager.h"

typedef struct {
  PdAccountRegistry *registry;
  PdPortalClient    *client;
  PdOAuthFlow       *flow;
  PdAccountKind      kind;
  char              *secret;        /* the API key or the refresh token to keep */
  char              *extra_ca_file;
  PdAccountInfo     *account;
  GError            *error;         /* kept while an orphaned secret is removed */
} SignIn;

static void
sign_in_free (SignIn *data)
{
  g_clear_object (&data->registry);
  g_clear_object (&data->client);
  g_clear_object (&data->flow);
  pd_auth_secret_free (data->secret);
  g_free (data->extra_ca_file);
  g_clear_object (&data->account);
  g_clear_error (&data->error);
  g_free (data);
}

static const char *
object_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static JsonObject *
object_object (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* The account behind the credential, from GET /api/v1/me. */
static PdAccountInfo *
account_from_me (SignIn    *data,
                 JsonNode  *root,
                 GError   **error)
{
  JsonObject *user = NULL;
  JsonObject *partner = NULL;
  const char *user_id = NULL;
  const char *partner_id = NULL;
  const char *base_url = pd_portal_client_get_base_url (data->client);
  g_autofree char *id = NULL;
  PdAccountInfo *account;

  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      user = object_object (json_node_get_object (root), "user");
      partner = object_object (json_node_get_object (root), "partner");
    }
  user_id = object_string (user, "id");
  partner_id = object_string (partner, "id");
  if (user_id == NULL || *user_id == '\0' || partner_id == NULL || *partner_id == '\0')
    {
      g_set_error (error, PD_AUTH_ERROR, PD_AUTH_ERROR_BAD_ACCOUNT,
                   _("The portal did not say which user and partner signed in, so the account "
                     "cannot be added."));
      return NULL;
    }

  id = pd_account_info_make_id (base_url, user_id);
  account = pd_account_info_new (id, data->kind, base_url);
  g_object_set (account,
                "extra-ca-file", data->extra_ca_file,
                "user-id", user_id,
                "user-email", object_string (user, "email"),
                "user-name", object_string (user, "name"),
                "partner-id", partner_id,
                "partner-name", object_string (partner, "name"),
                NULL);
  return account;
}

static void
on_orphan_cleared (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SignIn *data = g_task_get_task_data (task);

  pd_credentials_clear_finish (result, NULL);
  g_task_return_error (task, g_steal_pointer (&data->error));
}

static void
on_stored (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SignIn *data = g_task_get_task_data (task);
  GError *error = NULL;
  gboolean known;

  if (!pd_credentials_store_finish (result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  known = pd_account_registry_lookup (data->registry, pd_account_info_get_id (data->account)) != NULL;
  if (!pd_account_registry_add (data->registry, data->account, &data->error))
    {
      /* A new account the registry cannot hold would leave its secret behind in the keyring,
       * out of reach of any sign-out: take it back. A known account keeps the new secret. */
      if (known)
        g_task_return_error (task, g_steal_pointer (&data->error));
      else
        pd_credentials_clear_async (pd_account_info_get_id (data->account), NULL, on_orphan_cleared,
                                    g_object_ref (task));
      return;
    }
  g_task_return_pointer (task, g_object_ref (data->account), g_object_unref);
}

static void
on_me (GObject      *source,
       GAsyncResult *result,
       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SignIn *data = g_task_get_task_data (task);
  g_autoptr(PdPortalResponse) response = NULL;
  GError *error = NULL;

  response = pd_portal_client_send_finish (PD_PORTAL_CLIENT (source), result, &error);
  if (response == NULL ||
      (data->account = account_from_me (data, pd_portal_response_get_root (response), &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  pd_credentials_store_async (data->account,
                              data->kind == PD_ACCOUNT_KIND_API_KEY ? PD_CREDENTIAL_API_KEY
                                                                    : PD_CREDENTIAL_REFRESH_TOKEN,
                              data->secret, g_task_get_cancellable (task), on_stored, g_object_ref (task));
}

/* Asks the portal who @bearer belongs to. */
static void
fetch_me (GTask      *task,
          const char *bearer)
{
  SignIn *data = g_task_get_task_data (task);
  g_autoptr(PdApiKeyAuth) auth = pd_api_key_auth_new (bearer);
  g_autoptr(PdPortalRequest) request = pd_portal_request_new ("GET", "/api/v1/me");

  pd_portal_client_set_auth (data->client, PD_PORTAL_AUTH (auth));
  pd_portal_client_send_async (data->client, request, g_task_get_cancellable (task), on_me, g_object_ref (task));
}

static GTask *
sign_in_task_new (PdAccountRegistry   *registry,
                  const char          *base_url,
                  const char          *extra_ca_file,
                  PdAccountKind        kind,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data,
                  gpointer             source_tag)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  SignIn *data = g_new0 (SignIn, 1);
  GError *error = NULL;

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, data, (GDestroyNotify) sign_in_free);
  data->registry = g_object_ref (registry);
  data->kind = kind;
  data->extra_ca_file = g_strdup (extra_ca_file != NULL && *extra_ca_file != '\0' ? extra_ca_file : NULL);
  data->client = pd_portal_client_new (base_url, data->extra_ca_file, &error);
  if (data->client == NULL)
    g_task_return_error (task, error);
  return task;
}

void
pd_sign_in_api_key_async (PdAccountRegistry   *registry,
                          const char          *base_url,
                          const char          *extra_ca_file,
                          const char          *key,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SignIn *data;

  g_return_if_fail (PD_IS_ACCOUNT_REGISTRY (registry));
  g_return_if_fail (base_url != NULL && key != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = sign_in_task_new (registry, base_url, extra_ca_file, PD_ACCOUNT_KIND_API_KEY,
                           cancellable, callback, user_data, pd_sign_in_api_key_async);
  data = g_task_get_task_data (task);
  if (data->client == NULL)
    return;
  /* A pasted key often brings a newline or spaces along. */
  data->secret = g_strstrip (g_strdup (key));
  if (*data->secret == '\0')
    {
      g_task_return_new_error (task, PD_PORTAL_ERROR, PD_PORTAL_ERROR_UNAUTHORIZED,
                               _("Enter an API key."));
      return;
    }
  fetch_me (task, data->secret);
}

PdAccountInfo *
pd_sign_in_api_key_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pd_sign_in_api_key_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_flow_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SignIn *data = g_task_get_task_data (task);
  g_autofree char *access = NULL;
  GError *error = NULL;
  gint64 expires_in;

  if (!pd_oauth_flow_wait_finish (PD_OAUTH_FLOW (source), result, &access, &data->secret, &expires_in, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  fetch_me (task, access);
  pd_auth_secret_free (g_steal_pointer (&access));
}

void
pd_sign_in_oauth_async (PdAccountRegistry   *registry,
                        const char          *base_url,
                        const char          *extra_ca_file,
                        PdOpenUriFunc        open_uri,
                        gpointer             open_uri_data,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SignIn *data;
  GError *error = NULL;

  g_return_if_fail (PD_IS_ACCOUNT_REGISTRY (registry));
  g_return_if_fail (base_url != NULL && open_uri != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = sign_in_task_new (registry, base_url, extra_ca_file, PD_ACCOUNT_KIND_OAUTH,
                           cancellable, callback, user_data, pd_sign_in_oauth_async);
  data = g_task_get_task_data (task);
  if (data->client == NULL)
    return;
  data->flow = pd_oauth_flow_new (data->client);
  if (!pd_oauth_flow_listen (data->flow, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  /* Listening before the browser opens: the redirect can come back at once. */
  pd_oauth_flow_wait_async (data->flow, cancellable, on_flow_done, g_object_ref (task));
  open_uri (pd_oauth_flow_get_authorize_url (data->flow), open_uri_data);
}

PdAccountInfo *
pd_sign_in_oauth_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pd_sign_in_oauth_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct {
  PdAccountInfo  *account;
  PdPortalClient *client;
} CreateAuth;

static void
create_auth_free (CreateAuth *data)
{
  g_clear_object (&data->account);
  g_clear_object (&data->client);
  g_free (data);
}

static void
on_secret (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CreateAuth *data = g_task_get_task_data (task);
  GError *error = NULL;
  char *secret = pd_credentials_lookup_finish (result, &error);
  PdPortalAuth *auth;

  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (secret == NULL)
    {
      const char *email = pd_account_info_get_user_email (data->account);
      g_autofree char *host = pd_account_info_dup_host (data->account);

      g_task_return_new_error (task, PD_PORTAL_ERROR, PD_PORTAL_ERROR_UNAUTHORIZED,
                               _("The keyring holds no saved sign-in for %s on %s. Sign in again."),
                               email != NULL ? email : _("this account"), host);
      return;
    }
  if (pd_account_info_get_kind (data->account) == PD_ACCOUNT_KIND_API_KEY)
    auth = PD_PORTAL_AUTH (pd_api_key_auth_new (secret));
  else
    auth = PD_PORTAL_AUTH (pd_token_manager_new (data->client, data->account, secret));
  pd_auth_secret_free (secret);
  g_task_return_pointer (task, auth, g_object_unref);
}

void
pd_sign_in_create_auth_async (PdAccountInfo       *account,
                              PdPortalClient      *client,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  CreateAuth *data;

  g_return_if_fail (PD_IS_ACCOUNT_INFO (account));
  g_return_if_fail (PD_IS_PORTAL_CLIENT (client));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pd_sign_in_create_auth_async);
  data = g_new0 (CreateAuth, 1);
  data->account = g_object_ref (account);
  data->client = g_object_ref (client);
  g_task_set_task_data (task, data, (GDestroyNotify) create_auth_free);
  pd_credentials_lookup_async (pd_account_info_get_id (account),
                               pd_account_info_get_kind (account) == PD_ACCOUNT_KIND_API_KEY
                               ? PD_CREDENTIAL_API_KEY : PD_CREDENTIAL_REFRESH_TOKEN,
                               cancellable, on_secret, g_steal_pointer (&task));
}

PdPortalAuth *
pd_sign_in_create_auth_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pd_sign_in_create_auth_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct {
  PdAccountRegistry *registry;
  PdAccountInfo     *account;
} SignOut;

static void
sign_out_free (SignOut *data)
{
  g_clear_object (&data->registry);
  g_clear_object (&data->account);
  g_free (data);
}

static void
on_cleared (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SignOut *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (!pd_credentials_clear_finish (result, &error) ||
      !pd_account_registry_remove (data->registry, pd_account_info_get_id (data->account), &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_revoked (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SignOut *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  /* Offline or refused: the tokens die on their own; the local sign-out goes on. */
  pd_token_manager_revoke_finish (PD_TOKEN_MANAGER (source), result, &error);
  if (g_task_return_error_if_cancelled (task))
    return;
  if (error != NULL)
    g_debug ("Revoking the sign-in failed: %s", error->message);
  pd_credentials_clear_async (pd_account_info_get_id (data->account), g_task_get_cancellable (task),
                              on_cleared, g_object_ref (task));
}

void
pd_sign_out_async (PdAccountRegistry   *registry,
                   PdAccountInfo       *account,
                   PdPortalAuth        *auth,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SignOut *data;

  g_return_if_fail (PD_IS_ACCOUNT_REGISTRY (registry));
  g_return_if_fail (PD_IS_ACCOUNT_INFO (account));
  g_return_if_fail (auth == NULL || PD_IS_PORTAL_AUTH (auth));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pd_sign_out_async);
  data = g_new0 (SignOut, 1);
  data->registry = g_object_ref (registry);
  data->account = g_object_ref (account);
  g_task_set_task_data (task, data, (GDestroyNotify) sign_out_free);
  if (auth != NULL && PD_IS_TOKEN_MANAGER (auth))
    pd_token_manager_revoke_async (PD_TOKEN_MANAGER (auth), cancellable, on_revoked, g_steal_pointer (&task));
  else
    pd_credentials_clear_async (pd_account_info_get_id (account), cancellable, on_cleared, g_steal_pointer (&task));
}

gboolean
pd_sign_out_finish (GAsyncResult  *result,
                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pd_sign_out_async, FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

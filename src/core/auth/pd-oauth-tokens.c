/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pd-auth-private.h"

void
pd_auth_secret_free (char *secret)
{
  if (secret == NULL)
    return;
  memset (secret, 0, strlen (secret));
  g_free (secret);
}

void
pd_oauth_tokens_free (PdOAuthTokens *tokens)
{
  if (tokens == NULL)
    return;
  pd_auth_secret_free (tokens->access_token);
  pd_auth_secret_free (tokens->refresh_token);
  g_free (tokens);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* A bearer token goes into an HTTP header and the keyring: printable ASCII only. */
static gboolean
token_valid (const char *token)
{
  if (token == NULL || *token == '\0' || strlen (token) > 4096)
    return FALSE;
  for (const char *p = token; *p != '\0'; p++)
    if ((guchar) *p <= ' ' || (guchar) *p >= 0x7f)
      return FALSE;
  return TRUE;
}

PdOAuthTokens *
pd_oauth_tokens_parse (JsonNode  *root,
                       GError   **error)
{
  g_autoptr(PdOAuthTokens) tokens = g_new0 (PdOAuthTokens, 1);
  JsonObject *object;
  JsonNode *expires;
  const char *access;
  const char *refresh;
  const char *type;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    goto bad;
  object = json_node_get_object (root);
  access = member_string (object, "access_token");
  refresh = member_string (object, "refresh_token");
  type = member_string (object, "token_type");
  expires = json_object_get_member (object, "expires_in");
  if (!token_valid (access) || (json_object_has_member (object, "refresh_token") && !token_valid (refresh)) ||
      type == NULL || g_ascii_strcasecmp (type, "Bearer") != 0)
    goto bad;
  if (expires == NULL || !JSON_NODE_HOLDS_VALUE (expires) || json_node_get_value_type (expires) != G_TYPE_INT64 ||
      json_node_get_int (expires) < 1)
    goto bad;

  tokens->access_token = g_strdup (access);
  tokens->refresh_token = g_strdup (refresh);
  tokens->expires_in = MIN (json_node_get_int (expires), 366 * 86400);
  return g_steal_pointer (&tokens);

bad:
  g_set_error (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_BAD_RESPONSE,
               _("The portal’s sign-in service answered something that is not a valid set of tokens."));
  return NULL;
}

GHashTable *
pd_oauth_form_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) pd_auth_secret_free);
}

void
pd_oauth_post_form (PdPortalClient      *client,
                    const char          *path,
                    GHashTable          *form,
                    gboolean             retry,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(PdPortalRequest) request = pd_portal_request_new ("POST", path);

  g_hash_table_insert (form, g_strdup ("client_id"), g_strdup (PD_OAUTH_CLIENT_ID));
  pd_portal_request_set_form_body (request, form);
  pd_portal_request_set_authenticated (request, FALSE);
  pd_portal_request_set_retry (request, retry);
  pd_portal_client_send_async (client, request, cancellable, callback, user_data);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pd-credentials.h"

#include <glib/gi18n-lib.h>

#include "pd-auth-error.h"

const SecretSchema *
pd_credentials_get_schema (void)
{
  static const SecretSchema schema = {
    PD_CREDENTIALS_SCHEMA_NAME, SECRET_SCHEMA_NONE,
    {
      { "account-id", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "kind", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "schema-version", SECRET_SCHEMA_ATTRIBUTE_INTEGER },
      { NULL, 0 },
    }
  };

  return &schema;
}

const char *
pd_credential_kind_to_string (PdCredentialKind kind)
{
  return kind == PD_CREDENTIAL_API_KEY ? "api-key" : "refresh-token";
}

/* @kind NULL matches every kind, @version FALSE every schema version. */
static GHashTable *
attributes_new (const char *account_id,
                const char *kind,
                gboolean    version)
{
  GHashTable *attributes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  g_hash_table_insert (attributes, "account-id", g_strdup (account_id));
  if (kind != NULL)
    g_hash_table_insert (attributes, "kind", g_strdup (kind));
  if (version)
    g_hash_table_insert (attributes, "schema-version", g_strdup_printf ("%d", PD_CREDENTIALS_SCHEMA_VERSION));
  return attributes;
}

static GError *
keyring_error (GError *error)
{
  GError *wrapped;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return error;
  wrapped = g_error_new (PD_AUTH_ERROR, PD_AUTH_ERROR_KEYRING,
                         _("The keyring cannot be used (%s). Check that a keyring such as GNOME "
                           "Keyring is running and unlocked."), error->message);
  g_error_free (error);
  return wrapped;
}

typedef struct {
  char             *account_id;
  PdCredentialKind  kind;
} StoreData;

static void
store_data_free (StoreData *data)
{
  g_free (data->account_id);
  g_free (data);
}

static void
on_other_cleared (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  secret_password_clear_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, keyring_error (error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_stored (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  StoreData *data = g_task_get_task_data (task);
  g_autoptr(GHashTable) other = NULL;
  GError *error = NULL;

  if (!secret_password_store_finish (result, &error))
    {
      g_task_return_error (task, keyring_error (error));
      return;
    }
  /* One secret per account: an account that changed kind keeps no stale secret. */
  other = attributes_new (data->account_id,
                          pd_credential_kind_to_string (data->kind == PD_CREDENTIAL_API_KEY
                                                        ? PD_CREDENTIAL_REFRESH_TOKEN
                                                        : PD_CREDENTIAL_API_KEY),
                          FALSE);
  secret_password_clearv (pd_credentials_get_schema (), other, g_task_get_cancellable (task),
                          on_other_cleared, g_object_ref (task));
}

void
pd_credentials_store_async (PdAccountInfo       *account,
                            PdCredentialKind     kind,
                            const char          *secret,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *host = NULL;
  g_autofree char *label = NULL;
  const char *email;
  StoreData *data;

  g_return_if_fail (PD_IS_ACCOUNT_INFO (account));
  g_return_if_fail (secret != NULL && *secret != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pd_credentials_store_async);
  data = g_new0 (StoreData, 1);
  data->account_id = g_strdup (pd_account_info_get_id (account));
  data->kind = kind;
  g_task_set_task_data (task, data, (GDestroyNotify) store_data_free);

  host = pd_account_info_dup_host (account);
  email = pd_account_info_get_user_email (account);
  /* Translators: the label of a secret in the keyring, e.g. in Seahorse; %s are an e-mail
   * address and a host name */
  label = email != NULL ? g_strdup_printf (_("Partner Desk: %s on %s"), email, host)
                        : g_strdup_printf (_("Partner Desk: %s"), host);
  attributes = attributes_new (data->account_id, pd_credential_kind_to_string (kind), TRUE);
  secret_password_storev (pd_credentials_get_schema (), attributes, SECRET_COLLECTION_DEFAULT,
                          label, secret, cancellable, on_stored, g_steal_pointer (&task));
}

gboolean
pd_credentials_store_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pd_credentials_store_async, FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_looked_up (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *secret = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    {
      g_task_return_error (task, keyring_error (error));
      return;
    }
  /* Hand out plain memory (callers g_free() it); wipe libsecret's copy. */
  g_task_return_pointer (task, g_strdup (secret), g_free);
  secret_password_free (secret);
}

void
pd_credentials_lookup_async (const char          *account_id,
                             PdCredentialKind     kind,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) attributes = NULL;

  g_return_if_fail (account_id != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pd_credentials_lookup_async);
  attributes = attributes_new (account_id, pd_credential_kind_to_string (kind), TRUE);
  secret_password_lookupv (pd_credentials_get_schema (), attributes, cancellable, on_looked_up,
                           g_steal_pointer (&task));
}

char *
pd_credentials_lookup_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pd_credentials_lookup_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_cleared (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  /* FALSE without an error only means nothing was stored. */
  secret_password_clear_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, keyring_error (error));
  else
    g_task_return_boolean (task, TRUE);
}

void
pd_credentials_clear_async (const char          *account_id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) attributes = NULL;

  g_return_if_fail (account_id != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pd_credentials_clear_async);
  attributes = attributes_new (account_id, NULL, FALSE);
  secret_password_clearv (pd_credentials_get_schema (), attributes, cancellable, on_cleared,
                          g_steal_pointer (&task));
}

gboolean
pd_credentials_clear_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pd_credentials_clear_async, FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-cache-resources.h"
#include "pd-portal-error.h"
#include "pd-session-private.h"
#include "pd-sign-in.h"

/* The second phase of a session's start, in the background: credentials from the keyring,
 * the outbox resumed, /me and the other documents read again, a sync; and the accounts of a
 * service, fetched when first asked for. See pd-session.c for the first phase. */

/* ---- phase 2: the network ------------------------------------------------------------ */

static void
document_stored_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!pd_cache_store_document_finish (PD_CACHE (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Cannot cache a document: %s", error->message);
}

static void fetch_document (PdSession *self, guint index);

gboolean
pd_session_set_document (PdSession   *self,
                         const char  *name,
                         JsonNode    *node,
                         GError     **error)
{
  g_return_val_if_fail (PD_IS_SESSION (self), FALSE);
  g_return_val_if_fail (name != NULL && node != NULL, FALSE);

  if (!pd_session_apply_document (self, name, node, error))
    return FALSE;
  if (self->cache != NULL)
    pd_cache_store_document_async (self->cache, name, json_node_copy (node), NULL, document_stored_cb, NULL);
  return TRUE;
}

static void
document_fetched_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(PdSession) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PdPortalResponse) response = pd_portal_client_send_finish (PD_PORTAL_CLIENT (source), result, &error);
  guint index = self->fetching_document;
  JsonNode *root;

  if (response == NULL)
    {
      /* Offline or refused: what the cache had stays. The sync engine reports the state. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Cannot read %s: %s", pd_session_documents[index].path, error->message);
      return;
    }
  root = pd_portal_response_get_root (response);
  if (root == NULL || !pd_session_apply_document (self, pd_session_documents[index].name, root, &error))
    {
      g_warning ("The portal’s %s is not usable: %s", pd_session_documents[index].path,
                 error != NULL ? error->message : "no JSON body");
      fetch_document (self, index + 1);
      return;
    }
  /* Not cancelled by a stop: what the portal sent is kept; closing the cache drains it. */
  pd_cache_store_document_async (self->cache, pd_session_documents[index].name, json_node_copy (root),
                                 NULL, document_stored_cb, NULL);

  if (index == 0)
    pd_session_update_account_from_me (self);
  fetch_document (self, index + 1);
}

/* /me first: it says which of the others this user may read. */
static void
fetch_document (PdSession *self,
                guint      index)
{
  g_autoptr(PdPortalRequest) request = NULL;

  while (index < PD_SESSION_N_DOCUMENTS && pd_session_documents[index].permission != NULL &&
         !pd_session_has_permission (self, pd_session_documents[index].permission))
    index++;
  if (index >= PD_SESSION_N_DOCUMENTS || g_cancellable_is_cancelled (self->cancellable))
    return;

  self->fetching_document = index;
  request = pd_portal_request_new ("GET", pd_session_documents[index].path);
  pd_portal_client_send_async (self->client, request, self->cancellable, document_fetched_cb, g_object_ref (self));
}

static void
synced_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The engine's properties carry the outcome for the UI. */
  if (!pd_sync_engine_sync_finish (PD_SYNC_ENGINE (source), result, &error))
    g_debug ("Sync: %s", error->message);
}

static void
auth_created_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PdSession) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PdPortalAuth) auth = pd_sign_in_create_auth_finish (result, &error);

  if (auth == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        pd_session_set_auth_error (self, error->message);
      return;
    }
  if (self->phase != PD_SESSION_PHASE_RUNNING)
    return;

  pd_session_set_auth_error (self, NULL);
  g_set_object (&self->auth, auth);
  pd_portal_client_set_auth (self->client, auth);
  pd_outbox_resume (self->outbox);
  pd_session_fetch_pending_accounts (self);
  fetch_document (self, 0);
  pd_sync_engine_sync_async (self->sync, FALSE, self->cancellable, synced_cb, NULL);
}

void
pd_session_go_online (PdSession *self)
{
  pd_sign_in_create_auth_async (self->account, self->client, self->cancellable,
                                auth_created_cb, g_object_ref (self));
}

/* Names change on the portal; the registry shows what /me says now. */
void
pd_session_update_account_from_me (PdSession *self)
{
  PdAccountInfo *account = self->account;
  PdMe *me = self->me;
  gboolean changed;
  g_autoptr(GError) error = NULL;

  if (me == NULL)
    return;
  changed = g_strcmp0 (pd_account_info_get_user_email (account), pd_me_get_user_email (me)) != 0 ||
            g_strcmp0 (pd_account_info_get_user_name (account), pd_me_get_user_name (me)) != 0 ||
            g_strcmp0 (pd_account_info_get_partner_name (account), pd_me_get_partner_name (me)) != 0;
  if (!changed)
    return;
  pd_account_info_set_user_email (account, pd_me_get_user_email (me));
  pd_account_info_set_user_name (account, pd_me_get_user_name (me));
  pd_account_info_set_partner_name (account, pd_me_get_partner_name (me));
  if (self->registry != NULL && pd_account_registry_lookup (self->registry, pd_account_info_get_id (account)) != NULL &&
      !pd_account_registry_add (self->registry, account, &error))
    g_warning ("%s", error->message);
}

/* ---- accounts of a service, lazily --------------------------------------------------- */

/* One fetch per service at a time, because two walks into the same list would race (the
 * second one's cache load would replace what the first one already brought from the
 * portal). A caller who waits for a fresh list while a fetch is under way is queued for the
 * next one: the running fetch may have read the portal before the change it wants to see. */

typedef struct {
  GPtrArray *waiters;  /* GTask, completed by the fetch in flight */
  GPtrArray *queued;   /* GTask, for one more fetch after it */
} AccountFetches;

static AccountFetches *
account_fetches_new (void)
{
  AccountFetches *fetches = g_new0 (AccountFetches, 1);

  fetches->waiters = g_ptr_array_new_with_free_func (g_object_unref);
  fetches->queued = g_ptr_array_new_with_free_func (g_object_unref);
  return fetches;
}

void
pd_session_account_fetches_free (gpointer data)
{
  AccountFetches *fetches = data;

  g_clear_pointer (&fetches->waiters, g_ptr_array_unref);
  g_clear_pointer (&fetches->queued, g_ptr_array_unref);
  g_free (fetches);
}

typedef struct {
  PdSession *self;
  char      *key;
} AccountFetch;

static gboolean start_account_fetch (PdSession *self, const char *key, PdResourceList *list);

static void
accounts_fetched_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  AccountFetch *fetch = user_data;
  g_autoptr(PdSession) self = fetch->self;
  g_autofree char *key = fetch->key;
  g_autoptr(GError) error = NULL;
  AccountFetches *fetches;
  g_autoptr(GPtrArray) waiters = NULL;
  g_autoptr(GPtrArray) queued = NULL;

  g_free (fetch);
  if (!pd_sync_engine_fetch_accounts_finish (PD_SYNC_ENGINE (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Cannot fetch accounts: %s", error->message);

  if (self->account_fetches == NULL || (fetches = g_hash_table_lookup (self->account_fetches, key)) == NULL)
    return;
  waiters = g_steal_pointer (&fetches->waiters);
  queued = g_steal_pointer (&fetches->queued);
  g_hash_table_remove (self->account_fetches, key);

  for (guint i = 0; i < waiters->len; i++)
    {
      GTask *task = g_ptr_array_index (waiters, i);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_boolean (task, TRUE);
    }
  if (queued->len == 0)
    return;
  if (error != NULL || !start_account_fetch (self, key, g_hash_table_lookup (self->accounts, key)))
    {
      for (guint i = 0; i < queued->len; i++)
        g_task_return_error (g_ptr_array_index (queued, i),
                             error != NULL ? g_error_copy (error)
                             : g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "stopped"));
      return;
    }
  fetches = g_hash_table_lookup (self->account_fetches, key);
  g_ptr_array_extend_and_steal (fetches->waiters, g_steal_pointer (&queued));
}

/* Starts a fetch of @key into @list unless one is in flight; FALSE when nothing can be
 * fetched yet (no credentials: pd_session_fetch_pending_accounts() does it later). */
static gboolean
start_account_fetch (PdSession      *self,
                     const char     *key,
                     PdResourceList *list)
{
  g_auto(GStrv) ids = NULL;
  AccountFetch *fetch;

  if (g_hash_table_contains (self->account_fetches, key))
    return TRUE;
  if (self->phase != PD_SESSION_PHASE_RUNNING || self->auth == NULL || list == NULL)
    return FALSE;
  ids = g_strsplit (key, "\n", 2);
  g_hash_table_insert (self->account_fetches, g_strdup (key), account_fetches_new ());
  fetch = g_new0 (AccountFetch, 1);
  fetch->self = g_object_ref (self);
  fetch->key = g_strdup (key);
  pd_sync_engine_fetch_accounts_async (self->sync, ids[0], ids[1], list, self->cancellable,
                                       accounts_fetched_cb, fetch);
  return TRUE;
}

void
pd_session_fetch_pending_accounts (PdSession *self)
{
  GHashTableIter iter;
  gpointer key, list;

  g_hash_table_iter_init (&iter, self->accounts);
  while (g_hash_table_iter_next (&iter, &key, &list))
    start_account_fetch (self, key, list);
}

static PdResourceList *
lookup_accounts (PdSession  *self,
                 const char *organization_id,
                 const char *service_id,
                 char      **key_out)
{
  g_autofree char *key = g_strconcat (organization_id, "\n", service_id, NULL);
  PdResourceList *list = g_hash_table_lookup (self->accounts, key);

  if (list == NULL)
    {
      list = pd_resource_list_new (PD_TYPE_ACCOUNT);
      g_hash_table_insert (self->accounts, g_strdup (key), list);
      /* Before the credentials are in, there is nothing to fetch with: fetched once they are. */
      start_account_fetch (self, key, list);
    }
  if (key_out != NULL)
    *key_out = g_steal_pointer (&key);
  return list;
}

PdResourceList *
pd_session_get_accounts (PdSession  *self,
                         const char *organization_id,
                         const char *service_id)
{
  g_return_val_if_fail (PD_IS_SESSION (self), NULL);
  g_return_val_if_fail (organization_id != NULL && service_id != NULL, NULL);

  return lookup_accounts (self, organization_id, service_id, NULL);
}

void
pd_session_fetch_accounts_async (PdSession           *self,
                                 const char          *organization_id,
                                 const char          *service_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *key = NULL;
  PdResourceList *list;
  AccountFetches *fetches;
  gboolean running;

  g_return_if_fail (PD_IS_SESSION (self));
  g_return_if_fail (organization_id != NULL && service_id != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pd_session_fetch_accounts_async);
  key = g_strconcat (organization_id, "\n", service_id, NULL);
  running = g_hash_table_contains (self->account_fetches, key);
  list = lookup_accounts (self, organization_id, service_id, NULL);
  if (!start_account_fetch (self, key, list))
    {
      g_task_return_new_error (task, PD_PORTAL_ERROR, PD_PORTAL_ERROR_OFFLINE,
                               _("The accounts cannot be read before you are signed in to the portal"));
      return;
    }
  fetches = g_hash_table_lookup (self->account_fetches, key);
  /* a fetch that was already under way may have read the portal before the caller's change */
  g_ptr_array_add (running ? fetches->queued : fetches->waiters, g_steal_pointer (&task));
}

gboolean
pd_session_fetch_accounts_finish (PdSession     *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

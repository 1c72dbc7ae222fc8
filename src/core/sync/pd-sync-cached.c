/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pd-cache-resources.h"
#include "pd-sync-private.h"

/* The parts of PdSyncEngine that start from the cache: loading the lists before any
 * network, and the accounts of one service, shown from the cache and then fetched. */

typedef struct {
  GError *error;
  guint   pending;
} Loads;

static void
loads_free (gpointer data)
{
  Loads *loads = data;

  g_clear_error (&loads->error);
  g_free (loads);
}

typedef struct {
  GTask          *task;
  PdResourceList *list;
} LoadOne;

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  LoadOne *one = user_data;
  g_autoptr(GTask) task = one->task;
  g_autoptr(PdResourceList) list = one->list;
  Loads *loads = g_task_get_task_data (task);
  g_autoptr(GPtrArray) items = NULL;
  GError *error = NULL;

  g_free (one);
  items = pd_cache_load_list_finish (PD_CACHE (source), result, &error);
  if (items != NULL)
    pd_resource_list_replace (list, items);
  else if (loads->error == NULL)
    loads->error = error;
  else
    g_error_free (error);

  if (--loads->pending > 0)
    return;
  if (loads->error != NULL)
    g_task_return_error (task, g_steal_pointer (&loads->error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
load_list (PdSyncEngine         *self,
           GTask                *task,
           const PdResourceKind *kind,
           const char           *parent_id,
           PdResourceList       *list)
{
  LoadOne *one = g_new0 (LoadOne, 1);

  one->task = g_object_ref (task);
  one->list = g_object_ref (list);
  pd_cache_load_list_async (pd_sync_engine_get_cache (self), kind, parent_id,
                            g_task_get_cancellable (task), on_loaded, one);
}

void
pd_sync_engine_load_cached_async (PdSyncEngine        *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Loads *loads;
  guint n_lists = 0;

  g_return_if_fail (PD_IS_SYNC_ENGINE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pd_sync_engine_load_cached_async);
  loads = g_new0 (Loads, 1);
  g_task_set_task_data (task, loads, loads_free);

  for (guint i = 0; pd_sync_engine_get_entry (self, i, NULL, NULL); i++)
    n_lists++;
  loads->pending = n_lists;
  if (n_lists == 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  for (guint i = 0; i < n_lists; i++)
    {
      const PdResourceKind *kind;
      PdResourceList *list;

      pd_sync_engine_get_entry (self, i, &kind, &list);
      load_list (self, task, kind, NULL, list);
    }
}

gboolean
pd_sync_engine_load_cached_finish (PdSyncEngine  *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct {
  char           *organization_id;
  char           *service_id;
  PdResourceList *into;
} Accounts;

static void
accounts_free (gpointer data)
{
  Accounts *accounts = data;

  g_free (accounts->organization_id);
  g_free (accounts->service_id);
  g_clear_object (&accounts->into);
  g_free (accounts);
}

static void
on_accounts_walked (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!pd_sync_walk_finish (PD_SYNC_ENGINE (source), result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_accounts_cached (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Accounts *accounts = g_task_get_task_data (task);
  PdSyncEngine *self = g_task_get_source_object (task);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  items = pd_cache_load_list_finish (PD_CACHE (source), result, &error);
  if (items != NULL)
    pd_resource_list_replace (accounts->into, items);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  else
    /* the portal can still answer */
    g_message ("Cached accounts of %s not loaded: %s", accounts->service_id, error->message);

  pd_sync_walk_async (self, &pd_resource_kind_accounts, accounts->organization_id,
                      accounts->service_id, accounts->into, FALSE,
                      g_task_get_cancellable (task), on_accounts_walked, g_object_ref (task));
}

void
pd_sync_engine_fetch_accounts_async (PdSyncEngine        *self,
                                     const char          *organization_id,
                                     const char          *service_id,
                                     PdResourceList      *into,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Accounts *accounts;

  g_return_if_fail (PD_IS_SYNC_ENGINE (self));
  g_return_if_fail (organization_id != NULL && service_id != NULL);
  g_return_if_fail (PD_IS_RESOURCE_LIST (into));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pd_sync_engine_fetch_accounts_async);
  accounts = g_new0 (Accounts, 1);
  accounts->organization_id = g_strdup (organization_id);
  accounts->service_id = g_strdup (service_id);
  accounts->into = g_object_ref (into);
  g_task_set_task_data (task, accounts, accounts_free);

  pd_cache_load_list_async (pd_sync_engine_get_cache (self), &pd_resource_kind_accounts,
                            service_id, cancellable, on_accounts_cached, g_object_ref (task));
}

gboolean
pd_sync_engine_fetch_accounts_finish (PdSyncEngine  *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

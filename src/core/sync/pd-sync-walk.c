/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-cache-resources.h"
#include "pd-sync-private.h"

/* Page-level retries on top of the client's own: a walk of many pages should not be lost
 * to one unlucky page. */
#define MAX_PAGE_ATTEMPTS 3

typedef struct {
  PdSyncEngine         *engine;   /* the task's source object keeps it alive */
  const PdResourceKind *kind;
  char                 *parent_id;
  char                 *path;
  PdResourceList       *list;
  GCancellable         *cancellable;
  gboolean              want_full;
  gboolean              progress;  /* counts towards the engine's progress */

  gboolean              full;
  gint64                generation;   /* the mark this walk stores rows with */
  char                 *since;        /* updated_since of a delta walk */
  char                 *server_time;  /* the first page's, recorded at the end */
  char                 *cursor;
  gboolean              first_page_done;
  gboolean              last_fetched;
  gboolean              fetching;
  guint                 stores_pending;
  guint                 attempts;
  gint                  stored;
  gint                  expected;
  gint                  fetched;
  GError               *error;
} Walk;

static void request_page (GTask *task);

static void
walk_free (gpointer data)
{
  Walk *walk = data;

  g_free (walk->parent_id);
  g_free (walk->path);
  g_clear_object (&walk->list);
  g_clear_object (&walk->cancellable);
  g_free (walk->since);
  g_free (walk->server_time);
  g_free (walk->cursor);
  g_clear_error (&walk->error);
  g_free (walk);
}

static void
add_progress (Walk *walk,
              gint  stored,
              gint  expected)
{
  walk->stored += stored;
  walk->expected += expected;
  if (walk->progress)
    pd_sync_engine_walk_progress (walk->engine, stored, expected);
}

static void
set_expected (Walk *walk,
              gint  expected)
{
  add_progress (walk, 0, expected - walk->expected);
}

static void
on_state_saved (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!pd_cache_set_sync_state_finish (PD_CACHE (source), result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
save_state (GTask *task)
{
  Walk *walk = g_task_get_task_data (task);

  /* the estimate becomes the truth */
  set_expected (walk, walk->stored);
  pd_cache_set_sync_state_async (pd_sync_engine_get_cache (walk->engine), walk->kind,
                                 walk->parent_id, walk->server_time, walk->generation,
                                 walk->cancellable, on_state_saved, g_object_ref (task));
}

static void
on_swept (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Walk *walk = g_task_get_task_data (task);
  g_auto(GStrv) removed = NULL;
  g_autoptr(GPtrArray) none = NULL;
  GError *error = NULL;

  removed = pd_cache_sweep_finish (PD_CACHE (source), result, &error);
  if (removed == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (removed[0] != NULL)
    {
      g_debug ("Full sync of %s removed %u items", walk->kind->name, g_strv_length (removed));
      none = g_ptr_array_new ();
      pd_resource_list_apply (walk->list, none, (const char * const *) removed);
    }
  save_state (task);
}

/* Called whenever an operation ends: finishes the walk once nothing is in flight. */
static void
maybe_finish (GTask *task)
{
  Walk *walk = g_task_get_task_data (task);

  if (walk->fetching || walk->stores_pending > 0)
    return;
  if (walk->error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&walk->error));
      return;
    }
  if (!walk->last_fetched)
    {
      request_page (task);
      return;
    }
  if (walk->full)
    pd_cache_sweep_async (pd_sync_engine_get_cache (walk->engine), walk->kind,
                          walk->parent_id, walk->generation, walk->cancellable, on_swept,
                          g_object_ref (task));
  else
    save_state (task);
}

static void
on_stored (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Walk *walk = g_task_get_task_data (task);
  g_autoptr(GPtrArray) items = NULL;
  g_auto(GStrv) deleted = NULL;
  GError *error = NULL;

  walk->stores_pending--;
  items = pd_cache_store_page_finish (PD_CACHE (source), result, &deleted, &error);
  if (items == NULL)
    {
      if (walk->error == NULL)
        walk->error = error;
      else
        g_error_free (error);
    }
  else
    {
      /* The objects were decoded on the cache's thread; this only swaps them in. */
      pd_resource_list_apply (walk->list, items, (const char * const *) deleted);
      add_progress (walk, items->len, 0);
      if (walk->stores_pending < 2)
        request_page (task);
    }
  maybe_finish (task);
}

static gboolean
retry_page (gpointer data)
{
  request_page (data);
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

static gboolean
is_retryable (const GError *error)
{
  if (error->domain != PD_PORTAL_ERROR)
    return FALSE;
  switch (error->code)
    {
    case PD_PORTAL_ERROR_SERVER:
    case PD_PORTAL_ERROR_BAD_RESPONSE:
    case PD_PORTAL_ERROR_RATE_LIMITED:
      return TRUE;
    default:
      /* offline: the engine waits and tries again later; 4xx will not change */
      return FALSE;
    }
}

static const char *
get_string_member (JsonObject *object,
                   const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* Checks the envelope on the main thread (cheap: three members, no items touched) */
static gboolean
read_envelope (Walk      *walk,
               JsonNode  *root,
               guint     *n_items,
               GError   **error)
{
  JsonObject *object;
  JsonNode *items;
  JsonNode *next;
  const char *server_time;

  object = root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  items = object != NULL ? json_object_get_member (object, "items") : NULL;
  next = object != NULL ? json_object_get_member (object, "next_cursor") : NULL;
  server_time = object != NULL ? get_string_member (object, "server_time") : NULL;
  if (items == NULL || !JSON_NODE_HOLDS_ARRAY (items) || next == NULL || server_time == NULL
      || (!JSON_NODE_HOLDS_NULL (next) && get_string_member (object, "next_cursor") == NULL))
    {
      g_set_error (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_BAD_RESPONSE,
                   _("The portal answered the list “%s” with something that is not a list page"),
                   walk->path);
      return FALSE;
    }

  if (!walk->first_page_done)
    walk->server_time = g_strdup (server_time);
  g_clear_pointer (&walk->cursor, g_free);
  walk->cursor = g_strdup (get_string_member (object, "next_cursor"));
  *n_items = json_array_get_length (json_node_get_array (items));
  return TRUE;
}

static void
on_page (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Walk *walk = g_task_get_task_data (task);
  g_autoptr(PdPortalResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *root = NULL;
  guint n_items = 0;

  pd_sync_engine_release_slot (walk->engine);
  response = pd_portal_client_send_finish (PD_PORTAL_CLIENT (source), result, &error);
  if (response != NULL)
    {
      root = pd_portal_response_steal_root (response);
      if (!read_envelope (walk, root, &n_items, &error))
        g_clear_pointer (&root, json_node_unref);
    }

  if (root == NULL)
    {
      walk->fetching = FALSE;
      if (walk->error == NULL && is_retryable (error) && ++walk->attempts < MAX_PAGE_ATTEMPTS
          && !g_cancellable_is_cancelled (walk->cancellable))
        {
          g_debug ("Page of %s failed (%s), trying again", walk->kind->name, error->message);
          walk->fetching = TRUE;
          g_timeout_add (500 * walk->attempts, retry_page, g_object_ref (task));
          return;
        }
      if (walk->error == NULL)
        walk->error = g_steal_pointer (&error);
      maybe_finish (task);
      return;
    }

  walk->fetching = FALSE;
  walk->attempts = 0;
  walk->first_page_done = TRUE;
  walk->last_fetched = walk->cursor == NULL;
  walk->fetched += n_items;
  /* The portal gives no totals: expect at least one more full page while there is a cursor */
  set_expected (walk, walk->last_fetched ? walk->fetched
                                         : MAX (walk->expected, walk->fetched + PD_SYNC_PAGE_LIMIT));

  walk->stores_pending++;
  pd_cache_store_page_async (pd_sync_engine_get_cache (walk->engine), walk->kind,
                             walk->parent_id, root, walk->generation, walk->cancellable,
                             on_stored, g_object_ref (task));

  /* Pipeline: fetch the next page while this one is decoded and stored, but never more
   * than one page ahead of the cache. */
  if (!walk->last_fetched && walk->stores_pending < 2)
    request_page (task);
}

static gboolean
send_page (gpointer data)
{
  GTask *task = data;
  Walk *walk = g_task_get_task_data (task);
  g_autoptr(PdPortalRequest) request = pd_portal_request_new ("GET", walk->path);
  g_autofree char *limit = g_strdup_printf ("%d", PD_SYNC_PAGE_LIMIT);

  pd_portal_request_add_query (request, "limit", limit);
  if (walk->since != NULL)
    pd_portal_request_add_query (request, "updated_since", walk->since);
  if (walk->cursor != NULL)
    pd_portal_request_add_query (request, "cursor", walk->cursor);
  /* the slot's reference becomes the request's */
  pd_portal_client_send_async (pd_sync_engine_get_client (walk->engine), request,
                               walk->cancellable, on_page, task);
  return G_SOURCE_REMOVE;
}

static void
request_page (GTask *task)
{
  Walk *walk = g_task_get_task_data (task);

  if (walk->fetching || walk->last_fetched || walk->error != NULL)
    return;
  walk->fetching = TRUE;
  pd_sync_engine_acquire_slot (walk->engine, send_page, g_object_ref (task));
}

static void
on_state (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Walk *walk = g_task_get_task_data (task);
  g_autoptr(PdCacheSyncState) state = NULL;
  GError *error = NULL;

  state = pd_cache_get_sync_state_finish (PD_CACHE (source), result, &error);
  if (state == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  walk->full = walk->want_full || !walk->kind->delta || state->server_time == NULL;
  if (walk->full)
    {
      /* A fresh mark per attempt: rows of an interrupted walk must not look current. */
      walk->generation = MAX (state->generation + 1, g_get_real_time ());
      set_expected (walk, MAX ((gint) g_list_model_get_n_items (G_LIST_MODEL (walk->list)), 1));
    }
  else
    {
      walk->generation = state->generation;
      walk->since = g_strdup (state->server_time);
      set_expected (walk, 1);
    }
  g_debug ("%s sync of %s%s%s", walk->full ? "Full" : "Delta", walk->kind->name,
           *walk->parent_id != '\0' ? " of " : "", walk->parent_id);
  request_page (task);
}

void
pd_sync_walk_async (PdSyncEngine         *engine,
                    const PdResourceKind *kind,
                    const char           *organization_id,
                    const char           *parent_id,
                    PdResourceList       *list,
                    gboolean              full,
                    GCancellable         *cancellable,
                    GAsyncReadyCallback   callback,
                    gpointer              user_data)
{
  g_autoptr(GTask) task = g_task_new (engine, cancellable, callback, user_data);
  Walk *walk = g_new0 (Walk, 1);

  g_task_set_source_tag (task, pd_sync_walk_async);
  walk->engine = engine;
  walk->kind = kind;
  walk->parent_id = g_strdup (parent_id != NULL ? parent_id : "");
  walk->path = pd_resource_kind_path (kind, organization_id, parent_id);
  walk->list = g_object_ref (list);
  walk->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  walk->want_full = full;
  walk->progress = parent_id == NULL;
  g_task_set_task_data (task, walk, walk_free);

  pd_cache_get_sync_state_async (pd_sync_engine_get_cache (engine), kind, parent_id,
                                 cancellable, on_state, g_object_ref (task));
}

gboolean
pd_sync_walk_finish (PdSyncEngine  *engine,
                     GAsyncResult  *result,
                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, engine), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

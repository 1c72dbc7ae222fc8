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
  gboolean              hidden;    /* a top-level list the role may not read */

  gboolean              full;
  gint64                generation;   /* the mark this walk stores rows with */
  char                 *since;        /* updated_since of a delta walk */
  char                 *server_time;  /* the first page's, recorded at the end */
  char                 *cursor;
  gboolean              cursor_pending;  /* the next cursor is known once the page is stored */
  guint                 epoch;           /* bumped when the walk goes back to a failed page */
  gboolean              last_fetched;
  gboolean              fetching;
  guint                 stores_pending;
  guint                 attempts;
  gint                  stored;
  gint                  expected;
  gint                  fetched;
  GError               *error;
} Walk;

/* One page's request and storing */
typedef struct {
  GTask   *task;
  guint    epoch;
  char    *cursor;     /* the one it was asked for with */
  gboolean no_link;    /* came without a next link: its body says where to go on */
} Page;

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

static Page *
page_new (GTask      *task,
          guint       epoch,
          const char *cursor)
{
  Page *page = g_new0 (Page, 1);

  page->task = task;
  page->epoch = epoch;
  page->cursor = g_strdup (cursor);
  return page;
}

static void
page_free (Page *page)
{
  g_object_unref (page->task);
  g_free (page->cursor);
  g_free (page);
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
  if (walk->hidden)
    g_task_return_boolean (task, TRUE);
  else
    save_state (task);
}

/* Called whenever an operation ends: finishes the walk once nothing is in flight. */
static void
maybe_finish (GTask *task)
{
  Walk *walk = g_task_get_task_data (task);

  if (walk->fetching || walk->stores_pending > 0)
    return;
  if (walk->error != NULL && walk->progress && walk->fetched == 0 &&
      g_error_matches (walk->error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_FORBIDDEN))
    {
      /* The signed-in role may not read this list (finance and groups, say): the list is
       * empty for this user, not a failed sync; what an earlier role cached goes. */
      g_debug ("%s is not readable by this role: %s", walk->kind->name, walk->error->message);
      g_clear_error (&walk->error);
      walk->hidden = TRUE;
      pd_cache_sweep_async (pd_sync_engine_get_cache (walk->engine), walk->kind,
                            walk->parent_id, MAX (walk->generation + 1, g_get_real_time ()),
                            walk->cancellable, on_swept, g_object_ref (task));
      return;
    }
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

/* A page came back broken: every page from it on is asked for again (pages after it that
 * are in flight or stored are not applied), so the list keeps the portal's order. */
static void
restart_at (Walk       *walk,
            const char *cursor)
{
  walk->epoch++;
  g_free (walk->cursor);
  walk->cursor = g_strdup (cursor);
  walk->cursor_pending = FALSE;
  walk->last_fetched = FALSE;
}

static void
on_stored (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Page *page = user_data;
  g_autoptr(GTask) task = g_object_ref (page->task);
  Walk *walk = g_task_get_task_data (task);
  g_autoptr(PdCacheStoredPage) stored = NULL;
  GError *error = NULL;

  walk->stores_pending--;
  stored = pd_cache_store_page_text_finish (PD_CACHE (source), result, &error);
  if (page->epoch != walk->epoch)
    g_clear_error (&error);
  else if (stored == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA))
        {
          g_clear_error (&error);
          if (++walk->attempts < MAX_PAGE_ATTEMPTS && walk->error == NULL
              && !g_cancellable_is_cancelled (walk->cancellable))
            {
              g_debug ("Page of %s was not a list page, asking again", walk->kind->name);
              restart_at (walk, page->cursor);
            }
          else
            error = g_error_new (PD_PORTAL_ERROR, PD_PORTAL_ERROR_BAD_RESPONSE,
                                 _("The portal answered the list “%s” with something that is not a list page"),
                                 walk->path);
        }
      if (error != NULL && walk->error == NULL)
        walk->error = error;
      else
        g_clear_error (&error);
    }
  else
    {
      walk->attempts = 0;
      if (walk->server_time == NULL)
        walk->server_time = g_steal_pointer (&stored->server_time);
      if (walk->cursor_pending && page->no_link)
        {
          /* no Link header: the body's next_cursor says where to go on */
          walk->cursor_pending = FALSE;
          g_free (walk->cursor);
          walk->cursor = g_steal_pointer (&stored->next_cursor);
          walk->last_fetched = walk->cursor == NULL;
        }
      /* The objects were decoded on the cache's threads; this only swaps them in. */
      pd_resource_list_apply (walk->list, stored->items, (const char * const *) stored->deleted);
      walk->fetched += stored->items->len;
      add_progress (walk, stored->items->len, 0);
      /* The portal gives no totals: expect at least one more full page while there is more */
      set_expected (walk, walk->last_fetched && walk->stores_pending == 0 && !walk->fetching
                          ? walk->fetched
                          : MAX (walk->expected, walk->fetched + PD_SYNC_PAGE_LIMIT));
    }
  page_free (page);
  if (walk->stores_pending < PD_SYNC_PAGES_AHEAD)
    request_page (task);
  maybe_finish (task);
}

static gboolean
retry_page (gpointer data)
{
  GTask *task = data;
  Walk *walk = g_task_get_task_data (task);

  walk->fetching = FALSE;
  request_page (task);
  maybe_finish (task);
  g_object_unref (task);
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

/* The cursor of `Link: <…?…&cursor=…>; rel="next"` (RFC 8288), NULL without one */
static char *
cursor_from_link (const char *link)
{
  g_autoptr(GHashTable) params = NULL;
  const char *start, *end, *query;
  g_autofree char *target = NULL;

  if (link == NULL || (start = strchr (link, '<')) == NULL || (end = strchr (start, '>')) == NULL
      || strstr (end, "rel=\"next\"") == NULL)
    return NULL;
  target = g_strndup (start + 1, (gsize) (end - start - 1));
  query = strchr (target, '?');
  if (query == NULL)
    return NULL;
  params = g_uri_parse_params (query + 1, -1, "&", G_URI_PARAMS_NONE, NULL);
  if (params == NULL || g_hash_table_lookup (params, "cursor") == NULL
      || *(const char *) g_hash_table_lookup (params, "cursor") == '\0')
    return NULL;
  return g_strdup (g_hash_table_lookup (params, "cursor"));
}

static void
on_page (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Page *page = user_data;
  g_autoptr(GTask) task = g_object_ref (page->task);
  Walk *walk = g_task_get_task_data (task);
  g_autoptr(PdPortalResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  GBytes *body = NULL;
  Page *stored;
  char *next;

  pd_sync_engine_release_slot (walk->engine);
  response = pd_portal_client_send_finish (PD_PORTAL_CLIENT (source), result, &error);
  walk->fetching = FALSE;
  if (page->epoch != walk->epoch)
    {
      /* asked for before the walk went back to a broken page */
      page_free (page);
      request_page (task);
      maybe_finish (task);
      return;
    }
  if (response != NULL)
    {
      body = pd_portal_response_get_body (response);
      if (body == NULL)
        g_set_error (&error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_BAD_RESPONSE,
                     _("The portal answered the list “%s” with something that is not a list page"),
                     walk->path);
    }

  if (body == NULL)
    {
      if (walk->error == NULL && is_retryable (error) && ++walk->attempts < MAX_PAGE_ATTEMPTS
          && !g_cancellable_is_cancelled (walk->cancellable))
        {
          g_debug ("Page of %s failed (%s), trying again", walk->kind->name, error->message);
          walk->fetching = TRUE;
          g_timeout_add (500 * walk->attempts, retry_page, g_object_ref (task));
          page_free (page);
          return;
        }
      if (walk->error == NULL)
        walk->error = g_steal_pointer (&error);
      page_free (page);
      maybe_finish (task);
      return;
    }

  /* The body is parsed, decoded and stored on the cache's threads. With the next page's
   * address in the headers, asking for it does not wait for that. */
  next = cursor_from_link (pd_portal_response_get_header (response, "Link"));
  g_free (walk->cursor);
  walk->cursor = next;
  walk->cursor_pending = next == NULL;
  walk->stores_pending++;
  stored = page_new (g_object_ref (task), page->epoch, page->cursor);
  /* Only this page's body can tell: an earlier page stored meanwhile would send the walk
   * back to the page it already has (the last one, fetched twice). */
  stored->no_link = next == NULL;
  pd_cache_store_page_text_async (pd_sync_engine_get_cache (walk->engine), walk->kind,
                                  walk->parent_id, body, walk->generation, walk->cancellable,
                                  on_stored, stored);
  page_free (page);

  /* Pipeline, but never more than PD_SYNC_PAGES_AHEAD pages ahead of the cache. */
  if (walk->stores_pending < PD_SYNC_PAGES_AHEAD)
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
  /* the page is parsed on the cache's threads, not before the next request */
  pd_portal_request_set_raw_json (request, TRUE);
  /* the slot's reference becomes the page's */
  pd_portal_client_send_async (pd_sync_engine_get_client (walk->engine), request,
                               walk->cancellable, on_page,
                               page_new (task, walk->epoch, walk->cursor));
  return G_SOURCE_REMOVE;
}

static void
request_page (GTask *task)
{
  Walk *walk = g_task_get_task_data (task);

  if (walk->fetching || walk->last_fetched || walk->cursor_pending || walk->error != NULL)
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

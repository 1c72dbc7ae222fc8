/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-sync URL KEY CACHE full|delta: one sync of the organizations into CACHE with
 * PdSyncEngine, timed from the call to its completion. Prints "<ms> <items>". A delta run
 * first loads the cached list (not timed), as the application does at start-up.
 * Before either, also not timed, the client fetches /me and the cache stores it, as the
 * application's session does before its first sync (pd-session.c): the process's first
 * connection loads GIO's proxy modules and the cache's first write creates its log, a few
 * milliseconds that a running application has behind it and that are a quarter of a
 * delta sync. Driven by sync.py, which also times curl on the same pages. */
#include "config.h"

#include <stdio.h>

#include "pd-api-key-auth.h"
#include "pd-cache.h"
#include "pd-cache-resources.h"
#include "pd-organization.h"
#include "pd-sync-engine.h"

typedef struct {
  gboolean  done;
  gboolean  ok;
  GError   *error;
  PdCache  *cache;
} Wait;

static void
on_me_stored (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Wait *wait = user_data;

  wait->ok = pd_cache_store_document_finish (PD_CACHE (source), result, &wait->error);
  wait->done = TRUE;
}

static void
on_me (GObject      *source,
       GAsyncResult *result,
       gpointer      user_data)
{
  Wait *wait = user_data;
  g_autoptr(PdPortalResponse) response = NULL;

  response = pd_portal_client_send_finish (PD_PORTAL_CLIENT (source), result, &wait->error);
  if (response == NULL)
    {
      wait->done = TRUE;
      return;
    }
  pd_cache_store_document_async (wait->cache, "me", pd_portal_response_steal_root (response),
                                 NULL, on_me_stored, wait);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Wait *wait = user_data;

  wait->ok = pd_sync_engine_load_cached_finish (PD_SYNC_ENGINE (source), result, &wait->error);
  wait->done = TRUE;
}

static void
on_synced (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Wait *wait = user_data;

  wait->ok = pd_sync_engine_sync_finish (PD_SYNC_ENGINE (source), result, &wait->error);
  wait->done = TRUE;
}

static void
run_until (Wait       *wait,
           const char *what)
{
  while (!wait->done)
    g_main_context_iteration (NULL, TRUE);
  if (!wait->ok)
    {
      g_printerr ("%s failed: %s\n", what, wait->error->message);
      exit (1);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdPortalClient) client = NULL;
  g_autoptr(PdApiKeyAuth) auth = NULL;
  g_autoptr(PdCache) cache = NULL;
  g_autoptr(PdSyncEngine) engine = NULL;
  g_autoptr(PdResourceList) organizations = NULL;
  Wait me = { FALSE, FALSE, NULL, NULL };
  Wait loaded = { FALSE, FALSE, NULL, NULL };
  Wait synced = { FALSE, FALSE, NULL, NULL };
  g_autoptr(PdPortalRequest) me_request = pd_portal_request_new ("GET", "/api/v1/me");
  gboolean full;
  gint64 start;

  if (argc != 5 || (!g_str_equal (argv[4], "full") && !g_str_equal (argv[4], "delta")))
    {
      g_printerr ("usage: %s URL KEY CACHE full|delta\n", argv[0]);
      return 2;
    }
  full = g_str_equal (argv[4], "full");

  client = pd_portal_client_new (argv[1], NULL, &error);
  if (client == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  auth = pd_api_key_auth_new (argv[2]);
  pd_portal_client_set_auth (client, PD_PORTAL_AUTH (auth));
  cache = pd_cache_new (argv[3]);
  if (!pd_cache_open_sync (cache, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  organizations = pd_resource_list_new (PD_TYPE_ORGANIZATION);
  engine = pd_sync_engine_new (client, cache);
  pd_sync_engine_add_list (engine, &pd_resource_kind_organizations, organizations);

  me.cache = cache;
  pd_portal_client_send_async (client, me_request, NULL, on_me, &me);
  run_until (&me, "fetching /me");

  if (!full)
    {
      pd_sync_engine_load_cached_async (engine, NULL, on_loaded, &loaded);
      run_until (&loaded, "loading the cache");
    }

  start = g_get_monotonic_time ();
  pd_sync_engine_sync_async (engine, full, NULL, on_synced, &synced);
  run_until (&synced, "sync");
  printf ("%.1f %u\n", (g_get_monotonic_time () - start) / 1000.0,
          g_list_model_get_n_items (G_LIST_MODEL (organizations)));

  g_clear_object (&engine);
  pd_cache_close (cache);
  return 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "pd-account.h"
#include "pd-group.h"
#include "pd-in-app-notification.h"
#include "pd-organization.h"
#include "pd-role.h"
#include "pd-test-portal.h"
#include "pd-user.h"
#include "sync-test-util.h"

/* Everything but the one-list basics of test-sync.c: every top-level list at once, the
 * accounts of one service, the periodic refresh, and a portal that dies mid-sync. */

static void
test_all_lists (void)
{
  g_autoptr(PdTestPortal) portal = pd_test_portal_start ((const char * const[]) { "--seed", "300", NULL });
  g_autoptr(PdPortalClient) client = sync_test_client_new (pd_test_portal_get_url (portal),
                                                           pd_test_portal_get_key (portal, "owner"));
  g_autofree char *directory = NULL;
  g_autoptr(PdCache) cache = sync_test_cache_new (&directory);
  g_autoptr(PdSyncEngine) engine = pd_sync_engine_new (client, cache);
  struct {
    const PdResourceKind *kind;
    GType                 type;
    PdResourceList       *list;
  } lists[] = {
    { &pd_resource_kind_organizations, PD_TYPE_ORGANIZATION, NULL },
    { &pd_resource_kind_users, PD_TYPE_USER, NULL },
    { &pd_resource_kind_roles, PD_TYPE_ROLE, NULL },
    { &pd_resource_kind_groups, PD_TYPE_GROUP, NULL },
    { &pd_resource_kind_notifications, PD_TYPE_IN_APP_NOTIFICATION, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      lists[i].list = pd_resource_list_new (lists[i].type);
      pd_sync_engine_add_list (engine, lists[i].kind, lists[i].list);
    }
  g_assert_true (sync_test_run (engine, TRUE, NULL));
  /* and a delta round on top */
  g_assert_true (sync_test_run (engine, FALSE, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_autofree char *path = pd_resource_kind_path (lists[i].kind, NULL, NULL);
      g_autoptr(GHashTable) expected = sync_test_fetch_direct (client, path);

      g_test_message ("%s: %u", lists[i].kind->name, g_hash_table_size (expected));
      sync_test_assert_matches (lists[i].list, expected);
      g_object_unref (lists[i].list);
    }
  g_clear_object (&engine);
  g_clear_object (&cache);
  sync_test_remove_dir (directory);
}

/* The first service of @organization_id that has accounts */
static char *
find_service (PdPortalClient *client,
              const char     *organization_id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/organizations/%s", organization_id);
  g_autoptr(JsonNode) organization = sync_test_request (client, "GET", path, NULL, NULL);
  JsonArray *services = json_object_get_array_member (json_node_get_object (organization),
                                                      "services");

  for (guint i = 0; i < json_array_get_length (services); i++)
    {
      JsonObject *service = json_array_get_object_element (services, i);
      g_autofree char *accounts = g_strdup_printf ("%s/services/%s/accounts", path,
                                                   json_object_get_string_member (service, "id"));
      g_autoptr(GHashTable) expected = sync_test_fetch_direct (client, accounts);

      if (g_hash_table_size (expected) > 0)
        return g_strdup (json_object_get_string_member (service, "id"));
    }
  return NULL;
}

static void
test_accounts (void)
{
  g_autoptr(PdTestPortal) portal = pd_test_portal_start ((const char * const[]) { "--seed", "20", NULL });
  g_autoptr(PdPortalClient) client = sync_test_client_new (pd_test_portal_get_url (portal),
                                                           pd_test_portal_get_key (portal, "owner"));
  g_autoptr(PdPortalClient) nowhere = sync_test_client_new ("http://127.0.0.1:9", "none");
  g_autofree char *directory = NULL;
  g_autoptr(PdCache) cache = sync_test_cache_new (&directory);
  g_autoptr(PdSyncEngine) engine = pd_sync_engine_new (client, cache);
  g_autoptr(PdSyncEngine) offline = NULL;
  g_autoptr(PdResourceList) accounts = pd_resource_list_new (PD_TYPE_ACCOUNT);
  g_autoptr(PdResourceList) again = pd_resource_list_new (PD_TYPE_ACCOUNT);
  g_autoptr(GHashTable) expected = NULL;
  g_autofree char *service = find_service (client, "org_1");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (service);
  path = g_strdup_printf ("/api/v1/organizations/org_1/services/%s/accounts", service);
  expected = sync_test_fetch_direct (client, path);

  g_assert_true (sync_test_fetch_accounts (engine, "org_1", service, accounts, NULL));
  sync_test_assert_matches (accounts, expected);
  /* a second time: a delta */
  g_assert_true (sync_test_fetch_accounts (engine, "org_1", service, accounts, NULL));
  sync_test_assert_matches (accounts, expected);

  /* cached: shown even when the portal cannot be reached */
  offline = pd_sync_engine_new (nowhere, cache);
  g_assert_false (sync_test_fetch_accounts (offline, "org_1", service, again, &error));
  g_assert_error (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_OFFLINE);
  sync_test_assert_matches (again, expected);

  g_clear_object (&offline);
  g_clear_object (&engine);
  g_clear_object (&cache);
  sync_test_remove_dir (directory);
}

static void
on_state (GObject    *object,
          GParamSpec *pspec,
          gpointer    data)
{
  guint *n_synced = data;

  if (pd_sync_engine_get_state (PD_SYNC_ENGINE (object)) == PD_SYNC_STATE_UP_TO_DATE)
    (*n_synced)++;
}

static gboolean
give_up (gpointer data)
{
  g_error ("the periodic refresh never came");
  return G_SOURCE_REMOVE;
}

static void
test_periodic (void)
{
  g_autoptr(PdTestPortal) portal = pd_test_portal_start ((const char * const[]) { "--seed", "5", NULL });
  g_autoptr(PdPortalClient) client = sync_test_client_new (pd_test_portal_get_url (portal),
                                                           pd_test_portal_get_key (portal, "owner"));
  g_autofree char *directory = NULL;
  g_autoptr(PdCache) cache = sync_test_cache_new (&directory);
  g_autoptr(PdSyncEngine) engine = pd_sync_engine_new (client, cache);
  g_autoptr(PdResourceList) organizations = pd_resource_list_new (PD_TYPE_ORGANIZATION);
  guint n_synced = 0;
  guint timeout;

  pd_sync_engine_add_list (engine, &pd_resource_kind_organizations, organizations);
  g_signal_connect (engine, "notify::state", G_CALLBACK (on_state), &n_synced);
  pd_sync_engine_set_interval (engine, 1);
  g_assert_cmpuint (pd_sync_engine_get_interval (engine), ==, 1);
  timeout = g_timeout_add_seconds (120, give_up, NULL);
  while (n_synced < 2)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
  pd_sync_engine_set_interval (engine, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (organizations)), >=, 5);
  g_signal_handlers_disconnect_by_data (engine, &n_synced);
  g_clear_object (&engine);
  g_clear_object (&cache);
  sync_test_remove_dir (directory);
}

typedef struct {
  PdTestPortal *portal;
  gboolean      killed;
} Killer;

static void
kill_on_progress (GObject    *object,
                  GParamSpec *pspec,
                  gpointer    data)
{
  Killer *killer = data;

  if (!killer->killed && pd_sync_engine_get_progress (PD_SYNC_ENGINE (object)) > 0)
    {
      g_clear_pointer (&killer->portal, pd_test_portal_kill);
      killer->killed = TRUE;
    }
}

static void
test_portal_killed (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *portal_dir = g_dir_make_tmp ("pd-test-sync-portal-XXXXXX", &error);
  g_autofree char *database = g_build_filename (portal_dir, "portal.sqlite", NULL);
  Killer killer = { NULL, FALSE };
  g_autoptr(PdPortalClient) client = NULL;
  g_autofree char *directory = NULL;
  g_autoptr(PdCache) cache = sync_test_cache_new (&directory);
  g_autoptr(PdSyncEngine) engine = NULL;
  g_autoptr(PdResourceList) organizations = pd_resource_list_new (PD_TYPE_ORGANIZATION);
  g_autofree char *listen = NULL;
  g_autofree char *key = NULL;
  g_autoptr(GHashTable) expected = NULL;
  g_autofree char *url = NULL;

  killer.portal = pd_test_portal_start_with_db (database, (const char * const[]) { "--seed", "3000", NULL });
  url = g_strdup (pd_test_portal_get_url (killer.portal));
  listen = g_strdup (url + strlen ("http://"));
  key = g_strdup (pd_test_portal_get_key (killer.portal, "owner"));
  client = sync_test_client_new (url, key);
  engine = pd_sync_engine_new (client, cache);
  pd_sync_engine_add_list (engine, &pd_resource_kind_organizations, organizations);

  g_signal_connect (engine, "notify::progress", G_CALLBACK (kill_on_progress), &killer);
  g_assert_false (sync_test_run (engine, FALSE, &error));
  g_signal_handlers_disconnect_by_data (engine, &killer);
  g_assert_true (killer.killed);
  g_assert_error (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_OFFLINE);
  g_clear_error (&error);
  g_assert_cmpint (pd_sync_engine_get_state (engine), ==, PD_SYNC_STATE_OFFLINE);
  g_assert_nonnull (pd_sync_engine_get_offline_since (engine));
  g_assert_nonnull (pd_sync_engine_get_error (engine));
  g_test_message ("%s", pd_sync_engine_get_status_text (engine));
  /* what came before the portal went away is kept */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (organizations)), >, 0);

  /* the same portal comes back where it was */
  killer.portal = pd_test_portal_start_with_db (database, (const char * const[]) { "--listen", listen, NULL });
  g_assert_cmpstr (pd_test_portal_get_url (killer.portal), ==, url);
  g_assert_true (sync_test_run (engine, FALSE, NULL));
  g_assert_cmpint (pd_sync_engine_get_state (engine), ==, PD_SYNC_STATE_UP_TO_DATE);
  g_assert_null (pd_sync_engine_get_offline_since (engine));
  expected = sync_test_fetch_direct (client, "/api/v1/organizations");
  g_assert_cmpuint (g_hash_table_size (expected), >=, 3000);
  sync_test_assert_matches (organizations, expected);

  g_clear_pointer (&killer.portal, pd_test_portal_stop);
  g_clear_object (&engine);
  g_clear_object (&cache);
  sync_test_remove_dir (directory);
  sync_test_remove_dir (portal_dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync/all-lists", test_all_lists);
  g_test_add_func ("/sync/accounts", test_accounts);
  g_test_add_func ("/sync/periodic", test_periodic);
  g_test_add_func ("/sync/portal-killed", test_portal_killed);

  return g_test_run ();
}

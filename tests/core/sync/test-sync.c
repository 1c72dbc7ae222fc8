/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pd-organization.h"
#include "pd-test-portal.h"
#include "sync-test-util.h"

#define ORGANIZATIONS "/api/v1/organizations"

typedef struct {
  PdTestPortal   *portal;
  PdPortalClient *client;
  char           *directory;
  PdCache        *cache;
  PdResourceList *organizations;
  PdSyncEngine   *engine;
} Fixture;

static void
setup_with (Fixture            *fixture,
            const char * const *args)
{
  fixture->portal = pd_test_portal_start (args);
  fixture->client = sync_test_client_new (pd_test_portal_get_url (fixture->portal),
                                          pd_test_portal_get_key (fixture->portal, "owner"));
  fixture->cache = sync_test_cache_new (&fixture->directory);
  fixture->organizations = pd_resource_list_new (PD_TYPE_ORGANIZATION);
  fixture->engine = pd_sync_engine_new (fixture->client, fixture->cache);
  pd_sync_engine_add_list (fixture->engine, &pd_resource_kind_organizations,
                           fixture->organizations);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  setup_with (fixture, (const char * const[]) { "--seed", "1200", NULL });
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->engine);
  g_clear_object (&fixture->organizations);
  g_clear_object (&fixture->cache);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->portal, pd_test_portal_stop);
  sync_test_remove_dir (fixture->directory);
  g_free (fixture->directory);
}

static void
assert_matches_portal (Fixture *fixture)
{
  g_autoptr(GHashTable) expected = sync_test_fetch_direct (fixture->client, ORGANIZATIONS);

  sync_test_assert_matches (fixture->organizations, expected);
}

typedef struct {
  double   last_progress;
  guint    progress_notifies;
  gboolean saw_syncing;
  gboolean saw_text;
} Watch;

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           gpointer    data)
{
  Watch *watch = data;
  PdSyncEngine *engine = PD_SYNC_ENGINE (object);

  if (g_str_equal (pspec->name, "progress"))
    {
      watch->last_progress = pd_sync_engine_get_progress (engine);
      watch->progress_notifies++;
    }
  if (pd_sync_engine_get_state (engine) == PD_SYNC_STATE_SYNCING)
    {
      watch->saw_syncing = TRUE;
      watch->saw_text |= *pd_sync_engine_get_status_text (engine) != '\0';
    }
}

static void
on_request_queued (SoupSession *session,
                   SoupMessage *message,
                   gpointer     data)
{
  if (g_str_equal (g_uri_get_path (soup_message_get_uri (message)), ORGANIZATIONS))
    (*(guint *) data)++;
}

static void
test_full (Fixture       *fixture,
           gconstpointer  data)
{
  Watch watch = { 0, };
  g_autoptr(GError) error = NULL;
  SoupSession *session = pd_portal_client_get_soup_session (fixture->client);
  guint n_items, requests = 0;

  g_assert_cmpint (pd_sync_engine_get_state (fixture->engine), ==, PD_SYNC_STATE_IDLE);
  g_signal_connect (fixture->engine, "notify", G_CALLBACK (on_notify), &watch);
  g_signal_connect (session, "request-queued", G_CALLBACK (on_request_queued), &requests);
  g_assert_true (sync_test_run (fixture->engine, TRUE, &error));
  g_assert_no_error (error);
  g_signal_handlers_disconnect_by_data (fixture->engine, &watch);
  g_signal_handlers_disconnect_by_data (session, &requests);
  /* every page once: the last one (no next link) was once asked for again when an earlier
   * page's store finished after it came */
  n_items = g_list_model_get_n_items (G_LIST_MODEL (fixture->organizations));
  g_assert_cmpuint (requests, ==, (n_items + 499) / 500);

  g_assert_cmpint (pd_sync_engine_get_state (fixture->engine), ==, PD_SYNC_STATE_UP_TO_DATE);
  g_assert_cmpfloat (pd_sync_engine_get_progress (fixture->engine), ==, 1.0);
  g_assert_null (pd_sync_engine_get_error (fixture->engine));
  g_assert_null (pd_sync_engine_get_offline_since (fixture->engine));
  g_assert_true (watch.saw_syncing);
  g_assert_true (watch.saw_text);
  g_assert_cmpuint (watch.progress_notifies, >=, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->organizations)), >=, 1200);
  assert_matches_portal (fixture);

  /* a second full sync changes nothing and keeps the objects */
  {
    g_autoptr(GObject) first = g_list_model_get_item (G_LIST_MODEL (fixture->organizations), 0);

    g_assert_true (sync_test_run (fixture->engine, TRUE, NULL));
    g_autoptr(GObject) again = g_list_model_get_item (G_LIST_MODEL (fixture->organizations), 0);
    g_assert_true (first == again);
    assert_matches_portal (fixture);
  }
}

static char *
organization_body (const char *name)
{
  return g_strdup_printf ("{\"name\": \"%s\", \"email\": \"it@example.com\", \"plan\": "
                          "{\"name\": \"Business Backup\", \"type\": \"backup\", "
                          "\"price_cents\": 8700, \"currency\": \"USD\"}}", name);
}

/* Changes @n organizations from @first on, deletes two and creates one, through the API */
static void
change_portal (Fixture *fixture,
               guint    first,
               guint    n)
{
  for (guint i = first; i < first + n; i++)
    {
      g_autofree char *path = g_strdup_printf (ORGANIZATIONS "/org_%u", i);
      g_autofree char *text = g_strdup_printf ("{\"domain\": \"changed-%u.example\"}", i);
      g_autoptr(JsonNode) current = sync_test_request (fixture->client, "GET", path, NULL, NULL);
      g_autoptr(JsonNode) body = json_from_string (text, NULL);
      g_autoptr(JsonNode) changed = NULL;
      const char *etag;

      g_assert_nonnull (current);
      etag = json_object_get_string_member (json_node_get_object (current), "etag");
      /* a lost answer under faults may have applied it already: then the 412 is fine */
      changed = sync_test_request (fixture->client, "PATCH", path, body, etag);
    }
  for (guint i = first + n; i < first + n + 2; i++)
    {
      g_autofree char *path = g_strdup_printf (ORGANIZATIONS "/org_%u", i);
      g_autoptr(JsonNode) gone = sync_test_request (fixture->client, "DELETE", path, NULL, "*");
    }
  {
    g_autofree char *text = organization_body ("Newly Added Ltd");
    g_autoptr(JsonNode) body = json_from_string (text, NULL);
    g_autoptr(JsonNode) created = sync_test_request (fixture->client, "POST", ORGANIZATIONS,
                                                     body, NULL);
  }
}

static void
test_delta (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(PdResource) last = NULL;
  guint n;

  g_assert_true (sync_test_run (fixture->engine, TRUE, NULL));
  n = g_list_model_get_n_items (G_LIST_MODEL (fixture->organizations));
  change_portal (fixture, 10, 12);

  /* not full: the engine asks only for what changed */
  g_assert_true (sync_test_run (fixture->engine, FALSE, NULL));
  assert_matches_portal (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->organizations)), ==, n - 1);
  g_assert_null (pd_resource_list_lookup (fixture->organizations, "org_22"));
  g_assert_null (pd_resource_list_lookup (fixture->organizations, "org_23"));
  /* new ones go to the end, as the portal lists them */
  last = g_list_model_get_item (G_LIST_MODEL (fixture->organizations), n - 2);
  g_assert_cmpstr (pd_organization_get_name (PD_ORGANIZATION (last)), ==, "Newly Added Ltd");

  /* nothing changed: still right */
  g_assert_true (sync_test_run (fixture->engine, FALSE, NULL));
  assert_matches_portal (fixture);
}

static void
test_reopen (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GHashTable) expected = NULL;
  g_autoptr(PdPortalClient) nowhere = NULL;
  g_autoptr(PdResourceList) organizations = NULL;
  g_autoptr(PdSyncEngine) engine = NULL;
  g_autoptr(PdCache) cache = NULL;

  g_assert_true (sync_test_run (fixture->engine, TRUE, NULL));
  expected = sync_test_fetch_direct (fixture->client, ORGANIZATIONS);
  g_clear_object (&fixture->engine);
  g_clear_object (&fixture->cache);
  /* no portal at all: what shows comes from the cache alone */
  g_clear_pointer (&fixture->portal, pd_test_portal_stop);

  nowhere = sync_test_client_new ("http://127.0.0.1:9", "none");
  cache = sync_test_cache_open (fixture->directory);
  organizations = pd_resource_list_new (PD_TYPE_ORGANIZATION);
  engine = pd_sync_engine_new (nowhere, cache);
  pd_sync_engine_add_list (engine, &pd_resource_kind_organizations, organizations);
  g_assert_true (sync_test_load_cached (engine, NULL));
  g_assert_cmpint (pd_sync_engine_get_state (engine), ==, PD_SYNC_STATE_IDLE);
  sync_test_assert_matches (organizations, expected);
}

static void
test_faults (Fixture       *fixture,
             gconstpointer  data)
{
  guint attempts = 0;

  /* Each sync may fail; repeated, it must get there without losing anything. */
  while (!sync_test_run (fixture->engine, FALSE, NULL))
    g_assert_cmpuint (++attempts, <, 30);
  g_test_message ("full sync converged after %u failed attempts", attempts);
  assert_matches_portal (fixture);

  change_portal (fixture, 100, 20);
  attempts = 0;
  while (!sync_test_run (fixture->engine, FALSE, NULL))
    g_assert_cmpuint (++attempts, <, 30);
  g_test_message ("delta sync converged after %u failed attempts", attempts);
  assert_matches_portal (fixture);
}

static void
faults_setup (Fixture       *fixture,
              gconstpointer  data)
{
  setup_with (fixture, (const char * const[]) {
    "--seed", "1200",
    "--faults", "error=0.2,reset=0.1,malformed=0.1,truncate=0.1,ratelimit=0.05,seed=11",
    NULL });
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, setup, func) \
  g_test_add (name, Fixture, NULL, setup, func, fixture_teardown)
  ADD ("/sync/full", fixture_setup, test_full);
  ADD ("/sync/delta", fixture_setup, test_delta);
  ADD ("/sync/reopen", fixture_setup, test_reopen);
  ADD ("/sync/faults", faults_setup, test_faults);
#undef ADD

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "pd-api-key-auth.h"
#include "pd-cache-json.h"
#include "pd-cache-resources.h"
#include "pd-organization.h"
#include "pd-portal-client.h"
#include "pd-test-portal.h"

#define WAIT_MS 60000

typedef struct {
  char    *directory;
  char    *path;
  PdCache *cache;
  JsonNode *page;   /* a real page of 30 organizations */
} Fixture;

static JsonNode *page_template;

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  PdPortalResponse **response = user_data;
  g_autoptr(GError) error = NULL;

  *response = pd_portal_client_send_finish (PD_PORTAL_CLIENT (source), result, &error);
  g_assert_no_error (error);
}

/* One page of the reference portal's organizations, fetched once for every test */
static JsonNode *
fetch_page (void)
{
  g_autoptr(PdTestPortal) portal = pd_test_portal_start ((const char * const[]) { "--seed", "30", NULL });
  g_autoptr(GError) error = NULL;
  g_autoptr(PdPortalClient) client = pd_portal_client_new (pd_test_portal_get_url (portal), NULL, &error);
  g_autoptr(PdApiKeyAuth) auth = pd_api_key_auth_new (pd_test_portal_get_key (portal, "owner"));
  g_autoptr(PdPortalRequest) request = pd_portal_request_new ("GET", "/api/v1/organizations");
  g_autoptr(PdPortalResponse) response = NULL;

  g_assert_no_error (error);
  pd_portal_client_set_auth (client, PD_PORTAL_AUTH (auth));
  pd_portal_request_add_query (request, "limit", "500");
  pd_portal_client_send_async (client, request, NULL, on_sent, &response);
  while (response == NULL)
    g_main_context_iteration (NULL, TRUE);
  return pd_portal_response_steal_root (response);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  fixture->directory = g_dir_make_tmp ("pd-test-cache-resources-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->directory, "cache.sqlite", NULL);
  fixture->cache = pd_cache_new (fixture->path);
  g_assert_true (pd_cache_open_sync (fixture->cache, NULL, &error));
  g_assert_no_error (error);
  /* json_node_copy() shares the objects: a deep copy, since tests edit the page */
  text = json_to_string (page_template, FALSE);
  fixture->page = json_from_string (text, NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  g_clear_object (&fixture->cache);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (fixture->path, suffixes[i], NULL);
      g_unlink (file);
    }
  g_rmdir (fixture->directory);
  g_free (fixture->directory);
  g_free (fixture->path);
  g_clear_pointer (&fixture->page, json_node_unref);
}

static GAsyncResult *
wait_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
on_result (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static JsonArray *
items_of (JsonNode *page)
{
  return json_object_get_array_member (json_node_get_object (page), "items");
}

static PdCacheStoredPage *store_text (Fixture     *fixture,
                                      const char  *text,
                                      gint64       generation,
                                      GError     **error);

/* Stores @page (an envelope like the portal's) as the sync engine does: as its text */
static GPtrArray *
store (Fixture    *fixture,
       JsonNode   *page,
       gint64      generation,
       GStrv      *deleted)
{
  g_autoptr(JsonNode) owned = page;
  g_autofree char *text = json_to_string (owned, FALSE);
  g_autoptr(PdCacheStoredPage) stored = NULL;
  g_autoptr(GError) error = NULL;

  stored = store_text (fixture, text, generation, &error);
  g_assert_no_error (error);
  if (deleted != NULL)
    *deleted = g_steal_pointer (&stored->deleted);
  return g_steal_pointer (&stored->items);
}

static GPtrArray *
load (Fixture    *fixture,
      const char *parent_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *items;

  pd_cache_load_list_async (fixture->cache, &pd_resource_kind_organizations, parent_id, NULL,
                            on_result, &result);
  items = pd_cache_load_list_finish (fixture->cache, wait_result (&result), &error);
  g_assert_no_error (error);
  return items;
}

static void
assert_same_ids (GPtrArray *items,
                 JsonArray *expected)
{
  g_assert_cmpuint (items->len, ==, json_array_get_length (expected));
  for (guint i = 0; i < items->len; i++)
    g_assert_cmpstr (pd_resource_get_id (items->pdata[i]), ==,
                     json_object_get_string_member (json_array_get_object_element (expected, i), "id"));
}

/* A cached list of organizations comes back in name order (their kind's order key), as
 * the Clients page sorts it; equal names in the order they were stored (@expected). */
static void
assert_loaded_ids (GPtrArray *items,
                   JsonArray *expected)
{
  g_autoptr(GHashTable) stored_at = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (items->len, ==, json_array_get_length (expected));
  for (guint i = 0; i < json_array_get_length (expected); i++)
    g_hash_table_insert (stored_at, (gpointer) json_object_get_string_member (json_array_get_object_element (expected, i), "id"),
                         GUINT_TO_POINTER (i + 1));
  for (guint i = 0; i < items->len; i++)
    {
      const char *id = pd_resource_get_id (items->pdata[i]);
      int order;

      g_assert_true (g_hash_table_contains (stored_at, id));
      if (i == 0)
        continue;
      order = strcmp (pd_organization_get_name_key (items->pdata[i - 1]), pd_organization_get_name_key (items->pdata[i]));
      g_assert_cmpint (order, <=, 0);
      if (order == 0)
        g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (stored_at, pd_resource_get_id (items->pdata[i - 1]))), <,
                          GPOINTER_TO_UINT (g_hash_table_lookup (stored_at, id)));
    }
}

static PdResource *
find_id (GPtrArray  *items,
         const char *id)
{
  for (guint i = 0; i < items->len; i++)
    if (g_str_equal (pd_resource_get_id (items->pdata[i]), id))
      return items->pdata[i];
  return NULL;
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  JsonArray *expected = items_of (page_template);
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GPtrArray) other = NULL;
  g_auto(GStrv) deleted = NULL;

  stored = store (fixture, g_steal_pointer (&fixture->page), 1, &deleted);
  g_assert_cmpuint (json_array_get_length (expected), ==, 30);
  assert_same_ids (stored, expected);
  g_assert_nonnull (deleted);
  g_assert_null (deleted[0]);

  loaded = load (fixture, NULL);
  assert_loaded_ids (loaded, expected);
  for (guint i = 0; i < loaded->len; i++)
    {
      PdOrganization *a = loaded->pdata[i];
      PdOrganization *b = PD_ORGANIZATION (find_id (stored, pd_resource_get_id (loaded->pdata[i])));

      g_assert_true (G_OBJECT_TYPE (a) == PD_TYPE_ORGANIZATION);
      g_assert_cmpstr (pd_organization_get_name (a), ==, pd_organization_get_name (b));
      g_assert_cmpstr (pd_resource_get_etag (PD_RESOURCE (a)), ==, pd_resource_get_etag (PD_RESOURCE (b)));
      g_assert_true (g_date_time_equal (pd_resource_get_updated_at (PD_RESOURCE (a)),
                                        pd_resource_get_updated_at (PD_RESOURCE (b))));
    }
  /* lists are apart by parent */
  other = load (fixture, "svc_1");
  g_assert_cmpuint (other->len, ==, 0);
}

static void
test_bad_items_and_tombstones (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GPtrArray) loaded = NULL;
  g_auto(GStrv) deleted = NULL;
  JsonArray *items = items_of (fixture->page);
  JsonArray *tombstones = json_array_new ();
  JsonObject *tombstone = json_object_new ();

  stored = store (fixture, json_node_ref (fixture->page), 1, NULL);
  g_clear_pointer (&stored, g_ptr_array_unref);

  /* the next page: one item without an id, one not an object, one tombstone */
  json_object_remove_member (json_array_get_object_element (items, 0), "id");
  json_array_add_string_element (items, "not an organization");
  json_object_set_string_member (tombstone, "id", "org_30");
  json_object_set_string_member (tombstone, "deleted_at", "2026-11-23T14:11:15.774762Z");
  json_array_add_object_element (tombstones, tombstone);
  json_array_add_int_element (tombstones, 7);
  json_object_set_array_member (json_node_get_object (fixture->page), "deleted", tombstones);

  stored = store (fixture, g_steal_pointer (&fixture->page), 1, &deleted);
  g_assert_cmpuint (stored->len, ==, 29);
  g_assert_cmpstrv (deleted, ((const char * const[]) { "org_30", NULL }));
  loaded = load (fixture, NULL);
  g_assert_cmpuint (loaded->len, ==, 29);
  g_assert_nonnull (find_id (loaded, "org_29"));

}

static PdCacheStoredPage *
store_text (Fixture     *fixture,
            const char  *text,
            gint64       generation,
            GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GBytes) body = g_bytes_new (text, strlen (text));

  pd_cache_store_page_text_async (fixture->cache, &pd_resource_kind_organizations, NULL, body, generation,
                                  NULL, on_result, &result);
  return pd_cache_store_page_text_finish (fixture->cache, wait_result (&result), error);
}

static void
test_page_text (Fixture       *fixture,
                gconstpointer  data)
{
  JsonArray *expected = items_of (page_template);
  JsonObject *envelope = json_node_get_object (fixture->page);
  g_autofree char *text = NULL;
  g_autoptr(PdCacheStoredPage) stored = NULL;
  g_autoptr(PdCacheStoredPage) bad = NULL;
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GError) error = NULL;
  const char * const broken[] = {
    "", "[]", "{}", "{\"items\": [", "{\"items\": [{\"id\": \"org_1\", \"name\": ",
    "{\"items\": [], \"next_cursor\": null}",
    "{\"items\": [], \"next_cursor\": 7, \"server_time\": \"2026-01-01T00:00:00Z\"}",
    "{\"items\": [], \"next_cursor\": null, \"server_time\": \"2026-01-01T00:00:00Z\"} x",
    "{\"items\": [{\"id\": tru}], \"next_cursor\": null, \"server_time\": \"2026-01-01T00:00:00Z\"}",
    "{\"items\": [{\"id\": \"a\"},], \"next_cursor\": null, \"server_time\": \"2026-01-01T00:00:00Z\"}",
  };

  /* the page as the portal sends it, with a cursor, a tombstone and two undecodable items */
  json_object_set_string_member (envelope, "next_cursor", "YWZ0ZXI6MzA=");
  json_array_add_string_element (items_of (fixture->page), "not an organization");
  json_array_add_object_element (items_of (fixture->page), json_object_new ());
  json_object_set_array_member (envelope, "deleted", json_array_new ());
  json_array_add_object_element (json_object_get_array_member (envelope, "deleted"), json_object_new ());
  json_object_set_string_member (json_array_get_object_element (json_object_get_array_member (envelope, "deleted"), 0),
                                 "id", "org_31");
  text = json_to_string (fixture->page, TRUE);
  stored = store_text (fixture, text, 1, &error);
  g_assert_no_error (error);
  assert_same_ids (stored->items, expected);
  g_assert_cmpstr (stored->next_cursor, ==, "YWZ0ZXI6MzA=");
  g_assert_cmpstr (stored->server_time, ==, json_object_get_string_member (envelope, "server_time"));
  g_assert_cmpstrv (stored->deleted, ((const char * const[]) { "org_31", NULL }));
  loaded = load (fixture, NULL);
  assert_loaded_ids (loaded, expected);
  g_assert_cmpstr (pd_organization_get_name (PD_ORGANIZATION (find_id (loaded, "org_4"))), ==,
                   pd_organization_get_name (stored->items->pdata[3]));

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_test_message ("broken page %u", i);
      bad = store_text (fixture, broken[i], 1, &error);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_assert_null (bad);
      g_clear_error (&error);
    }
}

static void
test_json (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GString) scratch = g_string_new (NULL);
  g_autofree char *text = json_to_string (fixture->page, FALSE);
  g_autoptr(JsonNode) mine = pd_cache_json_parse (text, strlen (text), scratch);
  const char * const good[] = {
    "0", "-12", "1.5e3", "9223372036854775807", "-9223372036854775808",
    "\"a\\u00e9\\ud83d\\ude00\\n\\\"\"", "[]", "{}", " [1, {\"a\": [null, true, false]}] ",
    "{\"a\": 1, \"a\": 2}", "\"\xc3\xa9\"",
  };
  const char * const bad[] = {
    "", "01", "1.", ".5", "-", "1e", "+1", "tru", "nul", "[1,]", "[1 2]", "{\"a\" 1}", "{\"a\":1,}",
    "{a:1}", "\"\\x\"", "\"\\ud800\"", "\"\\udc00x\"", "\"\\u0000\"", "\"a\nb\"", "\"\xff\"",
    "[1] 2", "\"abc", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
  };

  /* the same tree as json-glib's */
  g_assert_nonnull (mine);
  g_assert_true (json_node_equal (mine, fixture->page));
  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(JsonNode) expected = json_from_string (good[i], NULL);
      g_autoptr(JsonNode) node = pd_cache_json_parse (good[i], strlen (good[i]), scratch);

      g_test_message ("good %u", i);
      g_assert_nonnull (expected);
      g_assert_nonnull (node);
      g_assert_true (json_node_equal (node, expected));
      if (JSON_NODE_HOLDS_VALUE (expected))
        g_assert_true (json_node_get_value_type (node) == json_node_get_value_type (expected));
    }
  /* past int64: a double (json-glib's own answer there is not useful) */
  g_clear_pointer (&mine, json_node_unref);
  mine = pd_cache_json_parse ("18446744073709551616", 20, scratch);
  g_assert_true (json_node_get_value_type (mine) == G_TYPE_DOUBLE);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("bad %u", i);
      g_assert_null (pd_cache_json_parse (bad[i], strlen (bad[i]), scratch));
    }
}

static void
test_sweep_and_state (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PdCacheSyncState) state = NULL;
  g_auto(GStrv) removed = NULL;
  JsonArray *items;

  stored = store (fixture, json_node_ref (fixture->page), 1, NULL);
  g_clear_pointer (&stored, g_ptr_array_unref);
  /* generation 2 sees only the first ten */
  items = items_of (fixture->page);
  while (json_array_get_length (items) > 10)
    json_array_remove_element (items, 10);
  stored = store (fixture, g_steal_pointer (&fixture->page), 2, NULL);

  pd_cache_sweep_async (fixture->cache, &pd_resource_kind_organizations, NULL, 2, NULL,
                        on_result, &result);
  removed = pd_cache_sweep_finish (fixture->cache, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (removed), ==, 20);
  g_assert_true (g_strv_contains ((const char * const *) removed, "org_11"));
  loaded = load (fixture, NULL);
  g_assert_cmpuint (loaded->len, ==, 10);
  g_clear_object (&result);

  {
    const char *gone[] = { "org_1", "org_404", NULL };

    pd_cache_apply_tombstones_async (fixture->cache, &pd_resource_kind_organizations, NULL,
                                     gone, NULL, on_result, &result);
    g_assert_true (pd_cache_apply_tombstones_finish (fixture->cache, wait_result (&result), &error));
    g_clear_object (&result);
    g_clear_pointer (&loaded, g_ptr_array_unref);
    loaded = load (fixture, NULL);
    g_assert_cmpuint (loaded->len, ==, 9);
  }

  pd_cache_get_sync_state_async (fixture->cache, &pd_resource_kind_organizations, NULL, NULL,
                                 on_result, &result);
  state = pd_cache_get_sync_state_finish (fixture->cache, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_null (state->server_time);
  g_assert_cmpint (state->generation, ==, 0);
  g_clear_object (&result);
  g_clear_pointer (&state, pd_cache_sync_state_free);

  pd_cache_set_sync_state_async (fixture->cache, &pd_resource_kind_organizations, NULL,
                                 "2026-11-23T14:10:49.871430Z", 2, NULL, on_result, &result);
  g_assert_true (pd_cache_set_sync_state_finish (fixture->cache, wait_result (&result), &error));
  g_clear_object (&result);
  pd_cache_get_sync_state_async (fixture->cache, &pd_resource_kind_organizations, NULL, NULL,
                                 on_result, &result);
  state = pd_cache_get_sync_state_finish (fixture->cache, wait_result (&result), &error);
  g_assert_cmpstr (state->server_time, ==, "2026-11-23T14:10:49.871430Z");
  g_assert_cmpint (state->generation, ==, 2);
  g_assert_cmpint (state->synced_at, >, 0);
}

/* Runs @data (an UPDATE) on the database thread: a row damaged behind the cache's back */
static gboolean
job_damage (PdCacheJob  *job,
            sqlite3     *db,
            gpointer     data,
            GError     **error)
{
  sqlite3_stmt *stmt = pd_cache_job_prepare (job, data, error);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  return TRUE;
}

static void
test_undecodable_row (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(PdCacheSyncState) state = NULL;

  stored = store (fixture, g_steal_pointer (&fixture->page), 1, NULL);
  pd_cache_set_sync_state_async (fixture->cache, &pd_resource_kind_organizations, NULL,
                                 "2026-11-23T14:10:49.871430Z", 1, NULL, on_result, &result);
  g_assert_true (pd_cache_set_sync_state_finish (fixture->cache, wait_result (&result), NULL));
  g_clear_object (&result);
  pd_cache_run_sync (fixture->cache, job_damage,
                     (gpointer) "UPDATE resources SET data = '{\"id\": 5}' WHERE id = 'org_3'", NULL);

  loaded = load (fixture, NULL);
  g_assert_cmpuint (loaded->len, ==, 29);
  /* the next sync must walk the whole list to get it back */
  pd_cache_get_sync_state_async (fixture->cache, &pd_resource_kind_organizations, NULL, NULL,
                                 on_result, &result);
  state = pd_cache_get_sync_state_finish (fixture->cache, wait_result (&result), NULL);
  g_assert_null (state->server_time);
}

/* More rows than one decoding batch (pd-cache-resources.c), one of them damaged in a
 * later batch: the others load, and in one order across the batches. */
static void
test_load_in_batches (Fixture       *fixture,
                      gconstpointer  data)
{
  JsonArray *template_items = items_of (fixture->page);
  guint n_template = json_array_get_length (template_items);
  g_autoptr(JsonArray) items = json_array_new ();
  g_autoptr(JsonArray) expected = json_array_new ();
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GPtrArray) loaded = NULL;
  JsonNode *page = json_node_copy (fixture->page);

  for (guint i = 0; i < 2500; i++)
    {
      JsonNode *item = json_node_copy (json_array_get_element (template_items, i % n_template));
      g_autofree char *text = NULL;
      g_autofree char *id = g_strdup_printf ("org_batch_%u", 2500 - i);

      /* a deep copy: the template's objects are shared by json_node_copy */
      text = json_to_string (item, FALSE);
      json_node_unref (item);
      item = json_from_string (text, NULL);
      json_object_set_string_member (json_node_get_object (item), "id", id);
      if (i != 1500)
        json_array_add_element (expected, json_node_copy (item));
      json_array_add_element (items, item);
    }
  json_object_set_array_member (json_node_get_object (page), "items", json_array_ref (items));
  stored = store (fixture, page, 1, NULL);
  g_assert_cmpuint (stored->len, ==, 2500);
  pd_cache_run_sync (fixture->cache, job_damage,
                     (gpointer) "UPDATE resources SET data = 'not JSON' WHERE id = 'org_batch_1000'", NULL);

  loaded = load (fixture, NULL);
  assert_loaded_ids (loaded, expected);
}

/* Names compared without case, as the Clients page does ("alder" before "Harbor" before
 * "zenith"), not in the order stored nor by bytes */
static void
test_load_order (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *names[] = { "zenith Labs", "Harbor Dental", "alder Capital", "Harbor Dental" };
  JsonArray *items = items_of (fixture->page);
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GPtrArray) loaded = NULL;

  while (json_array_get_length (items) > G_N_ELEMENTS (names))
    json_array_remove_element (items, json_array_get_length (items) - 1);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      g_autofree char *id = g_strdup_printf ("org_%c", 'd' - i);

      json_object_set_string_member (item, "id", id);
      json_object_set_string_member (item, "name", names[i]);
    }
  stored = store (fixture, json_node_ref (fixture->page), 1, NULL);
  loaded = load (fixture, NULL);
  g_assert_cmpuint (loaded->len, ==, 4);
  g_assert_cmpstr (pd_resource_get_id (loaded->pdata[0]), ==, "org_b");
  g_assert_cmpstr (pd_resource_get_id (loaded->pdata[1]), ==, "org_c");
  g_assert_cmpstr (pd_resource_get_id (loaded->pdata[2]), ==, "org_a");
  g_assert_cmpstr (pd_resource_get_id (loaded->pdata[3]), ==, "org_d");
}

static void
test_documents (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) loaded = NULL;
  g_autofree char *text = NULL;

  pd_cache_load_document_async (fixture->cache, "me", NULL, on_result, &result);
  g_assert_null (pd_cache_load_document_finish (fixture->cache, wait_result (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  pd_cache_store_document_async (fixture->cache, "me",
                                 json_from_string ("{\"user\": {\"id\": \"usr_1\"}}", NULL),
                                 NULL, on_result, &result);
  g_assert_true (pd_cache_store_document_finish (fixture->cache, wait_result (&result), &error));
  g_clear_object (&result);
  pd_cache_store_document_async (fixture->cache, "me",
                                 json_from_string ("{\"user\": {\"id\": \"usr_2\"}}", NULL),
                                 NULL, on_result, &result);
  g_assert_true (pd_cache_store_document_finish (fixture->cache, wait_result (&result), &error));
  g_clear_object (&result);

  pd_cache_load_document_async (fixture->cache, "me", NULL, on_result, &result);
  loaded = pd_cache_load_document_finish (fixture->cache, wait_result (&result), &error);
  g_assert_no_error (error);
  text = json_to_string (loaded, FALSE);
  g_assert_cmpstr (text, ==, "{\"user\":{\"id\":\"usr_2\"}}");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  page_template = fetch_page ();

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/cache/resources/round-trip", test_round_trip);
  ADD ("/cache/resources/bad-items-and-tombstones", test_bad_items_and_tombstones);
  ADD ("/cache/resources/sweep-and-state", test_sweep_and_state);
  ADD ("/cache/resources/page-text", test_page_text);
  ADD ("/cache/resources/json", test_json);
  ADD ("/cache/resources/undecodable-row", test_undecodable_row);
  ADD ("/cache/resources/load-in-batches", test_load_in_batches);
  ADD ("/cache/resources/load-order", test_load_order);
  ADD ("/cache/resources/documents", test_documents);
#undef ADD

  status = g_test_run ();
  json_node_unref (page_template);
  return status;
}

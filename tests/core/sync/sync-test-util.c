/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "pd-api-key-auth.h"
#include "pd-resource.h"
#include "pd-test-portal.h"
#include "sync-test-util.h"

#define WAIT_MS (240 * 1000)

PdPortalClient *
sync_test_client_new (const char *url,
                      const char *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdPortalClient) client = pd_portal_client_new (url, NULL, &error);
  g_autoptr(PdApiKeyAuth) auth = pd_api_key_auth_new (key);

  g_assert_no_error (error);
  pd_portal_client_set_auth (client, PD_PORTAL_AUTH (auth));
  pd_portal_client_set_retry_limits (client, 4, 10);
  return g_steal_pointer (&client);
}

PdCache *
sync_test_cache_open (const char *directory)
{
  g_autofree char *path = g_build_filename (directory, "cache.sqlite", NULL);
  g_autoptr(PdCache) cache = pd_cache_new (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (pd_cache_open_sync (cache, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&cache);
}

PdCache *
sync_test_cache_new (char **directory)
{
  g_autoptr(GError) error = NULL;

  *directory = g_dir_make_tmp ("pd-test-sync-XXXXXX", &error);
  g_assert_no_error (error);
  return sync_test_cache_open (*directory);
}

void
sync_test_remove_dir (const char *directory)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (directory, name, NULL);
      g_unlink (path);
    }
  g_rmdir (directory);
}

typedef struct {
  gboolean  done;
  gboolean  ok;
  GError   *error;
} Wait;

static void
on_synced (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Wait *wait = user_data;

  wait->ok = pd_sync_engine_sync_finish (PD_SYNC_ENGINE (source), result, &wait->error);
  wait->done = TRUE;
}

static gboolean
finish_wait (Wait    *wait,
             GError **error)
{
  pd_test_wait_until (&wait->done, WAIT_MS);
  g_assert_true (wait->ok == (wait->error == NULL));
  if (wait->error != NULL)
    g_test_message ("failed: %s", wait->error->message);
  if (error != NULL)
    *error = wait->error;
  else
    g_clear_error (&wait->error);
  return wait->ok;
}

gboolean
sync_test_run (PdSyncEngine  *engine,
               gboolean       full,
               GError       **error)
{
  Wait wait = { FALSE, FALSE, NULL };

  pd_sync_engine_sync_async (engine, full, NULL, on_synced, &wait);
  return finish_wait (&wait, error);
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

gboolean
sync_test_load_cached (PdSyncEngine  *engine,
                       GError       **error)
{
  Wait wait = { FALSE, FALSE, NULL };

  pd_sync_engine_load_cached_async (engine, NULL, on_loaded, &wait);
  return finish_wait (&wait, error);
}

static void
on_accounts (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Wait *wait = user_data;

  wait->ok = pd_sync_engine_fetch_accounts_finish (PD_SYNC_ENGINE (source), result,
                                                   &wait->error);
  wait->done = TRUE;
}

gboolean
sync_test_fetch_accounts (PdSyncEngine    *engine,
                          const char      *organization_id,
                          const char      *service_id,
                          PdResourceList  *into,
                          GError         **error)
{
  Wait wait = { FALSE, FALSE, NULL };

  pd_sync_engine_fetch_accounts_async (engine, organization_id, service_id, into, NULL,
                                       on_accounts, &wait);
  return finish_wait (&wait, error);
}

typedef struct {
  gboolean          done;
  PdPortalResponse *response;
  GError           *error;
} Send;

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Send *send = user_data;

  send->response = pd_portal_client_send_finish (PD_PORTAL_CLIENT (source), result,
                                                 &send->error);
  send->done = TRUE;
}

static JsonNode *
send_until_answered (PdPortalClient  *client,
                     PdPortalRequest *request)
{
  for (guint attempt = 0; attempt < 100; attempt++)
    {
      Send send = { FALSE, NULL, NULL };
      JsonNode *root;

      pd_portal_client_send_async (client, request, NULL, on_sent, &send);
      pd_test_wait_until (&send.done, WAIT_MS);
      if (send.response != NULL)
        {
          root = pd_portal_response_steal_root (send.response);
          pd_portal_response_unref (send.response);
          return root != NULL ? root : json_node_new (JSON_NODE_NULL);
        }
      if (send.error->domain == PD_PORTAL_ERROR
          && (send.error->code == PD_PORTAL_ERROR_OFFLINE
              || send.error->code == PD_PORTAL_ERROR_SERVER
              || send.error->code == PD_PORTAL_ERROR_BAD_RESPONSE
              || send.error->code == PD_PORTAL_ERROR_RATE_LIMITED))
        {
          g_clear_error (&send.error);
          continue;
        }
      g_test_message ("%s %s: %s", pd_portal_request_get_method (request),
                      pd_portal_request_get_path (request), send.error->message);
      g_clear_error (&send.error);
      return NULL;
    }
  g_error ("%s never answered", pd_portal_request_get_path (request));
}

JsonNode *
sync_test_request (PdPortalClient *client,
                   const char     *method,
                   const char     *path,
                   JsonNode       *body,
                   const char     *if_match)
{
  g_autoptr(PdPortalRequest) request = pd_portal_request_new (method, path);

  if (body != NULL)
    pd_portal_request_set_json_body (request, body);
  if (if_match != NULL)
    pd_portal_request_set_if_match (request, if_match);
  return send_until_answered (client, request);
}

GHashTable *
sync_test_fetch_direct (PdPortalClient *client,
                        const char     *path)
{
  GHashTable *expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *cursor = NULL;

  do
    {
      g_autoptr(PdPortalRequest) request = pd_portal_request_new ("GET", path);
      g_autoptr(JsonNode) root = NULL;
      JsonObject *page;
      JsonArray *items;

      pd_portal_request_add_query (request, "limit", "500");
      if (cursor != NULL)
        pd_portal_request_add_query (request, "cursor", cursor);
      root = send_until_answered (client, request);
      g_assert_nonnull (root);
      page = json_node_get_object (root);
      items = json_object_get_array_member (page, "items");
      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          JsonObject *item = json_array_get_object_element (items, i);

          g_hash_table_insert (expected, g_strdup (json_object_get_string_member (item, "id")),
                               g_strdup (json_object_get_string_member_with_default (item, "updated_at", NULL)));
        }
      g_clear_pointer (&cursor, g_free);
      cursor = g_strdup (json_object_get_string_member (page, "next_cursor"));
    }
  while (cursor != NULL);
  return expected;
}

void
sync_test_assert_matches (PdResourceList *list,
                          GHashTable     *expected)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  g_assert_cmpuint (n, ==, g_hash_table_size (expected));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PdResource) resource = g_list_model_get_item (G_LIST_MODEL (list), i);
      const char *text = NULL;
      g_autoptr(GDateTime) updated = NULL;

      if (!g_hash_table_lookup_extended (expected, pd_resource_get_id (resource), NULL,
                                         (gpointer *) &text))
        g_error ("%s is not on the portal", pd_resource_get_id (resource));
      if (text == NULL)
        continue;  /* a resource without times */
      updated = g_date_time_new_from_iso8601 (text, NULL);
      g_assert_nonnull (updated);
      if (!g_date_time_equal (updated, pd_resource_get_updated_at (resource)))
        g_error ("%s: updated_at %s on the portal", pd_resource_get_id (resource), text);
    }
}

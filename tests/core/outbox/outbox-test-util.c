/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "outbox-test-util.h"
#include "pd-test-portal.h"

#define OT_TYPE_KEY_AUTH (ot_key_auth_get_type ())
G_DECLARE_FINAL_TYPE (OtKeyAuth, ot_key_auth, OT, KEY_AUTH, GObject)

struct _OtKeyAuth
{
  GObject  parent_instance;
  char    *key;
};

static void
ot_key_auth_get_token_async (PdPortalAuth        *auth,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (auth, cancellable, callback, user_data);

  g_task_return_pointer (task, g_strdup (OT_KEY_AUTH (auth)->key), g_free);
}

static char *
ot_key_auth_get_token_finish (PdPortalAuth  *auth,
                              GAsyncResult  *result,
                              GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
ot_key_auth_token_rejected (PdPortalAuth *auth,
                            const char   *token)
{
}

static void
ot_key_auth_iface_init (PdPortalAuthInterface *iface)
{
  iface->get_token_async = ot_key_auth_get_token_async;
  iface->get_token_finish = ot_key_auth_get_token_finish;
  iface->token_rejected = ot_key_auth_token_rejected;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (OtKeyAuth, ot_key_auth, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (PD_TYPE_PORTAL_AUTH, ot_key_auth_iface_init))

static void
ot_key_auth_finalize (GObject *object)
{
  g_free (OT_KEY_AUTH (object)->key);
  G_OBJECT_CLASS (ot_key_auth_parent_class)->finalize (object);
}

static void
ot_key_auth_class_init (OtKeyAuthClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ot_key_auth_finalize;
}

static void
ot_key_auth_init (OtKeyAuth *self)
{
}

PdPortalClient *
ot_client_new (const char *url,
               const char *key)
{
  g_autoptr(GError) error = NULL;
  PdPortalClient *client = pd_portal_client_new (url, NULL, &error);
  g_autoptr(OtKeyAuth) auth = g_object_new (OT_TYPE_KEY_AUTH, NULL);

  g_assert_no_error (error);
  auth->key = g_strdup (key);
  pd_portal_client_set_auth (client, PD_PORTAL_AUTH (auth));
  pd_portal_client_set_retry_limits (client, 3, 10);
  return client;
}

typedef struct
{
  PdPortalResponse *response;
  GError           *error;
  gboolean          done;
} Wait;

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->response = pd_portal_client_send_finish (PD_PORTAL_CLIENT (source), result, &wait->error);
  wait->done = TRUE;
}

static gboolean
is_fault (const GError *error)
{
  return g_error_matches (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_OFFLINE) ||
         g_error_matches (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_SERVER) ||
         g_error_matches (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_RATE_LIMITED) ||
         g_error_matches (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_BAD_RESPONSE);
}

PdPortalResponse *
ot_request (PdPortalClient *client,
            const char     *method,
            const char     *path,
            const char     *body_json,
            const char     *if_match,
            GError        **error)
{
  g_autofree char *key = pd_portal_new_idempotency_key ();
  g_auto(GStrv) parts = g_strsplit (path, "?", 2);

  for (guint attempt = 0; attempt < 50; attempt++)
    {
      g_autoptr(PdPortalRequest) request = pd_portal_request_new (method, parts[0]);
      Wait wait = { 0 };

      if (parts[1] != NULL)
        {
          g_auto(GStrv) pairs = g_strsplit (parts[1], "&", -1);

          for (guint i = 0; pairs[i] != NULL; i++)
            {
              g_auto(GStrv) pair = g_strsplit (pairs[i], "=", 2);
              g_autofree char *value = g_uri_unescape_string (pair[1] ? pair[1] : "", NULL);

              pd_portal_request_add_query (request, pair[0], value);
            }
        }
      if (body_json != NULL)
        {
          g_autoptr(JsonNode) body = json_from_string (body_json, NULL);

          g_assert_nonnull (body);
          pd_portal_request_set_json_body (request, body);
        }
      if (if_match != NULL)
        pd_portal_request_set_if_match (request, if_match);
      if (!g_str_equal (method, "GET"))
        pd_portal_request_set_idempotency_key (request, key);
      pd_portal_client_send_async (client, request, NULL, on_sent, &wait);
      pd_test_wait_until (&wait.done, 60000);
      if (wait.response != NULL)
        return wait.response;
      if (!is_fault (wait.error))
        {
          g_propagate_error (error, wait.error);
          return NULL;
        }
      g_clear_error (&wait.error);
    }
  g_set_error (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_OFFLINE, "still failing after 50 attempts");
  return NULL;
}

static guint
count_items (PdPortalClient *client,
             const char     *path,
             const char     *member,
             const char     *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdPortalResponse) response = ot_request (client, "GET", path, NULL, NULL, &error);
  JsonArray *items;
  guint count = 0;

  g_assert_no_error (error);
  items = json_object_get_array_member (json_node_get_object (pd_portal_response_get_root (response)), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (item, member, NULL), value) == 0)
        count++;
    }
  return count;
}

guint
ot_count_named (PdPortalClient *client,
                const char     *list_path,
                const char     *name)
{
  g_autofree char *escaped = g_uri_escape_string (name, NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("%s?limit=500&q=%s", list_path, escaped);

  return count_items (client, path, "name", name);
}

guint
ot_count_audit (PdPortalClient *client,
                const char     *action,
                const char     *target_id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/audit-log?limit=500&action=%s", action);

  return count_items (client, path, "target_id", target_id);
}

PdCache *
ot_cache_open (const char *path)
{
  PdCache *cache = pd_cache_new (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *recovery = NULL;

  g_assert_true (pd_cache_open_sync (cache, &recovery, &error));
  g_assert_no_error (error);
  g_assert_null (recovery);
  return cache;
}

guint
ot_count_rows (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint count;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM outbox", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return count;
}

gboolean
ot_files_contain (const char *path,
                  const char *needle)
{
  const char *suffixes[] = { "", "-wal", "-journal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *data = NULL;
      gsize size = 0;

      if (!g_file_get_contents (name, &data, &size, NULL))
        continue;
      for (gsize at = 0; at + strlen (needle) <= size; at++)
        if (memcmp (data + at, needle, strlen (needle)) == 0)
          return TRUE;
    }
  return FALSE;
}

static void
on_busy (GObject    *object,
         GParamSpec *pspec,
         gpointer    user_data)
{
  gboolean busy;

  g_object_get (object, "busy", &busy, NULL);
  *(gboolean *) user_data = !busy;
}

void
ot_wait_idle (PdOutbox *outbox,
              guint     timeout_ms)
{
  gboolean idle = FALSE;
  gulong id = g_signal_connect (outbox, "notify::busy", G_CALLBACK (on_busy), &idle);

  on_busy (G_OBJECT (outbox), NULL, &idle);
  pd_test_wait_until (&idle, timeout_ms);
  g_signal_handler_disconnect (outbox, id);
}

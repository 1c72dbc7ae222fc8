/* SPDX-License-Identifier: GPL-3.0-or-later */
/* PdOutbox against the reference portal: faults, an outage, conflicts, rejected input,
 * final errors and secrets. The crash cases are in test-outbox-crash.c. */
#include "config.h"

#include <glib/gstdio.h>

#include "outbox-test-util.h"
#include "pd-test-portal.h"

typedef struct
{
  char           *directory;
  char           *database;
  PdTestPortal   *portal;
  PdPortalClient *client;     /* the outbox's */
  PdPortalClient *checker;    /* for looking at the portal behind the outbox's back */
  PdCache        *cache;
  PdOutbox       *outbox;
} Fixture;

typedef struct
{
  PdPortalResponse *response;
  GError           *error;
  gboolean          done;
} Result;

static void
result_clear (Result *result)
{
  g_clear_pointer (&result->response, pd_portal_response_unref);
  g_clear_error (&result->error);
  result->done = FALSE;
}

static void
on_submitted (GObject      *source,
              GAsyncResult *res,
              gpointer      user_data)
{
  Result *result = user_data;

  result->response = pd_outbox_submit_finish (PD_OUTBOX (source), res, &result->error);
  result->done = TRUE;
}

static void
fixture_open_outbox (Fixture *fixture)
{
  fixture->cache = ot_cache_open (fixture->database);
  fixture->client = ot_client_new (pd_test_portal_get_url (fixture->portal),
                                   pd_test_portal_get_key (fixture->portal, "owner"));
  fixture->outbox = pd_outbox_new (fixture->cache, fixture->client);
  pd_outbox_set_retry_delays (fixture->outbox, 20, 200);
  pd_outbox_resume (fixture->outbox);
}

static void
fixture_close_outbox (Fixture *fixture)
{
  if (fixture->outbox != NULL)
    pd_outbox_close (fixture->outbox);
  g_clear_object (&fixture->outbox);
  g_clear_object (&fixture->client);
  if (fixture->cache != NULL)
    pd_cache_close (fixture->cache);
  g_clear_object (&fixture->cache);
}

static void
fixture_start (Fixture            *fixture,
               const char * const *portal_args)
{
  fixture->directory = g_dir_make_tmp ("pd-outbox-XXXXXX", NULL);
  g_assert_nonnull (fixture->directory);
  fixture->database = g_build_filename (fixture->directory, "cache.db", NULL);
  fixture->portal = pd_test_portal_start (portal_args);
  fixture->checker = ot_client_new (pd_test_portal_get_url (fixture->portal),
                                    pd_test_portal_get_key (fixture->portal, "owner"));
  fixture_open_outbox (fixture);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture_start (fixture, (const char *[]) { "--seed", "50", NULL });
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *file;

  fixture_close_outbox (fixture);
  g_clear_object (&fixture->checker);
  if (fixture->portal != NULL)
    pd_test_portal_stop (fixture->portal);
  dir = g_dir_open (fixture->directory, 0, NULL);
  while (dir != NULL && (file = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->directory, file, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->directory);
  g_free (fixture->directory);
  g_free (fixture->database);
}

static JsonNode *
json (const char *text)
{
  JsonNode *node = json_from_string (text, NULL);

  g_assert_nonnull (node);
  return node;
}

static void
submit (Fixture    *fixture,
        const char *method,
        const char *path,
        const char *body_json,
        const char *if_match,
        Result     *result)
{
  g_autoptr(JsonNode) body = body_json ? json (body_json) : NULL;

  pd_outbox_submit_async (fixture->outbox, method, path, body, if_match, "test",
                          PD_OUTBOX_FLAG_NONE, NULL, on_submitted, result);
}

static char *
create_group (Fixture     *fixture,
              const char  *name,
              char       **etag)
{
  g_autofree char *body = g_strdup_printf ("{\"name\": \"%s\"}", name);
  g_autoptr(GError) error = NULL;
  g_autoptr(PdPortalResponse) response = ot_request (fixture->checker, "POST", "/api/v1/groups", body, NULL, &error);
  JsonObject *group;

  g_assert_no_error (error);
  group = json_node_get_object (pd_portal_response_get_root (response));
  *etag = g_strdup (json_object_get_string_member (group, "etag"));
  return g_strdup (json_object_get_string_member (group, "id"));
}

static PdOutboxEntry *
only_entry (Fixture *fixture)
{
  GListModel *entries = pd_outbox_get_entries (fixture->outbox);
  g_autoptr(PdOutboxEntry) entry = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 1);
  entry = g_list_model_get_item (entries, 0);
  return entry;  /* the model keeps it alive */
}

static void
add_attempts (PdOutbox         *outbox,
              PdOutboxEntry    *entry,
              PdPortalResponse *response,
              guint            *attempts)
{
  *attempts += pd_outbox_entry_get_attempts (entry);
}

/* Every one of N mutations through resets, 5xx and lost answers arrives exactly once. */
static void
test_faults (void)
{
  Fixture fixture = { 0 };
  enum { N = 20 };
  Result results[N] = { { 0 } };
  char *names[N];
  guint attempts = 0;

  /* Truncated answers are the lost-answer case: the group was made, the outbox must not
   * make it again. The checks below go through the same faults, retried. */
  fixture_start (&fixture, (const char *[]) {
    "--seed", "50", "--faults", "reset=0.3,error=0.3,truncate=0.2,seed=7,path=/api/v1/groups", NULL });
  for (guint i = 0; i < N; i++)
    {
      g_autofree char *body = NULL;

      names[i] = g_strdup_printf ("Faulty %u %u", i, g_random_int ());
      body = g_strdup_printf ("{\"name\": \"%s\"}", names[i]);
      submit (&fixture, "POST", "/api/v1/groups", body, NULL, &results[i]);
    }
  g_signal_connect (fixture.outbox, "delivered", G_CALLBACK (add_attempts), &attempts);
  for (guint i = 0; i < N; i++)
    {
      pd_test_wait_until (&results[i].done, 120000);
      g_assert_no_error (results[i].error);
      g_assert_cmpuint (pd_portal_response_get_status (results[i].response), ==, 201);
    }
  ot_wait_idle (fixture.outbox, 60000);
  /* The client retries by itself first; the outbox still had to send again. */
  g_test_message ("%u sends for %u mutations", attempts, (guint) N);
  g_assert_cmpuint (attempts, >, N);
  g_assert_cmpuint (g_list_model_get_n_items (pd_outbox_get_entries (fixture.outbox)), ==, 0);
  g_assert_cmpuint (ot_count_rows (fixture.database), ==, 0);
  for (guint i = 0; i < N; i++)
    {
      g_assert_cmpuint (ot_count_named (fixture.checker, "/api/v1/groups", names[i]), ==, 1);
      result_clear (&results[i]);
      g_free (names[i]);
    }
  fixture_teardown (&fixture, NULL);
}

static void
on_attempts (PdOutboxEntry *entry,
             GParamSpec    *pspec,
             gboolean      *enough)
{
  *enough = pd_outbox_entry_get_attempts (entry) >= 3;
}

static void
record_name (PdOutbox         *outbox,
             PdOutboxEntry    *entry,
             PdPortalResponse *response,
             GPtrArray        *order)
{
  JsonObject *group = json_node_get_object (pd_portal_response_get_root (response));

  g_ptr_array_add (order, g_strdup (json_object_get_string_member (group, "name")));
}

/* The portal is down: entries stay pending (across a restart of the app too) and are
 * delivered once, when it is back on the same database. */
static void
test_portal_down (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *portal_db = g_build_filename (fixture->directory, "portal.db", NULL);
  g_autofree char *listen = NULL;
  Result results[3] = { { 0 } };
  char *names[3];
  PdOutboxEntry *first;
  gboolean enough = FALSE;
  gulong handler;
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_free);

  /* A portal of our own, on a database file, so it can come back with the same data. */
  fixture_close_outbox (fixture);
  g_clear_object (&fixture->checker);
  pd_test_portal_stop (fixture->portal);
  fixture->portal = pd_test_portal_start_with_db (portal_db, (const char *[]) { "--seed", "50", NULL });
  listen = g_strdup (pd_test_portal_get_url (fixture->portal) + strlen ("http://"));
  fixture_open_outbox (fixture);
  pd_test_portal_kill (fixture->portal);
  fixture->portal = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *body = NULL;

      names[i] = g_strdup_printf ("Offline %u %u", i, g_random_int ());
      body = g_strdup_printf ("{\"name\": \"%s\"}", names[i]);
      submit (fixture, "POST", "/api/v1/groups", body, NULL, &results[i]);
    }
  while (g_list_model_get_n_items (pd_outbox_get_entries (fixture->outbox)) < 3)
    g_main_context_iteration (NULL, TRUE);
  first = g_list_model_get_item (pd_outbox_get_entries (fixture->outbox), 0);
  handler = g_signal_connect (first, "notify::attempts", G_CALLBACK (on_attempts), &enough);
  pd_test_wait_until (&enough, 60000);
  g_signal_handler_disconnect (first, handler);
  g_assert_nonnull (pd_outbox_entry_get_last_error (first));
  g_object_unref (first);
  g_assert_cmpuint (pd_outbox_get_pending_count (fixture->outbox), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    g_assert_false (results[i].done);

  /* The app quits while offline: the submits end, the changes stay. */
  fixture_close_outbox (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    {
      pd_test_wait_until (&results[i].done, 10000);
      g_assert_error (results[i].error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      result_clear (&results[i]);
    }
  g_assert_cmpuint (ot_count_rows (fixture->database), ==, 3);

  fixture->portal = pd_test_portal_start_with_db (portal_db, (const char *[]) { "--listen", listen, NULL });
  fixture->checker = ot_client_new (pd_test_portal_get_url (fixture->portal),
                                    pd_test_portal_get_key (fixture->portal, "owner"));
  fixture_open_outbox (fixture);
  g_signal_connect (fixture->outbox, "delivered", G_CALLBACK (record_name), order);
  ot_wait_idle (fixture->outbox, 60000);
  g_assert_cmpuint (g_list_model_get_n_items (pd_outbox_get_entries (fixture->outbox)), ==, 0);
  g_assert_cmpuint (ot_count_rows (fixture->database), ==, 0);
  g_assert_cmpuint (order->len, ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_cmpstr (g_ptr_array_index (order, i), ==, names[i]);  /* in submission order */
      g_assert_cmpuint (ot_count_named (fixture->checker, "/api/v1/groups", names[i]), ==, 1);
      g_free (names[i]);
    }
}

static const char *
member (JsonNode   *node,
        const char *name)
{
  g_assert_nonnull (node);
  return json_object_get_string_member (json_node_get_object (node), name);
}

static char *
group_name (Fixture    *fixture,
            const char *id)
{
  g_autofree char *path = g_strconcat ("/api/v1/groups/", id, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PdPortalResponse) response = ot_request (fixture->checker, "GET", path, NULL, NULL, &error);

  g_assert_no_error (error);
  return g_strdup (member (pd_portal_response_get_root (response), "name"));
}

/* Renames the group behind the outbox's back, then through the outbox with the old ETag. */
static PdOutboxEntry *
make_conflict (Fixture    *fixture,
               const char *id,
               const char *etag,
               const char *theirs,
               const char *mine)
{
  g_autofree char *path = g_strconcat ("/api/v1/groups/", id, NULL);
  g_autofree char *their_body = g_strdup_printf ("{\"name\": \"%s\"}", theirs);
  g_autofree char *my_body = g_strdup_printf ("{\"name\": \"%s\"}", mine);
  g_autoptr(PdPortalResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  Result result = { 0 };
  PdOutboxEntry *entry;

  response = ot_request (fixture->checker, "PATCH", path, their_body, etag, &error);
  g_assert_no_error (error);
  submit (fixture, "PATCH", path, my_body, etag, &result);
  pd_test_wait_until (&result.done, 60000);
  g_assert_error (result.error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_PRECONDITION_FAILED);
  result_clear (&result);

  entry = only_entry (fixture);
  g_assert_cmpint (pd_outbox_entry_get_state (entry), ==, PD_OUTBOX_STATE_CONFLICT);
  g_assert_cmpstr (member (pd_outbox_entry_get_body (entry), "name"), ==, mine);
  g_assert_cmpstr (member (pd_outbox_entry_get_theirs (entry), "name"), ==, theirs);
  g_assert_cmpstr (pd_outbox_entry_get_their_etag (entry), ==, pd_portal_response_get_etag (response));
  g_assert_cmpuint (pd_outbox_get_pending_count (fixture->outbox), ==, 0);
  return entry;
}

static void
test_conflict (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *etag = NULL;
  g_autofree char *id = create_group (fixture, "Conflict", &etag);
  g_autofree char *name = NULL;
  g_autofree char *etag2 = NULL;
  PdOutboxEntry *entry;
  gint64 entry_id;

  entry = make_conflict (fixture, id, etag, "Theirs", "Mine");
  entry_id = pd_outbox_entry_get_id (entry);

  /* Both versions survive a restart. */
  fixture_close_outbox (fixture);
  fixture_open_outbox (fixture);
  ot_wait_idle (fixture->outbox, 60000);
  entry = only_entry (fixture);
  g_assert_cmpint (pd_outbox_entry_get_id (entry), ==, entry_id);
  g_assert_cmpint (pd_outbox_entry_get_state (entry), ==, PD_OUTBOX_STATE_CONFLICT);
  g_assert_cmpstr (member (pd_outbox_entry_get_body (entry), "name"), ==, "Mine");
  g_assert_cmpstr (member (pd_outbox_entry_get_theirs (entry), "name"), ==, "Theirs");

  g_assert_true (pd_outbox_resolve_conflict (fixture->outbox, entry_id, PD_OUTBOX_RESOLVE_KEEP_MINE));
  ot_wait_idle (fixture->outbox, 60000);
  g_assert_cmpuint (g_list_model_get_n_items (pd_outbox_get_entries (fixture->outbox)), ==, 0);
  g_assert_cmpuint (ot_count_rows (fixture->database), ==, 0);
  name = group_name (fixture, id);
  g_assert_cmpstr (name, ==, "Mine");
  g_clear_pointer (&name, g_free);

  /* Discard: theirs stays. */
  {
    g_autofree char *path = g_strconcat ("/api/v1/groups/", id, NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(PdPortalResponse) current = ot_request (fixture->checker, "GET", path, NULL, NULL, &error);

    g_assert_no_error (error);
    etag2 = g_strdup (pd_portal_response_get_etag (current));
  }
  entry = make_conflict (fixture, id, etag2, "Theirs again", "Mine again");
  g_assert_true (pd_outbox_resolve_conflict (fixture->outbox, pd_outbox_entry_get_id (entry),
                                             PD_OUTBOX_RESOLVE_DISCARD));
  ot_wait_idle (fixture->outbox, 60000);
  g_assert_cmpuint (g_list_model_get_n_items (pd_outbox_get_entries (fixture->outbox)), ==, 0);
  fixture_close_outbox (fixture);  /* let the delete reach the file */
  g_assert_cmpuint (ot_count_rows (fixture->database), ==, 0);
  name = group_name (fixture, id);
  g_assert_cmpstr (name, ==, "Theirs again");
  g_assert_cmpuint (ot_count_audit (fixture->checker, "group.update", id), ==, 3);
}

static void
count_signal (gpointer  instance,
              gpointer  entry,
              gpointer  detail,
              guint    *count)
{
  (*count)++;
}

/* A 422 keeps the input with its field errors, across a restart; a corrected retry works. */
static void
test_rejected (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *marker = g_strdup_printf ("Visible marker %u", g_random_int ());
  g_autofree char *bad = g_strdup_printf ("{\"name\": \"\", \"description\": \"%s\"}", marker);
  g_autofree char *fixed_name = g_strdup_printf ("Fixed %u", g_random_int ());
  g_autofree char *fixed = g_strdup_printf ("{\"name\": \"%s\", \"description\": \"%s\"}", fixed_name, marker);
  g_autoptr(JsonNode) fixed_node = json (fixed);
  Result result = { 0 };
  PdOutboxEntry *entry;
  guint failed = 0, delivered = 0;

  g_signal_connect (fixture->outbox, "failed", G_CALLBACK (count_signal), &failed);
  submit (fixture, "POST", "/api/v1/groups", bad, NULL, &result);
  pd_test_wait_until (&result.done, 60000);
  g_assert_error (result.error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_VALIDATION);
  result_clear (&result);
  g_assert_cmpuint (failed, ==, 1);
  entry = only_entry (fixture);
  g_assert_cmpint (pd_outbox_entry_get_state (entry), ==, PD_OUTBOX_STATE_REJECTED);
  g_assert_nonnull (pd_outbox_entry_get_field_error (entry, "name"));
  g_assert_nonnull (pd_outbox_entry_get_error (entry));

  fixture_close_outbox (fixture);
  g_assert_cmpuint (ot_count_rows (fixture->database), ==, 1);
  g_assert_true (ot_files_contain (fixture->database, marker));  /* the grep below can see */
  fixture_open_outbox (fixture);
  ot_wait_idle (fixture->outbox, 60000);
  entry = only_entry (fixture);
  g_assert_cmpint (pd_outbox_entry_get_state (entry), ==, PD_OUTBOX_STATE_REJECTED);
  g_assert_nonnull (pd_outbox_entry_get_field_error (entry, "name"));
  g_assert_cmpstr (member (pd_outbox_entry_get_body (entry), "description"), ==, marker);
  g_assert_nonnull (pd_outbox_entry_get_last_error (entry));

  g_signal_connect (fixture->outbox, "delivered", G_CALLBACK (count_signal), &delivered);
  g_assert_true (pd_outbox_retry (fixture->outbox, pd_outbox_entry_get_id (entry), fixed_node));
  ot_wait_idle (fixture->outbox, 60000);
  g_assert_cmpuint (delivered, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (pd_outbox_get_entries (fixture->outbox)), ==, 0);
  g_assert_cmpuint (ot_count_named (fixture->checker, "/api/v1/groups", fixed_name), ==, 1);
}

/* 404 (and 403, 401) fail the entry with its error; it stays until discarded. */
static void
test_failed (Fixture       *fixture,
             gconstpointer  data)
{
  Result result = { 0 };
  PdOutboxEntry *entry;

  submit (fixture, "PATCH", "/api/v1/groups/grp_999999", "{\"name\": \"Nobody\"}", "*", &result);
  pd_test_wait_until (&result.done, 60000);
  g_assert_error (result.error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_NOT_FOUND);
  result_clear (&result);
  entry = only_entry (fixture);
  g_assert_cmpint (pd_outbox_entry_get_state (entry), ==, PD_OUTBOX_STATE_FAILED);
  g_assert_true (g_error_matches (pd_outbox_entry_get_error (entry), PD_PORTAL_ERROR, PD_PORTAL_ERROR_NOT_FOUND));
  g_assert_false (pd_outbox_resolve_conflict (fixture->outbox, pd_outbox_entry_get_id (entry),
                                              PD_OUTBOX_RESOLVE_KEEP_MINE));
  g_assert_true (pd_outbox_discard (fixture->outbox, pd_outbox_entry_get_id (entry)));
  g_assert_cmpuint (g_list_model_get_n_items (pd_outbox_get_entries (fixture->outbox)), ==, 0);

  /* 403 (a technician may not change groups) and 401 (a revoked key), each through an outbox
   * of its own on the same cache. */
  {
    struct { const char *key; int code; } cases[] = {
      { pd_test_portal_get_key (fixture->portal, "technician"), PD_PORTAL_ERROR_FORBIDDEN },
      { "pdk_revoked", PD_PORTAL_ERROR_UNAUTHORIZED },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(PdPortalClient) client = ot_client_new (pd_test_portal_get_url (fixture->portal), cases[i].key);
        g_autoptr(PdOutbox) outbox = pd_outbox_new (fixture->cache, client);
        g_autoptr(JsonNode) body = json ("{\"name\": \"Not allowed\"}");
        g_autoptr(PdOutboxEntry) failed = NULL;

        pd_outbox_submit_async (outbox, "POST", "/api/v1/groups", body, NULL, "test",
                                PD_OUTBOX_FLAG_NONE, NULL, on_submitted, &result);
        pd_test_wait_until (&result.done, 60000);
        g_assert_error (result.error, PD_PORTAL_ERROR, cases[i].code);
        result_clear (&result);
        failed = g_list_model_get_item (pd_outbox_get_entries (outbox), 0);
        g_assert_cmpint (pd_outbox_entry_get_state (failed), ==, PD_OUTBOX_STATE_FAILED);
        g_assert_nonnull (pd_outbox_entry_get_last_error (failed));
        g_assert_true (pd_outbox_discard (outbox, pd_outbox_entry_get_id (failed)));
        pd_outbox_close (outbox);
      }
  }
  fixture_close_outbox (fixture);
  g_assert_cmpuint (ot_count_rows (fixture->database), ==, 0);
  g_assert_cmpuint (ot_count_named (fixture->checker, "/api/v1/groups", "Not allowed"), ==, 0);
}

static void
submit_secret (Fixture    *fixture,
               const char *email,
               const char *password,
               Result     *result)
{
  g_autofree char *text = g_strdup_printf ("{\"email\": \"%s\", \"name\": \"Secret User\", \"role\": \"technician\", "
                                           "\"notify_backup_errors\": false, \"password\": \"%s\"}", email, password);
  g_autoptr(JsonNode) body = json (text);

  pd_outbox_submit_async (fixture->outbox, "POST", "/api/v1/users", body, NULL, "New user",
                          PD_OUTBOX_FLAG_SECRET, NULL, on_submitted, result);
}

/* Secret-bearing bodies are never written to the database file. */
static void
test_secret (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *password = g_strdup_printf ("Pw-%u-long-enough", g_random_int ());
  g_autofree char *short_password = g_strdup_printf ("S%u", g_random_int () % 1000);
  g_autofree char *email = g_strdup_printf ("secret%u@example.com", g_random_int ());
  g_autofree char *email2 = g_strdup_printf ("short%u@example.com", g_random_int ());
  Result result = { 0 };
  PdOutboxEntry *entry;

  submit_secret (fixture, email, password, &result);
  g_assert_cmpuint (g_list_model_get_n_items (pd_outbox_get_entries (fixture->outbox)), ==, 1);
  entry = only_entry (fixture);
  g_assert_true (pd_outbox_entry_get_secret (entry));
  g_assert_null (pd_outbox_entry_get_body (entry));
  pd_test_wait_until (&result.done, 60000);
  g_assert_no_error (result.error);
  g_assert_cmpuint (pd_portal_response_get_status (result.response), ==, 201);
  result_clear (&result);

  /* Rejected, it is kept, in memory only. */
  submit_secret (fixture, email2, short_password, &result);
  pd_test_wait_until (&result.done, 60000);
  g_assert_error (result.error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_VALIDATION);
  result_clear (&result);
  entry = only_entry (fixture);
  g_assert_cmpint (pd_outbox_entry_get_state (entry), ==, PD_OUTBOX_STATE_REJECTED);
  g_assert_cmpint (pd_outbox_entry_get_id (entry), <, 0);
  g_assert_nonnull (pd_outbox_entry_get_field_error (entry, "password"));

  fixture_close_outbox (fixture);
  g_assert_cmpuint (ot_count_rows (fixture->database), ==, 0);
  g_assert_false (ot_files_contain (fixture->database, password));
  g_assert_false (ot_files_contain (fixture->database, short_password));
  g_assert_false (ot_files_contain (fixture->database, email));
  g_assert_cmpuint (ot_count_named (fixture->checker, "/api/v1/users", "Secret User"), ==, 1);
}

/* Cancelling a submit only stops waiting: the change is still delivered, once. */
static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *name = g_strdup_printf ("Cancelled %u", g_random_int ());
  g_autofree char *text = g_strdup_printf ("{\"name\": \"%s\"}", name);
  g_autoptr(JsonNode) body = json (text);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Result result = { 0 };

  pd_outbox_submit_async (fixture->outbox, "POST", "/api/v1/groups", body, NULL, "test",
                          PD_OUTBOX_FLAG_NONE, cancellable, on_submitted, &result);
  g_cancellable_cancel (cancellable);
  pd_test_wait_until (&result.done, 60000);
  g_assert_error (result.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  result_clear (&result);
  ot_wait_idle (fixture->outbox, 60000);
  g_assert_cmpuint (g_list_model_get_n_items (pd_outbox_get_entries (fixture->outbox)), ==, 0);
  g_assert_cmpuint (ot_count_named (fixture->checker, "/api/v1/groups", name), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/outbox/faults", test_faults);
  g_test_add ("/outbox/portal-down", Fixture, NULL, fixture_setup, test_portal_down, fixture_teardown);
  g_test_add ("/outbox/conflict", Fixture, NULL, fixture_setup, test_conflict, fixture_teardown);
  g_test_add ("/outbox/rejected", Fixture, NULL, fixture_setup, test_rejected, fixture_teardown);
  g_test_add ("/outbox/failed", Fixture, NULL, fixture_setup, test_failed, fixture_teardown);
  g_test_add ("/outbox/cancelled", Fixture, NULL, fixture_setup, test_cancelled, fixture_teardown);
  g_test_add ("/outbox/secret", Fixture, NULL, fixture_setup, test_secret, fixture_teardown);
  return g_test_run ();
}

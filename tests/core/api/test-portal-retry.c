/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Retries against the portal's fault injection: what converges, what is never repeated,
 * the bounds, Retry-After, cancellation and a portal that is not there. Attempts are
 * counted from the client's own debug lines ("METHOD PATH → STATUS"). */
#include "pd-api-test.h"

#include <gio/gio.h>

static PdTestPortal *
start_with_faults (const char *faults)
{
  return pd_test_portal_start ((const char *[]) { "--seed", "3", "--faults", faults, NULL });
}

static PdPortalResponse *
get (PdPortalClient  *client,
     const char      *path,
     GError         **error)
{
  g_autoptr(PdPortalRequest) request = pd_portal_request_new ("GET", path);

  return pd_api_test_send (client, request, NULL, error);
}

static PdPortalRequest *
create_organization (const char *name,
                     gboolean    keyed)
{
  PdPortalRequest *request = pd_portal_request_new ("POST", "/api/v1/organizations");
  g_autofree char *text = g_strdup_printf (
    "{\"name\": \"%s\", \"email\": \"it@example.com\", \"plan\": {\"name\": \"Business Backup\","
    " \"type\": \"backup\", \"price_cents\": 8700, \"currency\": \"USD\"}}", name);
  g_autoptr(JsonNode) body = pd_api_test_json (text);

  pd_portal_request_set_json_body (request, body);
  if (keyed)
    {
      g_autofree char *key = pd_portal_new_idempotency_key ();

      pd_portal_request_set_idempotency_key (request, key);
    }
  return request;
}

/* How many organizations the portal holds with exactly @name (read with retries, so it
 * works on a faulty portal too). */
static guint
count_organizations (PdPortalClient *client,
                     const char     *name)
{
  g_autoptr(PdPortalRequest) request = pd_portal_request_new ("GET", "/api/v1/organizations");
  g_autoptr(PdPortalResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *items;
  guint count = 0;

  pd_portal_request_add_query (request, "q", name);
  response = pd_api_test_send (client, request, NULL, &error);
  g_assert_no_error (error);
  items = json_object_get_array_member (json_node_get_object (pd_portal_response_get_root (response)), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    count += g_str_equal (json_object_get_string_member (json_array_get_object_element (items, i), "name"), name);
  return count;
}

static void
test_faults_converge (void)
{
  const char *specs[] = { "error=0.5,seed=11", "reset=0.5,seed=12", "malformed=0.5,seed=13",
                          "truncate=0.5,seed=14" };

  for (guint s = 0; s < G_N_ELEMENTS (specs); s++)
    {
      g_autoptr(PdTestPortal) portal = start_with_faults (specs[s]);
      g_autoptr(PdPortalClient) client = pd_api_test_client_new (portal, "admin");

      pd_portal_client_set_retry_limits (client, 15, 60);
      pd_api_test_clear_logs ();
      for (guint i = 0; i < 4; i++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(PdPortalResponse) response = get (client, "/api/v1/organizations", &error);

          g_assert_no_error (error);
          g_assert_nonnull (pd_portal_response_get_root (response));
        }
      /* The faults did happen: more exchanges than requests. */
      g_assert_cmpuint (pd_api_test_count_logs ("GET /api/v1/organizations →"), >, 4);
    }
}

typedef struct
{
  guint    pending;
  guint    failed;
  gboolean done;
} Many;

static void
on_one_done (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  Many *many = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PdPortalResponse) response = pd_portal_client_send_finish (PD_PORTAL_CLIENT (source), result, &error);

  if (response == NULL || pd_portal_response_get_root (response) == NULL)
    {
      g_test_message ("concurrent request failed: %s", error ? error->message : "no JSON");
      many->failed++;
    }
  many->done = --many->pending == 0;
}

static void
test_concurrent (void)
{
  g_autoptr(PdTestPortal) portal = start_with_faults ("error=0.2,reset=0.1,malformed=0.1,truncate=0.1,"
                                                      "latency=0.5:10-100,seed=21");
  g_autoptr(PdPortalClient) client = pd_api_test_client_new (portal, "admin");
  Many many = { 0 };

  pd_portal_client_set_retry_limits (client, 15, 60);
  for (guint i = 1; i <= 16; i++)
    {
      g_autofree char *path = g_strdup_printf ("/api/v1/organizations/org_%u", (i % 3) + 1);
      g_autoptr(PdPortalRequest) request = pd_portal_request_new ("GET", path);

      many.pending++;
      pd_portal_client_send_async (client, request, NULL, on_one_done, &many);
    }
  pd_test_wait_until (&many.done, 120000);
  g_assert_cmpuint (many.failed, ==, 0);
}

static void
test_keyed_post_once (void)
{
  g_autoptr(PdTestPortal) portal = start_with_faults ("truncate=0.3,malformed=0.3,reset=0.2,seed=5");
  g_autoptr(PdPortalClient) client = pd_api_test_client_new (portal, "admin");
  guint attempts;

  pd_portal_client_set_retry_limits (client, 15, 60);
  pd_api_test_clear_logs ();
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("Exactly Once %u", i);
      g_autoptr(PdPortalRequest) request = create_organization (name, TRUE);
      g_autoptr(PdPortalResponse) response = NULL;
      g_autoptr(GError) error = NULL;

      response = pd_api_test_send (client, request, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (pd_portal_response_get_status (response), ==, 201);
      g_assert_cmpuint (count_organizations (client, name), ==, 1);
    }
  attempts = pd_api_test_count_logs ("POST /api/v1/organizations →");
  g_test_message ("4 keyed POSTs took %u exchanges", attempts);
  g_assert_cmpuint (attempts, >, 4);
}

static void
test_unkeyed_post_not_retried (void)
{
  /* With seed=2 the first request loses its answer (see the guide's example). */
  g_autoptr(PdTestPortal) portal = start_with_faults ("truncate=0.5,seed=2");
  g_autoptr(PdPortalClient) client = pd_api_test_client_new (portal, "admin");
  g_autoptr(PdPortalRequest) request = create_organization ("Only Once Ltd", FALSE);
  g_autoptr(PdPortalResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  pd_portal_client_set_retry_limits (client, 15, 60);
  pd_api_test_clear_logs ();
  response = pd_api_test_send (client, request, NULL, &error);
  g_assert_error (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_BAD_RESPONSE);
  g_assert_cmpuint (pd_api_test_count_logs ("POST /api/v1/organizations →"), ==, 1);
  /* The change was made once, and only once: nobody sent it again. */
  g_assert_cmpuint (count_organizations (client, "Only Once Ltd"), ==, 1);
}

static void
test_bounds (void)
{
  g_autoptr(PdTestPortal) portal = start_with_faults ("error=1:503");
  g_autoptr(PdPortalClient) client = pd_api_test_client_new (portal, "admin");
  g_autoptr(PdPortalRequest) once = pd_portal_request_new ("GET", "/api/v1/me");
  g_autoptr(PdPortalRequest) post = create_organization ("Never Ltd", FALSE);
  g_autoptr(PdPortalResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  pd_portal_client_set_retry_limits (client, 3, 30);
  pd_api_test_clear_logs ();
  response = get (client, "/api/v1/me", &error);
  g_assert_error (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_SERVER);
  g_assert_cmpuint (pd_portal_error_get_status (error), ==, 503);
  g_assert_cmpuint (pd_api_test_count_logs ("GET /api/v1/me → 503"), ==, 3);
  g_clear_error (&error);

  /* The time bound: no wait starts that would end after it. */
  pd_portal_client_set_retry_limits (client, 100, 0);
  pd_api_test_clear_logs ();
  response = get (client, "/api/v1/me", &error);
  g_assert_error (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_SERVER);
  g_assert_cmpuint (pd_api_test_count_logs ("GET /api/v1/me → 503"), ==, 1);
  g_clear_error (&error);

  pd_portal_client_set_retry_limits (client, 3, 30);
  pd_api_test_clear_logs ();
  pd_portal_request_set_retry (once, FALSE);
  response = pd_api_test_send (client, once, NULL, &error);
  g_assert_error (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_SERVER);
  g_assert_cmpuint (pd_api_test_count_logs ("GET /api/v1/me → 503"), ==, 1);
  g_clear_error (&error);

  pd_api_test_clear_logs ();
  response = pd_api_test_send (client, post, NULL, &error);
  g_assert_error (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_SERVER);
  g_assert_cmpuint (pd_api_test_count_logs ("POST /api/v1/organizations → 503"), ==, 1);
}

static void
test_lost_answers_without_retry (void)
{
  const struct { const char *faults; int code; } cases[] = {
    { "reset=1", PD_PORTAL_ERROR_OFFLINE },
    { "truncate=1", PD_PORTAL_ERROR_BAD_RESPONSE },
    { "malformed=1", PD_PORTAL_ERROR_BAD_RESPONSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PdTestPortal) portal = start_with_faults (cases[i].faults);
      g_autoptr(PdPortalClient) client = pd_api_test_client_new (portal, "admin");
      g_autoptr(PdPortalRequest) request = pd_portal_request_new ("GET", "/api/v1/me");
      g_autoptr(PdPortalResponse) response = NULL;
      g_autoptr(GError) error = NULL;

      pd_portal_request_set_retry (request, FALSE);
      response = pd_api_test_send (client, request, NULL, &error);
      g_assert_error (error, PD_PORTAL_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, "127.0.0.1"));
    }
}

static void
test_rate_limit_honoured (void)
{
  g_autoptr(PdTestPortal) portal = pd_test_portal_start ((const char *[]) { "--seed", "2", "--rate-limit", "1", NULL });
  g_autoptr(PdPortalClient) client = pd_api_test_client_new (portal, "admin");

  pd_portal_client_set_retry_limits (client, 5, 30);
  pd_api_test_clear_logs ();
  /* A burst of two is allowed, then one a second: the rest wait as told and get through. */
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PdPortalResponse) response = get (client, "/api/v1/me", &error);

      g_assert_no_error (error);
    }
  g_assert_cmpuint (pd_api_test_count_logs ("GET /api/v1/me → 429"), >=, 1);
}

static void
test_rate_limit_bounds (void)
{
  g_autoptr(PdTestPortal) portal = start_with_faults ("ratelimit=1:1,path=/api/v1/me");
  g_autoptr(PdTestPortal) slow = start_with_faults ("ratelimit=1:120");
  g_autoptr(PdPortalClient) client = pd_api_test_client_new (portal, "admin");
  g_autoptr(PdPortalClient) slow_client = pd_api_test_client_new (slow, "admin");
  g_autoptr(PdPortalResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  pd_api_test_clear_logs ();
  response = get (client, "/api/v1/me", &error);
  g_assert_error (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_RATE_LIMITED);
  g_assert_cmpuint (pd_portal_error_get_retry_after (error), ==, 1);
  g_assert_cmpuint (pd_api_test_count_logs ("GET /api/v1/me → 429"), ==, 3);
  g_clear_error (&error);

  /* Two minutes is past what a request waits: the caller hears it at once. */
  pd_api_test_clear_logs ();
  response = get (slow_client, "/api/v1/me", &error);
  g_assert_error (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_RATE_LIMITED);
  g_assert_cmpuint (pd_portal_error_get_retry_after (error), ==, 120);
  g_assert_cmpuint (pd_api_test_count_logs ("GET /api/v1/me → 429"), ==, 1);
}

static gboolean
cancel_later (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

static void
test_cancel (void)
{
  g_autoptr(PdTestPortal) slow = start_with_faults ("latency=1:5000");
  g_autoptr(PdTestPortal) failing = start_with_faults ("error=1");
  g_autoptr(PdPortalClient) slow_client = pd_api_test_client_new (slow, "admin");
  g_autoptr(PdPortalClient) failing_client = pd_api_test_client_new (failing, "admin");
  g_autoptr(PdPortalRequest) request = pd_portal_request_new ("GET", "/api/v1/me");
  g_autoptr(GCancellable) during_exchange = g_cancellable_new ();
  g_autoptr(GCancellable) during_wait = g_cancellable_new ();
  g_autoptr(GCancellable) before = g_cancellable_new ();
  g_autoptr(PdPortalResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  g_timeout_add (200, cancel_later, during_exchange);
  response = pd_api_test_send (slow_client, request, during_exchange, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* Cancelled while waiting between attempts (long waits, many attempts) */
  pd_portal_client_set_retry_limits (failing_client, 50, 600);
  pd_api_test_clear_logs ();
  g_timeout_add (1500, cancel_later, during_wait);
  response = pd_api_test_send (failing_client, request, during_wait, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (pd_api_test_count_logs ("GET /api/v1/me → 503"), >=, 1);
  g_clear_error (&error);

  g_cancellable_cancel (before);
  response = pd_api_test_send (failing_client, request, before, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static guint16
closed_port (void)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GError) error = NULL;
  guint16 port = g_socket_listener_add_any_inet_port (listener, NULL, &error);

  g_assert_no_error (error);
  g_socket_listener_close (listener);
  return port;
}

static void
test_offline (void)
{
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u", closed_port ());
  g_autoptr(GError) error = NULL;
  g_autoptr(PdPortalClient) client = pd_portal_client_new (url, NULL, &error);
  g_autoptr(PdPortalResponse) response = NULL;

  g_assert_no_error (error);
  pd_portal_client_set_retry_limits (client, 2, 10);
  pd_api_test_clear_logs ();
  response = get (client, "/api/v1/me", &error);
  g_assert_error (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_OFFLINE);
  g_assert_cmpuint (pd_portal_error_get_status (error), ==, 0);
  g_assert_nonnull (strstr (error->message, "127.0.0.1"));
  g_assert_cmpuint (pd_api_test_count_logs ("GET /api/v1/me → 0"), ==, 2);
  g_clear_error (&error);

  /* A name that does not resolve: .invalid never does (RFC 6761) */
  g_clear_object (&client);
  client = pd_portal_client_new ("https://portal.invalid", NULL, &error);
  g_assert_no_error (error);
  pd_portal_client_set_retry_limits (client, 1, 10);
  response = get (client, "/api/v1/me", &error);
  g_assert_error (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_OFFLINE);
  g_assert_nonnull (strstr (error->message, "portal.invalid"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  pd_api_test_capture_logs ();

  g_test_add_func ("/api/retry/faults-converge", test_faults_converge);
  g_test_add_func ("/api/retry/concurrent", test_concurrent);
  g_test_add_func ("/api/retry/keyed-post-once", test_keyed_post_once);
  g_test_add_func ("/api/retry/unkeyed-post-not-retried", test_unkeyed_post_not_retried);
  g_test_add_func ("/api/retry/bounds", test_bounds);
  g_test_add_func ("/api/retry/lost-answers-without-retry", test_lost_answers_without_retry);
  g_test_add_func ("/api/retry/rate-limit-honoured", test_rate_limit_honoured);
  g_test_add_func ("/api/retry/rate-limit-bounds", test_rate_limit_bounds);
  g_test_add_func ("/api/retry/cancel", test_cancel);
  g_test_add_func ("/api/retry/offline", test_offline);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One shared client, a few hundred mixed requests against a portal that resets, truncates,
 * garbles and refuses: every request must complete with a response or a PdPortalError (or
 * G_IO_ERROR_CANCELLED for the ones cancelled on purpose), never crash. All requests share
 * one session: when it reused kept-alive connections, a reset on one crashed libsoup 3.2
 * (see send_message() in pd-portal-send.c) in most runs of this test. */
#include "pd-api-test.h"

#include <gio/gio.h>

#define N_ORGANIZATIONS 8

typedef struct
{
  PdPortalClient *client;
  GRand          *rand;
  guint           seed;
  GHashTable     *etags;       /* path → last ETag seen */
  guint           next;        /* index of the next request to start */
  guint           total;
  guint           in_flight;
  guint           concurrency;
  guint           succeeded;
  guint           failed;
  guint           cancelled;
  gboolean        done;
} Stress;

typedef struct
{
  Stress       *stress;
  char         *path;
  GCancellable *cancellable;
  guint         cancel_source;
} Job;

static void start_next (Stress *stress);

static void
job_free (Job *job)
{
  if (job->cancel_source != 0)
    g_source_remove (job->cancel_source);
  g_clear_object (&job->cancellable);
  g_free (job->path);
  g_free (job);
}

static gboolean
cancel_job (gpointer data)
{
  Job *job = data;

  job->cancel_source = 0;
  g_cancellable_cancel (job->cancellable);
  return G_SOURCE_REMOVE;
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  Job *job = data;
  Stress *stress = job->stress;
  g_autoptr(GError) error = NULL;
  g_autoptr(PdPortalResponse) response = pd_portal_client_send_finish (PD_PORTAL_CLIENT (source),
                                                                       result, &error);

  if (response != NULL)
    {
      JsonNode *root = pd_portal_response_get_root (response);
      const char *etag = pd_portal_response_get_etag (response);

      g_assert_no_error (error);
      stress->succeeded++;
      if (root != NULL && JSON_NODE_HOLDS_OBJECT (root) && etag != NULL)
        g_hash_table_insert (stress->etags, g_strdup (job->path), g_strdup (etag));
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_assert_nonnull (job->cancellable);
      stress->cancelled++;
    }
  else
    {
      /* What faults may leave after the retries: all of them the portal's own errors. */
      if (error->domain != PD_PORTAL_ERROR || error->code == PD_PORTAL_ERROR_CONFLICT
          || error->code == PD_PORTAL_ERROR_REQUEST || error->code == PD_PORTAL_ERROR_VALIDATION)
        g_test_message ("unexpected failure: %s %d %s", g_quark_to_string (error->domain),
                        error->code, error->message);
      g_assert_true (error->domain == PD_PORTAL_ERROR);
      g_assert_true (error->code == PD_PORTAL_ERROR_OFFLINE || error->code == PD_PORTAL_ERROR_SERVER
                     || error->code == PD_PORTAL_ERROR_BAD_RESPONSE
                     || error->code == PD_PORTAL_ERROR_RATE_LIMITED
                     || error->code == PD_PORTAL_ERROR_PRECONDITION_FAILED);
      g_assert_nonnull (error->message);
      stress->failed++;
    }
  stress->in_flight--;
  job_free (job);
  start_next (stress);
}

static PdPortalRequest *
make_request (Stress *stress,
              char  **path)
{
  guint n = g_rand_int_range (stress->rand, 1, N_ORGANIZATIONS + 1);
  guint kind = g_rand_int_range (stress->rand, 0, 10);
  PdPortalRequest *request;
  g_autofree char *key = pd_portal_new_idempotency_key ();

  *path = g_strdup_printf ("/api/v1/organizations/org_%u", n);
  if (kind < 3)
    {
      request = pd_portal_request_new ("GET", *path);
    }
  else if (kind < 5)
    {
      g_clear_pointer (path, g_free);
      *path = g_strdup ("/api/v1/organizations");
      request = pd_portal_request_new ("GET", *path);
      pd_portal_request_add_query (request, "limit", "50");
    }
  else if (kind < 8)
    {
      /* A stale or missing ETag makes a 412, which is an answer too. */
      const char *etag = g_hash_table_lookup (stress->etags, *path);
      g_autofree char *text = g_strdup_printf ("{\"domain\": \"stress-%u.example\"}",
                                               g_rand_int_range (stress->rand, 0, 1000));
      g_autoptr(JsonNode) body = pd_api_test_json (text);

      request = pd_portal_request_new ("PATCH", *path);
      pd_portal_request_set_json_body (request, body);
      pd_portal_request_set_if_match (request, etag != NULL ? etag : "\"stale\"");
      pd_portal_request_set_idempotency_key (request, key);
    }
  else
    {
      g_autofree char *text = g_strdup_printf (
        "{\"name\": \"Stress %u-%u Ltd\", \"email\": \"it@example.com\", \"plan\": {\"name\": "
        "\"Business Backup\", \"type\": \"backup\", \"price_cents\": 8700, \"currency\": \"USD\"}}",
        stress->seed, stress->next);
      g_autoptr(JsonNode) body = pd_api_test_json (text);

      g_clear_pointer (path, g_free);
      *path = g_strdup ("/api/v1/organizations");
      request = pd_portal_request_new ("POST", *path);
      pd_portal_request_set_json_body (request, body);
      pd_portal_request_set_idempotency_key (request, key);
    }
  /* Some requests give up at the first failure, so the next one reuses the pool at once. */
  if (g_rand_int_range (stress->rand, 0, 3) == 0)
    pd_portal_request_set_retry (request, FALSE);
  return request;
}

static void
start_next (Stress *stress)
{
  while (stress->in_flight < stress->concurrency && stress->next < stress->total)
    {
      Job *job = g_new0 (Job, 1);
      g_autoptr(PdPortalRequest) request = make_request (stress, &job->path);

      job->stress = stress;
      /* One in eight is cancelled a moment after it starts, at whatever stage it reached. */
      if (g_rand_int_range (stress->rand, 0, 8) == 0)
        {
          job->cancellable = g_cancellable_new ();
          job->cancel_source = g_timeout_add (g_rand_int_range (stress->rand, 0, 40), cancel_job, job);
        }
      stress->next++;
      stress->in_flight++;
      pd_portal_client_send_async (stress->client, request, job->cancellable, on_sent, job);
    }
  if (stress->in_flight == 0 && stress->next == stress->total)
    stress->done = TRUE;
}

static void
run (PdPortalClient *client,
     guint           seed,
     guint           total,
     guint           concurrency)
{
  Stress stress = { 0 };

  stress.client = client;
  stress.rand = g_rand_new_with_seed (seed);
  stress.seed = seed;
  stress.etags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  stress.total = total;
  stress.concurrency = concurrency;
  start_next (&stress);
  pd_test_wait_until (&stress.done, 240000);
  g_test_message ("%u requests, %u at a time: %u answered, %u failed, %u cancelled", total,
                  concurrency, stress.succeeded, stress.failed, stress.cancelled);
  g_assert_cmpuint (stress.succeeded + stress.failed + stress.cancelled, ==, total);
  /* The faults leave most requests answered: the client still talks to the portal. */
  g_assert_cmpuint (stress.succeeded, >, 0);
  g_hash_table_unref (stress.etags);
  g_rand_free (stress.rand);
}

static void
stress_shared_client (const char *spec,
                      guint       seed)
{
  g_autofree char *faults = g_strdup_printf ("%s,seed=%u", spec, seed);
  g_autoptr(PdTestPortal) portal = pd_test_portal_start ((const char *[]) {
    "--seed", "20", "--faults", faults, NULL });
  g_autoptr(PdPortalClient) client = pd_api_test_client_new (portal, "admin");

  pd_portal_client_set_retry_limits (client, 3, 10);
  run (client, seed, 60, 1);
  run (client, seed + 1, 120, 8);
  run (client, seed + 2, 40, 1);
}

static void
test_mixed_faults (gconstpointer data)
{
  stress_shared_client ("error=0.2,reset=0.1,malformed=0.1,truncate=0.1,ratelimit=0.05,"
                        "latency=0.2:0-20", GPOINTER_TO_UINT (data));
}

/* Resets alone: a reset on a reused keep-alive connection is what crashed libsoup 3.2. */
static void
test_resets (void)
{
  stress_shared_client ("reset=0.3", 14);
}

int
main (int   argc,
      char *argv[])
{
  const guint seeds[] = { 11, 12, 13 };

  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_autofree char *name = g_strdup_printf ("/portal-client/stress/seed-%u", seeds[i]);

      g_test_add_data_func (name, GUINT_TO_POINTER (seeds[i]), test_mixed_faults);
    }
  g_test_add_func ("/portal-client/stress/resets", test_resets);
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pd-account-bulk against the reference portal (--seed 50): protect, pause and unprotect
 * through the outbox with the seat figures following; a partial failure with its per-item
 * problems; an over-limit protect refused as a whole (409 seat-limit) and dropped from the
 * outbox; the permission and relationship refusals. Plus the decoding of odd answers. */
#include "config.h"

#include <glib/gstdio.h>

#include "outbox-test-util.h"
#include "pd-account-bulk.h"
#include "pd-portal-error.h"
#include "pd-test-portal.h"

typedef struct
{
  char           *directory;
  char           *database;
  PdTestPortal   *portal;
  PdPortalClient *client;
  PdPortalClient *checker;
  PdCache        *cache;
  PdOutbox       *outbox;
} Fixture;

typedef struct
{
  PdAccountBulkResult *result;
  GError              *error;
  gboolean             done;
} Outcome;

static void
outcome_clear (Outcome *outcome)
{
  g_clear_object (&outcome->result);
  g_clear_error (&outcome->error);
  outcome->done = FALSE;
}

static void
on_bulk (GObject      *source,
         GAsyncResult *res,
         gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->result = pd_account_bulk_finish (res, &outcome->error);
  outcome->done = TRUE;
}

static void
run_bulk (Fixture             *f,
          PdOutbox            *outbox,
          const char          *org,
          const char          *svc,
          PdAccountBulkAction  action,
          const char * const  *ids,
          Outcome             *outcome)
{
  outcome_clear (outcome);
  pd_account_bulk_async (outbox, org, svc, action, ids, NULL, on_bulk, outcome);
  pd_test_wait_until (&outcome->done, 60000);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->directory = g_dir_make_tmp ("pd-bulk-XXXXXX", NULL);
  f->database = g_build_filename (f->directory, "cache.db", NULL);
  f->portal = pd_test_portal_start ((const char *[]) { "--seed", "50", NULL });
  f->checker = ot_client_new (pd_test_portal_get_url (f->portal), pd_test_portal_get_key (f->portal, "owner"));
  f->client = ot_client_new (pd_test_portal_get_url (f->portal), pd_test_portal_get_key (f->portal, "owner"));
  f->cache = ot_cache_open (f->database);
  f->outbox = pd_outbox_new (f->cache, f->client);
  pd_outbox_set_retry_delays (f->outbox, 20, 200);
  pd_outbox_resume (f->outbox);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *file;

  pd_outbox_close (f->outbox);
  g_clear_object (&f->outbox);
  pd_cache_close (f->cache);
  g_clear_object (&f->cache);
  g_clear_object (&f->client);
  g_clear_object (&f->checker);
  pd_test_portal_stop (f->portal);
  dir = g_dir_open (f->directory, 0, NULL);
  while (dir != NULL && (file = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->directory, file, NULL);
      g_unlink (path);
    }
  g_rmdir (f->directory);
  g_free (f->directory);
  g_free (f->database);
}

/* The IDs of up to @limit accounts of a service with @protection (NULL: any) */
static GStrv
account_ids (Fixture    *f,
             const char *org,
             const char *svc,
             const char *protection,
             guint       limit)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup_printf ("/api/v1/organizations/%s/services/%s/accounts?limit=500%s%s",
                                           org, svc, protection ? "&protection=" : "", protection ? protection : "");
  g_autoptr(PdPortalResponse) response = ot_request (f->checker, "GET", path, NULL, NULL, &error);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *items;

  g_assert_no_error (error);
  items = json_object_get_array_member (json_node_get_object (pd_portal_response_get_root (response)), "items");
  for (guint i = 0; i < json_array_get_length (items) && i < limit; i++)
    g_strv_builder_add (builder, json_object_get_string_member (json_array_get_object_element (items, i), "id"));
  return g_strv_builder_end (builder);
}

static char *
account_protection (Fixture    *f,
                    const char *org,
                    const char *svc,
                    const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup_printf ("/api/v1/organizations/%s/services/%s/accounts/%s", org, svc, id);
  g_autoptr(PdPortalResponse) response = ot_request (f->checker, "GET", path, NULL, NULL, &error);

  g_assert_no_error (error);
  return g_strdup (json_object_get_string_member (json_node_get_object (pd_portal_response_get_root (response)), "protection"));
}

static void
test_build_and_decode (void)
{
  const char *ids[] = { "acc_1", "acc 2", NULL };
  g_autoptr(JsonNode) body = pd_account_bulk_build_body (PD_ACCOUNT_BULK_ACTION_PAUSE, ids);
  g_autofree char *text = json_to_string (body, FALSE);
  g_autofree char *path = pd_account_bulk_build_path ("org_1", "svc/2");
  g_autoptr(JsonNode) good = json_from_string (
    "{\"results\": [{\"id\": \"a\", \"status\": \"ok\", \"problem\": null},"
    " {\"id\": \"b\", \"status\": \"unchanged\", \"problem\": null},"
    " {\"id\": \"c\", \"status\": \"error\", \"problem\": {\"code\": \"not_protected\", \"detail\": \"x\"}},"
    " {\"id\": \"d\", \"status\": \"exploded\", \"problem\": {\"code\": \"new_code\", \"detail\": \"A new reason.\"}}],"
    " \"seats\": {\"total\": 10, \"managed\": 4, \"open\": 6, \"unprotected\": 2}}", NULL);
  g_autoptr(JsonNode) bad = json_from_string ("{\"results\": [{\"status\": \"ok\"}], \"seats\": {}}", NULL);
  g_autoptr(JsonNode) no_seats = json_from_string ("{\"results\": []}", NULL);
  g_autoptr(PdAccountBulkResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (text, ==, "{\"action\":\"pause\",\"account_ids\":[\"acc_1\",\"acc 2\"]}");
  g_assert_cmpstr (path, ==, "/api/v1/organizations/org_1/services/svc%2F2/accounts/bulk");

  result = pd_account_bulk_result_new_from_json (PD_ACCOUNT_BULK_ACTION_PAUSE, good, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pd_account_bulk_result_get_n_items (result), ==, 4);
  g_assert_cmpint (pd_account_bulk_result_get_outcome (result, 0), ==, PD_ACCOUNT_BULK_OUTCOME_OK);
  g_assert_cmpint (pd_account_bulk_result_get_outcome (result, 1), ==, PD_ACCOUNT_BULK_OUTCOME_UNCHANGED);
  g_assert_cmpint (pd_account_bulk_result_get_outcome (result, 2), ==, PD_ACCOUNT_BULK_OUTCOME_ERROR);
  g_assert_cmpstr (pd_account_bulk_result_get_problem_code (result, 2), ==, "not_protected");
  /* our translated words for a known code, the portal's for an unknown one */
  g_assert_nonnull (strstr (pd_account_bulk_result_get_problem_detail (result, 2), "only protected accounts"));
  g_assert_cmpint (pd_account_bulk_result_get_outcome (result, 3), ==, PD_ACCOUNT_BULK_OUTCOME_ERROR);
  g_assert_cmpstr (pd_account_bulk_result_get_problem_detail (result, 3), ==, "A new reason.");
  g_assert_null (pd_account_bulk_result_get_problem_code (result, 0));
  g_assert_cmpint (pd_account_bulk_result_find (result, "c"), ==, 2);
  g_assert_cmpint (pd_account_bulk_result_find (result, "z"), ==, -1);
  g_assert_cmpuint (pd_account_bulk_result_count (result, PD_ACCOUNT_BULK_OUTCOME_ERROR), ==, 2);
  g_assert_cmpint (pd_account_bulk_result_get_seats_open (result), ==, 6);
  g_assert_cmpint (pd_account_bulk_result_get_seats_total (result), ==, 10);

  g_clear_object (&result);
  result = pd_account_bulk_result_new_from_json (PD_ACCOUNT_BULK_ACTION_PAUSE, bad, &error);
  g_assert_null (result);
  g_assert_error (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_BAD_RESPONSE);
  g_assert_nonnull (strstr (error->message, "results[0].id"));
  g_clear_error (&error);
  result = pd_account_bulk_result_new_from_json (PD_ACCOUNT_BULK_ACTION_PAUSE, no_seats, &error);
  g_assert_null (result);
  g_assert_nonnull (strstr (error->message, "seats"));
}

/* Harbor Dental Group's SharePoint (org_1, a fixed demo client): 25 licenses, 10 managed,
 * 3 unprotected sites. */
static void
test_protect_pause_unprotect (Fixture       *f,
                              gconstpointer  data)
{
  g_auto(GStrv) ids = account_ids (f, "org_1", "svc_3", "unprotected", 2);
  g_autofree char *state = NULL;
  Outcome outcome = { 0 };
  gint64 open_before;

  g_assert_cmpuint (g_strv_length (ids), ==, 2);

  run_bulk (f, f->outbox, "org_1", "svc_3", PD_ACCOUNT_BULK_ACTION_PROTECT, (const char * const *) ids, &outcome);
  g_assert_no_error (outcome.error);
  g_assert_cmpuint (pd_account_bulk_result_count (outcome.result, PD_ACCOUNT_BULK_OUTCOME_OK), ==, 2);
  g_assert_cmpstr (pd_account_bulk_result_get_id (outcome.result, 0), ==, ids[0]);
  open_before = pd_account_bulk_result_get_seats_open (outcome.result) + 2;
  g_assert_cmpint (pd_account_bulk_result_get_seats_managed (outcome.result) +
                   pd_account_bulk_result_get_seats_open (outcome.result), ==,
                   pd_account_bulk_result_get_seats_total (outcome.result));
  state = account_protection (f, "org_1", "svc_3", ids[1]);
  g_assert_cmpstr (state, ==, "protected");
  g_clear_pointer (&state, g_free);

  /* pausing keeps the seat; pausing again changes nothing */
  run_bulk (f, f->outbox, "org_1", "svc_3", PD_ACCOUNT_BULK_ACTION_PAUSE, (const char * const *) ids, &outcome);
  g_assert_no_error (outcome.error);
  g_assert_cmpuint (pd_account_bulk_result_count (outcome.result, PD_ACCOUNT_BULK_OUTCOME_OK), ==, 2);
  g_assert_cmpint (pd_account_bulk_result_get_seats_open (outcome.result), ==, open_before - 2);
  run_bulk (f, f->outbox, "org_1", "svc_3", PD_ACCOUNT_BULK_ACTION_PAUSE, (const char * const *) ids, &outcome);
  g_assert_cmpuint (pd_account_bulk_result_count (outcome.result, PD_ACCOUNT_BULK_OUTCOME_UNCHANGED), ==, 2);
  state = account_protection (f, "org_1", "svc_3", ids[0]);
  g_assert_cmpstr (state, ==, "paused");
  g_clear_pointer (&state, g_free);

  /* unprotecting frees the seats */
  run_bulk (f, f->outbox, "org_1", "svc_3", PD_ACCOUNT_BULK_ACTION_UNPROTECT, (const char * const *) ids, &outcome);
  g_assert_no_error (outcome.error);
  g_assert_cmpuint (pd_account_bulk_result_count (outcome.result, PD_ACCOUNT_BULK_OUTCOME_OK), ==, 2);
  g_assert_cmpint (pd_account_bulk_result_get_seats_open (outcome.result), ==, open_before);
  state = account_protection (f, "org_1", "svc_3", ids[0]);
  g_assert_cmpstr (state, ==, "unprotected");

  /* every request was delivered: nothing is left in the outbox */
  g_assert_cmpuint (g_list_model_get_n_items (pd_outbox_get_entries (f->outbox)), ==, 0);
  outcome_clear (&outcome);
}

static void
test_partial_failure (Fixture       *f,
                      gconstpointer  data)
{
  g_auto(GStrv) unprotected = account_ids (f, "org_1", "svc_3", "unprotected", 1);
  g_auto(GStrv) protected = account_ids (f, "org_1", "svc_3", "protected", 1);
  const char *ids[] = { protected[0], unprotected[0], "acc_no_such", NULL };
  Outcome outcome = { 0 };

  run_bulk (f, f->outbox, "org_1", "svc_3", PD_ACCOUNT_BULK_ACTION_PAUSE, ids, &outcome);
  g_assert_no_error (outcome.error);
  g_assert_cmpuint (pd_account_bulk_result_get_n_items (outcome.result), ==, 3);
  g_assert_cmpint (pd_account_bulk_result_get_outcome (outcome.result, 0), ==, PD_ACCOUNT_BULK_OUTCOME_OK);
  g_assert_cmpint (pd_account_bulk_result_get_outcome (outcome.result, 1), ==, PD_ACCOUNT_BULK_OUTCOME_ERROR);
  g_assert_cmpstr (pd_account_bulk_result_get_problem_code (outcome.result, 1), ==, "not_protected");
  g_assert_cmpint (pd_account_bulk_result_get_outcome (outcome.result, 2), ==, PD_ACCOUNT_BULK_OUTCOME_ERROR);
  g_assert_cmpstr (pd_account_bulk_result_get_problem_code (outcome.result, 2), ==, "not_found");
  g_assert_nonnull (pd_account_bulk_result_get_problem_detail (outcome.result, 2));
  outcome_clear (&outcome);
}

/* Kestrel Logistics' Drive (org_2, svc_6): no open seat, four unprotected accounts. */
static void
test_seat_limit (Fixture       *f,
                 gconstpointer  data)
{
  g_auto(GStrv) ids = account_ids (f, "org_2", "svc_6", "unprotected", 500);
  g_autofree char *state = NULL;
  Outcome outcome = { 0 };

  g_assert_cmpuint (g_strv_length (ids), >=, 1);
  run_bulk (f, f->outbox, "org_2", "svc_6", PD_ACCOUNT_BULK_ACTION_PROTECT, (const char * const *) ids, &outcome);
  g_assert_null (outcome.result);
  g_assert_error (outcome.error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_CONFLICT);
  g_assert_true (pd_account_bulk_error_is_seat_limit (outcome.error));
  g_assert_cmpuint (pd_portal_error_get_status (outcome.error), ==, 409);
  /* all or nothing */
  state = account_protection (f, "org_2", "svc_6", ids[0]);
  g_assert_cmpstr (state, ==, "unprotected");
  /* explained by the caller, so not left behind as a failed entry */
  g_assert_cmpuint (g_list_model_get_n_items (pd_outbox_get_entries (f->outbox)), ==, 0);
  outcome_clear (&outcome);
}

static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(PdPortalClient) technician = ot_client_new (pd_test_portal_get_url (f->portal),
                                                         pd_test_portal_get_key (f->portal, "technician"));
  g_autoptr(PdOutbox) outbox = pd_outbox_new (f->cache, technician);
  g_auto(GStrv) ids = account_ids (f, "org_1", "svc_3", "unprotected", 1);
  const char *reseller_ids[] = { "acc_1", NULL };
  const char *none[] = { NULL };
  Outcome outcome = { 0 };

  pd_outbox_resume (outbox);
  /* a read-only role: 403 naming the permission */
  run_bulk (f, outbox, "org_1", "svc_3", PD_ACCOUNT_BULK_ACTION_PROTECT, (const char * const *) ids, &outcome);
  g_assert_error (outcome.error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_FORBIDDEN);
  g_assert_cmpstr (pd_portal_error_get_permission (outcome.error), ==, "accounts.protect");
  g_assert_false (pd_account_bulk_error_is_seat_limit (outcome.error));
  g_assert_cmpuint (g_list_model_get_n_items (pd_outbox_get_entries (outbox)), ==, 0);
  pd_outbox_close (outbox);

  /* Bright Path Academy (org_4) has the partner as its reseller */
  run_bulk (f, f->outbox, "org_4", "svc_13", PD_ACCOUNT_BULK_ACTION_PAUSE, reseller_ids, &outcome);
  g_assert_error (outcome.error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_FORBIDDEN);
  g_assert_cmpstr (pd_portal_error_get_permission (outcome.error), ==, "relationship");

  /* nothing to send is refused before the outbox */
  run_bulk (f, f->outbox, "org_1", "svc_3", PD_ACCOUNT_BULK_ACTION_PAUSE, none, &outcome);
  g_assert_error (outcome.error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  outcome_clear (&outcome);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/accounts/bulk/build-and-decode", test_build_and_decode);
  g_test_add ("/accounts/bulk/protect-pause-unprotect", Fixture, NULL, fixture_setup,
              test_protect_pause_unprotect, fixture_teardown);
  g_test_add ("/accounts/bulk/partial-failure", Fixture, NULL, fixture_setup, test_partial_failure, fixture_teardown);
  g_test_add ("/accounts/bulk/seat-limit", Fixture, NULL, fixture_setup, test_seat_limit, fixture_teardown);
  g_test_add ("/accounts/bulk/refusals", Fixture, NULL, fixture_setup, test_refusals, fixture_teardown);
  return g_test_run ();
}

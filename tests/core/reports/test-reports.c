/* SPDX-License-Identifier: GPL-3.0-or-later */
/* src/core/reports against the reference portal: the dashboard of every period matches what
 * the portal's own endpoint says and is cached; a role without dashboard.read (or
 * reports.export) gets the forbidden error naming it; a broken body is a clear error and
 * is not cached; a page that is not a report page is refused; report rows match the portal's pages, however paged. */

#include "config.h"

#include <libsoup/soup.h>

#include "pd-dashboard-fetch.h"
#include "pd-models.h"
#include "pd-report.h"
#include "pd-session-test.h"
#include "pd-test-portal.h"

typedef struct
{
  char              *dir;
  PdAccountRegistry *registry;
  PdTestPortal      *portal;
  SoupSession       *soup;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *registry_path = NULL;
  const char *faults = data;

  f->dir = g_dir_make_tmp ("pd-reports-XXXXXX", NULL);
  registry_path = g_build_filename (f->dir, "accounts.ini", NULL);
  f->registry = pd_account_registry_new (registry_path);
  if (faults != NULL)
    f->portal = pd_test_portal_start ((const char *[]) { "--seed", "50", "--faults", faults, NULL });
  else
    f->portal = pd_test_portal_start ((const char *[]) { "--seed", "50", NULL });
  f->soup = soup_session_new ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->soup);
  g_clear_pointer (&f->portal, pd_test_portal_stop);
  g_clear_object (&f->registry);
  pd_session_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* ---- the portal, asked directly ------------------------------------------------------ */

static JsonNode *
portal_call (Fixture    *f,
             const char *role,
             const char *method,
             const char *path_and_query,
             const char *if_match,
             const char *body,
             char      **etag)
{
  g_autofree char *url = g_strconcat (pd_test_portal_get_url (f->portal), path_and_query, NULL);
  g_autofree char *authorization = g_strdup_printf ("Bearer %s", pd_test_portal_get_key (f->portal, role));
  g_autoptr(SoupMessage) message = soup_message_new (method, url);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers = soup_message_get_request_headers (message);

  soup_message_headers_replace (headers, "Authorization", authorization);
  if (if_match != NULL)
    soup_message_headers_replace (headers, "If-Match", if_match);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (message, "application/json", bytes);
    }
  answer = soup_session_send_and_read (f->soup, message, NULL, &error);
  g_assert_no_error (error);
  if (!SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (message)))
    g_error ("%s %s as %s: HTTP %u", method, path_and_query, role, soup_message_get_status (message));
  if (etag != NULL)
    *etag = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (message), "ETag"));
  json_parser_load_from_data (parser, g_bytes_get_data (answer, NULL), (gssize) g_bytes_get_size (answer), &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static gint64
member_int (JsonNode   *root,
            const char *section,
            const char *name)
{
  JsonObject *object = json_node_get_object (root);

  if (section != NULL)
    object = json_object_get_object_member (object, section);
  return json_object_get_int_member (object, name);
}

/* ---- async helpers ------------------------------------------------------------------- */

typedef struct {
  gboolean      done;
  GAsyncResult *result;
} Wait;

static void
wait_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
  wait->done = TRUE;
}

static GAsyncResult *
wait_result (Wait *wait)
{
  pd_test_wait_until (&wait->done, PD_SESSION_TEST_TIMEOUT_MS);
  return wait->result;
}

static PdDashboard *
fetch_dashboard (PdSession         *session,
                 PdDashboardPeriod  period,
                 GError           **error)
{
  Wait wait = { 0 };
  g_autoptr(GAsyncResult) result = NULL;

  pd_dashboard_fetch_async (session, period, NULL, wait_cb, &wait);
  result = wait_result (&wait);
  return pd_dashboard_fetch_finish (session, result, error);
}

static PdDashboard *
load_cached_dashboard (PdSession         *session,
                       PdDashboardPeriod  period)
{
  Wait wait = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  PdDashboard *dashboard;

  pd_dashboard_load_cached_async (session, period, NULL, wait_cb, &wait);
  result = wait_result (&wait);
  dashboard = pd_dashboard_load_cached_finish (session, result, &error);
  g_assert_no_error (error);
  return dashboard;
}

static PdReport *
fetch_report (PdSession    *session,
              PdReportKind  kind,
              GError      **error)
{
  Wait wait = { 0 };
  g_autoptr(GAsyncResult) result = NULL;

  pd_report_fetch_async (session, kind, PD_DASHBOARD_PERIOD_THIS_MONTH, NULL, wait_cb, &wait);
  result = wait_result (&wait);
  return pd_report_fetch_finish (session, result, error);
}

static PdSession *
open_session (Fixture    *f,
              const char *role)
{
  g_autoptr(PdAccountInfo) account = NULL;
  g_autoptr(PdSession) session = NULL;
  g_autofree char *cache_dir = g_build_filename (f->dir, role, NULL);

  account = pd_session_test_sign_in_key (f->registry, pd_test_portal_get_url (f->portal),
                                         pd_test_portal_get_key (f->portal, role));
  session = pd_session_new (account, cache_dir);
  pd_session_set_registry (session, f->registry);
  pd_session_set_refresh_interval (session, 0);
  pd_session_test_start (session);
  pd_session_test_wait_me (session);
  /* Errors come back at once instead of after the default retries. */
  pd_portal_client_set_retry_limits (pd_session_get_client (session), 1, 5);
  return g_steal_pointer (&session);
}

/* ---- the tests ----------------------------------------------------------------------- */

static void
assert_dashboard_matches (PdDashboard *dashboard,
                          JsonNode    *expected)
{
  GListModel *attention = pd_dashboard_get_attention (dashboard);
  JsonArray *items = json_object_get_array_member (json_node_get_object (expected), "attention");

  g_assert_cmpint (pd_dashboard_get_jobs_success (dashboard), ==, member_int (expected, "jobs", "success"));
  g_assert_cmpint (pd_dashboard_get_jobs_running (dashboard), ==, member_int (expected, "jobs", "running"));
  g_assert_cmpint (pd_dashboard_get_jobs_retrying (dashboard), ==, member_int (expected, "jobs", "retrying"));
  g_assert_cmpint (pd_dashboard_get_jobs_failed (dashboard), ==, member_int (expected, "jobs", "failed"));
  g_assert_cmpint (pd_dashboard_get_account_errors (dashboard), ==, member_int (expected, NULL, "account_errors"));
  g_assert_cmpint (pd_dashboard_get_seats_total (dashboard), ==, member_int (expected, "seats", "total"));
  g_assert_cmpint (pd_dashboard_get_seats_managed (dashboard), ==, member_int (expected, "seats", "managed"));
  g_assert_cmpint (pd_dashboard_get_seats_open (dashboard), ==, member_int (expected, "seats", "open"));
  g_assert_cmpint (pd_dashboard_get_seats_unprotected (dashboard), ==, member_int (expected, "seats", "unprotected"));
  g_assert_cmpint (pd_dashboard_get_protection_coverage_percent (dashboard), ==,
                   member_int (expected, "protection", "coverage_percent"));
  g_assert_cmpint (pd_dashboard_get_accounts_active (dashboard), ==, member_int (expected, "accounts", "active"));
  g_assert_cmpint (pd_dashboard_get_accounts_deactivated (dashboard), ==, member_int (expected, "accounts", "deactivated"));
  g_assert_cmpint (pd_dashboard_get_accounts_deleted (dashboard), ==, member_int (expected, "accounts", "deleted"));
  g_assert_cmpint (pd_dashboard_get_accounts_total (dashboard), ==, member_int (expected, "accounts", "total"));
  g_assert_cmpint (pd_dashboard_get_organizations_active (dashboard), ==, member_int (expected, "organizations", "active"));
  g_assert_cmpint (pd_dashboard_get_organizations_suspended (dashboard), ==, member_int (expected, "organizations", "suspended"));
  g_assert_cmpint (pd_dashboard_get_organizations_unsubscribed (dashboard), ==,
                   member_int (expected, "organizations", "unsubscribed"));
  g_assert_cmpint (pd_dashboard_get_organizations_deleted (dashboard), ==, member_int (expected, "organizations", "deleted"));
  g_assert_cmpint (pd_dashboard_get_organizations_unmapped (dashboard), ==, member_int (expected, "organizations", "unmapped"));
  g_assert_cmpuint (g_list_model_get_n_items (attention), ==, json_array_get_length (items));
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autoptr(PdDashboardAttention) item = g_list_model_get_item (attention, i);
      JsonObject *object = json_array_get_object_element (items, i);

      g_assert_cmpstr (pd_dashboard_attention_get_organization_id (item), ==,
                       json_object_get_string_member (object, "organization_id"));
    }
}

static void
test_dashboard_periods (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(PdSession) session = NULL;
  const PdDashboardPeriod *periods = pd_dashboard_periods_all ();
  gint64 previous_success = -1;
  gboolean periods_differ = FALSE;

  if (!pd_session_test_keyring_ready ())
    return;
  session = open_session (f, "owner");

  for (guint i = 0; periods[i] != PD_DASHBOARD_PERIOD_UNKNOWN; i++)
    {
      const char *key = pd_dashboard_period_to_key (periods[i]);
      g_autofree char *path = g_strconcat ("/api/v1/dashboard?period=", key, NULL);
      g_autoptr(JsonNode) expected = NULL;
      g_autoptr(PdDashboard) dashboard = NULL;
      g_autoptr(PdDashboard) cached = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (pd_dashboard_period_from_key (key), ==, periods[i]);
      g_assert_cmpstr (pd_dashboard_period_get_label (periods[i]), !=, "");
      /* Nothing cached yet for this period */
      cached = load_cached_dashboard (session, periods[i]);
      g_assert_null (cached);

      dashboard = fetch_dashboard (session, periods[i], &error);
      g_assert_no_error (error);
      expected = portal_call (f, "owner", "GET", path, NULL, NULL, NULL);
      g_assert_cmpint (pd_dashboard_get_period_key (dashboard), ==, periods[i]);
      assert_dashboard_matches (dashboard, expected);
      if (previous_success >= 0 && previous_success != pd_dashboard_get_jobs_success (dashboard))
        periods_differ = TRUE;
      previous_success = pd_dashboard_get_jobs_success (dashboard);

      /* The cache now holds the same figures; the fetch stored it without being waited for,
       * and cache jobs run in order, so a load issued now sees it. */
      cached = load_cached_dashboard (session, periods[i]);
      g_assert_nonnull (cached);
      assert_dashboard_matches (cached, expected);
    }
  /* The seed's job history spans more than a week: the periods are not all the same. */
  g_assert_true (periods_differ);
  g_assert_cmpint (pd_dashboard_period_from_key ("next_year"), ==, PD_DASHBOARD_PERIOD_UNKNOWN);
  g_assert_null (pd_dashboard_period_to_key (PD_DASHBOARD_PERIOD_UNKNOWN));
}

static void
test_forbidden (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(PdSession) session = NULL;
  g_autoptr(PdDashboard) dashboard = NULL;
  g_autoptr(PdReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) role = NULL;
  g_autoptr(JsonNode) users = NULL;
  g_autoptr(JsonNode) changed = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *user_path = NULL;
  g_autofree char *body = NULL;
  JsonObject *user;

  if (!pd_session_test_keyring_ready ())
    return;
  session = open_session (f, "technician");

  /* A technician sees the dashboard but may not export reports. */
  dashboard = fetch_dashboard (session, PD_DASHBOARD_PERIOD_THIS_MONTH, &error);
  g_assert_no_error (error);
  report = fetch_report (session, PD_REPORT_KIND_SEAT_USAGE, &error);
  g_assert_null (report);
  g_assert_error (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_FORBIDDEN);
  g_assert_cmpstr (pd_portal_error_get_permission (error), ==, "reports.export");
  g_assert_nonnull (strstr (error->message, "reports.export"));
  g_clear_error (&error);

  /* The owner moves the technician to a role without dashboard.read. */
  role = portal_call (f, "owner", "POST", "/api/v1/roles", NULL,
                      "{\"name\": \"No dashboard\", \"description\": \"Sees clients only.\", \"rank\": 5, "
                      "\"permissions\": [\"partner.read\", \"organizations.read\"]}", NULL);
  users = portal_call (f, "owner", "GET", "/api/v1/users?q=technician", NULL, NULL, NULL);
  user = json_array_get_object_element (json_object_get_array_member (json_node_get_object (users), "items"), 0);
  user_path = g_strconcat ("/api/v1/users/", json_object_get_string_member (user, "id"), NULL);
  g_clear_pointer (&users, json_node_unref);
  users = portal_call (f, "owner", "GET", user_path, NULL, NULL, &etag);
  body = g_strdup_printf ("{\"role\": \"%s\"}", json_object_get_string_member (json_node_get_object (role), "id"));
  changed = portal_call (f, "owner", "PATCH", user_path, etag, body, NULL);

  g_clear_object (&dashboard);
  dashboard = fetch_dashboard (session, PD_DASHBOARD_PERIOD_THIS_MONTH, &error);
  g_assert_null (dashboard);
  g_assert_error (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_FORBIDDEN);
  g_assert_cmpstr (pd_portal_error_get_permission (error), ==, "dashboard.read");
  g_assert_nonnull (strstr (error->message, "dashboard.read"));

  /* What was cached before stays for the page to show. */
  g_clear_object (&dashboard);
  dashboard = load_cached_dashboard (session, PD_DASHBOARD_PERIOD_THIS_MONTH);
  g_assert_nonnull (dashboard);
}

static void
test_broken_body (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(PdSession) session = NULL;
  g_autoptr(PdDashboard) dashboard = NULL;
  g_autoptr(GError) error = NULL;

  if (!pd_session_test_keyring_ready ())
    return;
  session = open_session (f, "owner");

  dashboard = fetch_dashboard (session, PD_DASHBOARD_PERIOD_LAST_7_DAYS, &error);
  g_assert_null (dashboard);
  g_assert_error (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_BAD_RESPONSE);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "The portal’s dashboard cannot be read: "));
  g_clear_error (&error);
  /* A broken answer is never cached. */
  dashboard = load_cached_dashboard (session, PD_DASHBOARD_PERIOD_LAST_7_DAYS);
  g_assert_null (dashboard);
}

static void
test_bad_pages (void)
{
  static const char *pages[] = {
    "[]",
    "{\"items\": [], \"next_cursor\": null}",
    "{\"columns\": [{\"key\": \"a\"}], \"items\": [], \"next_cursor\": null}",
    "{\"columns\": [{\"key\": \"a\", \"title\": \"A\", \"type\": \"string\"}], \"items\": [{\"b\": 1}], \"next_cursor\": null}",
    "{\"columns\": [{\"key\": \"a\", \"title\": \"A\", \"type\": \"string\"}], \"items\": [{\"a\": [1]}], \"next_cursor\": null}",
    "{\"columns\": [{\"key\": \"a\", \"title\": \"A\", \"type\": \"string\"}], \"items\": [7], \"next_cursor\": null}",
    "{\"columns\": [{\"key\": \"a\", \"title\": \"A\", \"type\": \"string\"}], \"items\": []}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr(PdReport) report = pd_report_new (PD_REPORT_KIND_JOBS, PD_DASHBOARD_PERIOD_THIS_MONTH);
      g_autoptr(JsonNode) page = json_from_string (pages[i], NULL);
      g_autofree char *cursor = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_false (pd_report_add_page (report, page, &cursor, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_assert_null (cursor);
    }
}

/* The CSV of a report: a header of the column titles, one CRLF line per row, RFC 4180 quoting,
 * null as an empty field, and no formula guard (the cell as it is). */
static void
test_csv (void)
{
  g_autoptr(PdReport) report = pd_report_new (PD_REPORT_KIND_ORGANIZATIONS, PD_DASHBOARD_PERIOD_LAST_7_DAYS);
  g_autoptr(JsonNode) page = json_from_string (
    "{\"columns\": [{\"key\": \"organization_id\", \"title\": \"Organization ID\", \"type\": \"string\"},"
    "              {\"key\": \"organization_name\", \"title\": \"Organization, full name\", \"type\": \"string\"},"
    "              {\"key\": \"seats_total\", \"title\": \"Total seats\", \"type\": \"integer\"}],"
    " \"items\": [{\"organization_id\": \"org_1\", \"organization_name\": \"Contoso, Ltd.\", \"seats_total\": 50},"
    "           {\"organization_id\": \"org_2\", \"organization_name\": \"The \\\"Best\\\" Co\\nLine two\", \"seats_total\": null},"
    "           {\"organization_id\": \"org_3\", \"organization_name\": \"=SUM(A1)\", \"seats_total\": 0}],"
    " \"next_cursor\": null, \"deleted\": [], \"server_time\": \"2026-11-23T00:00:00Z\"}", NULL);
  g_autofree char *cursor = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) csv = NULL;
  const char *expected =
    "Organization ID,\"Organization, full name\",Total seats\r\n"
    "org_1,\"Contoso, Ltd.\",50\r\n"
    "org_2,\"The \"\"Best\"\" Co\nLine two\",\r\n"
    "org_3,=SUM(A1),0\r\n";

  g_assert_nonnull (page);
  g_assert_true (pd_report_add_page (report, page, &cursor, &error));
  g_assert_no_error (error);
  g_assert_null (cursor);
  g_assert_cmpuint (pd_report_get_n_rows (report), ==, 3);
  g_assert_null (pd_report_get_cell (report, 1, 2));
  csv = pd_report_build_csv (report);
  g_assert_cmpmem (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv), expected, strlen (expected));
  name = pd_report_build_file_name (report);
  g_assert_cmpstr (name, ==, "organizations-last_7_days.csv");
}

/* Every row and column of @report equals the portal's JSON pages of @key fetched @limit rows
 * at a time */
static void
assert_report_matches (Fixture    *f,
                       PdReport   *report,
                       const char *key,
                       guint       limit)
{
  g_autoptr(PdReport) paged = pd_report_new (pd_report_get_kind (report), pd_report_get_period (report));
  g_autofree char *cursor = NULL;
  guint n_pages = 0;

  do
    {
      g_autofree char *path = NULL;
      g_autoptr(JsonNode) page = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *next = NULL;

      path = g_strdup_printf ("/api/v1/reports/%s?period=this_month&limit=%u%s%s", key, limit,
                              cursor != NULL ? "&cursor=" : "", cursor != NULL ? cursor : "");
      page = portal_call (f, "owner", "GET", path, NULL, NULL, NULL);
      g_assert_true (pd_report_add_page (paged, page, &next, &error));
      g_assert_no_error (error);
      g_free (cursor);
      cursor = g_steal_pointer (&next);
      n_pages++;
    }
  while (cursor != NULL);
  if (limit < pd_report_get_n_rows (report))
    g_assert_cmpuint (n_pages, >, 1);

  g_assert_cmpuint (pd_report_get_n_rows (paged), ==, pd_report_get_n_rows (report));
  g_assert_cmpuint (pd_report_get_n_columns (paged), ==, pd_report_get_n_columns (report));
  for (guint c = 0; c < pd_report_get_n_columns (report); c++)
    {
      g_assert_cmpstr (pd_report_get_column_key (paged, c), ==, pd_report_get_column_key (report, c));
      g_assert_cmpstr (pd_report_get_column_title (paged, c), ==, pd_report_get_column_title (report, c));
    }
  for (guint r = 0; r < pd_report_get_n_rows (report); r++)
    for (guint c = 0; c < pd_report_get_n_columns (report); c++)
      g_assert_cmpstr (pd_report_get_cell (paged, r, c), ==, pd_report_get_cell (report, r, c));
}

static void
test_report_rows (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(PdSession) session = NULL;

  if (!pd_session_test_keyring_ready ())
    return;
  session = open_session (f, "owner");

  for (PdReportKind kind = 0; kind < PD_REPORT_N_KINDS; kind++)
    {
      g_autoptr(PdReport) report = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *file_name = NULL;
      const char *key = pd_report_kind_to_key (kind);

      report = fetch_report (session, kind, &error);
      g_assert_no_error (error);
      /* One row per organization in scope: the seed's 50 (deleted ones too). */
      g_assert_cmpuint (pd_report_get_n_rows (report), ==, 50);
      g_assert_cmpuint (pd_report_get_n_columns (report), >=, 4);
      g_assert_cmpstr (pd_report_get_column_key (report, 0), ==, "organization_id");
      g_assert_cmpstr (pd_report_get_cell (report, 0, 0), ==, "org_1");
      file_name = pd_report_build_file_name (report);
      g_assert_true (g_str_has_prefix (file_name, key));
      g_assert_true (g_str_has_suffix (file_name, "-this_month.csv"));
      assert_report_matches (f, report, key, 7);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/reports/dashboard-periods", Fixture, NULL, fixture_set_up, test_dashboard_periods, fixture_tear_down);
  g_test_add ("/reports/forbidden", Fixture, NULL, fixture_set_up, test_forbidden, fixture_tear_down);
  g_test_add ("/reports/broken-body", Fixture, "malformed=1,path=/api/v1/dashboard", fixture_set_up,
              test_broken_body, fixture_tear_down);
  g_test_add_func ("/reports/bad-pages", test_bad_pages);
  g_test_add_func ("/reports/csv", test_csv);
  g_test_add ("/reports/rows", Fixture, NULL, fixture_set_up, test_report_rows, fixture_tear_down);

  return g_test_run ();
}

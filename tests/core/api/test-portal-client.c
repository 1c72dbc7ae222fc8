/* SPDX-License-Identifier: GPL-3.0-or-later */
/* PdPortalClient and PdPortalError against the reference portal: answers, errors and their
 * details, authentication renewal. */
#include "pd-api-test.h"

static PdPortalResponse *
get (PdPortalClient  *client,
     const char      *path,
     GError         **error)
{
  g_autoptr(PdPortalRequest) request = pd_portal_request_new ("GET", path);

  return pd_api_test_send (client, request, NULL, error);
}

static void
test_success (void)
{
  g_autoptr(PdTestPortal) portal = pd_test_portal_start ((const char *[]) { "--seed", "5", NULL });
  g_autoptr(PdPortalClient) client = pd_api_test_client_new (portal, "admin");
  g_autoptr(PdPortalRequest) request = pd_portal_request_new ("GET", "/api/v1/organizations");
  g_autoptr(PdPortalResponse) response = NULL;
  g_autoptr(PdPortalResponse) one = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  pd_portal_request_add_query (request, "limit", "2");
  pd_portal_request_add_query (request, "q", "a b&c=d");  /* escaped, not a second parameter */
  response = pd_api_test_send (client, request, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pd_portal_response_get_status (response), ==, 200);
  g_assert_nonnull (pd_portal_response_get_body (response));
  g_assert_nonnull (pd_portal_response_get_header (response, "X-Request-Id"));
  g_assert_false (pd_portal_response_is_replay (response));
  root = pd_portal_response_steal_root (response);
  g_assert_nonnull (root);
  g_assert_null (pd_portal_response_get_root (response));
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  g_assert_true (json_object_has_member (json_node_get_object (root), "items"));

  one = get (client, "/api/v1/organizations/org_1", &error);
  g_assert_no_error (error);
  object = json_node_get_object (pd_portal_response_get_root (one));
  g_assert_cmpstr (pd_portal_response_get_etag (one), ==, json_object_get_string_member (object, "etag"));
  g_assert_cmpstr (pd_portal_client_get_base_url (client), ==, pd_test_portal_get_url (portal));
  g_assert_true (SOUP_IS_SESSION (pd_portal_client_get_soup_session (client)));
}

static void
test_unauthorized (void)
{
  g_autoptr(PdTestPortal) portal = pd_test_portal_start ((const char *[]) { "--seed", "2", NULL });
  g_autoptr(PdPortalClient) client = pd_api_test_client_new (portal, NULL);
  g_autoptr(PdTestAuth) stale = NULL;
  g_autoptr(PdTestAuth) bad = NULL;
  g_autoptr(PdPortalResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  /* No credential at all: no renewal to try. */
  response = get (client, "/api/v1/me", &error);
  g_assert_error (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_UNAUTHORIZED);
  g_assert_cmpuint (pd_portal_error_get_status (error), ==, 401);
  g_assert_null (response);
  g_clear_error (&error);

  /* A stale token is reported and replaced once. */
  stale = pd_test_auth_new ((const char *[]) { "pdk_stale", pd_test_portal_get_key (portal, "admin"), NULL });
  pd_portal_client_set_auth (client, PD_PORTAL_AUTH (stale));
  g_assert_true (pd_portal_client_get_auth (client) == PD_PORTAL_AUTH (stale));
  response = get (client, "/api/v1/me", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pd_test_auth_get_rejected (stale), ==, 1);
  g_assert_cmpuint (pd_test_auth_get_handed_out (stale), ==, 2);
  g_clear_pointer (&response, pd_portal_response_unref);

  /* A credential that stays bad: one renewal, then UNAUTHORIZED, not a loop. */
  bad = pd_test_auth_new ((const char *[]) { "pdk_bad", NULL });
  pd_portal_client_set_auth (client, PD_PORTAL_AUTH (bad));
  response = get (client, "/api/v1/me", &error);
  g_assert_error (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_UNAUTHORIZED);
  g_assert_cmpuint (pd_test_auth_get_rejected (bad), ==, 1);
  g_assert_cmpuint (pd_test_auth_get_handed_out (bad), ==, 2);
}

static void
test_forbidden (void)
{
  g_autoptr(PdTestPortal) portal = pd_test_portal_start ((const char *[]) { "--seed", "2", NULL });
  g_autoptr(PdPortalClient) client = pd_api_test_client_new (portal, "technician");
  g_autoptr(PdPortalRequest) request = pd_portal_request_new ("POST", "/api/v1/groups");
  g_autoptr(JsonNode) body = pd_api_test_json ("{\"name\": \"Legal firms\", \"description\": null}");
  g_autoptr(PdPortalResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) copy = NULL;

  pd_portal_request_set_json_body (request, body);
  response = pd_api_test_send (client, request, NULL, &error);
  g_assert_error (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_FORBIDDEN);
  g_assert_cmpuint (pd_portal_error_get_status (error), ==, 403);
  g_assert_cmpstr (pd_portal_error_get_permission (error), ==, "groups.write");
  g_assert_cmpstr (pd_portal_error_get_problem_type (error), ==, "https://partnerdesk.example/problems/forbidden");
  g_assert_nonnull (strstr (error->message, "“groups.write”"));

  copy = g_error_copy (error);
  g_assert_cmpstr (pd_portal_error_get_permission (copy), ==, "groups.write");
  g_assert_cmpstr (copy->message, ==, error->message);
}

/* If-None-Match: an unchanged resource is a bodiless 304 answer, not an error */
static void
test_not_modified (void)
{
  g_autoptr(PdTestPortal) portal = pd_test_portal_start ((const char *[]) { "--seed", "2", NULL });
  g_autoptr(PdPortalClient) client = pd_api_test_client_new (portal, "admin");
  const char *path = "/api/v1/organizations/org_1/services/svc_1/authorization";
  g_autoptr(PdPortalRequest) request = pd_portal_request_new ("GET", path);
  g_autoptr(PdPortalRequest) stale = pd_portal_request_new ("GET", path);
  g_autoptr(PdPortalResponse) first = NULL;
  g_autoptr(PdPortalResponse) again = NULL;
  g_autoptr(PdPortalResponse) changed = NULL;
  g_autoptr(GError) error = NULL;

  first = get (client, path, &error);
  g_assert_no_error (error);
  pd_portal_request_set_if_none_match (request, pd_portal_response_get_etag (first));
  again = pd_api_test_send (client, request, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pd_portal_response_get_status (again), ==, 304);
  g_assert_null (pd_portal_response_get_root (again));
  g_assert_cmpstr (pd_portal_response_get_etag (again), ==, pd_portal_response_get_etag (first));

  pd_portal_request_set_if_none_match (stale, "\"svc_1.authorization.0\"");
  changed = pd_api_test_send (client, stale, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pd_portal_response_get_status (changed), ==, 200);
  g_assert_nonnull (pd_portal_response_get_root (changed));
}

static void
test_not_found (void)
{
  g_autoptr(PdTestPortal) portal = pd_test_portal_start ((const char *[]) { "--seed", "2", NULL });
  g_autoptr(PdPortalClient) client = pd_api_test_client_new (portal, "admin");
  g_autoptr(PdPortalResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  response = get (client, "/api/v1/organizations/org_99999", &error);
  g_assert_error (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_NOT_FOUND);
  g_assert_cmpuint (pd_portal_error_get_status (error), ==, 404);
  g_assert_cmpstr (pd_portal_error_get_problem_type (error), ==, "https://partnerdesk.example/problems/not-found");
  g_assert_nonnull (pd_portal_error_get_field_errors (error));
  g_assert_cmpuint (pd_portal_error_get_field_errors (error)->len, ==, 0);
  g_assert_null (pd_portal_error_get_current_etag (error));
}

static void
test_preconditions (void)
{
  g_autoptr(PdTestPortal) portal = pd_test_portal_start ((const char *[]) { "--seed", "2", NULL });
  g_autoptr(PdPortalClient) client = pd_api_test_client_new (portal, "admin");
  g_autoptr(JsonNode) change = pd_api_test_json ("{\"domain\": \"harbor.example\"}");
  g_autoptr(PdPortalResponse) before = NULL;
  g_autoptr(PdPortalResponse) after = NULL;
  g_autoptr(PdPortalResponse) refused = NULL;
  g_autoptr(PdPortalRequest) unversioned = pd_portal_request_new ("PATCH", "/api/v1/organizations/org_1");
  g_autoptr(PdPortalRequest) first = pd_portal_request_new ("PATCH", "/api/v1/organizations/org_1");
  g_autoptr(PdPortalRequest) stale = pd_portal_request_new ("PATCH", "/api/v1/organizations/org_1");
  g_autoptr(GError) error = NULL;
  g_autofree char *old_etag = NULL;

  /* 428: sent without If-Match */
  pd_portal_request_set_json_body (unversioned, change);
  refused = pd_api_test_send (client, unversioned, NULL, &error);
  g_assert_error (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_PRECONDITION_FAILED);
  g_assert_cmpuint (pd_portal_error_get_status (error), ==, 428);
  g_clear_error (&error);

  before = get (client, "/api/v1/organizations/org_1", &error);
  g_assert_no_error (error);
  old_etag = g_strdup (pd_portal_response_get_etag (before));
  pd_portal_request_set_json_body (first, change);
  pd_portal_request_set_if_match (first, old_etag);
  after = pd_api_test_send (client, first, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pd_portal_response_get_etag (after), !=, old_etag);

  /* 412: someone else (the first change) moved the version on */
  pd_portal_request_set_json_body (stale, change);
  pd_portal_request_set_if_match (stale, old_etag);
  refused = pd_api_test_send (client, stale, NULL, &error);
  g_assert_error (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_PRECONDITION_FAILED);
  g_assert_cmpuint (pd_portal_error_get_status (error), ==, 412);
  g_assert_cmpstr (pd_portal_error_get_current_etag (error), ==, pd_portal_response_get_etag (after));
  g_assert_nonnull (strstr (error->message, "Someone else changed"));
}

static void
test_validation (void)
{
  g_autoptr(PdTestPortal) portal = pd_test_portal_start ((const char *[]) { "--seed", "2", NULL });
  g_autoptr(PdPortalClient) client = pd_api_test_client_new (portal, "admin");
  g_autoptr(PdPortalRequest) request = pd_portal_request_new ("POST", "/api/v1/organizations");
  g_autoptr(JsonNode) body = pd_api_test_json (
    "{\"name\": \"\", \"email\": \"nope\", \"plan\": {\"name\": \"Gold\", \"type\": \"backup\","
    " \"price_cents\": 100, \"currency\": \"usd\"}}");
  g_autoptr(PdPortalResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) copy = NULL;
  GPtrArray *fields;
  gboolean saw_currency = FALSE;

  pd_portal_request_set_json_body (request, body);
  response = pd_api_test_send (client, request, NULL, &error);
  g_assert_error (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_VALIDATION);
  g_assert_cmpuint (pd_portal_error_get_status (error), ==, 422);
  copy = g_error_copy (error);
  g_clear_error (&error);
  fields = pd_portal_error_get_field_errors (copy);
  g_assert_cmpuint (fields->len, ==, 3);
  for (guint i = 0; i < fields->len; i++)
    {
      PdPortalFieldError *fe = g_ptr_array_index (fields, i);

      g_assert_nonnull (fe->code);
      g_assert_nonnull (strstr (copy->message, fe->message));
      saw_currency |= g_str_equal (fe->field, "plan.currency") && g_str_equal (fe->code, "invalid_currency");
    }
  g_assert_true (saw_currency);
}

static void
test_error_from_response (void)
{
  g_autoptr(GBytes) html = g_bytes_new_static ("<html>Bad gateway</html>", 24);
  g_autoptr(GBytes) broken = g_bytes_new_static ("{\"type\": ", 9);
  g_autoptr(GError) server = pd_portal_error_new_from_response (502, "text/html", html, NULL, 0);
  g_autoptr(GError) request = pd_portal_error_new_from_response (400, "application/problem+json", broken, NULL, 0);
  g_autoptr(GError) limited = pd_portal_error_new_from_response (429, NULL, NULL, NULL, 7);
  g_autoptr(GError) other = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "x");

  g_assert_error (server, PD_PORTAL_ERROR, PD_PORTAL_ERROR_SERVER);
  g_assert_cmpuint (pd_portal_error_get_status (server), ==, 502);
  g_assert_null (pd_portal_error_get_problem_type (server));
  g_assert_error (request, PD_PORTAL_ERROR, PD_PORTAL_ERROR_REQUEST);
  g_assert_error (limited, PD_PORTAL_ERROR, PD_PORTAL_ERROR_RATE_LIMITED);
  g_assert_cmpuint (pd_portal_error_get_retry_after (limited), ==, 7);
  g_assert_nonnull (strstr (limited->message, "7"));

  /* Not ours: no details, no criticals */
  g_assert_cmpuint (pd_portal_error_get_status (other), ==, 0);
  g_assert_null (pd_portal_error_get_field_errors (other));
  g_assert_null (pd_portal_error_get_permission (other));
  g_assert_cmpuint (pd_portal_error_get_retry_after (other), ==, 0);
}

static void
test_content_types (void)
{
  g_autoptr(PdTestPortal) portal = pd_test_portal_start ((const char *[]) { "--seed", "2", NULL });
  g_autoptr(PdPortalClient) client = pd_api_test_client_new (portal, "admin");
  g_autoptr(PdPortalRequest) csv = pd_portal_request_new ("GET", "/api/v1/reports/organizations");
  g_autoptr(PdPortalRequest) page = pd_portal_request_new ("GET", "/oauth/authorize");
  g_autoptr(PdPortalResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  const char *query[] = { "response_type", "code", "client_id", "partner-desk", "redirect_uri", "http://127.0.0.1:9/",
                          "state", "xyz", "code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                          "code_challenge_method", "S256" };

  /* A report as CSV: the raw body, no JSON root */
  pd_portal_request_set_accept (csv, "text/csv");
  response = pd_api_test_send (client, csv, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (pd_portal_response_get_root (response));
  g_assert_nonnull (pd_portal_response_get_body (response));
  g_assert_true (g_str_has_prefix (pd_portal_response_get_header (response, "Content-Type"), "text/csv"));
  g_clear_pointer (&response, pd_portal_response_unref);

  /* A web page where data was expected (a captive portal, a wrong address) */
  for (guint i = 0; i < G_N_ELEMENTS (query); i += 2)
    pd_portal_request_add_query (page, query[i], query[i + 1]);
  pd_portal_request_set_authenticated (page, FALSE);
  pd_portal_request_set_retry (page, FALSE);
  response = pd_api_test_send (client, page, NULL, &error);
  g_assert_error (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_BAD_RESPONSE);
  g_assert_null (response);
}

static void
test_idempotency_key (void)
{
  g_autofree char *a = pd_portal_new_idempotency_key ();
  g_autofree char *b = pd_portal_new_idempotency_key ();

  g_assert_true (g_uuid_string_is_valid (a));
  g_assert_cmpstr (a, !=, b);
}

static void
test_bad_url (void)
{
  const char *bad[] = { "portal.example", "ftp://portal.example", "https://portal.example/api",
                        "https://portal.example?x=1", "https://", "" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PdPortalClient) client = pd_portal_client_new (bad[i], NULL, &error);

      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_assert_null (client);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/api/client/success", test_success);
  g_test_add_func ("/api/client/unauthorized", test_unauthorized);
  g_test_add_func ("/api/client/forbidden", test_forbidden);
  g_test_add_func ("/api/client/not-found", test_not_found);
  g_test_add_func ("/api/client/not-modified", test_not_modified);
  g_test_add_func ("/api/client/preconditions", test_preconditions);
  g_test_add_func ("/api/client/validation", test_validation);
  g_test_add_func ("/api/client/error-from-response", test_error_from_response);
  g_test_add_func ("/api/client/content-types", test_content_types);
  g_test_add_func ("/api/client/idempotency-key", test_idempotency_key);
  g_test_add_func ("/api/client/bad-url", test_bad_url);

  return g_test_run ();
}

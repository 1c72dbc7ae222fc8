/* SPDX-License-Identifier: GPL-3.0-or-later */
/* With every debug message on, no log line of the process carries a key, a token, a form
 * field of the OAuth exchange, a query value or a body. */
#include "pd-api-test.h"

static void
assert_no_line_contains (const char *secret)
{
  GPtrArray *logs = pd_api_test_get_logs ();

  for (guint i = 0; i < logs->len; i++)
    if (strstr (g_ptr_array_index (logs, i), secret) != NULL)
      g_error ("a log line holds “%s”: %s", secret, (char *) g_ptr_array_index (logs, i));
}

static void
send_expect (PdPortalClient  *client,
             PdPortalRequest *request,
             gboolean         success)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdPortalResponse) response = pd_api_test_send (client, request, NULL, &error);

  if (success)
    g_assert_no_error (error);
  else
    g_assert_nonnull (error);
}

static void
test_no_secrets (void)
{
  g_autoptr(PdTestPortal) portal = pd_test_portal_start ((const char *[]) { "--seed", "2", NULL });
  const char *key = pd_test_portal_get_key (portal, "admin");
  g_autoptr(PdPortalClient) client = pd_api_test_client_new (portal, NULL);
  g_autoptr(PdTestAuth) auth = pd_test_auth_new ((const char *[]) { "pdk_STALE-TOKEN-SECRET", key, NULL });
  g_autoptr(PdPortalRequest) me = pd_portal_request_new ("GET", "/api/v1/me");
  g_autoptr(PdPortalRequest) search = pd_portal_request_new ("GET", "/api/v1/organizations");
  g_autoptr(PdPortalRequest) create = pd_portal_request_new ("POST", "/api/v1/organizations");
  g_autoptr(PdPortalRequest) invalid = pd_portal_request_new ("POST", "/api/v1/organizations");
  g_autoptr(PdPortalRequest) token = pd_portal_request_new ("POST", "/oauth/token");
  g_autoptr(GHashTable) form = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(JsonNode) body = pd_api_test_json (
    "{\"name\": \"BODY-SECRET Ltd\", \"email\": \"it@example.com\", \"plan\": {\"name\": \"Business Backup\","
    " \"type\": \"backup\", \"price_cents\": 8700, \"currency\": \"USD\"}}");
  g_autoptr(JsonNode) bad_body = pd_api_test_json (
    "{\"name\": \"x\", \"email\": \"ECHOED-SECRET\", \"plan\": null}");

  pd_portal_client_set_auth (client, PD_PORTAL_AUTH (auth));

  pd_api_test_clear_logs ();
  send_expect (client, me, TRUE);  /* a rejected token, renewed */
  g_assert_cmpuint (pd_test_auth_get_rejected (auth), ==, 1);

  pd_portal_request_add_query (search, "q", "QUERY-SECRET");
  send_expect (client, search, TRUE);

  pd_portal_request_set_json_body (create, body);
  pd_portal_request_set_idempotency_key (create, "IDEMPOTENCY-SECRET");
  send_expect (client, create, TRUE);
  send_expect (client, create, TRUE);  /* the replay */

  pd_portal_request_set_json_body (invalid, bad_body);
  send_expect (client, invalid, FALSE);

  g_hash_table_insert (form, "grant_type", "authorization_code");
  g_hash_table_insert (form, "code", "CODE-SECRET");
  g_hash_table_insert (form, "code_verifier", "VERIFIER-SECRET");
  g_hash_table_insert (form, "refresh_token", "REFRESH-SECRET");
  g_hash_table_insert (form, "client_id", "partner-desk");
  g_hash_table_insert (form, "redirect_uri", "http://127.0.0.1:1/");
  pd_portal_request_set_form_body (token, form);
  pd_portal_request_set_authenticated (token, FALSE);
  send_expect (client, token, FALSE);

  /* The log did record the exchanges, just nothing secret about them. */
  g_assert_cmpuint (pd_api_test_count_logs ("GET /api/v1/me → 401"), ==, 1);
  g_assert_cmpuint (pd_api_test_count_logs ("GET /api/v1/me → 200"), ==, 1);
  g_assert_cmpuint (pd_api_test_count_logs ("POST /oauth/token →"), ==, 1);
  g_assert_cmpuint (pd_api_test_count_logs ("GET /api/v1/organizations → 200"), ==, 1);

  g_test_message ("%u log lines checked", pd_api_test_get_logs ()->len);
  assert_no_line_contains (key);
  assert_no_line_contains (key + strlen ("pdk_"));
  assert_no_line_contains ("pdk_");
  assert_no_line_contains ("SECRET");
  assert_no_line_contains ("Bearer");
  assert_no_line_contains ("Authorization");
  assert_no_line_contains ("it@example.com");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  pd_api_test_capture_logs ();

  g_test_add_func ("/api/log/no-secrets", test_no_secrets);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The browser sign-in (PKCE, loopback redirect) against a real portal, the test acting as the
 * browser: a plain user, two-step verification, the account picker, and every way it ends
 * without tokens. */
#include <glib/gstdio.h>

#include "pd-account-registry.h"
#include "pd-auth-error.h"
#include "pd-auth-test.h"
#include "pd-credentials.h"
#include "pd-oauth-flow.h"
#include "pd-pkce.h"
#include "pd-sign-in.h"
#include "pd-test-portal.h"
#include "pd-token-manager.h"

typedef struct {
  PdTestPortal      *portal;
  char              *directory;
  char              *path;
  PdAccountRegistry *registry;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->portal = pd_test_portal_start ((const char *[]) { "--seed", "3", NULL });
  f->directory = g_dir_make_tmp ("pd-test-oauth-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->directory, "accounts.ini", NULL);
  f->registry = pd_account_registry_new (f->path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->registry);
  g_unlink (f->path);
  g_rmdir (f->directory);
  g_free (f->path);
  g_free (f->directory);
  pd_test_portal_stop (f->portal);
}

typedef struct {
  gboolean      done;
  GAsyncResult *result;
} Wait;

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  Wait *wait = data;

  wait->result = g_object_ref (result);
  wait->done = TRUE;
}

static GAsyncResult *
wait_result (Wait *wait)
{
  pd_test_wait_until (&wait->done, 60000);
  wait->done = FALSE;
  return g_steal_pointer (&wait->result);
}

static PdAccountInfo *
sign_in (Fixture        *f,
         PdTestBrowser  *browser,
         GCancellable   *cancellable,
         GError        **error)
{
  Wait wait = { 0 };
  g_autoptr(GAsyncResult) result = NULL;

  pd_sign_in_oauth_async (f->registry, pd_test_portal_get_url (f->portal), NULL,
                          pd_test_browser_open, browser, cancellable, on_done, &wait);
  result = wait_result (&wait);
  pd_test_browser_wait (browser);
  /* One sign-in per listener: it is gone once the sign-in ended, however it ended. */
  if (browser->redirect_uri != NULL)
    g_assert_false (pd_test_listening (browser->redirect_uri));
  return pd_sign_in_oauth_finish (result, error);
}

static char *
lookup_refresh (PdAccountInfo *account)
{
  Wait wait = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *secret;

  pd_credentials_lookup_async (pd_account_info_get_id (account), PD_CREDENTIAL_REFRESH_TOKEN, NULL,
                               on_done, &wait);
  result = wait_result (&wait);
  secret = pd_credentials_lookup_finish (result, &error);
  g_assert_no_error (error);
  return secret;
}

static void
clear_account (PdAccountInfo *account)
{
  Wait wait = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  pd_credentials_clear_async (pd_account_info_get_id (account), NULL, on_done, &wait);
  result = wait_result (&wait);
  g_assert_true (pd_credentials_clear_finish (result, &error));
}

/* The stored refresh token really works: a token manager built from the keyring calls /me. */
static void
assert_account_works (Fixture       *f,
                      PdAccountInfo *account)
{
  Wait wait = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PdPortalClient) client = pd_portal_client_new (pd_account_info_get_base_url (account), NULL, &error);
  g_autoptr(PdPortalAuth) auth = NULL;
  g_autoptr(PdPortalRequest) request = pd_portal_request_new ("GET", "/api/v1/me");
  g_autoptr(PdPortalResponse) response = NULL;
  JsonObject *user;

  g_assert_no_error (error);
  pd_sign_in_create_auth_async (account, client, NULL, on_done, &wait);
  result = wait_result (&wait);
  auth = pd_sign_in_create_auth_finish (result, &error);
  g_assert_no_error (error);
  g_assert_true (PD_IS_TOKEN_MANAGER (auth));
  g_clear_object (&result);

  pd_portal_client_set_auth (client, auth);
  pd_portal_client_send_async (client, request, NULL, on_done, &wait);
  result = wait_result (&wait);
  response = pd_portal_client_send_finish (client, result, &error);
  g_assert_no_error (error);
  user = json_object_get_object_member (json_node_get_object (pd_portal_response_get_root (response)), "user");
  g_assert_cmpstr (json_object_get_string_member (user, "id"), ==, pd_account_info_get_user_id (account));
}

static void
test_plain_user (Fixture       *f,
                 gconstpointer  data)
{
  PdTestBrowser browser = { .action = PD_TEST_BROWSER_SIGN_IN, .email = "support@northwind-it.example" };
  g_autoptr(PdAccountInfo) account = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *refresh = NULL;
  g_autofree char *ini = NULL;

  if (!pd_test_keyring_ready ())
    return;

  account = sign_in (f, &browser, NULL, &error);
  g_assert_null (browser.failure);
  g_assert_no_error (error);
  g_assert_cmpuint (browser.final_status, ==, 200);
  g_assert_nonnull (strstr (browser.final_body, "signed in"));
  pd_test_browser_finish (&browser);

  g_assert_cmpint (pd_account_info_get_kind (account), ==, PD_ACCOUNT_KIND_OAUTH);
  g_assert_cmpstr (pd_account_info_get_user_email (account), ==, "support@northwind-it.example");
  g_assert_cmpstr (pd_account_info_get_user_id (account), ==, "usr_4");
  g_assert_cmpstr (pd_account_info_get_partner_name (account), ==, "Northwind IT Services");
  g_assert_true (pd_account_registry_lookup (f->registry, pd_account_info_get_id (account)) == account);
  refresh = lookup_refresh (account);
  g_assert_true (g_str_has_prefix (refresh, "pdr_"));
  g_assert_true (g_file_get_contents (f->path, &ini, NULL, NULL));
  g_assert_null (strstr (ini, refresh));
  g_assert_null (strstr (ini, "pda_"));
  g_assert_null (strstr (ini, "pdr_"));

  assert_account_works (f, account);
  clear_account (account);
}

static void
test_mfa_user (Fixture       *f,
               gconstpointer  data)
{
  PdTestBrowser browser = { .action = PD_TEST_BROWSER_SIGN_IN, .email = "mfa@northwind-it.example",
                            .totp_secret = "JBSWY3DPEHPK3PXP" };
  g_autoptr(PdAccountInfo) account = NULL;
  g_autoptr(GError) error = NULL;

  if (!pd_test_keyring_ready ())
    return;

  account = sign_in (f, &browser, NULL, &error);
  g_assert_null (browser.failure);
  g_assert_no_error (error);
  pd_test_browser_finish (&browser);
  g_assert_cmpstr (pd_account_info_get_user_email (account), ==, "mfa@northwind-it.example");
  g_assert_cmpstr (pd_account_info_get_user_name (account), ==, "Mira Fischer");
  assert_account_works (f, account);
  clear_account (account);
}

static void
test_account_picker (Fixture       *f,
                     gconstpointer  data)
{
  PdTestBrowser northwind = { .action = PD_TEST_BROWSER_SIGN_IN, .email = "owner@northwind-it.example",
                              .account = "usr_1" };
  PdTestBrowser bluewater = { .action = PD_TEST_BROWSER_SIGN_IN, .email = "owner@northwind-it.example",
                              .account = "usr_10" };
  g_autoptr(PdAccountInfo) first = NULL;
  g_autoptr(PdAccountInfo) second = NULL;
  g_autoptr(PdAccountRegistry) reread = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *refresh_first = NULL;
  g_autofree char *refresh_second = NULL;

  if (!pd_test_keyring_ready ())
    return;

  first = sign_in (f, &northwind, NULL, &error);
  g_assert_null (northwind.failure);
  g_assert_no_error (error);
  pd_test_browser_finish (&northwind);
  second = sign_in (f, &bluewater, NULL, &error);
  g_assert_null (bluewater.failure);
  g_assert_no_error (error);
  pd_test_browser_finish (&bluewater);

  /* One e-mail, two partners: two accounts side by side, each with its own secret. */
  g_assert_cmpstr (pd_account_info_get_partner_name (first), ==, "Northwind IT Services");
  g_assert_cmpstr (pd_account_info_get_partner_name (second), ==, "Bluewater Reseller GmbH");
  g_assert_cmpstr (pd_account_info_get_id (first), !=, pd_account_info_get_id (second));
  reread = pd_account_registry_new (f->path);
  g_assert_true (pd_account_registry_load (reread, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reread)), ==, 2);
  refresh_first = lookup_refresh (first);
  refresh_second = lookup_refresh (second);
  g_assert_nonnull (refresh_first);
  g_assert_nonnull (refresh_second);
  g_assert_cmpstr (refresh_first, !=, refresh_second);
  assert_account_works (f, first);
  assert_account_works (f, second);
  clear_account (first);
  clear_account (second);
}

static void
test_state_mismatch (Fixture       *f,
                     gconstpointer  data)
{
  PdTestBrowser browser = { .action = PD_TEST_BROWSER_WRONG_STATE, .email = "support@northwind-it.example" };
  g_autoptr(PdAccountInfo) account = NULL;
  g_autoptr(GError) error = NULL;

  account = sign_in (f, &browser, NULL, &error);
  g_assert_null (account);
  g_assert_error (error, PD_AUTH_ERROR, PD_AUTH_ERROR_STATE_MISMATCH);
  g_assert_null (browser.failure);
  /* The browser is told too. */
  g_assert_nonnull (strstr (browser.final_body, "different sign-in"));
  pd_test_browser_finish (&browser);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->registry)), ==, 0);
}

static void
test_access_denied (Fixture       *f,
                    gconstpointer  data)
{
  PdTestBrowser browser = { .action = PD_TEST_BROWSER_CANCEL };
  g_autoptr(PdAccountInfo) account = NULL;
  g_autoptr(GError) error = NULL;

  account = sign_in (f, &browser, NULL, &error);
  g_assert_null (account);
  g_assert_error (error, PD_AUTH_ERROR, PD_AUTH_ERROR_ACCESS_DENIED);
  g_assert_null (browser.failure);
  g_assert_nonnull (strstr (browser.final_body, "cancelled"));
  pd_test_browser_finish (&browser);
}

static void
test_timeout (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdPortalClient) client = pd_portal_client_new (pd_test_portal_get_url (f->portal), NULL, &error);
  g_autoptr(PdOAuthFlow) flow = pd_oauth_flow_new (client);
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *redirect = NULL;
  Wait wait = { 0 };

  pd_oauth_flow_set_timeout (flow, 1);
  g_assert_true (pd_oauth_flow_listen (flow, &error));
  g_assert_no_error (error);
  redirect = g_strdup (pd_oauth_flow_get_redirect_uri (flow));
  g_assert_true (g_str_has_prefix (redirect, "http://127.0.0.1:"));
  g_assert_true (pd_test_listening (redirect));

  pd_oauth_flow_wait_async (flow, NULL, on_done, &wait);
  result = wait_result (&wait);
  g_assert_false (pd_oauth_flow_wait_finish (flow, result, NULL, NULL, NULL, &error));
  g_assert_error (error, PD_AUTH_ERROR, PD_AUTH_ERROR_TIMED_OUT);
  /* The listener is gone with the sign-in. */
  g_assert_false (pd_test_listening (redirect));
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  PdTestBrowser browser = { .action = PD_TEST_BROWSER_IDLE };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PdAccountInfo) account = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  Wait wait = { 0 };

  pd_sign_in_oauth_async (f->registry, pd_test_portal_get_url (f->portal), NULL,
                          pd_test_browser_open, &browser, cancellable, on_done, &wait);
  pd_test_sleep (100);
  g_assert_false (wait.done);
  g_cancellable_cancel (cancellable);
  result = wait_result (&wait);
  account = pd_sign_in_oauth_finish (result, &error);
  g_assert_null (account);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  pd_test_browser_finish (&browser);
}

static void
test_authorize_url (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdPortalClient) client = pd_portal_client_new (pd_test_portal_get_url (f->portal), NULL, &error);
  g_autoptr(PdOAuthFlow) flow = pd_oauth_flow_new (client);
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GHashTable) query = NULL;
  g_autofree char *challenge = NULL;
  g_autofree char *verifier = NULL;
  const char *state;

  pd_oauth_flow_set_login_hint (flow, "admin+test@northwind-it.example");
  g_assert_true (pd_oauth_flow_listen (flow, &error));
  uri = g_uri_parse (pd_oauth_flow_get_authorize_url (flow), G_URI_FLAGS_ENCODED_QUERY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_uri_get_path (uri), ==, "/oauth/authorize");
  query = g_uri_parse_params (g_uri_get_query (uri), -1, "&", G_URI_PARAMS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (query, "response_type"), ==, "code");
  g_assert_cmpstr (g_hash_table_lookup (query, "client_id"), ==, "partner-desk");
  g_assert_cmpstr (g_hash_table_lookup (query, "redirect_uri"), ==, pd_oauth_flow_get_redirect_uri (flow));
  g_assert_cmpstr (g_hash_table_lookup (query, "code_challenge_method"), ==, "S256");
  g_assert_cmpstr (g_hash_table_lookup (query, "login_hint"), ==, "admin+test@northwind-it.example");
  g_assert_cmpuint (strlen (g_hash_table_lookup (query, "code_challenge")), ==, 43);
  state = g_hash_table_lookup (query, "state");
  g_assert_cmpuint (strlen (state), >=, 22);

  /* Computed independently with Python: base64url(sha256(verifier)) without padding */
  challenge = pd_pkce_challenge_s256 ("dBjftJeZ4CVP-mB92K27uhbUJU1p1r-wW1gFWFOEjXk");
  g_assert_cmpstr (challenge, ==, "NPsYzawS-__wqk67X9gyb4dr3JBo3hnlEi5MNyD5jX0");
  verifier = pd_pkce_new_verifier (&error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (verifier), ==, 43);
  g_assert_cmpuint (strspn (verifier, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"), ==, 43);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/auth/oauth/authorize-url", test_authorize_url);
  ADD ("/auth/oauth/plain-user", test_plain_user);
  ADD ("/auth/oauth/mfa-user", test_mfa_user);
  ADD ("/auth/oauth/account-picker", test_account_picker);
  ADD ("/auth/oauth/state-mismatch", test_state_mismatch);
  ADD ("/auth/oauth/access-denied", test_access_denied);
  ADD ("/auth/oauth/timeout", test_timeout);
  ADD ("/auth/oauth/cancel", test_cancel);
  return g_test_run ();
}

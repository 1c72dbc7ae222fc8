/* SPDX-License-Identifier: GPL-3.0-or-later */
/* PdTokenManager against a real portal and keyring: refresh before expiry, one refresh for
 * concurrent callers, rotation into the keyring, refused refreshes and sign-out. */
#include <glib/gstdio.h>

#include "pd-account-registry.h"
#include "pd-api-key-auth.h"
#include "pd-auth-test.h"
#include "pd-credentials.h"
#include "pd-oauth-flow.h"
#include "pd-sign-in.h"
#include "pd-test-portal.h"
#include "pd-token-manager.h"

typedef struct {
  PdTestPortal   *portal;
  PdPortalClient *client;
  PdAccountInfo  *account;
  guint           token_requests; /* POST /oauth/token seen by the client's session */
} Fixture;

static void
on_request_queued (SoupSession *session,
                   SoupMessage *msg,
                   gpointer     data)
{
  Fixture *f = data;

  if (g_strcmp0 (g_uri_get_path (soup_message_get_uri (msg)), "/oauth/token") == 0)
    f->token_requests++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const char *lifetime = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *nonce = g_strdup_printf ("%d-%" G_GINT64_FORMAT, getpid (), g_get_real_time ());

  f->portal = pd_test_portal_start ((const char *[]) { "--seed", "3", "--access-token-lifetime",
                                                        lifetime != NULL ? lifetime : "3600", NULL });
  f->client = pd_portal_client_new (pd_test_portal_get_url (f->portal), NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (pd_portal_client_get_soup_session (f->client), "request-queued",
                    G_CALLBACK (on_request_queued), f);
  /* A fresh id per run: the keyring outlives the test when the session is reused. */
  id = pd_account_info_make_id (pd_test_portal_get_url (f->portal), nonce);
  f->account = pd_account_info_new (id, PD_ACCOUNT_KIND_OAUTH, pd_test_portal_get_url (f->portal));
  g_object_set (f->account, "user-email", "support@northwind-it.example", NULL);
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

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  Wait wait = { 0 };
  g_autoptr(GAsyncResult) result = NULL;

  if (g_getenv ("PD_TEST_SESSION") != NULL)
    {
      pd_credentials_clear_async (pd_account_info_get_id (f->account), NULL, on_done, &wait);
      result = wait_result (&wait);
      g_assert_true (pd_credentials_clear_finish (result, NULL));
    }
  g_clear_object (&f->account);
  g_clear_object (&f->client);
  pd_test_portal_stop (f->portal);
}

/* A real sign-in of support@ through the browser; the tokens in hand. */
static void
obtain_tokens (Fixture  *f,
               char    **access,
               char    **refresh,
               gint64   *expires_in)
{
  PdTestBrowser browser = { .action = PD_TEST_BROWSER_SIGN_IN, .email = "support@northwind-it.example" };
  g_autoptr(PdOAuthFlow) flow = pd_oauth_flow_new (f->client);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  Wait wait = { 0 };

  g_assert_true (pd_oauth_flow_listen (flow, &error));
  pd_oauth_flow_wait_async (flow, NULL, on_done, &wait);
  pd_test_browser_open (pd_oauth_flow_get_authorize_url (flow), &browser);
  result = wait_result (&wait);
  pd_test_browser_wait (&browser);
  g_assert_null (browser.failure);
  g_assert_true (pd_oauth_flow_wait_finish (flow, result, access, refresh, expires_in, &error));
  g_assert_no_error (error);
  g_assert_false (pd_test_listening (pd_oauth_flow_get_redirect_uri (flow)));
  pd_test_browser_finish (&browser);
}

static char *
get_token (PdTokenManager  *manager,
           GError         **error)
{
  Wait wait = { 0 };
  g_autoptr(GAsyncResult) result = NULL;

  pd_portal_auth_get_token_async (PD_PORTAL_AUTH (manager), NULL, on_done, &wait);
  result = wait_result (&wait);
  return pd_portal_auth_get_token_finish (PD_PORTAL_AUTH (manager), result, error);
}

static char *
stored_refresh (Fixture *f)
{
  Wait wait = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *secret;

  pd_credentials_lookup_async (pd_account_info_get_id (f->account), PD_CREDENTIAL_REFRESH_TOKEN, NULL,
                               on_done, &wait);
  result = wait_result (&wait);
  secret = pd_credentials_lookup_finish (result, &error);
  g_assert_no_error (error);
  return secret;
}

/* GET /api/v1/me with @token as it is, on a client of its own. */
static GError *
me_with (Fixture    *f,
         const char *token)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdPortalClient) client = pd_portal_client_new (pd_test_portal_get_url (f->portal), NULL, &error);
  g_autoptr(PdApiKeyAuth) auth = pd_api_key_auth_new (token);
  g_autoptr(PdPortalRequest) request = pd_portal_request_new ("GET", "/api/v1/me");
  g_autoptr(PdPortalResponse) response = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  Wait wait = { 0 };

  pd_portal_client_set_auth (client, PD_PORTAL_AUTH (auth));
  pd_portal_client_send_async (client, request, NULL, on_done, &wait);
  result = wait_result (&wait);
  response = pd_portal_client_send_finish (client, result, &error);
  return g_steal_pointer (&error);
}

static void
test_refresh_before_expiry (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *access = NULL;
  g_autofree char *refresh = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *fourth = NULL;
  g_autofree char *stored = NULL;
  g_autoptr(PdTokenManager) manager = NULL;
  g_autoptr(GError) error = NULL;
  gint64 expires_in = 0;

  if (!pd_test_keyring_ready ())
    return;
  obtain_tokens (f, &access, &refresh, &expires_in);
  g_assert_cmpint (expires_in, ==, 8);
  f->token_requests = 0;

  manager = pd_token_manager_new (f->client, f->account, refresh);
  pd_token_manager_set_access_token (manager, access, expires_in);
  first = get_token (manager, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first, ==, access);
  g_assert_cmpuint (f->token_requests, ==, 0);

  /* Past the refresh margin (half of an 8 s lifetime), still before expiry. */
  pd_test_sleep (4200);
  second = get_token (manager, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (second, !=, access);
  g_assert_cmpuint (f->token_requests, ==, 1);
  third = get_token (manager, &error);
  g_assert_cmpstr (third, ==, second);
  g_assert_cmpuint (f->token_requests, ==, 1);

  /* The rotated refresh token reached the keyring. */
  stored = stored_refresh (f);
  g_assert_nonnull (stored);
  g_assert_cmpstr (stored, !=, refresh);
  g_assert_null (me_with (f, second));

  /* A token the portal turned down (401) is not handed out again: the next call refreshes. */
  pd_portal_auth_token_rejected (PD_PORTAL_AUTH (manager), second);
  fourth = get_token (manager, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fourth, !=, second);
  g_assert_cmpuint (f->token_requests, ==, 2);
}

typedef struct {
  gboolean  done;
  char     *token;
  GError   *error;
} Caller;

static void
on_token (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  Caller *caller = data;

  caller->token = pd_portal_auth_get_token_finish (PD_PORTAL_AUTH (source), result, &caller->error);
  caller->done = TRUE;
}

static void
test_concurrent_single_refresh (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *access = NULL;
  g_autofree char *refresh = NULL;
  g_autofree char *stored = NULL;
  g_autoptr(PdTokenManager) manager = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *again = NULL;
  Caller callers[6] = { 0 };
  Caller *cancelled = &callers[5];

  if (!pd_test_keyring_ready ())
    return;
  obtain_tokens (f, &access, &refresh, NULL);
  f->token_requests = 0;

  /* No access token in hand: the first caller starts a refresh, the others wait for it. */
  manager = pd_token_manager_new (f->client, f->account, refresh);
  for (guint i = 0; i < 5; i++)
    pd_portal_auth_get_token_async (PD_PORTAL_AUTH (manager), NULL, on_token, &callers[i]);
  pd_portal_auth_get_token_async (PD_PORTAL_AUTH (manager), cancellable, on_token, cancelled);
  g_cancellable_cancel (cancellable);
  for (guint i = 0; i < G_N_ELEMENTS (callers); i++)
    pd_test_wait_until (&callers[i].done, 60000);

  g_assert_error (cancelled->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  for (guint i = 0; i < 5; i++)
    {
      g_assert_no_error (callers[i].error);
      g_assert_nonnull (callers[i].token);
      g_assert_cmpstr (callers[i].token, !=, access);
      g_assert_cmpstr (callers[i].token, ==, callers[0].token);
    }
  g_assert_cmpuint (f->token_requests, ==, 1);
  stored = stored_refresh (f);
  g_assert_cmpstr (stored, !=, refresh);
  g_assert_null (me_with (f, callers[0].token));

  /* A 401 for some older token leaves the current one alone. */
  pd_portal_auth_token_rejected (PD_PORTAL_AUTH (manager), access);
  again = get_token (manager, NULL);
  g_assert_cmpstr (again, ==, callers[0].token);
  g_assert_cmpuint (f->token_requests, ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (callers); i++)
    {
      g_free (callers[i].token);
      g_clear_error (&callers[i].error);
    }
}

/* POST /oauth/token with a refresh token by hand, as a second copy of the app would. */
static GError *
refresh_by_hand (Fixture    *f,
                 const char *refresh)
{
  g_autoptr(GHashTable) form = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(PdPortalRequest) request = pd_portal_request_new ("POST", "/oauth/token");
  g_autoptr(PdPortalResponse) response = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  GError *error = NULL;
  Wait wait = { 0 };

  g_hash_table_insert (form, "grant_type", "refresh_token");
  g_hash_table_insert (form, "client_id", "partner-desk");
  g_hash_table_insert (form, "refresh_token", (gpointer) refresh);
  pd_portal_request_set_form_body (request, form);
  pd_portal_request_set_authenticated (request, FALSE);
  pd_portal_client_send_async (f->client, request, NULL, on_done, &wait);
  result = wait_result (&wait);
  response = pd_portal_client_send_finish (f->client, result, &error);
  return error;
}

static void
test_rotation_and_refused (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *access = NULL;
  g_autofree char *refresh = NULL;
  g_autofree char *token = NULL;
  g_autofree char *again = NULL;
  g_autoptr(PdTokenManager) manager = NULL;
  g_autoptr(GError) error = NULL;
  guint requests;

  if (!pd_test_keyring_ready ())
    return;
  obtain_tokens (f, &access, &refresh, NULL);

  manager = pd_token_manager_new (f->client, f->account, refresh);
  token = get_token (manager, &error);
  g_assert_no_error (error);

  /* Rotated: the first refresh token is spent. Presenting it again is what a thief would
   * do, and the portal revokes the whole sign-in. */
  error = refresh_by_hand (f, refresh);
  g_assert_nonnull (error);
  g_assert_cmpuint (pd_portal_error_get_status (error), ==, 400);
  g_clear_error (&error);
  error = me_with (f, token);
  g_assert_error (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_UNAUTHORIZED);
  g_clear_error (&error);

  /* The client saw the 401 for the token: the manager's refresh is refused → sign in again. */
  pd_portal_auth_token_rejected (PD_PORTAL_AUTH (manager), token);
  requests = f->token_requests;
  again = get_token (manager, &error);
  g_assert_null (again);
  g_assert_error (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_UNAUTHORIZED);
  g_assert_nonnull (strstr (error->message, "Sign in again"));
  g_assert_cmpuint (f->token_requests, ==, requests + 1);
  g_clear_error (&error);

  /* And stays refused without asking the portal again. */
  again = get_token (manager, &error);
  g_assert_error (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_UNAUTHORIZED);
  g_assert_cmpuint (f->token_requests, ==, requests + 1);
}

static void
test_unknown_refresh_token (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(PdTokenManager) manager = pd_token_manager_new (f->client, f->account, "pdr_not-a-real-token");
  g_autoptr(GError) error = NULL;
  g_autofree char *token = get_token (manager, &error);

  g_assert_null (token);
  g_assert_error (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_UNAUTHORIZED);
  g_assert_nonnull (strstr (error->message, "support@northwind-it.example"));
}

static void
test_sign_out_revokes (Fixture       *f,
                       gconstpointer  data)
{
  PdTestBrowser browser = { .action = PD_TEST_BROWSER_SIGN_IN, .email = "finance@northwind-it.example" };
  g_autofree char *directory = g_dir_make_tmp ("pd-test-tokens-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (directory, "accounts.ini", NULL);
  g_autoptr(PdAccountRegistry) registry = pd_account_registry_new (path);
  g_autoptr(PdAccountInfo) account = NULL;
  g_autoptr(PdPortalAuth) auth = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  Wait wait = { 0 };

  if (!pd_test_keyring_ready ())
    return;
  pd_sign_in_oauth_async (registry, pd_test_portal_get_url (f->portal), NULL, pd_test_browser_open, &browser,
                          NULL, on_done, &wait);
  result = wait_result (&wait);
  account = pd_sign_in_oauth_finish (result, &error);
  g_assert_no_error (error);
  pd_test_browser_finish (&browser);
  g_clear_object (&result);

  pd_sign_in_create_auth_async (account, f->client, NULL, on_done, &wait);
  result = wait_result (&wait);
  auth = pd_sign_in_create_auth_finish (result, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  token = get_token (PD_TOKEN_MANAGER (auth), &error);
  g_assert_no_error (error);
  g_assert_null (me_with (f, token));

  pd_sign_out_async (registry, account, auth, NULL, on_done, &wait);
  result = wait_result (&wait);
  g_assert_true (pd_sign_out_finish (result, &error));
  g_assert_no_error (error);

  /* Revoked at the portal, forgotten here. */
  error = me_with (f, token);
  g_assert_error (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_UNAUTHORIZED);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (registry)), ==, 0);
  g_clear_pointer (&token, g_free);
  token = get_token (PD_TOKEN_MANAGER (auth), &error);
  g_assert_error (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_UNAUTHORIZED);
  g_unlink (path);
  g_rmdir (directory);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, lifetime, func) g_test_add (path, Fixture, lifetime, fixture_set_up, func, fixture_tear_down)
  ADD ("/auth/tokens/refresh-before-expiry", "8", test_refresh_before_expiry);
  ADD ("/auth/tokens/concurrent-single-refresh", NULL, test_concurrent_single_refresh);
  ADD ("/auth/tokens/rotation-and-refused", NULL, test_rotation_and_refused);
  ADD ("/auth/tokens/unknown-refresh-token", NULL, test_unknown_refresh_token);
  ADD ("/auth/tokens/sign-out-revokes", NULL, test_sign_out_revokes);
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The account registry (accounts.ini), the keyring credentials and the API-key sign-in,
 * against a real portal and the test session's gnome-keyring. */
#include <glib/gstdio.h>

#include "pd-account-registry.h"
#include "pd-api-key-auth.h"
#include "pd-auth-error.h"
#include "pd-auth-test.h"
#include "pd-credentials.h"
#include "pd-sign-in.h"
#include "pd-test-portal.h"
#include "pd-token-manager.h"

typedef struct {
  char              *directory;
  char              *path;
  PdAccountRegistry *registry;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->directory = g_dir_make_tmp ("pd-test-auth-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->directory, "config", "accounts.ini", NULL);
  f->registry = pd_account_registry_new (f->path);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->registry);
  remove_tree (f->directory);
  g_free (f->directory);
  g_free (f->path);
}

static PdAccountInfo *
make_account (const char *base_url,
              const char *user_id,
              const char *email)
{
  g_autofree char *id = pd_account_info_make_id (base_url, user_id);
  PdAccountInfo *account = pd_account_info_new (id, PD_ACCOUNT_KIND_OAUTH, base_url);

  g_object_set (account, "user-id", user_id, "user-email", email, "user-name", "Test User",
                "partner-id", "ptn_1", "partner-name", "Northwind IT Services", NULL);
  return account;
}

static void
test_ids (void)
{
  g_autofree char *a = pd_account_info_make_id ("https://portal.example", "usr_1");
  g_autofree char *b = pd_account_info_make_id ("https://Portal.example/", "usr_1");
  g_autofree char *c = pd_account_info_make_id ("https://other.example", "usr_1");
  g_autofree char *d = pd_account_info_make_id ("https://portal.example", "usr_10");
  g_autoptr(PdAccountInfo) account = pd_account_info_new (a, PD_ACCOUNT_KIND_API_KEY, "http://127.0.0.1:8080");
  g_autofree char *host = pd_account_info_dup_host (account);

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, !=, c);
  g_assert_cmpstr (a, !=, d);
  g_assert_cmpstr (host, ==, "127.0.0.1:8080");
}

static void
test_registry_persists (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(PdAccountInfo) one = make_account ("https://a.example", "usr_1", "owner@northwind-it.example");
  g_autoptr(PdAccountInfo) two = make_account ("https://a.example", "usr_10", "owner@northwind-it.example");
  g_autoptr(PdAccountInfo) again = make_account ("https://a.example", "usr_1", "renamed@northwind-it.example");
  g_autoptr(PdAccountRegistry) reread = NULL;
  g_autoptr(GError) error = NULL;
  PdAccountInfo *found;
  GStatBuf buf;

  g_assert_true (pd_account_registry_load (f->registry, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->registry)), ==, 0);

  g_assert_true (pd_account_registry_add (f->registry, one, &error));
  g_assert_true (pd_account_registry_add (f->registry, two, &error));
  g_assert_no_error (error);
  /* The same account signed in again replaces the entry. */
  g_assert_true (pd_account_registry_add (f->registry, again, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->registry)), ==, 2);
  g_assert_cmpint (g_stat (f->path, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);

  reread = pd_account_registry_new (f->path);
  g_assert_true (pd_account_registry_load (reread, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reread)), ==, 2);
  found = pd_account_registry_lookup (reread, pd_account_info_get_id (one));
  g_assert_nonnull (found);
  g_assert_cmpstr (pd_account_info_get_user_email (found), ==, "renamed@northwind-it.example");
  g_assert_cmpstr (pd_account_info_get_partner_name (found), ==, "Northwind IT Services");
  g_assert_cmpint (pd_account_info_get_kind (found), ==, PD_ACCOUNT_KIND_OAUTH);
  g_assert_nonnull (pd_account_registry_lookup (reread, pd_account_info_get_id (two)));

  g_assert_true (pd_account_registry_remove (reread, pd_account_info_get_id (one), &error));
  g_assert_true (pd_account_registry_remove (reread, "acct-unknown", &error));
  g_assert_no_error (error);
  g_assert_true (pd_account_registry_load (f->registry, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->registry)), ==, 1);
  g_assert_null (pd_account_registry_lookup (f->registry, pd_account_info_get_id (one)));
}

static void
test_registry_damaged (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(PdAccountInfo) one = make_account ("https://a.example", "usr_1", "owner@northwind-it.example");
  g_autoptr(GError) error = NULL;
  g_autofree char *directory = g_path_get_dirname (f->path);
  g_autofree char *contents = NULL;
  g_autofree char *aside = g_strconcat (f->path, ".damaged", NULL);
  const char *garbage = "[Partner Desk\nversion=1\n\x01\x02 not a key file";

  g_assert_cmpint (g_mkdir_with_parents (directory, 0700), ==, 0);
  g_assert_true (g_file_set_contents (f->path, garbage, -1, NULL));

  g_assert_false (pd_account_registry_load (f->registry, &error));
  g_assert_error (error, PD_AUTH_ERROR, PD_AUTH_ERROR_REGISTRY_DAMAGED);
  g_assert_nonnull (strstr (error->message, f->path));
  g_clear_error (&error);

  /* Not overwritten behind the user's back. */
  g_assert_false (pd_account_registry_add (f->registry, one, &error));
  g_assert_error (error, PD_AUTH_ERROR, PD_AUTH_ERROR_REGISTRY_DAMAGED);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (f->path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, garbage);
  g_clear_pointer (&contents, g_free);

  /* Only when asked: moved aside, then a fresh list. */
  g_assert_true (pd_account_registry_set_aside (f->registry, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (aside, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, garbage);
  g_assert_true (pd_account_registry_add (f->registry, one, &error));
  g_assert_no_error (error);

  /* A file of a newer version is refused too. */
  g_assert_true (g_file_set_contents (f->path, "[Partner Desk]\nversion=7\n", -1, NULL));
  g_assert_false (pd_account_registry_load (f->registry, &error));
  g_assert_error (error, PD_AUTH_ERROR, PD_AUTH_ERROR_REGISTRY_DAMAGED);
  g_clear_error (&error);
  /* And an account without a kind. */
  g_assert_true (g_file_set_contents (f->path, "[Partner Desk]\nversion=1\n[Account acct-1]\nbase-url=https://a.example\n", -1, NULL));
  g_assert_false (pd_account_registry_load (f->registry, &error));
  g_assert_error (error, PD_AUTH_ERROR, PD_AUTH_ERROR_REGISTRY_DAMAGED);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->registry)), ==, 0);
}

/* Async plumbing */

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
  return wait->result;
}

static char *
lookup (const char       *id,
        PdCredentialKind  kind)
{
  Wait wait = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *secret;

  pd_credentials_lookup_async (id, kind, NULL, on_done, &wait);
  result = wait_result (&wait);
  secret = pd_credentials_lookup_finish (result, &error);
  g_assert_no_error (error);
  return secret;
}

static void
store (PdAccountInfo    *account,
       PdCredentialKind  kind,
       const char       *secret)
{
  Wait wait = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  pd_credentials_store_async (account, kind, secret, NULL, on_done, &wait);
  result = wait_result (&wait);
  g_assert_true (pd_credentials_store_finish (result, &error));
  g_assert_no_error (error);
}

static void
clear (const char *id)
{
  Wait wait = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  pd_credentials_clear_async (id, NULL, on_done, &wait);
  result = wait_result (&wait);
  g_assert_true (pd_credentials_clear_finish (result, &error));
  g_assert_no_error (error);
}

/* What Seahorse would show, through libsecret's own command-line client (in-process searches
 * leave libsecret's item proxies behind for LeakSanitizer). */
static char *
search (const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status = 0;
  const char *argv[] = { "secret-tool", "search", "--all", "account-id", id, NULL };

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&out);
}

static guint
count_items (const char *id)
{
  g_autofree char *out = search (id);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    n += g_str_has_prefix (lines[i], "[/");
  return n;
}

static char *
item_label (const char *id)
{
  g_autofree char *out = search (id);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "label = "))
      return g_strdup (lines[i] + strlen ("label = "));
  return NULL;
}

static void
test_credentials (void)
{
  g_autoptr(PdAccountInfo) one = make_account ("https://a.example:8443", "usr_1", "owner@northwind-it.example");
  g_autoptr(PdAccountInfo) two = make_account ("https://a.example:8443", "usr_10", "owner@northwind-it.example");
  const char *id = pd_account_info_get_id (one);
  g_autofree char *label = NULL;
  char *secret;

  if (!pd_test_keyring_ready ())
    return;

  g_assert_null (lookup (id, PD_CREDENTIAL_REFRESH_TOKEN));
  store (one, PD_CREDENTIAL_REFRESH_TOKEN, "pdr_first");
  store (two, PD_CREDENTIAL_REFRESH_TOKEN, "pdr_other");
  secret = lookup (id, PD_CREDENTIAL_REFRESH_TOKEN);
  g_assert_cmpstr (secret, ==, "pdr_first");
  g_free (secret);

  /* Rotation replaces the item instead of adding one. */
  store (one, PD_CREDENTIAL_REFRESH_TOKEN, "pdr_second");
  secret = lookup (id, PD_CREDENTIAL_REFRESH_TOKEN);
  g_assert_cmpstr (secret, ==, "pdr_second");
  g_free (secret);
  g_assert_cmpuint (count_items (id), ==, 1);
  label = item_label (id);
  g_assert_cmpstr (label, ==, "Partner Desk: owner@northwind-it.example on a.example:8443");

  /* An account holds one secret: switching to an API key drops the refresh token. */
  store (one, PD_CREDENTIAL_API_KEY, "pdk_key");
  g_assert_null (lookup (id, PD_CREDENTIAL_REFRESH_TOKEN));
  secret = lookup (id, PD_CREDENTIAL_API_KEY);
  g_assert_cmpstr (secret, ==, "pdk_key");
  g_free (secret);
  g_assert_cmpuint (count_items (id), ==, 1);

  clear (id);
  g_assert_cmpuint (count_items (id), ==, 0);
  g_assert_null (lookup (id, PD_CREDENTIAL_API_KEY));
  /* The other account of the same e-mail keeps its own. */
  secret = lookup (pd_account_info_get_id (two), PD_CREDENTIAL_REFRESH_TOKEN);
  g_assert_cmpstr (secret, ==, "pdr_other");
  g_free (secret);
  clear (pd_account_info_get_id (two));
  /* Clearing nothing is fine. */
  clear (id);
}

static PdAccountInfo *
sign_in_key (PdAccountRegistry  *registry,
             const char         *url,
             const char         *key,
             GError            **error)
{
  Wait wait = { 0 };
  g_autoptr(GAsyncResult) result = NULL;

  pd_sign_in_api_key_async (registry, url, NULL, key, NULL, on_done, &wait);
  result = wait_result (&wait);
  return pd_sign_in_api_key_finish (result, error);
}

static void
test_api_key_sign_in (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(PdTestPortal) portal = NULL;
  g_autoptr(PdAccountInfo) account = NULL;
  g_autoptr(PdAccountInfo) refused = NULL;
  g_autoptr(PdPortalClient) client = NULL;
  g_autoptr(PdPortalAuth) auth = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pasted = NULL;
  g_autofree char *ini = NULL;
  g_autofree char *token = NULL;
  g_autofree char *secret = NULL;
  Wait wait = { 0 };

  if (!pd_test_keyring_ready ())
    return;
  portal = pd_test_portal_start ((const char *[]) { "--seed", "3", NULL });

  /* A pasted key with a trailing newline works. */
  pasted = g_strdup_printf ("%s\n", pd_test_portal_get_key (portal, "support"));
  account = sign_in_key (f->registry, pd_test_portal_get_url (portal), pasted, &error);
  g_assert_no_error (error);
  g_assert_nonnull (account);
  g_assert_cmpint (pd_account_info_get_kind (account), ==, PD_ACCOUNT_KIND_API_KEY);
  g_assert_cmpstr (pd_account_info_get_user_email (account), ==, "support@northwind-it.example");
  g_assert_cmpstr (pd_account_info_get_user_name (account), ==, "Kenji Sato");
  g_assert_cmpstr (pd_account_info_get_user_id (account), ==, "usr_4");
  g_assert_cmpstr (pd_account_info_get_partner_id (account), ==, "ptn_1");
  g_assert_cmpstr (pd_account_info_get_partner_name (account), ==, "Northwind IT Services");
  g_assert_cmpstr (pd_account_info_get_base_url (account), ==, pd_test_portal_get_url (portal));
  g_assert_true (pd_account_registry_lookup (f->registry, pd_account_info_get_id (account)) == account);

  secret = lookup (pd_account_info_get_id (account), PD_CREDENTIAL_API_KEY);
  g_assert_cmpstr (secret, ==, pd_test_portal_get_key (portal, "support"));
  /* accounts.ini names the account but holds no secret. */
  g_assert_true (g_file_get_contents (f->path, &ini, NULL, NULL));
  g_assert_nonnull (strstr (ini, "support@northwind-it.example"));
  g_assert_null (strstr (ini, secret));

  /* The auth for the next start comes from the keyring. */
  client = pd_portal_client_new (pd_test_portal_get_url (portal), NULL, &error);
  g_assert_no_error (error);
  pd_sign_in_create_auth_async (account, client, NULL, on_done, &wait);
  result = wait_result (&wait);
  auth = pd_sign_in_create_auth_finish (result, &error);
  g_assert_no_error (error);
  g_assert_true (PD_IS_API_KEY_AUTH (auth));
  g_clear_object (&result);
  pd_portal_auth_get_token_async (auth, NULL, on_done, &wait);
  result = wait_result (&wait);
  token = pd_portal_auth_get_token_finish (auth, result, &error);
  g_assert_cmpstr (token, ==, secret);
  g_clear_object (&result);

  /* A wrong key: refused, nothing stored or registered. */
  refused = sign_in_key (f->registry, pd_test_portal_get_url (portal), "pdk_this-is-not-a-key", &error);
  g_assert_null (refused);
  g_assert_error (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_UNAUTHORIZED);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->registry)), ==, 1);

  /* Signing out forgets the key and the account. */
  pd_sign_out_async (f->registry, account, auth, NULL, on_done, &wait);
  result = wait_result (&wait);
  g_assert_true (pd_sign_out_finish (result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->registry)), ==, 0);
  g_assert_null (lookup (pd_account_info_get_id (account), PD_CREDENTIAL_API_KEY));
  g_clear_object (&result);

  /* Its secret gone, an account asks to sign in again. */
  pd_sign_in_create_auth_async (account, client, NULL, on_done, &wait);
  result = wait_result (&wait);
  g_clear_object (&auth);
  auth = pd_sign_in_create_auth_finish (result, &error);
  g_assert_null (auth);
  g_assert_error (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_UNAUTHORIZED);
  g_assert_nonnull (strstr (error->message, "Sign in again"));
}

static void
test_api_key_damaged_registry (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(PdTestPortal) portal = NULL;
  g_autoptr(PdAccountInfo) account = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *directory = g_path_get_dirname (f->path);
  g_autofree char *id = NULL;
  g_autofree char *contents = NULL;

  if (!pd_test_keyring_ready ())
    return;
  portal = pd_test_portal_start ((const char *[]) { "--seed", "2", NULL });
  g_assert_cmpint (g_mkdir_with_parents (directory, 0700), ==, 0);
  g_assert_true (g_file_set_contents (f->path, "[Partner Desk]\nversion=99\n", -1, NULL));

  account = sign_in_key (f->registry, pd_test_portal_get_url (portal), pd_test_portal_get_key (portal, "finance"),
                         &error);
  g_assert_null (account);
  g_assert_error (error, PD_AUTH_ERROR, PD_AUTH_ERROR_REGISTRY_DAMAGED);
  /* Neither an orphaned key in the keyring nor a rewritten file. */
  id = pd_account_info_make_id (pd_test_portal_get_url (portal), "usr_5");
  g_assert_null (lookup (id, PD_CREDENTIAL_API_KEY));
  g_assert_true (g_file_get_contents (f->path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "[Partner Desk]\nversion=99\n");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/auth/account/ids", test_ids);
  g_test_add ("/auth/registry/persists", Fixture, NULL, fixture_set_up, test_registry_persists, fixture_tear_down);
  g_test_add ("/auth/registry/damaged", Fixture, NULL, fixture_set_up, test_registry_damaged, fixture_tear_down);
  g_test_add_func ("/auth/credentials/store-lookup-clear", test_credentials);
  g_test_add ("/auth/sign-in/api-key", Fixture, NULL, fixture_set_up, test_api_key_sign_in, fixture_tear_down);
  g_test_add ("/auth/sign-in/api-key-damaged-registry", Fixture, NULL, fixture_set_up,
              test_api_key_damaged_registry, fixture_tear_down);
  return g_test_run ();
}

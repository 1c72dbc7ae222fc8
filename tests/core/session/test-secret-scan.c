/* SPDX-License-Identifier: GPL-3.0-or-later */
/* No secret on disk (DESIGN §8): with HOME and XDG_* in a fresh directory, sign in with an
 * API key and through the browser, sync, send a change through the outbox and sign out;
 * then every file written there is searched for every secret used (the API key, the
 * access and refresh tokens), and so is every log message of the run, debug included. The
 * keyring daemon keeps its own files elsewhere. */

/* memmem() */
#define _GNU_SOURCE

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "pd-auth-test.h"
#include "pd-credentials.h"
#include "pd-models.h"
#include "pd-session.h"
#include "pd-session-test.h"
#include "pd-sign-in.h"
#include "pd-test-portal.h"

static char *home;
static GPtrArray *secrets;
/* Every log message of the run, debug included, for the same search */
static GString *log_text;

static GLogWriterOutput
capture_writer (GLogLevelFlags   level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") || g_str_equal (fields[i].key, "GLIB_DOMAIN"))
      {
        if (fields[i].length < 0)
          g_string_append (log_text, fields[i].value);
        else
          g_string_append_len (log_text, fields[i].value, fields[i].length);
        g_string_append_c (log_text, '\n');
      }
  return g_log_writer_default (level, fields, n_fields, user_data);
}

typedef struct
{
  gboolean      done;
  GAsyncResult *result;
} Wait;

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
  wait->done = TRUE;
}

static gboolean
wait_done (gpointer data)
{
  return ((Wait *) data)->done;
}

static void
remember_secret (const char *secret)
{
  g_assert_nonnull (secret);
  g_assert_cmpuint (strlen (secret), >=, 16);
  g_ptr_array_add (secrets, g_strdup (secret));
}

static char *
current_token (PdSession *session)
{
  PdPortalAuth *auth = pd_portal_client_get_auth (pd_session_get_client (session));
  Wait wait = { 0 };
  g_autoptr(GError) error = NULL;
  char *token;

  pd_portal_auth_get_token_async (auth, NULL, on_done, &wait);
  pd_session_test_wait_for (wait_done, &wait, "a token");
  token = pd_portal_auth_get_token_finish (auth, wait.result, &error);
  g_object_unref (wait.result);
  g_assert_no_error (error);
  return token;
}

static gboolean
has_auth (gpointer data)
{
  return pd_portal_client_get_auth (pd_session_get_client (data)) != NULL;
}

/* A change through the outbox: it is persisted before it is sent. */
static void
mutate (PdSession *session)
{
  Wait wait = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(PdPortalResponse) response = NULL;

  pd_outbox_submit_async (pd_session_get_outbox (session), "POST", "/api/v1/notifications/read-all",
                          NULL, NULL, "Mark every notification as read", PD_OUTBOX_FLAG_NONE,
                          NULL, on_done, &wait);
  pd_session_test_wait_for (wait_done, &wait, "the outbox");
  response = pd_outbox_submit_finish (pd_session_get_outbox (session), wait.result, &error);
  g_object_unref (wait.result);
  g_assert_no_error (error);
}

static void
use_session (PdAccountInfo *account,
             gboolean       oauth)
{
  g_autoptr(PdSession) session = pd_session_new (account, NULL);

  pd_session_test_start (session);
  pd_session_test_wait_for (has_auth, session, "the credentials");
  if (oauth)
    {
      g_autofree char *refresh = pd_session_test_lookup_secret (pd_account_info_get_id (account),
                                                                PD_CREDENTIAL_REFRESH_TOKEN);
      g_autofree char *access = current_token (session);

      remember_secret (refresh);
      remember_secret (access);
    }
  pd_session_test_wait_state (session, PD_SYNC_STATE_UP_TO_DATE);
  pd_session_test_wait_me (session);
  mutate (session);
  pd_session_test_sign_out (session);

  /* Signed out: the keyring holds nothing of the account any more. */
  for (PdCredentialKind kind = PD_CREDENTIAL_REFRESH_TOKEN; kind <= PD_CREDENTIAL_API_KEY; kind++)
    {
      g_autofree char *left = pd_session_test_lookup_secret (pd_account_info_get_id (account), kind);

      g_assert_null (left);
    }
}

static void
test_api_key (void)
{
  g_autoptr(PdTestPortal) portal = pd_test_portal_start ((const char *[]) { "--seed", "20", NULL });
  g_autoptr(PdAccountRegistry) registry = pd_account_registry_new (NULL);
  g_autoptr(PdAccountInfo) account = NULL;
  const char *key = pd_test_portal_get_key (portal, "owner");

  if (!pd_session_test_keyring_ready ())
    return;
  remember_secret (key);
  account = pd_session_test_sign_in_key (registry, pd_test_portal_get_url (portal), key);
  use_session (account, FALSE);
}

static void
test_oauth (void)
{
  g_autoptr(PdTestPortal) portal = pd_test_portal_start ((const char *[]) { "--seed", "20", NULL });
  g_autoptr(PdAccountRegistry) registry = pd_account_registry_new (NULL);
  g_autoptr(PdAccountInfo) account = NULL;
  PdTestBrowser browser = { .action = PD_TEST_BROWSER_SIGN_IN, .email = "support@northwind-it.example" };
  Wait wait = { 0 };
  g_autoptr(GError) error = NULL;

  if (!pd_session_test_keyring_ready ())
    return;
  pd_sign_in_oauth_async (registry, pd_test_portal_get_url (portal), NULL,
                          pd_test_browser_open, &browser, NULL, on_done, &wait);
  pd_session_test_wait_for (wait_done, &wait, "the browser sign-in");
  account = pd_sign_in_oauth_finish (wait.result, &error);
  g_object_unref (wait.result);
  g_assert_no_error (error);
  g_assert_null (browser.failure);
  pd_test_browser_finish (&browser);

  use_session (account, TRUE);
}

static void
scan (const char *path,
      guint      *n_files)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        continue;
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        {
          scan (child, n_files);
          continue;
        }
      g_assert_true (g_file_get_contents (child, &contents, &length, NULL));
      (*n_files)++;
      for (guint i = 0; i < secrets->len; i++)
        if (memmem (contents, length, secrets->pdata[i], strlen (secrets->pdata[i])) != NULL)
          g_error ("secret %u of %u found in %s", i + 1, secrets->len, child);
    }
}

static void
test_scan (void)
{
  g_autofree char *cache = g_build_filename (home, "cache", "partner-desk", NULL);
  g_autofree char *accounts = g_build_filename (home, "config", "partner-desk", "accounts.ini", NULL);
  guint n_files = 0;

  if (!pd_session_test_keyring_ready ())
    return;
  /* Both runs wrote: a cache per account, and the registry. */
  g_assert_cmpuint (secrets->len, ==, 3);
  g_assert_true (g_file_test (cache, G_FILE_TEST_IS_DIR));
  g_assert_true (g_file_test (accounts, G_FILE_TEST_IS_REGULAR));
  scan (home, &n_files);
  g_assert_cmpuint (n_files, >=, 3);
  for (guint i = 0; i < secrets->len; i++)
    if (strstr (log_text->str, secrets->pdata[i]) != NULL)
      g_error ("secret %u of %u found in the log", i + 1, secrets->len);
  g_test_message ("%u files and %" G_GSIZE_FORMAT " bytes of log searched for %u secrets",
                  n_files, log_text->len, secrets->len);
}

int
main (int   argc,
      char *argv[])
{
  int status;
  const char *dirs[][2] = {
    { "XDG_CONFIG_HOME", "config" }, { "XDG_CACHE_HOME", "cache" },
    { "XDG_DATA_HOME", "data" }, { "XDG_STATE_HOME", "state" },
  };

  /* Before GLib reads and caches them */
  home = g_dir_make_tmp ("pd-secret-scan-XXXXXX", NULL);
  g_setenv ("HOME", home, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *dir = g_build_filename (home, dirs[i][1], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (dirs[i][0], dir, TRUE);
    }
  secrets = g_ptr_array_new_with_free_func (g_free);
  log_text = g_string_new (NULL);
  g_log_set_writer_func (capture_writer, NULL, NULL);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/secret-scan/api-key", test_api_key);
  g_test_add_func ("/secret-scan/oauth", test_oauth);
  g_test_add_func ("/secret-scan/scan", test_scan);
  status = g_test_run ();

  pd_session_test_remove_tree (home);
  g_free (home);
  g_ptr_array_unref (secrets);
  g_string_free (log_text, TRUE);
  return status;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "pd-session-test.h"

#include <glib/gstdio.h>

#include "pd-sign-in.h"

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
  g_main_context_wakeup (NULL);
}

static gboolean
wait_done (gpointer data)
{
  return ((Wait *) data)->done;
}

static gboolean
on_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
pd_session_test_wait_for (gboolean   (*check) (gpointer data),
                          gpointer     data,
                          const char  *what)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (PD_SESSION_TEST_TIMEOUT_MS, on_timeout, &timed_out);

  while (!check (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("gave up waiting for %s", what);
  g_source_remove (id);
}

gboolean
pd_session_test_keyring_ready (void)
{
  if (g_getenv ("PD_TEST_SESSION") == NULL)
    {
      g_test_skip ("needs the keyring of build-aux/test-session");
      return FALSE;
    }
  return TRUE;
}

void
pd_session_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        pd_session_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

PdAccountInfo *
pd_session_test_sign_in_key (PdAccountRegistry *registry,
                             const char        *base_url,
                             const char        *key)
{
  Wait wait = { 0 };
  g_autoptr(GError) error = NULL;
  PdAccountInfo *account;

  pd_sign_in_api_key_async (registry, base_url, NULL, key, NULL, on_done, &wait);
  pd_session_test_wait_for (wait_done, &wait, "the API-key sign-in");
  account = pd_sign_in_api_key_finish (wait.result, &error);
  g_object_unref (wait.result);
  g_assert_no_error (error);
  return account;
}

void
pd_session_test_start (PdSession *session)
{
  Wait wait = { 0 };
  g_autoptr(GError) error = NULL;

  pd_session_start_async (session, NULL, on_done, &wait);
  pd_session_test_wait_for (wait_done, &wait, "the session to start");
  pd_session_start_finish (session, wait.result, &error);
  g_object_unref (wait.result);
  g_assert_no_error (error);
}

void
pd_session_test_sign_out (PdSession *session)
{
  Wait wait = { 0 };
  g_autoptr(GError) error = NULL;

  pd_session_sign_out_async (session, NULL, on_done, &wait);
  pd_session_test_wait_for (wait_done, &wait, "the sign-out");
  pd_session_sign_out_finish (session, wait.result, &error);
  g_object_unref (wait.result);
  g_assert_no_error (error);
}

void
pd_session_test_remove (PdSession *session)
{
  Wait wait = { 0 };
  g_autoptr(GError) error = NULL;

  pd_session_remove_async (session, NULL, on_done, &wait);
  pd_session_test_wait_for (wait_done, &wait, "the removal");
  pd_session_remove_finish (session, wait.result, &error);
  g_object_unref (wait.result);
  g_assert_no_error (error);
}

typedef struct
{
  PdSession   *session;
  PdSyncState  state;
} StateWait;

static gboolean
state_reached (gpointer data)
{
  StateWait *wait = data;
  PdSyncEngine *sync = pd_session_get_sync_engine (wait->session);

  return sync != NULL && pd_sync_engine_get_state (sync) == wait->state;
}

void
pd_session_test_wait_state (PdSession   *session,
                            PdSyncState  state)
{
  StateWait wait = { session, state };

  pd_session_test_wait_for (state_reached, &wait, "a sync state");
}

typedef struct
{
  GListModel *model;
  guint       n_items;
} ItemsWait;

static gboolean
items_reached (gpointer data)
{
  ItemsWait *wait = data;

  return g_list_model_get_n_items (wait->model) >= wait->n_items;
}

void
pd_session_test_wait_items (GListModel *model,
                            guint       n_items)
{
  ItemsWait wait = { model, n_items };

  pd_session_test_wait_for (items_reached, &wait, "list items");
}

static gboolean
has_me (gpointer data)
{
  return pd_session_get_me (data) != NULL;
}

void
pd_session_test_wait_me (PdSession *session)
{
  pd_session_test_wait_for (has_me, session, "/me");
}

static gboolean
has_auth_error (gpointer data)
{
  return pd_session_get_auth_error (data) != NULL;
}

void
pd_session_test_wait_auth_error (PdSession *session)
{
  pd_session_test_wait_for (has_auth_error, session, "an auth error");
}

char *
pd_session_test_lookup_secret (const char       *account_id,
                               PdCredentialKind  kind)
{
  Wait wait = { 0 };
  g_autoptr(GError) error = NULL;
  char *secret;

  pd_credentials_lookup_async (account_id, kind, NULL, on_done, &wait);
  pd_session_test_wait_for (wait_done, &wait, "the keyring");
  secret = pd_credentials_lookup_finish (wait.result, &error);
  g_object_unref (wait.result);
  g_assert_no_error (error);
  return secret;
}

void
pd_session_test_clear_secret (const char *account_id)
{
  Wait wait = { 0 };
  g_autoptr(GError) error = NULL;

  pd_credentials_clear_async (account_id, NULL, on_done, &wait);
  pd_session_test_wait_for (wait_done, &wait, "the keyring");
  pd_credentials_clear_finish (wait.result, &error);
  g_object_unref (wait.result);
  g_assert_no_error (error);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* PdSession against the reference portal: a sync fills the models; a restart with the portal
 * gone paints from the cache and says offline; accounts come lazily and are cached;
 * sign-out clears the keyring; removal deletes the cache and forgets the account. */

#include "config.h"

#include <glib/gstdio.h>

#include "pd-credentials.h"
#include "pd-models.h"
#include "pd-session.h"
#include "pd-sign-in.h"
#include "pd-test-portal.h"
#include "pd-session-test.h"

typedef struct
{
  char              *dir;
  char              *cache_dir;
  char              *database;
  PdAccountRegistry *registry;
  PdTestPortal      *portal;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *registry_path = NULL;

  f->dir = g_dir_make_tmp ("pd-session-XXXXXX", NULL);
  f->cache_dir = g_build_filename (f->dir, "cache", NULL);
  f->database = g_build_filename (f->dir, "portal.sqlite", NULL);
  registry_path = g_build_filename (f->dir, "accounts.ini", NULL);
  f->registry = pd_account_registry_new (registry_path);
  f->portal = pd_test_portal_start_with_db (f->database, (const char *[]) { "--seed", "50", NULL });
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->portal, pd_test_portal_stop);
  g_clear_object (&f->registry);
  pd_session_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->cache_dir);
  g_free (f->database);
}

static PdSession *
open_session (Fixture       *f,
              PdAccountInfo *account)
{
  g_autoptr(PdSession) session = pd_session_new (account, f->cache_dir);

  pd_session_set_registry (session, f->registry);
  pd_session_set_refresh_interval (session, 0);
  pd_session_test_start (session);
  return g_steal_pointer (&session);
}

static void
test_sync_and_offline (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(PdAccountInfo) account = NULL;
  g_autoptr(PdSession) session = NULL;
  g_autofree char *cache_path = NULL;
  guint n_users, n_roles, n_groups;

  if (!pd_session_test_keyring_ready ())
    return;

  account = pd_session_test_sign_in_key (f->registry, pd_test_portal_get_url (f->portal),
                                         pd_test_portal_get_key (f->portal, "owner"));
  session = open_session (f, account);

  /* A new cache: nothing to paint, then the sync fills every list. */
  pd_session_test_wait_state (session, PD_SYNC_STATE_UP_TO_DATE);
  g_assert_cmpuint (g_list_model_get_n_items (pd_session_get_organizations (session)), ==, 50);
  n_users = g_list_model_get_n_items (pd_session_get_users (session));
  n_roles = g_list_model_get_n_items (pd_session_get_roles (session));
  n_groups = g_list_model_get_n_items (pd_session_get_groups (session));
  g_assert_cmpuint (n_users, >, 0);
  g_assert_cmpuint (n_roles, >, 0);
  g_assert_cmpuint (n_groups, >, 0);
  pd_session_test_wait_items (pd_session_get_notification_settings (session), 1);
  pd_session_test_wait_me (session);
  g_assert_cmpstr (pd_me_get_user_id (pd_session_get_me (session)), ==, pd_account_info_get_user_id (account));
  g_assert_true (pd_session_has_permission (session, "users.write"));
  g_assert_false (pd_session_has_permission (session, "no.such.permission"));
  g_assert_null (pd_session_get_cache_message (session));
  g_assert_null (pd_session_get_auth_error (session));

  cache_path = pd_session_build_cache_path (account, f->cache_dir);
  g_assert_true (g_file_test (cache_path, G_FILE_TEST_IS_REGULAR));
  pd_session_stop (session);
  g_clear_object (&session);

  /* The portal goes away; the next start paints from the cache before any network. */
  g_clear_pointer (&f->portal, pd_test_portal_kill);
  session = open_session (f, account);
  g_assert_cmpuint (g_list_model_get_n_items (pd_session_get_organizations (session)), ==, 50);
  g_assert_cmpuint (g_list_model_get_n_items (pd_session_get_users (session)), ==, n_users);
  g_assert_cmpuint (g_list_model_get_n_items (pd_session_get_roles (session)), ==, n_roles);
  g_assert_cmpuint (g_list_model_get_n_items (pd_session_get_groups (session)), ==, n_groups);
  g_assert_cmpuint (g_list_model_get_n_items (pd_session_get_notification_settings (session)), >, 0);
  g_assert_nonnull (pd_session_get_me (session));
  g_assert_true (pd_session_has_permission (session, "users.write"));
  pd_session_test_wait_state (session, PD_SYNC_STATE_OFFLINE);
  g_assert_nonnull (pd_sync_engine_get_offline_since (pd_session_get_sync_engine (session)));
  g_assert_cmpuint (g_list_model_get_n_items (pd_session_get_organizations (session)), ==, 50);
  pd_session_stop (session);
}

/* The first organization with a service, and that service */
static gboolean
find_service (PdSession   *session,
              const char **organization_id,
              const char **service_id)
{
  GListModel *organizations = pd_session_get_organizations (session);

  for (guint i = 0; i < g_list_model_get_n_items (organizations); i++)
    {
      g_autoptr(PdOrganization) organization = g_list_model_get_item (organizations, i);
      GListModel *services = G_LIST_MODEL (pd_organization_get_services (organization));
      g_autoptr(PdService) service = NULL;

      if (services == NULL || g_list_model_get_n_items (services) == 0)
        continue;
      service = g_list_model_get_item (services, 0);
      *organization_id = pd_resource_get_id (PD_RESOURCE (organization));
      *service_id = pd_resource_get_id (PD_RESOURCE (service));
      return TRUE;
    }
  return FALSE;
}

static void
test_accounts_lazily (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(PdAccountInfo) account = NULL;
  g_autoptr(PdSession) session = NULL;
  g_autofree char *organization_id = NULL;
  g_autofree char *service_id = NULL;
  const char *o = NULL, *s = NULL;
  PdResourceList *accounts;
  guint n;

  if (!pd_session_test_keyring_ready ())
    return;

  account = pd_session_test_sign_in_key (f->registry, pd_test_portal_get_url (f->portal),
                                         pd_test_portal_get_key (f->portal, "owner"));
  session = open_session (f, account);
  pd_session_test_wait_state (session, PD_SYNC_STATE_UP_TO_DATE);
  g_assert_true (find_service (session, &o, &s));
  organization_id = g_strdup (o);
  service_id = g_strdup (s);

  /* Nothing fetched until asked; one shared list per service. */
  accounts = pd_session_get_accounts (session, organization_id, service_id);
  g_assert_true (pd_session_get_accounts (session, organization_id, service_id) == accounts);
  pd_session_test_wait_items (G_LIST_MODEL (accounts), 1);
  n = g_list_model_get_n_items (G_LIST_MODEL (accounts));
  pd_session_stop (session);
  g_clear_object (&session);

  /* Cached: they come back with the portal gone. */
  g_clear_pointer (&f->portal, pd_test_portal_kill);
  session = open_session (f, account);
  accounts = pd_session_get_accounts (session, organization_id, service_id);
  pd_session_test_wait_items (G_LIST_MODEL (accounts), n);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (accounts)), ==, n);
  pd_session_stop (session);
}

static void
test_sign_out_and_remove (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(PdAccountInfo) account = NULL;
  g_autoptr(PdSession) session = NULL;
  g_autofree char *cache_path = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *id = NULL;

  if (!pd_session_test_keyring_ready ())
    return;

  account = pd_session_test_sign_in_key (f->registry, pd_test_portal_get_url (f->portal),
                                         pd_test_portal_get_key (f->portal, "owner"));
  id = g_strdup (pd_account_info_get_id (account));
  cache_path = pd_session_build_cache_path (account, f->cache_dir);
  session = open_session (f, account);
  pd_session_test_wait_state (session, PD_SYNC_STATE_UP_TO_DATE);
  secret = pd_session_test_lookup_secret (id, PD_CREDENTIAL_API_KEY);
  g_assert_cmpstr (secret, ==, pd_test_portal_get_key (f->portal, "owner"));
  g_clear_pointer (&secret, g_free);

  /* Sign-out: the keyring item goes, the account leaves the registry, the cache stays. */
  pd_session_test_sign_out (session);
  secret = pd_session_test_lookup_secret (id, PD_CREDENTIAL_API_KEY);
  g_assert_null (secret);
  g_assert_null (pd_account_registry_lookup (f->registry, id));
  g_assert_true (g_file_test (cache_path, G_FILE_TEST_IS_REGULAR));
  g_clear_object (&session);
  g_clear_object (&account);

  /* Signing in again reuses the cache; removing deletes it and forgets the account. */
  account = pd_session_test_sign_in_key (f->registry, pd_test_portal_get_url (f->portal),
                                         pd_test_portal_get_key (f->portal, "owner"));
  g_assert_cmpstr (pd_account_info_get_id (account), ==, id);
  session = open_session (f, account);
  g_assert_cmpuint (g_list_model_get_n_items (pd_session_get_organizations (session)), ==, 50);
  pd_session_test_remove (session);
  g_assert_false (g_file_test (cache_path, G_FILE_TEST_EXISTS));
  g_assert_null (pd_account_registry_lookup (f->registry, id));
  secret = pd_session_test_lookup_secret (id, PD_CREDENTIAL_API_KEY);
  g_assert_null (secret);
}

/* No secret in the keyring (signed out elsewhere): the models still paint, and the session
 * says to sign in again. */
static void
test_missing_secret (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(PdAccountInfo) account = NULL;
  g_autoptr(PdSession) session = NULL;

  if (!pd_session_test_keyring_ready ())
    return;

  account = pd_session_test_sign_in_key (f->registry, pd_test_portal_get_url (f->portal),
                                         pd_test_portal_get_key (f->portal, "owner"));
  pd_session_test_clear_secret (pd_account_info_get_id (account));
  session = open_session (f, account);
  pd_session_test_wait_auth_error (session);
  g_assert_nonnull (pd_session_get_auth_error (session));
  pd_session_stop (session);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/session/sync-and-offline", Fixture, NULL, fixture_set_up, test_sync_and_offline, fixture_tear_down);
  g_test_add ("/session/accounts-lazily", Fixture, NULL, fixture_set_up, test_accounts_lazily, fixture_tear_down);
  g_test_add ("/session/sign-out-and-remove", Fixture, NULL, fixture_set_up, test_sign_out_and_remove, fixture_tear_down);
  g_test_add ("/session/missing-secret", Fixture, NULL, fixture_set_up, test_missing_secret, fixture_tear_down);

  return g_test_run ();
}

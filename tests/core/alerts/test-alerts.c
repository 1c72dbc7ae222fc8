/* SPDX-License-Identifier: GPL-3.0-or-later */
/* src/core/alerts against the reference portal: the first sync of an account raises
 * nothing, a new backup failure or credential error is raised once (not again at the next
 * sync, nor after a restart of the session on the same cache), many at once come in one
 * signal, and an invitation to a client's admin about to expire is raised once. */

#include "config.h"

#include "pd-alert-tracker.h"
#include "pd-alerts-test.h"
#include "pd-session-test.h"
#include "pd-test-portal.h"

typedef struct
{
  char              *dir;
  char              *database;
  PdAccountRegistry *registry;
  PdTestPortal      *portal;
  PdAccountInfo     *account;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *registry_path = NULL;

  f->dir = g_dir_make_tmp ("pd-alerts-XXXXXX", NULL);
  registry_path = g_build_filename (f->dir, "accounts.ini", NULL);
  f->database = g_build_filename (f->dir, "portal.db", NULL);
  f->registry = pd_account_registry_new (registry_path);
  f->portal = pd_test_portal_start_with_db (f->database, (const char *[]) { "--seed", "30", NULL });
  if (pd_session_test_keyring_ready ())
    f->account = pd_session_test_sign_in_key (f->registry, pd_test_portal_get_url (f->portal),
                                              pd_test_portal_get_key (f->portal, "owner"));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->account);
  g_clear_pointer (&f->portal, pd_test_portal_stop);
  g_clear_object (&f->registry);
  pd_session_test_remove_tree (f->dir);
  g_free (f->database);
  g_free (f->dir);
}

typedef struct
{
  PdSession      *session;
  PdAlertTracker *tracker;
  GPtrArray      *raised;   /* one GPtrArray of keys per "raised" */
  guint           evaluated;
} Watch;

static void
evaluated_cb (PdAlertTracker *tracker,
              Watch          *watch)
{
  watch->evaluated++;
}

static void
raised_cb (PdAlertTracker *tracker,
           GPtrArray      *alerts,
           Watch          *watch)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpuint (alerts->len, >, 0);
  for (guint i = 0; i < alerts->len; i++)
    {
      PdAlert *alert = g_ptr_array_index (alerts, i);

      g_assert_nonnull (alert->organization_name);
      g_ptr_array_add (keys, g_strdup (alert->key));
    }
  g_ptr_array_add (watch->raised, keys);
}

typedef struct
{
  Watch *watch;
  guint  before;
} Evaluation;

static gboolean
evaluated_since (gpointer data)
{
  Evaluation *evaluation = data;

  return evaluation->watch->evaluated > evaluation->before;
}

/* A sync, and the tracker's evaluation of it (which reads pending invitations first) */
static void
sync_and_evaluate (Watch *watch)
{
  Evaluation evaluation = { watch, watch->evaluated };

  pd_alerts_test_sync (watch->session);
  pd_session_test_wait_for (evaluated_since, &evaluation, "the tracker's evaluation");
}

static gboolean
evaluated_once (gpointer data)
{
  return ((Watch *) data)->evaluated > 0;
}

/* A session on the account's cache with a tracker, after its first evaluation and one
 * more sync: the events already there are never new. FALSE (skipped) without a keyring. */
static gboolean
watch_open (Fixture *f,
            Watch   *watch)
{
  g_autofree char *cache_dir = g_build_filename (f->dir, "cache", NULL);

  if (f->account == NULL)
    {
      g_test_skip ("No test keyring");
      return FALSE;
    }
  watch->session = pd_session_new (f->account, cache_dir);
  pd_session_set_registry (watch->session, f->registry);
  pd_session_set_refresh_interval (watch->session, 0);
  pd_session_test_start (watch->session);
  watch->tracker = pd_alert_tracker_new (watch->session);
  watch->raised = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_signal_connect (watch->tracker, "raised", G_CALLBACK (raised_cb), watch);
  g_signal_connect (watch->tracker, "evaluated", G_CALLBACK (evaluated_cb), watch);
  pd_session_test_wait_state (watch->session, PD_SYNC_STATE_UP_TO_DATE);
  /* The evaluation of the sync that started the session */
  pd_session_test_wait_for (evaluated_once, watch, "the tracker's first evaluation");
  sync_and_evaluate (watch);
  g_assert_cmpuint (watch->raised->len, ==, 0);
  return TRUE;
}

static void
watch_close (Watch *watch)
{
  g_clear_object (&watch->tracker);
  pd_session_stop (watch->session);
  g_clear_object (&watch->session);
  g_clear_pointer (&watch->raised, g_ptr_array_unref);
}

static GPtrArray *
last_raised (Watch *watch)
{
  g_assert_cmpuint (watch->raised->len, >, 0);
  return g_ptr_array_index (watch->raised, watch->raised->len - 1);
}

static gboolean
has_key_prefix (GPtrArray  *keys,
                const char *prefix)
{
  for (guint i = 0; i < keys->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (keys, i), prefix))
      return TRUE;
  return FALSE;
}

static void
test_raised_once (Fixture       *f,
                  gconstpointer  data)
{
  Watch watch = { 0 };
  g_auto(GStrv) failed = NULL;
  g_autofree char *expected = NULL;
  GPtrArray *keys;

  /* The seed has failures, credential errors and lost consent: none is new. */
  if (!watch_open (f, &watch))
    return;

  failed = pd_alerts_test_fail_backups (f->database, 1);
  sync_and_evaluate (&watch);
  keys = last_raised (&watch);
  g_assert_cmpuint (watch.raised->len, ==, 1);
  g_assert_cmpuint (keys->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (keys, 0), "backup-failed:svc_"));

  /* The same failure at the next sync is not new. */
  sync_and_evaluate (&watch);
  sync_and_evaluate (&watch);
  g_assert_cmpuint (watch.raised->len, ==, 1);

  pd_alerts_test_break_credentials (f->database, failed[0]);
  sync_and_evaluate (&watch);
  keys = last_raised (&watch);
  g_assert_cmpuint (watch.raised->len, ==, 2);
  g_assert_cmpuint (keys->len, ==, 1);
  expected = g_strconcat ("credentials:", failed[0], NULL);
  g_assert_cmpstr (g_ptr_array_index (keys, 0), ==, expected);
  watch_close (&watch);

  /* A restart on the same cache remembers what was raised. */
  g_assert_true (watch_open (f, &watch));
  watch_close (&watch);
}

static void
test_many_at_once (Fixture       *f,
                   gconstpointer  data)
{
  Watch watch = { 0 };
  g_auto(GStrv) failed = NULL;
  GPtrArray *keys;

  if (!watch_open (f, &watch))
    return;
  failed = pd_alerts_test_fail_backups (f->database, 5);
  sync_and_evaluate (&watch);
  keys = last_raised (&watch);
  g_assert_cmpuint (watch.raised->len, ==, 1);
  g_assert_cmpuint (keys->len, ==, 5);
  g_assert_true (has_key_prefix (keys, "backup-failed:"));
  watch_close (&watch);
}

static void
test_invitation_expiring (Fixture       *f,
                          gconstpointer  data)
{
  Watch watch = { 0 };
  g_autofree char *organization = NULL;
  g_autofree char *expected = NULL;
  GPtrArray *keys;

  if (!watch_open (f, &watch))
    return;

  organization = pd_alerts_test_expire_invitation (f->database);
  sync_and_evaluate (&watch);
  g_assert_cmpuint (watch.raised->len, ==, 1);
  keys = last_raised (&watch);
  g_assert_cmpuint (keys->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (keys, 0), "invite-expiring:svc_"));

  sync_and_evaluate (&watch);
  g_assert_cmpuint (watch.raised->len, ==, 1);
  watch_close (&watch);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/alerts/raised-once", Fixture, NULL, fixture_set_up, test_raised_once, fixture_tear_down);
  g_test_add ("/alerts/many-at-once", Fixture, NULL, fixture_set_up, test_many_at_once, fixture_tear_down);
  g_test_add ("/alerts/invitation-expiring", Fixture, NULL, fixture_set_up, test_invitation_expiring, fixture_tear_down);

  return g_test_run ();
}

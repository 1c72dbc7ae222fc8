/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Exactly once across crashes: for each step of a delivery, an app (outbox-crash-helper)
 * submits one mutation and is killed at that step; the next run resumes; the portal must
 * then show the change made exactly once and the outbox must be empty. */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>

#include "outbox-test-util.h"
#include "pd-test-portal.h"

static PdTestPortal *portal;
static PdPortalClient *client;
static char *directory;
static const char *steps[] = { "persisted", "sent", "confirmed" };

static char *
helper_path (void)
{
  return g_test_build_filename (G_TEST_BUILT, "outbox-crash-helper", NULL);
}

/* Runs the helper; returns its stdout. @crash_at: expect it to die by SIGKILL there. */
static char *
run_helper (const char         *database,
            const char         *crash_at,
            const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  g_ptr_array_add (argv, helper_path ());
  g_ptr_array_add (argv, g_strdup (database));
  g_ptr_array_add (argv, g_strdup (pd_test_portal_get_url (portal)));
  g_ptr_array_add (argv, g_strdup (pd_test_portal_get_key (portal, "owner")));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);
  if (crash_at != NULL)
    g_subprocess_launcher_setenv (launcher, "PD_OUTBOX_CRASH_AT", crash_at, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "PD_OUTBOX_CRASH_AT");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  if (crash_at != NULL)
    {
      g_assert_true (g_subprocess_get_if_signaled (process));
      g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);
    }
  else
    {
      g_assert_true (g_subprocess_get_if_exited (process));
      g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
    }
  return out;
}

static char *
new_database (const char *name)
{
  return g_strdup_printf ("%s/%s.db", directory, name);
}

/* Crash at @step, resume, and check the outbox is empty. */
static void
crash_and_resume (const char         *database,
                  const char         *step,
                  const char * const *submit)
{
  g_autofree char *crashed = run_helper (database, step, submit);
  g_autofree char *resumed = NULL;

  /* The mutation was written before anything was sent, whatever the step. */
  g_assert_cmpuint (ot_count_rows (database), ==, 1);
  resumed = run_helper (database, NULL, (const char *[]) { "resume", NULL });
  g_assert_cmpstr (resumed, ==, "remaining 0\n");
  g_assert_cmpuint (ot_count_rows (database), ==, 0);
}

static char *
create_group (const char  *name,
              char       **etag)
{
  g_autofree char *body = g_strdup_printf ("{\"name\": \"%s\"}", name);
  g_autoptr(GError) error = NULL;
  g_autoptr(PdPortalResponse) response = ot_request (client, "POST", "/api/v1/groups", body, NULL, &error);
  JsonObject *group;

  g_assert_no_error (error);
  group = json_node_get_object (pd_portal_response_get_root (response));
  *etag = g_strdup (json_object_get_string_member (group, "etag"));
  return g_strdup (json_object_get_string_member (group, "id"));
}

static void
test_crash_create (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autofree char *name = g_strdup_printf ("Crash create %s %u", steps[i], g_random_int ());
      g_autofree char *body = g_strdup_printf ("{\"name\": \"%s\", \"description\": null}", name);
      g_autofree char *database = new_database (name);

      g_test_message ("crash at %s", steps[i]);
      crash_and_resume (database, steps[i],
                        (const char *[]) { "submit", "POST", "/api/v1/groups", body, "-", NULL });
      g_assert_cmpuint (ot_count_named (client, "/api/v1/groups", name), ==, 1);
    }
}

static void
test_crash_rename (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autofree char *name = g_strdup_printf ("Crash rename %s %u", steps[i], g_random_int ());
      g_autofree char *renamed = g_strconcat (name, " (renamed)", NULL);
      g_autofree char *body = g_strdup_printf ("{\"name\": \"%s\"}", renamed);
      g_autofree char *database = new_database (name);
      g_autofree char *etag = NULL;
      g_autofree char *id = create_group (name, &etag);
      g_autofree char *path = g_strconcat ("/api/v1/groups/", id, NULL);

      g_test_message ("crash at %s", steps[i]);
      crash_and_resume (database, steps[i],
                        (const char *[]) { "submit", "PATCH", path, body, etag, NULL });
      /* Applied once: renamed, one audit entry, and no 412 from the version it made itself. */
      g_assert_cmpuint (ot_count_named (client, "/api/v1/groups", renamed), ==, 1);
      g_assert_cmpuint (ot_count_audit (client, "group.update", id), ==, 1);
    }
}

static void
test_crash_delete (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autofree char *name = g_strdup_printf ("Crash delete %s %u", steps[i], g_random_int ());
      g_autofree char *database = new_database (name);
      g_autofree char *etag = NULL;
      g_autofree char *id = create_group (name, &etag);
      g_autofree char *path = g_strconcat ("/api/v1/groups/", id, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(PdPortalResponse) response = NULL;

      g_test_message ("crash at %s", steps[i]);
      crash_and_resume (database, steps[i],
                        (const char *[]) { "submit", "DELETE", path, "-", etag, NULL });
      response = ot_request (client, "GET", path, NULL, NULL, &error);
      g_assert_error (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_NOT_FOUND);
      g_assert_cmpuint (ot_count_audit (client, "group.delete", id), ==, 1);
    }
}

/* The run that resumes dies too, after its replayed answer came in. */
static void
test_crash_twice (void)
{
  g_autofree char *name = g_strdup_printf ("Crash twice %u", g_random_int ());
  g_autofree char *body = g_strdup_printf ("{\"name\": \"%s\"}", name);
  g_autofree char *database = new_database (name);
  g_autofree char *first = run_helper (database, "sent",
                                       (const char *[]) { "submit", "POST", "/api/v1/groups", body, "-", NULL });
  g_autofree char *second = run_helper (database, "confirmed", (const char *[]) { "resume", NULL });
  g_autofree char *third = run_helper (database, NULL, (const char *[]) { "resume", NULL });

  g_assert_cmpstr (third, ==, "remaining 0\n");
  g_assert_cmpuint (ot_count_rows (database), ==, 0);
  g_assert_cmpuint (ot_count_named (client, "/api/v1/groups", name), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  portal = pd_test_portal_start ((const char *[]) { "--seed", "50", NULL });
  client = ot_client_new (pd_test_portal_get_url (portal), pd_test_portal_get_key (portal, "owner"));
  directory = g_dir_make_tmp ("pd-outbox-crash-XXXXXX", NULL);
  g_assert_nonnull (directory);

  g_test_add_func ("/outbox/crash/create", test_crash_create);
  g_test_add_func ("/outbox/crash/rename", test_crash_rename);
  g_test_add_func ("/outbox/crash/delete", test_crash_delete);
  g_test_add_func ("/outbox/crash/twice", test_crash_twice);
  status = g_test_run ();

  g_clear_object (&client);
  pd_test_portal_stop (portal);
  /* The databases stay in the temporary directory when a test failed, for a look. */
  if (status == 0)
    {
      g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
      const char *file;

      while (dir != NULL && (file = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (directory, file, NULL);
          g_unlink (path);
        }
      g_rmdir (directory);
    }
  g_free (directory);
  return status;
}

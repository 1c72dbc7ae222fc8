/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The demo mode's portal child: it starts, hands over the owner's key without a file, is
 * reused across runs, dies on stop and with a crashed parent, and a missing or failing
 * binary is a clear error. */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <signal.h>

#include "pd-demo-portal.h"
#include "pd-test-portal.h"

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} Result;

static void
started_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Result *r = user_data;

  r->ok = pd_demo_portal_start_finish (PD_DEMO_PORTAL (source), result, &r->error);
  r->done = TRUE;
}

static gboolean
start (PdDemoPortal  *portal,
       GError       **error)
{
  Result r = { 0 };

  pd_demo_portal_start_async (portal, NULL, started_cb, &r);
  pd_test_wait_until (&r.done, 90000);
  if (r.error != NULL)
    g_propagate_error (error, r.error);
  return r.ok;
}

/* Gone: no such process, or a zombie nobody reaped yet (a grandchild of ours). */
static gboolean
process_gone (GPid pid)
{
  g_autofree char *stat_path = g_strdup_printf ("/proc/%d/stat", pid);
  g_autofree char *stat = NULL;
  const char *end;

  if (kill (pid, 0) < 0 && errno == ESRCH)
    return TRUE;
  if (!g_file_get_contents (stat_path, &stat, NULL, NULL))
    return TRUE;
  end = strrchr (stat, ')');
  return end != NULL && end[1] == ' ' && (end[2] == 'Z' || end[2] == 'X');
}

static gboolean
tick_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_gone (GPid pid)
{
  /* Bounded by the test's own timeout: the main loop must run for GLib to reap the child. */
  while (!process_gone (pid))
    {
      gboolean ticked = FALSE;

      g_timeout_add (20, tick_cb, &ticked);
      pd_test_wait_until (&ticked, 1000);
    }
}

static guint
get_status (const char *url,
            const char *key)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *uri = g_strconcat (url, "/api/v1/me", NULL);
  g_autoptr(SoupMessage) message = soup_message_new ("GET", uri);
  g_autofree char *authorization = g_strconcat ("Bearer ", key, NULL);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization", authorization);
  body = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  return soup_message_get_status (message);
}

static void
test_start_stop (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pd-demo-XXXXXX", NULL);
  g_autofree char *database = g_build_filename (dir, "nested", "demo-portal.sqlite", NULL);
  g_autoptr(PdDemoPortal) portal = pd_demo_portal_new (database);
  g_autoptr(GError) error = NULL;
  g_autofree char *first_key = NULL;
  g_autofree char *listing = NULL;
  GPid pid;

  g_assert_true (start (portal, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (pd_demo_portal_get_url (portal), "http://127.0.0.1:"));
  g_assert_nonnull (pd_demo_portal_get_owner_key (portal));
  g_assert_cmpuint (get_status (pd_demo_portal_get_url (portal), pd_demo_portal_get_owner_key (portal)), ==, 200);
  first_key = g_strdup (pd_demo_portal_get_owner_key (portal));
  g_assert_true (g_file_test (database, G_FILE_TEST_IS_REGULAR));

  /* Starting again while it runs is a no-op */
  pid = pd_demo_portal_get_pid (portal);
  g_assert_cmpint (pid, >, 0);
  g_assert_true (start (portal, &error));
  g_assert_cmpint (pd_demo_portal_get_pid (portal), ==, pid);

  pd_demo_portal_stop (portal);
  g_assert_null (pd_demo_portal_get_url (portal));
  g_assert_null (pd_demo_portal_get_owner_key (portal));
  g_assert_cmpint (pd_demo_portal_get_pid (portal), ==, 0);
  wait_gone (pid);

  /* Its database is reused: the same demo keys. */
  g_assert_true (start (portal, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pd_demo_portal_get_owner_key (portal), ==, first_key);
  pid = pd_demo_portal_get_pid (portal);

  /* Dropping the object stops the child too. */
  g_clear_object (&portal);
  wait_gone (pid);

  /* No key in any file next to the database: only the SQLite files. */
  {
    g_autofree char *nested = g_path_get_dirname (database);
    g_autoptr(GDir) d = g_dir_open (nested, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (nested, name, NULL);
        g_autofree char *contents = NULL;
        gsize length;

        g_assert_true (g_str_has_prefix (name, "demo-portal.sqlite"));
        g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
        g_assert_null (g_strstr_len (contents, length, first_key));
        g_unlink (path);
      }
    g_rmdir (nested);
    g_rmdir (dir);
  }
}

static void
test_missing_binary (void)
{
  g_autoptr(PdDemoPortal) portal = pd_demo_portal_new ("/nonexistent/demo.sqlite");
  g_autoptr(GError) error = NULL;

  pd_demo_portal_set_binary (portal, "/nonexistent/bin/partner-desk-portal");
  g_assert_false (start (portal, &error));
  g_assert_error (error, PD_DEMO_PORTAL_ERROR, PD_DEMO_PORTAL_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "/nonexistent/bin/partner-desk-portal"));
  g_assert_null (pd_demo_portal_get_url (portal));
}

static void
test_failing_child (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pd-demo-XXXXXX", NULL);
  g_autofree char *database = g_build_filename (dir, "demo.sqlite", NULL);
  g_autofree char *script = g_build_filename (dir, "broken-portal", NULL);
  g_autoptr(PdDemoPortal) portal = pd_demo_portal_new (database);
  g_autoptr(GError) error = NULL;

  /* Exits before the ready line, saying why on stderr. */
  g_assert_true (g_file_set_contents (script, "#!/bin/sh\necho 'partner-desk-portal: database is locked' >&2\nexit 1\n", -1, NULL));
  g_assert_cmpint (g_chmod (script, 0700), ==, 0);
  pd_demo_portal_set_binary (portal, script);
  g_assert_false (start (portal, &error));
  g_assert_error (error, PD_DEMO_PORTAL_ERROR, PD_DEMO_PORTAL_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "database is locked"));
  g_clear_error (&error);

  /* Ready, but says something else than where it listens. */
  g_assert_true (g_file_set_contents (script, "#!/bin/sh\necho 'hello'\nexec sleep 30\n", -1, NULL));
  g_assert_cmpint (g_chmod (script, 0700), ==, 0);
  g_assert_false (start (portal, &error));
  g_assert_error (error, PD_DEMO_PORTAL_ERROR, PD_DEMO_PORTAL_ERROR_FAILED);

  g_unlink (script);
  g_rmdir (dir);
}

/* The child is killed when the application dies without stopping it (a crash). */
static void
test_dies_with_parent (void)
{
  if (g_test_subprocess ())
    {
      const char *dir = g_getenv ("PD_TEST_DEMO_DIR");
      g_autofree char *database = g_build_filename (dir, "demo.sqlite", NULL);
      g_autofree char *pid_path = g_build_filename (dir, "pid", NULL);
      g_autofree char *pid_text = NULL;
      PdDemoPortal *portal = pd_demo_portal_new (database);
      g_autoptr(GError) error = NULL;

      g_assert_true (start (portal, &error));
      pid_text = g_strdup_printf ("%d", pd_demo_portal_get_pid (portal));
      g_assert_true (g_file_set_contents (pid_path, pid_text, -1, NULL));
      /* No stop, no unref: as if it crashed. */
      _exit (0);
    }
  else
    {
      g_autofree char *dir = g_dir_make_tmp ("pd-demo-XXXXXX", NULL);
      g_autofree char *pid_path = g_build_filename (dir, "pid", NULL);
      g_autofree char *pid_text = NULL;
      const char *suffixes[] = { "", "-wal", "-shm" };
      GPid pid;

      g_setenv ("PD_TEST_DEMO_DIR", dir, TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      g_assert_true (g_file_get_contents (pid_path, &pid_text, NULL, NULL));
      pid = (GPid) g_ascii_strtoll (pid_text, NULL, 10);
      g_assert_cmpint (pid, >, 0);
      wait_gone (pid);

      g_unlink (pid_path);
      for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
        {
          g_autofree char *path = g_strconcat (dir, "/demo.sqlite", suffixes[i], NULL);

          g_unlink (path);
        }
      g_rmdir (dir);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo-portal/start-stop", test_start_stop);
  g_test_add_func ("/demo-portal/missing-binary", test_missing_binary);
  g_test_add_func ("/demo-portal/failing-child", test_failing_child);
  g_test_add_func ("/demo-portal/dies-with-parent", test_dies_with_parent);

  return g_test_run ();
}

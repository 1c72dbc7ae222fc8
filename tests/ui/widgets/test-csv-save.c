/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Saving CSV: the atomic write the file chooser ends in. The chooser itself
 * (pd_csv_save_async) needs a user or the portal and is not driven here. */
#include "config.h"

#include <glib/gstdio.h>

#include "pd-csv-save.h"
#include "pd-csv.h"
#include "pd-ui-test.h"

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} Result;

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Result *r = user_data;

  r->ok = pd_csv_save_to_file_finish (result, &r->error);
  r->done = TRUE;
}

static gboolean
is_done (gpointer data)
{
  return ((Result *) data)->done;
}

static gboolean
save (GFile   *file,
      GBytes  *contents,
      GError **error)
{
  Result r = { 0 };

  pd_csv_save_to_file_async (file, contents, NULL, saved_cb, &r);
  /* Asynchronous: nothing is done before the main loop runs */
  g_assert_false (r.done);
  pd_ui_test_wait_for (is_done, &r, "the CSV to be written");
  if (r.error != NULL)
    g_propagate_error (error, r.error);
  return r.ok;
}

static GBytes *
build (const char *name)
{
  const char *header[] = { "Organization", "Seats", NULL };
  g_autoptr(PdCsvWriter) writer = pd_csv_writer_new (header);

  pd_csv_writer_add_row (writer, (const char *[]) { name, "12" });
  return pd_csv_writer_free_to_bytes (g_steal_pointer (&writer));
}

static void
test_write_and_replace (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pd-csv-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "clients.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) first = build ("Café, \"Müller\" & Söhne");
  g_autoptr(GBytes) second = build ("Acme");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GDir) listing = NULL;
  gsize length;

  g_assert_true (save (file, first, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  g_assert_cmpstr (text, ==, "Organization,Seats\r\n\"Café, \"\"Müller\"\" & Söhne\",12\r\n");
  g_clear_pointer (&text, g_free);

  /* Saving again replaces the file, and leaves no temporary file beside it */
  g_assert_true (save (file, second, &error));
  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  g_assert_cmpstr (text, ==, "Organization,Seats\r\nAcme,12\r\n");
  listing = g_dir_open (dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "clients.csv");
  g_assert_null (g_dir_read_name (listing));

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_impossible_path (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent-pd-folder/sub/clients.csv");
  g_autoptr(GBytes) contents = build ("Acme");
  g_autoptr(GError) error = NULL;

  g_assert_false (save (file, contents, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  /* Says which file and why, in words a technician can act on */
  g_assert_true (g_str_has_prefix (error->message, "Could not save “/nonexistent-pd-folder/sub/clients.csv”: "));
  g_test_message ("%s", error->message);
}

static void
test_cancelled (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pd-csv-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "clients.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) contents = build ("Acme");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Result r = { 0 };

  g_cancellable_cancel (cancellable);
  pd_csv_save_to_file_async (file, contents, cancellable, saved_cb, &r);
  pd_ui_test_wait_for (is_done, &r, "the cancelled write to finish");
  g_assert_false (r.ok);
  g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&r.error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int argc, char **argv)
{
  pd_ui_test_init (&argc, &argv);

  g_test_add_func ("/widgets/csv-save/write-and-replace", test_write_and_replace);
  g_test_add_func ("/widgets/csv-save/impossible-path", test_impossible_path);
  g_test_add_func ("/widgets/csv-save/cancelled", test_cancelled);

  return g_test_run ();
}

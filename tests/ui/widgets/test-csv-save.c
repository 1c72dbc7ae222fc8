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
  g_assert_cmpstr (error->message, ==, "Could not save “/nonexistent-pd-folder/sub/clients.csv”: the folder does not exist");
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

typedef struct
{
  gboolean  done;
  GFile    *file;
  GError   *error;
} ChooserResult;

static void
chooser_saved_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ChooserResult *r = user_data;

  r->file = pd_csv_save_finish (result, &r->error);
  r->done = TRUE;
}

static gboolean
chooser_done (gpointer data)
{
  return ((ChooserResult *) data)->done;
}

static gboolean
chooser_in_folder (gpointer path)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (pd_ui_test_find_file_chooser ()));

  return file != NULL && g_strcmp0 (g_file_peek_path (file), path) == 0;
}

/* The whole path a user takes, where the session has no file chooser portal: the chooser
 * opens with the suggested name; accepting writes there; dismissing is G_IO_ERROR_CANCELLED;
 * cancelling the export closes the chooser. With a portal (Flatpak) the dialog is the
 * portal's and this cannot be driven. */
static void
test_chooser (void)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autofree char *path = g_build_filename (documents != NULL ? documents : g_get_home_dir (),
                                            "clients-2026.csv", NULL);
  g_autoptr(GBytes) contents = build ("Acme");
  GtkWidget *label = gtk_label_new ("page");
  GtkWindow *window;
  ChooserResult r = { 0 };
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  GtkWidget *chooser;

  /* Accepting writes into the user's folder: only in the throw-away home of test-session */
  if (!g_str_has_prefix (g_get_home_dir (), g_get_tmp_dir ()))
    {
      g_test_skip ("not in a throw-away home (run inside build-aux/test-session)");
      return;
    }
  window = pd_ui_test_window_new (label, 300, 200);
  pd_csv_save_async (label, "clients-2026.csv", contents, NULL, chooser_saved_cb, &r);
  pd_ui_test_wait_for (pd_ui_test_file_chooser_shown, NULL, "the file chooser");
  chooser = pd_ui_test_find_file_chooser ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (chooser)) == window);
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (name, ==, "clients-2026.csv");
  /* The chooser settles on its folder asynchronously */
  pd_ui_test_wait_for (chooser_in_folder, path, "the chooser to be in the user's folder");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  pd_ui_test_wait_for (chooser_done, &r, "the export to be written");
  g_assert_no_error (r.error);
  g_assert_nonnull (r.file);
  g_assert_cmpstr (g_file_peek_path (r.file), ==, path);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, "Organization,Seats\r\nAcme,12\r\n");
  g_clear_object (&r.file);

  /* Dismissed */
  r = (ChooserResult) { 0 };
  pd_csv_save_async (label, "again.csv", contents, NULL, chooser_saved_cb, &r);
  pd_ui_test_wait_for (pd_ui_test_file_chooser_shown, NULL, "the file chooser");
  gtk_dialog_response (GTK_DIALOG (pd_ui_test_find_file_chooser ()), GTK_RESPONSE_CANCEL);
  pd_ui_test_wait_for (chooser_done, &r, "the export to be dismissed");
  g_assert_null (r.file);
  g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&r.error);

  /* The page gives up while the chooser is open */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();

    r = (ChooserResult) { 0 };
    pd_csv_save_async (label, "again.csv", contents, cancellable, chooser_saved_cb, &r);
    pd_ui_test_wait_for (pd_ui_test_file_chooser_shown, NULL, "the file chooser");
    g_cancellable_cancel (cancellable);
    pd_ui_test_wait_for (chooser_done, &r, "the export to be cancelled");
    g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&r.error);
    pd_ui_test_wait_frames (3);
    g_assert_null (pd_ui_test_find_file_chooser ());
  }

  pd_ui_test_window_destroy (window);
  g_assert_cmpint (g_unlink (path), ==, 0);
}

int
main (int argc, char **argv)
{
  pd_ui_test_init (&argc, &argv);

  g_test_add_func ("/widgets/csv-save/write-and-replace", test_write_and_replace);
  g_test_add_func ("/widgets/csv-save/impossible-path", test_impossible_path);
  g_test_add_func ("/widgets/csv-save/cancelled", test_cancelled);
  g_test_add_func ("/widgets/csv-save/chooser", test_chooser);

  return g_test_run ();
}

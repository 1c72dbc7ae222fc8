/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-csv-save.h"

/* The chooser half (pd_csv_save_async) cannot run headless — it needs a user, or the file
 * chooser portal — so it stays a thin wrapper around pd_csv_save_to_file_async, which the
 * tests drive. */

/* GIO's message repeats the path; the common causes get words of their own */
static const char *
describe (const GError *error)
{
  if (error->domain == G_IO_ERROR)
    switch (error->code)
      {
      case G_IO_ERROR_NOT_FOUND:
        return _("the folder does not exist");
      case G_IO_ERROR_PERMISSION_DENIED:
        return _("you may not write in that folder");
      case G_IO_ERROR_NO_SPACE:
        return _("the disk is full");
      case G_IO_ERROR_READ_ONLY:
        return _("the disk is read-only");
      case G_IO_ERROR_IS_DIRECTORY:
        return _("a folder has that name");
      default:
        break;
      }
  return error->message;
}

static void
replace_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GFile *file = G_FILE (source);
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (file, result, NULL, &error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        /* Translators: the first %s is a file path, the second why it failed */
        g_task_return_new_error (task, error->domain, error->code,
                                 _("Could not save “%s”: %s"), name, describe (error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
pd_csv_save_to_file_async (GFile               *file,
                           GBytes              *contents,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (contents != NULL);

  task = g_task_new (file, cancellable, callback, user_data);
  g_task_set_source_tag (task, pd_csv_save_to_file_async);
  /* Written beside the target and renamed over it: a reader never sees half a file, and a
   * failed write leaves any earlier export as it was. */
  g_file_replace_contents_bytes_async (file, contents, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       cancellable, replace_cb, task);
}

gboolean
pd_csv_save_to_file_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pd_csv_save_to_file_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  GBytes *contents;
  GFile  *file;
#if !GTK_CHECK_VERSION (4, 10, 0)
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;
  gulong                cancelled_id;
#endif
} SaveData;

static void
save_data_free (SaveData *data)
{
#if !GTK_CHECK_VERSION (4, 10, 0)
  g_clear_signal_handler (&data->cancelled_id, data->cancellable);
  g_clear_object (&data->cancellable);
#endif
  g_bytes_unref (data->contents);
  g_clear_object (&data->file);
#if !GTK_CHECK_VERSION (4, 10, 0)
  if (data->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (data->chooser));
  g_clear_object (&data->chooser);
#endif
  g_free (data);
}

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SaveData *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (!pd_csv_save_to_file_finish (result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_object_ref (data->file), g_object_unref);
}

/* Where exports go unless the user goes elsewhere: Documents when the user has one, else
 * home (the chooser's own default would be the process's working directory) */
static GFile *
dup_initial_folder (void)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  return g_file_new_for_path (documents != NULL ? documents : g_get_home_dir ());
}

/* Takes @task; @file NULL: the user cancelled */
static void
chosen (GTask *task,
        GFile *file)
{
  SaveData *data = g_task_get_task_data (task);

#if !GTK_CHECK_VERSION (4, 10, 0)
  /* Answered: a later cancel is the write's business, not the chooser's */
  g_clear_signal_handler (&data->cancelled_id, data->cancellable);
#endif
  if (file == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Export cancelled"));
      g_object_unref (task);
      return;
    }
  data->file = g_object_ref (file);
  pd_csv_save_to_file_async (file, data->contents, g_task_get_cancellable (task), written_cb, task);
}

#if GTK_CHECK_VERSION (4, 10, 0)
/* GtkFileDialog is newer than the floor, whose *_MAX_ALLOWED would refuse it. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
dialog_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, &error);

  /* Dismissed is the user's "no"; anything else is an error to show */
  if (file == NULL && !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  chosen (task, file);
}

static void
run_chooser (GTask      *task,
             GtkWindow  *window,
             const char *suggested_name)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GFile) folder = dup_initial_folder ();
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  g_list_store_append (filters, filter);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_title (dialog, _("Export to CSV"));
  gtk_file_dialog_set_initial_name (dialog, suggested_name);
  gtk_file_dialog_set_initial_folder (dialog, folder);
  gtk_file_dialog_save (dialog, window, g_task_get_cancellable (task), dialog_cb, task);
}
G_GNUC_END_IGNORE_DEPRECATIONS
#else
static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  chosen (user_data, file);
}

/* The owner gave up (its page went away): close the chooser instead of writing later */
static void
chooser_cancelled_cb (GCancellable *cancellable,
                      gpointer      user_data)
{
  GTask *task = user_data;
  SaveData *data = g_task_get_task_data (task);

  gtk_native_dialog_hide (GTK_NATIVE_DIALOG (data->chooser));
  chosen (task, NULL);
}

static void
run_chooser (GTask      *task,
             GtkWindow  *window,
             const char *suggested_name)
{
  SaveData *data = g_task_get_task_data (task);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GFile) folder = dup_initial_folder ();

  data->chooser = gtk_file_chooser_native_new (_("Export to CSV"), window, GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (data->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (data->chooser), filter);
  /* A folder that does not exist leaves the chooser's default: nothing to report */
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (data->chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (data->chooser), suggested_name);
  g_signal_connect (data->chooser, "response", G_CALLBACK (chooser_response_cb), task);
  /* Cancelled from the main thread, like everything of a page; a plain handler, since
   * g_cancellable_disconnect() from inside the handler would deadlock. */
  if (g_task_get_cancellable (task) != NULL)
    {
      data->cancellable = g_object_ref (g_task_get_cancellable (task));
      data->cancelled_id = g_signal_connect (data->cancellable, "cancelled",
                                             G_CALLBACK (chooser_cancelled_cb), task);
    }
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (data->chooser));
}
#endif

void
pd_csv_save_async (GtkWidget           *parent,
                   const char          *suggested_name,
                   GBytes              *contents,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  GTask *task;
  SaveData *data;
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (suggested_name != NULL);
  g_return_if_fail (contents != NULL);

  task = g_task_new (parent, cancellable, callback, user_data);
  g_task_set_source_tag (task, pd_csv_save_async);
  data = g_new0 (SaveData, 1);
  data->contents = g_bytes_ref (contents);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }
  root = gtk_widget_get_root (parent);
  run_chooser (task, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, suggested_name);
}

GFile *
pd_csv_save_finish (GAsyncResult  *result,
                    GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pd_csv_save_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

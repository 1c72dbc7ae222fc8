/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-csv-save.h"
#include "pd-report-export.h"

/* The rows come from the portal as JSON and the CSV is written here, so that everything the
 * app exports goes through one CSV writer (the portal's text/csv would do as well). */

typedef struct {
  GtkWidget *parent;
  GFile     *file;    /* NULL until the chooser said where */
  guint      n_rows;
} Export;

static void
export_free (gpointer data)
{
  Export *export = data;

  g_clear_object (&export->parent);
  g_clear_object (&export->file);
  g_free (export);
}

static void
chooser_saved_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Export *export = g_task_get_task_data (task);
  GError *error = NULL;

  export->file = pd_csv_save_finish (result, &error);
  if (export->file == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_object_ref (export->file), g_object_unref);
}

static void
file_saved_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Export *export = g_task_get_task_data (task);
  GError *error = NULL;

  if (!pd_csv_save_to_file_finish (result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_object_ref (export->file), g_object_unref);
}

static void
fetched_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Export *export = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(PdReport) report = pd_report_fetch_finish (PD_SESSION (source), result, &error);
  g_autoptr(GBytes) csv = NULL;
  g_autofree char *name = NULL;

  if (report == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  export->n_rows = pd_report_get_n_rows (report);
  csv = pd_report_build_csv (report);
  if (export->file != NULL)
    {
      pd_csv_save_to_file_async (export->file, csv, g_task_get_cancellable (task), file_saved_cb,
                                 g_object_ref (task));
      return;
    }
  name = pd_report_build_file_name (report);
  pd_csv_save_async (export->parent, name, csv, g_task_get_cancellable (task), chooser_saved_cb, g_object_ref (task));
}

void
pd_report_export_async (GtkWidget           *parent,
                        PdSession           *session,
                        PdReportKind         kind,
                        PdDashboardPeriod    period,
                        GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Export *export;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (PD_IS_SESSION (session));
  g_return_if_fail (kind < PD_REPORT_N_KINDS);
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  task = g_task_new (parent, cancellable, callback, user_data);
  g_task_set_source_tag (task, pd_report_export_async);
  export = g_new0 (Export, 1);
  export->parent = g_object_ref (parent);
  export->file = file != NULL ? g_object_ref (file) : NULL;
  g_task_set_task_data (task, export, export_free);
  pd_report_fetch_async (session, kind, period, cancellable, fetched_cb, g_steal_pointer (&task));
}

GFile *
pd_report_export_finish (GAsyncResult  *result,
                         guint         *n_rows,
                         GError       **error)
{
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pd_report_export_async, NULL);

  if (n_rows != NULL)
    *n_rows = ((Export *) g_task_get_task_data (G_TASK (result)))->n_rows;
  return g_task_propagate_pointer (G_TASK (result), error);
}

#define EXPORTING_KEY "pd-report-exporting"

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GtkWidget *parent = GTK_WIDGET (source);
  g_autoptr(GError) error = NULL;
  guint n_rows = 0;
  g_autoptr(GFile) file = pd_report_export_finish (result, &n_rows, &error);
  g_autofree char *basename = NULL;
  g_autofree char *toast = NULL;

  g_object_set_data (G_OBJECT (parent), EXPORTING_KEY, NULL);
  if (file == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_widget_activate_action (parent, "win.show-error", "(ss)", _("Cannot export the report"), error->message);
      return;
    }
  basename = g_file_get_basename (file);
  /* Translators: a toast after an export; %u is a number of rows, %s a file name */
  toast = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u row to “%s”", "Exported %u rows to “%s”",
                                        n_rows), n_rows, basename);
  gtk_widget_activate_action (parent, "win.show-toast", "s", toast);
}

void
pd_report_export_with_chooser (GtkWidget         *parent,
                               PdSession         *session,
                               const char        *key,
                               PdDashboardPeriod  period,
                               GCancellable      *cancellable)
{
  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (key != NULL);

  if (g_object_get_data (G_OBJECT (parent), EXPORTING_KEY) != NULL)
    return;
  for (PdReportKind kind = 0; kind < PD_REPORT_N_KINDS; kind++)
    if (g_str_equal (key, pd_report_kind_to_key (kind)))
      {
        g_object_set_data (G_OBJECT (parent), EXPORTING_KEY, GINT_TO_POINTER (TRUE));
        pd_report_export_async (parent, session, kind, period, NULL, cancellable, exported_cb, NULL);
      }
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-csv-save.h"
#include "pd-overview-page-private.h"

/* The export menu: every row of a report for the period shown, as the app's own CSV (RFC
 * 4180, header row), saved where the user says. The portal could send CSV itself; building
 * it here keeps one CSV writer for everything the app exports. */

typedef struct {
  GFile  *file;       /* NULL: ask with the file chooser */
  GBytes *contents;
  char   *name;
  guint   n_rows;
} Export;

static void
export_free (gpointer data)
{
  Export *export = data;

  g_clear_object (&export->file);
  g_clear_pointer (&export->contents, g_bytes_unref);
  g_free (export->name);
  g_free (export);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Export *export = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (export->file != NULL)
    pd_csv_save_to_file_finish (result, &error);
  else
    export->file = pd_csv_save_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
report_fetched_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PdOverviewPage *self = g_task_get_source_object (task);
  Export *export = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(PdReport) report = pd_report_fetch_finish (PD_SESSION (source), result, &error);
  GCancellable *cancellable;

  if (report == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  export->contents = pd_report_build_csv (report);
  export->name = pd_report_build_file_name (report);
  export->n_rows = pd_report_get_n_rows (report);
  cancellable = g_task_get_cancellable (task);
  if (export->file != NULL)
    pd_csv_save_to_file_async (export->file, export->contents, cancellable, saved_cb, g_steal_pointer (&task));
  else
    pd_csv_save_async (GTK_WIDGET (self), export->name, export->contents, cancellable, saved_cb,
                       g_steal_pointer (&task));
}

/* @file NULL: the file chooser */
static void
export_async (PdOverviewPage      *self,
              PdReportKind         kind,
              GFile               *file,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  Export *export = g_new0 (Export, 1);

  g_task_set_source_tag (task, pd_overview_page_export_to_file_async);
  export->file = file != NULL ? g_object_ref (file) : NULL;
  g_task_set_task_data (task, export, export_free);
  pd_report_fetch_async (self->session, kind, self->period, cancellable, report_fetched_cb, g_steal_pointer (&task));
}

void
pd_overview_page_export_to_file_async (PdOverviewPage      *self,
                                       PdReportKind         kind,
                                       GFile               *file,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (PD_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (kind < PD_REPORT_N_KINDS);
  g_return_if_fail (G_IS_FILE (file));

  export_async (self, kind, file, cancellable, callback, user_data);
}

gboolean
pd_overview_page_export_to_file_finish (PdOverviewPage  *self,
                                        GAsyncResult    *result,
                                        GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  PdOverviewPage *self = PD_OVERVIEW_PAGE (source);
  Export *export = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *toast = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_widget_activate_action (GTK_WIDGET (self), "win.show-error", "(ss)",
                                    _("Cannot export the report"), error->message);
      self->exporting = FALSE;
      return;
    }
  self->exporting = FALSE;
  basename = export->file != NULL ? g_file_get_basename (export->file) : g_strdup (export->name);
  /* Translators: a toast after an export; %u is a number of rows, %s a file name */
  toast = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u row to “%s”", "Exported %u rows to “%s”",
                                        export->n_rows), export->n_rows, basename);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", toast);
}

void
pd_overview_page_export (PdOverviewPage *self,
                         PdReportKind    kind)
{
  /* One at a time: a second click while the rows come would ask twice where to save. */
  if (self->exporting)
    return;
  self->exporting = TRUE;
  export_async (self, kind, NULL, self->cancellable, exported_cb, NULL);
}

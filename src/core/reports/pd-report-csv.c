/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pd-csv.h"
#include "pd-report.h"

/* The header row is the portal's column titles (what its own CSV uses), and each cell the
 * text the JSON row held; a null cell is an empty field. Unlike the portal's CSV, a text cell
 * starting with = + - @ is written as it is (see pd-csv.h): the file is the data, and a
 * spreadsheet's formula guard is the spreadsheet's business. */
GBytes *
pd_report_build_csv (PdReport *self)
{
  g_autoptr(GPtrArray) header = NULL;
  g_autofree const char **fields = NULL;
  PdCsvWriter *writer;
  guint n_columns;

  g_return_val_if_fail (PD_IS_REPORT (self), NULL);

  n_columns = pd_report_get_n_columns (self);
  header = g_ptr_array_new ();
  for (guint c = 0; c < n_columns; c++)
    g_ptr_array_add (header, (gpointer) pd_report_get_column_title (self, c));
  g_ptr_array_add (header, NULL);
  writer = pd_csv_writer_new ((const char * const *) header->pdata);

  fields = g_new0 (const char *, MAX (n_columns, 1));
  for (guint r = 0; r < pd_report_get_n_rows (self); r++)
    {
      for (guint c = 0; c < n_columns; c++)
        fields[c] = pd_report_get_cell (self, r, c);
      pd_csv_writer_add_row (writer, fields);
    }
  return pd_csv_writer_free_to_bytes (writer);
}

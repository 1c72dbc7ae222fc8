/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Builds CSV text as RFC 4180 describes it: a header row, CRLF after every row, fields that
 * hold a comma, a double quote, CR or LF are quoted and their quotes doubled; UTF-8 without
 * a byte order mark. GTK-free, so core code (reports) can use it too. */
typedef struct _PdCsvWriter PdCsvWriter;

/* @header: the column names, NULL-terminated; every row must have as many fields */
PdCsvWriter *pd_csv_writer_new           (const char * const *header);
/* @fields: exactly as many entries as the header has columns (no terminator needed, so a
 * NULL entry can stand for an empty field) */
void         pd_csv_writer_add_row       (PdCsvWriter        *self,
                                          const char * const *fields);
guint        pd_csv_writer_get_n_rows    (PdCsvWriter        *self);
/* Consumes @self; the text, header included */
GBytes      *pd_csv_writer_free_to_bytes (PdCsvWriter        *self);
void         pd_csv_writer_free          (PdCsvWriter        *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdCsvWriter, pd_csv_writer_free)

G_END_DECLS

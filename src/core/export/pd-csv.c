/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pd-csv.h"

/* A field that starts with = + - @ is written as it is, NOT rewritten with a leading
 * apostrophe against spreadsheet formula injection: the export is data (a negative number
 * must stay a number, an e-mail stays an e-mail) and every field comes from the partner's own
 * portal. Whoever opens it in a spreadsheet gets what the portal holds. */
struct _PdCsvWriter
{
  GString *text;
  guint    n_columns;
  guint    n_rows;
};

static gboolean
needs_quotes (const char *field)
{
  return strpbrk (field, ",\"\r\n") != NULL;
}

static void
append_field (GString    *text,
              const char *field)
{
  g_autofree char *valid = NULL;

  if (field == NULL || *field == '\0')
    return;
  /* The file is UTF-8; a stray invalid byte must not make the whole file unreadable. */
  if (!g_utf8_validate (field, -1, NULL))
    field = valid = g_utf8_make_valid (field, -1);
  if (!needs_quotes (field))
    {
      g_string_append (text, field);
      return;
    }
  g_string_append_c (text, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (text, '"');
      g_string_append_c (text, *p);
    }
  g_string_append_c (text, '"');
}

static void
append_row (GString            *text,
            const char * const *fields,
            guint               n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (text, ',');
      append_field (text, fields[i]);
    }
  g_string_append (text, "\r\n");
}

PdCsvWriter *
pd_csv_writer_new (const char * const *header)
{
  PdCsvWriter *self;

  g_return_val_if_fail (header != NULL && header[0] != NULL, NULL);

  self = g_new0 (PdCsvWriter, 1);
  self->text = g_string_sized_new (4096);
  self->n_columns = g_strv_length ((char **) header);
  append_row (self->text, header, self->n_columns);
  return self;
}

void
pd_csv_writer_add_row (PdCsvWriter        *self,
                       const char * const *fields)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (fields != NULL);

  /* The row is read by the header's width, not up to a NULL: a NULL is an empty field. */
  append_row (self->text, fields, self->n_columns);
  self->n_rows++;
}

guint
pd_csv_writer_get_n_rows (PdCsvWriter *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_rows;
}

GBytes *
pd_csv_writer_free_to_bytes (PdCsvWriter *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  GBytes *bytes = g_string_free_to_bytes (g_steal_pointer (&self->text));

  g_free (self);
  return bytes;
}

void
pd_csv_writer_free (PdCsvWriter *self)
{
  if (self == NULL)
    return;
  if (self->text != NULL)
    g_string_free (self->text, TRUE);
  g_free (self);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The CSV writer against RFC 4180. */
#include "config.h"

#include "pd-csv.h"

static const char *header[] = { "Name", "Note", NULL };

static char *
csv (const char * const *rows[],
     guint               n_rows)
{
  g_autoptr(PdCsvWriter) writer = pd_csv_writer_new (header);
  g_autoptr(GBytes) bytes = NULL;

  for (guint i = 0; i < n_rows; i++)
    pd_csv_writer_add_row (writer, rows[i]);
  g_assert_cmpuint (pd_csv_writer_get_n_rows (writer), ==, n_rows);
  bytes = pd_csv_writer_free_to_bytes (g_steal_pointer (&writer));
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
check_row (const char *a,
           const char *b,
           const char *expected_row)
{
  const char * const *rows[] = { (const char *[]) { a, b } };
  g_autofree char *text = csv (rows, 1);
  g_autofree char *expected = g_strconcat ("Name,Note\r\n", expected_row, "\r\n", NULL);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_header_only (void)
{
  g_autofree char *text = csv (NULL, 0);

  g_assert_cmpstr (text, ==, "Name,Note\r\n");
}

static void
test_quoting (void)
{
  check_row ("plain", "text", "plain,text");
  check_row ("a,b", "c", "\"a,b\",c");
  check_row ("say \"hi\"", "x", "\"say \"\"hi\"\"\",x");
  check_row ("\"", "x", "\"\"\"\",x");
  check_row ("line\nbreak", "x", "\"line\nbreak\",x");
  check_row ("carriage\rreturn", "x", "\"carriage\rreturn\",x");
  check_row ("crlf\r\ninside", "x", "\"crlf\r\ninside\",x");
  /* Empty and NULL fields are both empty, and a NULL does not end the row */
  check_row ("", "x", ",x");
  check_row (NULL, "x", ",x");
  check_row ("x", NULL, "x,");
  check_row (NULL, NULL, ",");
  /* Spaces are data, kept as they are */
  check_row (" padded ", "x", " padded ,x");
  /* UTF-8 beyond ASCII is written as it is */
  check_row ("Müller & Söhne", "東京", "Müller & Söhne,東京");
  check_row ("Zoë, Ltd", "x", "\"Zoë, Ltd\",x");
  /* A leading = + - @ is not rewritten: the export is data (see pd-csv.c) */
  check_row ("=SUM(A1)", "-5", "=SUM(A1),-5");
  check_row ("@home", "+1", "@home,+1");
}

static void
test_header_quoted (void)
{
  const char *odd[] = { "Seats, managed", "Say \"x\"", NULL };
  g_autoptr(PdCsvWriter) writer = pd_csv_writer_new (odd);
  g_autoptr(GBytes) bytes = pd_csv_writer_free_to_bytes (g_steal_pointer (&writer));

  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                   "\"Seats, managed\",\"Say \"\"x\"\"\"\r\n", 30);
}

static void
test_invalid_utf8 (void)
{
  g_autofree char *text = NULL;
  const char * const *rows[] = { (const char *[]) { "bad\xff", "x" } };

  text = csv (rows, 1);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_cmpstr (text, ==, "Name,Note\r\nbad\xef\xbf\xbd,x\r\n");
}

static void
test_many_rows (void)
{
  g_autoptr(PdCsvWriter) writer = pd_csv_writer_new (header);
  g_autoptr(GBytes) bytes = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *name = g_strdup_printf ("Client %u", i);

      pd_csv_writer_add_row (writer, (const char *[]) { name, i % 2 ? "a,b" : "" });
    }
  bytes = pd_csv_writer_free_to_bytes (g_steal_pointer (&writer));
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  lines = g_strsplit (text, "\r\n", -1);
  /* header + 1000 rows + the empty string after the last CRLF */
  g_assert_cmpuint (g_strv_length (lines), ==, 1002);
  g_assert_cmpstr (lines[1000], ==, "Client 999,\"a,b\"");
  g_assert_cmpstr (lines[1001], ==, "");
}

static void
test_free_unused (void)
{
  PdCsvWriter *writer = pd_csv_writer_new (header);

  pd_csv_writer_add_row (writer, (const char *[]) { "a", "b" });
  pd_csv_writer_free (writer);
  pd_csv_writer_free (NULL);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/csv/header-only", test_header_only);
  g_test_add_func ("/export/csv/quoting", test_quoting);
  g_test_add_func ("/export/csv/header-quoted", test_header_quoted);
  g_test_add_func ("/export/csv/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/export/csv/many-rows", test_many_rows);
  g_test_add_func ("/export/csv/free-unused", test_free_unused);

  return g_test_run ();
}

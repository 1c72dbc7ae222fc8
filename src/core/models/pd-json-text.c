/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pd-json-text.h"

/* Numbers longer than this are refused, as the tree parser does */
#define MAX_NUMBER 64

static int
hex4 (const char *p)
{
  int value = 0;

  for (int i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }
  return value;
}

/* What a byte is inside a string: 1 plain ASCII, 2 part of a multi-byte character, 0 the
 * end of a run (a quote, a backslash, or a control character, which JSON forbids raw) */
static const guint8 string_bytes[256] = {
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
  2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
  2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
  2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
};

/* Whether one of the 8 bytes of @v may end a run of plain ASCII: a quote, a backslash, a
 * control character or a byte of a multi-byte character. The lowest such byte is always
 * found; a borrow may flag bytes above it too, which only sends the caller to the exact
 * byte-by-byte loop a little early. */
static inline gboolean
may_end_run (guint64 v)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  guint64 quotes = v ^ (ones * '"');
  guint64 backslashes = v ^ (ones * '\\');

  return ((((quotes - ones) & ~quotes) | ((backslashes - ones) & ~backslashes)
           | (v - ones * 0x20) | v) & highs) != 0;
}

gboolean
pd_json_scan_string (PdJsonScan *scan,
                     gboolean   *escaped)
{
  const char *p = scan->p + 1;
  const char *end = scan->end;

  *escaped = FALSE;
  for (;;)
    {
      int code;

      /* most text is ASCII: eight bytes at a time, then byte by byte; UTF-8 is checked
       * only where it is not ASCII */
      for (guint64 v; end - p >= 8; p += 8)
        {
          memcpy (&v, p, sizeof v);
          if (may_end_run (v))
            break;
        }
      while (p < end && string_bytes[(guchar) *p] == 1)
        p++;
      if (p < end && string_bytes[(guchar) *p] == 2)
        {
          const char *run = p;

          while (p < end && string_bytes[(guchar) *p] != 0)
            p++;
          if (!g_utf8_validate_len (run, (gsize) (p - run), NULL))
            return FALSE;
        }
      if (p >= end || (guchar) *p < 0x20)
        return FALSE;
      if (*p == '"')
        {
          scan->p = p + 1;
          return TRUE;
        }
      *escaped = TRUE;
      if (++p >= end)
        return FALSE;
      switch (*p)
        {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
          break;
        case 'u':
          if (end - p < 5 || (code = hex4 (p + 1)) < 0)
            return FALSE;
          p += 4;
          if (code >= 0xD800 && code < 0xDC00)
            {
              int low;

              if (end - p < 7 || p[1] != '\\' || p[2] != 'u'
                  || (low = hex4 (p + 3)) < 0xDC00 || low > 0xDFFF)
                return FALSE;
              p += 6;
            }
          else if ((code >= 0xDC00 && code < 0xE000) || code == 0)
            return FALSE;  /* a lone low surrogate; NUL would cut C strings short */
          break;
        default:
          return FALSE;
        }
      p++;
    }
}

static gboolean
scan_number (PdJsonScan *scan)
{
  const char *start = scan->p;
  const char *p = start;
  const char *end = scan->end;

  if (p < end && *p == '-')
    p++;
  if (p < end && *p == '0')
    p++;
  else if (p < end && *p >= '1' && *p <= '9')
    while (p < end && g_ascii_isdigit (*p))
      p++;
  else
    return FALSE;
  if (p < end && *p == '.')
    {
      if (++p >= end || !g_ascii_isdigit (*p))
        return FALSE;
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }
  if (p < end && (*p == 'e' || *p == 'E'))
    {
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      if (p >= end || !g_ascii_isdigit (*p))
        return FALSE;
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }
  if (p - start >= MAX_NUMBER)
    return FALSE;
  scan->p = p;
  return TRUE;
}

static gboolean
scan_literal (PdJsonScan *scan,
              const char *word,
              gsize       length)
{
  if ((gsize) (scan->end - scan->p) < length || memcmp (scan->p, word, length) != 0)
    return FALSE;
  scan->p += length;
  return TRUE;
}

/* At '[' or '{' */
static gboolean
scan_container (PdJsonScan *scan)
{
  char close = *scan->p == '{' ? '}' : ']';
  gboolean object = close == '}';

  if (++scan->depth > PD_JSON_SCAN_MAX_DEPTH)
    return FALSE;
  scan->p++;
  pd_json_scan_space (scan);
  if (scan->p < scan->end && *scan->p == close)
    {
      scan->p++;
      scan->depth--;
      return TRUE;
    }
  for (;;)
    {
      if (object)
        {
          gboolean escaped;

          if (scan->p >= scan->end || *scan->p != '"' || !pd_json_scan_string (scan, &escaped))
            return FALSE;
          pd_json_scan_space (scan);
          if (scan->p >= scan->end || *scan->p != ':')
            return FALSE;
          scan->p++;
          pd_json_scan_space (scan);
        }
      if (!pd_json_scan_value (scan))
        return FALSE;
      pd_json_scan_space (scan);
      if (scan->p < scan->end && *scan->p == close)
        {
          scan->p++;
          scan->depth--;
          return TRUE;
        }
      if (scan->p >= scan->end || *scan->p != ',')
        return FALSE;
      scan->p++;
      pd_json_scan_space (scan);
    }
}

gboolean
pd_json_scan_value (PdJsonScan *scan)
{
  gboolean escaped;

  if (scan->p >= scan->end)
    return FALSE;
  switch (*scan->p)
    {
    case '{':
    case '[':
      return scan_container (scan);
    case '"':
      return pd_json_scan_string (scan, &escaped);
    case 't':
      return scan_literal (scan, "true", 4);
    case 'f':
      return scan_literal (scan, "false", 5);
    case 'n':
      return scan_literal (scan, "null", 4);
    default:
      return scan_number (scan);
    }
}

/* A checked number as a C string in @buffer (numbers are shorter than MAX_NUMBER) */
static const char *
number_text (const char *start,
             const char *end,
             char        buffer[MAX_NUMBER])
{
  gsize length = MIN ((gsize) (end - start), (gsize) MAX_NUMBER - 1);

  memcpy (buffer, start, length);
  buffer[length] = '\0';
  return buffer;
}

/* A checked number without fraction or exponent that fits in 64 bits, as the tree
 * parser's g_ascii_string_to_signed() reads it; FALSE for anything else */
static gboolean
number_as_int (const char *start,
               const char *end,
               gint64     *value)
{
  const char *p = start;
  gboolean negative = *p == '-';
  guint64 magnitude = 0;
  guint64 limit = negative ? (guint64) G_MAXINT64 + 1 : (guint64) G_MAXINT64;

  if (negative)
    p++;
  for (; p < end; p++)
    {
      guint digit = (guint) (*p - '0');

      if (digit > 9)
        return FALSE;  /* '.', 'e' or 'E' */
      if (magnitude > (limit - digit) / 10)
        return FALSE;
      magnitude = magnitude * 10 + digit;
    }
  *value = negative ? (gint64) (0 - magnitude) : (gint64) magnitude;
  return TRUE;
}

PdJsonKind
pd_json_text_kind (const char *start,
                   const char *end)
{
  gint64 value;

  switch (*start)
    {
    case 'n': return PD_JSON_NULL;
    case 't': case 'f': return PD_JSON_BOOL;
    case '"': return PD_JSON_STRING;
    case '[': return PD_JSON_ARRAY;
    case '{': return PD_JSON_OBJECT;
    default:
      /* past 64 bits an integer is a double, as in the tree parser */
      return number_as_int (start, end, &value) ? PD_JSON_INT : PD_JSON_DOUBLE;
    }
}

gint64
pd_json_text_get_int (const char *start,
                      const char *end)
{
  gint64 value = 0;

  if (!number_as_int (start, end, &value))
    return (gint64) pd_json_text_get_double (start, end);
  return value;
}

double
pd_json_text_get_double (const char *start,
                         const char *end)
{
  char buffer[MAX_NUMBER];
  gint64 value;

  if (number_as_int (start, end, &value))
    return (double) value;
  return g_ascii_strtod (number_text (start, end, buffer), NULL);
}

void
pd_json_text_read_string (const char *start,
                          const char *end,
                          GString    *out)
{
  const char *p = start + 1;

  end--;  /* the closing quote */
  while (p < end)
    {
      const char *run = p;
      int code;

      while (p < end && *p != '\\')
        p++;
      g_string_append_len (out, run, p - run);
      if (p >= end)
        break;
      switch (*++p)
        {
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'u':
          code = hex4 (p + 1);
          p += 4;
          if (code >= 0xD800 && code < 0xDC00)
            {
              code = 0x10000 + ((code - 0xD800) << 10) + (hex4 (p + 3) - 0xDC00);
              p += 6;
            }
          g_string_append_unichar (out, (gunichar) code);
          break;
        default:  /* " \ / */
          g_string_append_c (out, *p);
          break;
        }
      p++;
    }
}

char *
pd_json_text_dup_string (const char *start,
                         const char *end)
{
  GString *out;

  if (memchr (start + 1, '\\', (gsize) (end - start - 2)) == NULL)
    return g_strndup (start + 1, (gsize) (end - start - 2));
  out = g_string_sized_new ((gsize) (end - start));
  pd_json_text_read_string (start, end, out);
  return g_string_free (out, FALSE);
}

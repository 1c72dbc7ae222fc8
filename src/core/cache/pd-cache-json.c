/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pd-cache-json.h"

/* json-glib's parser runs GScanner and emits a signal per node: it was half of a full
 * sync's processor time. This one builds the same JsonNode tree (integers as int64, other
 * numbers as double, last duplicate member wins) straight from the text, strictly
 * (RFC 8259), with bounded nesting. */

#define MAX_DEPTH 64

typedef struct {
  const char *p;
  const char *end;
  GString    *scratch;
  guint       depth;
} Parser;

static JsonNode *parse_value (Parser *parser);

static void
skip_space (Parser *parser)
{
  while (parser->p < parser->end
         && (*parser->p == ' ' || *parser->p == '\t' || *parser->p == '\n' || *parser->p == '\r'))
    parser->p++;
}

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

/* At a '"': the string's text, decoded, in parser->scratch */
static gboolean
parse_string (Parser *parser)
{
  const char *start = ++parser->p;

  g_string_truncate (parser->scratch, 0);
  for (;;)
    {
      const char *p = start;
      int code;

      while (p < parser->end && *p != '"' && *p != '\\' && (guchar) *p >= 0x20)
        p++;
      if (p >= parser->end || (guchar) *p < 0x20)
        return FALSE;
      if (!g_utf8_validate_len (start, (gsize) (p - start), NULL))
        return FALSE;
      g_string_append_len (parser->scratch, start, p - start);
      if (*p == '"')
        {
          parser->p = p + 1;
          return TRUE;
        }
      /* an escape */
      if (++p >= parser->end)
        return FALSE;
      switch (*p)
        {
        case '"': case '\\': case '/':
          g_string_append_c (parser->scratch, *p);
          break;
        case 'b': g_string_append_c (parser->scratch, '\b'); break;
        case 'f': g_string_append_c (parser->scratch, '\f'); break;
        case 'n': g_string_append_c (parser->scratch, '\n'); break;
        case 'r': g_string_append_c (parser->scratch, '\r'); break;
        case 't': g_string_append_c (parser->scratch, '\t'); break;
        case 'u':
          if (parser->end - p < 5 || (code = hex4 (p + 1)) < 0)
            return FALSE;
          p += 4;
          if (code >= 0xD800 && code < 0xDC00)
            {
              int low;

              if (parser->end - p < 7 || p[1] != '\\' || p[2] != 'u'
                  || (low = hex4 (p + 3)) < 0xDC00 || low > 0xDFFF)
                return FALSE;
              code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
              p += 6;
            }
          else if (code >= 0xDC00 && code < 0xE000)
            return FALSE;
          if (code == 0)
            return FALSE;  /* would cut the C string short */
          g_string_append_unichar (parser->scratch, (gunichar) code);
          break;
        default:
          return FALSE;
        }
      start = p + 1;
    }
}

static JsonNode *
parse_number (Parser *parser)
{
  const char *start = parser->p;
  const char *p = start;
  gboolean integer = TRUE;
  char text[64];
  JsonNode *node;

  if (p < parser->end && *p == '-')
    p++;
  if (p < parser->end && *p == '0')
    p++;
  else if (p < parser->end && *p >= '1' && *p <= '9')
    while (p < parser->end && g_ascii_isdigit (*p))
      p++;
  else
    return NULL;
  if (p < parser->end && *p == '.')
    {
      integer = FALSE;
      if (++p >= parser->end || !g_ascii_isdigit (*p))
        return NULL;
      while (p < parser->end && g_ascii_isdigit (*p))
        p++;
    }
  if (p < parser->end && (*p == 'e' || *p == 'E'))
    {
      integer = FALSE;
      p++;
      if (p < parser->end && (*p == '+' || *p == '-'))
        p++;
      if (p >= parser->end || !g_ascii_isdigit (*p))
        return NULL;
      while (p < parser->end && g_ascii_isdigit (*p))
        p++;
    }
  if (p - start >= (gssize) sizeof text)
    return NULL;
  memcpy (text, start, (gsize) (p - start));
  text[p - start] = '\0';
  parser->p = p;

  node = json_node_alloc ();
  if (integer)
    {
      gint64 value;

      if (g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &value, NULL))
        return json_node_init_int (node, value);
    }
  return json_node_init_double (node, g_ascii_strtod (text, NULL));
}

static gboolean
literal (Parser     *parser,
         const char *word)
{
  gsize length = strlen (word);

  if ((gsize) (parser->end - parser->p) < length || memcmp (parser->p, word, length) != 0)
    return FALSE;
  parser->p += length;
  return TRUE;
}

static JsonNode *
parse_object (Parser *parser)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_init_object (json_node_alloc (), object);

  json_object_unref (object);
  parser->p++;
  skip_space (parser);
  if (parser->p < parser->end && *parser->p == '}')
    {
      parser->p++;
      return node;
    }
  for (;;)
    {
      g_autofree char *name = NULL;
      JsonNode *value;

      if (parser->p >= parser->end || *parser->p != '"' || !parse_string (parser))
        break;
      name = g_strndup (parser->scratch->str, parser->scratch->len);
      skip_space (parser);
      if (parser->p >= parser->end || *parser->p != ':')
        break;
      parser->p++;
      if ((value = parse_value (parser)) == NULL)
        break;
      json_object_set_member (object, name, value);
      skip_space (parser);
      if (parser->p < parser->end && *parser->p == '}')
        {
          parser->p++;
          return node;
        }
      if (parser->p >= parser->end || *parser->p != ',')
        break;
      parser->p++;
      skip_space (parser);
    }
  json_node_unref (node);
  return NULL;
}

static JsonNode *
parse_array (Parser *parser)
{
  JsonArray *array = json_array_new ();
  JsonNode *node = json_node_init_array (json_node_alloc (), array);

  json_array_unref (array);
  parser->p++;
  skip_space (parser);
  if (parser->p < parser->end && *parser->p == ']')
    {
      parser->p++;
      return node;
    }
  for (;;)
    {
      JsonNode *value = parse_value (parser);

      if (value == NULL)
        break;
      json_array_add_element (array, value);
      skip_space (parser);
      if (parser->p < parser->end && *parser->p == ']')
        {
          parser->p++;
          return node;
        }
      if (parser->p >= parser->end || *parser->p != ',')
        break;
      parser->p++;
    }
  json_node_unref (node);
  return NULL;
}

static JsonNode *
parse_value (Parser *parser)
{
  JsonNode *node = NULL;

  skip_space (parser);
  if (parser->p >= parser->end)
    return NULL;
  switch (*parser->p)
    {
    case '{':
    case '[':
      if (++parser->depth > MAX_DEPTH)
        return NULL;
      node = *parser->p == '{' ? parse_object (parser) : parse_array (parser);
      parser->depth--;
      return node;
    case '"':
      if (!parse_string (parser))
        return NULL;
      return json_node_init_string (json_node_alloc (), parser->scratch->str);
    case 't':
      return literal (parser, "true") ? json_node_init_boolean (json_node_alloc (), TRUE) : NULL;
    case 'f':
      return literal (parser, "false") ? json_node_init_boolean (json_node_alloc (), FALSE) : NULL;
    case 'n':
      return literal (parser, "null") ? json_node_init_null (json_node_alloc ()) : NULL;
    default:
      return parse_number (parser);
    }
}

JsonNode *
pd_cache_json_parse (const char *data,
                     gsize       length,
                     GString    *scratch)
{
  Parser parser = { data, data + length, scratch, 0 };
  JsonNode *node = parse_value (&parser);

  if (node == NULL)
    return NULL;
  skip_space (&parser);
  if (parser.p != parser.end)
    {
      json_node_unref (node);
      return NULL;
    }
  return node;
}

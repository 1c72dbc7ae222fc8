/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pd-json-decode.h"

PdJsonLookup
pd_json_lookup (JsonObject  *object,
                const char  *path,
                JsonNode   **node,
                gsize       *where_len)
{
  const char *segment = path;

  *node = NULL;
  *where_len = strlen (path);

  for (;;)
    {
      const char *dot = strchr (segment, '.');
      gsize len = dot ? (gsize) (dot - segment) : strlen (segment);
      char buffer[64];
      g_autofree char *allocated = NULL;
      const char *name;
      JsonNode *member;

      /* Paths are short: no allocation per member on the hot path of a 10,000-item sync */
      if (len < sizeof buffer)
        {
          memcpy (buffer, segment, len);
          buffer[len] = '\0';
          name = buffer;
        }
      else
        name = allocated = g_strndup (segment, len);
      member = json_object_get_member (object, name);

      if (member == NULL)
        {
          *where_len = (gsize) (segment - path) + len;
          return PD_JSON_ABSENT;
        }
      if (dot == NULL)
        {
          *node = member;
          return PD_JSON_FOUND;
        }

      *where_len = (gsize) (segment - path) + len;
      if (JSON_NODE_HOLDS_NULL (member))
        return PD_JSON_PARENT_NULL;
      if (!JSON_NODE_HOLDS_OBJECT (member))
        return PD_JSON_PARENT_TYPE;

      object = json_node_get_object (member);
      segment = dot + 1;
    }
}

gboolean
pd_json_node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

gboolean
pd_json_node_is_int (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
}

gboolean
pd_json_node_is_bool (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN;
}

gboolean
pd_json_node_is_number (JsonNode *node)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

static gboolean
digits (const char *s,
        guint       n)
{
  for (guint i = 0; i < n; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

GDateTime *
pd_json_parse_time (const char *text)
{
  const char *p = text;

  /* GLib's ISO 8601 parser takes more than RFC 3339 allows (week dates, no offset meaning
   * local time), so check the shape first and let GLib do the calendar. */
  if (strlen (text) < 20 || !digits (p, 4) || p[4] != '-' || !digits (p + 5, 2) || p[7] != '-'
      || !digits (p + 8, 2) || (p[10] != 'T' && p[10] != 't') || !digits (p + 11, 2)
      || p[13] != ':' || !digits (p + 14, 2) || p[16] != ':' || !digits (p + 17, 2))
    return NULL;
  p += 19;
  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        return NULL;
      while (g_ascii_isdigit (*p))
        p++;
    }
  if (*p == 'Z' || *p == 'z')
    p++;
  else if ((*p == '+' || *p == '-') && digits (p + 1, 2) && p[3] == ':' && digits (p + 4, 2))
    p += 6;
  else
    return NULL;
  if (*p != '\0')
    return NULL;

  return g_date_time_new_from_iso8601 (text, NULL);
}

PdJsonShape
pd_json_text_shape (const char *data,
                    gsize       length,
                    guint       max_depth)
{
  gboolean in_string = FALSE;
  gboolean closed = FALSE;
  gboolean started = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        continue;
      if (closed)
        return PD_JSON_SHAPE_TRAILING;
      if (!started)
        {
          if (c != '{')
            return PD_JSON_SHAPE_NOT_OBJECT;
          started = TRUE;
        }

      if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > max_depth)
            return PD_JSON_SHAPE_TOO_DEEP;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        closed = --depth == 0;
    }
  return started ? PD_JSON_SHAPE_OK : PD_JSON_SHAPE_EMPTY;
}

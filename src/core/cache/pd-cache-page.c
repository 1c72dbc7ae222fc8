/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "pd-cache-json.h"
#include "pd-cache-page.h"

/* Parsing a page of 500 organizations into one json-glib tree took longer than fetching it,
 * on one thread, and freeing the tree cost a sixth of that again. This scan only finds where
 * things are: each item is then parsed on its own by the decoding threads and stored as the
 * text it came as. It checks the structure it walks; what it skips (the insides of values)
 * the parsers check. */

/* json-glib recurses per level: nesting is bounded before any of it reaches the parser */
#define MAX_DEPTH 64

typedef struct {
  const char *data;
  gsize       size;
  gsize       pos;
} Scan;

static void
skip_space (Scan *s)
{
  while (s->pos < s->size)
    {
      char c = s->data[s->pos];

      if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
        return;
      s->pos++;
    }
}

static gboolean
at (Scan *s,
    char  c)
{
  return s->pos < s->size && s->data[s->pos] == c;
}

/* Where a string's skip stops: a quote or a backslash */
static const guint8 string_stops[256] = {
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

/* What a value's skip looks at: strings and brackets */
static const guint8 value_stops[256] = {
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

/* What ends a bare word (a number, true, false, null) */
static const guint8 word_stops[256] = {
  0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

/* At a '"': moves past the closing one */
static gboolean
skip_string (Scan *s)
{
  const char *data = s->data;
  gsize pos = s->pos + 1, size = s->size;

  for (;;)
    {
      while (pos < size && !string_stops[(guchar) data[pos]])
        pos++;
      if (pos >= size)
        return FALSE;
      if (data[pos] == '"')
        {
          s->pos = pos + 1;
          return TRUE;
        }
      pos += 2;  /* a backslash and what it escapes */
    }
}

/* Moves past one value: a string, a balanced object or array, or a bare word/number */
static gboolean
skip_value (Scan *s)
{
  guint depth = 0;
  gsize start = s->pos;

  if (s->pos >= s->size)
    return FALSE;
  if (at (s, '"'))
    return skip_string (s);
  if (!at (s, '{') && !at (s, '['))
    {
      while (s->pos < s->size && !word_stops[(guchar) s->data[s->pos]])
        s->pos++;
      return s->pos > start;
    }
  for (;;)
    {
      char c;

      while (s->pos < s->size && !value_stops[(guchar) s->data[s->pos]])
        s->pos++;
      if (s->pos >= s->size)
        return FALSE;
      c = s->data[s->pos];
      if (c == '"')
        {
          if (!skip_string (s))
            return FALSE;
          continue;
        }
      s->pos++;
      if (c == '{' || c == '[')
        {
          if (++depth > MAX_DEPTH)
            return FALSE;
        }
      else if (--depth == 0)
        return TRUE;
    }
}

static gboolean
scan_items (Scan   *s,
            GArray *items)
{
  g_array_set_size (items, 0);
  if (!at (s, '['))
    return FALSE;
  s->pos++;
  skip_space (s);
  if (at (s, ']'))
    {
      s->pos++;
      return TRUE;
    }
  for (;;)
    {
      PdCacheSpan span = { s->pos, 0 };

      if (!skip_value (s))
        return FALSE;
      span.length = s->pos - span.offset;
      g_array_append_val (items, span);
      skip_space (s);
      if (at (s, ']'))
        {
          s->pos++;
          return TRUE;
        }
      if (!at (s, ','))
        return FALSE;
      s->pos++;
      skip_space (s);
    }
}

static JsonNode *
parse_span (const char        *data,
            const PdCacheSpan *span)
{
  g_autoptr(GString) scratch = g_string_new (NULL);

  return pd_cache_json_parse (data + span->offset, span->length, scratch);
}

/* A string member's value, or NULL for null; FALSE when it is neither */
static gboolean
read_string (const char         *data,
             const PdCacheSpan  *span,
             gboolean            nullable,
             char              **out)
{
  g_autoptr(JsonNode) node = parse_span (data, span);

  if (node != NULL && nullable && JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;
  *out = json_node_dup_string (node);
  return TRUE;
}

/* The tombstones' ids; anything that is not {"id": "…"} is skipped, as the tree path did */
static GStrv
read_deleted (const char        *data,
              const PdCacheSpan *span)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(JsonNode) node = span->length > 0 ? parse_span (data, span) : NULL;
  JsonArray *array = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonNode *id;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      id = json_object_get_member (json_node_get_object (element), "id");
      if (id != NULL && JSON_NODE_HOLDS_VALUE (id) && json_node_get_value_type (id) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (id));
    }
  return g_strv_builder_end (builder);
}

static gboolean
key_is (Scan       *s,
        gsize       start,
        gsize       end,
        const char *name)
{
  gsize length = strlen (name);

  /* start and end enclose the quotes */
  return end - start == length + 2 && memcmp (s->data + start + 1, name, length) == 0;
}

static gboolean
scan_envelope (Scan        *s,
               PdCachePage *page)
{
  PdCacheSpan cursor = { 0, 0 }, server_time = { 0, 0 }, deleted = { 0, 0 };
  gboolean has_items = FALSE;

  skip_space (s);
  if (!at (s, '{'))
    return FALSE;
  s->pos++;
  skip_space (s);
  while (!at (s, '}'))
    {
      gsize key = s->pos;
      PdCacheSpan *value = NULL;
      gboolean items;

      if (!at (s, '"') || !skip_string (s))
        return FALSE;
      items = key_is (s, key, s->pos, "items");
      if (key_is (s, key, s->pos, "next_cursor"))
        value = &cursor;
      else if (key_is (s, key, s->pos, "server_time"))
        value = &server_time;
      else if (key_is (s, key, s->pos, "deleted"))
        value = &deleted;
      has_items |= items;
      skip_space (s);
      if (!at (s, ':'))
        return FALSE;
      s->pos++;
      skip_space (s);
      if (items && !scan_items (s, page->items))
        return FALSE;
      if (!items)
        {
          gsize start = s->pos;

          if (!skip_value (s))
            return FALSE;
          if (value != NULL)
            *value = (PdCacheSpan) { start, s->pos - start };
        }
      skip_space (s);
      if (at (s, ','))
        {
          s->pos++;
          skip_space (s);
          if (at (s, '}'))
            return FALSE;
        }
      else if (!at (s, '}'))
        return FALSE;
    }
  s->pos++;
  skip_space (s);
  if (s->pos != s->size || !has_items)
    return FALSE;

  if (!read_string (s->data, &cursor, TRUE, &page->next_cursor)
      || !read_string (s->data, &server_time, FALSE, &page->server_time))
    return FALSE;
  page->deleted = read_deleted (s->data, &deleted);
  return TRUE;
}

gboolean
pd_cache_page_scan (const char   *data,
                    gsize         size,
                    PdCachePage  *page,
                    GError      **error)
{
  Scan s = { data, size, 0 };

  memset (page, 0, sizeof *page);
  page->items = g_array_new (FALSE, FALSE, sizeof (PdCacheSpan));
  if (!scan_envelope (&s, page))
    {
      pd_cache_page_clear (page);
      /* never quotes the text: it may hold anything */
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "not a list page");
      return FALSE;
    }
  return TRUE;
}

void
pd_cache_page_clear (PdCachePage *page)
{
  g_clear_pointer (&page->items, g_array_unref);
  g_clear_pointer (&page->next_cursor, g_free);
  g_clear_pointer (&page->server_time, g_free);
  g_clear_pointer (&page->deleted, g_strfreev);
}

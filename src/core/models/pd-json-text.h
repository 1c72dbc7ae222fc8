/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Strict JSON (RFC 8259) read straight from the text, without building a tree: what the
 * sync path decodes resources with (pd-resource-text.c). The rules are those of the cache's
 * tree parser (pd-cache-json.c), which the fuzz target holds it to: strings valid UTF-8
 * without control characters, lone surrogates or \u0000; numbers by the grammar and under
 * 64 characters; at most 64 levels of arrays and objects. */

#define PD_JSON_SCAN_MAX_DEPTH 64

typedef struct {
  const char *p;
  const char *end;
  guint       depth;   /* arrays and objects open around p */
} PdJsonScan;

/* Moves past white space (inline: it runs between every two tokens) */
static inline void
pd_json_scan_space (PdJsonScan *scan)
{
  while (scan->p < scan->end
         && (*scan->p == ' ' || *scan->p == '\t' || *scan->p == '\n' || *scan->p == '\r'))
    scan->p++;
}

/* At the first character of a value: moves past it, checking all of it. FALSE when it is
 * not well-formed (p is then somewhere inside it). */
gboolean pd_json_scan_value  (PdJsonScan *scan);
/* At a '"': moves past the closing one; *escaped tells whether the string has escapes */
gboolean pd_json_scan_string (PdJsonScan *scan,
                              gboolean   *escaped);

/* Reading values already checked by a scan; @start/@end enclose exactly the value */
typedef enum {
  PD_JSON_NULL,
  PD_JSON_BOOL,
  PD_JSON_INT,      /* an integer that fits in 64 bits */
  PD_JSON_DOUBLE,   /* any other number */
  PD_JSON_STRING,
  PD_JSON_ARRAY,
  PD_JSON_OBJECT,
} PdJsonKind;

PdJsonKind pd_json_text_kind        (const char *start,
                                     const char *end);
/* A number value as an integer (INT) or a double (INT or DOUBLE, like json-glib's getters) */
gint64     pd_json_text_get_int     (const char *start,
                                     const char *end);
double     pd_json_text_get_double  (const char *start,
                                     const char *end);
/* A string value, unescaped: newly allocated, or appended to @out */
char      *pd_json_text_dup_string  (const char *start,
                                     const char *end);
void       pd_json_text_read_string (const char *start,
                                     const char *end,
                                     GString    *out);

G_END_DECLS

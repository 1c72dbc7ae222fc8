/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The JSON side of resource decoding: finding a dotted path and checking scalar shapes.
 * Messages here name only the member ("“plan.type” must be a string"); the resource
 * prefixes its name and id. */

typedef enum {
  PD_JSON_FOUND,        /* *node is the member (possibly a null node) */
  PD_JSON_ABSENT,       /* the member, or an enclosing object, is absent */
  PD_JSON_PARENT_NULL,  /* an enclosing object is null */
  PD_JSON_PARENT_TYPE,  /* an enclosing member is not an object */
} PdJsonLookup;

/* Walks @path ("plan.name") from @object. For the PARENT_* and ABSENT results,
 * *@where_len is the length of the path prefix that failed ("plan"). */
PdJsonLookup pd_json_lookup          (JsonObject  *object,
                                      const char  *path,
                                      JsonNode   **node,
                                      gsize       *where_len);

/* A string node, an integer node (not a double), a boolean node, a number node */
gboolean     pd_json_node_is_string  (JsonNode    *node);
gboolean     pd_json_node_is_int     (JsonNode    *node);
gboolean     pd_json_node_is_bool    (JsonNode    *node);
gboolean     pd_json_node_is_number  (JsonNode    *node);

/* Strict RFC 3339: YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM). NULL when malformed. */
GDateTime   *pd_json_parse_time      (const char  *text);

typedef enum {
  PD_JSON_SHAPE_OK,
  PD_JSON_SHAPE_EMPTY,        /* only white space */
  PD_JSON_SHAPE_NOT_OBJECT,   /* the text does not start with an object */
  PD_JSON_SHAPE_TRAILING,     /* something follows the object */
  PD_JSON_SHAPE_TOO_DEEP,     /* arrays and objects nest deeper than allowed */
} PdJsonShape;

/* A scan before json-glib sees resource text: its parser recurses (hostile nesting could
 * exhaust the stack) and leaks the first value when more follows it (json-glib 1.6).
 * Strings are skipped; everything else is left to the parser. */
PdJsonShape  pd_json_text_shape      (const char  *data,
                                      gsize        length,
                                      guint        max_depth);

G_END_DECLS

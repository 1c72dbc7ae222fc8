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

/* FALSE when arrays and objects nest deeper than @max_depth: the parser recurses, so
 * hostile text could otherwise exhaust the stack. Strings are skipped. */
gboolean     pd_json_text_depth_ok   (const char  *data,
                                      gsize        length,
                                      guint        max_depth);

G_END_DECLS

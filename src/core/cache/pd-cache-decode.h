/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "pd-resource.h"

G_BEGIN_DECLS

typedef struct {
  PdResource *resource;  /* NULL when the item did not decode (logged) */
  char       *text;      /* the item as JSON text */
  gsize       length;
} PdCacheDecoded;

/* Decodes every element of @items as @type, in parallel where there are processors to
 * spare; blocks until all are done. One entry per element, in order. */
PdCacheDecoded *pd_cache_decode_items (GType           type,
                                       const char     *kind,
                                       JsonArray      *items);
void            pd_cache_decoded_free (PdCacheDecoded *decoded,
                                       guint           n_items);

G_END_DECLS

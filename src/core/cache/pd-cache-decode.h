/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "pd-cache-page.h"
#include "pd-resource-kind.h"

G_BEGIN_DECLS

typedef struct {
  PdResource *resource;  /* NULL when the item did not decode */
  GError     *error;     /* then why */
} PdCacheDecoded;

/* Decodes the items at @spans of @data as @type, in parallel where there are processors
 * to spare, and makes each one's @order_key (the kind's, or NULL) on the way; blocks until
 * all are done. One entry per item, in order. @bad_json is set when one is not JSON at all.
 * The caller says what to make of an item that did not decode. */
PdCacheDecoded *pd_cache_decode_spans (GType              type,
                                       PdOrderKeyFunc     order_key,
                                       const char        *data,
                                       const PdCacheSpan *spans,
                                       guint              n_items,
                                       gboolean          *bad_json);
void            pd_cache_decoded_free (PdCacheDecoded *decoded,
                                       guint           n_items);

G_END_DECLS

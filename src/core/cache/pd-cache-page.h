/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where one element of the page's "items" lies in the body */
typedef struct {
  gsize offset;
  gsize length;
} PdCacheSpan;

/* A list page's envelope, read from its text without building a tree of it: the items stay
 * text (each is parsed on its own, in parallel, and stored as it came), the small members
 * are parsed. */
typedef struct {
  GArray *items;        /* PdCacheSpan */
  char   *next_cursor;  /* NULL on the last page */
  char   *server_time;
  GStrv   deleted;      /* ids of the tombstones; never NULL */
} PdCachePage;

/* FALSE (G_IO_ERROR_INVALID_DATA) when @data is not an object with "items" (array),
 * "next_cursor" (string or null) and "server_time" (string), or not well-formed around them.
 * The items themselves are checked when they are decoded. */
gboolean pd_cache_page_scan  (const char   *data,
                              gsize         size,
                              PdCachePage  *page,
                              GError      **error);
void     pd_cache_page_clear (PdCachePage  *page);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* One JSON value (RFC 8259, nothing after it, at most 64 levels deep, valid UTF-8 without
 * NUL) as a JsonNode tree like json-glib's parser makes; NULL when the text is not that.
 * @scratch: a buffer the caller reuses across calls. */
JsonNode *pd_cache_json_parse (const char *data,
                               gsize       length,
                               GString    *scratch);

G_END_DECLS

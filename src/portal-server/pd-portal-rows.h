/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Answering with the rows of a statement: a list page of them, or the one a path names. */
#pragma once

#include "pd-portal-db.h"
#include "pd-portal-http.h"

G_BEGIN_DECLS

/* Writes one resource, a JSON object, from the row @stmt is on. */
typedef void (*PdPortalAddRow) (PdPortalRequest *req,
                                JsonBuilder     *builder,
                                sqlite3_stmt    *stmt);

/* Answers 200 with the page envelope of @stmt's rows, each written by @add_row: @stmt's
 * first column is the rowid, and it is bound to page->limit + 1 rows (the extra one says
 * there are more). Deleted tombstones of @tombstone_kind (NULL: none). Resets @stmt and
 * clears @page. */
void     pd_portal_respond_page_of_rows (PdPortalRequest *req,
                                         PdPortalPage    *page,
                                         sqlite3_stmt    *stmt,
                                         PdPortalAddRow   add_row,
                                         const char      *tombstone_kind);

/* Steps @stmt onto its first row; when there is none, resets it, responds 404 (@what) and
 * returns FALSE. */
gboolean pd_portal_step_found           (PdPortalRequest *req,
                                         sqlite3_stmt    *stmt,
                                         const char      *what);

/* Answers @builder with @status and @etag; a 201 also gets its Location, @collection
 * ("/api/v1/groups") followed by "/" and @public_id. */
void     pd_portal_respond_resource     (PdPortalRequest *req,
                                         guint            status,
                                         JsonBuilder     *builder,
                                         const char      *etag,
                                         const char      *collection,
                                         const char      *public_id);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "pd-portal-rows.h"

void
pd_portal_respond_page_of_rows (PdPortalRequest *req,
                                PdPortalPage    *page,
                                sqlite3_stmt    *stmt,
                                PdPortalAddRow   add_row,
                                const char      *tombstone_kind)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gint64 last = 0;
  guint n = 0;
  gboolean has_more = FALSE;

  pd_portal_page_begin (page, builder);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (n++ == page->limit)
        {
          has_more = TRUE;
          break;
        }
      last = sqlite3_column_int64 (stmt, 0);
      add_row (req, builder, stmt);
    }
  sqlite3_reset (stmt);
  pd_portal_page_end (req, page, builder, has_more, last, tombstone_kind, 0, NULL);
  pd_portal_respond_builder (req, SOUP_STATUS_OK, builder, NULL);
  pd_portal_page_clear (page);
}

gboolean
pd_portal_step_found (PdPortalRequest *req,
                      sqlite3_stmt    *stmt,
                      const char      *what)
{
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return TRUE;
  sqlite3_reset (stmt);
  pd_portal_respond_not_found (req, what);
  return FALSE;
}

void
pd_portal_respond_resource (PdPortalRequest *req,
                            guint            status,
                            JsonBuilder     *builder,
                            const char      *etag,
                            const char      *collection,
                            const char      *public_id)
{
  if (status == SOUP_STATUS_CREATED)
    {
      g_autofree char *location = g_strconcat (collection, "/", public_id, NULL);

      pd_portal_set_header (req, "Location", location);
    }
  pd_portal_respond_builder (req, status, builder, etag);
}

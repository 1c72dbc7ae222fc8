/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-portal.h"

G_BEGIN_DECLS

#define PD_PORTAL_DB_ERROR (pd_portal_db_error_quark ())
GQuark pd_portal_db_error_quark (void);

/* A cached prepared statement for SQL text owned by the code (never built from input),
 * reset and with bindings cleared. Do not nest two uses of the same text. */
sqlite3_stmt *pd_portal_db_stmt        (PdPortal      *portal,
                                        const char    *sql);
gboolean      pd_portal_db_exec        (PdPortal      *portal,
                                        const char    *sql,
                                        GError       **error);
void          pd_portal_db_begin       (PdPortal      *portal);
void          pd_portal_db_commit      (PdPortal      *portal);
void          pd_portal_db_rollback    (PdPortal      *portal);

/* Steps a statement that returns no rows; a failure is a bug or a full disk, logged. */
gboolean      pd_portal_db_step_done   (PdPortal      *portal,
                                        sqlite3_stmt  *stmt);
/* The first column of the first row as an integer, or @fallback. */
gint64        pd_portal_db_scalar      (PdPortal      *portal,
                                        sqlite3_stmt  *stmt,
                                        gint64         fallback);
const char   *pd_portal_db_text        (sqlite3_stmt  *stmt,
                                        int            column);

/* Bumps version and updated_at of one row of @table; returns the new version. */
gint64        pd_portal_db_touch       (PdPortal      *portal,
                                        const char    *table,
                                        gint64         rowid);
/* Records a deletion for updated_since readers. @organization_id may be 0. */
void          pd_portal_db_tombstone   (PdPortal      *portal,
                                        gint64         partner_id,
                                        const char    *kind,
                                        const char    *public_id,
                                        gint64         organization_id,
                                        const char    *parent_id);

/* Shared table definitions (pd-portal-schema.c). */
extern const char pd_portal_schema_sql[];

G_END_DECLS

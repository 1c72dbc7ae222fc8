/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-cache.h"

G_BEGIN_DECLS

/* The schema, one entry per version: entry i brings user_version i to i + 1. Append only;
 * never edit an entry that has shipped (pd-cache-migrations.c). */
const char * const *pd_cache_migrations (guint *n_migrations);

/* Runs on the database thread: opens @path (creating it), migrates it, and moves a damaged
 * file aside. On success @db_out holds the connection and @recovery_message is set when the
 * old file had to be moved aside. */
gboolean pd_cache_open_database (const char  *path,
                                 sqlite3    **db_out,
                                 char       **recovery_message,
                                 GError     **error);

/* Executes @sql (no results) on @db; on failure sets PD_CACHE_ERROR_SQL from the connection */
gboolean pd_cache_exec (sqlite3     *db,
                        const char  *sql,
                        GError     **error);
void     pd_cache_set_error_from_db (sqlite3  *db,
                                     GError  **error);

G_END_DECLS

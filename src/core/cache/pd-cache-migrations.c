/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pd-cache-private.h"

/* Each migration runs in its own transaction together with the user_version bump, so a
 * crash leaves the file at the previous version, never half-migrated. */
static const char * const migrations[] = {
  /* 1: cached lists, their sync state, named JSON documents, the outbox */
  "CREATE TABLE resources ("
  "  kind       TEXT NOT NULL,"
  "  parent_id  TEXT NOT NULL DEFAULT '',"  /* '' for top-level lists */
  "  id         TEXT NOT NULL,"
  "  generation INTEGER NOT NULL DEFAULT 0,"  /* full-sync mark for the sweep */
  "  updated_at TEXT,"
  "  data       TEXT NOT NULL,"  /* the resource's JSON as the portal sent it */
  "  UNIQUE (kind, parent_id, id)"
  ");"
  /* rowid order is the portal's listing order: an upsert keeps the row (and its place),
   * a new id goes to the end, as in PdResourceList. */
  "CREATE TABLE sync_state ("
  "  kind        TEXT NOT NULL,"
  "  parent_id   TEXT NOT NULL DEFAULT '',"
  "  server_time TEXT,"  /* first page's server_time of the last complete sync */
  "  generation  INTEGER NOT NULL DEFAULT 0,"
  "  synced_at   INTEGER,"  /* g_get_real_time() of the last complete sync */
  "  PRIMARY KEY (kind, parent_id)"
  ") WITHOUT ROWID;"
  "CREATE TABLE documents ("
  "  name       TEXT PRIMARY KEY,"
  "  data       TEXT NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ") WITHOUT ROWID;"
  "CREATE TABLE outbox ("
  "  id              INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  idempotency_key TEXT NOT NULL UNIQUE,"
  "  method          TEXT NOT NULL,"
  "  path            TEXT NOT NULL,"
  "  body            TEXT,"
  "  if_match        TEXT,"
  "  description     TEXT NOT NULL DEFAULT '',"
  "  state           TEXT NOT NULL DEFAULT 'pending',"
  "  attempts        INTEGER NOT NULL DEFAULT 0,"
  "  last_error      TEXT,"
  "  theirs          TEXT,"
  "  created_at      INTEGER NOT NULL,"
  "  updated_at      INTEGER NOT NULL"
  ");",
  /* 2: the end of a full sync looks for rows of an older generation; without this it read
   * every row of the list (20 MB for 10,000 clients) on the sync's last step */
  "CREATE INDEX resources_generation ON resources (kind, parent_id, generation);",
};

const char * const *
pd_cache_migrations (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}

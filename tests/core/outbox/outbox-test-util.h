/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-cache.h"
#include "pd-outbox.h"
#include "pd-portal-client.h"

G_BEGIN_DECLS

/* A PdPortalClient that sends @key (tests must not depend on the auth folder) with short
 * retry bounds. */
PdPortalClient   *ot_client_new       (const char  *url,
                                       const char  *key);
/* Sends and waits; retries what a fault broke up to 50 times (for checks on a faulty portal).
 * Returns NULL with @error for a final error answer. */
PdPortalResponse *ot_request          (PdPortalClient *client,
                                       const char     *method,
                                       const char     *path,
                                       const char     *body_json,
                                       const char     *if_match,
                                       GError        **error);
/* Items of a list whose "name" is @name */
guint             ot_count_named      (PdPortalClient *client,
                                       const char     *list_path,
                                       const char     *name);
/* Audit entries with @action about @target_id */
guint             ot_count_audit      (PdPortalClient *client,
                                       const char     *action,
                                       const char     *target_id);
PdCache          *ot_cache_open       (const char  *path);
/* Rows in the outbox table of the database file at @path (read directly with SQLite) */
guint             ot_count_rows       (const char  *path);
/* Whether @needle is anywhere in @path, "@path-wal" or "@path-journal" */
gboolean          ot_files_contain    (const char  *path,
                                       const char  *needle);
/* Runs the default main context until the outbox is idle (nothing loading or pending) */
void              ot_wait_idle        (PdOutbox    *outbox,
                                       guint        timeout_ms);

G_END_DECLS

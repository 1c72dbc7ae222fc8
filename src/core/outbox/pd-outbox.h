/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "pd-cache.h"
#include "pd-outbox-entry.h"
#include "pd-portal-client.h"

G_BEGIN_DECLS

/* Every mutation of the portal goes through here. It is written to the cache's outbox table
 * with a fresh Idempotency-Key before it is sent, sent with that key (and If-Match when
 * given), sent again with backoff while the network is down or the portal answers 5xx or 429
 * (across restarts too: see pd_outbox_resume()), and removed only when the portal confirmed
 * it with a 2xx, which may be the replay of an earlier run's answer. So each mutation happens
 * exactly once whatever the network does and wherever the process dies.
 *
 * Final answers keep the entry for the UI: 412 becomes a CONFLICT with both versions
 * (pd_outbox_resolve_conflict()), 422 becomes REJECTED with the field errors and the input
 * (pd_outbox_retry() with a corrected body, or pd_outbox_discard()), 401, 403, 404 and other
 * 4xx become FAILED with their PdPortalError (pd_outbox_discard(), or pd_outbox_retry()).
 * Entries are delivered one at a time, in submission order. */
#define PD_TYPE_OUTBOX (pd_outbox_get_type ())
G_DECLARE_FINAL_TYPE (PdOutbox, pd_outbox, PD, OUTBOX, GObject)

typedef enum {
  PD_OUTBOX_FLAG_NONE   = 0,
  /* The body holds a secret (an SMTP password, a new user's password): it is never written
   * to the database, only kept in memory and sent at once. NOT crash-safe: if the process
   * dies before the portal answered, the change is lost (or was made without the app
   * knowing) and the user has to enter it again. */
  PD_OUTBOX_FLAG_SECRET = 1 << 0,
} PdOutboxFlags;

typedef enum {
  PD_OUTBOX_RESOLVE_KEEP_MINE,  /* send my body again, with their ETag as If-Match */
  PD_OUTBOX_RESOLVE_DISCARD,    /* keep theirs: drop my change */
} PdOutboxResolution;

/* Test-only: called after a step, with the entry's id. The crash test kills the process
 * there. PERSISTED: the row is committed. SENT: the portal answered (or the send failed),
 * before the answer is handled. CONFIRMED: a 2xx is in, before the row is removed. */
typedef enum {
  PD_OUTBOX_STEP_PERSISTED,
  PD_OUTBOX_STEP_SENT,
  PD_OUTBOX_STEP_CONFIRMED,
} PdOutboxStep;

typedef void (*PdOutboxStepHook) (PdOutbox     *self,
                                  PdOutboxStep  step,
                                  gint64        id,
                                  gpointer      user_data);

/* @cache must be open. */
PdOutbox   *pd_outbox_new               (PdCache             *cache,
                                         PdPortalClient      *client);
/* Loads what a previous run left (oldest first, before anything submitted since) and sends
 * the entries that were pending or on their way. Call once, after opening the cache. */
void        pd_outbox_resume            (PdOutbox            *self);

/* @method: POST, PATCH, PUT or DELETE; @path: e.g. "/api/v1/groups/grp_3"; @body: JSON or
 * NULL (a reference is taken); @if_match: the ETag the change is based on, or NULL;
 * @description: a translated line for the UI ("Rename group “Support”").
 * Completes when the outcome is known: a PdPortalResponse for a 2xx, else the PdPortalError
 * of the final answer (the entry stays in the outbox: see above). While the portal cannot
 * be reached the task waits. Cancelling @cancellable completes it with G_IO_ERROR_CANCELLED
 * but does not withdraw the mutation (that is pd_outbox_discard()). */
void        pd_outbox_submit_async      (PdOutbox            *self,
                                         const char          *method,
                                         const char          *path,
                                         JsonNode            *body,
                                         const char          *if_match,
                                         const char          *description,
                                         PdOutboxFlags        flags,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
PdPortalResponse *pd_outbox_submit_finish (PdOutbox          *self,
                                           GAsyncResult      *result,
                                           GError           **error);

/* A GListModel of PdOutboxEntry: everything not yet delivered, oldest first. */
GListModel *pd_outbox_get_entries       (PdOutbox            *self);
PdOutboxEntry *pd_outbox_lookup         (PdOutbox            *self,
                                         gint64               id);
/* Entries pending or on their way (not those waiting for the user) */
guint       pd_outbox_get_pending_count (PdOutbox            *self);
/* Loading what a previous run left, or anything pending: property "busy" */
gboolean    pd_outbox_get_busy          (PdOutbox            *self);

/* Each returns FALSE for an unknown id or an entry in the wrong state (it may have changed). */
/* CONFLICT only */
gboolean    pd_outbox_resolve_conflict  (PdOutbox            *self,
                                         gint64               id,
                                         PdOutboxResolution   resolution);
/* REJECTED or FAILED: send again with a new key, with @body (NULL keeps the body). */
gboolean    pd_outbox_retry             (PdOutbox            *self,
                                         gint64               id,
                                         JsonNode            *body);
/* Any entry not on its way: removes it without sending. */
gboolean    pd_outbox_discard           (PdOutbox            *self,
                                         gint64               id);
/* Sends what waits for a backoff now (e.g. when the network came back). */
void        pd_outbox_retry_now         (PdOutbox            *self);
/* Stops sending and completes waiting submits with G_IO_ERROR_CANCELLED; persisted entries
 * stay in the database for the next run. The owner calls it before dropping its reference
 * (waiting submits hold one). */
void        pd_outbox_close             (PdOutbox            *self);

/* Backoff between sends of one entry: doubles from @min_ms to @max_ms, with jitter.
 * Defaults 1 s and 5 min. Tests shorten them. */
void        pd_outbox_set_retry_delays  (PdOutbox            *self,
                                         guint                min_ms,
                                         guint                max_ms);
void        pd_outbox_set_step_hook     (PdOutbox            *self,
                                         PdOutboxStepHook     hook,
                                         gpointer             user_data);

G_END_DECLS

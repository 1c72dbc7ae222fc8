/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-cache.h"

G_BEGIN_DECLS

/* One row of the `outbox` table (schema: cache migration 1). Only PdOutbox uses it.
 * state is "pending", "sent" (a send was started: its outcome is unknown until answered),
 * "conflict" (412; theirs = the portal's current version), "rejected" (422; theirs = the
 * field errors as a JSON array of {field, code, message}) or "failed" (401, 403, 404 and other
 * final answers; last_error says why). body is JSON text, never a secret. */
typedef struct
{
  gint64  id;
  char   *idempotency_key;
  char   *method;
  char   *path;
  char   *body;
  char   *if_match;
  char   *description;
  char   *state;
  gint64  attempts;
  char   *last_error;
  char   *theirs;
  gint64  created_at;
  gint64  updated_at;
} PdOutboxRow;

PdOutboxRow *pd_outbox_row_new  (void);
PdOutboxRow *pd_outbox_row_copy (const PdOutboxRow *row);
void         pd_outbox_row_free (PdOutboxRow       *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdOutboxRow, pd_outbox_row_free)

/* Inserts @row (its id is ignored); completes with the new id. */
void       pd_outbox_store_insert_async  (PdCache             *cache,
                                          const PdOutboxRow   *row,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gint64     pd_outbox_store_insert_finish (PdCache             *cache,
                                          GAsyncResult        *result,
                                          GError             **error);
/* Every row, oldest first: GPtrArray of PdOutboxRow (freed with the array). */
void       pd_outbox_store_load_async    (PdCache             *cache,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
GPtrArray *pd_outbox_store_load_finish   (PdCache             *cache,
                                          GAsyncResult        *result,
                                          GError             **error);
/* Writes every column but id and created_at of @row (updated_at becomes now). */
void       pd_outbox_store_update_async  (PdCache             *cache,
                                          const PdOutboxRow   *row,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
void       pd_outbox_store_delete_async  (PdCache             *cache,
                                          gint64               id,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
/* Finishes update and delete. */
gboolean   pd_outbox_store_finish        (PdCache             *cache,
                                          GAsyncResult        *result,
                                          GError             **error);

G_END_DECLS

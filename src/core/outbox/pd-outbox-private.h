/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-outbox.h"
#include "pd-outbox-entry-private.h"
#include "pd-outbox-store.h"

G_BEGIN_DECLS

/* PdOutbox spans pd-outbox.c (the object, submit, resume, what the user decides) and
 * pd-outbox-deliver.c (sending one entry after the other and handling the answers). */
struct _PdOutbox
{
  GObject           parent_instance;

  PdCache          *cache;
  PdPortalClient   *client;
  GListStore       *entries;
  GCancellable     *cancellable;    /* sends and reads; cancelled by pd_outbox_close() */
  PdOutboxEntry    *in_flight;      /* the entry being sent or whose answer is handled */
  guint             retry_source;
  guint             min_delay_ms;
  guint             max_delay_ms;
  guint             backoff_ms;
  guint             pending_count;
  gint64            next_secret_id;
  gboolean          resuming;
  guint             inserting;      /* submits not yet persisted */
  gboolean          busy;           /* resuming, or entries pending: the "busy" property */
  gboolean          resumed;
  gboolean          closed;
  PdOutboxStepHook  hook;
  gpointer          hook_data;
};

/* Carries an entry (and what an answer brought) through one asynchronous step. */
typedef struct
{
  PdOutbox         *self;
  PdOutboxEntry    *entry;
  PdPortalResponse *response;
  GError           *error;
} Op;

Op          *pd_outbox_op_new                  (PdOutbox      *self,
                                                PdOutboxEntry *entry);
void         pd_outbox_op_free                 (Op            *op);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Op, pd_outbox_op_free)

/* pd-outbox-deliver.c */
PdOutboxRow *pd_outbox_row_from_entry          (PdOutboxEntry *entry);
void         pd_outbox_save_entry              (PdOutbox      *self,
                                                PdOutboxEntry *entry);
/* @callback NULL: only log a failure */
void         pd_outbox_delete_row              (PdOutbox            *self,
                                                PdOutboxEntry       *entry,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
void         pd_outbox_update_pending_count    (PdOutbox      *self);
void         pd_outbox_remove_entry            (PdOutbox      *self,
                                                PdOutboxEntry *entry);
void         pd_outbox_step                    (PdOutbox      *self,
                                                PdOutboxStep   which,
                                                PdOutboxEntry *entry);
void         pd_outbox_complete_task_error     (PdOutboxEntry *entry,
                                                const GError  *error);
void         pd_outbox_complete_task_cancelled (PdOutboxEntry *entry);
void         pd_outbox_on_task_cancelled       (GCancellable  *cancellable,
                                                gpointer       data);
/* Sends the first pending entry unless one is on its way or a backoff is running */
void         pd_outbox_kick                    (PdOutbox      *self);

/* pd-outbox.c */
void         pd_outbox_emit_delivered          (PdOutbox         *self,
                                                PdOutboxEntry    *entry,
                                                PdPortalResponse *response);
void         pd_outbox_emit_failed             (PdOutbox         *self,
                                                PdOutboxEntry    *entry,
                                                const GError     *error);

G_END_DECLS

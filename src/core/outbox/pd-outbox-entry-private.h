/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pd-outbox-entry.h"

G_BEGIN_DECLS

/* PdOutboxEntry is one class spread over the entry and the outbox: the outbox owns every
 * field and updates them through the helpers below, which notify. */
struct _PdOutboxEntry
{
  GObject        parent_instance;

  gint64         id;
  char          *method;
  char          *path;
  char          *description;
  PdOutboxState  state;
  guint          attempts;
  char          *last_error;
  GError        *error;
  gboolean       secret;
  JsonNode      *body;
  JsonNode      *theirs;
  char          *their_etag;
  JsonNode      *field_errors;

  /* not shown */
  char          *idempotency_key;
  char          *if_match;
  gint64         created_at;
  GTask         *task;            /* the submit waiting for the outcome, or NULL */
  gulong         cancelled_id;
  GCancellable  *task_cancellable;
};

PdOutboxEntry *pd_outbox_entry_new            (void);
void           pd_outbox_entry_set_state      (PdOutboxEntry *self,
                                               PdOutboxState  state);
void           pd_outbox_entry_set_attempts   (PdOutboxEntry *self,
                                               guint          attempts);
/* Takes @message */
void           pd_outbox_entry_take_last_error (PdOutboxEntry *self,
                                                char          *message);
const char    *pd_outbox_state_to_string      (PdOutboxState  state);
PdOutboxState  pd_outbox_state_from_string    (const char    *text);

G_END_DECLS

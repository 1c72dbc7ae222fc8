/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum {
  PD_OUTBOX_STATE_UNKNOWN = 0,
  PD_OUTBOX_STATE_PENDING,   /* waiting to be sent, or to be sent again after a network fault */
  PD_OUTBOX_STATE_SENDING,   /* on its way; the answer is not in yet */
  PD_OUTBOX_STATE_CONFLICT,  /* 412: mine and theirs kept until pd_outbox_resolve_conflict() */
  PD_OUTBOX_STATE_REJECTED,  /* 422: the input kept with its field errors */
  PD_OUTBOX_STATE_FAILED,    /* 401, 403, 404 or another final answer; kept until discarded */
} PdOutboxState;

#define PD_TYPE_OUTBOX_STATE (pd_outbox_state_get_type ())
GType pd_outbox_state_get_type (void) G_GNUC_CONST;

/* One mutation waiting in the outbox, as the UI shows it. Read-only: the outbox updates it
 * in place (with notify) until it is delivered or discarded. */
#define PD_TYPE_OUTBOX_ENTRY (pd_outbox_entry_get_type ())
G_DECLARE_FINAL_TYPE (PdOutboxEntry, pd_outbox_entry, PD, OUTBOX_ENTRY, GObject)

/* The outbox row's id; negative for secret-bearing entries, which live in memory only */
gint64        pd_outbox_entry_get_id           (PdOutboxEntry *self);
const char   *pd_outbox_entry_get_method       (PdOutboxEntry *self);
const char   *pd_outbox_entry_get_path         (PdOutboxEntry *self);
const char   *pd_outbox_entry_get_description  (PdOutboxEntry *self);
PdOutboxState pd_outbox_entry_get_state        (PdOutboxEntry *self);
guint         pd_outbox_entry_get_attempts     (PdOutboxEntry *self);
/* Translated, for the UI; NULL when nothing went wrong yet */
const char   *pd_outbox_entry_get_last_error   (PdOutboxEntry *self);
/* The PdPortalError of the final answer in this run (NULL after a restart: see last-error) */
const GError *pd_outbox_entry_get_error        (PdOutboxEntry *self);
gboolean      pd_outbox_entry_get_secret       (PdOutboxEntry *self);
/* Mine: the body to send (NULL for none, and for secret entries, whose body is not shown) */
JsonNode     *pd_outbox_entry_get_body         (PdOutboxEntry *self);
/* CONFLICT: the portal's current version (NULL when it could not be read) and its ETag */
JsonNode     *pd_outbox_entry_get_theirs       (PdOutboxEntry *self);
const char   *pd_outbox_entry_get_their_etag   (PdOutboxEntry *self);
/* REJECTED: a JSON array of {"field", "code", "message"}, never NULL in that state */
JsonNode     *pd_outbox_entry_get_field_errors (PdOutboxEntry *self);
/* REJECTED: the portal's message for @field (e.g. "email"), or NULL */
const char   *pd_outbox_entry_get_field_error  (PdOutboxEntry *self,
                                                const char    *field);

G_END_DECLS

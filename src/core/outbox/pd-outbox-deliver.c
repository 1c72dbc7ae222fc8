/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-outbox-private.h"

/* The order of a delivery: persist (insert, or update to "sent") → send with the key →
 * STEP_SENT → handle: a 2xx → STEP_CONFIRMED → delete the row → delivered. Whatever the
 * process dies between, the row is still there and the next run sends it again with the same
 * key, which the portal answers with the stored response instead of running it twice.
 * One entry is on its way at a time, so they arrive in the order they were submitted. */
Op *
pd_outbox_op_new (PdOutbox      *self,
                  PdOutboxEntry *entry)
{
  Op *op = g_new0 (Op, 1);

  op->self = g_object_ref (self);
  op->entry = entry ? g_object_ref (entry) : NULL;
  return op;
}

void
pd_outbox_op_free (Op *op)
{
  g_object_unref (op->self);
  g_clear_object (&op->entry);
  g_clear_pointer (&op->response, pd_portal_response_unref);
  g_clear_error (&op->error);
  g_free (op);
}

static char *
node_to_text (JsonNode *node)
{
  return node != NULL ? json_to_string (node, FALSE) : NULL;
}

PdOutboxRow *
pd_outbox_row_from_entry (PdOutboxEntry *entry)
{
  PdOutboxRow *row = pd_outbox_row_new ();

  g_assert (!entry->secret);
  row->id = entry->id;
  row->idempotency_key = g_strdup (entry->idempotency_key);
  row->method = g_strdup (entry->method);
  row->path = g_strdup (entry->path);
  row->body = node_to_text (entry->body);
  row->if_match = g_strdup (entry->if_match);
  row->description = g_strdup (entry->description);
  row->state = g_strdup (pd_outbox_state_to_string (entry->state));
  row->attempts = entry->attempts;
  row->last_error = g_strdup (entry->last_error);
  if (entry->state == PD_OUTBOX_STATE_CONFLICT)
    row->theirs = node_to_text (entry->theirs);
  else if (entry->state == PD_OUTBOX_STATE_REJECTED)
    row->theirs = node_to_text (entry->field_errors);
  row->created_at = entry->created_at;
  return row;
}

static void
on_row_written (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PdOutbox) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!pd_outbox_store_finish (PD_CACHE (source), result, &error))
    g_warning ("Could not update the outbox: %s", error->message);
}

/* Writes the entry's current state; the database thread runs jobs in order, so a later
 * write or delete of the same row always comes after this one. */
void
pd_outbox_save_entry (PdOutbox      *self,
            PdOutboxEntry *entry)
{
  g_autoptr(PdOutboxRow) row = NULL;

  if (entry->secret)
    return;
  row = pd_outbox_row_from_entry (entry);
  pd_outbox_store_update_async (self->cache, row, NULL, on_row_written, g_object_ref (self));
}

void
pd_outbox_delete_row (PdOutbox            *self,
            PdOutboxEntry       *entry,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  pd_outbox_store_delete_async (self->cache, entry->id, NULL,
                                callback ? callback : on_row_written,
                                callback ? user_data : g_object_ref (self));
}

void
pd_outbox_update_pending_count (PdOutbox *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  guint count = 0;
  gboolean busy;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PdOutboxEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);

      if (entry->state == PD_OUTBOX_STATE_PENDING || entry->state == PD_OUTBOX_STATE_SENDING)
        count++;
    }
  busy = self->resuming || self->inserting > 0 || count > 0;
  if (count != self->pending_count)
    {
      self->pending_count = count;
      g_object_notify (G_OBJECT (self), "pending-count");
    }
  if (busy != self->busy)
    {
      self->busy = busy;
      g_object_notify (G_OBJECT (self), "busy");
    }
}

static gboolean
find_entry (PdOutbox      *self,
            PdOutboxEntry *entry,
            guint         *position)
{
  return g_list_store_find (self->entries, entry, position);
}

void
pd_outbox_remove_entry (PdOutbox      *self,
              PdOutboxEntry *entry)
{
  guint position;

  if (find_entry (self, entry, &position))
    g_list_store_remove (self->entries, position);
  pd_outbox_update_pending_count (self);
}

void
pd_outbox_step (PdOutbox      *self,
      PdOutboxStep   which,
      PdOutboxEntry *entry)
{
  if (self->hook != NULL)
    self->hook (self, which, entry->id, self->hook_data);
}

/* Submit tasks */

static GTask *
take_task (PdOutboxEntry *entry)
{
  GTask *task = g_steal_pointer (&entry->task);

  if (entry->cancelled_id != 0)
    g_cancellable_disconnect (entry->task_cancellable, entry->cancelled_id);
  entry->cancelled_id = 0;
  g_clear_object (&entry->task_cancellable);
  return task;
}

void
pd_outbox_complete_task_error (PdOutboxEntry *entry,
                     const GError  *error)
{
  g_autoptr(GTask) task = take_task (entry);

  if (task != NULL)
    g_task_return_error (task, g_error_copy (error));
}

void
pd_outbox_complete_task_cancelled (PdOutboxEntry *entry)
{
  g_autoptr(GTask) task = take_task (entry);

  if (task != NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The change was withdrawn"));
}

static gboolean
task_cancelled_cb (gpointer data)
{
  PdOutboxEntry *entry = data;

  if (entry->task != NULL && g_cancellable_is_cancelled (entry->task_cancellable))
    {
      g_autoptr(GTask) task = take_task (entry);

      g_task_return_error_if_cancelled (task);
    }
  return G_SOURCE_REMOVE;
}

/* May run in the thread that cancelled, and always inside the cancellable's own emission,
 * where disconnecting would deadlock: finish in an idle of the submitter's context. */
void
pd_outbox_on_task_cancelled (GCancellable *cancellable,
                             gpointer      data)
{
  PdOutboxEntry *entry = data;
  g_autoptr(GSource) source = NULL;

  if (entry->task == NULL)
    return;
  source = g_idle_source_new ();
  g_source_set_callback (source, task_cancelled_cb, g_object_ref (entry), g_object_unref);
  g_source_attach (source, g_task_get_context (entry->task));
}

/* Outcomes */

static void
schedule_retry (PdOutbox     *self,
                const GError *error);

static gboolean
is_transient (const GError *error)
{
  if (error->domain != PD_PORTAL_ERROR)
    return TRUE;  /* not an answer of the portal: the change may or may not have run */
  switch ((PdPortalErrorCode) error->code)
    {
    case PD_PORTAL_ERROR_OFFLINE:
    case PD_PORTAL_ERROR_RATE_LIMITED:
    case PD_PORTAL_ERROR_SERVER:
    case PD_PORTAL_ERROR_TLS:
    case PD_PORTAL_ERROR_BAD_RESPONSE:
      return TRUE;
    case PD_PORTAL_ERROR_UNAUTHORIZED:
    case PD_PORTAL_ERROR_FORBIDDEN:
    case PD_PORTAL_ERROR_NOT_FOUND:
    case PD_PORTAL_ERROR_CONFLICT:
    case PD_PORTAL_ERROR_PRECONDITION_FAILED:
    case PD_PORTAL_ERROR_VALIDATION:
    case PD_PORTAL_ERROR_REQUEST:
    default:
      return FALSE;
    }
}

/* The portal gave no final answer: the entry waits for the next try. */
static void
entry_retry_later (PdOutbox      *self,
                   PdOutboxEntry *entry,
                   const GError  *error)
{
  pd_outbox_entry_set_state (entry, PD_OUTBOX_STATE_PENDING);
  pd_outbox_entry_take_last_error (entry, g_strdup (error->message));
  pd_outbox_save_entry (self, entry);
  g_clear_object (&self->in_flight);
  schedule_retry (self, error);
}

/* A final answer other than 2xx: the entry stays for the user. */
static void
entry_finished (PdOutbox      *self,
                PdOutboxEntry *entry,
                PdOutboxState  state,
                const GError  *error)
{
  g_clear_error (&entry->error);
  entry->error = g_error_copy (error);
  pd_outbox_entry_take_last_error (entry, g_strdup (error->message));
  pd_outbox_entry_set_state (entry, state);
  pd_outbox_save_entry (self, entry);
  g_clear_object (&self->in_flight);
  self->backoff_ms = 0;
  pd_outbox_update_pending_count (self);
  g_debug ("outbox: %s %s ended %s", entry->method, entry->path, pd_outbox_state_to_string (state));
  pd_outbox_emit_failed (self, entry, error);
  pd_outbox_complete_task_error (entry, error);
  pd_outbox_kick (self);
}

static void
entry_delivered (Op *op)
{
  g_autoptr(GTask) task = NULL;

  g_clear_object (&op->self->in_flight);
  op->self->backoff_ms = 0;
  pd_outbox_remove_entry (op->self, op->entry);
  g_debug ("outbox: %s %s delivered", op->entry->method, op->entry->path);
  pd_outbox_emit_delivered (op->self, op->entry, op->response);
  task = take_task (op->entry);
  if (task != NULL)
    g_task_return_pointer (task, pd_portal_response_ref (op->response),
                           (GDestroyNotify) pd_portal_response_unref);
  pd_outbox_kick (op->self);
}

static void
on_delivered_row_deleted (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(Op) op = user_data;
  g_autoptr(GError) error = NULL;

  /* The change is made either way; a row that stayed is sent again next run and replayed. */
  if (!pd_outbox_store_finish (PD_CACHE (source), result, &error))
    g_warning ("Could not remove a delivered change from the outbox: %s", error->message);
  entry_delivered (op);
}

static void
on_theirs (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(Op) op = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PdPortalResponse) response = NULL;
  PdOutboxEntry *entry = op->entry;

  response = pd_portal_client_send_finish (PD_PORTAL_CLIENT (source), result, &error);
  if (op->self->closed)
    return;
  if (response == NULL && is_transient (error))
    {
      /* Sent again with the same key, the portal replays the 412 and we read again. */
      entry_retry_later (op->self, entry, error);
      return;
    }
  if (response == NULL && g_error_matches (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_NOT_FOUND))
    {
      entry_finished (op->self, entry, PD_OUTBOX_STATE_FAILED, error);
      return;
    }

  g_clear_pointer (&entry->theirs, json_node_unref);
  g_clear_pointer (&entry->their_etag, g_free);
  if (response != NULL)
    {
      entry->theirs = pd_portal_response_steal_root (response);
      entry->their_etag = g_strdup (pd_portal_response_get_etag (response));
    }
  if (entry->their_etag == NULL)
    entry->their_etag = g_strdup (pd_portal_error_get_current_etag (op->error));
  entry_finished (op->self, entry, PD_OUTBOX_STATE_CONFLICT, op->error);
}

static void
fetch_theirs (PdOutbox      *self,
              PdOutboxEntry *entry,
              GError        *precondition_error)
{
  g_autoptr(PdPortalRequest) request = pd_portal_request_new ("GET", entry->path);
  Op *op = pd_outbox_op_new (self, entry);

  op->error = precondition_error;
  pd_portal_client_send_async (self->client, request, self->cancellable, on_theirs, op);
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(Op) op = user_data;
  PdOutbox *self = op->self;
  PdOutboxEntry *entry = op->entry;
  g_autoptr(GError) error = NULL;

  op->response = pd_portal_client_send_finish (PD_PORTAL_CLIENT (source), result, &error);
  if (self->closed)
    {
      /* Its outcome is unknown: the row says "sent", so the next run sends it again. */
      pd_outbox_entry_set_state (entry, PD_OUTBOX_STATE_PENDING);
      g_clear_object (&self->in_flight);
      return;
    }
  pd_outbox_step (self, PD_OUTBOX_STEP_SENT, entry);

  if (op->response != NULL)
    {
      pd_outbox_step (self, PD_OUTBOX_STEP_CONFIRMED, entry);
      if (entry->secret)
        entry_delivered (op);
      else
        pd_outbox_delete_row (self, entry, on_delivered_row_deleted, g_steal_pointer (&op));
    }
  else if (is_transient (error))
    entry_retry_later (self, entry, error);
  else if (g_error_matches (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_PRECONDITION_FAILED) &&
           pd_portal_error_get_status (error) != 428)
    fetch_theirs (self, entry, g_steal_pointer (&error));
  else if (g_error_matches (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_VALIDATION))
    {
      GPtrArray *errors = pd_portal_error_get_field_errors (error);
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; errors != NULL && i < errors->len; i++)
        {
          PdPortalFieldError *field_error = g_ptr_array_index (errors, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "field");
          json_builder_add_string_value (builder, field_error->field ? field_error->field : "");
          json_builder_set_member_name (builder, "code");
          json_builder_add_string_value (builder, field_error->code ? field_error->code : "");
          json_builder_set_member_name (builder, "message");
          json_builder_add_string_value (builder, field_error->message ? field_error->message : "");
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      g_clear_pointer (&entry->field_errors, json_node_unref);
      entry->field_errors = json_builder_get_root (builder);
      entry_finished (self, entry, PD_OUTBOX_STATE_REJECTED, error);
    }
  else
    entry_finished (self, entry, PD_OUTBOX_STATE_FAILED, error);
}

static void
send_entry (PdOutbox      *self,
            PdOutboxEntry *entry)
{
  g_autoptr(PdPortalRequest) request = pd_portal_request_new (entry->method, entry->path);

  if (entry->body != NULL)
    pd_portal_request_set_json_body (request, entry->body);
  if (entry->if_match != NULL)
    pd_portal_request_set_if_match (request, entry->if_match);
  pd_portal_request_set_idempotency_key (request, entry->idempotency_key);
  /* Safe for every method: a repeat with the key is replayed, not run again. */
  pd_portal_request_set_retry (request, TRUE);
  g_debug ("outbox: sending %s %s (attempt %u)", entry->method, entry->path, entry->attempts);
  pd_portal_client_send_async (self->client, request, self->cancellable, on_sent, pd_outbox_op_new (self, entry));
}

static void
on_marked_sent (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Op) op = user_data;
  g_autoptr(GError) error = NULL;

  /* Sending anyway is safe: the row exists with its key, only the attempt count is stale. */
  if (!pd_outbox_store_finish (PD_CACHE (source), result, &error))
    g_warning ("Could not update the outbox: %s", error->message);
  if (op->self->closed)
    {
      pd_outbox_entry_set_state (op->entry, PD_OUTBOX_STATE_PENDING);
      g_clear_object (&op->self->in_flight);
      return;
    }
  send_entry (op->self, op->entry);
}

void
pd_outbox_kick (PdOutbox *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  g_autoptr(PdOutboxEntry) next = NULL;

  if (self->closed || self->resuming || self->in_flight != NULL || self->retry_source != 0)
    return;
  for (guint i = 0; i < n && next == NULL; i++)
    {
      g_autoptr(PdOutboxEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);

      if (entry->state == PD_OUTBOX_STATE_PENDING)
        next = g_steal_pointer (&entry);
    }
  if (next == NULL)
    return;

  self->in_flight = g_object_ref (next);
  pd_outbox_entry_set_state (next, PD_OUTBOX_STATE_SENDING);
  pd_outbox_entry_set_attempts (next, next->attempts + 1);
  pd_outbox_update_pending_count (self);
  if (next->secret)
    send_entry (self, next);
  else
    {
      g_autoptr(PdOutboxRow) row = pd_outbox_row_from_entry (next);

      pd_outbox_store_update_async (self->cache, row, NULL, on_marked_sent, pd_outbox_op_new (self, next));
    }
}

static gboolean
on_retry_timeout (gpointer data)
{
  PdOutbox *self = data;

  self->retry_source = 0;
  pd_outbox_kick (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_retry (PdOutbox     *self,
                const GError *error)
{
  guint delay;

  self->backoff_ms = self->backoff_ms == 0 ? self->min_delay_ms
                                           : MIN (self->backoff_ms * 2, self->max_delay_ms);
  /* ±25 % so that many clients coming back after an outage do not all send at once */
  delay = (guint) g_random_double_range (self->backoff_ms * 0.75, self->backoff_ms * 1.25) + 1;
  if (g_error_matches (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_RATE_LIMITED))
    delay = MAX (delay, pd_portal_error_get_retry_after (error) * 1000);
  pd_outbox_update_pending_count (self);
  g_clear_handle_id (&self->retry_source, g_source_remove);
  self->retry_source = g_timeout_add (delay, on_retry_timeout, self);
}



/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-outbox-private.h"

G_DEFINE_FINAL_TYPE (PdOutbox, pd_outbox, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PENDING_COUNT,
  PROP_BUSY,
  N_PROPS
};

enum {
  SIGNAL_DELIVERED,
  SIGNAL_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Resume */

static PdOutboxEntry *
entry_from_row (PdOutboxRow *row)
{
  PdOutboxEntry *entry = pd_outbox_entry_new ();
  g_autoptr(GError) error = NULL;

  entry->id = row->id;
  entry->idempotency_key = g_steal_pointer (&row->idempotency_key);
  entry->method = g_steal_pointer (&row->method);
  entry->path = g_steal_pointer (&row->path);
  entry->if_match = g_steal_pointer (&row->if_match);
  entry->description = g_steal_pointer (&row->description);
  entry->state = pd_outbox_state_from_string (row->state);
  entry->attempts = (guint) CLAMP (row->attempts, 0, G_MAXUINT);
  entry->last_error = g_steal_pointer (&row->last_error);
  entry->created_at = row->created_at;
  if (row->body != NULL && (entry->body = json_from_string (row->body, &error)) == NULL)
    {
      /* Never send something other than what was meant: keep it for the user to see. */
      entry->state = PD_OUTBOX_STATE_FAILED;
      g_free (entry->last_error);
      entry->last_error = g_strdup_printf (_("The stored change could not be read: %s"), error->message);
      g_clear_error (&error);
    }
  if (row->theirs != NULL && entry->state == PD_OUTBOX_STATE_CONFLICT)
    {
      entry->theirs = json_from_string (row->theirs, NULL);
      if (entry->theirs != NULL && JSON_NODE_HOLDS_OBJECT (entry->theirs))
        entry->their_etag = g_strdup (json_object_get_string_member_with_default (
            json_node_get_object (entry->theirs), "etag", NULL));
    }
  else if (row->theirs != NULL && entry->state == PD_OUTBOX_STATE_REJECTED)
    entry->field_errors = json_from_string (row->theirs, NULL);
  if (entry->state == PD_OUTBOX_STATE_REJECTED && entry->field_errors == NULL)
    entry->field_errors = json_node_init_array (json_node_alloc (), json_array_new ());
  return entry;
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PdOutbox) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = pd_outbox_store_load_finish (PD_CACHE (source), result, &error);
  guint position = 0;

  self->resuming = FALSE;
  if (rows == NULL)
    g_warning ("Could not read the outbox: %s", error->message);
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      PdOutboxRow *row = g_ptr_array_index (rows, i);
      g_autoptr(PdOutboxEntry) entry = NULL;

      if (pd_outbox_lookup (self, row->id) != NULL)
        continue;  /* submitted in this run, already known */
      /* Rows of earlier runs have lower ids than anything inserted since: they go first. */
      entry = entry_from_row (row);
      g_list_store_insert (self->entries, position++, entry);
    }
  pd_outbox_update_pending_count (self);
  pd_outbox_kick (self);
}

void
pd_outbox_resume (PdOutbox *self)
{
  g_return_if_fail (PD_IS_OUTBOX (self));

  if (self->resuming || self->resumed || self->closed)
    return;
  self->resuming = TRUE;
  self->resumed = TRUE;
  pd_outbox_update_pending_count (self);
  pd_outbox_store_load_async (self->cache, NULL, on_loaded, g_object_ref (self));
}

/* Submit */

static void
on_inserted (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Op) op = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id = pd_outbox_store_insert_finish (PD_CACHE (source), result, &error);

  op->self->inserting--;
  if (id == 0)
    {
      /* Not persisted, so not sent: a change we could lose must not be made. */
      g_autoptr(GError) wrapped = g_error_new (error->domain, error->code,
                                               /* Translators: %s says why the local cache refused it */
                                               _("The change could not be saved before sending it: %s"),
                                               error->message);

      pd_outbox_update_pending_count (op->self);
      pd_outbox_complete_task_error (op->entry, wrapped);
      return;
    }
  op->entry->id = id;
  pd_outbox_step (op->self, PD_OUTBOX_STEP_PERSISTED, op->entry);
  if (op->self->closed)
    {
      pd_outbox_update_pending_count (op->self);
      pd_outbox_complete_task_cancelled (op->entry);
      return;
    }
  g_list_store_append (op->self->entries, op->entry);
  pd_outbox_update_pending_count (op->self);
  pd_outbox_kick (op->self);
}

void
pd_outbox_submit_async (PdOutbox            *self,
                        const char          *method,
                        const char          *path,
                        JsonNode            *body,
                        const char          *if_match,
                        const char          *description,
                        PdOutboxFlags        flags,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(PdOutboxEntry) entry = NULL;
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PD_IS_OUTBOX (self));
  g_return_if_fail (method != NULL && path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pd_outbox_submit_async);
  if (self->closed)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CLOSED, _("The account was closed"));
      return;
    }

  entry = pd_outbox_entry_new ();
  entry->method = g_ascii_strup (method, -1);
  entry->path = g_strdup (path);
  entry->body = body ? json_node_ref (body) : NULL;
  entry->if_match = g_strdup (if_match);
  entry->description = g_strdup (description ? description : "");
  entry->secret = (flags & PD_OUTBOX_FLAG_SECRET) != 0;
  entry->idempotency_key = pd_portal_new_idempotency_key ();
  entry->created_at = g_get_real_time ();
  entry->task = g_steal_pointer (&task);
  if (cancellable != NULL)
    {
      entry->task_cancellable = g_object_ref (cancellable);
      entry->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (pd_outbox_on_task_cancelled),
                                                   entry, NULL);
    }

  if (entry->secret)
    {
      entry->id = self->next_secret_id--;
      g_list_store_append (self->entries, entry);
      pd_outbox_update_pending_count (self);
      pd_outbox_kick (self);
    }
  else
    {
      g_autoptr(PdOutboxRow) row = pd_outbox_row_from_entry (entry);

      self->inserting++;
      pd_outbox_update_pending_count (self);
      pd_outbox_store_insert_async (self->cache, row, NULL, on_inserted, pd_outbox_op_new (self, entry));
    }
}

PdPortalResponse *
pd_outbox_submit_finish (PdOutbox      *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pd_outbox_submit_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* What the user decides */

GListModel *
pd_outbox_get_entries (PdOutbox *self)
{
  g_return_val_if_fail (PD_IS_OUTBOX (self), NULL);
  return G_LIST_MODEL (self->entries);
}

PdOutboxEntry *
pd_outbox_lookup (PdOutbox *self,
                  gint64    id)
{
  guint n;

  g_return_val_if_fail (PD_IS_OUTBOX (self), NULL);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PdOutboxEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);

      if (entry->id == id)
        return entry;  /* the store keeps it alive */
    }
  return NULL;
}

guint
pd_outbox_get_pending_count (PdOutbox *self)
{
  g_return_val_if_fail (PD_IS_OUTBOX (self), 0);
  return self->pending_count;
}

gboolean
pd_outbox_get_busy (PdOutbox *self)
{
  g_return_val_if_fail (PD_IS_OUTBOX (self), FALSE);
  return self->busy;
}

static PdOutboxEntry *
lookup_in_state (PdOutbox      *self,
                 gint64         id,
                 PdOutboxState  a,
                 PdOutboxState  b)
{
  PdOutboxEntry *entry = pd_outbox_lookup (self, id);

  /* Not a programming error: the entry may have changed since the UI showed it. */
  if (entry == NULL)
    g_debug ("outbox: no entry %" G_GINT64_FORMAT, id);
  else if (entry->state != a && entry->state != b)
    {
      g_debug ("outbox: entry %" G_GINT64_FORMAT " is %s", id, pd_outbox_state_to_string (entry->state));
      return NULL;
    }
  return entry;
}

/* A final answer means the change did not run: a new key makes the portal run it again
 * instead of replaying that answer. */
static void
send_again (PdOutbox      *self,
            PdOutboxEntry *entry)
{
  g_free (entry->idempotency_key);
  entry->idempotency_key = pd_portal_new_idempotency_key ();
  g_clear_error (&entry->error);
  g_clear_pointer (&entry->theirs, json_node_unref);
  g_clear_pointer (&entry->their_etag, g_free);
  g_clear_pointer (&entry->field_errors, json_node_unref);
  pd_outbox_entry_take_last_error (entry, NULL);
  pd_outbox_entry_set_attempts (entry, 0);
  pd_outbox_entry_set_state (entry, PD_OUTBOX_STATE_PENDING);
  pd_outbox_save_entry (self, entry);  /* queued before kick()'s own write: the new key is stored first */
  pd_outbox_update_pending_count (self);
  pd_outbox_kick (self);
}

gboolean
pd_outbox_resolve_conflict (PdOutbox           *self,
                            gint64              id,
                            PdOutboxResolution  resolution)
{
  PdOutboxEntry *entry;

  g_return_val_if_fail (PD_IS_OUTBOX (self), FALSE);
  entry = lookup_in_state (self, id, PD_OUTBOX_STATE_CONFLICT, PD_OUTBOX_STATE_CONFLICT);
  if (entry == NULL)
    return FALSE;
  if (resolution == PD_OUTBOX_RESOLVE_DISCARD)
    return pd_outbox_discard (self, id);
  g_free (entry->if_match);
  entry->if_match = g_strdup (entry->their_etag ? entry->their_etag : "*");
  send_again (self, entry);
  return TRUE;
}

gboolean
pd_outbox_retry (PdOutbox *self,
                 gint64    id,
                 JsonNode *body)
{
  PdOutboxEntry *entry;

  g_return_val_if_fail (PD_IS_OUTBOX (self), FALSE);
  entry = lookup_in_state (self, id, PD_OUTBOX_STATE_REJECTED, PD_OUTBOX_STATE_FAILED);
  if (entry == NULL)
    return FALSE;
  if (body != NULL)
    {
      g_clear_pointer (&entry->body, json_node_unref);
      entry->body = json_node_ref (body);
    }
  send_again (self, entry);
  return TRUE;
}

gboolean
pd_outbox_discard (PdOutbox *self,
                   gint64    id)
{
  g_autoptr(PdOutboxEntry) entry = NULL;

  g_return_val_if_fail (PD_IS_OUTBOX (self), FALSE);
  entry = pd_outbox_lookup (self, id);
  if (entry == NULL || entry == self->in_flight)
    {
      g_debug ("outbox: entry %" G_GINT64_FORMAT " is %s", id, entry ? "on its way" : "unknown");
      return FALSE;
    }
  g_object_ref (entry);
  if (!entry->secret)
    pd_outbox_delete_row (self, entry, NULL, NULL);
  pd_outbox_remove_entry (self, entry);
  pd_outbox_complete_task_cancelled (entry);
  return TRUE;
}

void
pd_outbox_retry_now (PdOutbox *self)
{
  g_return_if_fail (PD_IS_OUTBOX (self));

  if (self->retry_source == 0)
    return;
  g_clear_handle_id (&self->retry_source, g_source_remove);
  self->backoff_ms = 0;
  pd_outbox_kick (self);
}

void
pd_outbox_close (PdOutbox *self)
{
  guint n;

  g_return_if_fail (PD_IS_OUTBOX (self));

  if (self->closed)
    return;
  self->closed = TRUE;
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->retry_source, g_source_remove);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PdOutboxEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);

      pd_outbox_complete_task_cancelled (entry);
    }
}

void
pd_outbox_set_retry_delays (PdOutbox *self,
                            guint     min_ms,
                            guint     max_ms)
{
  g_return_if_fail (PD_IS_OUTBOX (self));
  g_return_if_fail (min_ms > 0 && min_ms <= max_ms);

  self->min_delay_ms = min_ms;
  self->max_delay_ms = max_ms;
}

void
pd_outbox_set_step_hook (PdOutbox         *self,
                         PdOutboxStepHook  hook,
                         gpointer          user_data)
{
  g_return_if_fail (PD_IS_OUTBOX (self));

  self->hook = hook;
  self->hook_data = user_data;
}

/* GObject */

static void
pd_outbox_dispose (GObject *object)
{
  PdOutbox *self = PD_OUTBOX (object);

  pd_outbox_close (self);
  if (self->entries != NULL)
    g_list_store_remove_all (self->entries);
  G_OBJECT_CLASS (pd_outbox_parent_class)->dispose (object);
}

static void
pd_outbox_finalize (GObject *object)
{
  PdOutbox *self = PD_OUTBOX (object);

  g_clear_object (&self->entries);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->in_flight);
  g_clear_object (&self->client);
  g_clear_object (&self->cache);
  G_OBJECT_CLASS (pd_outbox_parent_class)->finalize (object);
}

static void
pd_outbox_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PdOutbox *self = PD_OUTBOX (object);

  switch (prop_id)
    {
    case PROP_PENDING_COUNT:
      g_value_set_uint (value, self->pending_count);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_outbox_class_init (PdOutboxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pd_outbox_dispose;
  object_class->finalize = pd_outbox_finalize;
  object_class->get_property = pd_outbox_get_property;

  properties[PROP_PENDING_COUNT] =
    g_param_spec_uint ("pending-count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* TRUE while what a previous run left is loaded or anything waits to be delivered */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The portal confirmed the entry (a 2xx, maybe the replay of an earlier run's answer). */
  signals[SIGNAL_DELIVERED] =
    g_signal_new ("delivered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, PD_TYPE_OUTBOX_ENTRY, PD_TYPE_PORTAL_RESPONSE);
  /* A final answer other than 2xx: the entry is now CONFLICT, REJECTED or FAILED. */
  signals[SIGNAL_FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, PD_TYPE_OUTBOX_ENTRY, G_TYPE_ERROR);
}

static void
pd_outbox_init (PdOutbox *self)
{
  self->entries = g_list_store_new (PD_TYPE_OUTBOX_ENTRY);
  self->cancellable = g_cancellable_new ();
  self->min_delay_ms = 1000;
  self->max_delay_ms = 5 * 60 * 1000;
  self->next_secret_id = -1;
}

PdOutbox *
pd_outbox_new (PdCache        *cache,
               PdPortalClient *client)
{
  PdOutbox *self;

  g_return_val_if_fail (PD_IS_CACHE (cache), NULL);
  g_return_val_if_fail (PD_IS_PORTAL_CLIENT (client), NULL);

  self = g_object_new (PD_TYPE_OUTBOX, NULL);
  self->cache = g_object_ref (cache);
  self->client = g_object_ref (client);
  return self;
}

void
pd_outbox_emit_delivered (PdOutbox         *self,
                          PdOutboxEntry    *entry,
                          PdPortalResponse *response)
{
  g_signal_emit (self, signals[SIGNAL_DELIVERED], 0, entry, response);
}

void
pd_outbox_emit_failed (PdOutbox      *self,
                       PdOutboxEntry *entry,
                       const GError  *error)
{
  g_signal_emit (self, signals[SIGNAL_FAILED], 0, entry, error);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-cache-resources.h"
#include "pd-sync-private.h"

#define FIRST_RETRY_SECONDS 5
#define MAX_RETRY_SECONDS   300

G_DEFINE_ENUM_TYPE (PdSyncState, pd_sync_state,
  G_DEFINE_ENUM_VALUE (PD_SYNC_STATE_IDLE, "idle"),
  G_DEFINE_ENUM_VALUE (PD_SYNC_STATE_SYNCING, "syncing"),
  G_DEFINE_ENUM_VALUE (PD_SYNC_STATE_UP_TO_DATE, "up-to-date"),
  G_DEFINE_ENUM_VALUE (PD_SYNC_STATE_OFFLINE, "offline"),
  G_DEFINE_ENUM_VALUE (PD_SYNC_STATE_FAILED, "failed"))

typedef struct {
  const PdResourceKind *kind;
  PdResourceList       *list;
} Entry;

typedef struct {
  GTask        *task;
  GCancellable *cancellable;  /* the caller's */
  gulong        handler;
} Waiter;

typedef struct {
  GSourceFunc func;
  gpointer    data;
} SlotWaiter;

/* One sync of every list, which later callers join */
typedef struct {
  GPtrArray    *waiters;      /* Waiter* */
  GCancellable *cancellable;
  guint         pending;
  GError       *error;        /* the first list's failure */
  GError       *offline;      /* set when a list found the portal unreachable */
} Run;

struct _PdSyncEngine
{
  GObject         parent_instance;

  PdPortalClient *client;
  PdCache        *cache;
  GArray         *entries;    /* Entry */
  Run            *run;
  GPtrArray      *next;       /* Waiter*: callers during a run, for the run after it */
  gboolean        next_full;

  guint           in_flight;
  GQueue          slot_waiters;  /* SlotWaiter* */
  gint            stored;
  gint            expected;

  PdSyncState     state;
  double          progress;
  char           *status_text;
  GDateTime      *offline_since;
  char           *error;

  guint           interval;
  guint           interval_source;
  guint           retry_source;
  guint           retry_seconds;
};

G_DEFINE_FINAL_TYPE (PdSyncEngine, pd_sync_engine, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  PROP_PROGRESS,
  PROP_STATUS_TEXT,
  PROP_OFFLINE_SINCE,
  PROP_ERROR,
  PROP_INTERVAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_string (PdSyncEngine  *self,
            char         **field,
            const char    *value,
            guint          prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_progress (PdSyncEngine *self,
              double        progress)
{
  /* small steps are not worth a redraw */
  if (progress != self->progress && (progress == 0 || progress == 1
                                     || ABS (progress - self->progress) >= 0.005))
    {
      self->progress = progress;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
    }
}

static void
update_status (PdSyncEngine *self)
{
  g_autofree char *text = NULL;

  switch (self->state)
    {
    case PD_SYNC_STATE_IDLE:
      text = g_strdup ("");
      break;
    case PD_SYNC_STATE_SYNCING:
      if (self->stored > 0)
        /* Translators: a status line while the lists are downloaded */
        text = g_strdup_printf (_("Updating from the portal: %d of about %d items…"),
                                self->stored, MAX (self->expected, self->stored));
      else
        text = g_strdup (_("Updating from the portal…"));
      break;
    case PD_SYNC_STATE_UP_TO_DATE:
      text = g_strdup (_("Up to date"));
      break;
    case PD_SYNC_STATE_OFFLINE:
      {
        g_autoptr(GDateTime) local = g_date_time_to_local (self->offline_since);
        g_autofree char *time = g_date_time_format (local, "%H:%M");

        /* Translators: %s is a time of day */
        text = g_strdup_printf (_("Offline since %s; trying again shortly"), time);
      }
      break;
    case PD_SYNC_STATE_FAILED:
      text = g_strdup_printf (_("Updating failed: %s"), self->error);
      break;
    }
  set_string (self, &self->status_text, text, PROP_STATUS_TEXT);
}

static void
set_state (PdSyncEngine *self,
           PdSyncState   state)
{
  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
  update_status (self);
}

static void
set_offline_since (PdSyncEngine *self,
                   GDateTime    *since)
{
  if (self->offline_since == since)
    return;
  g_clear_pointer (&self->offline_since, g_date_time_unref);
  self->offline_since = since != NULL ? g_date_time_ref (since) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFLINE_SINCE]);
}

PdPortalClient *
pd_sync_engine_get_client (PdSyncEngine *self)
{
  return self->client;
}

PdCache *
pd_sync_engine_get_cache (PdSyncEngine *self)
{
  return self->cache;
}

gboolean
pd_sync_engine_get_entry (PdSyncEngine          *self,
                          guint                  index,
                          const PdResourceKind **kind,
                          PdResourceList       **list)
{
  Entry *entry;

  if (index >= self->entries->len)
    return FALSE;
  entry = &g_array_index (self->entries, Entry, index);
  if (kind != NULL)
    *kind = entry->kind;
  if (list != NULL)
    *list = entry->list;
  return TRUE;
}

void
pd_sync_engine_acquire_slot (PdSyncEngine *self,
                             GSourceFunc   func,
                             gpointer      data)
{
  SlotWaiter *waiter;

  if (self->in_flight < PD_SYNC_MAX_IN_FLIGHT)
    {
      self->in_flight++;
      func (data);
      return;
    }
  waiter = g_new (SlotWaiter, 1);
  waiter->func = func;
  waiter->data = data;
  g_queue_push_tail (&self->slot_waiters, waiter);
}

void
pd_sync_engine_release_slot (PdSyncEngine *self)
{
  g_autofree SlotWaiter *waiter = g_queue_pop_head (&self->slot_waiters);

  g_assert (self->in_flight > 0);
  if (waiter != NULL)
    waiter->func (waiter->data);  /* the slot passes on */
  else
    self->in_flight--;
}

void
pd_sync_engine_walk_progress (PdSyncEngine *self,
                              gint          stored_delta,
                              gint          expected_delta)
{
  if (self->run == NULL)
    return;
  self->stored += stored_delta;
  self->expected += expected_delta;
  set_progress (self, self->expected > 0 ? CLAMP ((double) self->stored / self->expected, 0, 1)
                                         : 0);
  if (stored_delta != 0)
    update_status (self);
}

static void start_run (PdSyncEngine *self, gboolean full);

static void
waiter_free (gpointer data)
{
  Waiter *waiter = data;

  g_object_unref (waiter->task);
  g_clear_object (&waiter->cancellable);
  g_free (waiter);
}

static gboolean
on_retry (gpointer data)
{
  PdSyncEngine *self = data;

  self->retry_source = 0;
  if (self->run == NULL)
    start_run (self, FALSE);
  return G_SOURCE_REMOVE;
}

static gboolean
on_interval (gpointer data)
{
  PdSyncEngine *self = data;

  if (self->run == NULL)
    start_run (self, FALSE);
  return G_SOURCE_CONTINUE;
}

static void
on_cancelled (GCancellable *cancellable,
              gpointer      data)
{
  g_cancellable_cancel (data);
}

/* Cancelling any caller stops the sync it joined. */
static void
join_run (PdSyncEngine *self,
          Waiter       *waiter)
{
  if (waiter->cancellable != NULL)
    waiter->handler = g_cancellable_connect (waiter->cancellable, G_CALLBACK (on_cancelled),
                                             g_object_ref (self->run->cancellable),
                                             g_object_unref);
  g_ptr_array_add (self->run->waiters, waiter);
}

/* Callers who came during a run (an edit that just changed something the run may already
 * have read) get a run of their own, unless the engine is being stopped. */
static void
start_next_run (PdSyncEngine *self,
                gboolean      cancelled)
{
  g_autoptr(GPtrArray) next = g_steal_pointer (&self->next);

  if (cancelled)
    {
      for (guint i = 0; i < next->len; i++)
        g_task_return_new_error (((Waiter *) g_ptr_array_index (next, i))->task, G_IO_ERROR,
                                 G_IO_ERROR_CANCELLED, "The sync was stopped");
      return;
    }
  start_run (self, self->next_full);
  self->next_full = FALSE;
  if (self->run == NULL)
    {
      /* finished at once (no lists) */
      for (guint i = 0; i < next->len; i++)
        {
          GTask *task = ((Waiter *) g_ptr_array_index (next, i))->task;

          if (self->error != NULL)
            g_task_return_new_error (task, PD_PORTAL_ERROR, PD_PORTAL_ERROR_SERVER, "%s", self->error);
          else
            g_task_return_boolean (task, TRUE);
        }
      return;
    }
  for (guint i = 0; i < next->len; i++)
    join_run (self, g_ptr_array_index (next, i));
  g_ptr_array_set_free_func (next, NULL);  /* the run has them now */
}

static void
finish_run (PdSyncEngine *self)
{
  Run *run = g_steal_pointer (&self->run);
  gboolean cancelled = g_cancellable_is_cancelled (run->cancellable);

  g_clear_handle_id (&self->retry_source, g_source_remove);
  if (run->error == NULL)
    {
      self->retry_seconds = 0;
      set_string (self, &self->error, NULL, PROP_ERROR);
      set_offline_since (self, NULL);
      set_progress (self, 1);
      set_state (self, PD_SYNC_STATE_UP_TO_DATE);
    }
  else if (cancelled)
    set_state (self, PD_SYNC_STATE_IDLE);
  else if (run->offline != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      if (self->offline_since == NULL)
        set_offline_since (self, now);
      set_string (self, &self->error, run->offline->message, PROP_ERROR);
      set_state (self, PD_SYNC_STATE_OFFLINE);
      /* back off, but never past the periodic refresh */
      self->retry_seconds = self->retry_seconds == 0 ? FIRST_RETRY_SECONDS
                                                     : MIN (self->retry_seconds * 2, MAX_RETRY_SECONDS);
      if (self->interval > 0)
        self->retry_seconds = MIN (self->retry_seconds, self->interval);
      self->retry_source = g_timeout_add_seconds (self->retry_seconds, on_retry, self);
    }
  else
    {
      set_string (self, &self->error, run->error->message, PROP_ERROR);
      set_state (self, PD_SYNC_STATE_FAILED);
    }

  /* What the run wrote goes from the log into the file while nothing else is going on
   * (before the waiters hear of it: one of them may drop the engine) */
  pd_cache_checkpoint (self->cache);
  if (self->next != NULL)
    start_next_run (self, cancelled);
  for (guint i = 0; i < run->waiters->len; i++)
    {
      Waiter *waiter = g_ptr_array_index (run->waiters, i);

      if (waiter->cancellable != NULL)
        g_cancellable_disconnect (waiter->cancellable, waiter->handler);
      if (run->error != NULL)
        g_task_return_error (waiter->task, g_error_copy (run->error));
      else
        g_task_return_boolean (waiter->task, TRUE);
    }
  g_ptr_array_unref (run->waiters);
  g_object_unref (run->cancellable);
  g_clear_error (&run->error);
  g_clear_error (&run->offline);
  g_free (run);
}

static void
on_walked (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  PdSyncEngine *self = PD_SYNC_ENGINE (source);
  Run *run = user_data;
  GError *error = NULL;

  if (!pd_sync_walk_finish (self, result, &error))
    {
      g_debug ("A list failed to sync: %s", error->message);
      if (run->offline == NULL && g_error_matches (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_OFFLINE))
        run->offline = g_error_copy (error);
      if (run->error == NULL)
        run->error = error;
      else
        g_error_free (error);
    }
  if (--run->pending == 0)
    finish_run (self);
}

static void
start_run (PdSyncEngine *self,
           gboolean      full)
{
  Run *run = g_new0 (Run, 1);

  g_assert (self->run == NULL);
  run->waiters = g_ptr_array_new_with_free_func (waiter_free);
  run->cancellable = g_cancellable_new ();
  run->pending = self->entries->len + 1;
  self->run = run;
  self->stored = 0;
  self->expected = 0;
  g_clear_handle_id (&self->retry_source, g_source_remove);
  set_progress (self, 0);
  set_state (self, PD_SYNC_STATE_SYNCING);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);

      pd_sync_walk_async (self, entry->kind, NULL, NULL, entry->list, full, run->cancellable,
                          on_walked, run);
    }
  /* the extra count makes an engine without lists finish too */
  if (--run->pending == 0)
    finish_run (self);
}

static void
pd_sync_engine_dispose (GObject *object)
{
  PdSyncEngine *self = PD_SYNC_ENGINE (object);

  g_clear_handle_id (&self->interval_source, g_source_remove);
  g_clear_handle_id (&self->retry_source, g_source_remove);
  G_OBJECT_CLASS (pd_sync_engine_parent_class)->dispose (object);
}

static void
pd_sync_engine_finalize (GObject *object)
{
  PdSyncEngine *self = PD_SYNC_ENGINE (object);

  /* a run holds a reference through its tasks, so none is left here */
  g_assert (self->run == NULL);
  g_assert (g_queue_is_empty (&self->slot_waiters));
  for (guint i = 0; i < self->entries->len; i++)
    g_object_unref (g_array_index (self->entries, Entry, i).list);
  g_array_unref (self->entries);
  g_clear_object (&self->client);
  g_clear_object (&self->cache);
  g_free (self->status_text);
  g_clear_pointer (&self->offline_since, g_date_time_unref);
  g_free (self->error);

  G_OBJECT_CLASS (pd_sync_engine_parent_class)->finalize (object);
}

static void
pd_sync_engine_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PdSyncEngine *self = PD_SYNC_ENGINE (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    case PROP_STATUS_TEXT:
      g_value_set_string (value, self->status_text);
      break;
    case PROP_OFFLINE_SINCE:
      g_value_set_boxed (value, self->offline_since);
      break;
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    case PROP_INTERVAL:
      g_value_set_uint (value, self->interval);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_sync_engine_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_INTERVAL:
      pd_sync_engine_set_interval (PD_SYNC_ENGINE (object), g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_sync_engine_class_init (PdSyncEngineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pd_sync_engine_dispose;
  object_class->finalize = pd_sync_engine_finalize;
  object_class->get_property = pd_sync_engine_get_property;
  object_class->set_property = pd_sync_engine_set_property;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, PD_TYPE_SYNC_STATE, PD_SYNC_STATE_IDLE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0, 1, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STATUS_TEXT] =
    g_param_spec_string ("status-text", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_OFFLINE_SINCE] =
    g_param_spec_boxed ("offline-since", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_INTERVAL] =
    g_param_spec_uint ("interval", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pd_sync_engine_init (PdSyncEngine *self)
{
  self->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  self->status_text = g_strdup ("");
  g_queue_init (&self->slot_waiters);
}

PdSyncEngine *
pd_sync_engine_new (PdPortalClient *client,
                    PdCache        *cache)
{
  PdSyncEngine *self;

  g_return_val_if_fail (PD_IS_PORTAL_CLIENT (client), NULL);
  g_return_val_if_fail (PD_IS_CACHE (cache), NULL);

  self = g_object_new (PD_TYPE_SYNC_ENGINE, NULL);
  self->client = g_object_ref (client);
  self->cache = g_object_ref (cache);
  return self;
}

void
pd_sync_engine_add_list (PdSyncEngine         *self,
                         const PdResourceKind *kind,
                         PdResourceList       *list)
{
  Entry entry;

  g_return_if_fail (PD_IS_SYNC_ENGINE (self));
  g_return_if_fail (kind != NULL && kind != &pd_resource_kind_accounts);
  g_return_if_fail (PD_IS_RESOURCE_LIST (list));

  entry.kind = kind;
  entry.list = g_object_ref (list);
  g_array_append_val (self->entries, entry);
}

void
pd_sync_engine_sync_async (PdSyncEngine        *self,
                           gboolean             full,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;
  Waiter *waiter;

  g_return_if_fail (PD_IS_SYNC_ENGINE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pd_sync_engine_sync_async);
  waiter = g_new0 (Waiter, 1);
  waiter->task = task;
  waiter->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  if (self->run != NULL)
    {
      /* The run may have read the lists before the caller's change: one more after it */
      if (self->next == NULL)
        self->next = g_ptr_array_new_with_free_func (waiter_free);
      self->next_full |= full;
      g_ptr_array_add (self->next, waiter);
      return;
    }
  start_run (self, full);
  if (self->run == NULL)
    {
      /* finished at once (no lists): report what it found */
      if (self->error != NULL)
        g_task_return_new_error (task, PD_PORTAL_ERROR, PD_PORTAL_ERROR_SERVER, "%s", self->error);
      else
        g_task_return_boolean (task, TRUE);
      waiter_free (waiter);
      return;
    }
  join_run (self, waiter);
}

gboolean
pd_sync_engine_sync_finish (PdSyncEngine  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
pd_sync_engine_set_interval (PdSyncEngine *self,
                             guint         seconds)
{
  g_return_if_fail (PD_IS_SYNC_ENGINE (self));

  if (self->interval == seconds)
    return;
  self->interval = seconds;
  g_clear_handle_id (&self->interval_source, g_source_remove);
  if (seconds > 0)
    self->interval_source = g_timeout_add_seconds (seconds, on_interval, self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVAL]);
}

guint
pd_sync_engine_get_interval (PdSyncEngine *self)
{
  g_return_val_if_fail (PD_IS_SYNC_ENGINE (self), 0);
  return self->interval;
}

PdSyncState
pd_sync_engine_get_state (PdSyncEngine *self)
{
  g_return_val_if_fail (PD_IS_SYNC_ENGINE (self), PD_SYNC_STATE_IDLE);
  return self->state;
}

double
pd_sync_engine_get_progress (PdSyncEngine *self)
{
  g_return_val_if_fail (PD_IS_SYNC_ENGINE (self), 0);
  return self->progress;
}

const char *
pd_sync_engine_get_status_text (PdSyncEngine *self)
{
  g_return_val_if_fail (PD_IS_SYNC_ENGINE (self), NULL);
  return self->status_text;
}

GDateTime *
pd_sync_engine_get_offline_since (PdSyncEngine *self)
{
  g_return_val_if_fail (PD_IS_SYNC_ENGINE (self), NULL);
  return self->offline_since;
}

const char *
pd_sync_engine_get_error (PdSyncEngine *self)
{
  g_return_val_if_fail (PD_IS_SYNC_ENGINE (self), NULL);
  return self->error;
}

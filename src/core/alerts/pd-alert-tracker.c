/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pd-alert-invites.h"
#include "pd-alert-tracker.h"
#include "pd-cache-resources.h"

#define DOCUMENT "alerts/raised"

struct _PdAlertTracker
{
  GObject       parent_instance;

  PdSession    *session;
  GCancellable *cancellable;
  GCancellable *fetching;   /* the invitations read for the evaluation under way */
  /* Keys of the events in the last evaluation; NULL until the document was read */
  GHashTable   *known;
  gboolean      primed;   /* FALSE: no sync of this account was ever evaluated */
};

G_DEFINE_FINAL_TYPE (PdAlertTracker, pd_alert_tracker, G_TYPE_OBJECT)

enum {
  RAISED,
  EVALUATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
stored_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!pd_cache_store_document_finish (PD_CACHE (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Cannot remember the notified events: %s", error->message);
}

static void
store_known (PdAlertTracker *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  PdCache *cache = pd_session_get_cache (self->session);
  GHashTableIter iter;
  gpointer key;

  /* Signed out or removed meanwhile: there is no account left to remember it for. */
  if (cache == NULL)
    return;
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "keys");
  json_builder_begin_array (builder);
  g_hash_table_iter_init (&iter, self->known);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    json_builder_add_string_value (builder, key);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  /* Not cancelled with the tracker: what was raised must be remembered even when the
   * session closes right after. */
  pd_cache_store_document_async (cache, DOCUMENT, json_builder_get_root (builder), NULL, stored_cb, NULL);
}

/* Only events missing from the previous evaluation are new; what was resolved is
 * forgotten, so the same trouble coming back later is a new event. @invites: the expiring
 * invitations, or NULL when they could not be read: those known stay known. */
static void
evaluate (PdAlertTracker *self,
          GPtrArray      *invites)
{
  g_autoptr(GPtrArray) alerts = pd_alerts_collect (pd_session_get_organizations (self->session));
  g_autoptr(GPtrArray) raised = g_ptr_array_new ();
  GHashTable *current = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean changed;

  if (invites != NULL)
    g_ptr_array_extend_and_steal (alerts, g_ptr_array_ref (invites));
  else
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, self->known);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (g_str_has_prefix (key, "invite-expiring:"))
          g_hash_table_add (current, g_strdup (key));
    }

  for (guint i = 0; i < alerts->len; i++)
    {
      PdAlert *alert = g_ptr_array_index (alerts, i);

      if (!g_hash_table_add (current, g_strdup (alert->key)))
        continue;
      if (self->primed && !g_hash_table_contains (self->known, alert->key))
        g_ptr_array_add (raised, alert);
    }
  changed = !self->primed || raised->len > 0 || g_hash_table_size (current) != g_hash_table_size (self->known);
  g_hash_table_unref (self->known);
  self->known = current;
  self->primed = TRUE;
  if (changed)
    store_known (self);
  if (raised->len > 0)
    {
      g_debug ("%u new events", raised->len);
      g_signal_emit (self, signals[RAISED], 0, raised);
    }
  g_signal_emit (self, signals[EVALUATED], 0);
}

static void
invites_read_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PdAlertTracker) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) invites = pd_alert_invites_fetch_finish (PD_SESSION (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    g_debug ("Invitations not read: %s", error->message);
  g_clear_object (&self->fetching);
  evaluate (self, invites);
}

static void
sync_state_changed_cb (PdAlertTracker *self)
{
  PdSyncEngine *engine = pd_session_get_sync_engine (self->session);

  /* A failed or partial sync may show a list half-way: wait for a complete one. */
  if (self->known == NULL || engine == NULL || pd_sync_engine_get_state (engine) != PD_SYNC_STATE_UP_TO_DATE)
    return;
  /* A newer sync supersedes the evaluation under way. */
  g_cancellable_cancel (self->fetching);
  g_clear_object (&self->fetching);
  self->fetching = g_cancellable_new ();
  pd_alert_invites_fetch_async (self->session, self->fetching, invites_read_cb, g_object_ref (self));
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PdAlertTracker) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = pd_cache_load_document_finish (PD_CACHE (source), result, &error);
  JsonArray *keys = NULL;

  if (error != NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Unreadable: start over as on a first sync rather than raise every old event. */
      g_warning ("Cannot read the notified events: %s", error->message);
    }
  self->known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonNode *member = json_object_get_member (json_node_get_object (root), "keys");

      if (member != NULL && JSON_NODE_HOLDS_ARRAY (member))
        keys = json_node_get_array (member);
    }
  self->primed = keys != NULL;
  for (guint i = 0; keys != NULL && i < json_array_get_length (keys); i++)
    {
      const char *key = json_array_get_string_element (keys, i);

      if (key != NULL)
        g_hash_table_add (self->known, g_strdup (key));
    }
  sync_state_changed_cb (self);
}

PdAlertTracker *
pd_alert_tracker_new (PdSession *session)
{
  PdAlertTracker *self;
  PdCache *cache;

  g_return_val_if_fail (PD_IS_SESSION (session), NULL);
  g_return_val_if_fail (pd_session_get_sync_engine (session) != NULL, NULL);

  self = g_object_new (PD_TYPE_ALERT_TRACKER, NULL);
  self->session = g_object_ref (session);
  cache = pd_session_get_cache (session);
  g_signal_connect_object (pd_session_get_sync_engine (session), "notify::state",
                           G_CALLBACK (sync_state_changed_cb), self, G_CONNECT_SWAPPED);
  pd_cache_load_document_async (cache, DOCUMENT, self->cancellable, loaded_cb, g_object_ref (self));
  return self;
}

PdSession *
pd_alert_tracker_get_session (PdAlertTracker *self)
{
  g_return_val_if_fail (PD_IS_ALERT_TRACKER (self), NULL);

  return self->session;
}

static void
pd_alert_tracker_dispose (GObject *object)
{
  PdAlertTracker *self = PD_ALERT_TRACKER (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->fetching);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pd_alert_tracker_parent_class)->dispose (object);
}

static void
pd_alert_tracker_finalize (GObject *object)
{
  PdAlertTracker *self = PD_ALERT_TRACKER (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->fetching);
  g_clear_pointer (&self->known, g_hash_table_unref);

  G_OBJECT_CLASS (pd_alert_tracker_parent_class)->finalize (object);
}

static void
pd_alert_tracker_class_init (PdAlertTrackerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pd_alert_tracker_dispose;
  object_class->finalize = pd_alert_tracker_finalize;

  signals[RAISED] =
    g_signal_new ("raised", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);
  /* After each evaluation, whether or not it raised anything (for tests) */
  signals[EVALUATED] =
    g_signal_new ("evaluated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
pd_alert_tracker_init (PdAlertTracker *self)
{
  self->cancellable = g_cancellable_new ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pd-alert-invites.h"
#include "pd-invitations.h"

/* Polling: soon after an invitation went out the admin may be at it; later, rarely. */
#define POLL_FIRST_SECONDS 5
#define POLL_MAX_SECONDS 300
/* Delta syncs asked for in a row while the synced state disagrees with the authorizations
 * read: a sync that was already under way may not have seen the change yet. */
#define MAX_CATCH_UP_SYNCS 3

struct _PdInvitations
{
  GObject       parent_instance;

  PdSession    *session;        /* weak: the store lives in the session's data */
  GHashTable   *pending;        /* service id → PdAuthorization */
  GCancellable *reading;
  gboolean      read_again;
  guint         holds;
  guint         poll_id;
  guint         poll_seconds;
  guint         catch_up_syncs;
  guint         generation;     /* of what answers put in */
  guint         read_generation;
};

G_DEFINE_FINAL_TYPE (PdInvitations, pd_invitations, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void read_now (PdInvitations *self);

static gboolean
poll_cb (gpointer data)
{
  PdInvitations *self = data;

  self->poll_id = 0;
  self->poll_seconds = MIN (self->poll_seconds * 2, POLL_MAX_SECONDS);
  read_now (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_poll (PdInvitations *self)
{
  if (self->holds == 0 || g_hash_table_size (self->pending) == 0)
    {
      g_clear_handle_id (&self->poll_id, g_source_remove);
      return;
    }
  if (self->poll_id == 0 && self->reading == NULL)
    self->poll_id = g_timeout_add_seconds (self->poll_seconds, poll_cb, self);
}

static gboolean
same_pending (GHashTable *a,
              GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      PdResource *other = g_hash_table_lookup (b, key);

      if (other == NULL || g_strcmp0 (pd_resource_get_etag (value), pd_resource_get_etag (other)) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
replace_pending (PdInvitations *self,
                 GHashTable    *pending)
{
  gboolean same = same_pending (self->pending, pending);

  g_hash_table_unref (self->pending);
  self->pending = g_hash_table_ref (pending);
  if (same)
    return;
  self->poll_seconds = POLL_FIRST_SECONDS;
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
read_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(PdInvitations) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) invites = pd_alert_invites_read_finish (PD_SESSION (source), result, &error);
  g_autoptr(GHashTable) pending = NULL;
  gboolean stale = FALSE;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->reading);
  /* Read before an answer came in: possibly older than it */
  if (self->read_generation != self->generation)
    self->read_again = TRUE;
  else if (invites == NULL)
    g_debug ("Pending invitations not read: %s", error->message);
  else
    {
      pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
      for (guint i = 0; i < invites->len; i++)
        {
          PdAlertInvite *invite = g_ptr_array_index (invites, i);
          PdAuthorizationState state = pd_authorization_get_state (invite->authorization);

          if (state != pd_service_get_authorization_state (invite->service))
            stale = TRUE;
          if (state == PD_AUTHORIZATION_STATE_PENDING_CLIENT_ADMIN)
            g_hash_table_insert (pending, g_strdup (pd_resource_get_id (PD_RESOURCE (invite->service))),
                                 g_object_ref (invite->authorization));
        }
      replace_pending (self, pending);
    }
  /* The synced service says otherwise than its authorization (the client's admin accepted,
   * or a change of ours came after the sync had started): catch up now; the sync's end
   * reads again. */
  self->catch_up_syncs = stale ? self->catch_up_syncs + 1 : 0;
  if (stale && self->catch_up_syncs <= MAX_CATCH_UP_SYNCS && pd_session_get_sync_engine (self->session) != NULL)
    pd_sync_engine_sync_async (pd_session_get_sync_engine (self->session), FALSE, NULL, NULL, NULL);
  if (self->read_again)
    {
      self->read_again = FALSE;
      read_now (self);
      return;
    }
  schedule_poll (self);
}

static void
read_now (PdInvitations *self)
{
  if (self->reading != NULL)
    {
      self->read_again = TRUE;
      return;
    }
  g_clear_handle_id (&self->poll_id, g_source_remove);
  self->reading = g_cancellable_new ();
  self->read_generation = self->generation;
  /* The pending ones known from answers too: the synced list may not show them yet */
  pd_alert_invites_read_async (self->session, self->pending, self->reading, read_cb, g_object_ref (self));
}

static void
sync_state_cb (PdInvitations *self,
               GParamSpec    *pspec,
               PdSyncEngine  *engine)
{
  /* Once per completed sync: a partial one may show a list half-way. */
  if (pd_sync_engine_get_state (engine) == PD_SYNC_STATE_UP_TO_DATE)
    read_now (self);
}

static void
pd_invitations_dispose (GObject *object)
{
  PdInvitations *self = PD_INVITATIONS (object);

  g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  g_clear_handle_id (&self->poll_id, g_source_remove);

  G_OBJECT_CLASS (pd_invitations_parent_class)->dispose (object);
}

static void
pd_invitations_finalize (GObject *object)
{
  PdInvitations *self = PD_INVITATIONS (object);

  g_hash_table_unref (self->pending);

  G_OBJECT_CLASS (pd_invitations_parent_class)->finalize (object);
}

static void
pd_invitations_class_init (PdInvitationsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pd_invitations_dispose;
  object_class->finalize = pd_invitations_finalize;

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pd_invitations_init (PdInvitations *self)
{
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->poll_seconds = POLL_FIRST_SECONDS;
}

PdInvitations *
pd_invitations_get (PdSession *session)
{
  PdInvitations *self;
  PdSyncEngine *engine;

  g_return_val_if_fail (PD_IS_SESSION (session), NULL);

  self = g_object_get_data (G_OBJECT (session), "pd-invitations");
  if (self != NULL)
    return self;
  self = g_object_new (PD_TYPE_INVITATIONS, NULL);
  self->session = session;
  g_object_set_data_full (G_OBJECT (session), "pd-invitations", self, g_object_unref);
  engine = pd_session_get_sync_engine (session);
  if (engine != NULL)
    {
      g_signal_connect_object (engine, "notify::state", G_CALLBACK (sync_state_cb), self, G_CONNECT_SWAPPED);
      if (pd_sync_engine_get_state (engine) == PD_SYNC_STATE_UP_TO_DATE)
        read_now (self);
    }
  return self;
}

PdAuthorization *
pd_invitations_lookup (PdInvitations *self,
                       const char    *service_id)
{
  g_return_val_if_fail (PD_IS_INVITATIONS (self), NULL);

  return service_id != NULL ? g_hash_table_lookup (self->pending, service_id) : NULL;
}

void
pd_invitations_put (PdInvitations   *self,
                    const char      *service_id,
                    PdAuthorization *authorization)
{
  g_autoptr(GHashTable) pending = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (PD_IS_INVITATIONS (self));
  g_return_if_fail (service_id != NULL);
  g_return_if_fail (authorization == NULL || PD_IS_AUTHORIZATION (authorization));

  /* A copy: replace_pending compares the old and the new */
  pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (pending, g_strdup (key), g_object_ref (value));
  if (authorization != NULL &&
      pd_authorization_get_state (authorization) == PD_AUTHORIZATION_STATE_PENDING_CLIENT_ADMIN)
    g_hash_table_insert (pending, g_strdup (service_id), g_object_ref (authorization));
  else
    g_hash_table_remove (pending, service_id);
  self->generation++;
  replace_pending (self, pending);
  schedule_poll (self);
}

gboolean
pd_invitations_put_json (PdInvitations *self,
                         const char    *service_id,
                         JsonNode      *root)
{
  g_autoptr(PdResource) authorization = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PD_IS_INVITATIONS (self), FALSE);
  g_return_val_if_fail (service_id != NULL, FALSE);

  if (root != NULL)
    authorization = pd_resource_new_from_json (PD_TYPE_AUTHORIZATION, root, &error);
  if (authorization == NULL)
    {
      /* The next read puts it right */
      g_debug ("The invitation's answer is not usable: %s", error != NULL ? error->message : "no body");
      return FALSE;
    }
  pd_invitations_put (self, service_id, PD_AUTHORIZATION (authorization));
  return TRUE;
}

void
pd_invitations_refresh (PdInvitations *self)
{
  g_return_if_fail (PD_IS_INVITATIONS (self));

  read_now (self);
}

void
pd_invitations_hold (PdInvitations *self)
{
  g_return_if_fail (PD_IS_INVITATIONS (self));

  if (self->holds++ == 0)
    {
      self->poll_seconds = POLL_FIRST_SECONDS;
      schedule_poll (self);
    }
}

void
pd_invitations_release (PdInvitations *self)
{
  g_return_if_fail (PD_IS_INVITATIONS (self));
  g_return_if_fail (self->holds > 0);

  if (--self->holds == 0)
    schedule_poll (self);
}

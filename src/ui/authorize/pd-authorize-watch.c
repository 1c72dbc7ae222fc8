/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pd-authorize-watch.h"

#define FIRST_WAIT_MS 1000
#define LONGEST_WAIT_MS 10000

struct _PdAuthorizeWatch
{
  GObject       parent_instance;

  PdSession    *session;
  char         *path;
  char         *etag;
  GCancellable *cancellable;   /* the poll in flight */
  guint         timeout_id;
  guint         polls;         /* unchanged answers since the last change */
  gboolean      running;
  gboolean      failing;
};

enum {
  CHANGED,
  FAILED,
  RECOVERED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (PdAuthorizeWatch, pd_authorize_watch, G_TYPE_OBJECT)

guint
pd_authorize_watch_backoff_ms (guint polls)
{
  guint wait = FIRST_WAIT_MS;

  /* 1, 1.5, 2.25 … seconds: quick while the admin is likely clicking, cheap after */
  for (guint i = 0; i < polls && wait < LONGEST_WAIT_MS; i++)
    wait = wait * 3 / 2;
  return MIN (wait, LONGEST_WAIT_MS);
}

static void poll_now (PdAuthorizeWatch *self);

static gboolean
poll_timeout_cb (gpointer user_data)
{
  PdAuthorizeWatch *self = user_data;

  self->timeout_id = 0;
  poll_now (self);
  return G_SOURCE_REMOVE;
}

static void
schedule (PdAuthorizeWatch *self)
{
  if (!self->running)
    return;
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (pd_authorize_watch_backoff_ms (self->polls), poll_timeout_cb, self);
}

static void
poll_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(PdAuthorizeWatch) self = user_data;
  g_autoptr(PdPortalResponse) response = NULL;
  g_autoptr(PdResource) authorization = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  response = pd_portal_client_send_finish (PD_PORTAL_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || !self->running)
    return;
  g_clear_object (&self->cancellable);

  root = response != NULL ? pd_portal_response_get_root (response) : NULL;
  if (response != NULL && pd_portal_response_get_status (response) == SOUP_STATUS_NOT_MODIFIED)
    {
      self->polls++;
      if (self->failing)
        {
          self->failing = FALSE;
          g_signal_emit (self, signals[RECOVERED], 0);
        }
      schedule (self);
      return;
    }
  if (response != NULL)
    {
      if (root == NULL)
        g_set_error_literal (&error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_BAD_RESPONSE, "Empty authorization");
      else
        authorization = pd_resource_new_from_json (PD_TYPE_AUTHORIZATION, root, &error);
    }
  if (authorization == NULL)
    {
      self->polls++;
      self->failing = TRUE;
      g_signal_emit (self, signals[FAILED], 0, error);
      schedule (self);
      return;
    }

  self->polls = 0;
  self->failing = FALSE;
  g_free (self->etag);
  self->etag = g_strdup (pd_portal_response_get_etag (response));
  g_signal_emit (self, signals[CHANGED], 0, authorization);
  schedule (self);
}

static void
poll_now (PdAuthorizeWatch *self)
{
  g_autoptr(PdPortalRequest) request = pd_portal_request_new ("GET", self->path);

  if (self->etag != NULL)
    pd_portal_request_set_if_none_match (request, self->etag);
  /* One attempt per poll: the next poll is the retry, and a failure is reported at once. */
  pd_portal_request_set_retry (request, FALSE);
  self->cancellable = g_cancellable_new ();
  pd_portal_client_send_async (pd_session_get_client (self->session), request, self->cancellable,
                               poll_cb, g_object_ref (self));
}

void
pd_authorize_watch_start (PdAuthorizeWatch *self,
                          const char       *etag)
{
  g_return_if_fail (PD_IS_AUTHORIZE_WATCH (self));

  pd_authorize_watch_stop (self);
  g_free (self->etag);
  self->etag = g_strdup (etag);
  self->polls = 0;
  self->running = TRUE;
  schedule (self);
}

void
pd_authorize_watch_stop (PdAuthorizeWatch *self)
{
  g_return_if_fail (PD_IS_AUTHORIZE_WATCH (self));

  self->running = FALSE;
  self->failing = FALSE;
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

gboolean
pd_authorize_watch_is_running (PdAuthorizeWatch *self)
{
  g_return_val_if_fail (PD_IS_AUTHORIZE_WATCH (self), FALSE);

  return self->running;
}

static void
pd_authorize_watch_dispose (GObject *object)
{
  PdAuthorizeWatch *self = PD_AUTHORIZE_WATCH (object);

  pd_authorize_watch_stop (self);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (pd_authorize_watch_parent_class)->dispose (object);
}

static void
pd_authorize_watch_finalize (GObject *object)
{
  PdAuthorizeWatch *self = PD_AUTHORIZE_WATCH (object);

  g_free (self->path);
  g_free (self->etag);
  G_OBJECT_CLASS (pd_authorize_watch_parent_class)->finalize (object);
}

static void
pd_authorize_watch_class_init (PdAuthorizeWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pd_authorize_watch_dispose;
  object_class->finalize = pd_authorize_watch_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, PD_TYPE_AUTHORIZATION);
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
  signals[RECOVERED] = g_signal_new ("recovered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pd_authorize_watch_init (PdAuthorizeWatch *self)
{
}

PdAuthorizeWatch *
pd_authorize_watch_new (PdSession  *session,
                        const char *organization_id,
                        const char *service_id)
{
  PdAuthorizeWatch *self;

  g_return_val_if_fail (PD_IS_SESSION (session), NULL);
  g_return_val_if_fail (organization_id != NULL && service_id != NULL, NULL);

  self = g_object_new (PD_TYPE_AUTHORIZE_WATCH, NULL);
  self->session = g_object_ref (session);
  self->path = g_strdup_printf ("/api/v1/organizations/%s/services/%s/authorization",
                                organization_id, service_id);
  return self;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pd-token-manager.h"

#include <glib/gi18n-lib.h>

#include "pd-auth-private.h"
#include "pd-credentials.h"

/* Refresh this long before expiry, so a request started now still arrives with a live
 * token; at most half the lifetime, so a short-lived token is not refreshed at once. */
#define REFRESH_MARGIN_USEC (60 * G_USEC_PER_SEC)

typedef struct {
  GTask   *task;
  GSource *cancelled; /* NULL without a cancellable */
} Waiter;

struct _PdTokenManager
{
  GObject        parent_instance;
  GWeakRef       client;
  PdAccountInfo *account;
  char          *refresh_token;
  char          *access_token;
  gint64         refresh_at;  /* monotonic µs after which access_token is not handed out */
  gboolean       unsaved;     /* refresh_token rotated but not yet in the keyring */
  gboolean       signed_out;  /* refused or revoked: nothing more to hand out */
  gboolean       busy;        /* a refresh or keyring store is under way */
  GPtrArray     *waiters;     /* Waiter */
  GCancellable  *cancellable; /* the manager's own work, cancelled on dispose */
};

static void portal_auth_iface_init (PdPortalAuthInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PdTokenManager, pd_token_manager, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (PD_TYPE_PORTAL_AUTH, portal_auth_iface_init))

static void advance (PdTokenManager *self, gboolean fresh);

static void
waiter_free (Waiter *waiter)
{
  if (waiter->cancelled != NULL)
    {
      g_source_destroy (waiter->cancelled);
      g_source_unref (waiter->cancelled);
    }
  g_clear_object (&waiter->task);
  g_free (waiter);
}

static GError *
sign_in_again_error (PdTokenManager *self)
{
  const char *email = pd_account_info_get_user_email (self->account);
  g_autofree char *host = pd_account_info_dup_host (self->account);

  return g_error_new (PD_PORTAL_ERROR, PD_PORTAL_ERROR_UNAUTHORIZED,
                      _("The sign-in of %s on %s has ended or was revoked. Sign in again."),
                      email != NULL ? email : _("this account"), host);
}

static void
set_access_token (PdTokenManager *self,
                  const char     *token,
                  gint64          expires_in)
{
  gint64 lifetime = expires_in * G_USEC_PER_SEC;

  pd_auth_secret_free (self->access_token);
  self->access_token = g_strdup (token);
  self->refresh_at = g_get_monotonic_time () + lifetime - MIN (REFRESH_MARGIN_USEC, lifetime / 2);
}

static void
forget_tokens (PdTokenManager *self)
{
  g_clear_pointer (&self->access_token, pd_auth_secret_free);
  g_clear_pointer (&self->refresh_token, pd_auth_secret_free);
  self->signed_out = TRUE;
}

/* Completes every waiter: with a copy of the access token when @error is NULL. */
static void
complete_waiters (PdTokenManager *self,
                  const GError   *error)
{
  g_autoptr(GPtrArray) waiters = g_steal_pointer (&self->waiters);

  self->waiters = g_ptr_array_new_with_free_func ((GDestroyNotify) waiter_free);
  self->busy = FALSE;
  for (guint i = 0; i < waiters->len; i++)
    {
      Waiter *waiter = g_ptr_array_index (waiters, i);

      if (error != NULL)
        g_task_return_error (waiter->task, g_error_copy (error));
      else
        g_task_return_pointer (waiter->task, g_strdup (self->access_token), g_free);
    }
}

static void
on_stored (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PdTokenManager) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!pd_credentials_store_finish (result, &error))
    {
      /* The new tokens stay in memory; the next call tries the keyring again before handing
       * the access token out, so it is never used while the keyring holds a spent token. */
      complete_waiters (self, error);
      return;
    }
  self->unsaved = FALSE;
  advance (self, TRUE);
}

static gboolean
refused (const GError *error)
{
  guint status = pd_portal_error_get_status (error);

  /* RFC 6749 §5.2: invalid_grant and invalid_client come as 400 and 401. */
  return error->domain == PD_PORTAL_ERROR &&
         (status == 400 || status == 401 || error->code == PD_PORTAL_ERROR_UNAUTHORIZED);
}

static void
on_refreshed (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PdTokenManager) self = user_data;
  g_autoptr(PdPortalResponse) response = NULL;
  g_autoptr(PdOAuthTokens) tokens = NULL;
  g_autoptr(GError) error = NULL;

  response = pd_portal_client_send_finish (PD_PORTAL_CLIENT (source), result, &error);
  if (response != NULL)
    tokens = pd_oauth_tokens_parse (pd_portal_response_get_root (response), &error);
  if (tokens == NULL)
    {
      if (refused (error))
        {
          g_clear_error (&error);
          error = sign_in_again_error (self);
          forget_tokens (self);
        }
      complete_waiters (self, error);
      return;
    }

  if (self->signed_out)
    {
      /* Revoked while the refresh was under way: keep nothing of it. */
      advance (self, TRUE);
      return;
    }
  set_access_token (self, tokens->access_token, tokens->expires_in);
  if (tokens->refresh_token != NULL && g_strcmp0 (tokens->refresh_token, self->refresh_token) != 0)
    {
      pd_auth_secret_free (self->refresh_token);
      self->refresh_token = g_steal_pointer (&tokens->refresh_token);
      self->unsaved = TRUE;
    }
  advance (self, TRUE);
}

/* The one refresh in flight moves on: store a rotated token, else hand out a live access
 * token, else refresh. @fresh: the access token was just issued. */
static void
advance (PdTokenManager *self,
         gboolean        fresh)
{
  g_autoptr(PdPortalClient) client = NULL;
  g_autoptr(GHashTable) form = NULL;

  if (self->signed_out)
    {
      g_autoptr(GError) error = sign_in_again_error (self);

      complete_waiters (self, error);
      return;
    }
  if (self->unsaved)
    {
      pd_credentials_store_async (self->account, PD_CREDENTIAL_REFRESH_TOKEN, self->refresh_token,
                                  self->cancellable, on_stored, g_object_ref (self));
      return;
    }
  if (self->access_token != NULL && (fresh || g_get_monotonic_time () < self->refresh_at))
    {
      complete_waiters (self, NULL);
      return;
    }

  client = g_weak_ref_get (&self->client);
  if (client == NULL)
    {
      g_autoptr(GError) error = g_error_new (G_IO_ERROR, G_IO_ERROR_CLOSED,
                                             _("The connection to the portal was closed."));

      complete_waiters (self, error);
      return;
    }
  form = pd_oauth_form_new ();
  g_hash_table_insert (form, g_strdup ("grant_type"), g_strdup ("refresh_token"));
  g_hash_table_insert (form, g_strdup ("refresh_token"), g_strdup (self->refresh_token));
  pd_oauth_post_form (client, "/oauth/token", form, FALSE, self->cancellable, on_refreshed, g_object_ref (self));
}

static gboolean
on_waiter_cancelled (GCancellable *cancellable,
                     gpointer      user_data)
{
  Waiter *waiter = user_data;
  PdTokenManager *self = g_task_get_source_object (waiter->task);

  /* The refresh itself goes on: cancelling it halfway could lose a rotated token. */
  g_task_return_error_if_cancelled (waiter->task);
  g_ptr_array_remove (self->waiters, waiter);
  return G_SOURCE_REMOVE;
}

static void
get_token_async (PdPortalAuth        *auth,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  PdTokenManager *self = PD_TOKEN_MANAGER (auth);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  Waiter *waiter;

  g_task_set_source_tag (task, get_token_async);
  if (g_task_return_error_if_cancelled (task))
    return;
  if (self->signed_out)
    {
      g_task_return_error (task, sign_in_again_error (self));
      return;
    }
  if (!self->busy && !self->unsaved && self->access_token != NULL &&
      g_get_monotonic_time () < self->refresh_at)
    {
      g_task_return_pointer (task, g_strdup (self->access_token), g_free);
      return;
    }

  waiter = g_new0 (Waiter, 1);
  waiter->task = g_steal_pointer (&task);
  if (cancellable != NULL)
    {
      waiter->cancelled = g_cancellable_source_new (cancellable);
      g_source_set_callback (waiter->cancelled, G_SOURCE_FUNC (on_waiter_cancelled), waiter, NULL);
      g_source_attach (waiter->cancelled, g_main_context_get_thread_default ());
    }
  g_ptr_array_add (self->waiters, waiter);
  if (!self->busy)
    {
      self->busy = TRUE;
      advance (self, FALSE);
    }
}

static char *
get_token_finish (PdPortalAuth  *auth,
                  GAsyncResult  *result,
                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, auth), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
token_rejected (PdPortalAuth *auth,
                const char   *token)
{
  PdTokenManager *self = PD_TOKEN_MANAGER (auth);

  /* Revoked early, or our clock ran slow: refresh on the next call. */
  if (token != NULL && g_strcmp0 (token, self->access_token) == 0)
    g_clear_pointer (&self->access_token, pd_auth_secret_free);
}

static void
portal_auth_iface_init (PdPortalAuthInterface *iface)
{
  iface->get_token_async = get_token_async;
  iface->get_token_finish = get_token_finish;
  iface->token_rejected = token_rejected;
}

static void
pd_token_manager_dispose (GObject *object)
{
  PdTokenManager *self = PD_TOKEN_MANAGER (object);

  g_cancellable_cancel (self->cancellable);
  G_OBJECT_CLASS (pd_token_manager_parent_class)->dispose (object);
}

static void
pd_token_manager_finalize (GObject *object)
{
  PdTokenManager *self = PD_TOKEN_MANAGER (object);

  g_weak_ref_clear (&self->client);
  g_clear_object (&self->account);
  pd_auth_secret_free (self->refresh_token);
  pd_auth_secret_free (self->access_token);
  g_ptr_array_unref (self->waiters);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (pd_token_manager_parent_class)->finalize (object);
}

static void
pd_token_manager_class_init (PdTokenManagerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pd_token_manager_dispose;
  object_class->finalize = pd_token_manager_finalize;
}

static void
pd_token_manager_init (PdTokenManager *self)
{
  g_weak_ref_init (&self->client, NULL);
  self->waiters = g_ptr_array_new_with_free_func ((GDestroyNotify) waiter_free);
  self->cancellable = g_cancellable_new ();
}

PdTokenManager *
pd_token_manager_new (PdPortalClient *client,
                      PdAccountInfo  *account,
                      const char     *refresh_token)
{
  PdTokenManager *self;

  g_return_val_if_fail (PD_IS_PORTAL_CLIENT (client), NULL);
  g_return_val_if_fail (PD_IS_ACCOUNT_INFO (account), NULL);
  g_return_val_if_fail (refresh_token != NULL && *refresh_token != '\0', NULL);

  self = g_object_new (PD_TYPE_TOKEN_MANAGER, NULL);
  g_weak_ref_set (&self->client, client);
  self->account = g_object_ref (account);
  self->refresh_token = g_strdup (refresh_token);
  return self;
}

PdAccountInfo *
pd_token_manager_get_account (PdTokenManager *self)
{
  g_return_val_if_fail (PD_IS_TOKEN_MANAGER (self), NULL);
  return self->account;
}

void
pd_token_manager_set_access_token (PdTokenManager *self,
                                   const char     *access_token,
                                   gint64          expires_in)
{
  g_return_if_fail (PD_IS_TOKEN_MANAGER (self));
  g_return_if_fail (access_token != NULL && expires_in > 0);

  set_access_token (self, access_token, expires_in);
}

static void
on_revoked (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(PdPortalResponse) response = NULL;
  GError *error = NULL;

  response = pd_portal_client_send_finish (PD_PORTAL_CLIENT (source), result, &error);
  if (response == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
pd_token_manager_revoke_async (PdTokenManager      *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(PdPortalClient) client = NULL;
  g_autoptr(GHashTable) form = NULL;
  g_autofree char *token = NULL;

  g_return_if_fail (PD_IS_TOKEN_MANAGER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pd_token_manager_revoke_async);

  /* Nothing is handed out from now on, whatever the portal answers. */
  token = g_steal_pointer (&self->refresh_token);
  forget_tokens (self);
  client = g_weak_ref_get (&self->client);
  if (token == NULL || client == NULL)
    {
      g_task_return_boolean (task, TRUE);
      pd_auth_secret_free (g_steal_pointer (&token));
      return;
    }
  form = pd_oauth_form_new ();
  g_hash_table_insert (form, g_strdup ("token"), g_steal_pointer (&token));
  g_hash_table_insert (form, g_strdup ("token_type_hint"), g_strdup ("refresh_token"));
  /* RFC 7009 revocation is idempotent, so it may be retried. */
  pd_oauth_post_form (client, "/oauth/revoke", form, TRUE, cancellable, on_revoked, g_steal_pointer (&task));
}

gboolean
pd_token_manager_revoke_finish (PdTokenManager  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

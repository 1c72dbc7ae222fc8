/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pd-oauth-flow.h"

#include <glib/gi18n-lib.h>

#include "pd-auth-error.h"
#include "pd-auth-private.h"
#include "pd-pkce.h"

struct _PdOAuthFlow
{
  GObject            parent_instance;
  PdPortalClient    *client;
  char              *login_hint;
  guint              timeout_seconds;
  char              *verifier;
  char              *state;
  char              *redirect_uri;
  char              *authorize_url;
  SoupServer        *server;
  GTask             *task;          /* the wait, until it completes */
  GSource           *timeout;
  GSource           *cancelled;
  SoupServerMessage *answering;     /* the redirect being answered (paused while exchanging) */
  gboolean           finishing;     /* the outcome is known and was sent to the browser */
  PdOAuthTokens     *tokens;        /* the outcome, once known */
  GError            *error;
};

G_DEFINE_FINAL_TYPE (PdOAuthFlow, pd_oauth_flow, G_TYPE_OBJECT)

static void
clear_source (GSource **source)
{
  if (*source != NULL)
    {
      g_source_destroy (*source);
      g_clear_pointer (source, g_source_unref);
    }
}

/* Stops listening and completes the wait with the outcome. */
static void
complete (PdOAuthFlow *self)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  clear_source (&self->timeout);
  clear_source (&self->cancelled);
  self->answering = NULL;
  if (self->server != NULL)
    soup_server_disconnect (self->server);
  if (task == NULL)
    return;
  if (self->error != NULL)
    g_task_return_error (task, g_steal_pointer (&self->error));
  else
    g_task_return_boolean (task, TRUE);
}

static gboolean
complete_idle (gpointer user_data)
{
  complete (user_data);
  return G_SOURCE_REMOVE;
}

static void
on_request_done (SoupServer        *server,
                 SoupServerMessage *msg,
                 gpointer           user_data)
{
  PdOAuthFlow *self = user_data;

  /* The browser has the page (or went away): only now may the listener go, and not from
   * inside the server's own signal. */
  if (msg == self->answering)
    {
      self->answering = NULL;
      self->finishing = TRUE;
      g_idle_add_full (G_PRIORITY_DEFAULT, complete_idle, g_object_ref (self), g_object_unref);
    }
}

static void
respond_page (SoupServerMessage *msg,
              guint              status,
              const char        *title,
              const char        *text)
{
  g_autofree char *title_html = g_markup_escape_text (title, -1);
  g_autofree char *text_html = g_markup_escape_text (text, -1);
  g_autofree char *body = NULL;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  body = g_strdup_printf ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                          "<title>%s</title>"
                          "<style>body{font-family:sans-serif;max-width:36em;margin:4em auto;padding:0 1em}</style>"
                          "</head><body><h1>%s</h1><p>%s</p></body></html>\n",
                          title_html, title_html, text_html);
  soup_message_headers_replace (headers, "Cache-Control", "no-store");
  soup_message_headers_replace (headers, "Connection", "close");
  soup_message_headers_replace (headers, "Referrer-Policy", "no-referrer");
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_TAKE,
                                    g_steal_pointer (&body), strlen (body));
}

/* Answers the redirect in @msg with the outcome; the wait completes once it is sent. */
static void
answer (PdOAuthFlow       *self,
        SoupServerMessage *msg,
        gboolean           paused)
{
  if (self->error == NULL)
    respond_page (msg, SOUP_STATUS_OK, _("Signed in"),
                  _("You are signed in to Partner Desk. You can close this page and return to the app."));
  else
    {
      g_autofree char *text = g_strdup_printf (_("Partner Desk could not sign you in: %s"), self->error->message);

      respond_page (msg, SOUP_STATUS_OK, _("Signing in failed"), text);
    }
  self->answering = msg;
  clear_source (&self->timeout);
  if (paused)
    soup_server_message_unpause (msg);
}

static void
on_exchanged (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PdOAuthFlow) self = user_data;
  g_autoptr(PdPortalResponse) response = NULL;
  SoupServerMessage *msg = self->answering;

  response = pd_portal_client_send_finish (PD_PORTAL_CLIENT (source), result, &self->error);
  if (response != NULL)
    self->tokens = pd_oauth_tokens_parse (pd_portal_response_get_root (response), &self->error);
  if (self->tokens != NULL && self->tokens->refresh_token == NULL)
    {
      g_clear_pointer (&self->tokens, pd_oauth_tokens_free);
      g_set_error (&self->error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_BAD_RESPONSE,
                   _("The portal signed you in but gave no refresh token, so the sign-in could not be kept."));
    }
  answer (self, msg, TRUE);
}

static void
exchange (PdOAuthFlow       *self,
          SoupServerMessage *msg,
          const char        *code)
{
  g_autoptr(GHashTable) form = pd_oauth_form_new ();

  g_hash_table_insert (form, g_strdup ("grant_type"), g_strdup ("authorization_code"));
  g_hash_table_insert (form, g_strdup ("code"), g_strdup (code));
  g_hash_table_insert (form, g_strdup ("redirect_uri"), g_strdup (self->redirect_uri));
  g_hash_table_insert (form, g_strdup ("code_verifier"), g_strdup (self->verifier));
  /* The browser waits for the page that says how it ended. */
  self->answering = msg;
  soup_server_message_pause (msg);
  pd_oauth_post_form (self->client, "/oauth/token", form, FALSE, g_task_get_cancellable (self->task),
                      on_exchanged, g_object_ref (self));
}

static gboolean
states_equal (const char *a,
              const char *b)
{
  gsize len;
  guchar diff = 0;

  if (a == NULL || b == NULL || (len = strlen (a)) != strlen (b))
    return FALSE;
  for (gsize i = 0; i < len; i++)
    diff |= (guchar) (a[i] ^ b[i]);
  return diff == 0;
}

static void
on_request (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  PdOAuthFlow *self = user_data;
  const char *code = query != NULL ? g_hash_table_lookup (query, "code") : NULL;
  const char *state = query != NULL ? g_hash_table_lookup (query, "state") : NULL;
  const char *error = query != NULL ? g_hash_table_lookup (query, "error") : NULL;

  if (g_strcmp0 (path, "/") != 0 || g_strcmp0 (soup_server_message_get_method (msg), "GET") != 0)
    {
      /* e.g. the browser's /favicon.ico */
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }
  if (self->task == NULL || self->answering != NULL || self->finishing)
    {
      respond_page (msg, SOUP_STATUS_GONE, _("Sign-in finished"),
                    _("This sign-in has already finished. Return to Partner Desk."));
      return;
    }
  if (code == NULL && error == NULL)
    {
      respond_page (msg, SOUP_STATUS_BAD_REQUEST, _("Not a sign-in"),
                    _("This address only receives the portal’s answer to a sign-in."));
      return;
    }

  /* Only a redirect of the sign-in we started may end it (RFC 6749 §10.12). */
  if (!states_equal (state, self->state))
    g_set_error (&self->error, PD_AUTH_ERROR, PD_AUTH_ERROR_STATE_MISMATCH,
                 _("The browser returned from a different sign-in than the one Partner Desk started. "
                   "Sign in again, and finish the sign-in in the page Partner Desk opened."));
  else if (g_strcmp0 (error, "access_denied") == 0)
    g_set_error (&self->error, PD_AUTH_ERROR, PD_AUTH_ERROR_ACCESS_DENIED,
                 _("The sign-in was cancelled or refused in the browser."));
  else if (error != NULL)
    g_set_error (&self->error, PD_AUTH_ERROR, PD_AUTH_ERROR_REDIRECT,
                 _("The portal refused the sign-in (%s)."), error);
  else
    {
      clear_source (&self->timeout);
      exchange (self, msg, code);
      return;
    }
  answer (self, msg, FALSE);
}

static void
pd_oauth_flow_dispose (GObject *object)
{
  PdOAuthFlow *self = PD_OAUTH_FLOW (object);

  if (self->server != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->server, self);
      soup_server_disconnect (self->server);
      g_clear_object (&self->server);
    }
  clear_source (&self->timeout);
  clear_source (&self->cancelled);
  g_clear_object (&self->client);
  G_OBJECT_CLASS (pd_oauth_flow_parent_class)->dispose (object);
}

static void
pd_oauth_flow_finalize (GObject *object)
{
  PdOAuthFlow *self = PD_OAUTH_FLOW (object);

  g_free (self->login_hint);
  pd_auth_secret_free (self->verifier);
  g_free (self->state);
  g_free (self->redirect_uri);
  g_free (self->authorize_url);
  g_clear_pointer (&self->tokens, pd_oauth_tokens_free);
  g_clear_error (&self->error);
  G_OBJECT_CLASS (pd_oauth_flow_parent_class)->finalize (object);
}

static void
pd_oauth_flow_class_init (PdOAuthFlowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pd_oauth_flow_dispose;
  object_class->finalize = pd_oauth_flow_finalize;
}

static void
pd_oauth_flow_init (PdOAuthFlow *self)
{
  self->timeout_seconds = PD_OAUTH_FLOW_DEFAULT_TIMEOUT;
}

PdOAuthFlow *
pd_oauth_flow_new (PdPortalClient *client)
{
  PdOAuthFlow *self;

  g_return_val_if_fail (PD_IS_PORTAL_CLIENT (client), NULL);

  self = g_object_new (PD_TYPE_OAUTH_FLOW, NULL);
  self->client = g_object_ref (client);
  return self;
}

void
pd_oauth_flow_set_login_hint (PdOAuthFlow *self,
                              const char  *login_hint)
{
  g_return_if_fail (PD_IS_OAUTH_FLOW (self));
  g_free (self->login_hint);
  self->login_hint = g_strdup (login_hint);
}

void
pd_oauth_flow_set_timeout (PdOAuthFlow *self,
                           guint        seconds)
{
  g_return_if_fail (PD_IS_OAUTH_FLOW (self));
  g_return_if_fail (seconds > 0);
  self->timeout_seconds = seconds;
}

static void
append_param (GString    *url,
              const char *name,
              const char *value)
{
  g_autofree char *escaped = g_uri_escape_string (value, NULL, FALSE);

  g_string_append_printf (url, "%c%s=%s", strchr (url->str, '?') != NULL ? '&' : '?', name, escaped);
}

gboolean
pd_oauth_flow_listen (PdOAuthFlow  *self,
                      GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *challenge = NULL;
  GSList *uris;
  GString *url;
  int port;

  g_return_val_if_fail (PD_IS_OAUTH_FLOW (self), FALSE);
  g_return_val_if_fail (self->server == NULL, FALSE);

  if ((self->verifier = pd_pkce_new_verifier (error)) == NULL ||
      (self->state = pd_pkce_new_state (error)) == NULL)
    return FALSE;
  challenge = pd_pkce_challenge_s256 (self->verifier);

  self->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (self->server, NULL, on_request, self, NULL);
  g_signal_connect (self->server, "request-finished", G_CALLBACK (on_request_done), self);
  g_signal_connect (self->server, "request-aborted", G_CALLBACK (on_request_done), self);
  /* Loopback only, IPv4 (the address the redirect names), a port the system picks. */
  if (!soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &local_error))
    {
      g_set_error (error, PD_AUTH_ERROR, PD_AUTH_ERROR_LISTEN,
                   _("Partner Desk cannot receive the answer of the sign-in on this computer (%s)."),
                   local_error->message);
      return FALSE;
    }
  uris = soup_server_get_uris (self->server);
  port = uris != NULL ? g_uri_get_port (uris->data) : -1;
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  if (port <= 0)
    {
      g_set_error (error, PD_AUTH_ERROR, PD_AUTH_ERROR_LISTEN,
                   _("Partner Desk cannot receive the answer of the sign-in on this computer (no port)."));
      return FALSE;
    }
  self->redirect_uri = g_strdup_printf ("http://127.0.0.1:%d/", port);

  url = g_string_new (pd_portal_client_get_base_url (self->client));
  while (url->len > 0 && url->str[url->len - 1] == '/')
    g_string_truncate (url, url->len - 1);
  g_string_append (url, "/oauth/authorize");
  append_param (url, "response_type", "code");
  append_param (url, "client_id", PD_OAUTH_CLIENT_ID);
  append_param (url, "redirect_uri", self->redirect_uri);
  append_param (url, "state", self->state);
  append_param (url, "code_challenge", challenge);
  append_param (url, "code_challenge_method", "S256");
  if (self->login_hint != NULL)
    append_param (url, "login_hint", self->login_hint);
  self->authorize_url = g_string_free (url, FALSE);
  return TRUE;
}

const char *
pd_oauth_flow_get_authorize_url (PdOAuthFlow *self)
{
  g_return_val_if_fail (PD_IS_OAUTH_FLOW (self), NULL);
  return self->authorize_url;
}

const char *
pd_oauth_flow_get_redirect_uri (PdOAuthFlow *self)
{
  g_return_val_if_fail (PD_IS_OAUTH_FLOW (self), NULL);
  return self->redirect_uri;
}

static gboolean
on_timeout (gpointer user_data)
{
  PdOAuthFlow *self = user_data;
  guint minutes = (self->timeout_seconds + 59) / 60;

  g_clear_pointer (&self->timeout, g_source_unref);
  if (self->answering != NULL || self->finishing)
    return G_SOURCE_REMOVE;
  g_set_error (&self->error, PD_AUTH_ERROR, PD_AUTH_ERROR_TIMED_OUT,
               g_dngettext (GETTEXT_PACKAGE,
                            "The sign-in in the browser was not finished within %u minute. Sign in again.",
                            "The sign-in in the browser was not finished within %u minutes. Sign in again.",
                            minutes), minutes);
  complete (self);
  return G_SOURCE_REMOVE;
}

static gboolean
on_cancelled (GCancellable *cancellable,
              gpointer      user_data)
{
  PdOAuthFlow *self = user_data;

  g_clear_pointer (&self->cancelled, g_source_unref);
  /* While the code is being exchanged, the exchange's own cancellation ends the wait. */
  if (self->answering == NULL && !self->finishing)
    {
      g_set_error (&self->error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The sign-in was cancelled."));
      complete (self);
    }
  return G_SOURCE_REMOVE;
}

void
pd_oauth_flow_wait_async (PdOAuthFlow         *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PD_IS_OAUTH_FLOW (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pd_oauth_flow_wait_async);
  if (self->server == NULL || self->task != NULL || self->tokens != NULL || self->error != NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                               "pd_oauth_flow_wait_async() needs one successful pd_oauth_flow_listen()");
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    {
      soup_server_disconnect (self->server);
      return;
    }

  self->task = g_steal_pointer (&task);
  self->timeout = g_timeout_source_new_seconds (self->timeout_seconds);
  g_source_set_callback (self->timeout, on_timeout, self, NULL);
  g_source_attach (self->timeout, g_main_context_get_thread_default ());
  if (cancellable != NULL)
    {
      self->cancelled = g_cancellable_source_new (cancellable);
      g_source_set_callback (self->cancelled, G_SOURCE_FUNC (on_cancelled), self, NULL);
      g_source_attach (self->cancelled, g_main_context_get_thread_default ());
    }
}

gboolean
pd_oauth_flow_wait_finish (PdOAuthFlow   *self,
                           GAsyncResult  *result,
                           char         **access_token,
                           char         **refresh_token,
                           gint64        *expires_in,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pd_oauth_flow_wait_async, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  if (access_token != NULL)
    *access_token = g_strdup (self->tokens->access_token);
  if (refresh_token != NULL)
    *refresh_token = g_strdup (self->tokens->refresh_token);
  if (expires_in != NULL)
    *expires_in = self->tokens->expires_in;
  return TRUE;
}

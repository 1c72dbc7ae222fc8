/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pd-portal-private.h"
#include "pd-portal-tls.h"

#include <glib/gi18n-lib.h>

/* One pd_portal_client_send_async() call: token → message → answer → (parse | retry). */
typedef struct
{
  PdPortalClient      *client;
  PdPortalRequest     *request;
  char                *uri;
  char                *token;
  SoupMessage         *msg;
  GSource             *wait_source;
  GSource             *cancel_source;
  gint64               started;
  gint64               attempt_started;
  guint                attempt;
  gboolean             token_renewed;
  GTlsCertificateFlags tls_flags;
} Send;

static void start_attempt (GTask *task);

/* Tokens do not linger in freed memory (explicit_bzero is not C17). */
static void
wipe (char   *data,
      size_t  length)
{
  volatile char *p = data;

  while (length-- > 0)
    *p++ = '\0';
}

static void
clear_wait (Send *send)
{
  if (send->wait_source != NULL)
    {
      g_source_destroy (send->wait_source);
      g_clear_pointer (&send->wait_source, g_source_unref);
    }
  if (send->cancel_source != NULL)
    {
      g_source_destroy (send->cancel_source);
      g_clear_pointer (&send->cancel_source, g_source_unref);
    }
}

static void
clear_message (Send *send)
{
  if (send->msg != NULL)
    g_signal_handlers_disconnect_by_data (send->msg, send);
  g_clear_object (&send->msg);
}

static void
send_free (gpointer data)
{
  Send *send = data;

  clear_wait (send);
  clear_message (send);
  g_object_unref (send->client);
  pd_portal_request_unref (send->request);
  g_free (send->uri);
  if (send->token != NULL)
    wipe (send->token, strlen (send->token));
  g_free (send->token);
  g_free (send);
}

/* Retries */

static const char *
code_name (int code)
{
  static const char * const names[] = {
    "offline", "unauthorized", "forbidden", "not-found", "conflict", "precondition-failed",
    "validation", "rate-limited", "server", "tls", "bad-response", "request",
  };

  return code >= 0 && code < (int) G_N_ELEMENTS (names) ? names[code] : "?";
}

static gboolean
on_wait_over (gpointer data)
{
  GTask *task = data;
  Send *send = g_task_get_task_data (task);

  clear_wait (send);
  start_attempt (task);
  return G_SOURCE_REMOVE;
}

static gboolean
on_wait_cancelled (GCancellable *cancellable,
                   gpointer      data)
{
  GTask *task = data;
  Send *send = g_task_get_task_data (task);

  clear_wait (send);
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The request was cancelled."));
  g_object_unref (task);
  return G_SOURCE_REMOVE;
}

/* Takes @error and @task: either schedules another attempt or completes the task. */
static void
retry_or_fail (GTask  *task,
               GError *error,
               guint   retry_after)
{
  Send *send = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  guint max_attempts, max_total_seconds, delay;
  gint64 elapsed_ms;

  pd_portal_client_get_retry_limits (send->client, &max_attempts, &max_total_seconds);
  elapsed_ms = (g_get_monotonic_time () - send->started) / 1000;
  delay = pd_portal_retry_delay_ms (send->attempt, retry_after);

  if (!pd_portal_retry_is_transient (error) || !pd_portal_request_may_retry (send->request)
      || send->attempt >= max_attempts || delay == G_MAXUINT
      || elapsed_ms + delay > (gint64) max_total_seconds * 1000
      || g_cancellable_is_cancelled (cancellable))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  g_debug ("Retrying %s %s in %u ms (attempt %u failed: %s)", send->request->method,
           send->request->path, delay, send->attempt,
           code_name (error->code));
  g_error_free (error);

  send->wait_source = g_timeout_source_new (delay);
  g_source_set_callback (send->wait_source, on_wait_over, task, NULL);
  g_source_attach (send->wait_source, g_task_get_context (task));
  if (cancellable != NULL)
    {
      send->cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_callback (send->cancel_source, G_SOURCE_FUNC (on_wait_cancelled), task, NULL);
      g_source_attach (send->cancel_source, g_task_get_context (task));
    }
}

/* Answers */

static void
log_exchange (Send  *send,
              guint  status)
{
  /* Method, path (never the query: it may hold search terms), status, duration. Never
   * headers or bodies: they carry tokens, keys and personal data. */
  g_debug ("%s %s → %u in %" G_GINT64_FORMAT " ms (attempt %u)", send->request->method,
           send->request->path, status, (g_get_monotonic_time () - send->attempt_started) / 1000,
           send->attempt);
}

static void
parse_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GBytes *body = task_data;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  GError *error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (body, &size);

  if (size > G_MAXSSIZE || !json_parser_load_from_data (parser, data, (gssize) size, &error))
    {
      g_clear_error (&error);
      g_task_return_new_error (task, PD_PORTAL_ERROR, PD_PORTAL_ERROR_BAD_RESPONSE, "invalid JSON");
      return;
    }
  if (json_parser_get_root (parser) == NULL)
    g_task_return_new_error (task, PD_PORTAL_ERROR, PD_PORTAL_ERROR_BAD_RESPONSE, "empty JSON");
  else
    g_task_return_pointer (task, json_node_ref (json_parser_get_root (parser)),
                           (GDestroyNotify) json_node_unref);
}

typedef struct
{
  GTask    *task;
  guint     status;
  GBytes   *body;
} Parse;

static void
on_parsed (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  Parse *parse = data;
  GTask *task = parse->task;
  Send *send = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = g_task_propagate_pointer (G_TASK (result), &error);

  if (root == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          g_object_unref (task);
        }
      else
        retry_or_fail (task, pd_portal_error_new_bad_response (pd_portal_client_get_host (send->client),
                                                               _("the data is not valid JSON")), 0);
    }
  else
    {
      g_task_return_pointer (task,
                             pd_portal_response_new (parse->status,
                                                     soup_message_get_response_headers (send->msg),
                                                     parse->body, root),
                             (GDestroyNotify) pd_portal_response_unref);
      g_object_unref (task);
    }
  g_bytes_unref (parse->body);
  g_free (parse);
}

static gboolean
accepts_json (Send *send)
{
  return send->request->accept == NULL || pd_portal_content_type_is_json (send->request->accept);
}

static void
handle_success (GTask  *task,
                guint   status,
                GBytes *body)
{
  Send *send = g_task_get_task_data (task);
  const char *content_type = soup_message_headers_get_content_type (soup_message_get_response_headers (send->msg),
                                                                    NULL);
  gboolean has_body = body != NULL && g_bytes_get_size (body) > 0;

  if (has_body && pd_portal_content_type_is_json (content_type) && !send->request->raw_json)
    {
      /* Big pages take milliseconds to parse: keep that off the main loop. */
      Parse *parse = g_new0 (Parse, 1);
      g_autoptr(GTask) parse_task = g_task_new (NULL, g_task_get_cancellable (task), on_parsed, parse);

      parse->task = task;
      parse->status = status;
      parse->body = g_bytes_ref (body);
      g_task_set_source_tag (parse_task, handle_success);
      g_task_set_task_data (parse_task, g_bytes_ref (body), (GDestroyNotify) g_bytes_unref);
      g_task_run_in_thread (parse_task, parse_in_thread);
      return;
    }
  if (has_body && accepts_json (send) && !pd_portal_content_type_is_json (content_type))
    {
      /* A captive portal's page, a proxy's error page: not the portal talking. */
      retry_or_fail (task, pd_portal_error_new_bad_response (pd_portal_client_get_host (send->client),
                                                             _("not JSON")), 0);
      return;
    }
  g_task_return_pointer (task,
                         pd_portal_response_new (status, soup_message_get_response_headers (send->msg),
                                                 body, NULL),
                         (GDestroyNotify) pd_portal_response_unref);
  g_object_unref (task);
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  GTask *task = data;
  Send *send = g_task_get_task_data (task);
  const char *host = pd_portal_client_get_host (send->client);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  guint status = soup_message_get_status (send->msg);
  SoupMessageHeaders *headers = soup_message_get_response_headers (send->msg);
  GError *failure;
  guint retry_after;

  log_exchange (send, body != NULL ? status : 0);

  if (body == NULL)
    {
      failure = pd_portal_error_new_from_transport (host, error, send->tls_flags, status != 0);
      if (g_error_matches (failure, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, failure);
          g_object_unref (task);
        }
      else
        retry_or_fail (task, failure, 0);
      return;
    }

  if (SOUP_STATUS_IS_SUCCESSFUL (status) ||
      (status == SOUP_STATUS_NOT_MODIFIED && send->request->if_none_match != NULL))
    {
      handle_success (task, status, body);
      return;
    }

  if (status == SOUP_STATUS_UNAUTHORIZED && send->token != NULL && !send->token_renewed)
    {
      /* The token may have been revoked or expired early: one fresh token, then give up. */
      send->token_renewed = TRUE;
      pd_portal_auth_token_rejected (pd_portal_client_get_auth (send->client), send->token);
      send->attempt--;
      start_attempt (task);
      return;
    }

  retry_after = pd_portal_parse_retry_after (soup_message_headers_get_one (headers, "Retry-After"));
  failure = pd_portal_error_new_from_response (status,
                                               soup_message_headers_get_content_type (headers, NULL),
                                               body,
                                               soup_message_headers_get_one (headers, "ETag"),
                                               retry_after);
  /* A 503 may say when to come back too; a 429 always means "wait", at least a second. */
  if (status == 429)
    retry_after = MAX (retry_after, 1);
  else if (status < 500)
    retry_after = 0;
  retry_or_fail (task, failure, retry_after);
}

static gboolean
on_accept_certificate (SoupMessage          *msg,
                       GTlsCertificate      *peer,
                       GTlsCertificateFlags  errors,
                       gpointer              data)
{
  Send *send = data;
  GList *cas = pd_portal_client_get_extra_cas (send->client);

  /* Only reached when the system's trust store refused the certificate. */
  send->tls_flags = cas != NULL
    ? pd_portal_tls_verify (cas, peer, pd_portal_client_get_identity (send->client), errors)
    : errors;
  return send->tls_flags == 0;
}

static void
send_message (GTask *task)
{
  Send *send = g_task_get_task_data (task);
  PdPortalRequest *request = send->request;
  SoupMessageHeaders *headers;

  clear_message (send);
  send->msg = soup_message_new (request->method, send->uri);
  if (send->msg == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("The request path %s is not valid."), request->path);
      g_object_unref (task);
      return;
    }
  headers = soup_message_get_request_headers (send->msg);
  soup_message_headers_replace (headers, "Accept", request->accept ? request->accept : "application/json");
  if (send->token != NULL)
    {
      g_autofree char *value = g_strconcat ("Bearer ", send->token, NULL);

      soup_message_headers_replace (headers, "Authorization", value);
      wipe (value, strlen (value));
    }
  if (request->if_match != NULL)
    soup_message_headers_replace (headers, "If-Match", request->if_match);
  if (request->if_none_match != NULL)
    soup_message_headers_replace (headers, "If-None-Match", request->if_none_match);
  if (request->idempotency_key != NULL)
    soup_message_headers_replace (headers, "Idempotency-Key", request->idempotency_key);
  if (request->body != NULL)
    soup_message_set_request_body_from_bytes (send->msg, request->content_type, request->body);
  /* Never reuse an HTTP/1.1 connection. libsoup 3.2 (3.2.3 here) crashes (SIGSEGV in its own
   * GSource, after our callback has run) when the server resets a kept-alive connection
   * that it reuses (its restart of the message seems to leave a source on the dead
   * connection's I/O behind; fixed in newer libsoup or not, we need 3.2). A server closing an idle connection at the wrong moment does the
   * same as the portal's reset fault. One connection per request costs a handshake but
   * leaves nothing to reuse; libsoup drops this header on HTTP/2, which it handles apart.
   * tests/core/api/test-portal-stress.c crashed in most runs without it. */
  soup_message_headers_replace (headers, "Connection", "close");
  g_signal_connect (send->msg, "accept-certificate", G_CALLBACK (on_accept_certificate), send);

  send->tls_flags = 0;
  send->attempt_started = g_get_monotonic_time ();
  soup_session_send_and_read_async (pd_portal_client_get_soup_session (send->client), send->msg,
                                    G_PRIORITY_DEFAULT, g_task_get_cancellable (task), on_read, task);
}

static void
on_token (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  GTask *task = data;
  Send *send = g_task_get_task_data (task);
  GError *error = NULL;
  char *token = pd_portal_auth_get_token_finish (PD_PORTAL_AUTH (source), result, &error);

  if (token == NULL)
    {
      if (error == NULL)
        error = g_error_new_literal (PD_PORTAL_ERROR, PD_PORTAL_ERROR_UNAUTHORIZED,
                                     _("The portal no longer accepts your sign-in. Sign in again."));
      /* A refresh that failed on the network is retried like any other exchange. */
      retry_or_fail (task, error, 0);
      return;
    }
  if (send->token != NULL)
    wipe (send->token, strlen (send->token));
  g_free (send->token);
  send->token = token;
  send_message (task);
}

static void
start_attempt (GTask *task)
{
  Send *send = g_task_get_task_data (task);
  PdPortalAuth *auth = pd_portal_client_get_auth (send->client);

  send->attempt++;
  if (send->request->authenticated && auth != NULL)
    pd_portal_auth_get_token_async (auth, g_task_get_cancellable (task), on_token, task);
  else
    send_message (task);
}

void
pd_portal_client_send_async (PdPortalClient      *self,
                             PdPortalRequest     *request,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;
  Send *send;
  g_autofree char *path = NULL;

  g_return_if_fail (PD_IS_PORTAL_CLIENT (self));
  g_return_if_fail (request != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pd_portal_client_send_async);
  send = g_new0 (Send, 1);
  send->client = g_object_ref (self);
  send->request = pd_portal_request_ref (request);
  path = pd_portal_request_build_path (request);
  send->uri = g_strconcat (pd_portal_client_get_base_url (self), path, NULL);
  send->started = g_get_monotonic_time ();
  g_task_set_task_data (task, send, send_free);

  start_attempt (task);
}

PdPortalResponse *
pd_portal_client_send_finish (PdPortalClient  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  g_return_val_if_fail (PD_IS_PORTAL_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pd_portal_client_send_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

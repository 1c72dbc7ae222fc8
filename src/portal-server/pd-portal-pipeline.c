/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What every request goes through before and after its handler: faults, size limit,
 * routing, authentication, rate limit, body parsing, idempotent replay. */
#include <sys/socket.h>

#include "pd-portal-db.h"
#include "pd-portal-faults.h"
#include "pd-portal-router.h"

typedef struct {
  PdPortalRequest        req;
  PdPortalFaultDecision  fault;
  gboolean               paused;
} Exchange;

typedef struct {
  double tokens;
  gint64 updated;
} Bucket;

static void
exchange_free (Exchange *ex)
{
  g_clear_pointer (&ex->req.query, g_hash_table_unref);
  g_clear_pointer (&ex->req.form, g_hash_table_unref);
  g_clear_pointer (&ex->req.params, g_strfreev);
  g_clear_pointer (&ex->req.body, json_node_unref);
  g_clear_pointer (&ex->req.caller, pd_portal_caller_free);
  g_free (ex->req.request_id);
  g_free ((char *) ex->req.path);
  g_object_unref (ex->req.msg);
  g_free (ex);
}

static const char *
request_header (PdPortalRequest *req,
                const char      *name)
{
  return soup_message_headers_get_one (soup_server_message_get_request_headers (req->msg), name);
}

/* Token bucket per credential (or per client address for public routes). */
static gboolean
take_token (PdPortal   *portal,
            const char *credential,
            guint      *retry_after)
{
  Bucket *bucket;
  gint64 now = g_get_monotonic_time ();
  double capacity = portal->rate_limit * 2;

  if (portal->rate_limit <= 0)
    return TRUE;
  bucket = g_hash_table_lookup (portal->buckets, credential);
  if (bucket == NULL)
    {
      bucket = g_new0 (Bucket, 1);
      bucket->tokens = capacity;
      bucket->updated = now;
      g_hash_table_insert (portal->buckets, g_strdup (credential), bucket);
    }
  bucket->tokens = MIN (capacity, bucket->tokens + (now - bucket->updated) * portal->rate_limit / G_USEC_PER_SEC);
  bucket->updated = now;
  if (bucket->tokens >= 1)
    {
      bucket->tokens -= 1;
      return TRUE;
    }
  *retry_after = (guint) MAX (1, (1 - bucket->tokens) / portal->rate_limit + 0.999);
  return FALSE;
}

static void
respond_rate_limited (PdPortalRequest *req,
                      guint            retry_after)
{
  g_autofree char *seconds = g_strdup_printf ("%u", retry_after);

  pd_portal_set_header (req, "Retry-After", seconds);
  pd_portal_respond_problem (req, 429, "rate-limited", "Too many requests",
                             "Slow down: try again in %u second%s.", retry_after, retry_after == 1 ? "" : "s");
}

static gboolean
is_json_type (const char *content_type)
{
  return content_type != NULL &&
         (g_str_equal (content_type, "application/json") || g_str_has_suffix (content_type, "+json"));
}

/* Parses the request body; responds and returns FALSE when it is unusable. */
static gboolean
parse_body (PdPortalRequest *req,
            PdPortalRoute   *route)
{
  SoupMessageBody *body = soup_server_message_get_request_body (req->msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  const char *content_type = soup_message_headers_get_content_type (
      soup_server_message_get_request_headers (req->msg), NULL);
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;

  if (size == 0)
    return TRUE;
  if (!g_utf8_validate (data, (gssize) size, NULL) || memchr (data, '\0', size) != NULL)
    {
      pd_portal_respond_problem (req, SOUP_STATUS_BAD_REQUEST, "malformed-body", "The body is not valid UTF-8",
                                 "Send the request body as UTF-8 text.");
      return FALSE;
    }
  if (route->flags & PD_PORTAL_ROUTE_FORM)
    {
      g_autofree char *text = g_strndup (data, size);
      req->form = soup_form_decode (text);
      return TRUE;
    }
  if (!is_json_type (content_type))
    {
      pd_portal_respond_problem (req, SOUP_STATUS_UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                                 "JSON expected", "Send the body as application/json.");
      return FALSE;
    }
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) size, &error))
    {
      pd_portal_respond_problem (req, SOUP_STATUS_BAD_REQUEST, "malformed-json", "The body is not valid JSON",
                                 "%s", error->message);
      return FALSE;
    }
  req->body = json_parser_steal_root (parser);
  return TRUE;
}

static char *
body_hash (PdPortalRequest *req)
{
  g_autoptr(GBytes) bytes = soup_message_body_flatten (soup_server_message_get_request_body (req->msg));

  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

/* Keys belong to the partner user, not to one credential: a client that signed in again (a new
 * token family) or switched API key must still get the replay of a change it lost the answer to. */
static char *
idempotency_scope (PdPortalRequest *req)
{
  return g_strdup_printf ("usr_%" G_GINT64_FORMAT "@ptn_%" G_GINT64_FORMAT,
                          req->caller->user_id, req->caller->partner_id);
}

/* Replays a stored response for the same key and body; 422 for the same key and another body. */
static gboolean
replay_idempotent (PdPortalRequest *req,
                   const char      *key,
                   const char      *hash)
{
  sqlite3_stmt *stmt = pd_portal_db_stmt (req->portal,
      "SELECT method, path, body_hash, status, content_type, etag, location, body "
      "FROM idempotency WHERE credential = ?1 AND key = ?2");
  g_autofree char *scope = idempotency_scope (req);
  gboolean found = FALSE;

  sqlite3_bind_text (stmt, 1, scope, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      if (g_strcmp0 (pd_portal_db_text (stmt, 0), req->method) != 0 ||
          g_strcmp0 (pd_portal_db_text (stmt, 1), req->path) != 0 ||
          g_strcmp0 (pd_portal_db_text (stmt, 2), hash) != 0)
        {
          sqlite3_reset (stmt);
          g_autoptr(JsonBuilder) errors = json_builder_new ();
          g_autoptr(JsonNode) node = NULL;

          json_builder_begin_array (errors);
          json_builder_begin_object (errors);
          pd_portal_json_text (errors, "field", "Idempotency-Key");
          pd_portal_json_text (errors, "code", "reused");
          pd_portal_json_text (errors, "message", "This Idempotency-Key was already used for a different "
                                                  "request. Use a new key for every new request.");
          json_builder_end_object (errors);
          json_builder_end_array (errors);
          node = json_builder_get_root (errors);
          pd_portal_respond_field_errors (req, node);
          return TRUE;
        }
      else
        {
          g_autoptr(GBytes) body = g_bytes_new (sqlite3_column_blob (stmt, 7), (gsize) sqlite3_column_bytes (stmt, 7));
          guint status = (guint) sqlite3_column_int (stmt, 3);

          if (sqlite3_column_type (stmt, 5) != SQLITE_NULL)
            pd_portal_set_header (req, "ETag", pd_portal_db_text (stmt, 5));
          if (sqlite3_column_type (stmt, 6) != SQLITE_NULL)
            pd_portal_set_header (req, "Location", pd_portal_db_text (stmt, 6));
          pd_portal_set_header (req, "Idempotent-Replayed", "true");
          pd_portal_respond_bytes (req, status, pd_portal_db_text (stmt, 4),
                                   g_bytes_get_size (body) ? body : NULL);
        }
    }
  sqlite3_reset (stmt);
  return found;
}

static void
store_idempotent (PdPortalRequest *req,
                  const char      *key,
                  const char      *hash)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (req->msg);
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_response_body (req->msg));
  g_autofree char *now = pd_portal_now ();
  g_autofree char *scope = idempotency_scope (req);
  guint status = soup_server_message_get_status (req->msg);
  sqlite3_stmt *stmt;

  /* Server trouble and throttling are not outcomes: a retry must run the request. A deferred
   * response (no status yet, see finish()) is stored by its handler when it is complete. */
  if (status == SOUP_STATUS_NONE || status >= 500 || status == 429)
    return;
  stmt = pd_portal_db_stmt (req->portal,
      "INSERT OR REPLACE INTO idempotency (credential, key, method, path, body_hash, status, content_type, "
      "etag, location, body, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
  sqlite3_bind_text (stmt, 1, scope, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, req->method, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, req->path, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, hash, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 6, (int) status);
  sqlite3_bind_text (stmt, 7, soup_message_headers_get_one (headers, "Content-Type"), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, soup_message_headers_get_one (headers, "ETag"), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, soup_message_headers_get_one (headers, "Location"), -1, SQLITE_TRANSIENT);
  sqlite3_bind_blob (stmt, 10, g_bytes_get_data (body, NULL), (int) g_bytes_get_size (body), SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 11, now, -1, SQLITE_STATIC);
  pd_portal_db_step_done (req->portal, stmt);
}

static gboolean
is_mutation (const char *method)
{
  return g_str_equal (method, "POST") || g_str_equal (method, "PATCH") ||
         g_str_equal (method, "PUT") || g_str_equal (method, "DELETE");
}

static void
run_handler (PdPortalRequest *req,
             PdPortalRoute   *route)
{
  const char *key = request_header (req, "Idempotency-Key");
  g_autofree char *hash = NULL;

  /* Every method that changes something honours the key. The replay comes before the
   * handler, so a repeated PATCH, PUT or DELETE whose first answer was lost gets that answer
   * back instead of a 412 from the If-Match its own first run made stale. */
  if (key == NULL || !is_mutation (req->method) || req->caller == NULL)
    {
      route->handler (req);
      return;
    }
  if (*key == '\0' || strlen (key) > 255 || !g_utf8_validate (key, -1, NULL))
    {
      pd_portal_respond_problem (req, SOUP_STATUS_BAD_REQUEST, "invalid-idempotency-key", "Invalid Idempotency-Key",
                                 "Idempotency-Key must be 1 to 255 characters, e.g. a UUID.");
      return;
    }
  hash = body_hash (req);
  if (replay_idempotent (req, key, hash))
    return;
  route->handler (req);
  store_idempotent (req, key, hash);
}

static void
process (PdPortalRequest *req)
{
  PdPortalRoute *route;
  gboolean path_known;
  const char *authorization;
  g_autofree char *credential = NULL;
  guint retry_after = 0;
  goffset length = soup_server_message_get_request_body (req->msg)->length;

  if ((gsize) length > req->portal->max_body)
    {
      pd_portal_respond_problem (req, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "payload-too-large", "Request too large",
                                 "Request bodies may be at most %zu bytes; split the request.", req->portal->max_body);
      return;
    }

  route = pd_portal_match_route (req->portal, req->method, req->path, &req->params, &path_known);
  if (route == NULL)
    {
      if (path_known)
        {
          g_autofree char *allow = pd_portal_allowed_methods (req->portal, req->path);
          pd_portal_set_header (req, "Allow", allow);
          pd_portal_respond_problem (req, SOUP_STATUS_METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed",
                                     "%s is not supported here; use %s.", req->method, allow);
        }
      else
        pd_portal_respond_problem (req, SOUP_STATUS_NOT_FOUND, "not-found", "Not found",
                                   "There is no endpoint %s.", req->path);
      return;
    }

  if (!(route->flags & PD_PORTAL_ROUTE_PUBLIC))
    {
      authorization = request_header (req, "Authorization");
      if (authorization != NULL && g_ascii_strncasecmp (authorization, "Bearer ", 7) == 0)
        req->caller = pd_portal_caller_from_bearer (req->portal, authorization + 7);
      if (req->caller == NULL)
        {
          pd_portal_set_header (req, "WWW-Authenticate",
                                authorization ? "Bearer realm=\"partner-portal\", error=\"invalid_token\""
                                              : "Bearer realm=\"partner-portal\"");
          pd_portal_respond_problem (req, SOUP_STATUS_UNAUTHORIZED, "unauthorized", "Sign-in required",
                                     authorization ? "The access token or API key is invalid, expired or revoked. "
                                                     "Sign in again or use another key."
                                                   : "Send an access token or API key as “Authorization: Bearer …”.");
          return;
        }
    }

  if (req->caller != NULL)
    credential = g_strdup (req->caller->credential);
  else
    {
      GSocketAddress *remote = soup_server_message_get_remote_address (req->msg);
      credential = G_IS_INET_SOCKET_ADDRESS (remote)
        ? g_inet_address_to_string (g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (remote)))
        : g_strdup ("local");
    }
  if (!take_token (req->portal, credential, &retry_after))
    {
      respond_rate_limited (req, retry_after);
      return;
    }

  if (!parse_body (req, route))
    return;

  run_handler (req, route);
  if (!req->responded)
    {
      g_critical ("%s %s: the handler did not respond", req->method, req->path);
      pd_portal_respond_problem (req, SOUP_STATUS_INTERNAL_SERVER_ERROR, "internal", "Internal error",
                                 "The server could not complete the request.");
    }
}

/* Faults that replace the response (see pd-portal-faults.h). */

static void
reset_connection (SoupServerMessage *msg)
{
  GSocket *socket = soup_server_message_get_socket (msg);
  g_autoptr(GIOStream) stream = NULL;

  if (socket != NULL)
    {
      struct linger linger = { 1, 0 };  /* RST instead of FIN */
      setsockopt (g_socket_get_fd (socket), SOL_SOCKET, SO_LINGER, &linger, sizeof linger);
    }
  stream = soup_server_message_steal_connection (msg);
  g_io_stream_close (stream, NULL, NULL);
}

static void
send_truncated (SoupServerMessage *msg)
{
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_response_body (msg));
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  const char *content_type = soup_message_headers_get_one (headers, "Content-Type");
  gsize size = g_bytes_get_size (body);
  g_autofree char *head = g_strdup_printf ("HTTP/1.1 %u %s\r\nContent-Type: %s\r\nContent-Length: %zu\r\n"
                                           "Connection: close\r\n\r\n",
                                           soup_server_message_get_status (msg),
                                           soup_status_get_phrase (soup_server_message_get_status (msg)),
                                           content_type ? content_type : "application/json", size + 1);
  g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);
  GOutputStream *out = g_io_stream_get_output_stream (stream);

  g_output_stream_write_all (out, head, strlen (head), NULL, NULL, NULL);
  g_output_stream_write_all (out, g_bytes_get_data (body, NULL), size / 2, NULL, NULL, NULL);
  g_io_stream_close (stream, NULL, NULL);
}

/* Drops the handler's response so a fault can answer instead. */
static void
discard_response (PdPortalRequest *req)
{
  soup_message_headers_clear (soup_server_message_get_response_headers (req->msg));
  soup_message_body_truncate (soup_server_message_get_response_body (req->msg));
  req->responded = FALSE;
}

static void
finish (Exchange *ex)
{
  PdPortalRequest *req = &ex->req;
  SoupServerMessage *msg = req->msg;
  /* A handler that answers later (after network I/O) pauses the message, sets req->responded,
   * leaves the status unset and keeps a reference to msg; it sets the response and unpauses
   * the message itself. */
  gboolean deferred = req->responded && soup_server_message_get_status (msg) == SOUP_STATUS_NONE;

  switch (ex->fault.kind)
    {
    case PD_FAULT_ERROR:
      discard_response (req);
      pd_portal_respond_problem (req, ex->fault.status, "injected-fault", "Server error",
                                 "Injected fault: the portal failed to process the request. Try again.");
      break;
    case PD_FAULT_RATE_LIMIT:
      discard_response (req);
      respond_rate_limited (req, ex->fault.retry_after);
      break;
    case PD_FAULT_MALFORMED:
      discard_response (req);
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                        "{\"items\": [{\"id\": \"org_1\", \"name\": ", 35);
      break;
    case PD_FAULT_NONE:
    case PD_FAULT_RESET:
    case PD_FAULT_TRUNCATE:
    default:
      break;
    }

  pd_portal_set_header (req, "X-Request-Id", req->request_id);
  if (ex->paused && !deferred)
    soup_server_message_unpause (msg);

  if (ex->fault.kind == PD_FAULT_RESET)
    reset_connection (msg);
  else if (ex->fault.kind == PD_FAULT_TRUNCATE && !deferred)  /* nothing to cut yet */
    send_truncated (msg);

  exchange_free (ex);
}

static void
run (Exchange *ex)
{
  /* Resets, 5xx and 429 happen before the handler: the request had no effect. Malformed and
   * truncated responses happen after it: the change is made, only its answer is lost, which
   * is what an Idempotency-Key retry is for. */
  if (ex->fault.kind != PD_FAULT_RESET && ex->fault.kind != PD_FAULT_ERROR &&
      ex->fault.kind != PD_FAULT_RATE_LIMIT)
    process (&ex->req);
  finish (ex);
}

static gboolean
on_latency_elapsed (gpointer data)
{
  run (data);
  return G_SOURCE_REMOVE;
}

static void
on_request (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  PdPortal *portal = user_data;
  Exchange *ex = g_new0 (Exchange, 1);
  static guint64 counter;

  ex->req.portal = portal;
  ex->req.msg = g_object_ref (msg);
  ex->req.method = soup_server_message_get_method (msg);
  ex->req.path = g_strdup (path);
  ex->req.request_id = g_strdup_printf ("req_%" G_GUINT64_FORMAT, ++counter);
  ex->req.query = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (query != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, query);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (ex->req.query, g_strdup (key), g_strdup (value));
    }

  pd_portal_faults_decide (portal->faults, path, &ex->fault);
  g_debug ("%s %s %s", ex->req.request_id, ex->req.method, path);

  if (ex->fault.latency_ms > 0)
    {
      ex->paused = TRUE;
      soup_server_message_pause (msg);
      g_timeout_add (ex->fault.latency_ms, on_latency_elapsed, ex);
      return;
    }
  run (ex);
}

void
pd_portal_http_attach (PdPortal *portal)
{
  soup_server_add_handler (portal->server, NULL, on_request, portal, NULL);
}

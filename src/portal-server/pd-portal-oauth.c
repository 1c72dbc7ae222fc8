/* SPDX-License-Identifier: GPL-3.0-or-later */
/* OAuth 2 sign-in for native apps (RFC 6749, 7636 PKCE, 8252 loopback redirect, 7009 revocation):
 * /oauth/token and /oauth/revoke here, the HTML sign-in pages in pd-portal-oauth-pages.c.
 * Only hashes of codes and tokens are stored. */
#include "pd-portal-db.h"
#include "pd-portal-modules.h"
#include "pd-portal-oauth-private.h"

static const char schema_sql[] =
  /* One sign-in in the browser, from GET /oauth/authorize to the redirect. flow_hash is the hash
   * of the random hidden `flow` field of its pages; candidates are the user rowids that passed
   * the steps so far (the same e-mail may belong to several partners). */
  "CREATE TABLE IF NOT EXISTS oauth_flows ("
  "  id INTEGER PRIMARY KEY, flow_hash TEXT NOT NULL UNIQUE, client_id TEXT NOT NULL,"
  "  redirect_uri TEXT NOT NULL, state TEXT, code_challenge TEXT NOT NULL, scope TEXT NOT NULL,"
  "  step TEXT NOT NULL DEFAULT 'credentials', email TEXT, candidates TEXT,"
  "  failures INTEGER NOT NULL DEFAULT 0, expires_at TEXT NOT NULL);\n"
  /* family: the token family the exchange starts; revoked when the code is presented again. */
  "CREATE TABLE IF NOT EXISTS auth_codes ("
  "  code_hash TEXT PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
  "  client_id TEXT NOT NULL, redirect_uri TEXT NOT NULL, code_challenge TEXT NOT NULL,"
  "  scope TEXT NOT NULL, family TEXT NOT NULL, used_at TEXT, expires_at TEXT NOT NULL);\n"
  /* Rotating refresh tokens: each use marks the row used and adds a new one to the family. */
  "CREATE TABLE IF NOT EXISTS refresh_tokens ("
  "  token_hash TEXT PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
  "  client_id TEXT NOT NULL, family TEXT NOT NULL, scope TEXT NOT NULL, used_at TEXT,"
  "  revoked INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL, expires_at TEXT NOT NULL);\n"
  "CREATE INDEX IF NOT EXISTS refresh_tokens_family ON refresh_tokens (family);\n"
  "CREATE INDEX IF NOT EXISTS access_tokens_family ON access_tokens (family);\n"
  /* The last TOTP step accepted per user: a code is good for one sign-in (RFC 6238 §5.2). */
  "CREATE TABLE IF NOT EXISTS totp_used_steps ("
  "  user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE, last_step INTEGER NOT NULL);\n";

/* Registered clients: public (no secret), loopback redirect URIs with any port. */
static const struct {
  const char *id;
  const char *name;
} clients[] = {
  { "partner-desk", "Partner Desk" },
};

const char *
pd_portal_oauth_client_name (const char *client_id)
{
  for (guint i = 0; i < G_N_ELEMENTS (clients); i++)
    if (g_strcmp0 (clients[i].id, client_id) == 0)
      return clients[i].name;
  return NULL;
}

gboolean
pd_portal_oauth_redirect_valid (const char *redirect_uri)
{
  g_autoptr(GUri) uri = NULL;
  const char *host;

  if (redirect_uri == NULL || strlen (redirect_uri) > 2000 || !g_str_has_prefix (redirect_uri, "http://"))
    return FALSE;
  /* Printable ASCII only, nothing that would need quoting in a Location header or a page. */
  for (const char *p = redirect_uri; *p != '\0'; p++)
    if ((guchar) *p <= ' ' || (guchar) *p >= 0x7f || strchr ("\"<>\\^`{|}", *p) != NULL)
      return FALSE;
  uri = g_uri_parse (redirect_uri, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return FALSE;
  host = g_uri_get_host (uri);
  /* GLib gives IPv6 literals without brackets. */
  if (g_strcmp0 (host, "127.0.0.1") != 0 && g_strcmp0 (host, "::1") != 0 &&
      g_ascii_strcasecmp (host ? host : "", "localhost") != 0)
    return FALSE;
  return g_uri_get_port (uri) > 0 && g_uri_get_userinfo (uri) == NULL && g_uri_get_fragment (uri) == NULL &&
         (*g_uri_get_path (uri) == '\0' || *g_uri_get_path (uri) == '/');
}

char *
pd_portal_oauth_redirect_build (const char *redirect_uri,
                                ...)
{
  GString *location = g_string_new (redirect_uri);
  char separator = strchr (redirect_uri, '?') != NULL ? '&' : '?';
  const char *name;
  va_list args;

  va_start (args, redirect_uri);
  while ((name = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);
      g_autofree char *escaped = NULL;

      if (value == NULL)
        continue;
      escaped = g_uri_escape_string (value, NULL, FALSE);
      g_string_append_printf (location, "%c%s=%s", separator, name, escaped);
      separator = '&';
    }
  va_end (args);
  return g_string_free (location, FALSE);
}

static gboolean
all_of (const char *text,
        const char *alphabet)
{
  return text[strspn (text, alphabet)] == '\0';
}

#define UNRESERVED "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"
#define BASE64URL  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

gboolean
pd_portal_oauth_verifier_valid (const char *verifier)
{
  gsize len = verifier ? strlen (verifier) : 0;

  return len >= 43 && len <= 128 && all_of (verifier, UNRESERVED);
}

gboolean
pd_portal_oauth_challenge_valid (const char *challenge)
{
  return challenge != NULL && strlen (challenge) == 43 && all_of (challenge, BASE64URL);
}

gboolean
pd_portal_oauth_equal (const char *a,
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

/* BASE64URL-ENCODE(SHA256(ASCII(verifier))) without padding (RFC 7636 §4.2). */
static char *
s256 (const char *verifier)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize digest_len = sizeof digest;
  char *encoded;
  gsize len;

  g_checksum_update (checksum, (const guchar *) verifier, -1);
  g_checksum_get_digest (checksum, digest, &digest_len);
  encoded = g_base64_encode (digest, digest_len);
  for (char *p = encoded; *p != '\0'; p++)
    if (*p == '+')
      *p = '-';
    else if (*p == '/')
      *p = '_';
  len = strlen (encoded);
  while (len > 0 && encoded[len - 1] == '=')
    encoded[--len] = '\0';
  return encoded;
}

static char *
time_in (int seconds)
{
  return pd_portal_time_format (g_get_real_time () + (gint64) seconds * G_USEC_PER_SEC);
}

static void
no_store (PdPortalRequest *req)
{
  pd_portal_set_header (req, "Cache-Control", "no-store");
  pd_portal_set_header (req, "Pragma", "no-cache");
}

/* RFC 6749 §5.2 */
static void
oauth_error (PdPortalRequest *req,
             const char      *error,
             const char      *description)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint status = g_str_equal (error, "invalid_client") ? SOUP_STATUS_UNAUTHORIZED : SOUP_STATUS_BAD_REQUEST;

  json_builder_begin_object (builder);
  pd_portal_json_text (builder, "error", error);
  pd_portal_json_text (builder, "error_description", description);
  json_builder_end_object (builder);
  no_store (req);
  pd_portal_respond_builder (req, status, builder, NULL);
}

static const char *
form_value (PdPortalRequest *req,
            const char      *name)
{
  const char *value = req->form ? g_hash_table_lookup (req->form, name) : NULL;

  return value != NULL && *value != '\0' ? value : NULL;
}

/* Revokes every access and refresh token of a family: a replayed code or refresh token means
 * someone else may hold a token of it. */
static void
revoke_family (PdPortal   *portal,
               const char *family)
{
  sqlite3_stmt *stmt;

  stmt = pd_portal_db_stmt (portal, "UPDATE access_tokens SET revoked = 1 WHERE family = ?1");
  sqlite3_bind_text (stmt, 1, family, -1, SQLITE_TRANSIENT);
  pd_portal_db_step_done (portal, stmt);
  stmt = pd_portal_db_stmt (portal, "UPDATE refresh_tokens SET revoked = 1 WHERE family = ?1");
  sqlite3_bind_text (stmt, 1, family, -1, SQLITE_TRANSIENT);
  pd_portal_db_step_done (portal, stmt);
}

static gboolean
user_active (PdPortal *portal,
             gint64    user_id)
{
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal, "SELECT count(*) FROM users WHERE id = ?1 AND status = 'active'");

  sqlite3_bind_int64 (stmt, 1, user_id);
  return pd_portal_db_scalar (portal, stmt, 0) > 0;
}

/* Issues an access token and a new refresh token in @family and responds with them. */
static void
respond_tokens (PdPortalRequest *req,
                gint64           user_id,
                const char      *client_id,
                const char      *family,
                const char      *scope)
{
  PdPortal *portal = req->portal;
  g_autofree char *access = pd_portal_issue_access_token (portal, user_id, family, client_id,
                                                          portal->access_token_lifetime);
  g_autofree char *refresh = pd_portal_random_token ("pdr_", 32);
  g_autofree char *refresh_hash = pd_portal_sha256_hex (refresh);
  g_autofree char *now = pd_portal_now ();
  g_autofree char *expires = time_in (PD_OAUTH_REFRESH_TOKEN_LIFETIME);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal,
      "INSERT INTO refresh_tokens (token_hash, user_id, client_id, family, scope, created_at, expires_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");

  sqlite3_bind_text (stmt, 1, refresh_hash, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, user_id);
  sqlite3_bind_text (stmt, 3, client_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, family, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, scope, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, expires, -1, SQLITE_STATIC);
  pd_portal_db_step_done (portal, stmt);

  json_builder_begin_object (builder);
  pd_portal_json_text (builder, "access_token", access);
  pd_portal_json_text (builder, "token_type", "Bearer");
  pd_portal_json_int (builder, "expires_in", portal->access_token_lifetime);
  pd_portal_json_text (builder, "refresh_token", refresh);
  pd_portal_json_text (builder, "scope", scope);
  json_builder_end_object (builder);
  no_store (req);
  pd_portal_respond_builder (req, SOUP_STATUS_OK, builder, NULL);
}

typedef struct {
  gint64  user_id;
  char   *client_id;
  char   *redirect_uri;
  char   *challenge;
  char   *scope;
  char   *family;
  char   *used_at;
  char   *expires_at;
} StoredCode;

static void
stored_code_clear (StoredCode *code)
{
  g_free (code->client_id);
  g_free (code->redirect_uri);
  g_free (code->challenge);
  g_free (code->scope);
  g_free (code->family);
  g_free (code->used_at);
  g_free (code->expires_at);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (StoredCode, stored_code_clear)

static void
grant_authorization_code (PdPortalRequest *req,
                          const char      *client_id)
{
  PdPortal *portal = req->portal;
  const char *code = form_value (req, "code");
  const char *redirect_uri = form_value (req, "redirect_uri");
  const char *verifier = form_value (req, "code_verifier");
  g_autofree char *hash = NULL;
  g_autofree char *now = pd_portal_now ();
  g_autofree char *computed = NULL;
  g_auto(StoredCode) stored = { 0 };
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  if (code == NULL || redirect_uri == NULL || verifier == NULL)
    {
      oauth_error (req, "invalid_request", code == NULL ? "code is required."
                                         : redirect_uri == NULL ? "redirect_uri is required."
                                         : "code_verifier is required (PKCE).");
      return;
    }
  if (!pd_portal_oauth_verifier_valid (verifier))
    {
      oauth_error (req, "invalid_request",
                   "code_verifier must be 43 to 128 characters of A-Z, a-z, 0-9, '-', '.', '_' and '~'.");
      return;
    }

  hash = pd_portal_sha256_hex (code);
  stmt = pd_portal_db_stmt (portal,
      "SELECT user_id, client_id, redirect_uri, code_challenge, scope, family, used_at, expires_at "
      "FROM auth_codes WHERE code_hash = ?1");
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      stored.user_id = sqlite3_column_int64 (stmt, 0);
      stored.client_id = g_strdup (pd_portal_db_text (stmt, 1));
      stored.redirect_uri = g_strdup (pd_portal_db_text (stmt, 2));
      stored.challenge = g_strdup (pd_portal_db_text (stmt, 3));
      stored.scope = g_strdup (pd_portal_db_text (stmt, 4));
      stored.family = g_strdup (pd_portal_db_text (stmt, 5));
      stored.used_at = g_strdup (pd_portal_db_text (stmt, 6));
      stored.expires_at = g_strdup (pd_portal_db_text (stmt, 7));
    }
  sqlite3_reset (stmt);

  if (!found)
    {
      oauth_error (req, "invalid_grant", "The authorization code is invalid or expired. Sign in again.");
      return;
    }
  if (stored.used_at != NULL)
    {
      /* RFC 6749 §4.1.2: a code presented twice revokes what it was exchanged for. */
      pd_portal_db_begin (portal);
      revoke_family (portal, stored.family);
      pd_portal_db_commit (portal);
      oauth_error (req, "invalid_grant",
                   "The authorization code was already used; the tokens issued for it are revoked. Sign in again.");
      return;
    }
  if (g_strcmp0 (stored.expires_at, now) <= 0)
    {
      oauth_error (req, "invalid_grant", "The authorization code is invalid or expired. Sign in again.");
      return;
    }

  pd_portal_db_begin (portal);
  /* Any presentation uses the code up, so it cannot be tried against many verifiers. */
  stmt = pd_portal_db_stmt (portal, "UPDATE auth_codes SET used_at = ?1 WHERE code_hash = ?2");
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, hash, -1, SQLITE_STATIC);
  pd_portal_db_step_done (portal, stmt);

  computed = s256 (verifier);
  if (!g_str_equal (stored.client_id, client_id))
    oauth_error (req, "invalid_grant", "The authorization code was issued to another client.");
  else if (!g_str_equal (stored.redirect_uri, redirect_uri))
    oauth_error (req, "invalid_grant", "redirect_uri differs from the one of the authorization request.");
  else if (!pd_portal_oauth_equal (computed, stored.challenge))
    oauth_error (req, "invalid_grant", "code_verifier does not match the code_challenge (PKCE).");
  else if (!user_active (portal, stored.user_id))
    oauth_error (req, "invalid_grant", "The user account is deactivated.");
  else
    respond_tokens (req, stored.user_id, client_id, stored.family, stored.scope);
  pd_portal_db_commit (portal);
}

static void
grant_refresh_token (PdPortalRequest *req,
                     const char      *client_id)
{
  PdPortal *portal = req->portal;
  const char *token = form_value (req, "refresh_token");
  g_autofree char *hash = NULL;
  g_autofree char *now = pd_portal_now ();
  g_autofree char *stored_client = NULL;
  g_autofree char *family = NULL;
  g_autofree char *scope = NULL;
  g_autofree char *used_at = NULL;
  g_autofree char *expires_at = NULL;
  gboolean revoked = FALSE;
  gint64 user_id = 0;
  sqlite3_stmt *stmt;

  if (token == NULL)
    {
      oauth_error (req, "invalid_request", "refresh_token is required.");
      return;
    }
  hash = pd_portal_sha256_hex (token);
  stmt = pd_portal_db_stmt (portal,
      "SELECT user_id, client_id, family, scope, used_at, revoked, expires_at FROM refresh_tokens WHERE token_hash = ?1");
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      user_id = sqlite3_column_int64 (stmt, 0);
      stored_client = g_strdup (pd_portal_db_text (stmt, 1));
      family = g_strdup (pd_portal_db_text (stmt, 2));
      scope = g_strdup (pd_portal_db_text (stmt, 3));
      used_at = g_strdup (pd_portal_db_text (stmt, 4));
      revoked = sqlite3_column_int (stmt, 5) != 0;
      expires_at = g_strdup (pd_portal_db_text (stmt, 6));
    }
  sqlite3_reset (stmt);

  if (user_id == 0 || revoked || g_strcmp0 (expires_at, now) <= 0 || !g_str_equal (stored_client, client_id))
    {
      oauth_error (req, "invalid_grant", "The refresh token is invalid, expired or revoked. Sign in again.");
      return;
    }

  pd_portal_db_begin (portal);
  if (used_at != NULL)
    {
      /* A rotated-out token came back: it was copied. Nobody in the family can be trusted. */
      revoke_family (portal, family);
      pd_portal_db_commit (portal);
      oauth_error (req, "invalid_grant",
                   "The refresh token was already used; all tokens of this sign-in are revoked. Sign in again.");
      return;
    }
  stmt = pd_portal_db_stmt (portal, "UPDATE refresh_tokens SET used_at = ?1 WHERE token_hash = ?2");
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, hash, -1, SQLITE_STATIC);
  pd_portal_db_step_done (portal, stmt);

  if (!user_active (portal, user_id))
    {
      revoke_family (portal, family);
      oauth_error (req, "invalid_grant", "The user account is deactivated.");
    }
  else
    respond_tokens (req, user_id, client_id, family, scope);
  pd_portal_db_commit (portal);
}

/* POST /oauth/token */
static void
handle_token (PdPortalRequest *req)
{
  const char *grant_type = form_value (req, "grant_type");
  const char *client_id = form_value (req, "client_id");

  if (grant_type == NULL)
    {
      oauth_error (req, "invalid_request", "grant_type is required (authorization_code or refresh_token).");
      return;
    }
  if (client_id == NULL || pd_portal_oauth_client_name (client_id) == NULL)
    {
      oauth_error (req, "invalid_client", client_id == NULL ? "client_id is required." : "Unknown client_id.");
      return;
    }
  if (g_str_equal (grant_type, "authorization_code"))
    grant_authorization_code (req, client_id);
  else if (g_str_equal (grant_type, "refresh_token"))
    grant_refresh_token (req, client_id);
  else
    oauth_error (req, "unsupported_grant_type", "grant_type must be authorization_code or refresh_token.");
}

static gboolean
revoke_access_token (PdPortal   *portal,
                     const char *hash,
                     const char *client_id)
{
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal,
      "UPDATE access_tokens SET revoked = 1 WHERE token_hash = ?1 AND (?2 IS NULL OR client_id = ?2) "
      "RETURNING 1");

  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, client_id, -1, SQLITE_STATIC);
  return pd_portal_db_scalar (portal, stmt, 0) == 1;
}

static gboolean
revoke_refresh_token (PdPortal   *portal,
                      const char *hash,
                      const char *client_id)
{
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal,
      "SELECT family FROM refresh_tokens WHERE token_hash = ?1 AND (?2 IS NULL OR client_id = ?2)");
  g_autofree char *family = NULL;

  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, client_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    family = g_strdup (pd_portal_db_text (stmt, 0));
  sqlite3_reset (stmt);
  if (family == NULL)
    return FALSE;
  revoke_family (portal, family);
  return TRUE;
}

/* POST /oauth/revoke (RFC 7009): 200 whether or not the token was known, so it says nothing
 * about tokens; API keys are revoked through /api/v1/me/api-keys, not here. */
static void
handle_revoke (PdPortalRequest *req)
{
  const char *token = form_value (req, "token");
  const char *hint = form_value (req, "token_type_hint");
  const char *client_id = form_value (req, "client_id");
  g_autofree char *hash = NULL;

  if (token == NULL)
    {
      oauth_error (req, "invalid_request", "token is required.");
      return;
    }
  if (client_id != NULL && pd_portal_oauth_client_name (client_id) == NULL)
    {
      oauth_error (req, "invalid_client", "Unknown client_id.");
      return;
    }

  hash = pd_portal_sha256_hex (token);
  pd_portal_db_begin (req->portal);
  /* The hint only orders the look-ups (§2.1). */
  if (g_strcmp0 (hint, "refresh_token") == 0)
    {
      if (!revoke_refresh_token (req->portal, hash, client_id))
        revoke_access_token (req->portal, hash, client_id);
    }
  else if (!revoke_access_token (req->portal, hash, client_id))
    revoke_refresh_token (req->portal, hash, client_id);
  pd_portal_db_commit (req->portal);

  no_store (req);
  pd_portal_respond_bytes (req, SOUP_STATUS_OK, NULL, NULL);
}

static void
register_routes (PdPortal *portal)
{
  pd_portal_oauth_register_pages (portal);
  pd_portal_route (portal, "POST", "/oauth/token", PD_PORTAL_ROUTE_PUBLIC | PD_PORTAL_ROUTE_FORM, handle_token);
  pd_portal_route (portal, "POST", "/oauth/revoke", PD_PORTAL_ROUTE_PUBLIC | PD_PORTAL_ROUTE_FORM, handle_revoke);
}

const PdPortalModule pd_portal_module_oauth = {
  .name = "oauth",
  .schema = schema_sql,
  .register_routes = register_routes,
};

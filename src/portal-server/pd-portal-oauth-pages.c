/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The sign-in pages behind GET/POST /oauth/authorize: e-mail and password, then a TOTP code
 * when the user has MFA, then an account picker when the e-mail and password fit users of
 * several partners, then a redirect to the app's loopback address with the code.
 *
 * The state of one sign-in lives in oauth_flows, found by the hash of the random hidden `flow`
 * field, so a page cannot be replayed after the flow ended and nothing secret is in the URL. */
#include "pd-portal-db.h"
#include "pd-portal-oauth-private.h"

typedef struct {
  gint64   id;
  char    *client_id;
  char    *redirect_uri;
  char    *state;
  char    *challenge;
  char    *scope;
  char    *step;          /* credentials, totp, account */
  char    *email;
  GArray  *candidates;    /* gint64 user rowids */
  int      failures;
  const char *token;      /* the hidden field, from the request */
} Flow;

static void
flow_free (Flow *flow)
{
  g_free (flow->client_id);
  g_free (flow->redirect_uri);
  g_free (flow->state);
  g_free (flow->challenge);
  g_free (flow->scope);
  g_free (flow->step);
  g_free (flow->email);
  g_array_unref (flow->candidates);
  g_free (flow);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Flow, flow_free)

/* Pages */

static const char page_css[] =
  "body{font:16px/1.5 system-ui,sans-serif;margin:0;padding:1rem;background:#f6f5f4;color:#1e1e1e}"
  "main{max-width:26rem;margin:2rem auto;padding:2rem;background:#fff;border-radius:12px;"
  "box-shadow:0 1px 4px rgba(0,0,0,.2)}"
  "h1{font-size:1.5rem;margin:0 0 .5rem}"
  "label{display:block;font-weight:600;margin-top:1rem}"
  "input{box-sizing:border-box;width:100%;margin-top:.25rem;padding:.5rem;font:inherit;"
  "border:1px solid #767676;border-radius:6px;background:inherit;color:inherit}"
  ":focus-visible{outline:3px solid #1c71d8;outline-offset:2px}"
  ".error{border-left:4px solid #c01c28;background:#fbe9eb;color:#1e1e1e;padding:.5rem .75rem;margin:1rem 0}"
  ".actions{display:flex;gap:.5rem;flex-wrap:wrap;margin-top:1.5rem}"
  "button{font:inherit;padding:.5rem 1.25rem;border-radius:6px;border:1px solid #1a5fb4;"
  "background:#1a5fb4;color:#fff;cursor:pointer}"
  "button.secondary{background:transparent;color:inherit;border-color:#767676}"
  "fieldset{border:0;padding:0;margin:1rem 0 0}legend{font-weight:600}"
  "button.account{display:block;width:100%;text-align:start;margin:.5rem 0;background:transparent;"
  "color:inherit;border-color:#767676}"
  ".detail{display:block;font-size:.875rem;opacity:.8}"
  "@media (prefers-color-scheme:dark){body{background:#242424;color:#fff}main{background:#303030}"
  ".error{background:#4a1c20;color:#fff}}";

static void
html_append (GString    *html,
             const char *format,
             ...) G_GNUC_PRINTF (2, 3);

/* Appends @format with every string argument escaped for HTML text and attributes. */
static void
html_append (GString    *html,
             const char *format,
             ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_markup_vprintf_escaped (format, args);
  va_end (args);
  g_string_append (html, text);
}

/* The CSP of pages with a form: the form posts to the portal, whose answer may redirect to the
 * app's loopback address, and browsers check form-action against that redirect too. */
static char *
page_csp (const char *redirect_uri)
{
  g_autoptr(GUri) uri = redirect_uri ? g_uri_parse (redirect_uri, G_URI_FLAGS_NONE, NULL) : NULL;
  const char *base = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";

  if (uri == NULL)
    return g_strdup_printf ("%s; form-action 'self'", base);
  /* CSP source expressions cannot name an IPv6 literal: leave form-action open then. */
  if (strchr (g_uri_get_host (uri), ':') != NULL)
    return g_strdup (base);
  return g_strdup_printf ("%s; form-action 'self' http://%s:%d", base, g_uri_get_host (uri), g_uri_get_port (uri));
}

static void
respond_page (PdPortalRequest *req,
              guint            status,
              const char      *title,
              const char      *content,
              const char      *redirect_uri)
{
  g_autoptr(GString) html = g_string_new ("<!DOCTYPE html>\n");
  g_autofree char *csp = page_csp (redirect_uri);

  html_append (html,
               "<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
               "<meta name=\"referrer\" content=\"no-referrer\">\n"
               "<title>%s – Partner Portal</title>\n", title);
  g_string_append_printf (html, "<style>%s</style>\n</head>\n<body>\n<main>\n", page_css);
  g_string_append (html, content);
  g_string_append (html, "</main>\n</body>\n</html>\n");

  pd_portal_set_header (req, "Cache-Control", "no-store");
  pd_portal_set_header (req, "Referrer-Policy", "no-referrer");
  pd_portal_set_header (req, "X-Content-Type-Options", "nosniff");
  pd_portal_respond_html (req, status, html->str);
  /* Replaces the generic policy: the response is only sent once the handler returns. */
  pd_portal_set_header (req, "Content-Security-Policy", csp);
}

/* A dead end: nothing can be sent back to the app (unknown client, bad redirect URI, old flow). */
static void
respond_error_page (PdPortalRequest *req,
                    const char      *heading,
                    const char      *message)
{
  g_autoptr(GString) content = g_string_new (NULL);

  html_append (content,
               "<h1>%s</h1>\n<p class=\"error\" role=\"alert\">%s</p>\n"
               "<p>Close this page, go back to the application and start signing in again.</p>\n",
               heading, message);
  respond_page (req, SOUP_STATUS_BAD_REQUEST, heading, content->str, NULL);
}

static void
append_form_start (GString    *html,
                   Flow       *flow,
                   const char *error)
{
  const char *client = pd_portal_oauth_client_name (flow->client_id);

  html_append (html, "<p>to continue to <strong>%s</strong></p>\n", client);
  if (error != NULL)
    html_append (html, "<p class=\"error\" role=\"alert\" id=\"error\">%s</p>\n", error);
  html_append (html,
               "<form method=\"post\" action=\"/oauth/authorize\">\n"
               "<input type=\"hidden\" name=\"flow\" value=\"%s\">\n"
               "<input type=\"hidden\" name=\"step\" value=\"%s\">\n",
               flow->token, flow->step);
}

static void
append_form_end (GString    *html,
                 const char *submit_label)
{
  g_string_append (html, "<div class=\"actions\">\n");
  if (submit_label != NULL)
    html_append (html, "<button type=\"submit\" name=\"action\" value=\"continue\">%s</button>\n", submit_label);
  g_string_append (html,
                   "<button type=\"submit\" name=\"action\" value=\"cancel\" class=\"secondary\" formnovalidate>"
                   "Cancel</button>\n</div>\n</form>\n");
}

static void
page_credentials (PdPortalRequest *req,
                  Flow            *flow,
                  const char      *email,
                  const char      *error)
{
  g_autoptr(GString) html = g_string_new ("<h1>Sign in</h1>\n");
  const char *invalid = error ? " aria-invalid=\"true\" aria-describedby=\"error\"" : "";
  gboolean has_email = email != NULL && *email != '\0';

  append_form_start (html, flow, error);
  html_append (html,
               "<label for=\"email\">E-mail address</label>\n"
               "<input id=\"email\" name=\"email\" type=\"email\" autocomplete=\"username\" "
               "maxlength=\"320\" required value=\"%s\"",
               has_email ? email : "");
  g_string_append (html, invalid);
  g_string_append (html, has_email ? ">\n" : " autofocus>\n");
  g_string_append (html,
                   "<label for=\"password\">Password</label>\n"
                   "<input id=\"password\" name=\"password\" type=\"password\" "
                   "autocomplete=\"current-password\" maxlength=\"1000\" required");
  g_string_append (html, invalid);
  g_string_append (html, has_email ? " autofocus>\n" : ">\n");
  append_form_end (html, "Sign in");
  respond_page (req, SOUP_STATUS_OK, "Sign in", html->str, flow->redirect_uri);
}

static void
page_totp (PdPortalRequest *req,
           Flow            *flow,
           const char      *error)
{
  g_autoptr(GString) html = g_string_new ("<h1>Two-step verification</h1>\n");

  append_form_start (html, flow, error);
  html_append (html,
               "<p>Enter the 6-digit code that the authenticator app shows for %s.</p>\n"
               "<label for=\"code\">Verification code</label>\n"
               "<input id=\"code\" name=\"code\" type=\"text\" inputmode=\"numeric\" "
               "autocomplete=\"one-time-code\" pattern=\"[0-9 ]{6,7}\" maxlength=\"7\" required autofocus",
               flow->email);
  g_string_append (html, error ? " aria-invalid=\"true\" aria-describedby=\"error\">\n" : ">\n");
  append_form_end (html, "Verify");
  respond_page (req, SOUP_STATUS_OK, "Two-step verification", html->str, flow->redirect_uri);
}

static void
page_account (PdPortalRequest *req,
              Flow            *flow,
              const char      *error)
{
  g_autoptr(GString) html = g_string_new ("<h1>Choose an account</h1>\n");

  append_form_start (html, flow, error);
  html_append (html, "<fieldset>\n<legend>%s has access to these partner accounts:</legend>\n", flow->email);
  for (guint i = 0; i < flow->candidates->len; i++)
    {
      gint64 user_id = g_array_index (flow->candidates, gint64, i);
      g_autofree char *public_id = pd_portal_id_format ("usr", user_id);
      sqlite3_stmt *stmt = pd_portal_db_stmt (req->portal,
          "SELECT p.name, r.name FROM users u JOIN partners p ON p.id = u.partner_id "
          "JOIN roles r ON r.id = u.role_id WHERE u.id = ?1");

      sqlite3_bind_int64 (stmt, 1, user_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        html_append (html,
                     "<button type=\"submit\" name=\"account\" value=\"%s\" class=\"account\"%s>"
                     "<span class=\"partner\">%s</span> <span class=\"detail\">%s</span></button>\n",
                     public_id, i == 0 ? " autofocus" : "", pd_portal_db_text (stmt, 0), pd_portal_db_text (stmt, 1));
      sqlite3_reset (stmt);
    }
  g_string_append (html, "</fieldset>\n");
  append_form_end (html, NULL);
  respond_page (req, SOUP_STATUS_OK, "Choose an account", html->str, flow->redirect_uri);
}

static void
page_for_step (PdPortalRequest *req,
               Flow            *flow,
               const char      *error)
{
  if (g_str_equal (flow->step, "totp"))
    page_totp (req, flow, error);
  else if (g_str_equal (flow->step, "account"))
    page_account (req, flow, error);
  else
    page_credentials (req, flow, flow->email, error);
}

/* Flows */

static char *
candidates_text (GArray *candidates)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < candidates->len; i++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i ? " " : "", g_array_index (candidates, gint64, i));
  return g_string_free (text, FALSE);
}

static Flow *
flow_load (PdPortal   *portal,
           const char *token)
{
  g_autofree char *hash = NULL;
  g_autofree char *now = pd_portal_now ();
  sqlite3_stmt *stmt;
  Flow *flow = NULL;

  if (token == NULL || strlen (token) > 100)
    return NULL;
  hash = pd_portal_sha256_hex (token);
  stmt = pd_portal_db_stmt (portal,
      "SELECT id, client_id, redirect_uri, state, code_challenge, scope, step, email, candidates, failures "
      "FROM oauth_flows WHERE flow_hash = ?1 AND expires_at > ?2");
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_auto(GStrv) ids = g_strsplit (pd_portal_db_text (stmt, 8) ? pd_portal_db_text (stmt, 8) : "", " ", -1);

      flow = g_new0 (Flow, 1);
      flow->id = sqlite3_column_int64 (stmt, 0);
      flow->client_id = g_strdup (pd_portal_db_text (stmt, 1));
      flow->redirect_uri = g_strdup (pd_portal_db_text (stmt, 2));
      flow->state = g_strdup (pd_portal_db_text (stmt, 3));
      flow->challenge = g_strdup (pd_portal_db_text (stmt, 4));
      flow->scope = g_strdup (pd_portal_db_text (stmt, 5));
      flow->step = g_strdup (pd_portal_db_text (stmt, 6));
      flow->email = g_strdup (pd_portal_db_text (stmt, 7));
      flow->failures = sqlite3_column_int (stmt, 9);
      flow->candidates = g_array_new (FALSE, FALSE, sizeof (gint64));
      flow->token = token;
      for (guint i = 0; ids[i] != NULL; i++)
        {
          gint64 id = g_ascii_strtoll (ids[i], NULL, 10);
          if (id > 0)
            g_array_append_val (flow->candidates, id);
        }
    }
  sqlite3_reset (stmt);
  return flow;
}

static void
flow_save (PdPortal *portal,
           Flow     *flow)
{
  g_autofree char *candidates = candidates_text (flow->candidates);
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal,
      "UPDATE oauth_flows SET step = ?1, email = ?2, candidates = ?3, failures = ?4 WHERE id = ?5");

  sqlite3_bind_text (stmt, 1, flow->step, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, flow->email, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, candidates, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, flow->failures);
  sqlite3_bind_int64 (stmt, 5, flow->id);
  pd_portal_db_step_done (portal, stmt);
}

static void
flow_delete (PdPortal *portal,
             Flow     *flow)
{
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal, "DELETE FROM oauth_flows WHERE id = ?1");

  sqlite3_bind_int64 (stmt, 1, flow->id);
  pd_portal_db_step_done (portal, stmt);
}

static void
flow_set_step (Flow       *flow,
               const char *step)
{
  g_free (flow->step);
  flow->step = g_strdup (step);
}

/* Ends the flow and sends the browser back to the app with an error (RFC 6749 §4.1.2.1). */
static void
flow_abort (PdPortalRequest *req,
            Flow            *flow,
            const char      *error,
            const char      *description)
{
  g_autofree char *location = pd_portal_oauth_redirect_build (flow->redirect_uri, "error", error,
                                                              "error_description", description,
                                                              "state", flow->state, NULL);

  flow_delete (req->portal, flow);
  pd_portal_respond_redirect (req, location);
}

/* A wrong password or code: the same page again, or the end of the flow after too many. */
static void
flow_fail (PdPortalRequest *req,
           Flow            *flow,
           const char      *error)
{
  if (++flow->failures >= PD_OAUTH_MAX_FAILURES)
    {
      flow_abort (req, flow, "access_denied", "Too many failed sign-in attempts.");
      return;
    }
  flow_save (req->portal, flow);
  page_for_step (req, flow, error);
}

static gboolean
user_active (PdPortal *portal,
             gint64    user_id)
{
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal, "SELECT count(*) FROM users WHERE id = ?1 AND status = 'active'");

  sqlite3_bind_int64 (stmt, 1, user_id);
  return pd_portal_db_scalar (portal, stmt, 0) > 0;
}

/* The last step: an authorization code for @user_id, and back to the app. */
static void
flow_complete (PdPortalRequest *req,
               Flow            *flow,
               gint64           user_id)
{
  PdPortal *portal = req->portal;
  g_autofree char *code = pd_portal_random_token ("pdc_", 32);
  g_autofree char *hash = pd_portal_sha256_hex (code);
  g_autofree char *family = pd_portal_random_token ("", 24);
  g_autofree char *expires = pd_portal_time_format (g_get_real_time () + (gint64) PD_OAUTH_CODE_LIFETIME * G_USEC_PER_SEC);
  g_autofree char *now = pd_portal_now ();
  g_autofree char *location = NULL;
  sqlite3_stmt *stmt;

  if (!user_active (portal, user_id))
    {
      flow_abort (req, flow, "access_denied", "The account is deactivated.");
      return;
    }

  stmt = pd_portal_db_stmt (portal,
      "INSERT INTO auth_codes (code_hash, user_id, client_id, redirect_uri, code_challenge, scope, family, expires_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, user_id);
  sqlite3_bind_text (stmt, 3, flow->client_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, flow->redirect_uri, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, flow->challenge, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, flow->scope, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, family, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, expires, -1, SQLITE_STATIC);
  pd_portal_db_step_done (portal, stmt);

  /* A resource change like any other: the users list's delta sync sees the new time. */
  stmt = pd_portal_db_stmt (portal,
      "UPDATE users SET last_sign_in_at = ?1 WHERE id = ?2");
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, user_id);
  pd_portal_db_step_done (portal, stmt);

  flow_delete (portal, flow);
  location = pd_portal_oauth_redirect_build (flow->redirect_uri, "code", code, "state", flow->state, NULL);
  pd_portal_respond_redirect (req, location);
}

/* After the password or the code: the next step for the remaining candidates. */
static void
flow_advance (PdPortalRequest *req,
              Flow            *flow)
{
  if (flow->candidates->len == 1)
    flow_complete (req, flow, g_array_index (flow->candidates, gint64, 0));
  else
    {
      flow_set_step (flow, "account");
      flow_save (req->portal, flow);
      page_account (req, flow, NULL);
    }
}

/* Steps */

static const char *
form_value (PdPortalRequest *req,
            const char      *name)
{
  return req->form ? g_hash_table_lookup (req->form, name) : NULL;
}

static void
step_credentials (PdPortalRequest *req,
                  Flow            *flow)
{
  const char *email = form_value (req, "email");
  const char *password = form_value (req, "password");
  gboolean needs_totp = FALSE;
  gboolean any_user = FALSE;
  sqlite3_stmt *stmt;

  if (email != NULL)
    {
      g_free (flow->email);
      flow->email = g_strstrip (g_strdup (email));
    }
  if (flow->email == NULL || *flow->email == '\0' || password == NULL || *password == '\0')
    {
      page_credentials (req, flow, flow->email, "Enter your e-mail address and password.");
      return;
    }

  g_array_set_size (flow->candidates, 0);
  if (strlen (flow->email) <= 320 && strlen (password) <= 1000)
    {
      stmt = pd_portal_db_stmt (req->portal,
          "SELECT id, password_salt, password_hash, mfa_secret IS NOT NULL FROM users "
          "WHERE email = ?1 AND status = 'active' ORDER BY id");
      sqlite3_bind_text (stmt, 1, flow->email, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          any_user = TRUE;
          if (pd_portal_password_verify (password, pd_portal_db_text (stmt, 1), pd_portal_db_text (stmt, 2)))
            {
              gint64 id = sqlite3_column_int64 (stmt, 0);
              g_array_append_val (flow->candidates, id);
              needs_totp |= sqlite3_column_int (stmt, 3) != 0;
            }
        }
      sqlite3_reset (stmt);
    }
  /* The same work whether or not the address exists: the answer time tells nothing. */
  if (!any_user)
    g_free (pd_portal_password_hash (password, "no-such-user"));

  if (flow->candidates->len == 0)
    {
      flow_fail (req, flow, "The e-mail address or the password is not correct.");
      return;
    }
  if (needs_totp)
    {
      flow_set_step (flow, "totp");
      flow_save (req->portal, flow);
      page_totp (req, flow, NULL);
      return;
    }
  flow_advance (req, flow);
}

/* Whether @code is good for @user_id now and not used before; records its step. */
static gboolean
totp_accept (PdPortal   *portal,
             gint64      user_id,
             const char *secret,
             const char *code)
{
  sqlite3_stmt *stmt;
  gint64 step = 0;

  if (!pd_portal_totp_verify (secret, code, g_get_real_time () / G_USEC_PER_SEC, &step))
    return FALSE;
  stmt = pd_portal_db_stmt (portal, "SELECT last_step FROM totp_used_steps WHERE user_id = ?1");
  sqlite3_bind_int64 (stmt, 1, user_id);
  if (pd_portal_db_scalar (portal, stmt, -1) >= step)
    return FALSE;
  stmt = pd_portal_db_stmt (portal, "INSERT OR REPLACE INTO totp_used_steps (user_id, last_step) VALUES (?1, ?2)");
  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_int64 (stmt, 2, step);
  pd_portal_db_step_done (portal, stmt);
  return TRUE;
}

static void
step_totp (PdPortalRequest *req,
           Flow            *flow)
{
  const char *code = form_value (req, "code");
  g_autoptr(GArray) passed = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean verified = FALSE;

  if (code == NULL || *code == '\0')
    {
      page_totp (req, flow, "Enter the 6-digit code.");
      return;
    }
  /* Accounts with MFA stay candidates only when the code is theirs; accounts without stay. */
  for (guint i = 0; i < flow->candidates->len; i++)
    {
      gint64 user_id = g_array_index (flow->candidates, gint64, i);
      g_autofree char *secret = NULL;
      sqlite3_stmt *stmt = pd_portal_db_stmt (req->portal, "SELECT mfa_secret FROM users WHERE id = ?1");

      sqlite3_bind_int64 (stmt, 1, user_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        secret = g_strdup (pd_portal_db_text (stmt, 0));
      sqlite3_reset (stmt);

      if (secret == NULL)
        g_array_append_val (passed, user_id);
      else if (totp_accept (req->portal, user_id, secret, code))
        {
          verified = TRUE;
          g_array_append_val (passed, user_id);
        }
    }
  if (!verified)
    {
      flow_fail (req, flow, "This code is not correct. Enter the code the app shows now; each code works only once.");
      return;
    }
  g_array_set_size (flow->candidates, 0);
  g_array_append_vals (flow->candidates, passed->data, passed->len);
  flow_advance (req, flow);
}

static void
step_account (PdPortalRequest *req,
              Flow            *flow)
{
  gint64 user_id = 0;

  if (pd_portal_id_parse ("usr", form_value (req, "account"), &user_id))
    for (guint i = 0; i < flow->candidates->len; i++)
      if (g_array_index (flow->candidates, gint64, i) == user_id)
        {
          flow_complete (req, flow, user_id);
          return;
        }
  page_account (req, flow, "Choose one of the accounts listed.");
}

/* Handlers */

static gboolean
scope_valid (const char *scope)
{
  /* RFC 6749 §3.3: space-separated tokens of %x21 / %x23-5B / %x5D-7E. */
  if (strlen (scope) > 1000)
    return FALSE;
  for (const char *p = scope; *p != '\0'; p++)
    if (*p != ' ' && (*p < 0x21 || *p > 0x7e || *p == '"' || *p == '\\'))
      return FALSE;
  return TRUE;
}

static void
cleanup_expired (PdPortal *portal)
{
  g_autofree char *now = pd_portal_now ();
  g_autofree char *old = pd_portal_time_format (g_get_real_time () - (gint64) PD_OAUTH_REFRESH_TOKEN_LIFETIME * G_USEC_PER_SEC);
  sqlite3_stmt *stmt;

  stmt = pd_portal_db_stmt (portal, "DELETE FROM oauth_flows WHERE expires_at <= ?1");
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
  pd_portal_db_step_done (portal, stmt);
  /* Used codes are kept while their tokens may live, so that a replay can revoke them. */
  stmt = pd_portal_db_stmt (portal, "DELETE FROM auth_codes WHERE expires_at <= ?1");
  sqlite3_bind_text (stmt, 1, old, -1, SQLITE_STATIC);
  pd_portal_db_step_done (portal, stmt);
}

/* GET /oauth/authorize */
static void
handle_authorize (PdPortalRequest *req)
{
  const char *client_id = pd_portal_query (req, "client_id");
  const char *redirect_uri = pd_portal_query (req, "redirect_uri");
  const char *response_type = pd_portal_query (req, "response_type");
  const char *state = pd_portal_query (req, "state");
  const char *challenge = pd_portal_query (req, "code_challenge");
  const char *method = pd_portal_query (req, "code_challenge_method");
  const char *scope = pd_portal_query (req, "scope");
  const char *login_hint = pd_portal_query (req, "login_hint");
  const char *error = NULL;
  const char *description = NULL;
  g_autofree char *token = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *expires = NULL;
  g_autoptr(Flow) flow = NULL;
  sqlite3_stmt *stmt;

  /* Without a known client and a good redirect URI there is nobody safe to send errors to. */
  if (pd_portal_oauth_client_name (client_id) == NULL)
    {
      respond_error_page (req, "Unknown application",
                          "The application that sent you here is not registered with this portal.");
      return;
    }
  if (!pd_portal_oauth_redirect_valid (redirect_uri))
    {
      respond_error_page (req, "Invalid return address",
                          "The application asked to be sent back to an address that is not allowed. Only "
                          "loopback addresses such as http://127.0.0.1:PORT/ are accepted.");
      return;
    }

  if (response_type == NULL)
    error = "invalid_request", description = "response_type is required.";
  else if (!g_str_equal (response_type, "code"))
    error = "unsupported_response_type", description = "Only response_type=code is supported.";
  else if (challenge == NULL)
    error = "invalid_request", description = "code_challenge is required (PKCE).";
  else if (g_strcmp0 (method, "S256") != 0)
    error = "invalid_request", description = "code_challenge_method must be S256.";
  else if (!pd_portal_oauth_challenge_valid (challenge))
    error = "invalid_request", description = "code_challenge must be 43 base64url characters.";
  else if (state != NULL && strlen (state) > 1000)
    error = "invalid_request", description = "state is too long.";
  else if (scope != NULL && !scope_valid (scope))
    error = "invalid_scope", description = "scope is malformed.";
  if (error != NULL)
    {
      g_autofree char *location = pd_portal_oauth_redirect_build (redirect_uri, "error", error,
                                                                  "error_description", description,
                                                                  "state", state, NULL);
      pd_portal_respond_redirect (req, location);
      return;
    }

  cleanup_expired (req->portal);
  token = pd_portal_random_token ("", 32);
  hash = pd_portal_sha256_hex (token);
  expires = pd_portal_time_format (g_get_real_time () + (gint64) PD_OAUTH_FLOW_LIFETIME * G_USEC_PER_SEC);
  stmt = pd_portal_db_stmt (req->portal,
      "INSERT INTO oauth_flows (flow_hash, client_id, redirect_uri, state, code_challenge, scope, expires_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, client_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, redirect_uri, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, state, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, challenge, -1, SQLITE_STATIC);
  /* Whatever was asked, the grant is the one scope there is (§3.3: the response says so). */
  sqlite3_bind_text (stmt, 6, PD_OAUTH_SCOPE, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, expires, -1, SQLITE_STATIC);
  pd_portal_db_step_done (req->portal, stmt);

  flow = flow_load (req->portal, token);
  g_assert (flow != NULL);
  /* The app may know who signs in again (OpenID Connect's login_hint): fill in the address. */
  page_credentials (req, flow, login_hint != NULL && strlen (login_hint) <= 320 ? login_hint : NULL, NULL);
}

/* POST /oauth/authorize */
static void
handle_authorize_post (PdPortalRequest *req)
{
  g_autoptr(Flow) flow = flow_load (req->portal, form_value (req, "flow"));

  if (flow == NULL)
    {
      respond_error_page (req, "Sign-in expired",
                          "This sign-in page has expired or was already used.");
      return;
    }

  pd_portal_db_begin (req->portal);
  if (g_strcmp0 (form_value (req, "action"), "cancel") == 0)
    flow_abort (req, flow, "access_denied", "The user cancelled the sign-in.");
  else if (g_strcmp0 (form_value (req, "step"), flow->step) != 0)
    page_for_step (req, flow, NULL);  /* an older page of this flow (the Back button) */
  else if (g_str_equal (flow->step, "credentials"))
    step_credentials (req, flow);
  else if (g_str_equal (flow->step, "totp"))
    step_totp (req, flow);
  else
    step_account (req, flow);
  pd_portal_db_commit (req->portal);
}

void
pd_portal_oauth_register_pages (PdPortal *portal)
{
  pd_portal_route (portal, "GET", "/oauth/authorize", PD_PORTAL_ROUTE_PUBLIC | PD_PORTAL_ROUTE_RAW, handle_authorize);
  pd_portal_route (portal, "POST", "/oauth/authorize",
                   PD_PORTAL_ROUTE_PUBLIC | PD_PORTAL_ROUTE_FORM | PD_PORTAL_ROUTE_RAW, handle_authorize_post);
}

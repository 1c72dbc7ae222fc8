/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SMTP settings and test e-mails.
 *
 * A test of custom (manual) settings is a real SMTP conversation with the configured server.
 * It runs in a thread of its own with blocking socket I/O and no database access, while the
 * HTTP message is paused; the main loop keeps serving other requests. The result is recorded
 * and sent from the main thread (see on_test_done()), which then joins the thread: no idle
 * worker outlives a test (LeakSanitizer cannot scan threads that used the dlopen'ed TLS
 * backend, so pooled GTask workers would break the sanitizer runs).
 *
 * PD_PORTAL_SMTP_TIMEOUT (seconds, default 10) sets the timeout of the connection and of every
 * answer; the whole conversation may take three times as long. The tests lower it to check the
 * timeout path quickly. */
#include <stdlib.h>

#include "pd-portal-modules.h"
#include "pd-portal-db.h"
#include "pd-portal-http.h"
#include "pd-portal-validate.h"

#define DEFAULT_TIMEOUT   10
#define MAX_REPLY_LINES   100
#define MAX_LINE_BYTES    2048
#define RELAY_ADDRESS     "no-reply@partnerdesk.example"

static const char *const methods[] = { "default", "custom_manual", "custom_microsoft", NULL };
static const char *const securities[] = { "none", "starttls", "tls", NULL };
static const char *const auto_frequencies[] = { "daily", "weekly", "monthly", NULL };

static const char schema[] =
  /* One row per partner. password and client_secret are needed to send mail, so they are
   * stored, but no response ever contains them. connection_revision changes whenever the
   * connection settings do, so a test that finishes after a change does not mark the new
   * settings as verified. */
  "CREATE TABLE IF NOT EXISTS smtp_settings ("
  "  partner_id INTEGER PRIMARY KEY REFERENCES partners(id) ON DELETE CASCADE,"
  "  method TEXT NOT NULL DEFAULT 'default',"
  "  host TEXT, port INTEGER, security TEXT, username TEXT, password TEXT,"
  "  from_address TEXT, from_name TEXT,"
  "  tenant_id TEXT, client_id TEXT, client_secret TEXT, ms_from_address TEXT, ms_from_name TEXT,"
  "  status TEXT NOT NULL DEFAULT 'unverified', last_test_at TEXT, last_error TEXT,"
  "  connection_revision INTEGER NOT NULL DEFAULT 1,"
  "  auto_test_enabled INTEGER NOT NULL DEFAULT 0, auto_test_to TEXT,"
  "  auto_test_frequency TEXT NOT NULL DEFAULT 'weekly',"
  "  version INTEGER NOT NULL DEFAULT 1, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);\n";

typedef struct {
  char    *method;
  char    *host;
  gint64   port;
  char    *security;
  char    *username;
  char    *password;
  char    *from_address;
  char    *from_name;
  char    *tenant_id;
  char    *client_id;
  char    *client_secret;
  char    *ms_from_address;
  char    *ms_from_name;
  char    *status;
  char    *last_test_at;
  char    *last_error;
  gint64   revision;
  gboolean auto_enabled;
  char    *auto_to;
  char    *auto_frequency;
  gint64   version;
  char    *updated_at;
} Settings;

static void
settings_free (Settings *s)
{
  if (s == NULL)
    return;
  g_free (s->method);
  g_free (s->host);
  g_free (s->security);
  g_free (s->username);
  g_free (s->password);
  g_free (s->from_address);
  g_free (s->from_name);
  g_free (s->tenant_id);
  g_free (s->client_id);
  g_free (s->client_secret);
  g_free (s->ms_from_address);
  g_free (s->ms_from_name);
  g_free (s->status);
  g_free (s->last_test_at);
  g_free (s->last_error);
  g_free (s->auto_to);
  g_free (s->auto_frequency);
  g_free (s->updated_at);
  g_free (s);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Settings, settings_free)

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup (pd_portal_db_text (stmt, column));
}

static Settings *
settings_load (PdPortal *portal,
               gint64    partner_id)
{
  g_autofree char *now = pd_portal_now ();
  Settings *s = g_new0 (Settings, 1);
  sqlite3_stmt *stmt;

  stmt = pd_portal_db_stmt (portal,
      "INSERT OR IGNORE INTO smtp_settings (partner_id, created_at, updated_at) VALUES (?1, ?2, ?2)");
  sqlite3_bind_int64 (stmt, 1, partner_id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  pd_portal_db_step_done (portal, stmt);

  stmt = pd_portal_db_stmt (portal,
      "SELECT method, host, port, security, username, password, from_address, from_name, tenant_id, client_id, "
      "client_secret, ms_from_address, ms_from_name, status, last_test_at, last_error, connection_revision, "
      "auto_test_enabled, auto_test_to, auto_test_frequency, version, updated_at "
      "FROM smtp_settings WHERE partner_id = ?1");
  sqlite3_bind_int64 (stmt, 1, partner_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      s->method = column_dup (stmt, 0);
      s->host = column_dup (stmt, 1);
      s->port = sqlite3_column_int64 (stmt, 2);
      s->security = column_dup (stmt, 3);
      s->username = column_dup (stmt, 4);
      s->password = column_dup (stmt, 5);
      s->from_address = column_dup (stmt, 6);
      s->from_name = column_dup (stmt, 7);
      s->tenant_id = column_dup (stmt, 8);
      s->client_id = column_dup (stmt, 9);
      s->client_secret = column_dup (stmt, 10);
      s->ms_from_address = column_dup (stmt, 11);
      s->ms_from_name = column_dup (stmt, 12);
      s->status = column_dup (stmt, 13);
      s->last_test_at = column_dup (stmt, 14);
      s->last_error = column_dup (stmt, 15);
      s->revision = sqlite3_column_int64 (stmt, 16);
      s->auto_enabled = sqlite3_column_int (stmt, 17);
      s->auto_to = column_dup (stmt, 18);
      s->auto_frequency = column_dup (stmt, 19);
      s->version = sqlite3_column_int64 (stmt, 20);
      s->updated_at = column_dup (stmt, 21);
    }
  sqlite3_reset (stmt);
  return s;
}

static char *
settings_etag (Settings *s)
{
  return pd_portal_etag ("smtp-settings", s->version);
}

static void
respond_settings (PdPortalRequest *req,
                  Settings        *s)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *etag = settings_etag (s);

  json_builder_begin_object (builder);
  pd_portal_json_text (builder, "etag", etag);
  pd_portal_json_text (builder, "updated_at", s->updated_at);
  pd_portal_json_text (builder, "method", s->method);

  json_builder_set_member_name (builder, "manual");
  if (g_str_equal (s->method, "custom_manual"))
    {
      json_builder_begin_object (builder);
      pd_portal_json_text (builder, "host", s->host);
      pd_portal_json_int (builder, "port", s->port);
      pd_portal_json_text (builder, "security", s->security);
      pd_portal_json_text (builder, "username", s->username);
      pd_portal_json_bool (builder, "password_set", s->password != NULL);
      pd_portal_json_text (builder, "from_address", s->from_address);
      pd_portal_json_text (builder, "from_name", s->from_name);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "microsoft");
  if (g_str_equal (s->method, "custom_microsoft"))
    {
      json_builder_begin_object (builder);
      pd_portal_json_text (builder, "tenant_id", s->tenant_id);
      pd_portal_json_text (builder, "client_id", s->client_id);
      pd_portal_json_text (builder, "from_address", s->ms_from_address);
      pd_portal_json_text (builder, "from_name", s->ms_from_name);
      pd_portal_json_bool (builder, "client_secret_set", s->client_secret != NULL);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);

  pd_portal_json_text (builder, "status", s->status);
  pd_portal_json_text (builder, "last_test_at", s->last_test_at);
  pd_portal_json_text (builder, "last_error", s->last_error);
  json_builder_set_member_name (builder, "auto_test");
  json_builder_begin_object (builder);
  pd_portal_json_bool (builder, "enabled", s->auto_enabled);
  pd_portal_json_text (builder, "to", s->auto_to);
  pd_portal_json_text (builder, "frequency", s->auto_frequency);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  pd_portal_respond_builder (req, SOUP_STATUS_OK, builder, etag);
}

static void
handle_get (PdPortalRequest *req)
{
  g_autoptr(Settings) s = NULL;

  if (!pd_portal_require (req, "smtp.read"))
    return;
  s = settings_load (req->portal, req->caller->partner_id);
  respond_settings (req, s);
}

/* Validation helpers */

static gboolean
is_host_name (const char *host)
{
  g_auto(GStrv) labels = NULL;

  if (g_hostname_is_ip_address (host))
    return TRUE;
  if (*host == '\0' || strlen (host) > 253)
    return FALSE;
  labels = g_strsplit (host, ".", -1);
  for (guint i = 0; labels[i] != NULL; i++)
    {
      gsize len = strlen (labels[i]);

      /* No top-level domain is numeric: 999.1.1.1 is a mistyped address, not a name. */
      if (labels[i + 1] == NULL && len > 0 && strspn (labels[i], "0123456789") == len)
        return FALSE;
      if (len == 0 || len > 63 || labels[i][0] == '-' || labels[i][len - 1] == '-')
        return FALSE;
      for (gsize c = 0; c < len; c++)
        if (!g_ascii_isalnum (labels[i][c]) && labels[i][c] != '-')
          return FALSE;
    }
  return TRUE;
}

static gboolean
is_guid (const char *text)
{
  static const int groups[] = { 8, 4, 4, 4, 12 };
  const char *p = text;

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      for (int i = 0; i < groups[g]; i++, p++)
        if (!g_ascii_isxdigit (*p))
          return FALSE;
      if (g + 1 < G_N_ELEMENTS (groups) && *p++ != '-')
        return FALSE;
    }
  return *p == '\0';
}

/* A display name goes into a mail header: one line only. */
static const char *
validate_display_name (PdPortalValidation *v,
                       const char         *member,
                       const char         *field)
{
  const char *name = pd_portal_validate_string (v, member, PD_FIELD_NULLABLE, 1, 100);

  if (name != NULL && strpbrk (name, "\r\n\t\"\\") != NULL)
    {
      pd_portal_validation_error (v, field, "invalid", "The sender name must be one line without quotes.");
      return NULL;
    }
  return name;
}

/* A write-only secret: absent keeps the stored one, null clears it, a string replaces it. */
typedef enum { SECRET_KEEP, SECRET_CLEAR, SECRET_SET } SecretChange;

static SecretChange
validate_secret (PdPortalValidation *v,
                 const char         *member,
                 const char        **value)
{
  *value = NULL;
  if (!pd_portal_validation_has (v, member))
    return SECRET_KEEP;
  if (pd_portal_validation_is_null (v, member))
    return SECRET_CLEAR;
  *value = pd_portal_validate_string (v, member, PD_FIELD_REQUIRED, 1, 500);
  return *value != NULL ? SECRET_SET : SECRET_KEEP;
}

static const char *
apply_secret (SecretChange  change,
              const char   *given,
              const char   *stored)
{
  switch (change)
    {
    case SECRET_SET:
      return given;
    case SECRET_CLEAR:
      return NULL;
    case SECRET_KEEP:
    default:
      return stored;
    }
}

static void
handle_put (PdPortalRequest *req)
{
  static const char *const allowed[] = { "method", "manual", "microsoft", "auto_test", NULL };
  static const char *const manual_allowed[] = { "host", "port", "security", "username", "password",
                                                "from_address", "from_name", NULL };
  static const char *const microsoft_allowed[] = { "tenant_id", "client_id", "client_secret",
                                                   "from_address", "from_name", NULL };
  static const char *const auto_allowed[] = { "enabled", "to", "frequency", NULL };
  PdPortal *portal = req->portal;
  gint64 partner_id = req->caller->partner_id;
  g_autoptr(Settings) old = NULL;
  g_autoptr(PdPortalValidation) v = NULL;
  g_autoptr(PdPortalValidation) manual = NULL;
  g_autoptr(PdPortalValidation) microsoft = NULL;
  g_autoptr(PdPortalValidation) auto_test = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *now = NULL;
  g_autofree char *partner = NULL;
  g_autoptr(GString) summary = g_string_new (NULL);
  const char *method;
  /* The new values (pointers into the validations or into old). */
  const char *host = NULL, *security = NULL, *username = NULL, *password = NULL;
  const char *from_address = NULL, *from_name = NULL;
  const char *tenant_id = NULL, *client_id = NULL, *client_secret = NULL;
  const char *ms_from_address = NULL, *ms_from_name = NULL;
  gint64 port = 0;
  gboolean auto_enabled;
  const char *auto_to, *auto_frequency;
  gboolean connection_changed, auto_changed;
  sqlite3_stmt *stmt;

  if (!pd_portal_require (req, "smtp.write"))
    return;
  old = settings_load (portal, partner_id);
  etag = settings_etag (old);
  auto_enabled = old->auto_enabled;
  auto_to = old->auto_to;
  auto_frequency = old->auto_frequency;

  v = pd_portal_validation_new (req);
  pd_portal_validation_only (v, allowed);
  method = pd_portal_validate_enum (v, "method", PD_FIELD_REQUIRED, methods);

  if (method != NULL && g_str_equal (method, "custom_manual"))
    {
      const char *given = NULL;
      SecretChange change;

      if (!pd_portal_validation_has (v, "manual") || pd_portal_validation_is_null (v, "manual"))
        pd_portal_validation_error (v, "manual", "required", "“manual” is required when method is custom_manual.");
      else
        {
          gboolean same_server;

          manual = pd_portal_validation_new_nested (v, json_object_get_member (pd_portal_validation_object (v), "manual"),
                                                    "manual");
          pd_portal_validation_only (manual, manual_allowed);
          host = pd_portal_validate_string (manual, "host", PD_FIELD_REQUIRED, 1, 253);
          if (host != NULL && !is_host_name (host))
            {
              pd_portal_validation_error (manual, "manual.host", "invalid_host",
                                          "“%s” is not a host name or IP address.", host);
              host = NULL;
            }
          pd_portal_validate_int (manual, "port", PD_FIELD_REQUIRED, 1, 65535, &port);
          security = pd_portal_validate_enum (manual, "security", PD_FIELD_REQUIRED, securities);
          username = pd_portal_validate_string (manual, "username", PD_FIELD_NULLABLE, 1, 254);
          change = validate_secret (manual, "password", &given);
          from_address = pd_portal_validate_email (manual, "from_address", PD_FIELD_REQUIRED);
          from_name = validate_display_name (manual, "from_name", "manual.from_name");

          /* A stored password is only kept for the same account on the same server. */
          same_server = g_strcmp0 (old->method, "custom_manual") == 0 && g_strcmp0 (old->host, host) == 0 &&
                        g_strcmp0 (old->username, username) == 0;
          password = apply_secret (change, given, same_server ? old->password : NULL);
          if (username == NULL && change == SECRET_SET)
            pd_portal_validation_error (manual, "manual.password", "not_allowed",
                                        "A password needs a username; set “username” or leave the password out.");
          else if (username == NULL)
            password = NULL;
          else if (password == NULL && change != SECRET_SET)
            pd_portal_validation_error (manual, "manual.password", "required",
                                        "Enter the password of “%s”.", username);
        }
    }
  else if (pd_portal_validation_has (v, "manual") && !pd_portal_validation_is_null (v, "manual"))
    pd_portal_validation_error (v, "manual", "not_allowed", "“manual” must be null unless method is custom_manual.");

  if (method != NULL && g_str_equal (method, "custom_microsoft"))
    {
      const char *given = NULL;
      SecretChange change;

      if (!pd_portal_validation_has (v, "microsoft") || pd_portal_validation_is_null (v, "microsoft"))
        pd_portal_validation_error (v, "microsoft", "required",
                                    "“microsoft” is required when method is custom_microsoft.");
      else
        {
          gboolean same_app;

          microsoft = pd_portal_validation_new_nested (v, json_object_get_member (pd_portal_validation_object (v),
                                                                                  "microsoft"), "microsoft");
          pd_portal_validation_only (microsoft, microsoft_allowed);
          tenant_id = pd_portal_validate_string (microsoft, "tenant_id", PD_FIELD_REQUIRED, 1, 253);
          if (tenant_id != NULL && !is_guid (tenant_id) && (!is_host_name (tenant_id) || !strchr (tenant_id, '.')))
            {
              pd_portal_validation_error (microsoft, "microsoft.tenant_id", "invalid",
                                          "The tenant ID is a GUID (directory ID) or the tenant's domain name.");
              tenant_id = NULL;
            }
          client_id = pd_portal_validate_string (microsoft, "client_id", PD_FIELD_REQUIRED, 1, 36);
          if (client_id != NULL && !is_guid (client_id))
            {
              pd_portal_validation_error (microsoft, "microsoft.client_id", "invalid",
                                          "The client ID is the application's GUID, e.g. 00000000-0000-0000-0000-000000000000.");
              client_id = NULL;
            }
          change = validate_secret (microsoft, "client_secret", &given);
          ms_from_address = pd_portal_validate_email (microsoft, "from_address", PD_FIELD_REQUIRED);
          ms_from_name = validate_display_name (microsoft, "from_name", "microsoft.from_name");

          same_app = g_strcmp0 (old->method, "custom_microsoft") == 0 && g_strcmp0 (old->tenant_id, tenant_id) == 0 &&
                     g_strcmp0 (old->client_id, client_id) == 0;
          client_secret = apply_secret (change, given, same_app ? old->client_secret : NULL);
          if (client_secret == NULL && change != SECRET_SET)
            pd_portal_validation_error (microsoft, "microsoft.client_secret", "required",
                                        "Enter the client secret of the application.");
        }
    }
  else if (pd_portal_validation_has (v, "microsoft") && !pd_portal_validation_is_null (v, "microsoft"))
    pd_portal_validation_error (v, "microsoft", "not_allowed",
                                "“microsoft” must be null unless method is custom_microsoft.");

  if (pd_portal_validation_has (v, "auto_test"))
    {
      auto_test = pd_portal_validation_new_nested (v, json_object_get_member (pd_portal_validation_object (v), "auto_test"),
                                                   "auto_test");
      pd_portal_validation_only (auto_test, auto_allowed);
      pd_portal_validate_bool (auto_test, "enabled", PD_FIELD_REQUIRED, &auto_enabled);
      auto_to = pd_portal_validate_email (auto_test, "to", PD_FIELD_NULLABLE);
      auto_frequency = pd_portal_validate_enum (auto_test, "frequency", PD_FIELD_REQUIRED, auto_frequencies);
      if (auto_enabled && auto_to == NULL && !pd_portal_validation_has (auto_test, "to"))
        pd_portal_validation_error (auto_test, "auto_test.to", "required",
                                    "Enter the address that receives the automatic test e-mails.");
      else if (auto_enabled && pd_portal_validation_is_null (auto_test, "to"))
        pd_portal_validation_error (auto_test, "auto_test.to", "required",
                                    "Enter the address that receives the automatic test e-mails.");
    }
  if (pd_portal_validation_failed (v))
    return;
  if (!pd_portal_check_if_match (req, etag))
    return;

  connection_changed =
    g_strcmp0 (old->method, method) != 0 ||
    g_strcmp0 (old->host, host) != 0 || (host != NULL && old->port != port) ||
    g_strcmp0 (old->security, security) != 0 || g_strcmp0 (old->username, username) != 0 ||
    g_strcmp0 (old->password, password) != 0 || g_strcmp0 (old->from_address, from_address) != 0 ||
    g_strcmp0 (old->from_name, from_name) != 0 || g_strcmp0 (old->tenant_id, tenant_id) != 0 ||
    g_strcmp0 (old->client_id, client_id) != 0 || g_strcmp0 (old->client_secret, client_secret) != 0 ||
    g_strcmp0 (old->ms_from_address, ms_from_address) != 0 || g_strcmp0 (old->ms_from_name, ms_from_name) != 0;
  auto_changed = old->auto_enabled != auto_enabled || g_strcmp0 (old->auto_to, auto_to) != 0 ||
                 g_strcmp0 (old->auto_frequency, auto_frequency) != 0;
  if (!connection_changed && !auto_changed)
    {
      respond_settings (req, old);
      return;
    }

  if (connection_changed)
    {
      if (g_str_equal (method, "custom_manual"))
        g_string_append_printf (summary, "SMTP: own server %s:%" G_GINT64_FORMAT " (%s)%s%s, sender %s",
                                host, port, security, username ? " as " : "", username ? username : "", from_address);
      else if (g_str_equal (method, "custom_microsoft"))
        g_string_append_printf (summary, "SMTP: Microsoft 365 tenant %s, sender %s", tenant_id, ms_from_address);
      else
        g_string_append (summary, "SMTP: the portal's own mail relay");
      if (g_strcmp0 (old->password, password) != 0 && password != NULL)
        g_string_append (summary, ", new password");
      if (g_strcmp0 (old->client_secret, client_secret) != 0 && client_secret != NULL)
        g_string_append (summary, ", new client secret");
      g_string_append (summary, "; status reset to unverified");
    }
  if (auto_changed)
    {
      g_string_append (summary, summary->len ? "; " : "");
      if (auto_enabled)
        g_string_append_printf (summary, "automatic test %s to %s", auto_frequency, auto_to);
      else
        g_string_append (summary, "automatic test off");
    }

  now = pd_portal_now ();
  partner = pd_portal_id_format ("ptn", partner_id);
  pd_portal_db_begin (portal);
  stmt = pd_portal_db_stmt (portal,
      "UPDATE smtp_settings SET method = ?2, host = ?3, port = ?4, security = ?5, username = ?6, password = ?7, "
      "from_address = ?8, from_name = ?9, tenant_id = ?10, client_id = ?11, client_secret = ?12, "
      "ms_from_address = ?13, ms_from_name = ?14, auto_test_enabled = ?15, auto_test_to = ?16, "
      "auto_test_frequency = ?17, "
      "status = CASE WHEN ?18 THEN 'unverified' ELSE status END, "
      "last_error = CASE WHEN ?18 THEN NULL ELSE last_error END, "
      "connection_revision = connection_revision + ?18, "
      "version = version + 1, updated_at = ?19 WHERE partner_id = ?1");
  sqlite3_bind_int64 (stmt, 1, partner_id);
  sqlite3_bind_text (stmt, 2, method, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, host, -1, SQLITE_STATIC);
  if (host != NULL)
    sqlite3_bind_int64 (stmt, 4, port);
  sqlite3_bind_text (stmt, 5, security, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, username, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, password, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, from_address, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, from_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, tenant_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, client_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 12, client_secret, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 13, ms_from_address, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 14, ms_from_name, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 15, auto_enabled);
  sqlite3_bind_text (stmt, 16, auto_to, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 17, auto_frequency, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 18, connection_changed);
  sqlite3_bind_text (stmt, 19, now, -1, SQLITE_STATIC);
  pd_portal_db_step_done (portal, stmt);
  pd_portal_audit (req, "smtp_settings.update", "smtp_settings", partner, 0, "%s", summary->str);
  pd_portal_db_commit (portal);

  {
    g_autoptr(Settings) updated = settings_load (portal, partner_id);
    respond_settings (req, updated);
  }
}

/* Test e-mails */

typedef struct {
  /* The HTTP exchange, kept after the pipeline freed its request. */
  PdPortal          *portal;          /* lives as long as the process */
  GMainContext      *context;         /* the main thread's, where the outcome is handled */
  GThread           *thread;
  SoupServerMessage *msg;             /* a reference */
  gboolean           gone;            /* the connection closed before we answered */
  gulong             disconnected_id;
  gulong             finished_id;
  char              *request_id;
  char              *path;
  gint64             partner_id;
  gint64             user_id;
  char              *email;
  char              *idempotency_scope;
  char              *idempotency_key; /* NULL without Idempotency-Key */
  char              *body_hash;
  gint64             revision;

  /* The conversation: copies, so that the worker needs no database. */
  char              *host;
  guint16            port;
  char              *security;
  char              *username;
  char              *password;
  char              *from_address;
  char              *from_name;
  char              *to;
  guint              timeout;

  /* The outcome. */
  gboolean           ok;
  char              *detail;
} TestJob;

static void
test_job_free (gpointer data)
{
  TestJob *job = data;

  g_clear_pointer (&job->context, g_main_context_unref);
  if (job->msg != NULL)
    {
      g_clear_signal_handler (&job->disconnected_id, job->msg);
      g_clear_signal_handler (&job->finished_id, job->msg);
      g_object_unref (job->msg);
    }
  g_free (job->request_id);
  g_free (job->path);
  g_free (job->email);
  g_free (job->idempotency_scope);
  g_free (job->idempotency_key);
  g_free (job->body_hash);
  g_free (job->host);
  g_free (job->security);
  g_free (job->username);
  if (job->password != NULL)
    memset (job->password, 0, strlen (job->password));
  g_free (job->password);
  g_free (job->from_address);
  g_free (job->from_name);
  g_free (job->to);
  g_free (job->detail);
  g_free (job);
}

/* The SMTP client (worker thread) */

typedef struct {
  TestJob          *job;
  GIOStream        *stream;     /* the connection, or the TLS connection on top of it */
  GDataInputStream *in;
  GOutputStream    *out;
  int               code;       /* of the last reply */
  char             *text;       /* of the last reply, lines joined */
  GPtrArray        *lines;      /* of the last reply, without the codes */
  GSocket          *socket;     /* of the connection, for its timeout */
  gint64            deadline;   /* monotonic time by which the whole conversation must end */
} Smtp;

static void
smtp_clear (Smtp *s)
{
  g_clear_object (&s->in);
  g_clear_object (&s->stream);
  g_clear_pointer (&s->text, g_free);
  g_clear_pointer (&s->lines, g_ptr_array_unref);
}

static void
smtp_use_stream (Smtp      *s,
                 GIOStream *stream)
{
  g_clear_object (&s->in);
  g_set_object (&s->stream, stream);
  s->in = g_data_input_stream_new (g_io_stream_get_input_stream (stream));
  /* Closing the reader must not close the connection: STARTTLS goes on over it. */
  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (s->in), FALSE);
  g_data_input_stream_set_newline_type (s->in, G_DATA_STREAM_NEWLINE_TYPE_LF);
  s->out = g_io_stream_get_output_stream (stream);
}

static void
smtp_fail (Smtp       *s,
           const char *format,
           ...) G_GNUC_PRINTF (2, 3);

static void
smtp_fail (Smtp       *s,
           const char *format,
           ...)
{
  va_list args;

  if (s->job->detail != NULL)
    return;
  va_start (args, format);
  s->job->detail = g_strdup_vprintf (format, args);
  va_end (args);
}

/* Sets the socket timeout for the next read or write: the step timeout, or less when the
 * whole conversation would otherwise take too long. */
static void
smtp_arm (Smtp *s)
{
  gint64 left = (s->deadline - g_get_monotonic_time () + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;

  if (s->socket != NULL)
    g_socket_set_timeout (s->socket, (guint) CLAMP (left, 1, (gint64) s->job->timeout));
}

/* Explains an I/O error while @step (e.g. "waiting for the greeting"). */
static void
smtp_fail_io (Smtp       *s,
              const char *step,
              GError     *error)
{
  if (error == NULL)
    smtp_fail (s, "The server closed the connection while %s.", step);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT) && g_get_monotonic_time () >= s->deadline)
    smtp_fail (s, "The server was too slow: the test did not finish within %u seconds (it was %s). Check "
               "the server's load and the network between the portal and %s:%u.",
               s->job->timeout * 3, step, s->job->host, s->job->port);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    smtp_fail (s, "The server did not answer within %u second%s while %s. Check that %s:%u is an SMTP "
               "server and that the security setting matches the port (e.g. tls for 465, starttls for 587).",
               s->job->timeout, s->job->timeout == 1 ? "" : "s", step, s->job->host, s->job->port);
  else
    smtp_fail (s, "The connection failed while %s: %s.", step, error->message);
}

/* Reads one (possibly multi-line) reply. */
static gboolean
smtp_read_reply (Smtp       *s,
                 const char *step)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_clear_pointer (&s->lines, g_ptr_array_unref);
  s->lines = g_ptr_array_new_with_free_func (g_free);
  for (guint n = 0;; n++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *line = NULL;
      gsize length = 0;

      smtp_arm (s);
      line = g_data_input_stream_read_line (s->in, &length, NULL, &error);
      if (line == NULL)
        {
          smtp_fail_io (s, step, error);
          return FALSE;
        }
      if (length > 0 && line[length - 1] == '\r')
        line[--length] = '\0';
      if (n >= MAX_REPLY_LINES || length > MAX_LINE_BYTES)
        {
          smtp_fail (s, "The server's answer while %s is too long (over %u lines or %u bytes per line). "
                     "Check the host and port.", step, MAX_REPLY_LINES, MAX_LINE_BYTES);
          return FALSE;
        }
      if (length < 3 ||
          !g_ascii_isdigit (line[0]) || !g_ascii_isdigit (line[1]) || !g_ascii_isdigit (line[2]) ||
          (length > 3 && line[3] != ' ' && line[3] != '-') || !g_utf8_validate (line, -1, NULL))
        {
          g_autofree char *shown = g_utf8_make_valid (line, MIN (length, 80));
          smtp_fail (s, "The server's answer while %s is not SMTP (“%s”). Check the host and port.", step, shown);
          return FALSE;
        }
      s->code = (line[0] - '0') * 100 + (line[1] - '0') * 10 + (line[2] - '0');
      g_ptr_array_add (s->lines, g_strdup (length > 4 ? line + 4 : ""));
      g_string_append_printf (text, "%s%s", text->len ? " " : "", length > 4 ? line + 4 : "");
      if (length == 3 || line[3] == ' ')
        break;
    }
  /* The answer is quoted in details: a chatty server must not fill them. */
  if (text->len > 300)
    {
      const char *cut = g_utf8_find_prev_char (text->str, text->str + 297);
      g_string_truncate (text, cut != NULL ? (gsize) (cut - text->str) : 0);
      g_string_append (text, "…");
    }
  g_free (s->text);
  s->text = g_strdup_printf ("%d %s", s->code, text->str);
  return TRUE;
}

static gboolean
smtp_write (Smtp       *s,
            const char *data,
            const char *step)
{
  g_autoptr(GError) error = NULL;

  smtp_arm (s);
  if (!g_output_stream_write_all (s->out, data, strlen (data), NULL, NULL, &error) ||
      !g_output_stream_flush (s->out, NULL, &error))
    {
      smtp_fail_io (s, step, error);
      return FALSE;
    }
  return TRUE;
}

/* Sends @command (without CRLF) and expects a reply of class @expect (2 or 3). */
static gboolean
smtp_command (Smtp       *s,
              const char *command,
              const char *shown,   /* what the detail calls the command; NULL = @command */
              int         expect)
{
  g_autofree char *line = g_strconcat (command, "\r\n", NULL);
  g_autofree char *step = g_strdup_printf ("waiting for the answer to %s", shown ? shown : command);

  if (!smtp_write (s, line, step) || !smtp_read_reply (s, step))
    return FALSE;
  if (s->code / 100 != expect)
    {
      smtp_fail (s, "The server refused %s: %s", shown ? shown : command, s->text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
smtp_has_extension (Smtp       *s,
                    const char *name,
                    const char *parameter)
{
  /* The first line of an EHLO reply is the greeting; the others are extensions. */
  for (guint i = 1; s->lines != NULL && i < s->lines->len; i++)
    {
      g_auto(GStrv) words = g_strsplit (g_ptr_array_index (s->lines, i), " ", -1);

      if (words[0] == NULL || g_ascii_strcasecmp (words[0], name) != 0)
        continue;
      if (parameter == NULL)
        return TRUE;
      for (guint w = 1; words[w] != NULL; w++)
        if (g_ascii_strcasecmp (words[w], parameter) == 0)
          return TRUE;
    }
  return FALSE;
}

/* A header value: plain ASCII as is, anything else as an RFC 2047 encoded word. */
static char *
header_text (const char *text)
{
  g_autofree char *encoded = NULL;

  for (const char *p = text; *p; p++)
    if ((guchar) *p >= 0x80)
      {
        encoded = g_base64_encode ((const guchar *) text, strlen (text));
        return g_strdup_printf ("=?UTF-8?B?%s?=", encoded);
      }
  return g_strdup_printf ("\"%s\"", text);
}

static char *
test_message (TestJob *job)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *date = g_date_time_format (now, "%a, %d %b %Y %H:%M:%S +0000");
  g_autofree char *id = pd_portal_random_token ("", 16);
  g_autofree char *name = job->from_name ? header_text (job->from_name) : NULL;
  g_autofree char *from = name ? g_strdup_printf ("%s <%s>", name, job->from_address)
                               : g_strdup_printf ("<%s>", job->from_address);

  /* Lines never start with a dot, so no dot-stuffing is needed. */
  return g_strdup_printf ("From: %s\r\n"
                          "To: <%s>\r\n"
                          "Subject: SMTP test from the partner portal\r\n"
                          "Date: %s\r\n"
                          "Message-ID: <%s@partnerdesk.example>\r\n"
                          "MIME-Version: 1.0\r\n"
                          "Content-Type: text/plain; charset=us-ascii\r\n"
                          "Content-Transfer-Encoding: 7bit\r\n"
                          "\r\n"
                          "This is a test message from the partner portal.\r\n"
                          "\r\n"
                          "It was sent through %s:%u to check the SMTP settings of your company.\r\n"
                          "If you can read it, notification e-mails will reach their recipients.\r\n"
                          "No action is needed.\r\n"
                          ".\r\n",
                          from, job->to, date, id, job->host, job->port);
}

static gboolean
smtp_starttls (Smtp               *s,
               GSocketConnectable *address)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GIOStream) tls = NULL;

  if (!smtp_has_extension (s, "STARTTLS", NULL))
    {
      smtp_fail (s, "The server does not offer STARTTLS, so the connection cannot be encrypted. Choose "
                 "security “tls” if the port expects TLS from the start, or “none” only on a trusted network.");
      return FALSE;
    }
  if (!smtp_command (s, "STARTTLS", NULL, 2))
    return FALSE;
  smtp_arm (s);
  tls = g_tls_client_connection_new (s->stream, address, &error);
  if (tls == NULL || !g_tls_connection_handshake (G_TLS_CONNECTION (tls), NULL, &error))
    {
      smtp_fail (s, "The TLS handshake after STARTTLS failed: %s. The server's certificate must be valid for "
                 "%s and issued by a trusted certificate authority.", error->message, s->job->host);
      return FALSE;
    }
  smtp_use_stream (s, tls);
  return TRUE;
}

static void
smtp_conversation (TestJob *job)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnectable) address = g_network_address_new (job->host, job->port);
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ehlo = g_strdup ("EHLO portal.partnerdesk.example");
  g_autofree char *mail = g_strdup_printf ("MAIL FROM:<%s>", job->from_address);
  g_autofree char *rcpt = g_strdup_printf ("RCPT TO:<%s>", job->to);
  g_autofree char *message = NULL;
  Smtp s = { .job = job };
  gboolean ok;

  g_socket_client_set_timeout (client, job->timeout);
  g_socket_client_set_enable_proxy (client, FALSE);
  g_socket_client_set_tls (client, g_str_equal (job->security, "tls"));
  connection = g_socket_client_connect (client, address, NULL, &error);
  if (connection == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
        smtp_fail (&s, "Could not connect to %s:%u within %u second%s. Check the host name and port, and "
                   "that a firewall lets the portal reach the server.", job->host, job->port, job->timeout,
                   job->timeout == 1 ? "" : "s");
      else if (error->domain == G_TLS_ERROR)
        smtp_fail (&s, "Connecting to %s:%u failed: %s. The server's certificate must be valid for %s and issued "
                   "by a trusted certificate authority; check also that the port expects TLS from the start "
                   "(usually 465).", job->host, job->port, error->message, job->host);
      else
        smtp_fail (&s, "Connecting to %s:%u failed: %s. Check the host name and port.", job->host, job->port,
                   error->message);
      return;
    }
  smtp_use_stream (&s, G_IO_STREAM (connection));
  s.socket = g_socket_connection_get_socket (connection);
  s.deadline = g_get_monotonic_time () + (gint64) job->timeout * 3 * G_USEC_PER_SEC;

  if (!smtp_read_reply (&s, "waiting for the greeting"))
    goto out;
  if (s.code != 220)
    {
      smtp_fail (&s, "The server is not ready to accept mail; its greeting was: %s", s.text);
      goto out;
    }
  if (!smtp_command (&s, ehlo, "EHLO", 2))
    goto out;
  if (g_str_equal (job->security, "starttls"))
    {
      if (!smtp_starttls (&s, address) || !smtp_command (&s, ehlo, "EHLO (after STARTTLS)", 2))
        goto out;
    }
  if (job->username != NULL)
    {
      g_autoptr(GString) plain = g_string_new (NULL);
      g_autofree char *encoded = NULL;
      g_autofree char *auth = NULL;

      if (!smtp_has_extension (&s, "AUTH", "PLAIN"))
        {
          smtp_fail (&s, "The server does not offer AUTH PLAIN%s, so the portal cannot sign in as %s. %s",
                     smtp_has_extension (&s, "AUTH", NULL) ? "" : " (no authentication at all)", job->username,
                     g_str_equal (job->security, "none") ? "Many servers only offer it over an encrypted "
                     "connection: choose starttls or tls." : "Clear the username if the server needs none.");
          goto out;
        }
      g_string_append_c (plain, '\0');
      g_string_append (plain, job->username);
      g_string_append_c (plain, '\0');
      g_string_append (plain, job->password ? job->password : "");
      encoded = g_base64_encode ((const guchar *) plain->str, plain->len);
      memset (plain->str, 0, plain->len);
      auth = g_strconcat ("AUTH PLAIN ", encoded, "\r\n", NULL);
      memset (encoded, 0, strlen (encoded));
      ok = smtp_write (&s, auth, "signing in (AUTH PLAIN)") &&
           smtp_read_reply (&s, "waiting for the answer to the sign-in (AUTH PLAIN)");
      memset (auth, 0, strlen (auth));
      if (!ok)
        goto out;
      if (s.code / 100 != 2)
        {
          smtp_fail (&s, "The server refused the sign-in as %s: %s. Check the username and password.",
                     job->username, s.text);
          goto out;
        }
    }
  if (!smtp_command (&s, mail, "the sender (MAIL FROM)", 2) ||
      !smtp_command (&s, rcpt, "the recipient (RCPT TO)", 2) ||
      !smtp_command (&s, "DATA", NULL, 3))
    goto out;
  message = test_message (job);
  if (!smtp_write (&s, message, "sending the message") ||
      !smtp_read_reply (&s, "waiting for the server to accept the message"))
    goto out;
  if (s.code / 100 != 2)
    {
      smtp_fail (&s, "The server refused the message after DATA: %s", s.text);
      goto out;
    }
  job->ok = TRUE;
  job->detail = g_strdup_printf ("%s:%u accepted the test message for %s (%s).", job->host, job->port, job->to, s.text);
  /* The message is sent; a failing QUIT changes nothing. */
  if (smtp_write (&s, "QUIT\r\n", "quitting"))
    smtp_read_reply (&s, "quitting");

out:
  if (s.stream != NULL)
    g_io_stream_close (s.stream, NULL, NULL);
  smtp_clear (&s);
}

static gboolean on_test_done (gpointer data);

static gpointer
run_test_in_thread (gpointer data)
{
  TestJob *job = data;
  GSource *source = g_idle_source_new ();

  smtp_conversation (job);
  /* Always dispatched by the main loop, never in this thread. */
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, on_test_done, job, test_job_free);
  g_source_attach (source, job->context);
  g_source_unref (source);
  return NULL;
}

/* Results (main thread) */

static char *
test_result_json (gboolean    ok,
                  const char *detail,
                  const char *tested_at)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  pd_portal_json_text (builder, "status", ok ? "active" : "error");
  pd_portal_json_text (builder, "detail", detail);
  pd_portal_json_text (builder, "tested_at", tested_at);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* Records the outcome on the settings (unless they changed meanwhile) and in the audit log. */
static void
record_result (PdPortalRequest *req,
               gint64           revision,
               gboolean         ok,
               const char      *detail,
               const char      *to,
               const char      *tested_at)
{
  PdPortal *portal = req->portal;
  g_autofree char *partner = pd_portal_id_format ("ptn", req->caller->partner_id);
  sqlite3_stmt *stmt;
  gboolean current;

  pd_portal_db_begin (portal);
  stmt = pd_portal_db_stmt (portal,
      "UPDATE smtp_settings SET status = ?3, last_test_at = ?4, last_error = ?5, version = version + 1, "
      "updated_at = ?4 WHERE partner_id = ?1 AND connection_revision = ?2");
  sqlite3_bind_int64 (stmt, 1, req->caller->partner_id);
  sqlite3_bind_int64 (stmt, 2, revision);
  sqlite3_bind_text (stmt, 3, ok ? "active" : "error", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, tested_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, ok ? NULL : detail, -1, SQLITE_STATIC);
  pd_portal_db_step_done (portal, stmt);
  current = sqlite3_changes (portal->db) > 0;
  pd_portal_audit (req, "smtp_settings.test", "smtp_settings", partner, 0, "Test e-mail to %s: %s%s", to,
                   ok ? "sent" : "failed", current ? "" : " (the settings changed meanwhile; status not updated)");
  pd_portal_db_commit (portal);
}

static void
on_message_gone (SoupServerMessage *msg,
                 gpointer           data)
{
  TestJob *job = data;

  job->gone = TRUE;
}

static void
store_idempotent (TestJob    *job,
                  const char *body)
{
  g_autofree char *now = pd_portal_now ();
  sqlite3_stmt *stmt;

  if (job->idempotency_key == NULL)
    return;
  stmt = pd_portal_db_stmt (job->portal,
      "INSERT OR REPLACE INTO idempotency (credential, key, method, path, body_hash, status, content_type, "
      "etag, location, body, created_at) VALUES (?1, ?2, 'POST', ?3, ?4, 200, 'application/json', NULL, NULL, ?5, ?6)");
  sqlite3_bind_text (stmt, 1, job->idempotency_scope, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, job->idempotency_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, job->path, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, job->body_hash, -1, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 5, body, (int) strlen (body), SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);
  pd_portal_db_step_done (job->portal, stmt);
}

static gboolean
on_test_done (gpointer data)
{
  TestJob *job = data;
  g_autofree char *tested_at = pd_portal_now ();
  g_autofree char *body = NULL;
  PdPortalCaller caller = { .user_id = job->user_id, .partner_id = job->partner_id, .email = job->email };
  PdPortalRequest req = { .portal = job->portal, .caller = &caller, .request_id = job->request_id };

  g_thread_join (g_steal_pointer (&job->thread));  /* it has nothing left to do */
  record_result (&req, job->revision, job->ok, job->detail, job->to, tested_at);
  body = test_result_json (job->ok, job->detail, tested_at);
  store_idempotent (job, body);

  if (job->gone)
    return G_SOURCE_REMOVE;
  /* An injected fault may have replaced the response already (see pd-portal-pipeline.c). */
  if (soup_server_message_get_status (job->msg) == SOUP_STATUS_NONE)
    {
      soup_server_message_set_status (job->msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (job->msg, "application/json", SOUP_MEMORY_COPY, body, strlen (body));
    }
  soup_server_message_unpause (job->msg);
  return G_SOURCE_REMOVE;
}

static guint
test_timeout (void)
{
  const char *text = g_getenv ("PD_PORTAL_SMTP_TIMEOUT");
  guint64 value;

  if (text != NULL && g_ascii_string_to_unsigned (text, 10, 1, 120, &value, NULL))
    return (guint) value;
  return DEFAULT_TIMEOUT;
}

/* Starts the conversation in a thread; the response is sent when it ends. */
static void
start_test (PdPortalRequest *req,
            Settings        *s,
            const char      *to)
{
  const char *key = soup_message_headers_get_one (soup_server_message_get_request_headers (req->msg),
                                                  "Idempotency-Key");
  TestJob *job = g_new0 (TestJob, 1);
  g_autoptr(GError) error = NULL;

  job->portal = req->portal;
  job->msg = g_object_ref (req->msg);
  job->request_id = g_strdup (req->request_id);
  job->path = g_strdup (req->path);
  job->partner_id = req->caller->partner_id;
  job->user_id = req->caller->user_id;
  job->email = g_strdup (req->caller->email);
  job->idempotency_scope = pd_portal_caller_idempotency_scope (req->caller);
  if (key != NULL)
    {
      g_autoptr(GBytes) bytes = soup_message_body_flatten (soup_server_message_get_request_body (req->msg));

      job->idempotency_key = g_strdup (key);
      job->body_hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
    }
  job->revision = s->revision;
  job->host = g_strdup (s->host);
  job->port = (guint16) s->port;
  job->security = g_strdup (s->security);
  job->username = g_strdup (s->username);
  job->password = g_strdup (s->password);
  job->from_address = g_strdup (s->from_address);
  job->from_name = g_strdup (s->from_name);
  job->to = g_strdup (to);
  job->timeout = test_timeout ();
  job->context = g_main_context_ref_thread_default ();
  /* The thread reports back through the main loop, so it cannot finish before we return. */
  job->thread = g_thread_try_new ("smtp-test", run_test_in_thread, job, &error);
  if (job->thread == NULL)
    {
      g_warning ("Cannot start an SMTP test: %s", error->message);
      test_job_free (job);
      pd_portal_respond_problem (req, SOUP_STATUS_SERVICE_UNAVAILABLE, "unavailable", "Test not started",
                                 "The portal could not start the test right now. Try again in a minute.");
      return;
    }
  job->disconnected_id = g_signal_connect (job->msg, "disconnected", G_CALLBACK (on_message_gone), job);
  job->finished_id = g_signal_connect (job->msg, "finished", G_CALLBACK (on_message_gone), job);

  /* Deferred response: see finish() in pd-portal-pipeline.c. */
  soup_server_message_pause (req->msg);
  req->responded = TRUE;
}

static void
respond_test_now (PdPortalRequest *req,
                  Settings        *s,
                  gboolean         ok,
                  const char      *detail,
                  const char      *to)
{
  g_autofree char *tested_at = pd_portal_now ();
  g_autofree char *body = NULL;
  g_autoptr(GBytes) bytes = NULL;

  record_result (req, s->revision, ok, detail, to, tested_at);
  body = test_result_json (ok, detail, tested_at);
  bytes = g_bytes_new (body, strlen (body));
  pd_portal_respond_bytes (req, SOUP_STATUS_OK, "application/json", bytes);
}

static void
handle_test (PdPortalRequest *req)
{
  static const char *const allowed[] = { "to", NULL };
  g_autoptr(PdPortalValidation) v = NULL;
  g_autoptr(Settings) s = NULL;
  g_autofree char *detail = NULL;
  const char *to;

  if (!pd_portal_require (req, "smtp.write"))
    return;
  v = pd_portal_validation_new (req);
  pd_portal_validation_only (v, allowed);
  to = pd_portal_validate_email (v, "to", PD_FIELD_REQUIRED);
  if (pd_portal_validation_failed (v))
    return;

  s = settings_load (req->portal, req->caller->partner_id);
  if (g_str_equal (s->method, "custom_manual"))
    {
      start_test (req, s, to);
      return;
    }
  if (g_str_equal (s->method, "custom_microsoft"))
    {
      /* The reference portal has no route to the identity provider: say so plainly. */
      detail = g_strdup_printf ("Could not reach the Microsoft 365 tenant %s to get a token for application %s: "
                                "this portal cannot connect to the Microsoft identity platform, so the test "
                                "e-mail was not sent. Check the tenant ID, the client ID and secret, and that "
                                "the application may send mail as %s.", s->tenant_id, s->client_id,
                                s->ms_from_address);
      respond_test_now (req, s, FALSE, detail, to);
      return;
    }
  detail = g_strdup_printf ("The portal's mail relay accepted the test message for %s (sender %s).", to, RELAY_ADDRESS);
  respond_test_now (req, s, TRUE, detail, to);
}

/* Seed */

static void
seed (PdPortalSeed *seed)
{
  g_autofree char *created = pd_portal_time_format (seed->now_usec - (gint64) 320 * 86400 * G_USEC_PER_SEC);
  g_autofree char *tested = pd_seed_time_ago (seed, 2 * 86400, 4 * 86400);
  sqlite3_stmt *stmt;

  stmt = pd_portal_db_stmt (seed->portal,
      "INSERT INTO smtp_settings (partner_id, method, host, port, security, username, password, from_address, "
      "from_name, status, last_test_at, auto_test_enabled, auto_test_to, auto_test_frequency, version, "
      "created_at, updated_at) VALUES (?1, 'custom_manual', 'smtp.northwind-it.example', 587, 'starttls', "
      "'portal-mailer@northwind-it.example', ?2, 'no-reply@northwind-it.example', 'Northwind IT Services', "
      "'active', ?3, 1, 'it-alerts@northwind-it.example', 'weekly', 6, ?4, ?3)");
  sqlite3_bind_int64 (stmt, 1, seed->partner_id);
  sqlite3_bind_text (stmt, 2, "demo-smtp-password", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, tested, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, created, -1, SQLITE_STATIC);
  pd_portal_db_step_done (seed->portal, stmt);

  stmt = pd_portal_db_stmt (seed->portal,
      "INSERT INTO smtp_settings (partner_id, created_at, updated_at) VALUES (?1, ?2, ?2)");
  sqlite3_bind_int64 (stmt, 1, seed->other_partner_id);
  sqlite3_bind_text (stmt, 2, created, -1, SQLITE_STATIC);
  pd_portal_db_step_done (seed->portal, stmt);
}

static void
register_routes (PdPortal *portal)
{
  pd_portal_route (portal, "GET", "/api/v1/smtp-settings", PD_PORTAL_ROUTE_DEFAULT, handle_get);
  pd_portal_route (portal, "PUT", "/api/v1/smtp-settings", PD_PORTAL_ROUTE_DEFAULT, handle_put);
  pd_portal_route (portal, "POST", "/api/v1/smtp-settings/test", PD_PORTAL_ROUTE_DEFAULT, handle_test);
}

const PdPortalModule pd_portal_module_smtp = {
  .name = "smtp",
  .schema = schema,
  .seed = seed,
  .register_routes = register_routes,
};

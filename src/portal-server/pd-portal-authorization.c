/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Authorizing a service: "I am the admin" (agreement, then the tenant's consent page) or
 * "someone else is the admin" (an invitation by e-mail). The state lives in
 * services.authorization_state; the details here. The HTML pages are in -pages.c. */
#include "pd-portal-authorization.h"
#include "pd-portal-accounts.h"
#include "pd-portal-db.h"
#include "pd-portal-http.h"
#include "pd-portal-modules.h"
#include "pd-portal-validate.h"

#define CONSENT_LIFETIME     G_TIME_SPAN_HOUR
#define INVITATION_LIFETIME  (7 * G_TIME_SPAN_DAY)
#define NEEDS_AUTHENTICATION "needs_authentication"
#define MAX_MESSAGE          1000

static const char schema_sql[] =
  /* One row per service that has been through any step; none means never touched. */
  "CREATE TABLE IF NOT EXISTS service_authorizations ("
  "  service_id INTEGER PRIMARY KEY REFERENCES services(id) ON DELETE CASCADE,"
  "  mode TEXT, agreement_version TEXT, agreement_accepted_at TEXT, agreement_accepted_by TEXT,"
  "  requested_scopes TEXT NOT NULL DEFAULT '', granted_scopes TEXT NOT NULL DEFAULT '',"
  "  invitation_email TEXT, invitation_message TEXT, invitation_sent_at TEXT, invitation_expires_at TEXT,"
  "  invitation_resend_count INTEGER NOT NULL DEFAULT 0,"
  "  last_error TEXT, consent_lost_at TEXT,"
  "  version INTEGER NOT NULL DEFAULT 1, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);\n"
  /* Consent and invitation links. Kept in clear: GET …/authorization shows them again while
   * they are pending (they are single-use capabilities, not credentials of a user). */
  "CREATE TABLE IF NOT EXISTS authorization_tokens ("
  "  token TEXT PRIMARY KEY, kind TEXT NOT NULL,"
  "  service_id INTEGER NOT NULL REFERENCES services(id) ON DELETE CASCADE,"
  "  expires_at TEXT NOT NULL, used_at TEXT, revoked_at TEXT, created_at TEXT NOT NULL);\n"
  "CREATE INDEX IF NOT EXISTS authorization_tokens_service ON authorization_tokens (service_id, kind);\n";

/* Scopes */

static const PdPortalScope scopes_exchange[] = {
  { "mail.read", "Read the mail in every mailbox", TRUE },
  { "mailbox_settings.read", "Read mailbox settings, folders and rules", TRUE },
  { "calendars.read", "Read calendars and events", FALSE },
  { "contacts.read", "Read personal contacts", FALSE },
  { "tasks.read", "Read tasks and to-do lists", FALSE },
  { NULL, NULL, FALSE }
};
static const PdPortalScope scopes_onedrive[] = {
  { "files.read", "Read every user's files", TRUE },
  { "users.read", "Read the directory of users", TRUE },
  { "file_permissions.read", "Read who files are shared with", FALSE },
  { NULL, NULL, FALSE }
};
static const PdPortalScope scopes_sharepoint[] = {
  { "sites.read", "Read every site and its lists", TRUE },
  { "files.read", "Read the files in document libraries", TRUE },
  { "site_permissions.read", "Read site permissions", FALSE },
  { NULL, NULL, FALSE }
};
static const PdPortalScope scopes_teams[] = {
  { "teams.read", "Read teams and their channels", TRUE },
  { "channel_messages.read", "Read channel conversations", TRUE },
  { "files.read", "Read the files shared in teams", TRUE },
  { "team_members.read", "Read team membership", FALSE },
  { NULL, NULL, FALSE }
};
static const PdPortalScope scopes_gmail[] = {
  { "mail.read", "Read the mail in every mailbox", TRUE },
  { "mail_settings.read", "Read mail settings, labels and filters", TRUE },
  { "users.read", "Read the directory of users", TRUE },
  { NULL, NULL, FALSE }
};
static const PdPortalScope scopes_drive[] = {
  { "files.read", "Read every user's files", TRUE },
  { "users.read", "Read the directory of users", TRUE },
  { "file_permissions.read", "Read who files are shared with", FALSE },
  { NULL, NULL, FALSE }
};
static const PdPortalScope scopes_calendar[] = {
  { "calendars.read", "Read calendars and events", TRUE },
  { "users.read", "Read the directory of users", TRUE },
  { "resources.read", "Read rooms and other bookable resources", FALSE },
  { NULL, NULL, FALSE }
};
static const PdPortalScope scopes_contacts[] = {
  { "contacts.read", "Read personal contacts", TRUE },
  { "users.read", "Read the directory of users", TRUE },
  { "other_contacts.read", "Read automatically saved contacts", FALSE },
  { NULL, NULL, FALSE }
};
static const PdPortalScope scopes_shared_drives[] = {
  { "shared_drives.read", "Read every shared drive and its members", TRUE },
  { "files.read", "Read the files in shared drives", TRUE },
  { NULL, NULL, FALSE }
};
static const PdPortalScope scopes_none[] = { { NULL, NULL, FALSE } };

static const struct {
  const char          *application;
  const PdPortalScope *scopes;
} scope_table[] = {
  { "exchange", scopes_exchange }, { "onedrive", scopes_onedrive }, { "sharepoint", scopes_sharepoint },
  { "teams", scopes_teams }, { "gmail", scopes_gmail }, { "drive", scopes_drive },
  { "calendar", scopes_calendar }, { "contacts", scopes_contacts }, { "shared_drives", scopes_shared_drives },
};

const PdPortalScope *
pd_portal_scopes_first (const char *application)
{
  for (guint i = 0; i < G_N_ELEMENTS (scope_table); i++)
    if (g_strcmp0 (scope_table[i].application, application) == 0)
      return scope_table[i].scopes;
  return scopes_none;
}

static gboolean
scope_is_optional (const char *application,
                   const char *key)
{
  for (const PdPortalScope *s = pd_portal_scopes_first (application); s->key; s++)
    if (g_str_equal (s->key, key))
      return !s->required;
  return FALSE;
}

static gboolean
scope_exists (const char *application,
              const char *key)
{
  for (const PdPortalScope *s = pd_portal_scopes_first (application); s->key; s++)
    if (g_str_equal (s->key, key))
      return TRUE;
  return FALSE;
}

/* The required scopes plus the optional ones of @optional that exist, space-separated. */
static char *
scopes_to_grant (const char        *application,
                 const char *const *optional)
{
  GString *granted = g_string_new (NULL);

  for (const PdPortalScope *s = pd_portal_scopes_first (application); s->key; s++)
    if (s->required || (optional != NULL && g_strv_contains (optional, s->key)))
      g_string_append_printf (granted, "%s%s", granted->len ? " " : "", s->key);
  return g_string_free (granted, FALSE);
}

/* The authorization of one service */

typedef struct {
  gint64  service_id;
  gint64  organization_id;
  char   *state;
  char   *application;
  char   *mode;
  char   *agreement_version;
  char   *accepted_at;
  char   *accepted_by;
  char   *requested_scopes;     /* optional ones asked for on the consent page */
  char   *granted_scopes;
  char   *invitation_email;
  char   *invitation_message;
  char   *invitation_sent_at;
  char   *invitation_expires_at;
  gint64  resend_count;
  char   *last_error;
  char   *consent_lost_at;
  gint64  version;
  char   *updated_at;
} Auth;

static void
auth_clear (Auth *a)
{
  g_free (a->state);
  g_free (a->application);
  g_free (a->mode);
  g_free (a->agreement_version);
  g_free (a->accepted_at);
  g_free (a->accepted_by);
  g_free (a->requested_scopes);
  g_free (a->granted_scopes);
  g_free (a->invitation_email);
  g_free (a->invitation_message);
  g_free (a->invitation_sent_at);
  g_free (a->invitation_expires_at);
  g_free (a->last_error);
  g_free (a->consent_lost_at);
  g_free (a->updated_at);
  memset (a, 0, sizeof *a);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Auth, auth_clear)

static void
set (char       **field,
     const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

static char *
column (sqlite3_stmt *stmt,
        int           i)
{
  return g_strdup (pd_portal_db_text (stmt, i));
}

static gboolean
load_auth (PdPortal *portal,
           gint64    service_id,
           Auth     *a)
{
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal,
      "SELECT s.organization_id, s.authorization_state, s.application, a.mode, a.agreement_version, "
      "a.agreement_accepted_at, a.agreement_accepted_by, coalesce(a.requested_scopes, ''), "
      "coalesce(a.granted_scopes, ''), a.invitation_email, a.invitation_message, a.invitation_sent_at, "
      "a.invitation_expires_at, coalesce(a.invitation_resend_count, 0), a.last_error, a.consent_lost_at, "
      "coalesce(a.version, 1), coalesce(a.updated_at, s.created_at) "
      "FROM services s LEFT JOIN service_authorizations a ON a.service_id = s.id WHERE s.id = ?1");
  gboolean found = FALSE;

  auth_clear (a);
  sqlite3_bind_int64 (stmt, 1, service_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      a->service_id = service_id;
      a->organization_id = sqlite3_column_int64 (stmt, 0);
      a->state = column (stmt, 1);
      a->application = column (stmt, 2);
      a->mode = column (stmt, 3);
      a->agreement_version = column (stmt, 4);
      a->accepted_at = column (stmt, 5);
      a->accepted_by = column (stmt, 6);
      a->requested_scopes = column (stmt, 7);
      a->granted_scopes = column (stmt, 8);
      a->invitation_email = column (stmt, 9);
      a->invitation_message = column (stmt, 10);
      a->invitation_sent_at = column (stmt, 11);
      a->invitation_expires_at = column (stmt, 12);
      a->resend_count = sqlite3_column_int64 (stmt, 13);
      a->last_error = column (stmt, 14);
      a->consent_lost_at = column (stmt, 15);
      a->version = sqlite3_column_int64 (stmt, 16);
      a->updated_at = column (stmt, 17);
    }
  sqlite3_reset (stmt);
  return found;
}

/* Writes @a back, sets the service's state and touches the service and its organization. */
static void
save_auth (PdPortal *portal,
           Auth     *a)
{
  g_autofree char *now = pd_portal_now ();
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal,
      "INSERT INTO service_authorizations (service_id, created_at, updated_at) VALUES (?1, ?2, ?2) "
      "ON CONFLICT (service_id) DO NOTHING");

  sqlite3_bind_int64 (stmt, 1, a->service_id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  pd_portal_db_step_done (portal, stmt);

  stmt = pd_portal_db_stmt (portal,
      "UPDATE service_authorizations SET mode = ?2, agreement_version = ?3, agreement_accepted_at = ?4, "
      "agreement_accepted_by = ?5, requested_scopes = ?6, granted_scopes = ?7, invitation_email = ?8, "
      "invitation_message = ?9, invitation_sent_at = ?10, invitation_expires_at = ?11, "
      "invitation_resend_count = ?12, last_error = ?13, consent_lost_at = ?14, "
      "version = version + 1, updated_at = ?15 WHERE service_id = ?1");
  sqlite3_bind_int64 (stmt, 1, a->service_id);
  sqlite3_bind_text (stmt, 2, a->mode, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, a->agreement_version, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, a->accepted_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, a->accepted_by, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, a->requested_scopes ? a->requested_scopes : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, a->granted_scopes ? a->granted_scopes : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, a->invitation_email, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, a->invitation_message, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, a->invitation_sent_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, a->invitation_expires_at, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 12, a->resend_count);
  sqlite3_bind_text (stmt, 13, a->last_error, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 14, a->consent_lost_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 15, now, -1, SQLITE_STATIC);
  pd_portal_db_step_done (portal, stmt);

  stmt = pd_portal_db_stmt (portal, "UPDATE services SET authorization_state = ?2 WHERE id = ?1");
  sqlite3_bind_int64 (stmt, 1, a->service_id);
  sqlite3_bind_text (stmt, 2, a->state, -1, SQLITE_STATIC);
  pd_portal_db_step_done (portal, stmt);
  pd_portal_db_touch (portal, "services", a->service_id);
  pd_portal_db_touch (portal, "organizations", a->organization_id);
}

/* Clears what belongs to an earlier attempt (agreement, invitation, requested scopes). */
static void
forget_attempt (Auth *a)
{
  set (&a->agreement_version, NULL);
  set (&a->accepted_at, NULL);
  set (&a->accepted_by, NULL);
  set (&a->requested_scopes, "");
  set (&a->invitation_email, NULL);
  set (&a->invitation_message, NULL);
  set (&a->invitation_sent_at, NULL);
  set (&a->invitation_expires_at, NULL);
  a->resend_count = 0;
}

/* An authorized service: backups can start, and the organization may be fine again. */
static void
became_authorized (PdPortal *portal,
                   Auth     *a)
{
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal,
      "UPDATE services SET backup_status = 'never_run' WHERE id = ?1 AND last_backup_at IS NULL");

  sqlite3_bind_int64 (stmt, 1, a->service_id);
  pd_portal_db_step_done (portal, stmt);

  stmt = pd_portal_db_stmt (portal,
      "UPDATE organizations SET credential_status = 'ok' WHERE id = ?1 AND credential_status != 'ok' "
      "AND NOT EXISTS (SELECT 1 FROM services WHERE organization_id = ?1 AND id != ?2 "
      "AND authorization_state = 'consent_lost')");
  sqlite3_bind_int64 (stmt, 1, a->organization_id);
  sqlite3_bind_int64 (stmt, 2, a->service_id);
  pd_portal_db_step_done (portal, stmt);

  set (&a->state, "authorized");
  set (&a->last_error, NULL);
  set (&a->consent_lost_at, NULL);
}

/* Links */

static void
revoke_tokens (PdPortal   *portal,
               gint64      service_id,
               const char *kind,
               const char *now)
{
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal,
      "UPDATE authorization_tokens SET revoked_at = ?3 WHERE service_id = ?1 AND (?2 IS NULL OR kind = ?2) "
      "AND used_at IS NULL AND revoked_at IS NULL");

  sqlite3_bind_int64 (stmt, 1, service_id);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  pd_portal_db_step_done (portal, stmt);
}

static void
insert_token (PdPortal   *portal,
              gint64      service_id,
              const char *kind,
              const char *token,
              const char *created_at,
              const char *expires_at)
{
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal,
      "INSERT INTO authorization_tokens (token, kind, service_id, expires_at, created_at) VALUES (?1, ?2, ?3, ?4, ?5)");

  sqlite3_bind_text (stmt, 1, token, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, service_id);
  sqlite3_bind_text (stmt, 4, expires_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, created_at, -1, SQLITE_STATIC);
  pd_portal_db_step_done (portal, stmt);
}

/* A new link of @kind replacing the earlier ones; returns its expiry. */
static char *
issue_token (PdPortal   *portal,
             gint64      service_id,
             const char *kind,
             GTimeSpan   lifetime)
{
  g_autofree char *now = pd_portal_now ();
  g_autofree char *token = pd_portal_random_token ("", 32);
  char *expires = pd_portal_time_format (g_get_real_time () + lifetime);

  revoke_tokens (portal, service_id, kind, now);
  insert_token (portal, service_id, kind, token, now, expires);
  return expires;
}

/* The pending link of @kind, or NULL. */
static char *
active_token (PdPortal   *portal,
              gint64      service_id,
              const char *kind,
              char      **expires_at)
{
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal,
      "SELECT token, expires_at FROM authorization_tokens WHERE service_id = ?1 AND kind = ?2 "
      "AND used_at IS NULL AND revoked_at IS NULL ORDER BY created_at DESC LIMIT 1");
  char *token = NULL;

  sqlite3_bind_int64 (stmt, 1, service_id);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      token = column (stmt, 0);
      if (expires_at != NULL)
        *expires_at = column (stmt, 1);
    }
  sqlite3_reset (stmt);
  return token;
}

static char *
link_url (PdPortal   *portal,
          const char *path,
          const char *token)
{
  return g_strdup_printf ("%s/%s/%s", portal->base_url ? portal->base_url : "", path, token);
}

PdTokenState
pd_portal_authorization_token (PdPortal   *portal,
                               const char *kind,
                               const char *token,
                               gint64     *service_id)
{
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal,
      "SELECT t.service_id, t.expires_at, t.used_at IS NOT NULL OR t.revoked_at IS NOT NULL, "
      "s.authorization_state FROM authorization_tokens t JOIN services s ON s.id = t.service_id "
      "WHERE t.token = ?1 AND t.kind = ?2");
  g_autofree char *now = pd_portal_now ();
  PdTokenState state = PD_TOKEN_UNKNOWN;

  sqlite3_bind_text (stmt, 1, token, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *wanted = g_str_equal (kind, "consent") ? "awaiting_consent" : "pending_client_admin";

      *service_id = sqlite3_column_int64 (stmt, 0);
      if (sqlite3_column_int (stmt, 2) || g_strcmp0 (pd_portal_db_text (stmt, 3), wanted) != 0)
        state = PD_TOKEN_USED;
      else if (g_strcmp0 (pd_portal_db_text (stmt, 1), now) <= 0)
        state = PD_TOKEN_EXPIRED;
      else
        state = PD_TOKEN_VALID;
    }
  sqlite3_reset (stmt);
  return state;
}

static void
use_token (PdPortal   *portal,
           const char *token)
{
  g_autofree char *now = pd_portal_now ();
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal, "UPDATE authorization_tokens SET used_at = ?2 WHERE token = ?1");

  sqlite3_bind_text (stmt, 1, token, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  pd_portal_db_step_done (portal, stmt);
}

/* An audit entry for what happened on a public page, where there is no signed-in caller. */
static void
audit_public (PdPortal   *portal,
              Auth       *a,
              const char *actor_email,
              const char *action,
              const char *summary)
{
  g_autofree char *now = pd_portal_now ();
  g_autofree char *target = pd_portal_id_format ("svc", a->service_id);
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal,
      "INSERT INTO audit_log (partner_id, actor_email, action, target_type, target_id, organization_id, "
      "summary, created_at) SELECT partner_id, ?2, ?3, 'service', ?4, id, ?5, ?6 FROM organizations WHERE id = ?1");

  sqlite3_bind_int64 (stmt, 1, a->organization_id);
  sqlite3_bind_text (stmt, 2, actor_email, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, target, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, summary, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);
  pd_portal_db_step_done (portal, stmt);
}

/* Transitions from the public pages and the simulation */

void
pd_portal_authorization_decide_consent (PdPortal   *portal,
                                        gint64      service_id,
                                        const char *token,
                                        gboolean    approve)
{
  g_auto(Auth) a = { 0 };
  g_autofree char *summary = NULL;

  pd_portal_db_begin (portal);
  if (!load_auth (portal, service_id, &a) || !g_str_equal (a.state, "awaiting_consent"))
    {
      pd_portal_db_rollback (portal);
      return;
    }
  use_token (portal, token);
  if (approve)
    {
      g_auto(GStrv) optional = g_strsplit (a.requested_scopes, " ", -1);
      g_autofree char *granted = scopes_to_grant (a.application, (const char *const *) optional);

      became_authorized (portal, &a);
      set (&a.granted_scopes, granted);
      summary = g_strdup_printf ("The tenant admin approved the consent for %s (%s)", a.application, granted);
    }
  else
    {
      set (&a.state, "agreement_accepted");
      set (&a.last_error, "consent_denied");
      summary = g_strdup_printf ("The tenant admin denied the consent for %s", a.application);
    }
  set (&a.requested_scopes, "");
  save_auth (portal, &a);
  audit_public (portal, &a, NULL, approve ? "service.consent.approve" : "service.consent.deny", summary);
  pd_portal_db_commit (portal);
}

gboolean
pd_portal_authorization_accept_invitation (PdPortal   *portal,
                                           gint64      service_id,
                                           const char *token,
                                           GStrv       optional_scopes,
                                           GArray     *account_ids,
                                           guint      *needed)
{
  g_auto(Auth) a = { 0 };
  g_autofree char *now = pd_portal_now ();
  g_autofree char *granted = NULL;
  g_autofree char *summary = NULL;
  guint changed = 0;

  *needed = account_ids->len;
  pd_portal_db_begin (portal);
  if (!load_auth (portal, service_id, &a) || !g_str_equal (a.state, "pending_client_admin") ||
      !pd_portal_accounts_choose (portal, service_id, account_ids, needed, &changed))
    {
      pd_portal_db_rollback (portal);
      return FALSE;
    }
  use_token (portal, token);
  granted = scopes_to_grant (a.application, (const char *const *) optional_scopes);
  became_authorized (portal, &a);
  set (&a.granted_scopes, granted);
  set (&a.agreement_version, PD_AGREEMENT_CURRENT);
  set (&a.accepted_at, now);
  set (&a.accepted_by, a.invitation_email);
  save_auth (portal, &a);
  summary = g_strdup_printf ("%s accepted the invitation for %s (%s) and chose %u account%s to protect",
                             a.invitation_email, a.application, granted, *needed, *needed == 1 ? "" : "s");
  audit_public (portal, &a, a.invitation_email, "service.invitation.accept", summary);
  pd_portal_db_commit (portal);
  return TRUE;
}

gboolean
pd_portal_authorization_lose_consent (PdPortal *portal,
                                      gint64    service_id)
{
  g_auto(Auth) a = { 0 };
  g_autofree char *now = pd_portal_now ();
  gboolean own_transaction = sqlite3_get_autocommit (portal->db) != 0;
  sqlite3_stmt *stmt;

  if (own_transaction)
    pd_portal_db_begin (portal);
  if (!load_auth (portal, service_id, &a) || !g_str_equal (a.state, "authorized"))
    {
      if (own_transaction)
        pd_portal_db_rollback (portal);
      return FALSE;
    }
  set (&a.state, "consent_lost");
  set (&a.consent_lost_at, now);
  set (&a.last_error, "consent_revoked");
  set (&a.granted_scopes, "");
  stmt = pd_portal_db_stmt (portal, "UPDATE organizations SET credential_status = '" NEEDS_AUTHENTICATION "' WHERE id = ?1");
  sqlite3_bind_int64 (stmt, 1, a.organization_id);
  pd_portal_db_step_done (portal, stmt);
  save_auth (portal, &a);
  audit_public (portal, &a, NULL, "service.consent.lost", "The tenant admin revoked the backup's consent");
  if (own_transaction)
    pd_portal_db_commit (portal);
  return TRUE;
}

/* JSON */

static char *
auth_etag (Auth *a)
{
  g_autofree char *id = g_strdup_printf ("svc_%" G_GINT64_FORMAT ".authorization", a->service_id);

  return pd_portal_etag (id, a->version);
}

static void
write_authorization (PdPortal    *portal,
                     JsonBuilder *builder,
                     Auth        *a)
{
  g_autofree char *service = pd_portal_id_format ("svc", a->service_id);
  g_autofree char *organization = pd_portal_id_format ("org", a->organization_id);
  g_autofree char *etag = auth_etag (a);
  g_autofree char *agreement_url = NULL;
  g_autofree char *consent_token = NULL;
  g_autofree char *consent_expires = NULL;
  g_auto(GStrv) granted = g_strsplit (a->granted_scopes ? a->granted_scopes : "", " ", -1);
  const char *version = a->agreement_version ? a->agreement_version : PD_AGREEMENT_CURRENT;

  json_builder_begin_object (builder);
  pd_portal_json_text (builder, "service_id", service);
  pd_portal_json_text (builder, "organization_id", organization);
  pd_portal_json_text (builder, "state", a->state);
  pd_portal_json_text (builder, "mode", a->mode);

  agreement_url = link_url (portal, "agreements", version);
  json_builder_set_member_name (builder, "agreement");
  json_builder_begin_object (builder);
  pd_portal_json_text (builder, "version", version);
  pd_portal_json_text (builder, "document_url", agreement_url);
  pd_portal_json_text (builder, "accepted_at", a->accepted_at);
  pd_portal_json_text (builder, "accepted_by", a->accepted_by);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "scopes");
  json_builder_begin_array (builder);
  for (const PdPortalScope *s = pd_portal_scopes_first (a->application); s->key; s++)
    {
      json_builder_begin_object (builder);
      pd_portal_json_text (builder, "key", s->key);
      pd_portal_json_text (builder, "description", s->description);
      pd_portal_json_bool (builder, "required", s->required);
      pd_portal_json_bool (builder, "granted", g_strv_contains ((const char *const *) granted, s->key));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  if (g_str_equal (a->state, "awaiting_consent"))
    consent_token = active_token (portal, a->service_id, "consent", &consent_expires);
  if (consent_token != NULL)
    {
      g_autofree char *url = link_url (portal, "consent", consent_token);
      pd_portal_json_text (builder, "consent_url", url);
    }
  else
    pd_portal_json_text (builder, "consent_url", NULL);
  pd_portal_json_text (builder, "consent_expires_at", consent_expires);

  json_builder_set_member_name (builder, "invitation");
  if (g_str_equal (a->state, "pending_client_admin") && a->invitation_email != NULL)
    {
      g_autofree char *token = active_token (portal, a->service_id, "invitation", NULL);
      g_autofree char *url = token ? link_url (portal, "invitations", token) : NULL;

      json_builder_begin_object (builder);
      pd_portal_json_text (builder, "email", a->invitation_email);
      pd_portal_json_text (builder, "message", a->invitation_message);
      pd_portal_json_text (builder, "sent_at", a->invitation_sent_at);
      pd_portal_json_text (builder, "expires_at", a->invitation_expires_at);
      pd_portal_json_int (builder, "resend_count", a->resend_count);
      pd_portal_json_text (builder, "accept_url", url);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);

  pd_portal_json_text (builder, "last_error", a->last_error);
  pd_portal_json_text (builder, "consent_lost_at", a->consent_lost_at);
  pd_portal_json_text (builder, "etag", etag);
  pd_portal_json_text (builder, "updated_at", a->updated_at);
  json_builder_end_object (builder);
}

/* Reloads the authorization and sends it with its ETag. */
static void
respond_auth (PdPortalRequest *req,
              guint            status,
              gint64           service_id)
{
  g_auto(Auth) a = { 0 };
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *etag = NULL;

  load_auth (req->portal, service_id, &a);
  etag = auth_etag (&a);
  write_authorization (req->portal, builder, &a);
  pd_portal_respond_builder (req, status, builder, etag);
}

/* Handlers */

/* Permission, organization scope, the service within it and, to act, authority. */
static gboolean
resolve (PdPortalRequest *req,
         const char      *permission,
         gboolean         act,
         Auth            *a)
{
  gint64 organization_id, service_id;

  if (!pd_portal_require (req, permission))
    return FALSE;
  if (!pd_portal_id_parse ("org", req->params[0], &organization_id))
    {
      pd_portal_respond_not_found (req, "organization");
      return FALSE;
    }
  if (!pd_portal_require_organization (req, organization_id))
    return FALSE;
  if (!pd_portal_id_parse ("svc", req->params[1], &service_id) ||
      !load_auth (req->portal, service_id, a) || a->organization_id != organization_id)
    {
      pd_portal_respond_not_found (req, "service");
      return FALSE;
    }
  return !act || pd_portal_require_authority (req, organization_id);
}

/* POST actions without a body accept none, or an empty object. */
static gboolean
no_body (PdPortalRequest *req)
{
  static const char *const none[] = { NULL };
  g_autoptr(PdPortalValidation) v = NULL;

  if (req->body == NULL)
    return TRUE;
  v = pd_portal_validation_new (req);
  pd_portal_validation_only (v, none);
  return !pd_portal_validation_failed (v);
}

static void
conflict (PdPortalRequest *req,
          Auth            *a,
          const char      *advice)
{
  pd_portal_respond_problem (req, SOUP_STATUS_CONFLICT, "authorization-state", "Not possible in this state",
                             "The service's authorization is “%s”. %s", a->state, advice);
}

/* The 409 for states no onboarding step may start from; FALSE when it responded. */
static gboolean
may_start (PdPortalRequest *req,
           Auth            *a)
{
  if (g_str_equal (a->state, "pending_client_admin"))
    {
      g_autofree char *advice = g_strdup_printf ("An invitation to %s is pending; cancel it with DELETE "
                                                 "…/authorization/delegate first.", a->invitation_email);
      conflict (req, a, advice);
      return FALSE;
    }
  if (g_str_equal (a->state, "authorized"))
    {
      conflict (req, a, "The service is already authorized; there is nothing to do.");
      return FALSE;
    }
  return TRUE;
}

static void
get_authorization (PdPortalRequest *req)
{
  g_auto(Auth) a = { 0 };
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *etag = NULL;
  const char *if_none_match;

  if (!resolve (req, "organizations.read", FALSE, &a))
    return;
  etag = auth_etag (&a);
  if_none_match = soup_message_headers_get_one (soup_server_message_get_request_headers (req->msg), "If-None-Match");
  if (if_none_match != NULL)
    {
      g_auto(GStrv) candidates = g_strsplit (if_none_match, ",", -1);

      for (guint i = 0; candidates[i] != NULL; i++)
        if (g_str_equal (g_strstrip (candidates[i]), etag) || g_str_equal (candidates[i], "*"))
          {
            pd_portal_set_header (req, "ETag", etag);
            pd_portal_respond_bytes (req, SOUP_STATUS_NOT_MODIFIED, NULL, NULL);
            return;
          }
    }
  builder = json_builder_new ();
  write_authorization (req->portal, builder, &a);
  pd_portal_respond_builder (req, SOUP_STATUS_OK, builder, etag);
}

static void
start_self (PdPortalRequest *req)
{
  g_auto(Auth) a = { 0 };
  g_autofree char *service = NULL;

  if (!resolve (req, "services.authorize", TRUE, &a) || !no_body (req) || !may_start (req, &a))
    return;
  pd_portal_db_begin (req->portal);
  set (&a.mode, "self");
  save_auth (req->portal, &a);
  service = pd_portal_id_format ("svc", a.service_id);
  pd_portal_audit (req, "service.authorization.start", "service", service, a.organization_id,
                   "Started authorizing %s as the tenant's admin", a.application);
  pd_portal_db_commit (req->portal);
  respond_auth (req, SOUP_STATUS_OK, a.service_id);
}

static void
accept_agreement (PdPortalRequest *req)
{
  static const char *const allowed[] = { "agreement_version", NULL };
  g_auto(Auth) a = { 0 };
  g_autoptr(PdPortalValidation) v = NULL;
  g_autofree char *service = NULL;
  g_autofree char *now = NULL;
  const char *version;

  if (!resolve (req, "services.authorize", TRUE, &a))
    return;
  v = pd_portal_validation_new (req);
  pd_portal_validation_only (v, allowed);
  version = pd_portal_validate_string (v, "agreement_version", PD_FIELD_REQUIRED, 1, 40);
  if (version != NULL && !g_str_equal (version, PD_AGREEMENT_CURRENT))
    pd_portal_validation_error (v, "agreement_version", "not_current",
                                "The current service agreement is version %s; read it and accept that version.",
                                PD_AGREEMENT_CURRENT);
  if (pd_portal_validation_failed (v) || !may_start (req, &a))
    return;

  now = pd_portal_now ();
  pd_portal_db_begin (req->portal);
  revoke_tokens (req->portal, a.service_id, NULL, now);
  forget_attempt (&a);
  set (&a.mode, "self");
  set (&a.state, "agreement_accepted");
  set (&a.agreement_version, PD_AGREEMENT_CURRENT);
  set (&a.accepted_at, now);
  set (&a.accepted_by, req->caller->email);
  set (&a.last_error, NULL);
  save_auth (req->portal, &a);
  service = pd_portal_id_format ("svc", a.service_id);
  pd_portal_audit (req, "service.agreement.accept", "service", service, a.organization_id,
                   "Accepted the service agreement %s for %s", PD_AGREEMENT_CURRENT, a.application);
  pd_portal_db_commit (req->portal);
  respond_auth (req, SOUP_STATUS_OK, a.service_id);
}

static void
request_consent (PdPortalRequest *req)
{
  static const char *const allowed[] = { "optional_scopes", NULL };
  g_auto(Auth) a = { 0 };
  g_autoptr(PdPortalValidation) v = NULL;
  g_autofree char *service = NULL;
  g_autofree char *expires = NULL;
  g_auto(GStrv) optional = NULL;
  g_autoptr(GPtrArray) requested = g_ptr_array_new ();
  g_autofree char *requested_text = NULL;

  if (!resolve (req, "services.authorize", TRUE, &a))
    return;
  if (req->body != NULL)
    {
      v = pd_portal_validation_new (req);
      pd_portal_validation_only (v, allowed);
      optional = pd_portal_validate_strings (v, "optional_scopes", PD_FIELD_OPTIONAL, 0, 50);
      for (guint i = 0; optional != NULL && optional[i] != NULL; i++)
        {
          g_autofree char *field = g_strdup_printf ("optional_scopes[%u]", i);

          if (!scope_exists (a.application, optional[i]))
            pd_portal_validation_error (v, field, "invalid_choice", "“%s” is not a scope of %s.",
                                        optional[i], a.application);
          else if (scope_is_optional (a.application, optional[i]) &&
                   !g_ptr_array_find_with_equal_func (requested, optional[i], g_str_equal, NULL))
            g_ptr_array_add (requested, optional[i]);
        }
      if (pd_portal_validation_failed (v))
        return;
    }
  g_ptr_array_add (requested, NULL);
  requested_text = g_strjoinv (" ", (GStrv) requested->pdata);
  if (g_str_equal (a.state, "unauthorized"))
    {
      conflict (req, &a, "Accept the service agreement first with POST …/authorization/accept-agreement.");
      return;
    }
  if (!may_start (req, &a))
    return;

  pd_portal_db_begin (req->portal);
  expires = issue_token (req->portal, a.service_id, "consent", CONSENT_LIFETIME);
  set (&a.mode, "self");
  set (&a.state, "awaiting_consent");
  set (&a.requested_scopes, requested_text);
  set (&a.last_error, NULL);
  save_auth (req->portal, &a);
  service = pd_portal_id_format ("svc", a.service_id);
  pd_portal_audit (req, "service.consent.request", "service", service, a.organization_id,
                   "Requested the tenant's consent for %s (link valid until %s)", a.application, expires);
  pd_portal_db_commit (req->portal);
  respond_auth (req, SOUP_STATUS_OK, a.service_id);
}

static void
delegate (PdPortalRequest *req)
{
  static const char *const allowed[] = { "admin_email", "message", NULL };
  g_auto(Auth) a = { 0 };
  g_autoptr(PdPortalValidation) v = NULL;
  g_autofree char *service = NULL;
  g_autofree char *now = NULL;
  g_autofree char *expires = NULL;
  const char *email, *message;

  /* Someone else being the admin is how a reseller onboards: no authority needed. */
  if (!resolve (req, "services.authorize", FALSE, &a))
    return;
  v = pd_portal_validation_new (req);
  pd_portal_validation_only (v, allowed);
  email = pd_portal_validate_email (v, "admin_email", PD_FIELD_REQUIRED);
  message = pd_portal_validate_string (v, "message", PD_FIELD_OPTIONAL | PD_FIELD_NULLABLE, 0, MAX_MESSAGE);
  if (pd_portal_validation_failed (v))
    return;
  if (g_str_equal (a.state, "pending_client_admin"))
    {
      g_autofree char *advice = g_strdup_printf ("An invitation to %s is already pending; resend it with POST "
                                                 "…/authorization/delegate/resend or cancel it first.",
                                                 a.invitation_email);
      conflict (req, &a, advice);
      return;
    }
  if (!may_start (req, &a))
    return;

  now = pd_portal_now ();
  pd_portal_db_begin (req->portal);
  revoke_tokens (req->portal, a.service_id, NULL, now);
  expires = issue_token (req->portal, a.service_id, "invitation", INVITATION_LIFETIME);
  forget_attempt (&a);
  set (&a.mode, "delegate");
  set (&a.state, "pending_client_admin");
  set (&a.invitation_email, email);
  set (&a.invitation_message, message && *message ? message : NULL);
  set (&a.invitation_sent_at, now);
  set (&a.invitation_expires_at, expires);
  set (&a.last_error, NULL);
  save_auth (req->portal, &a);
  service = pd_portal_id_format ("svc", a.service_id);
  pd_portal_audit (req, "service.invitation.send", "service", service, a.organization_id,
                   "Invited %s to authorize %s", email, a.application);
  pd_portal_db_commit (req->portal);
  respond_auth (req, SOUP_STATUS_ACCEPTED, a.service_id);
}

static gboolean
require_pending (PdPortalRequest *req,
                 Auth            *a)
{
  if (g_str_equal (a->state, "pending_client_admin"))
    return TRUE;
  conflict (req, a, "There is no pending invitation; invite the client's admin with POST …/authorization/delegate.");
  return FALSE;
}

static void
resend_invitation (PdPortalRequest *req)
{
  g_auto(Auth) a = { 0 };
  g_autofree char *service = NULL;
  g_autofree char *now = NULL;
  g_autofree char *expires = NULL;
  g_autofree char *token = NULL;
  sqlite3_stmt *stmt;

  if (!resolve (req, "services.authorize", FALSE, &a) || !no_body (req) || !require_pending (req, &a))
    return;

  now = pd_portal_now ();
  expires = pd_portal_time_format (g_get_real_time () + INVITATION_LIFETIME);
  pd_portal_db_begin (req->portal);
  /* The same link as before (the first e-mail keeps working), valid for another week. */
  token = active_token (req->portal, a.service_id, "invitation", NULL);
  if (token != NULL)
    {
      stmt = pd_portal_db_stmt (req->portal, "UPDATE authorization_tokens SET expires_at = ?2 WHERE token = ?1");
      sqlite3_bind_text (stmt, 1, token, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, expires, -1, SQLITE_STATIC);
      pd_portal_db_step_done (req->portal, stmt);
    }
  else
    g_free (issue_token (req->portal, a.service_id, "invitation", INVITATION_LIFETIME));
  a.resend_count++;
  set (&a.invitation_sent_at, now);
  set (&a.invitation_expires_at, expires);
  save_auth (req->portal, &a);
  service = pd_portal_id_format ("svc", a.service_id);
  pd_portal_audit (req, "service.invitation.resend", "service", service, a.organization_id,
                   "Sent the invitation for %s to %s again", a.application, a.invitation_email);
  pd_portal_db_commit (req->portal);
  respond_auth (req, SOUP_STATUS_ACCEPTED, a.service_id);
}

static void
cancel_invitation (PdPortalRequest *req)
{
  g_auto(Auth) a = { 0 };
  g_autofree char *service = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *now = NULL;
  g_autofree char *email = NULL;

  if (!resolve (req, "services.authorize", FALSE, &a))
    return;
  etag = auth_etag (&a);
  if (!pd_portal_check_if_match (req, etag) || !require_pending (req, &a))
    return;

  now = pd_portal_now ();
  email = g_strdup (a.invitation_email);
  pd_portal_db_begin (req->portal);
  revoke_tokens (req->portal, a.service_id, NULL, now);
  forget_attempt (&a);
  set (&a.mode, NULL);
  set (&a.state, "unauthorized");
  set (&a.last_error, NULL);
  save_auth (req->portal, &a);
  service = pd_portal_id_format ("svc", a.service_id);
  pd_portal_audit (req, "service.invitation.cancel", "service", service, a.organization_id,
                   "Cancelled the invitation to %s for %s", email, a.application);
  pd_portal_db_commit (req->portal);
  pd_portal_respond_no_content (req);
}

/* Demo data: details that agree with each seeded service's authorization_state. */

static char *
seed_token (PdPortalSeed *seed)
{
  return g_strdup_printf ("%016" G_GINT64_MODIFIER "x%016" G_GINT64_MODIFIER "x",
                          pd_seed_next (seed), pd_seed_next (seed));
}

static char *
time_after (const char *base,
            gint64      seconds,
            gint64      ceiling_usec)
{
  gint64 usec;

  if (!pd_portal_time_parse (base, &usec))
    usec = ceiling_usec - 30 * G_TIME_SPAN_DAY;
  return pd_portal_time_format (MIN (usec + seconds * G_USEC_PER_SEC, ceiling_usec));
}

static void
seed_authorization (PdPortalSeed *seed)
{
  static const char *const admin_locals[] = { "it.admin", "admin", "sysadmin", "it", "office.manager", "cto" };
  PdPortal *portal = seed->portal;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree char *now = pd_portal_time_format (seed->now_usec);
  sqlite3_stmt *stmt;

  /* Read everything first: the inserts below must not run while this statement steps. */
  stmt = pd_portal_db_stmt (portal,
      "SELECT s.id, s.authorization_state, s.application, s.created_at, coalesce(o.domain, 'example.com'), "
      "o.partner_id "
      "FROM services s JOIN organizations o ON o.id = s.organization_id "
      "WHERE s.authorization_state != 'unauthorized' ORDER BY s.id");
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GStrv row = g_new0 (char *, 7);
      for (int i = 0; i < 6; i++)
        row[i] = column (stmt, i);
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < rows->len; i++)
    {
      GStrv row = g_ptr_array_index (rows, i);
      gint64 service_id = g_ascii_strtoll (row[0], NULL, 10);
      const char *state = row[1], *application = row[2], *created = row[3], *domain = row[4];
      g_autofree char *partner_user = NULL;
      g_auto(Auth) a = { .service_id = service_id };
      g_autofree char *token = NULL;
      g_autofree char *optional = NULL;
      GString *chosen = g_string_new (NULL);

      /* Who of the partner's first users did it. */
      stmt = pd_portal_db_stmt (portal, "SELECT email FROM users WHERE partner_id = ?1 ORDER BY id LIMIT 1 OFFSET ?2");
      sqlite3_bind_int64 (stmt, 1, g_ascii_strtoll (row[5], NULL, 10));
      sqlite3_bind_int64 (stmt, 2, pd_seed_int (seed, 0, 2));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        partner_user = column (stmt, 0);
      sqlite3_reset (stmt);
      if (partner_user == NULL)
        partner_user = g_strdup ("admin@northwind-it.example");

      a.state = g_strdup (state);
      a.requested_scopes = g_strdup ("");
      a.granted_scopes = g_strdup ("");
      for (const PdPortalScope *s = pd_portal_scopes_first (application); s->key; s++)
        if (!s->required && pd_seed_chance (seed, 0.6))
          g_string_append_printf (chosen, "%s%s", chosen->len ? " " : "", s->key);
      optional = g_string_free (chosen, FALSE);

      if (g_str_equal (state, "pending_client_admin"))
        {
          /* Most invitations are recent; a few have expired and wait for a resend. */
          gboolean expired = pd_seed_chance (seed, 0.15);
          gint64 sent = seed->now_usec - pd_seed_int (seed, expired ? 8 * 86400 : 600, expired ? 20 * 86400 : 6 * 86400) * G_USEC_PER_SEC;

          a.mode = g_strdup ("delegate");
          a.invitation_email = g_strdup_printf ("%s@%s", admin_locals[pd_seed_int (seed, 0, G_N_ELEMENTS (admin_locals) - 1)], domain);
          if (pd_seed_chance (seed, 0.5))
            a.invitation_message = g_strdup ("Hi, please approve the backup of our workspace so we can protect your data. Thanks!");
          a.invitation_sent_at = pd_portal_time_format (sent);
          a.invitation_expires_at = pd_portal_time_format (sent + INVITATION_LIFETIME);
          a.resend_count = pd_seed_int (seed, 0, 2);
          token = seed_token (seed);
          insert_token (portal, service_id, "invitation", token, a.invitation_sent_at, a.invitation_expires_at);
        }
      else
        {
          gint64 accepted_usec;

          a.mode = g_strdup (pd_seed_chance (seed, 0.75) ? "self" : "delegate");
          a.accepted_at = time_after (created, pd_seed_int (seed, 600, 2 * 86400), seed->now_usec - G_TIME_SPAN_HOUR);
          pd_portal_time_parse (a.accepted_at, &accepted_usec);
          a.agreement_version = g_strdup (accepted_usec < seed->now_usec - 180 * G_TIME_SPAN_DAY
                                          ? PD_AGREEMENT_PREVIOUS : PD_AGREEMENT_CURRENT);
          a.accepted_by = g_str_equal (a.mode, "self")
                        ? g_strdup (partner_user)
                        : g_strdup_printf ("%s@%s", admin_locals[pd_seed_int (seed, 0, G_N_ELEMENTS (admin_locals) - 1)], domain);
          if (g_str_equal (state, "agreement_accepted") || g_str_equal (state, "awaiting_consent"))
            {
              set (&a.mode, "self");
              set (&a.accepted_by, partner_user);
              set (&a.agreement_version, PD_AGREEMENT_CURRENT);
              g_free (a.accepted_at);
              a.accepted_at = pd_seed_time_ago (seed, 60, 3 * 86400);
            }
          if (g_str_equal (state, "awaiting_consent"))
            {
              g_autofree char *expires = pd_portal_time_format (seed->now_usec + CONSENT_LIFETIME);

              set (&a.requested_scopes, optional);
              token = seed_token (seed);
              insert_token (portal, service_id, "consent", token, now, expires);
            }
          else if (g_str_equal (state, "authorized"))
            {
              g_autofree char *granted = NULL;
              g_auto(GStrv) list = g_strsplit (optional, " ", -1);

              granted = scopes_to_grant (application, (const char *const *) list);
              set (&a.granted_scopes, granted);
            }
          else if (g_str_equal (state, "consent_lost"))
            {
              a.consent_lost_at = pd_seed_time_ago (seed, 3600, 20 * 86400);
              a.last_error = g_strdup ("consent_revoked");
            }
          else if (g_str_equal (state, "agreement_accepted") && pd_seed_chance (seed, 0.3))
            a.last_error = g_strdup ("consent_denied");
        }

      stmt = pd_portal_db_stmt (portal,
          "INSERT INTO service_authorizations (service_id, mode, agreement_version, agreement_accepted_at, "
          "agreement_accepted_by, requested_scopes, granted_scopes, invitation_email, invitation_message, "
          "invitation_sent_at, invitation_expires_at, invitation_resend_count, last_error, consent_lost_at, "
          "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15)");
      sqlite3_bind_int64 (stmt, 1, service_id);
      sqlite3_bind_text (stmt, 2, a.mode, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, a.agreement_version, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, a.accepted_at, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, a.accepted_by, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, a.requested_scopes, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, a.granted_scopes, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 8, a.invitation_email, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 9, a.invitation_message, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 10, a.invitation_sent_at, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 11, a.invitation_expires_at, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 12, a.resend_count);
      sqlite3_bind_text (stmt, 13, a.last_error, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 14, a.consent_lost_at, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 15, a.invitation_sent_at ? a.invitation_sent_at
                                   : a.consent_lost_at ? a.consent_lost_at
                                   : a.accepted_at ? a.accepted_at : now, -1, SQLITE_STATIC);
      pd_portal_db_step_done (portal, stmt);
    }
}

static void
register_routes (PdPortal *portal)
{
#define BASE "/api/v1/organizations/{organization_id}/services/{service_id}/authorization"
  pd_portal_route (portal, "GET", BASE, PD_PORTAL_ROUTE_DEFAULT, get_authorization);
  pd_portal_route (portal, "POST", BASE "/self", PD_PORTAL_ROUTE_DEFAULT, start_self);
  pd_portal_route (portal, "POST", BASE "/accept-agreement", PD_PORTAL_ROUTE_DEFAULT, accept_agreement);
  pd_portal_route (portal, "POST", BASE "/consent", PD_PORTAL_ROUTE_DEFAULT, request_consent);
  pd_portal_route (portal, "POST", BASE "/delegate", PD_PORTAL_ROUTE_DEFAULT, delegate);
  pd_portal_route (portal, "DELETE", BASE "/delegate", PD_PORTAL_ROUTE_DEFAULT, cancel_invitation);
  pd_portal_route (portal, "POST", BASE "/delegate/resend", PD_PORTAL_ROUTE_DEFAULT, resend_invitation);
#undef BASE
  pd_portal_authorization_register_pages (portal);
}

const PdPortalModule pd_portal_module_authorization = {
  .name = "authorization",
  .schema = schema_sql,
  .seed = seed_authorization,
  .register_routes = register_routes,
};

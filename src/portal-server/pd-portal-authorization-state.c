/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The authorization model behind the API and the pages: scopes per application, the
 * authorization row and the service's state, consent and invitation links, the transitions
 * made on the public pages or by the simulation, and the demo data. */
#include "pd-portal-authorization.h"
#include "pd-portal-accounts.h"
#include "pd-portal-db.h"

#define NEEDS_AUTHENTICATION "needs_authentication"

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

gboolean
pd_authorization_scope_is_optional (const char *application,
                                    const char *key)
{
  for (const PdPortalScope *s = pd_portal_scopes_first (application); s->key; s++)
    if (g_str_equal (s->key, key))
      return !s->required;
  return FALSE;
}

gboolean
pd_authorization_scope_exists (const char *application,
                               const char *key)
{
  for (const PdPortalScope *s = pd_portal_scopes_first (application); s->key; s++)
    if (g_str_equal (s->key, key))
      return TRUE;
  return FALSE;
}

/* The required scopes plus the optional ones of @optional that exist, space-separated. */
char *
pd_authorization_scopes_to_grant (const char        *application,
                                  const char *const *optional)
{
  GString *granted = g_string_new (NULL);

  for (const PdPortalScope *s = pd_portal_scopes_first (application); s->key; s++)
    if (s->required || (optional != NULL && g_strv_contains (optional, s->key)))
      g_string_append_printf (granted, "%s%s", granted->len ? " " : "", s->key);
  return g_string_free (granted, FALSE);
}

/* The authorization of one service */


void
pd_authorization_clear (PdAuthorization *a)
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

void
pd_authorization_set (char       **field,
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

gboolean
pd_authorization_load (PdPortal        *portal,
                       gint64           service_id,
                       PdAuthorization *a)
{
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal,
      "SELECT s.organization_id, s.authorization_state, s.application, a.mode, a.agreement_version, "
      "a.agreement_accepted_at, a.agreement_accepted_by, coalesce(a.requested_scopes, ''), "
      "coalesce(a.granted_scopes, ''), a.invitation_email, a.invitation_message, a.invitation_sent_at, "
      "a.invitation_expires_at, coalesce(a.invitation_resend_count, 0), a.last_error, a.consent_lost_at, "
      "coalesce(a.version, 1), coalesce(a.updated_at, s.created_at) "
      "FROM services s LEFT JOIN service_authorizations a ON a.service_id = s.id WHERE s.id = ?1");
  gboolean found = FALSE;

  pd_authorization_clear (a);
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
void
pd_authorization_save (PdPortal        *portal,
                       PdAuthorization *a)
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
void
pd_authorization_forget_attempt (PdAuthorization *a)
{
  pd_authorization_set (&a->agreement_version, NULL);
  pd_authorization_set (&a->accepted_at, NULL);
  pd_authorization_set (&a->accepted_by, NULL);
  pd_authorization_set (&a->requested_scopes, "");
  pd_authorization_set (&a->invitation_email, NULL);
  pd_authorization_set (&a->invitation_message, NULL);
  pd_authorization_set (&a->invitation_sent_at, NULL);
  pd_authorization_set (&a->invitation_expires_at, NULL);
  a->resend_count = 0;
}

/* An authorized service: backups can start, and the organization is fine again unless
 * another service lost its consent and is not authorized again yet. */
void
pd_authorization_became_authorized (PdPortal        *portal,
                                    PdAuthorization *a)
{
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal,
      "UPDATE services SET backup_status = 'never_run' WHERE id = ?1 AND last_backup_at IS NULL");

  sqlite3_bind_int64 (stmt, 1, a->service_id);
  pd_portal_db_step_done (portal, stmt);

  stmt = pd_portal_db_stmt (portal,
      "UPDATE organizations SET credential_status = 'ok' WHERE id = ?1 AND credential_status != 'ok' "
      "AND NOT EXISTS (SELECT 1 FROM services s LEFT JOIN service_authorizations a ON a.service_id = s.id "
      "  WHERE s.organization_id = ?1 AND s.id != ?2 AND (s.authorization_state = 'consent_lost' "
      "  OR (s.authorization_state != 'authorized' AND a.consent_lost_at IS NOT NULL)))");
  sqlite3_bind_int64 (stmt, 1, a->organization_id);
  sqlite3_bind_int64 (stmt, 2, a->service_id);
  pd_portal_db_step_done (portal, stmt);

  pd_authorization_set (&a->state, "authorized");
  pd_authorization_set (&a->last_error, NULL);
  pd_authorization_set (&a->consent_lost_at, NULL);
}

/* Links */

void
pd_authorization_revoke_tokens (PdPortal   *portal,
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

void
pd_authorization_insert_token (PdPortal   *portal,
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
char *
pd_authorization_issue_token (PdPortal   *portal,
                              gint64      service_id,
                              const char *kind,
                              GTimeSpan   lifetime)
{
  g_autofree char *now = pd_portal_now ();
  g_autofree char *token = pd_portal_random_token ("", 32);
  char *expires = pd_portal_time_format (g_get_real_time () + lifetime);

  pd_authorization_revoke_tokens (portal, service_id, kind, now);
  pd_authorization_insert_token (portal, service_id, kind, token, now, expires);
  return expires;
}

/* The pending link of @kind, or NULL. */
char *
pd_authorization_active_token (PdPortal    *portal,
                               gint64       service_id,
                               const char  *kind,
                               char       **expires_at)
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

char *
pd_authorization_link_url (PdPortal   *portal,
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
audit_public (PdPortal        *portal,
              PdAuthorization *a,
              const char      *actor_email,
              const char      *action,
              const char      *summary)
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
  g_auto(PdAuthorization) a = { 0 };
  g_autofree char *summary = NULL;

  pd_portal_db_begin (portal);
  if (!pd_authorization_load (portal, service_id, &a) || !g_str_equal (a.state, "awaiting_consent"))
    {
      pd_portal_db_rollback (portal);
      return;
    }
  use_token (portal, token);
  if (approve)
    {
      g_auto(GStrv) optional = g_strsplit (a.requested_scopes, " ", -1);
      g_autofree char *granted = pd_authorization_scopes_to_grant (a.application, (const char *const *) optional);

      pd_authorization_became_authorized (portal, &a);
      pd_authorization_set (&a.granted_scopes, granted);
      /* The backup may read the directory now. */
      pd_portal_accounts_discover (portal, service_id);
      summary = g_strdup_printf ("The tenant admin approved the consent for %s (%s)",
                                 pd_portal_application_label (a.application), granted);
    }
  else
    {
      pd_authorization_set (&a.state, "agreement_accepted");
      pd_authorization_set (&a.last_error, "consent_denied");
      summary = g_strdup_printf ("The tenant admin denied the consent for %s", pd_portal_application_label (a.application));
    }
  pd_authorization_set (&a.requested_scopes, "");
  pd_authorization_save (portal, &a);
  audit_public (portal, &a, NULL, approve ? "service.approve_consent" : "service.deny_consent", summary);
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
  g_auto(PdAuthorization) a = { 0 };
  g_autofree char *now = pd_portal_now ();
  g_autofree char *granted = NULL;
  g_autofree char *summary = NULL;
  guint changed = 0;

  *needed = account_ids->len;
  pd_portal_db_begin (portal);
  if (!pd_authorization_load (portal, service_id, &a) || !g_str_equal (a.state, "pending_client_admin") ||
      !pd_portal_accounts_choose (portal, service_id, account_ids, needed, &changed))
    {
      pd_portal_db_rollback (portal);
      return FALSE;
    }
  use_token (portal, token);
  granted = pd_authorization_scopes_to_grant (a.application, (const char *const *) optional_scopes);
  pd_authorization_became_authorized (portal, &a);
  pd_authorization_set (&a.granted_scopes, granted);
  pd_authorization_set (&a.agreement_version, PD_AGREEMENT_CURRENT);
  pd_authorization_set (&a.accepted_at, now);
  pd_authorization_set (&a.accepted_by, a.invitation_email);
  pd_authorization_save (portal, &a);
  summary = g_strdup_printf ("%s accepted the invitation for %s (%s) and chose %u account%s to protect",
                             a.invitation_email, pd_portal_application_label (a.application), granted, *needed,
                             *needed == 1 ? "" : "s");
  audit_public (portal, &a, a.invitation_email, "service.accept_invitation", summary);
  pd_portal_db_commit (portal);
  return TRUE;
}

gboolean
pd_portal_authorization_lose_consent (PdPortal *portal,
                                      gint64    service_id)
{
  g_auto(PdAuthorization) a = { 0 };
  g_autofree char *now = pd_portal_now ();
  gboolean own_transaction = sqlite3_get_autocommit (portal->db) != 0;
  sqlite3_stmt *stmt;

  if (own_transaction)
    pd_portal_db_begin (portal);
  if (!pd_authorization_load (portal, service_id, &a) || !g_str_equal (a.state, "authorized"))
    {
      if (own_transaction)
        pd_portal_db_rollback (portal);
      return FALSE;
    }
  pd_authorization_set (&a.state, "consent_lost");
  pd_authorization_set (&a.consent_lost_at, now);
  pd_authorization_set (&a.last_error, "consent_revoked");
  pd_authorization_set (&a.granted_scopes, "");
  stmt = pd_portal_db_stmt (portal, "UPDATE organizations SET credential_status = '" NEEDS_AUTHENTICATION "' WHERE id = ?1");
  sqlite3_bind_int64 (stmt, 1, a.organization_id);
  pd_portal_db_step_done (portal, stmt);
  pd_authorization_save (portal, &a);
  audit_public (portal, &a, NULL, "service.lose_consent", "The tenant admin revoked the backup's consent");
  if (own_transaction)
    pd_portal_db_commit (portal);
  return TRUE;
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

void
pd_authorization_seed (PdPortalSeed *seed)
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
      g_auto(PdAuthorization) a = { .service_id = service_id };
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
          a.invitation_expires_at = pd_portal_time_format (sent + PD_INVITATION_LIFETIME);
          a.resend_count = pd_seed_int (seed, 0, 2);
          token = seed_token (seed);
          pd_authorization_insert_token (portal, service_id, "invitation", token, a.invitation_sent_at, a.invitation_expires_at);
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
              pd_authorization_set (&a.mode, "self");
              pd_authorization_set (&a.accepted_by, partner_user);
              pd_authorization_set (&a.agreement_version, PD_AGREEMENT_CURRENT);
              g_free (a.accepted_at);
              a.accepted_at = pd_seed_time_ago (seed, 60, 3 * 86400);
            }
          if (g_str_equal (state, "awaiting_consent"))
            {
              g_autofree char *expires = pd_portal_time_format (seed->now_usec + PD_CONSENT_LIFETIME);

              pd_authorization_set (&a.requested_scopes, optional);
              token = seed_token (seed);
              pd_authorization_insert_token (portal, service_id, "consent", token, now, expires);
            }
          else if (g_str_equal (state, "authorized"))
            {
              g_autofree char *granted = NULL;
              g_auto(GStrv) list = g_strsplit (optional, " ", -1);

              granted = pd_authorization_scopes_to_grant (application, (const char *const *) list);
              pd_authorization_set (&a.granted_scopes, granted);
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

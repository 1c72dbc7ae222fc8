/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The public HTML pages of onboarding: the service agreement, the tenant's consent page (what
 * the suite's own consent screen would be) and the client admin's invitation page. Plain HTML
 * forms: the pages' Content-Security-Policy allows no scripts. */
#include "pd-portal-authorization.h"
#include "pd-portal-accounts.h"
#include "pd-portal-db.h"
#include "pd-portal-http.h"

#define STYLE \
  "body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}" \
  "h1{font-size:1.5rem}h2{font-size:1.1rem;margin-top:1.6rem}" \
  ".box{border:1px solid #ccc;border-radius:8px;padding:1rem;margin:1rem 0}" \
  ".error{border-color:#b00;background:#fff4f4}.note{color:#555;font-size:.9rem}" \
  "table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.25rem .4rem;border-bottom:1px solid #eee}" \
  "button{font-size:1rem;padding:.5rem 1.2rem;margin-right:.6rem}" \
  "blockquote{white-space:pre-wrap;border-left:3px solid #ccc;margin:.5rem 0;padding-left:.8rem}"

static void
page_begin (GString    *html,
            const char *title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  g_string_append_printf (html, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                          "<title>%s</title>", escaped);
  g_string_append (html, "<style>" STYLE "</style>");
  g_string_append_printf (html, "</head><body>\n<h1>%s</h1>\n", escaped);
}

static void
respond_page (PdPortalRequest *req,
              guint            status,
              GString         *html)
{
  g_string_append (html, "</body></html>\n");
  pd_portal_respond_html (req, status, html->str);
}

/* A page with a title and one paragraph of plain text. */
static void
respond_message (PdPortalRequest *req,
                 guint            status,
                 const char      *title,
                 const char      *text)
{
  g_autoptr(GString) html = g_string_new (NULL);
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  page_begin (html, title);
  g_string_append_printf (html, "<p>%s</p>\n", escaped);
  respond_page (req, status, html);
}

static void
respond_bad_token (PdPortalRequest *req,
                   PdTokenState     state,
                   const char      *what)
{
  g_autofree char *text = NULL;

  switch (state)
    {
    case PD_TOKEN_EXPIRED:
      text = g_strdup_printf ("This %s link has expired. Ask your service provider to send a new one.", what);
      respond_message (req, SOUP_STATUS_GONE, "Link expired", text);
      break;
    case PD_TOKEN_USED:
      text = g_strdup_printf ("This %s link was already used or has been replaced by a newer one. "
                              "Ask your service provider for the current link if you still need it.", what);
      respond_message (req, SOUP_STATUS_GONE, "Link no longer valid", text);
      break;
    case PD_TOKEN_UNKNOWN:
    case PD_TOKEN_VALID:
    default:
      text = g_strdup_printf ("There is no %s at this address. Check that you copied the whole link.", what);
      respond_message (req, SOUP_STATUS_NOT_FOUND, "Not found", text);
      break;
    }
}

static const char *
suite_name (const char *suite)
{
  return g_strcmp0 (suite, "google_workspace") == 0 ? "Google Workspace" : "Microsoft 365";
}

const char *
pd_portal_application_label (const char *application)
{
  static const char *const names[][2] = {
    { "exchange", "Exchange" }, { "onedrive", "OneDrive" }, { "sharepoint", "SharePoint" },
    { "teams", "Teams" }, { "gmail", "Gmail" }, { "drive", "Drive" }, { "calendar", "Calendar" },
    { "contacts", "Contacts" }, { "shared_drives", "Shared drives" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (names[i][0], application) == 0)
      return names[i][1];
  return application;
}

/* What the pages show about the service. */
typedef struct {
  char   *organization;
  char   *partner;
  char   *suite;
  char   *application;
  char   *requested_scopes;
  char   *invitation_email;
  char   *invitation_message;
  gint64  seats_total;
} Info;

static void
info_clear (Info *info)
{
  g_free (info->organization);
  g_free (info->partner);
  g_free (info->suite);
  g_free (info->application);
  g_free (info->requested_scopes);
  g_free (info->invitation_email);
  g_free (info->invitation_message);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Info, info_clear)

static void
load_info (PdPortal *portal,
           gint64    service_id,
           Info     *info)
{
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal,
      "SELECT o.name, p.name, s.suite, s.application, coalesce(a.requested_scopes, ''), a.invitation_email, "
      "a.invitation_message, s.seats_total FROM services s JOIN organizations o ON o.id = s.organization_id "
      "JOIN partners p ON p.id = o.partner_id LEFT JOIN service_authorizations a ON a.service_id = s.id "
      "WHERE s.id = ?1");

  sqlite3_bind_int64 (stmt, 1, service_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      info->organization = g_strdup (pd_portal_db_text (stmt, 0));
      info->partner = g_strdup (pd_portal_db_text (stmt, 1));
      info->suite = g_strdup (pd_portal_db_text (stmt, 2));
      info->application = g_strdup (pd_portal_db_text (stmt, 3));
      info->requested_scopes = g_strdup (pd_portal_db_text (stmt, 4));
      info->invitation_email = g_strdup (pd_portal_db_text (stmt, 5));
      info->invitation_message = g_strdup (pd_portal_db_text (stmt, 6));
      info->seats_total = sqlite3_column_int64 (stmt, 7);
    }
  sqlite3_reset (stmt);
}

/* The service agreement */

static void
agreement_page (PdPortalRequest *req)
{
  const char *version = req->params[0];
  gboolean current = g_str_equal (version, PD_AGREEMENT_CURRENT);
  g_autoptr(GString) html = g_string_new (NULL);
  g_autofree char *title = NULL;

  if (!current && !g_str_equal (version, PD_AGREEMENT_PREVIOUS))
    {
      respond_message (req, SOUP_STATUS_NOT_FOUND, "Not found", "There is no service agreement with this version.");
      return;
    }
  title = g_strdup_printf ("Backup service agreement, version %s", version);
  page_begin (html, title);
  if (!current)
    g_string_append (html, "<p class=\"box note\">This version has been replaced by version " PD_AGREEMENT_CURRENT
                     ". It applies to services authorized while it was current.</p>\n");
  g_string_append (html,
      "<h2>1. What the service does</h2>\n"
      "<p>Your service provider uses this backup service to keep copies of the data of the applications you "
      "authorize (mail, files, sites, calendars, contacts and tasks) so that they can be restored or exported "
      "when data is lost, deleted or damaged.</p>\n"
      "<h2>2. Access</h2>\n"
      "<p>The service reads data only through the permissions (scopes) the tenant's administrator grants, and "
      "only for the accounts chosen for protection. You can revoke the permissions at any time in your "
      "tenant's administration; backups then stop.</p>\n"
      "<h2>3. Your data</h2>\n"
      "<p>Backups are encrypted in transit and at rest, kept in the region chosen for your organization, and "
      "are not used for any other purpose. They are deleted within 30 days after the service ends, unless "
      "you ask for an export first.</p>\n"
      "<h2>4. Seats</h2>\n"
      "<p>Each protected or paused account uses one seat of the plan your service provider agreed with you. "
      "Accounts beyond the seats are not backed up until seats are added or other accounts are unprotected.</p>\n"
      "<h2>5. Responsibilities</h2>\n"
      "<p>You confirm that you may authorize access to this data for your organization. Your service provider "
      "is your contact for support, billing and restores.</p>\n");
  respond_page (req, SOUP_STATUS_OK, html);
}

/* The consent page */

static void
append_scope_list (GString    *html,
                   const char *application,
                   const char *requested)
{
  g_auto(GStrv) optional = g_strsplit (requested ? requested : "", " ", -1);

  g_string_append (html, "<ul>\n");
  for (const PdPortalScope *s = pd_portal_scopes_first (application); s->key; s++)
    if (s->required || g_strv_contains ((const char *const *) optional, s->key))
      {
        g_autofree char *description = g_markup_escape_text (s->description, -1);
        g_string_append_printf (html, "<li>%s <span class=\"note\">(%s)</span></li>\n", description, s->key);
      }
  g_string_append (html, "</ul>\n");
}

static void
consent_page (PdPortalRequest *req)
{
  const char *token = req->params[0];
  g_auto(Info) info = { 0 };
  g_autoptr(GString) html = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *organization = NULL;
  g_autofree char *partner = NULL;
  g_autofree char *action = NULL;
  PdTokenState state;
  gint64 service_id = 0;

  state = pd_portal_authorization_token (req->portal, "consent", token, &service_id);
  if (state != PD_TOKEN_VALID)
    {
      respond_bad_token (req, state, "consent");
      return;
    }
  load_info (req->portal, service_id, &info);
  organization = g_markup_escape_text (info.organization, -1);
  partner = g_markup_escape_text (info.partner, -1);
  action = g_uri_escape_string (token, NULL, FALSE);
  title = g_strdup_printf ("%s: permissions requested", suite_name (info.suite));
  page_begin (html, title);
  g_string_append_printf (html,
      "<p>The backup service of <strong>%s</strong> asks for access to <strong>%s</strong> in the "
      "tenant of <strong>%s</strong>. Sign-in as the tenant's administrator is assumed.</p>\n"
      "<div class=\"box\"><p>It will be able to:</p>\n",
      partner, pd_portal_application_label (info.application), organization);
  append_scope_list (html, info.application, info.requested_scopes);
  g_string_append_printf (html,
      "</div>\n<p class=\"note\">Approving grants these permissions for the whole organization. You can revoke "
      "them at any time in the tenant's administration.</p>\n"
      "<form method=\"post\" action=\"/consent/%s\">"
      "<button type=\"submit\" name=\"decision\" value=\"approve\">Approve</button>"
      "<button type=\"submit\" name=\"decision\" value=\"deny\">Deny</button></form>\n", action);
  respond_page (req, SOUP_STATUS_OK, html);
}

static void
consent_decide (PdPortalRequest *req)
{
  const char *token = req->params[0];
  const char *decision = req->form ? g_hash_table_lookup (req->form, "decision") : NULL;
  g_auto(Info) info = { 0 };
  g_autofree char *text = NULL;
  PdTokenState state;
  gint64 service_id = 0;
  gboolean approve;

  state = pd_portal_authorization_token (req->portal, "consent", token, &service_id);
  if (state != PD_TOKEN_VALID)
    {
      respond_bad_token (req, state, "consent");
      return;
    }
  if (g_strcmp0 (decision, "approve") != 0 && g_strcmp0 (decision, "deny") != 0)
    {
      respond_message (req, SOUP_STATUS_BAD_REQUEST, "Choose Approve or Deny",
                       "The form did not say whether you approve or deny the request. Go back and press one of the buttons.");
      return;
    }
  approve = g_str_equal (decision, "approve");
  pd_portal_authorization_decide_consent (req->portal, service_id, token, approve);
  load_info (req->portal, service_id, &info);
  if (approve)
    {
      text = g_strdup_printf ("%s of %s is authorized. You can close this window and return to Partner Desk.",
                              pd_portal_application_label (info.application), info.organization);
      respond_message (req, SOUP_STATUS_OK, "Permissions granted", text);
    }
  else
    {
      text = g_strdup_printf ("No permissions were granted for %s of %s. You can close this window.",
                              pd_portal_application_label (info.application), info.organization);
      respond_message (req, SOUP_STATUS_OK, "Request denied", text);
    }
}

/* The invitation page */

typedef struct {
  gboolean    agreement;
  GHashTable *scopes;     /* optional scope keys ticked; NULL: the defaults */
  GHashTable *accounts;   /* public account IDs ticked; NULL: the defaults */
  const char *error;
} Choices;

static void
append_accounts (GString  *html,
                 PdPortal *portal,
                 gint64    service_id,
                 gint64    seats_total,
                 Choices  *choices)
{
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal,
      "SELECT id, kind, display_name, email, protection, status FROM accounts "
      "WHERE service_id = ?1 AND status != 'deleted' ORDER BY protection = 'unprotected', id");
  gint64 budget = seats_total;

  g_string_append (html, "<table><tr><th>Protect</th><th>Name</th><th>E-mail</th><th>Kind</th></tr>\n");
  sqlite3_bind_int64 (stmt, 1, service_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *id = pd_portal_id_format ("acc", sqlite3_column_int64 (stmt, 0));
      const char *kind = pd_portal_db_text (stmt, 1);
      g_autofree char *name = g_markup_escape_text (pd_portal_db_text (stmt, 2), -1);
      g_autofree char *email = g_markup_escape_text (pd_portal_db_text (stmt, 3) ? pd_portal_db_text (stmt, 3) : "", -1);
      gboolean checked;

      if (choices->accounts != NULL)
        checked = g_hash_table_contains (choices->accounts, id);
      else
        {
          /* Already managed accounts stay; then every user (not shared mailboxes) while seats last. */
          checked = budget > 0 && (!g_str_equal (pd_portal_db_text (stmt, 4), "unprotected") ||
                                   (!g_str_equal (kind, "shared_mailbox") &&
                                    g_str_equal (pd_portal_db_text (stmt, 5), "active")));
          budget -= checked;
        }
      g_string_append_printf (html, "<tr><td><input type=\"checkbox\" id=\"%s\" name=\"account:%s\" value=\"on\"%s></td>"
                              "<td><label for=\"%s\">%s</label></td><td>%s</td><td>%s</td></tr>\n",
                              id, id, checked ? " checked" : "", id, name, email, kind);
    }
  sqlite3_reset (stmt);
  g_string_append (html, "</table>\n");
}

static void
render_invitation (PdPortalRequest *req,
                   guint            status,
                   const char      *token,
                   gint64           service_id,
                   Choices         *choices)
{
  g_auto(Info) info = { 0 };
  g_autoptr(GString) html = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *organization = NULL;
  g_autofree char *partner = NULL;
  g_autofree char *email = NULL;
  g_autofree char *action = g_uri_escape_string (token, NULL, FALSE);

  /* The client admin signed in: their tenant's accounts are known from here on. */
  pd_portal_accounts_discover (req->portal, service_id);
  load_info (req->portal, service_id, &info);
  organization = g_markup_escape_text (info.organization, -1);
  partner = g_markup_escape_text (info.partner, -1);
  email = g_markup_escape_text (info.invitation_email ? info.invitation_email : "", -1);
  title = g_strdup_printf ("Authorize the backup of %s %s", suite_name (info.suite), pd_portal_application_label (info.application));
  page_begin (html, title);
  g_string_append_printf (html, "<p><strong>%s</strong> invited you (%s) to authorize the backup of %s for "
                          "<strong>%s</strong>.</p>\n", partner, email, pd_portal_application_label (info.application), organization);
  if (info.invitation_message != NULL)
    {
      g_autofree char *message = g_markup_escape_text (info.invitation_message, -1);
      g_string_append_printf (html, "<blockquote>%s</blockquote>\n", message);
    }
  if (choices->error != NULL)
    {
      g_autofree char *error = g_markup_escape_text (choices->error, -1);
      g_string_append_printf (html, "<div class=\"box error\" role=\"alert\">%s</div>\n", error);
    }

  g_string_append_printf (html, "<form method=\"post\" action=\"/invitations/%s\">\n"
                          "<h2>1. Service agreement</h2>\n<p>Read the <a href=\"/agreements/" PD_AGREEMENT_CURRENT
                          "\">service agreement (version " PD_AGREEMENT_CURRENT ")</a>.</p>\n"
                          "<p><input type=\"checkbox\" id=\"accept_agreement\" name=\"accept_agreement\" value=\"yes\"%s>"
                          "<label for=\"accept_agreement\">I accept the service agreement</label></p>\n"
                          "<h2>2. Permissions</h2>\n<ul>\n", action, choices->agreement ? " checked" : "");
  for (const PdPortalScope *s = pd_portal_scopes_first (info.application); s->key; s++)
    {
      g_autofree char *description = g_markup_escape_text (s->description, -1);

      if (s->required)
        g_string_append_printf (html, "<li><input type=\"checkbox\" checked disabled> %s "
                                "<span class=\"note\">(%s, required)</span></li>\n", description, s->key);
      else
        g_string_append_printf (html, "<li><input type=\"checkbox\" id=\"scope:%s\" name=\"scope:%s\" value=\"on\"%s>"
                                "<label for=\"scope:%s\">%s</label> <span class=\"note\">(%s, optional)</span></li>\n",
                                s->key, s->key,
                                choices->scopes == NULL || g_hash_table_contains (choices->scopes, s->key) ? " checked" : "",
                                s->key, description, s->key);
    }
  g_string_append_printf (html, "</ul>\n<h2>3. Accounts to protect</h2>\n<p>Your plan has <strong>%" G_GINT64_FORMAT
                          "</strong> seat%s: choose at most that many accounts.</p>\n",
                          info.seats_total, info.seats_total == 1 ? "" : "s");
  append_accounts (html, req->portal, service_id, info.seats_total, choices);
  g_string_append (html, "<p><button type=\"submit\">Authorize and protect the chosen accounts</button></p>\n</form>\n");
  respond_page (req, status, html);
}

static void
invitation_page (PdPortalRequest *req)
{
  const char *token = req->params[0];
  Choices choices = { 0 };
  PdTokenState state;
  gint64 service_id = 0;

  state = pd_portal_authorization_token (req->portal, "invitation", token, &service_id);
  if (state != PD_TOKEN_VALID)
    {
      respond_bad_token (req, state, "invitation");
      return;
    }
  render_invitation (req, SOUP_STATUS_OK, token, service_id, &choices);
}

static void
invitation_accept (PdPortalRequest *req)
{
  const char *token = req->params[0];
  g_autoptr(GHashTable) scopes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) accounts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) optional = g_ptr_array_new ();
  g_autofree char *error = NULL;
  g_autofree char *text = NULL;
  g_auto(Info) info = { 0 };
  Choices choices = { .scopes = scopes, .accounts = accounts };
  PdTokenState state;
  gint64 service_id = 0;
  guint needed = 0;

  state = pd_portal_authorization_token (req->portal, "invitation", token, &service_id);
  if (state != PD_TOKEN_VALID)
    {
      respond_bad_token (req, state, "invitation");
      return;
    }
  load_info (req->portal, service_id, &info);

  if (req->form != NULL)
    {
      GHashTableIter iter;
      gpointer key;

      choices.agreement = g_strcmp0 (g_hash_table_lookup (req->form, "accept_agreement"), "yes") == 0;
      g_hash_table_iter_init (&iter, req->form);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          const char *name = key;
          gint64 rowid;

          if (g_str_has_prefix (name, "scope:"))
            {
              for (const PdPortalScope *s = pd_portal_scopes_first (info.application); s->key; s++)
                if (!s->required && g_str_equal (s->key, name + 6))
                  {
                    g_hash_table_add (scopes, (gpointer) s->key);
                    g_ptr_array_add (optional, (gpointer) s->key);
                  }
            }
          else if (g_str_has_prefix (name, "account:"))
            {
              if (pd_portal_id_parse ("acc", name + 8, &rowid))
                {
                  g_hash_table_add (accounts, (gpointer) (name + 8));
                  g_array_append_val (rowids, rowid);
                }
              else
                error = g_strdup ("One of the chosen accounts does not exist. Reload the page and choose again.");
            }
        }
    }
  g_ptr_array_add (optional, NULL);

  if (!choices.agreement)
    g_free (error), error = g_strdup ("Tick “I accept the service agreement” to authorize the backup.");
  else if (error == NULL && rowids->len > (guint) MAX (0, info.seats_total))
    error = g_strdup_printf ("You chose %u accounts but the plan has %" G_GINT64_FORMAT " seat%s. Untick some "
                             "accounts, or ask %s to raise the number of licenses.", rowids->len, info.seats_total,
                             info.seats_total == 1 ? "" : "s", info.partner);
  else if (error == NULL &&
           !pd_portal_authorization_accept_invitation (req->portal, service_id, token, (GStrv) optional->pdata,
                                                       rowids, &needed))
    error = g_strdup_printf (needed > (guint) MAX (0, info.seats_total)
                             ? "You chose %u accounts but the plan has fewer seats. Untick some accounts."
                             : "One of the %u chosen accounts is no longer available. Reload the page and choose again.",
                             needed);
  if (error != NULL)
    {
      choices.error = error;
      render_invitation (req, 422, token, service_id, &choices);
      return;
    }
  text = g_strdup_printf ("%s of %s is authorized and %u account%s will be backed up. You can close this window.",
                          pd_portal_application_label (info.application), info.organization, needed, needed == 1 ? "" : "s");
  respond_message (req, SOUP_STATUS_OK, "Thank you", text);
}

void
pd_portal_authorization_register_pages (PdPortal *portal)
{
  const PdPortalRouteFlags page = PD_PORTAL_ROUTE_PUBLIC | PD_PORTAL_ROUTE_RAW;

  pd_portal_route (portal, "GET", "/agreements/{version}", page, agreement_page);
  pd_portal_route (portal, "GET", "/consent/{token}", page, consent_page);
  pd_portal_route (portal, "POST", "/consent/{token}", page | PD_PORTAL_ROUTE_FORM, consent_decide);
  pd_portal_route (portal, "GET", "/invitations/{token}", page, invitation_page);
  pd_portal_route (portal, "POST", "/invitations/{token}", page | PD_PORTAL_ROUTE_FORM, invitation_accept);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Authorizing a service: "I am the admin" (agreement, then the tenant's consent page) or
 * "someone else is the admin" (an invitation by e-mail). The state lives in
 * services.authorization_state, the details in this module's tables. The API is here, the
 * model in -state.c, the HTML pages in -pages.c. */
#include "pd-portal-authorization.h"
#include "pd-portal-db.h"
#include "pd-portal-http.h"
#include "pd-portal-modules.h"
#include "pd-portal-validate.h"

#define MAX_MESSAGE 1000

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

/* JSON */

static char *
auth_etag (PdAuthorization *a)
{
  g_autofree char *id = g_strdup_printf ("svc_%" G_GINT64_FORMAT ".authorization", a->service_id);

  return pd_portal_etag (id, a->version);
}

static void
write_authorization (PdPortal        *portal,
                     JsonBuilder     *builder,
                     PdAuthorization *a)
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

  agreement_url = pd_authorization_link_url (portal, "agreements", version);
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
    consent_token = pd_authorization_active_token (portal, a->service_id, "consent", &consent_expires);
  if (consent_token != NULL)
    {
      g_autofree char *url = pd_authorization_link_url (portal, "consent", consent_token);
      pd_portal_json_text (builder, "consent_url", url);
    }
  else
    pd_portal_json_text (builder, "consent_url", NULL);
  pd_portal_json_text (builder, "consent_expires_at", consent_expires);

  json_builder_set_member_name (builder, "invitation");
  if (g_str_equal (a->state, "pending_client_admin") && a->invitation_email != NULL)
    {
      g_autofree char *token = pd_authorization_active_token (portal, a->service_id, "invitation", NULL);
      g_autofree char *url = token ? pd_authorization_link_url (portal, "invitations", token) : NULL;

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
  g_auto(PdAuthorization) a = { 0 };
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *etag = NULL;

  pd_authorization_load (req->portal, service_id, &a);
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
         PdAuthorization *a)
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
      !pd_authorization_load (req->portal, service_id, a) || a->organization_id != organization_id)
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
          PdAuthorization *a,
          const char      *advice)
{
  pd_portal_respond_problem (req, SOUP_STATUS_CONFLICT, "authorization-state", "Not possible in this state",
                             "The service's authorization is “%s”. %s", a->state, advice);
}

/* The 409 for states no onboarding step may start from; FALSE when it responded. */
static gboolean
may_start (PdPortalRequest *req,
           PdAuthorization *a)
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
  g_auto(PdAuthorization) a = { 0 };
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
  g_auto(PdAuthorization) a = { 0 };
  g_autofree char *service = NULL;

  if (!resolve (req, "services.authorize", TRUE, &a) || !no_body (req) || !may_start (req, &a))
    return;
  pd_portal_db_begin (req->portal);
  pd_authorization_set (&a.mode, "self");
  pd_authorization_save (req->portal, &a);
  service = pd_portal_id_format ("svc", a.service_id);
  pd_portal_audit (req, "service.start_authorization", "service", service, a.organization_id,
                   "Started authorizing %s as the tenant's admin", pd_portal_application_label (a.application));
  pd_portal_db_commit (req->portal);
  respond_auth (req, SOUP_STATUS_OK, a.service_id);
}

static void
accept_agreement (PdPortalRequest *req)
{
  static const char *const allowed[] = { "agreement_version", NULL };
  g_auto(PdAuthorization) a = { 0 };
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
  pd_authorization_revoke_tokens (req->portal, a.service_id, NULL, now);
  pd_authorization_forget_attempt (&a);
  pd_authorization_set (&a.mode, "self");
  pd_authorization_set (&a.state, "agreement_accepted");
  pd_authorization_set (&a.agreement_version, PD_AGREEMENT_CURRENT);
  pd_authorization_set (&a.accepted_at, now);
  pd_authorization_set (&a.accepted_by, req->caller->email);
  pd_authorization_set (&a.last_error, NULL);
  pd_authorization_save (req->portal, &a);
  service = pd_portal_id_format ("svc", a.service_id);
  pd_portal_audit (req, "service.accept_agreement", "service", service, a.organization_id,
                   "Accepted the service agreement %s for %s", PD_AGREEMENT_CURRENT, pd_portal_application_label (a.application));
  pd_portal_db_commit (req->portal);
  respond_auth (req, SOUP_STATUS_OK, a.service_id);
}

static void
request_consent (PdPortalRequest *req)
{
  static const char *const allowed[] = { "optional_scopes", NULL };
  g_auto(PdAuthorization) a = { 0 };
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

          if (!pd_authorization_scope_exists (a.application, optional[i]))
            pd_portal_validation_error (v, field, "invalid_choice", "“%s” is not a scope of %s.",
                                        optional[i], a.application);
          else if (pd_authorization_scope_is_optional (a.application, optional[i]) &&
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
  expires = pd_authorization_issue_token (req->portal, a.service_id, "consent", PD_CONSENT_LIFETIME);
  pd_authorization_set (&a.mode, "self");
  pd_authorization_set (&a.state, "awaiting_consent");
  pd_authorization_set (&a.requested_scopes, requested_text);
  pd_authorization_set (&a.last_error, NULL);
  pd_authorization_save (req->portal, &a);
  service = pd_portal_id_format ("svc", a.service_id);
  pd_portal_audit (req, "service.request_consent", "service", service, a.organization_id,
                   "Requested the tenant's consent for %s (link valid until %s)", pd_portal_application_label (a.application), expires);
  pd_portal_db_commit (req->portal);
  respond_auth (req, SOUP_STATUS_OK, a.service_id);
}

static void
delegate (PdPortalRequest *req)
{
  static const char *const allowed[] = { "admin_email", "message", NULL };
  g_auto(PdAuthorization) a = { 0 };
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
  pd_authorization_revoke_tokens (req->portal, a.service_id, NULL, now);
  expires = pd_authorization_issue_token (req->portal, a.service_id, "invitation", PD_INVITATION_LIFETIME);
  pd_authorization_forget_attempt (&a);
  pd_authorization_set (&a.mode, "delegate");
  pd_authorization_set (&a.state, "pending_client_admin");
  pd_authorization_set (&a.invitation_email, email);
  pd_authorization_set (&a.invitation_message, message && *message ? message : NULL);
  pd_authorization_set (&a.invitation_sent_at, now);
  pd_authorization_set (&a.invitation_expires_at, expires);
  pd_authorization_set (&a.last_error, NULL);
  pd_authorization_save (req->portal, &a);
  service = pd_portal_id_format ("svc", a.service_id);
  pd_portal_audit (req, "service.invite_admin", "service", service, a.organization_id,
                   "Invited %s to authorize %s", email, pd_portal_application_label (a.application));
  pd_portal_db_commit (req->portal);
  respond_auth (req, SOUP_STATUS_ACCEPTED, a.service_id);
}

static gboolean
require_pending (PdPortalRequest *req,
                 PdAuthorization *a)
{
  if (g_str_equal (a->state, "pending_client_admin"))
    return TRUE;
  conflict (req, a, "There is no pending invitation; invite the client's admin with POST …/authorization/delegate.");
  return FALSE;
}

static void
resend_invitation (PdPortalRequest *req)
{
  g_auto(PdAuthorization) a = { 0 };
  g_autofree char *service = NULL;
  g_autofree char *now = NULL;
  g_autofree char *expires = NULL;
  g_autofree char *token = NULL;
  sqlite3_stmt *stmt;

  if (!resolve (req, "services.authorize", FALSE, &a) || !no_body (req) || !require_pending (req, &a))
    return;

  now = pd_portal_now ();
  expires = pd_portal_time_format (g_get_real_time () + PD_INVITATION_LIFETIME);
  pd_portal_db_begin (req->portal);
  /* The same link as before (the first e-mail keeps working), valid for another week. */
  token = pd_authorization_active_token (req->portal, a.service_id, "invitation", NULL);
  if (token != NULL)
    {
      stmt = pd_portal_db_stmt (req->portal, "UPDATE authorization_tokens SET expires_at = ?2 WHERE token = ?1");
      sqlite3_bind_text (stmt, 1, token, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, expires, -1, SQLITE_STATIC);
      pd_portal_db_step_done (req->portal, stmt);
    }
  else
    g_free (pd_authorization_issue_token (req->portal, a.service_id, "invitation", PD_INVITATION_LIFETIME));
  a.resend_count++;
  pd_authorization_set (&a.invitation_sent_at, now);
  pd_authorization_set (&a.invitation_expires_at, expires);
  pd_authorization_save (req->portal, &a);
  service = pd_portal_id_format ("svc", a.service_id);
  pd_portal_audit (req, "service.resend_invitation", "service", service, a.organization_id,
                   "Sent the invitation for %s to %s again", pd_portal_application_label (a.application), a.invitation_email);
  pd_portal_db_commit (req->portal);
  respond_auth (req, SOUP_STATUS_ACCEPTED, a.service_id);
}

static void
cancel_invitation (PdPortalRequest *req)
{
  g_auto(PdAuthorization) a = { 0 };
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
  pd_authorization_revoke_tokens (req->portal, a.service_id, NULL, now);
  pd_authorization_forget_attempt (&a);
  pd_authorization_set (&a.mode, NULL);
  pd_authorization_set (&a.state, "unauthorized");
  pd_authorization_set (&a.last_error, NULL);
  pd_authorization_save (req->portal, &a);
  service = pd_portal_id_format ("svc", a.service_id);
  pd_portal_audit (req, "service.cancel_invitation", "service", service, a.organization_id,
                   "Cancelled the invitation to %s for %s", email, pd_portal_application_label (a.application));
  pd_portal_db_commit (req->portal);
  pd_portal_respond_no_content (req);
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
  .seed = pd_authorization_seed,
  .register_routes = register_routes,
};

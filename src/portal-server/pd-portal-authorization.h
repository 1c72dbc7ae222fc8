/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-portal.h"
#include "pd-portal-seed.h"

G_BEGIN_DECLS

/* The tenant admin revoked the backup's consent: an authorized service becomes consent_lost
 * (its scopes are no longer granted) and its organization needs authentication. Touches the
 * service and the organization; for the simulation. Returns FALSE when the service was not
 * authorized. */
gboolean pd_portal_authorization_lose_consent (PdPortal   *portal,
                                               gint64      service_id);

/* "Exchange", "Shared drives"… for an application key, for pages and audit summaries. */
const char *pd_portal_application_label (const char *application);

/* Internal to the authorization module: the API (pd-portal-authorization.c), the model
 * (-state.c) and the HTML pages (-pages.c). */

/* The public pages: /agreements/{version}, /consent/{token}, /invitations/{token}. */
void pd_portal_authorization_register_pages (PdPortal *portal);

#define PD_AGREEMENT_CURRENT  "2025-01"
#define PD_AGREEMENT_PREVIOUS "2024-03"

typedef struct {
  const char *key;
  const char *description;
  gboolean    required;
} PdPortalScope;

/* The scopes the backup of @application asks for, terminated by a NULL key; never NULL. */
const PdPortalScope *pd_portal_scopes_first  (const char *application);

typedef enum {
  PD_TOKEN_VALID,
  PD_TOKEN_UNKNOWN,
  PD_TOKEN_EXPIRED,
  PD_TOKEN_USED,        /* used, or replaced by a newer link, or the flow moved on */
} PdTokenState;

/* A consent ("consent") or invitation ("invitation") link's token and its service. */
PdTokenState pd_portal_authorization_token          (PdPortal    *portal,
                                                     const char  *kind,
                                                     const char  *token,
                                                     gint64      *service_id);
/* The consent page's decision; the token must be valid. */
void         pd_portal_authorization_decide_consent (PdPortal    *portal,
                                                     gint64       service_id,
                                                     const char  *token,
                                                     gboolean     approve);
/* The invitation page's submit: agreement accepted, @optional_scopes granted with the required
 * ones, the accounts @account_ids (rowids) protected and the others unprotected. FALSE with
 * *needed (the seats asked for) when the seats do not allow it or an account is not one of the
 * service's; nothing changes then. */
gboolean     pd_portal_authorization_accept_invitation (PdPortal    *portal,
                                                        gint64       service_id,
                                                        const char  *token,
                                                        GStrv        optional_scopes,
                                                        GArray      *account_ids,
                                                        guint       *needed);

#define PD_CONSENT_LIFETIME    G_TIME_SPAN_HOUR
#define PD_INVITATION_LIFETIME (7 * G_TIME_SPAN_DAY)

/* One service's authorization: services.authorization_state plus its service_authorizations
 * row (defaults when there is none yet, version 1). */
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
} PdAuthorization;

void      pd_authorization_clear              (PdAuthorization  *a);
/* Replaces a string member. */
void      pd_authorization_set                (char            **field,
                                               const char       *value);
gboolean  pd_authorization_load               (PdPortal         *portal,
                                               gint64            service_id,
                                               PdAuthorization  *a);
/* Writes @a back, sets the service's state and touches the service and its organization. */
void      pd_authorization_save               (PdPortal         *portal,
                                               PdAuthorization  *a);
/* Clears what belongs to an earlier attempt (agreement, invitation, requested scopes). */
void      pd_authorization_forget_attempt     (PdAuthorization  *a);
/* Makes @a authorized: backups may start, and the organization may be fine again. */
void      pd_authorization_became_authorized  (PdPortal         *portal,
                                               PdAuthorization  *a);

gboolean  pd_authorization_scope_is_optional  (const char       *application,
                                               const char       *key);
gboolean  pd_authorization_scope_exists       (const char       *application,
                                               const char       *key);
/* The required scopes plus those of @optional that exist, space-separated. */
char     *pd_authorization_scopes_to_grant    (const char       *application,
                                               const char *const *optional);

/* Links: @kind is "consent" or "invitation". */
void      pd_authorization_revoke_tokens      (PdPortal         *portal,
                                               gint64            service_id,
                                               const char       *kind,
                                               const char       *now);
void      pd_authorization_insert_token       (PdPortal         *portal,
                                               gint64            service_id,
                                               const char       *kind,
                                               const char       *token,
                                               const char       *created_at,
                                               const char       *expires_at);
/* A new link replacing the earlier ones of @kind; returns its expiry. */
char     *pd_authorization_issue_token        (PdPortal         *portal,
                                               gint64            service_id,
                                               const char       *kind,
                                               GTimeSpan         lifetime);
/* The pending link of @kind, or NULL. */
char     *pd_authorization_active_token       (PdPortal         *portal,
                                               gint64            service_id,
                                               const char       *kind,
                                               char            **expires_at);
/* base_url/@path/@token */
char     *pd_authorization_link_url           (PdPortal         *portal,
                                               const char       *path,
                                               const char       *token);

/* Details that agree with each seeded service's authorization_state. */
void      pd_authorization_seed               (PdPortalSeed     *seed);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PdAuthorization, pd_authorization_clear)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-portal.h"

G_BEGIN_DECLS

/* The tenant admin revoked the backup's consent: an authorized service becomes consent_lost
 * (its scopes are no longer granted) and its organization needs authentication. Touches the
 * service and the organization; for the simulation. Returns FALSE when the service was not
 * authorized. */
gboolean pd_portal_authorization_lose_consent (PdPortal   *portal,
                                               gint64      service_id);

/* Between pd-portal-authorization.c and its HTML pages (pd-portal-authorization-pages.c). */

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

G_END_DECLS

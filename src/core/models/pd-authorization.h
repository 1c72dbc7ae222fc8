/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-model-enums.h"
#include "pd-resource.h"
#include "pd-resource-list.h"

G_BEGIN_DECLS

/* Where a service's onboarding stands; its id is the service's, its parent the organization. */
#define PD_TYPE_AUTHORIZATION (pd_authorization_get_type ())
G_DECLARE_FINAL_TYPE (PdAuthorization, pd_authorization, PD, AUTHORIZATION, PdResource)

const char           *pd_authorization_get_service_id              (PdAuthorization *self);
const char           *pd_authorization_get_organization_id         (PdAuthorization *self);
PdAuthorizationState  pd_authorization_get_state                   (PdAuthorization *self);
PdAuthorizationMode   pd_authorization_get_mode                    (PdAuthorization *self);
const char           *pd_authorization_get_agreement_version       (PdAuthorization *self);
const char           *pd_authorization_get_agreement_document_url  (PdAuthorization *self);
GDateTime            *pd_authorization_get_agreement_accepted_at   (PdAuthorization *self);
const char           *pd_authorization_get_agreement_accepted_by   (PdAuthorization *self);
PdResourceList       *pd_authorization_get_scopes                  (PdAuthorization *self);
const char           *pd_authorization_get_consent_url             (PdAuthorization *self);
GDateTime            *pd_authorization_get_consent_expires_at      (PdAuthorization *self);
gboolean              pd_authorization_get_has_invitation          (PdAuthorization *self);
const char           *pd_authorization_get_invitation_email        (PdAuthorization *self);
const char           *pd_authorization_get_invitation_message      (PdAuthorization *self);
GDateTime            *pd_authorization_get_invitation_sent_at      (PdAuthorization *self);
GDateTime            *pd_authorization_get_invitation_expires_at   (PdAuthorization *self);
gint64                pd_authorization_get_invitation_resend_count (PdAuthorization *self);
const char           *pd_authorization_get_invitation_accept_url   (PdAuthorization *self);
const char           *pd_authorization_get_last_error              (PdAuthorization *self);
GDateTime            *pd_authorization_get_consent_lost_at         (PdAuthorization *self);

G_END_DECLS

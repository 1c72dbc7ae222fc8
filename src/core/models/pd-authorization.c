/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-authorization.h"
#include "pd-resource-private.h"
#include "pd-authorization-scope.h"

struct _PdAuthorization
{
  PdResource parent_instance;

  char *service_id;
  char *organization_id;
  int state;
  int mode;
  char *agreement_version;
  char *agreement_document_url;
  GDateTime *agreement_accepted_at;
  char *agreement_accepted_by;
  PdResourceList *scopes;
  char *consent_url;
  GDateTime *consent_expires_at;
  gboolean has_invitation;
  char *invitation_email;
  char *invitation_message;
  GDateTime *invitation_sent_at;
  GDateTime *invitation_expires_at;
  gint64 invitation_resend_count;
  char *invitation_accept_url;
  char *last_error;
  GDateTime *consent_lost_at;
};

G_DEFINE_FINAL_TYPE (PdAuthorization, pd_authorization, PD_TYPE_RESOURCE)

static const PdField fields[] = {
  PD_FIELD_ID ("service_id"),
  PD_FIELD_PARENT_ID ("organization_id"),
  PD_FIELD_ETAG,
  PD_FIELD_UPDATED_AT,
  PD_FIELD ("service_id", "service-id", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdAuthorization, service_id),
  PD_FIELD ("organization_id", "organization-id", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdAuthorization, organization_id),
  PD_FIELD_TYPED ("state", "state", PD_FIELD_ENUM, PD_FIELD_REQUIRED, PdAuthorization, state, pd_authorization_state_get_type),
  PD_FIELD_TYPED ("mode", "mode", PD_FIELD_ENUM, PD_FIELD_NULLABLE, PdAuthorization, mode, pd_authorization_mode_get_type),
  PD_FIELD ("agreement.version", "agreement-version", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdAuthorization, agreement_version),
  PD_FIELD ("agreement.document_url", "agreement-document-url", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdAuthorization, agreement_document_url),
  PD_FIELD ("agreement.accepted_at", "agreement-accepted-at", PD_FIELD_TIME, PD_FIELD_NULLABLE, PdAuthorization, agreement_accepted_at),
  PD_FIELD ("agreement.accepted_by", "agreement-accepted-by", PD_FIELD_STRING, PD_FIELD_NULLABLE, PdAuthorization, agreement_accepted_by),
  PD_FIELD_TYPED ("scopes", "scopes", PD_FIELD_LIST, PD_FIELD_REQUIRED, PdAuthorization, scopes, pd_authorization_scope_get_type),
  PD_FIELD ("consent_url", "consent-url", PD_FIELD_STRING, PD_FIELD_NULLABLE, PdAuthorization, consent_url),
  PD_FIELD ("consent_expires_at", "consent-expires-at", PD_FIELD_TIME, PD_FIELD_NULLABLE, PdAuthorization, consent_expires_at),
  PD_FIELD ("invitation", "has-invitation", PD_FIELD_PRESENT, PD_FIELD_NULLABLE, PdAuthorization, has_invitation),
  PD_FIELD ("invitation.email", "invitation-email", PD_FIELD_STRING, PD_FIELD_PARENT_NULLABLE, PdAuthorization, invitation_email),
  PD_FIELD ("invitation.message", "invitation-message", PD_FIELD_STRING, PD_FIELD_NULLABLE | PD_FIELD_PARENT_NULLABLE, PdAuthorization, invitation_message),
  PD_FIELD ("invitation.sent_at", "invitation-sent-at", PD_FIELD_TIME, PD_FIELD_PARENT_NULLABLE, PdAuthorization, invitation_sent_at),
  PD_FIELD ("invitation.expires_at", "invitation-expires-at", PD_FIELD_TIME, PD_FIELD_PARENT_NULLABLE, PdAuthorization, invitation_expires_at),
  PD_FIELD ("invitation.resend_count", "invitation-resend-count", PD_FIELD_INT64, PD_FIELD_NON_NEGATIVE | PD_FIELD_PARENT_NULLABLE, PdAuthorization, invitation_resend_count),
  PD_FIELD ("invitation.accept_url", "invitation-accept-url", PD_FIELD_STRING, PD_FIELD_NULLABLE | PD_FIELD_PARENT_NULLABLE, PdAuthorization, invitation_accept_url),
  PD_FIELD ("last_error", "last-error", PD_FIELD_STRING, PD_FIELD_NULLABLE, PdAuthorization, last_error),
  PD_FIELD ("consent_lost_at", "consent-lost-at", PD_FIELD_TIME, PD_FIELD_NULLABLE, PdAuthorization, consent_lost_at),
};

static void
pd_authorization_class_init (PdAuthorizationClass *klass)
{
  pd_resource_class_install_fields (PD_RESOURCE_CLASS (klass), N_("Authorization"), fields,
                                    G_N_ELEMENTS (fields));
}

static void
pd_authorization_init (PdAuthorization *self)
{
}

const char *
pd_authorization_get_service_id (PdAuthorization *self)
{
  g_return_val_if_fail (PD_IS_AUTHORIZATION (self), NULL);

  return self->service_id;
}

const char *
pd_authorization_get_organization_id (PdAuthorization *self)
{
  g_return_val_if_fail (PD_IS_AUTHORIZATION (self), NULL);

  return self->organization_id;
}

PdAuthorizationState
pd_authorization_get_state (PdAuthorization *self)
{
  g_return_val_if_fail (PD_IS_AUTHORIZATION (self), (PdAuthorizationState) 0);

  return (PdAuthorizationState) self->state;
}

PdAuthorizationMode
pd_authorization_get_mode (PdAuthorization *self)
{
  g_return_val_if_fail (PD_IS_AUTHORIZATION (self), (PdAuthorizationMode) 0);

  return (PdAuthorizationMode) self->mode;
}

const char *
pd_authorization_get_agreement_version (PdAuthorization *self)
{
  g_return_val_if_fail (PD_IS_AUTHORIZATION (self), NULL);

  return self->agreement_version;
}

const char *
pd_authorization_get_agreement_document_url (PdAuthorization *self)
{
  g_return_val_if_fail (PD_IS_AUTHORIZATION (self), NULL);

  return self->agreement_document_url;
}

GDateTime *
pd_authorization_get_agreement_accepted_at (PdAuthorization *self)
{
  g_return_val_if_fail (PD_IS_AUTHORIZATION (self), NULL);

  return self->agreement_accepted_at;
}

const char *
pd_authorization_get_agreement_accepted_by (PdAuthorization *self)
{
  g_return_val_if_fail (PD_IS_AUTHORIZATION (self), NULL);

  return self->agreement_accepted_by;
}

PdResourceList *
pd_authorization_get_scopes (PdAuthorization *self)
{
  g_return_val_if_fail (PD_IS_AUTHORIZATION (self), NULL);

  return self->scopes;
}

const char *
pd_authorization_get_consent_url (PdAuthorization *self)
{
  g_return_val_if_fail (PD_IS_AUTHORIZATION (self), NULL);

  return self->consent_url;
}

GDateTime *
pd_authorization_get_consent_expires_at (PdAuthorization *self)
{
  g_return_val_if_fail (PD_IS_AUTHORIZATION (self), NULL);

  return self->consent_expires_at;
}

gboolean
pd_authorization_get_has_invitation (PdAuthorization *self)
{
  g_return_val_if_fail (PD_IS_AUTHORIZATION (self), FALSE);

  return self->has_invitation;
}

const char *
pd_authorization_get_invitation_email (PdAuthorization *self)
{
  g_return_val_if_fail (PD_IS_AUTHORIZATION (self), NULL);

  return self->invitation_email;
}

const char *
pd_authorization_get_invitation_message (PdAuthorization *self)
{
  g_return_val_if_fail (PD_IS_AUTHORIZATION (self), NULL);

  return self->invitation_message;
}

GDateTime *
pd_authorization_get_invitation_sent_at (PdAuthorization *self)
{
  g_return_val_if_fail (PD_IS_AUTHORIZATION (self), NULL);

  return self->invitation_sent_at;
}

GDateTime *
pd_authorization_get_invitation_expires_at (PdAuthorization *self)
{
  g_return_val_if_fail (PD_IS_AUTHORIZATION (self), NULL);

  return self->invitation_expires_at;
}

gint64
pd_authorization_get_invitation_resend_count (PdAuthorization *self)
{
  g_return_val_if_fail (PD_IS_AUTHORIZATION (self), 0);

  return self->invitation_resend_count;
}

const char *
pd_authorization_get_invitation_accept_url (PdAuthorization *self)
{
  g_return_val_if_fail (PD_IS_AUTHORIZATION (self), NULL);

  return self->invitation_accept_url;
}

const char *
pd_authorization_get_last_error (PdAuthorization *self)
{
  g_return_val_if_fail (PD_IS_AUTHORIZATION (self), NULL);

  return self->last_error;
}

GDateTime *
pd_authorization_get_consent_lost_at (PdAuthorization *self)
{
  g_return_val_if_fail (PD_IS_AUTHORIZATION (self), NULL);

  return self->consent_lost_at;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-service-account-candidate.h"
#include "pd-resource-private.h"

struct _PdServiceAccountCandidate
{
  PdResource parent_instance;

  char *name;
  char *domain;
  char *linked_organization_id;
};

G_DEFINE_FINAL_TYPE (PdServiceAccountCandidate, pd_service_account_candidate, PD_TYPE_RESOURCE)

static const PdField fields[] = {
  PD_FIELD_ID ("id"),
  PD_FIELD ("name", "name", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdServiceAccountCandidate, name),
  PD_FIELD ("domain", "domain", PD_FIELD_STRING, PD_FIELD_NULLABLE, PdServiceAccountCandidate, domain),
  PD_FIELD ("linked_organization_id", "linked-organization-id", PD_FIELD_STRING, PD_FIELD_NULLABLE, PdServiceAccountCandidate, linked_organization_id),
};

static void
pd_service_account_candidate_class_init (PdServiceAccountCandidateClass *klass)
{
  pd_resource_class_install_fields (PD_RESOURCE_CLASS (klass), N_("Service account"), fields,
                                    G_N_ELEMENTS (fields));
}

static void
pd_service_account_candidate_init (PdServiceAccountCandidate *self)
{
}

const char *
pd_service_account_candidate_get_name (PdServiceAccountCandidate *self)
{
  g_return_val_if_fail (PD_IS_SERVICE_ACCOUNT_CANDIDATE (self), NULL);

  return self->name;
}

const char *
pd_service_account_candidate_get_domain (PdServiceAccountCandidate *self)
{
  g_return_val_if_fail (PD_IS_SERVICE_ACCOUNT_CANDIDATE (self), NULL);

  return self->domain;
}

const char *
pd_service_account_candidate_get_linked_organization_id (PdServiceAccountCandidate *self)
{
  g_return_val_if_fail (PD_IS_SERVICE_ACCOUNT_CANDIDATE (self), NULL);

  return self->linked_organization_id;
}

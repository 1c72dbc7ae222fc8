/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-model-enums.h"
#include "pd-resource.h"

G_BEGIN_DECLS

/* A service account an organization can be linked to. */
#define PD_TYPE_SERVICE_ACCOUNT_CANDIDATE (pd_service_account_candidate_get_type ())
G_DECLARE_FINAL_TYPE (PdServiceAccountCandidate, pd_service_account_candidate, PD, SERVICE_ACCOUNT_CANDIDATE, PdResource)

const char *pd_service_account_candidate_get_name                   (PdServiceAccountCandidate *self);
const char *pd_service_account_candidate_get_domain                 (PdServiceAccountCandidate *self);
const char *pd_service_account_candidate_get_linked_organization_id (PdServiceAccountCandidate *self);

G_END_DECLS

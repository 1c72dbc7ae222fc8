/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-model-enums.h"
#include "pd-resource.h"
#include "pd-resource-list.h"

G_BEGIN_DECLS

/* A client of the partner, with its services (updated in place). */
#define PD_TYPE_ORGANIZATION (pd_organization_get_type ())
G_DECLARE_FINAL_TYPE (PdOrganization, pd_organization, PD, ORGANIZATION, PdResource)

const char           *pd_organization_get_name                       (PdOrganization *self);
const char           *pd_organization_get_name_key                   (PdOrganization *self);
const char           *pd_organization_get_email                      (PdOrganization *self);
const char           *pd_organization_get_domain                     (PdOrganization *self);
PdOrganizationStatus  pd_organization_get_status                     (PdOrganization *self);
const char           *pd_organization_get_plan_name                  (PdOrganization *self);
PdPlanType            pd_organization_get_plan_type                  (PdOrganization *self);
gint64                pd_organization_get_plan_price_cents           (PdOrganization *self);
const char           *pd_organization_get_plan_currency              (PdOrganization *self);
PdRegion              pd_organization_get_region                     (PdOrganization *self);
const char           *pd_organization_get_country                    (PdOrganization *self);
PdCredentialStatus    pd_organization_get_credential_status          (PdOrganization *self);
PdRelationship        pd_organization_get_relationship               (PdOrganization *self);
PdMappingStatus       pd_organization_get_mapping_status             (PdOrganization *self);
const char           *pd_organization_get_mapping_service_account_id (PdOrganization *self);
gboolean              pd_organization_get_admin_access               (PdOrganization *self);
gint64                pd_organization_get_storage_bytes              (PdOrganization *self);
PdResourceList       *pd_organization_get_services                   (PdOrganization *self);

G_END_DECLS

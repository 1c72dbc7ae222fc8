/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-organization.h"
#include "pd-resource-private.h"
#include "pd-service.h"

struct _PdOrganization
{
  PdResource parent_instance;

  char *name;
  char *email;
  char *domain;
  int status;
  char *plan_name;
  int plan_type;
  gint64 plan_price_cents;
  char *plan_currency;
  int region;
  char *country;
  int credential_status;
  int relationship;
  int mapping_status;
  char *mapping_service_account_id;
  gboolean admin_access;
  gint64 storage_bytes;
  PdResourceList *services;

  char *name_key;            /* pd_organization_get_name_key(), made once per revision */
  guint name_key_revision;
};

G_DEFINE_FINAL_TYPE (PdOrganization, pd_organization, PD_TYPE_RESOURCE)

static const PdField fields[] = {
  PD_FIELD_ID ("id"),
  PD_FIELD_ETAG,
  PD_FIELD_CREATED_AT,
  PD_FIELD_UPDATED_AT,
  PD_FIELD ("name", "name", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdOrganization, name),
  PD_FIELD ("email", "email", PD_FIELD_STRING, PD_FIELD_NULLABLE, PdOrganization, email),
  PD_FIELD ("domain", "domain", PD_FIELD_STRING, PD_FIELD_NULLABLE, PdOrganization, domain),
  PD_FIELD_TYPED ("status", "status", PD_FIELD_ENUM, PD_FIELD_REQUIRED, PdOrganization, status, pd_organization_status_get_type),
  PD_FIELD ("plan.name", "plan-name", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdOrganization, plan_name),
  PD_FIELD_TYPED ("plan.type", "plan-type", PD_FIELD_ENUM, PD_FIELD_REQUIRED, PdOrganization, plan_type, pd_plan_type_get_type),
  PD_FIELD ("plan.price_cents", "plan-price-cents", PD_FIELD_INT64, PD_FIELD_NON_NEGATIVE, PdOrganization, plan_price_cents),
  PD_FIELD ("plan.currency", "plan-currency", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdOrganization, plan_currency),
  PD_FIELD_TYPED ("region", "region", PD_FIELD_ENUM, PD_FIELD_REQUIRED, PdOrganization, region, pd_region_get_type),
  PD_FIELD ("country", "country", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdOrganization, country),
  PD_FIELD_TYPED ("credential_status", "credential-status", PD_FIELD_ENUM, PD_FIELD_REQUIRED, PdOrganization, credential_status, pd_credential_status_get_type),
  PD_FIELD_TYPED ("relationship", "relationship", PD_FIELD_ENUM, PD_FIELD_REQUIRED, PdOrganization, relationship, pd_relationship_get_type),
  PD_FIELD_TYPED ("mapping.status", "mapping-status", PD_FIELD_ENUM, PD_FIELD_REQUIRED, PdOrganization, mapping_status, pd_mapping_status_get_type),
  PD_FIELD ("mapping.service_account_id", "mapping-service-account-id", PD_FIELD_STRING, PD_FIELD_NULLABLE, PdOrganization, mapping_service_account_id),
  PD_FIELD ("admin_access", "admin-access", PD_FIELD_BOOL, PD_FIELD_REQUIRED, PdOrganization, admin_access),
  PD_FIELD ("storage_bytes", "storage-bytes", PD_FIELD_INT64, PD_FIELD_NON_NEGATIVE, PdOrganization, storage_bytes),
  PD_FIELD_TYPED ("services", "services", PD_FIELD_LIST, PD_FIELD_REQUIRED, PdOrganization, services, pd_service_get_type),
};

static void
pd_organization_finalize (GObject *object)
{
  g_free (PD_ORGANIZATION (object)->name_key);
  G_OBJECT_CLASS (pd_organization_parent_class)->finalize (object);
}

static void
pd_organization_class_init (PdOrganizationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pd_organization_finalize;
  pd_resource_class_install_fields (PD_RESOURCE_CLASS (klass), N_("Organization"), fields,
                                    G_N_ELEMENTS (fields));
}

static void
pd_organization_init (PdOrganization *self)
{
}

const char *
pd_organization_get_name (PdOrganization *self)
{
  g_return_val_if_fail (PD_IS_ORGANIZATION (self), NULL);

  return self->name;
}

/**
 * pd_organization_get_name_key:
 *
 * The name's collation key, case folded first (the C locale's collation would put
 * "harbor" after "Zenith"): what lists of clients sort by, compared with strcmp().
 * Made when first asked for and again when the organization changed.
 */
const char *
pd_organization_get_name_key (PdOrganization *self)
{
  guint revision;

  g_return_val_if_fail (PD_IS_ORGANIZATION (self), "");

  revision = pd_resource_get_revision (PD_RESOURCE (self));
  if (self->name_key == NULL || self->name_key_revision != revision)
    {
      g_autofree char *folded = g_utf8_casefold (self->name != NULL ? self->name : "", -1);

      g_free (self->name_key);
      self->name_key = g_utf8_collate_key (folded, -1);
      self->name_key_revision = revision;
    }
  return self->name_key;
}

const char *
pd_organization_get_email (PdOrganization *self)
{
  g_return_val_if_fail (PD_IS_ORGANIZATION (self), NULL);

  return self->email;
}

const char *
pd_organization_get_domain (PdOrganization *self)
{
  g_return_val_if_fail (PD_IS_ORGANIZATION (self), NULL);

  return self->domain;
}

PdOrganizationStatus
pd_organization_get_status (PdOrganization *self)
{
  g_return_val_if_fail (PD_IS_ORGANIZATION (self), (PdOrganizationStatus) 0);

  return (PdOrganizationStatus) self->status;
}

const char *
pd_organization_get_plan_name (PdOrganization *self)
{
  g_return_val_if_fail (PD_IS_ORGANIZATION (self), NULL);

  return self->plan_name;
}

PdPlanType
pd_organization_get_plan_type (PdOrganization *self)
{
  g_return_val_if_fail (PD_IS_ORGANIZATION (self), (PdPlanType) 0);

  return (PdPlanType) self->plan_type;
}

gint64
pd_organization_get_plan_price_cents (PdOrganization *self)
{
  g_return_val_if_fail (PD_IS_ORGANIZATION (self), 0);

  return self->plan_price_cents;
}

const char *
pd_organization_get_plan_currency (PdOrganization *self)
{
  g_return_val_if_fail (PD_IS_ORGANIZATION (self), NULL);

  return self->plan_currency;
}

PdRegion
pd_organization_get_region (PdOrganization *self)
{
  g_return_val_if_fail (PD_IS_ORGANIZATION (self), (PdRegion) 0);

  return (PdRegion) self->region;
}

const char *
pd_organization_get_country (PdOrganization *self)
{
  g_return_val_if_fail (PD_IS_ORGANIZATION (self), NULL);

  return self->country;
}

PdCredentialStatus
pd_organization_get_credential_status (PdOrganization *self)
{
  g_return_val_if_fail (PD_IS_ORGANIZATION (self), (PdCredentialStatus) 0);

  return (PdCredentialStatus) self->credential_status;
}

PdRelationship
pd_organization_get_relationship (PdOrganization *self)
{
  g_return_val_if_fail (PD_IS_ORGANIZATION (self), (PdRelationship) 0);

  return (PdRelationship) self->relationship;
}

PdMappingStatus
pd_organization_get_mapping_status (PdOrganization *self)
{
  g_return_val_if_fail (PD_IS_ORGANIZATION (self), (PdMappingStatus) 0);

  return (PdMappingStatus) self->mapping_status;
}

const char *
pd_organization_get_mapping_service_account_id (PdOrganization *self)
{
  g_return_val_if_fail (PD_IS_ORGANIZATION (self), NULL);

  return self->mapping_service_account_id;
}

gboolean
pd_organization_get_admin_access (PdOrganization *self)
{
  g_return_val_if_fail (PD_IS_ORGANIZATION (self), FALSE);

  return self->admin_access;
}

gint64
pd_organization_get_storage_bytes (PdOrganization *self)
{
  g_return_val_if_fail (PD_IS_ORGANIZATION (self), 0);

  return self->storage_bytes;
}

PdResourceList *
pd_organization_get_services (PdOrganization *self)
{
  g_return_val_if_fail (PD_IS_ORGANIZATION (self), NULL);

  return self->services;
}

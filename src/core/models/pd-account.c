/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-account.h"
#include "pd-resource-private.h"
#include "pd-account-section.h"

struct _PdAccount
{
  PdResource parent_instance;

  char *organization_id;
  char *service_id;
  int kind;
  char *display_name;
  char *email;
  char *external_id;
  int protection;
  int status;
  gint64 storage_bytes;
  gint64 item_count;
  GDateTime *last_backup_at;
  int backup_status;
  PdResourceList *sections;
};

G_DEFINE_FINAL_TYPE (PdAccount, pd_account, PD_TYPE_RESOURCE)

static const PdField fields[] = {
  PD_FIELD_ID ("id"),
  PD_FIELD_ETAG,
  PD_FIELD_CREATED_AT,
  PD_FIELD_UPDATED_AT,
  PD_FIELD_PARENT_ID ("service_id"),
  PD_FIELD ("organization_id", "organization-id", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdAccount, organization_id),
  PD_FIELD ("service_id", "service-id", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdAccount, service_id),
  PD_FIELD_TYPED ("kind", "kind", PD_FIELD_ENUM, PD_FIELD_REQUIRED, PdAccount, kind, pd_account_type_get_type),
  PD_FIELD ("display_name", "display-name", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdAccount, display_name),
  PD_FIELD ("email", "email", PD_FIELD_STRING, PD_FIELD_NULLABLE, PdAccount, email),
  PD_FIELD ("external_id", "external-id", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdAccount, external_id),
  PD_FIELD_TYPED ("protection", "protection", PD_FIELD_ENUM, PD_FIELD_REQUIRED, PdAccount, protection, pd_account_protection_get_type),
  PD_FIELD_TYPED ("status", "status", PD_FIELD_ENUM, PD_FIELD_REQUIRED, PdAccount, status, pd_account_status_get_type),
  PD_FIELD ("storage_bytes", "storage-bytes", PD_FIELD_INT64, PD_FIELD_NON_NEGATIVE, PdAccount, storage_bytes),
  PD_FIELD ("item_count", "item-count", PD_FIELD_INT64, PD_FIELD_NON_NEGATIVE, PdAccount, item_count),
  PD_FIELD ("last_backup_at", "last-backup-at", PD_FIELD_TIME, PD_FIELD_NULLABLE, PdAccount, last_backup_at),
  PD_FIELD_TYPED ("backup_status", "backup-status", PD_FIELD_ENUM, PD_FIELD_REQUIRED, PdAccount, backup_status, pd_backup_status_get_type),
  PD_FIELD_TYPED ("sections", "sections", PD_FIELD_LIST, PD_FIELD_REQUIRED, PdAccount, sections, pd_account_section_get_type),
};

static void
pd_account_class_init (PdAccountClass *klass)
{
  pd_resource_class_install_fields (PD_RESOURCE_CLASS (klass), N_("Account"), fields,
                                    G_N_ELEMENTS (fields));
}

static void
pd_account_init (PdAccount *self)
{
}

const char *
pd_account_get_organization_id (PdAccount *self)
{
  g_return_val_if_fail (PD_IS_ACCOUNT (self), NULL);

  return self->organization_id;
}

const char *
pd_account_get_service_id (PdAccount *self)
{
  g_return_val_if_fail (PD_IS_ACCOUNT (self), NULL);

  return self->service_id;
}

PdAccountType
pd_account_get_kind (PdAccount *self)
{
  g_return_val_if_fail (PD_IS_ACCOUNT (self), (PdAccountType) 0);

  return (PdAccountType) self->kind;
}

const char *
pd_account_get_display_name (PdAccount *self)
{
  g_return_val_if_fail (PD_IS_ACCOUNT (self), NULL);

  return self->display_name;
}

const char *
pd_account_get_email (PdAccount *self)
{
  g_return_val_if_fail (PD_IS_ACCOUNT (self), NULL);

  return self->email;
}

const char *
pd_account_get_external_id (PdAccount *self)
{
  g_return_val_if_fail (PD_IS_ACCOUNT (self), NULL);

  return self->external_id;
}

PdAccountProtection
pd_account_get_protection (PdAccount *self)
{
  g_return_val_if_fail (PD_IS_ACCOUNT (self), (PdAccountProtection) 0);

  return (PdAccountProtection) self->protection;
}

PdAccountStatus
pd_account_get_status (PdAccount *self)
{
  g_return_val_if_fail (PD_IS_ACCOUNT (self), (PdAccountStatus) 0);

  return (PdAccountStatus) self->status;
}

gint64
pd_account_get_storage_bytes (PdAccount *self)
{
  g_return_val_if_fail (PD_IS_ACCOUNT (self), 0);

  return self->storage_bytes;
}

gint64
pd_account_get_item_count (PdAccount *self)
{
  g_return_val_if_fail (PD_IS_ACCOUNT (self), 0);

  return self->item_count;
}

GDateTime *
pd_account_get_last_backup_at (PdAccount *self)
{
  g_return_val_if_fail (PD_IS_ACCOUNT (self), NULL);

  return self->last_backup_at;
}

PdBackupStatus
pd_account_get_backup_status (PdAccount *self)
{
  g_return_val_if_fail (PD_IS_ACCOUNT (self), (PdBackupStatus) 0);

  return (PdBackupStatus) self->backup_status;
}

PdResourceList *
pd_account_get_sections (PdAccount *self)
{
  g_return_val_if_fail (PD_IS_ACCOUNT (self), NULL);

  return self->sections;
}

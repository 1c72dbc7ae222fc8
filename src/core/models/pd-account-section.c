/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-account-section.h"
#include "pd-resource-private.h"

struct _PdAccountSection
{
  PdResource parent_instance;

  int data_type;
  int status;
  GDateTime *added_at;
  GDateTime *last_backup_at;
  int last_result;
};

G_DEFINE_FINAL_TYPE (PdAccountSection, pd_account_section, PD_TYPE_RESOURCE)

static const PdField fields[] = {
  PD_FIELD_ID ("data_type"),
  PD_FIELD_TYPED ("data_type", "data-type", PD_FIELD_ENUM, PD_FIELD_REQUIRED, PdAccountSection, data_type, pd_section_data_type_get_type),
  PD_FIELD_TYPED ("status", "status", PD_FIELD_ENUM, PD_FIELD_REQUIRED, PdAccountSection, status, pd_section_status_get_type),
  PD_FIELD ("added_at", "added-at", PD_FIELD_TIME, PD_FIELD_NULLABLE, PdAccountSection, added_at),
  PD_FIELD ("last_backup_at", "last-backup-at", PD_FIELD_TIME, PD_FIELD_NULLABLE, PdAccountSection, last_backup_at),
  PD_FIELD_TYPED ("last_result", "last-result", PD_FIELD_ENUM, PD_FIELD_NULLABLE, PdAccountSection, last_result, pd_backup_result_get_type),
};

static void
pd_account_section_class_init (PdAccountSectionClass *klass)
{
  pd_resource_class_install_fields (PD_RESOURCE_CLASS (klass), N_("Account section"), fields,
                                    G_N_ELEMENTS (fields));
}

static void
pd_account_section_init (PdAccountSection *self)
{
}

PdSectionDataType
pd_account_section_get_data_type (PdAccountSection *self)
{
  g_return_val_if_fail (PD_IS_ACCOUNT_SECTION (self), (PdSectionDataType) 0);

  return (PdSectionDataType) self->data_type;
}

PdSectionStatus
pd_account_section_get_status (PdAccountSection *self)
{
  g_return_val_if_fail (PD_IS_ACCOUNT_SECTION (self), (PdSectionStatus) 0);

  return (PdSectionStatus) self->status;
}

GDateTime *
pd_account_section_get_added_at (PdAccountSection *self)
{
  g_return_val_if_fail (PD_IS_ACCOUNT_SECTION (self), NULL);

  return self->added_at;
}

GDateTime *
pd_account_section_get_last_backup_at (PdAccountSection *self)
{
  g_return_val_if_fail (PD_IS_ACCOUNT_SECTION (self), NULL);

  return self->last_backup_at;
}

PdBackupResult
pd_account_section_get_last_result (PdAccountSection *self)
{
  g_return_val_if_fail (PD_IS_ACCOUNT_SECTION (self), (PdBackupResult) 0);

  return (PdBackupResult) self->last_result;
}

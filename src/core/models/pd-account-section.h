/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-model-enums.h"
#include "pd-resource.h"

G_BEGIN_DECLS

/* The backup of one data type of an account; its id is the data type. */
#define PD_TYPE_ACCOUNT_SECTION (pd_account_section_get_type ())
G_DECLARE_FINAL_TYPE (PdAccountSection, pd_account_section, PD, ACCOUNT_SECTION, PdResource)

PdSectionDataType  pd_account_section_get_data_type      (PdAccountSection *self);
PdSectionStatus    pd_account_section_get_status         (PdAccountSection *self);
GDateTime         *pd_account_section_get_added_at       (PdAccountSection *self);
GDateTime         *pd_account_section_get_last_backup_at (PdAccountSection *self);
PdBackupResult     pd_account_section_get_last_result    (PdAccountSection *self);

G_END_DECLS

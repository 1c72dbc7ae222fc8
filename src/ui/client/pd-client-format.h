/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-account.h"
#include "pd-account-section.h"
#include "pd-badge-state.h"
#include "pd-organization.h"

G_BEGIN_DECLS

/* Translated words for the enums the client and account pages show, shared by the accounts
 * table, its CSV and the account page, so the three always say the same. */
const char   *pd_client_format_account_type        (PdAccountType        kind);
/* Plural, for the type filter ("Shared mailboxes") */
const char   *pd_client_format_account_type_plural (PdAccountType        kind);
const char   *pd_client_format_protection          (PdAccountProtection  protection);
/* A symbolic icon for the protection, shown beside its word */
const char   *pd_client_format_protection_icon     (PdAccountProtection  protection);
const char   *pd_client_format_account_status      (PdAccountStatus      status);
PdBadgeState  pd_client_format_backup_status_badge (PdBackupStatus       status);
const char   *pd_client_format_data_type           (PdSectionDataType    data_type);
const char   *pd_client_format_data_type_icon      (PdSectionDataType    data_type);
const char   *pd_client_format_section_status      (PdSectionStatus      status);
/* "No backup yet" for NONE */
const char   *pd_client_format_backup_result       (PdBackupResult       result);
PdBadgeState  pd_client_format_backup_result_badge (PdBackupResult       result);
/* An absolute date and time for tooltips and CSV ("2026-11-23 14:02"), NULL for NULL */
char         *pd_client_format_date_time           (GDateTime           *when);

const char   *pd_client_format_organization_status (PdOrganizationStatus status);
const char   *pd_client_format_plan_type           (PdPlanType           type);
const char   *pd_client_format_region              (PdRegion             region);
const char   *pd_client_format_relationship        (PdRelationship       relationship);
const char   *pd_client_format_management_mode     (PdManagementMode     mode);

G_END_DECLS

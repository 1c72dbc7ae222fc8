/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "pd-client-format.h"

const char *
pd_client_format_account_type (PdAccountType kind)
{
  switch (kind)
    {
    case PD_ACCOUNT_TYPE_USER: return _("User");
    case PD_ACCOUNT_TYPE_SHARED_MAILBOX: return _("Shared mailbox");
    case PD_ACCOUNT_TYPE_SITE: return _("Site");
    case PD_ACCOUNT_TYPE_TEAM: return _("Team");
    case PD_ACCOUNT_TYPE_SHARED_DRIVE: return _("Shared drive");
    case PD_ACCOUNT_TYPE_UNKNOWN:
    default: return C_("account type", "Other");
    }
}

const char *
pd_client_format_account_type_plural (PdAccountType kind)
{
  switch (kind)
    {
    case PD_ACCOUNT_TYPE_USER: return _("Users");
    case PD_ACCOUNT_TYPE_SHARED_MAILBOX: return _("Shared mailboxes");
    case PD_ACCOUNT_TYPE_SITE: return _("Sites");
    case PD_ACCOUNT_TYPE_TEAM: return C_("account types", "Teams");
    case PD_ACCOUNT_TYPE_SHARED_DRIVE: return C_("account types", "Shared drives");
    case PD_ACCOUNT_TYPE_UNKNOWN:
    default: return C_("account types", "Other");
    }
}

const char *
pd_client_format_protection (PdAccountProtection protection)
{
  switch (protection)
    {
    case PD_ACCOUNT_PROTECTION_PROTECTED: return _("Protected");
    case PD_ACCOUNT_PROTECTION_PAUSED: return _("Paused");
    case PD_ACCOUNT_PROTECTION_UNPROTECTED: return _("Unprotected");
    case PD_ACCOUNT_PROTECTION_UNKNOWN:
    default: return C_("protection", "Unknown");
    }
}

const char *
pd_client_format_protection_icon (PdAccountProtection protection)
{
  switch (protection)
    {
    case PD_ACCOUNT_PROTECTION_PROTECTED: return "security-high-symbolic";
    case PD_ACCOUNT_PROTECTION_PAUSED: return "media-playback-pause-symbolic";
    case PD_ACCOUNT_PROTECTION_UNPROTECTED: return "security-low-symbolic";
    case PD_ACCOUNT_PROTECTION_UNKNOWN:
    default: return "dialog-question-symbolic";
    }
}

const char *
pd_client_format_account_status (PdAccountStatus status)
{
  switch (status)
    {
    case PD_ACCOUNT_STATUS_ACTIVE: return C_("account status", "Active");
    case PD_ACCOUNT_STATUS_DEACTIVATED: return _("Deactivated in the tenant");
    case PD_ACCOUNT_STATUS_DELETED: return _("Deleted in the tenant");
    case PD_ACCOUNT_STATUS_UNKNOWN:
    default: return C_("account status", "Unknown");
    }
}

PdBadgeState
pd_client_format_backup_status_badge (PdBackupStatus status)
{
  switch (status)
    {
    case PD_BACKUP_STATUS_SUCCESS: return PD_BADGE_STATE_SUCCESS;
    case PD_BACKUP_STATUS_RUNNING: return PD_BADGE_STATE_RUNNING;
    case PD_BACKUP_STATUS_RETRYING: return PD_BADGE_STATE_RETRYING;
    case PD_BACKUP_STATUS_WARNING: return PD_BADGE_STATE_WARNING;
    case PD_BACKUP_STATUS_FAILED: return PD_BADGE_STATE_FAILED;
    case PD_BACKUP_STATUS_PAUSED: return PD_BADGE_STATE_PAUSED;
    case PD_BACKUP_STATUS_NEVER_RUN: return PD_BADGE_STATE_NEVER_RUN;
    case PD_BACKUP_STATUS_UNKNOWN:
    default: return PD_BADGE_STATE_UNKNOWN;
    }
}

const char *
pd_client_format_data_type (PdSectionDataType data_type)
{
  switch (data_type)
    {
    case PD_SECTION_DATA_TYPE_EMAIL: return _("Email");
    case PD_SECTION_DATA_TYPE_DRIVE: return _("Files");
    case PD_SECTION_DATA_TYPE_CALENDAR: return _("Calendar");
    case PD_SECTION_DATA_TYPE_CONTACTS: return _("Contacts");
    case PD_SECTION_DATA_TYPE_TASKS: return _("Tasks");
    case PD_SECTION_DATA_TYPE_UNKNOWN:
    default: return C_("data type", "Other data");
    }
}

const char *
pd_client_format_data_type_icon (PdSectionDataType data_type)
{
  switch (data_type)
    {
    case PD_SECTION_DATA_TYPE_EMAIL: return "mail-unread-symbolic";
    case PD_SECTION_DATA_TYPE_DRIVE: return "folder-documents-symbolic";
    case PD_SECTION_DATA_TYPE_CALENDAR: return "x-office-calendar-symbolic";
    case PD_SECTION_DATA_TYPE_CONTACTS: return "x-office-address-book-symbolic";
    case PD_SECTION_DATA_TYPE_TASKS: return "checkbox-checked-symbolic";
    case PD_SECTION_DATA_TYPE_UNKNOWN:
    default: return "drive-harddisk-symbolic";
    }
}

const char *
pd_client_format_section_status (PdSectionStatus status)
{
  switch (status)
    {
    case PD_SECTION_STATUS_ACTIVE: return _("Backed up on schedule");
    case PD_SECTION_STATUS_RUNNING: return _("Backing up now");
    case PD_SECTION_STATUS_RETRYING: return _("Retrying a backup");
    case PD_SECTION_STATUS_PAUSED: return _("Paused");
    case PD_SECTION_STATUS_INACTIVE: return _("Not protected");
    case PD_SECTION_STATUS_UNKNOWN:
    default: return C_("section status", "Unknown");
    }
}

const char *
pd_client_format_backup_result (PdBackupResult result)
{
  switch (result)
    {
    case PD_BACKUP_RESULT_NONE: return _("No backup yet");
    case PD_BACKUP_RESULT_SUCCESS: return C_("backup result", "Succeeded");
    case PD_BACKUP_RESULT_WARNING: return C_("backup result", "Partly succeeded");
    case PD_BACKUP_RESULT_FAILED: return C_("backup result", "Failed");
    case PD_BACKUP_RESULT_UNKNOWN:
    default: return C_("backup result", "Unknown");
    }
}

PdBadgeState
pd_client_format_backup_result_badge (PdBackupResult result)
{
  switch (result)
    {
    case PD_BACKUP_RESULT_NONE: return PD_BADGE_STATE_NEVER_RUN;
    case PD_BACKUP_RESULT_SUCCESS: return PD_BADGE_STATE_SUCCESS;
    case PD_BACKUP_RESULT_WARNING: return PD_BADGE_STATE_WARNING;
    case PD_BACKUP_RESULT_FAILED: return PD_BADGE_STATE_FAILED;
    case PD_BACKUP_RESULT_UNKNOWN:
    default: return PD_BADGE_STATE_UNKNOWN;
    }
}

char *
pd_client_format_date_time (GDateTime *when)
{
  g_autoptr(GDateTime) local = NULL;

  if (when == NULL)
    return NULL;
  local = g_date_time_to_local (when);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

const char *
pd_client_format_organization_status (PdOrganizationStatus status)
{
  switch (status)
    {
    case PD_ORGANIZATION_STATUS_ACTIVE: return C_("client status", "Active");
    case PD_ORGANIZATION_STATUS_SUSPENDED: return C_("client status", "Suspended");
    case PD_ORGANIZATION_STATUS_UNSUBSCRIBED: return C_("client status", "Unsubscribed");
    case PD_ORGANIZATION_STATUS_DELETED: return C_("client status", "Deleted");
    case PD_ORGANIZATION_STATUS_UNKNOWN:
    default: return C_("client status", "Unknown status");
    }
}

const char *
pd_client_format_plan_type (PdPlanType type)
{
  switch (type)
    {
    case PD_PLAN_TYPE_PERSONAL: return C_("plan type", "Personal");
    case PD_PLAN_TYPE_BACKUP: return C_("plan type", "Backup");
    case PD_PLAN_TYPE_ARCHIVER: return C_("plan type", "Archiver");
    case PD_PLAN_TYPE_UNKNOWN:
    default: return C_("plan type", "Other");
    }
}

const char *
pd_client_format_region (PdRegion region)
{
  switch (region)
    {
    case PD_REGION_US: return C_("region", "US");
    case PD_REGION_EU: return C_("region", "EU");
    case PD_REGION_UK: return C_("region", "UK");
    case PD_REGION_CA: return C_("region", "Canada");
    case PD_REGION_AU: return C_("region", "Australia");
    case PD_REGION_JP: return C_("region", "Japan");
    case PD_REGION_BR: return C_("region", "Brazil");
    case PD_REGION_UNKNOWN:
    default: return C_("region", "Unknown region");
    }
}

const char *
pd_client_format_relationship (PdRelationship relationship)
{
  switch (relationship)
    {
    case PD_RELATIONSHIP_MSP: return _("Managed service provider");
    case PD_RELATIONSHIP_RESELLER: return _("Reseller");
    case PD_RELATIONSHIP_UNKNOWN:
    default: return C_("relationship", "Unknown relationship");
    }
}

const char *
pd_client_format_management_mode (PdManagementMode mode)
{
  switch (mode)
    {
    case PD_MANAGEMENT_MODE_PARTNER: return _("Partner-managed");
    case PD_MANAGEMENT_MODE_CLIENT: return _("Client-managed");
    case PD_MANAGEMENT_MODE_CO_MANAGED: return _("Co-managed");
    case PD_MANAGEMENT_MODE_UNKNOWN:
    default: return C_("management", "Unknown management");
    }
}

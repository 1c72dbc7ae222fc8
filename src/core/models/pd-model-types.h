/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The enumerations of the contract. Every one starts with *_UNKNOWN = 0, which a value this
 * version does not know maps to (the text stays available through
 * pd_resource_get_enum_text()); the nicks are the contract's values. GTypes and
 * PD_TYPE_* macros are generated into pd-model-enums.h: include that one. */

/* Account.kind */
typedef enum {
  PD_ACCOUNT_TYPE_UNKNOWN = 0, /*< nick=unknown >*/
  PD_ACCOUNT_TYPE_USER, /*< nick=user >*/
  PD_ACCOUNT_TYPE_SHARED_MAILBOX, /*< nick=shared_mailbox >*/
  PD_ACCOUNT_TYPE_SITE, /*< nick=site >*/
  PD_ACCOUNT_TYPE_TEAM, /*< nick=team >*/
  PD_ACCOUNT_TYPE_SHARED_DRIVE, /*< nick=shared_drive >*/
} PdAccountType;

/* Account.protection */
typedef enum {
  PD_ACCOUNT_PROTECTION_UNKNOWN = 0, /*< nick=unknown >*/
  PD_ACCOUNT_PROTECTION_PROTECTED, /*< nick=protected >*/
  PD_ACCOUNT_PROTECTION_PAUSED, /*< nick=paused >*/
  PD_ACCOUNT_PROTECTION_UNPROTECTED, /*< nick=unprotected >*/
} PdAccountProtection;

/* Account.status */
typedef enum {
  PD_ACCOUNT_STATUS_UNKNOWN = 0, /*< nick=unknown >*/
  PD_ACCOUNT_STATUS_ACTIVE, /*< nick=active >*/
  PD_ACCOUNT_STATUS_DEACTIVATED, /*< nick=deactivated >*/
  PD_ACCOUNT_STATUS_DELETED, /*< nick=deleted >*/
} PdAccountStatus;

/* Account.backup_status and Service.backup_status */
typedef enum {
  PD_BACKUP_STATUS_UNKNOWN = 0, /*< nick=unknown >*/
  PD_BACKUP_STATUS_SUCCESS, /*< nick=success >*/
  PD_BACKUP_STATUS_RUNNING, /*< nick=running >*/
  PD_BACKUP_STATUS_RETRYING, /*< nick=retrying >*/
  PD_BACKUP_STATUS_WARNING, /*< nick=warning >*/
  PD_BACKUP_STATUS_FAILED, /*< nick=failed >*/
  PD_BACKUP_STATUS_PAUSED, /*< nick=paused >*/
  PD_BACKUP_STATUS_NEVER_RUN, /*< nick=never_run >*/
} PdBackupStatus;

/* AccountSection.data_type */
typedef enum {
  PD_SECTION_DATA_TYPE_UNKNOWN = 0, /*< nick=unknown >*/
  PD_SECTION_DATA_TYPE_EMAIL, /*< nick=email >*/
  PD_SECTION_DATA_TYPE_DRIVE, /*< nick=drive >*/
  PD_SECTION_DATA_TYPE_CALENDAR, /*< nick=calendar >*/
  PD_SECTION_DATA_TYPE_CONTACTS, /*< nick=contacts >*/
  PD_SECTION_DATA_TYPE_TASKS, /*< nick=tasks >*/
} PdSectionDataType;

/* AccountSection.status */
typedef enum {
  PD_SECTION_STATUS_UNKNOWN = 0, /*< nick=unknown >*/
  PD_SECTION_STATUS_ACTIVE, /*< nick=active >*/
  PD_SECTION_STATUS_RUNNING, /*< nick=running >*/
  PD_SECTION_STATUS_RETRYING, /*< nick=retrying >*/
  PD_SECTION_STATUS_PAUSED, /*< nick=paused >*/
  PD_SECTION_STATUS_INACTIVE, /*< nick=inactive >*/
} PdSectionStatus;

/* AccountSection.last_result; NONE: null, before the first backup */
typedef enum {
  PD_BACKUP_RESULT_UNKNOWN = 0, /*< nick=unknown >*/
  PD_BACKUP_RESULT_NONE, /*< nick=none >*/
  PD_BACKUP_RESULT_SUCCESS, /*< nick=success >*/
  PD_BACKUP_RESULT_WARNING, /*< nick=warning >*/
  PD_BACKUP_RESULT_FAILED, /*< nick=failed >*/
} PdBackupResult;

/* Organization.status */
typedef enum {
  PD_ORGANIZATION_STATUS_UNKNOWN = 0, /*< nick=unknown >*/
  PD_ORGANIZATION_STATUS_ACTIVE, /*< nick=active >*/
  PD_ORGANIZATION_STATUS_SUSPENDED, /*< nick=suspended >*/
  PD_ORGANIZATION_STATUS_UNSUBSCRIBED, /*< nick=unsubscribed >*/
  PD_ORGANIZATION_STATUS_DELETED, /*< nick=deleted >*/
} PdOrganizationStatus;

/* Organization.plan.type */
typedef enum {
  PD_PLAN_TYPE_UNKNOWN = 0, /*< nick=unknown >*/
  PD_PLAN_TYPE_PERSONAL, /*< nick=personal >*/
  PD_PLAN_TYPE_BACKUP, /*< nick=backup >*/
  PD_PLAN_TYPE_ARCHIVER, /*< nick=archiver >*/
} PdPlanType;

/* Organization.region */
typedef enum {
  PD_REGION_UNKNOWN = 0, /*< nick=unknown >*/
  PD_REGION_US, /*< nick=us >*/
  PD_REGION_EU, /*< nick=eu >*/
  PD_REGION_UK, /*< nick=uk >*/
  PD_REGION_CA, /*< nick=ca >*/
  PD_REGION_AU, /*< nick=au >*/
  PD_REGION_JP, /*< nick=jp >*/
  PD_REGION_BR, /*< nick=br >*/
} PdRegion;

/* Organization.relationship */
typedef enum {
  PD_RELATIONSHIP_UNKNOWN = 0, /*< nick=unknown >*/
  PD_RELATIONSHIP_MSP, /*< nick=msp >*/
  PD_RELATIONSHIP_RESELLER, /*< nick=reseller >*/
} PdRelationship;

/* Organization.credential_status */
typedef enum {
  PD_CREDENTIAL_STATUS_UNKNOWN = 0, /*< nick=unknown >*/
  PD_CREDENTIAL_STATUS_OK, /*< nick=ok >*/
  PD_CREDENTIAL_STATUS_NEEDS_AUTHENTICATION, /*< nick=needs_authentication >*/
} PdCredentialStatus;

/* Organization.mapping.status */
typedef enum {
  PD_MAPPING_STATUS_UNKNOWN = 0, /*< nick=unknown >*/
  PD_MAPPING_STATUS_MAPPED, /*< nick=mapped >*/
  PD_MAPPING_STATUS_UNMAPPED, /*< nick=unmapped >*/
} PdMappingStatus;

/* Service.suite */
typedef enum {
  PD_SERVICE_SUITE_UNKNOWN = 0, /*< nick=unknown >*/
  PD_SERVICE_SUITE_MICROSOFT365, /*< nick=microsoft365 >*/
  PD_SERVICE_SUITE_GOOGLE_WORKSPACE, /*< nick=google_workspace >*/
} PdServiceSuite;

/* Service.application */
typedef enum {
  PD_SERVICE_APPLICATION_UNKNOWN = 0, /*< nick=unknown >*/
  PD_SERVICE_APPLICATION_EXCHANGE, /*< nick=exchange >*/
  PD_SERVICE_APPLICATION_ONEDRIVE, /*< nick=onedrive >*/
  PD_SERVICE_APPLICATION_SHAREPOINT, /*< nick=sharepoint >*/
  PD_SERVICE_APPLICATION_TEAMS, /*< nick=teams >*/
  PD_SERVICE_APPLICATION_GMAIL, /*< nick=gmail >*/
  PD_SERVICE_APPLICATION_DRIVE, /*< nick=drive >*/
  PD_SERVICE_APPLICATION_CALENDAR, /*< nick=calendar >*/
  PD_SERVICE_APPLICATION_CONTACTS, /*< nick=contacts >*/
  PD_SERVICE_APPLICATION_SHARED_DRIVES, /*< nick=shared_drives >*/
} PdServiceApplication;

/* Service.management_mode */
typedef enum {
  PD_MANAGEMENT_MODE_UNKNOWN = 0, /*< nick=unknown >*/
  PD_MANAGEMENT_MODE_PARTNER, /*< nick=partner >*/
  PD_MANAGEMENT_MODE_CLIENT, /*< nick=client >*/
  PD_MANAGEMENT_MODE_CO_MANAGED, /*< nick=co_managed >*/
} PdManagementMode;

/* Service.authorization_state and Authorization.state */
typedef enum {
  PD_AUTHORIZATION_STATE_UNKNOWN = 0, /*< nick=unknown >*/
  PD_AUTHORIZATION_STATE_UNAUTHORIZED, /*< nick=unauthorized >*/
  PD_AUTHORIZATION_STATE_AGREEMENT_ACCEPTED, /*< nick=agreement_accepted >*/
  PD_AUTHORIZATION_STATE_AWAITING_CONSENT, /*< nick=awaiting_consent >*/
  PD_AUTHORIZATION_STATE_PENDING_CLIENT_ADMIN, /*< nick=pending_client_admin >*/
  PD_AUTHORIZATION_STATE_AUTHORIZED, /*< nick=authorized >*/
  PD_AUTHORIZATION_STATE_CONSENT_LOST, /*< nick=consent_lost >*/
} PdAuthorizationState;

/* Authorization.mode; NONE: null, before any step */
typedef enum {
  PD_AUTHORIZATION_MODE_UNKNOWN = 0, /*< nick=unknown >*/
  PD_AUTHORIZATION_MODE_NONE, /*< nick=none >*/
  PD_AUTHORIZATION_MODE_SELF, /*< nick=self >*/
  PD_AUTHORIZATION_MODE_DELEGATE, /*< nick=delegate >*/
} PdAuthorizationMode;

/* User.status */
typedef enum {
  PD_USER_STATUS_UNKNOWN = 0, /*< nick=unknown >*/
  PD_USER_STATUS_ACTIVE, /*< nick=active >*/
  PD_USER_STATUS_DEACTIVATED, /*< nick=deactivated >*/
} PdUserStatus;

/* User.language */
typedef enum {
  PD_USER_LANGUAGE_UNKNOWN = 0, /*< nick=unknown >*/
  PD_USER_LANGUAGE_EN, /*< nick=en >*/
  PD_USER_LANGUAGE_DE, /*< nick=de >*/
  PD_USER_LANGUAGE_FR, /*< nick=fr >*/
  PD_USER_LANGUAGE_JA, /*< nick=ja >*/
  PD_USER_LANGUAGE_PT_BR, /*< nick=pt_BR >*/
} PdUserLanguage;

/* Me.credential.type */
typedef enum {
  PD_CREDENTIAL_TYPE_UNKNOWN = 0, /*< nick=unknown >*/
  PD_CREDENTIAL_TYPE_OAUTH, /*< nick=oauth >*/
  PD_CREDENTIAL_TYPE_API_KEY, /*< nick=api_key >*/
} PdCredentialType;

/* NotificationSetting.frequency */
typedef enum {
  PD_NOTIFICATION_FREQUENCY_UNKNOWN = 0, /*< nick=unknown >*/
  PD_NOTIFICATION_FREQUENCY_IMMEDIATE, /*< nick=immediate >*/
  PD_NOTIFICATION_FREQUENCY_DAILY, /*< nick=daily >*/
  PD_NOTIFICATION_FREQUENCY_WEEKLY, /*< nick=weekly >*/
  PD_NOTIFICATION_FREQUENCY_MONTHLY, /*< nick=monthly >*/
} PdNotificationFrequency;

/* NotificationType.audience */
typedef enum {
  PD_NOTIFICATION_AUDIENCE_UNKNOWN = 0, /*< nick=unknown >*/
  PD_NOTIFICATION_AUDIENCE_ORGANIZATION, /*< nick=organization >*/
  PD_NOTIFICATION_AUDIENCE_PARTNER, /*< nick=partner >*/
} PdNotificationAudience;

/* InAppNotification.severity */
typedef enum {
  PD_NOTIFICATION_SEVERITY_UNKNOWN = 0, /*< nick=unknown >*/
  PD_NOTIFICATION_SEVERITY_INFO, /*< nick=info >*/
  PD_NOTIFICATION_SEVERITY_WARNING, /*< nick=warning >*/
  PD_NOTIFICATION_SEVERITY_DANGER, /*< nick=danger >*/
  PD_NOTIFICATION_SEVERITY_SUCCESS, /*< nick=success >*/
} PdNotificationSeverity;

/* ReportSettings.period */
typedef enum {
  PD_REPORT_PERIOD_UNKNOWN = 0, /*< nick=unknown >*/
  PD_REPORT_PERIOD_DAILY, /*< nick=daily >*/
  PD_REPORT_PERIOD_WEEKLY, /*< nick=weekly >*/
  PD_REPORT_PERIOD_MONTHLY, /*< nick=monthly >*/
} PdReportPeriod;

/* SmtpSettings.method */
typedef enum {
  PD_SMTP_METHOD_UNKNOWN = 0, /*< nick=unknown >*/
  PD_SMTP_METHOD_DEFAULT, /*< nick=default >*/
  PD_SMTP_METHOD_CUSTOM_MANUAL, /*< nick=custom_manual >*/
  PD_SMTP_METHOD_CUSTOM_MICROSOFT, /*< nick=custom_microsoft >*/
} PdSmtpMethod;

/* SmtpSettings.manual.security */
typedef enum {
  PD_SMTP_SECURITY_UNKNOWN = 0, /*< nick=unknown >*/
  PD_SMTP_SECURITY_NONE, /*< nick=none >*/
  PD_SMTP_SECURITY_STARTTLS, /*< nick=starttls >*/
  PD_SMTP_SECURITY_TLS, /*< nick=tls >*/
} PdSmtpSecurity;

/* SmtpSettings.status */
typedef enum {
  PD_SMTP_STATUS_UNKNOWN = 0, /*< nick=unknown >*/
  PD_SMTP_STATUS_UNVERIFIED, /*< nick=unverified >*/
  PD_SMTP_STATUS_ACTIVE, /*< nick=active >*/
  PD_SMTP_STATUS_ERROR, /*< nick=error >*/
} PdSmtpStatus;

/* SmtpSettings.auto_test.frequency */
typedef enum {
  PD_SMTP_TEST_FREQUENCY_UNKNOWN = 0, /*< nick=unknown >*/
  PD_SMTP_TEST_FREQUENCY_DAILY, /*< nick=daily >*/
  PD_SMTP_TEST_FREQUENCY_WEEKLY, /*< nick=weekly >*/
  PD_SMTP_TEST_FREQUENCY_MONTHLY, /*< nick=monthly >*/
} PdSmtpTestFrequency;

/* Dashboard.attention.reason */
typedef enum {
  PD_ATTENTION_REASON_UNKNOWN = 0, /*< nick=unknown >*/
  PD_ATTENTION_REASON_FAILED_BACKUP, /*< nick=failed_backup >*/
  PD_ATTENTION_REASON_CONSENT_LOST, /*< nick=consent_lost >*/
  PD_ATTENTION_REASON_NEEDS_AUTHENTICATION, /*< nick=needs_authentication >*/
  PD_ATTENTION_REASON_OVER_CAPACITY, /*< nick=over_capacity >*/
  PD_ATTENTION_REASON_PENDING_CLIENT_ADMIN, /*< nick=pending_client_admin >*/
  PD_ATTENTION_REASON_UNMAPPED, /*< nick=unmapped >*/
} PdAttentionReason;

/* Dashboard.period.key */
typedef enum {
  PD_DASHBOARD_PERIOD_UNKNOWN = 0, /*< nick=unknown >*/
  PD_DASHBOARD_PERIOD_THIS_MONTH, /*< nick=this_month >*/
  PD_DASHBOARD_PERIOD_LAST_MONTH, /*< nick=last_month >*/
  PD_DASHBOARD_PERIOD_LAST_7_DAYS, /*< nick=last_7_days >*/
  PD_DASHBOARD_PERIOD_LAST_30_DAYS, /*< nick=last_30_days >*/
  PD_DASHBOARD_PERIOD_LAST_90_DAYS, /*< nick=last_90_days >*/
} PdDashboardPeriod;

G_END_DECLS

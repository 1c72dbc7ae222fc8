/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-service.h"
#include "pd-resource-private.h"

struct _PdService
{
  PdResource parent_instance;

  char *organization_id;
  int suite;
  int application;
  int management_mode;
  int authorization_state;
  int backup_status;
  GDateTime *last_backup_at;
  GDateTime *next_backup_at;
  gint64 jobs_success;
  gint64 jobs_running;
  gint64 jobs_retrying;
  gint64 jobs_failed;
  gint64 seats_total;
  gint64 seats_managed;
  gint64 seats_open;
  gint64 seats_unprotected;
  gint64 storage_bytes;
};

G_DEFINE_FINAL_TYPE (PdService, pd_service, PD_TYPE_RESOURCE)

static const PdField fields[] = {
  PD_FIELD_ID ("id"),
  PD_FIELD_ETAG,
  PD_FIELD_CREATED_AT,
  PD_FIELD_UPDATED_AT,
  PD_FIELD_PARENT_ID ("organization_id"),
  PD_FIELD ("organization_id", "organization-id", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdService, organization_id),
  PD_FIELD_TYPED ("suite", "suite", PD_FIELD_ENUM, PD_FIELD_REQUIRED, PdService, suite, pd_service_suite_get_type),
  PD_FIELD_TYPED ("application", "application", PD_FIELD_ENUM, PD_FIELD_REQUIRED, PdService, application, pd_service_application_get_type),
  PD_FIELD_TYPED ("management_mode", "management-mode", PD_FIELD_ENUM, PD_FIELD_REQUIRED, PdService, management_mode, pd_management_mode_get_type),
  PD_FIELD_TYPED ("authorization_state", "authorization-state", PD_FIELD_ENUM, PD_FIELD_REQUIRED, PdService, authorization_state, pd_authorization_state_get_type),
  PD_FIELD_TYPED ("backup_status", "backup-status", PD_FIELD_ENUM, PD_FIELD_REQUIRED, PdService, backup_status, pd_backup_status_get_type),
  PD_FIELD ("last_backup_at", "last-backup-at", PD_FIELD_TIME, PD_FIELD_NULLABLE, PdService, last_backup_at),
  PD_FIELD ("next_backup_at", "next-backup-at", PD_FIELD_TIME, PD_FIELD_NULLABLE, PdService, next_backup_at),
  PD_FIELD ("jobs.success", "jobs-success", PD_FIELD_INT64, PD_FIELD_NON_NEGATIVE, PdService, jobs_success),
  PD_FIELD ("jobs.running", "jobs-running", PD_FIELD_INT64, PD_FIELD_NON_NEGATIVE, PdService, jobs_running),
  PD_FIELD ("jobs.retrying", "jobs-retrying", PD_FIELD_INT64, PD_FIELD_NON_NEGATIVE, PdService, jobs_retrying),
  PD_FIELD ("jobs.failed", "jobs-failed", PD_FIELD_INT64, PD_FIELD_NON_NEGATIVE, PdService, jobs_failed),
  PD_FIELD ("seats.total", "seats-total", PD_FIELD_INT64, PD_FIELD_NON_NEGATIVE, PdService, seats_total),
  PD_FIELD ("seats.managed", "seats-managed", PD_FIELD_INT64, PD_FIELD_NON_NEGATIVE, PdService, seats_managed),
  PD_FIELD ("seats.open", "seats-open", PD_FIELD_INT64, PD_FIELD_NON_NEGATIVE, PdService, seats_open),
  PD_FIELD ("seats.unprotected", "seats-unprotected", PD_FIELD_INT64, PD_FIELD_NON_NEGATIVE, PdService, seats_unprotected),
  PD_FIELD ("storage_bytes", "storage-bytes", PD_FIELD_INT64, PD_FIELD_NON_NEGATIVE, PdService, storage_bytes),
};

static void
pd_service_class_init (PdServiceClass *klass)
{
  pd_resource_class_install_fields (PD_RESOURCE_CLASS (klass), N_("Service"), fields,
                                    G_N_ELEMENTS (fields));
}

static void
pd_service_init (PdService *self)
{
}

const char *
pd_service_get_organization_id (PdService *self)
{
  g_return_val_if_fail (PD_IS_SERVICE (self), NULL);

  return self->organization_id;
}

PdServiceSuite
pd_service_get_suite (PdService *self)
{
  g_return_val_if_fail (PD_IS_SERVICE (self), (PdServiceSuite) 0);

  return (PdServiceSuite) self->suite;
}

PdServiceApplication
pd_service_get_application (PdService *self)
{
  g_return_val_if_fail (PD_IS_SERVICE (self), (PdServiceApplication) 0);

  return (PdServiceApplication) self->application;
}

PdManagementMode
pd_service_get_management_mode (PdService *self)
{
  g_return_val_if_fail (PD_IS_SERVICE (self), (PdManagementMode) 0);

  return (PdManagementMode) self->management_mode;
}

PdAuthorizationState
pd_service_get_authorization_state (PdService *self)
{
  g_return_val_if_fail (PD_IS_SERVICE (self), (PdAuthorizationState) 0);

  return (PdAuthorizationState) self->authorization_state;
}

PdBackupStatus
pd_service_get_backup_status (PdService *self)
{
  g_return_val_if_fail (PD_IS_SERVICE (self), (PdBackupStatus) 0);

  return (PdBackupStatus) self->backup_status;
}

GDateTime *
pd_service_get_last_backup_at (PdService *self)
{
  g_return_val_if_fail (PD_IS_SERVICE (self), NULL);

  return self->last_backup_at;
}

GDateTime *
pd_service_get_next_backup_at (PdService *self)
{
  g_return_val_if_fail (PD_IS_SERVICE (self), NULL);

  return self->next_backup_at;
}

gint64
pd_service_get_jobs_success (PdService *self)
{
  g_return_val_if_fail (PD_IS_SERVICE (self), 0);

  return self->jobs_success;
}

gint64
pd_service_get_jobs_running (PdService *self)
{
  g_return_val_if_fail (PD_IS_SERVICE (self), 0);

  return self->jobs_running;
}

gint64
pd_service_get_jobs_retrying (PdService *self)
{
  g_return_val_if_fail (PD_IS_SERVICE (self), 0);

  return self->jobs_retrying;
}

gint64
pd_service_get_jobs_failed (PdService *self)
{
  g_return_val_if_fail (PD_IS_SERVICE (self), 0);

  return self->jobs_failed;
}

gint64
pd_service_get_seats_total (PdService *self)
{
  g_return_val_if_fail (PD_IS_SERVICE (self), 0);

  return self->seats_total;
}

gint64
pd_service_get_seats_managed (PdService *self)
{
  g_return_val_if_fail (PD_IS_SERVICE (self), 0);

  return self->seats_managed;
}

gint64
pd_service_get_seats_open (PdService *self)
{
  g_return_val_if_fail (PD_IS_SERVICE (self), 0);

  return self->seats_open;
}

gint64
pd_service_get_seats_unprotected (PdService *self)
{
  g_return_val_if_fail (PD_IS_SERVICE (self), 0);

  return self->seats_unprotected;
}

gint64
pd_service_get_storage_bytes (PdService *self)
{
  g_return_val_if_fail (PD_IS_SERVICE (self), 0);

  return self->storage_bytes;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-model-enums.h"
#include "pd-resource.h"

G_BEGIN_DECLS

/* One protected SaaS application of an organization; its parent id is the organization's. */
#define PD_TYPE_SERVICE (pd_service_get_type ())
G_DECLARE_FINAL_TYPE (PdService, pd_service, PD, SERVICE, PdResource)

const char           *pd_service_get_organization_id     (PdService *self);
PdServiceSuite        pd_service_get_suite               (PdService *self);
PdServiceApplication  pd_service_get_application         (PdService *self);
PdManagementMode      pd_service_get_management_mode     (PdService *self);
PdAuthorizationState  pd_service_get_authorization_state (PdService *self);
PdBackupStatus        pd_service_get_backup_status       (PdService *self);
GDateTime            *pd_service_get_last_backup_at      (PdService *self);
GDateTime            *pd_service_get_next_backup_at      (PdService *self);
gint64                pd_service_get_jobs_success        (PdService *self);
gint64                pd_service_get_jobs_running        (PdService *self);
gint64                pd_service_get_jobs_retrying       (PdService *self);
gint64                pd_service_get_jobs_failed         (PdService *self);
gint64                pd_service_get_seats_total         (PdService *self);
gint64                pd_service_get_seats_managed       (PdService *self);
gint64                pd_service_get_seats_open          (PdService *self);
gint64                pd_service_get_seats_unprotected   (PdService *self);
gint64                pd_service_get_storage_bytes       (PdService *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-model-enums.h"
#include "pd-resource.h"
#include "pd-resource-list.h"

G_BEGIN_DECLS

/* A user, shared mailbox, site, team or shared drive of a service; its parent id is the service's. */
#define PD_TYPE_ACCOUNT (pd_account_get_type ())
G_DECLARE_FINAL_TYPE (PdAccount, pd_account, PD, ACCOUNT, PdResource)

const char          *pd_account_get_organization_id (PdAccount *self);
const char          *pd_account_get_service_id      (PdAccount *self);
PdAccountType        pd_account_get_kind            (PdAccount *self);
const char          *pd_account_get_display_name    (PdAccount *self);
const char          *pd_account_get_email           (PdAccount *self);
const char          *pd_account_get_external_id     (PdAccount *self);
PdAccountProtection  pd_account_get_protection      (PdAccount *self);
PdAccountStatus      pd_account_get_status          (PdAccount *self);
gint64               pd_account_get_storage_bytes   (PdAccount *self);
gint64               pd_account_get_item_count      (PdAccount *self);
GDateTime           *pd_account_get_last_backup_at  (PdAccount *self);
PdBackupStatus       pd_account_get_backup_status   (PdAccount *self);
PdResourceList      *pd_account_get_sections        (PdAccount *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-model-enums.h"
#include "pd-resource.h"

G_BEGIN_DECLS

/* One change in the audit log. */
#define PD_TYPE_AUDIT_ENTRY (pd_audit_entry_get_type ())
G_DECLARE_FINAL_TYPE (PdAuditEntry, pd_audit_entry, PD, AUDIT_ENTRY, PdResource)

const char *pd_audit_entry_get_actor_user_id   (PdAuditEntry *self);
const char *pd_audit_entry_get_actor_email     (PdAuditEntry *self);
const char *pd_audit_entry_get_action          (PdAuditEntry *self);
const char *pd_audit_entry_get_target_type     (PdAuditEntry *self);
const char *pd_audit_entry_get_target_id       (PdAuditEntry *self);
const char *pd_audit_entry_get_organization_id (PdAuditEntry *self);
const char *pd_audit_entry_get_summary         (PdAuditEntry *self);
const char *pd_audit_entry_get_request_id      (PdAuditEntry *self);

G_END_DECLS

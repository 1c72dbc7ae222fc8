/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-audit-entry.h"
#include "pd-resource-private.h"

struct _PdAuditEntry
{
  PdResource parent_instance;

  char *actor_user_id;
  char *actor_email;
  char *action;
  char *target_type;
  char *target_id;
  char *organization_id;
  char *summary;
  char *request_id;
};

G_DEFINE_FINAL_TYPE (PdAuditEntry, pd_audit_entry, PD_TYPE_RESOURCE)

static const PdField fields[] = {
  PD_FIELD_ID ("id"),
  PD_FIELD_CREATED_AT,
  PD_FIELD ("actor.user_id", "actor-user-id", PD_FIELD_STRING, PD_FIELD_NULLABLE, PdAuditEntry, actor_user_id),
  PD_FIELD ("actor.email", "actor-email", PD_FIELD_STRING, PD_FIELD_NULLABLE, PdAuditEntry, actor_email),
  PD_FIELD ("action", "action", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdAuditEntry, action),
  PD_FIELD ("target_type", "target-type", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdAuditEntry, target_type),
  PD_FIELD ("target_id", "target-id", PD_FIELD_STRING, PD_FIELD_NULLABLE, PdAuditEntry, target_id),
  PD_FIELD ("organization_id", "organization-id", PD_FIELD_STRING, PD_FIELD_NULLABLE, PdAuditEntry, organization_id),
  PD_FIELD ("summary", "summary", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdAuditEntry, summary),
  PD_FIELD ("request_id", "request-id", PD_FIELD_STRING, PD_FIELD_NULLABLE, PdAuditEntry, request_id),
};

static void
pd_audit_entry_class_init (PdAuditEntryClass *klass)
{
  pd_resource_class_install_fields (PD_RESOURCE_CLASS (klass), N_("Audit entry"), fields,
                                    G_N_ELEMENTS (fields));
}

static void
pd_audit_entry_init (PdAuditEntry *self)
{
}

const char *
pd_audit_entry_get_actor_user_id (PdAuditEntry *self)
{
  g_return_val_if_fail (PD_IS_AUDIT_ENTRY (self), NULL);

  return self->actor_user_id;
}

const char *
pd_audit_entry_get_actor_email (PdAuditEntry *self)
{
  g_return_val_if_fail (PD_IS_AUDIT_ENTRY (self), NULL);

  return self->actor_email;
}

const char *
pd_audit_entry_get_action (PdAuditEntry *self)
{
  g_return_val_if_fail (PD_IS_AUDIT_ENTRY (self), NULL);

  return self->action;
}

const char *
pd_audit_entry_get_target_type (PdAuditEntry *self)
{
  g_return_val_if_fail (PD_IS_AUDIT_ENTRY (self), NULL);

  return self->target_type;
}

const char *
pd_audit_entry_get_target_id (PdAuditEntry *self)
{
  g_return_val_if_fail (PD_IS_AUDIT_ENTRY (self), NULL);

  return self->target_id;
}

const char *
pd_audit_entry_get_organization_id (PdAuditEntry *self)
{
  g_return_val_if_fail (PD_IS_AUDIT_ENTRY (self), NULL);

  return self->organization_id;
}

const char *
pd_audit_entry_get_summary (PdAuditEntry *self)
{
  g_return_val_if_fail (PD_IS_AUDIT_ENTRY (self), NULL);

  return self->summary;
}

const char *
pd_audit_entry_get_request_id (PdAuditEntry *self)
{
  g_return_val_if_fail (PD_IS_AUDIT_ENTRY (self), NULL);

  return self->request_id;
}

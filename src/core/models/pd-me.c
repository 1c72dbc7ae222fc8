/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-me.h"
#include "pd-resource-private.h"
#include "pd-me-group.h"

struct _PdMe
{
  PdResource parent_instance;

  char *user_id;
  char *user_email;
  char *user_name;
  char *user_language;
  gboolean user_mfa_enabled;
  GDateTime *user_last_sign_in_at;
  char *partner_id;
  char *partner_name;
  char *role_id;
  char *role_key;
  char *role_name;
  gint64 role_rank;
  gboolean role_builtin;
  char **permissions;
  PdResourceList *groups;
  gboolean access_scope_all_organizations;
  char **access_scope_organization_ids;
  int credential_type;
  char *credential_api_key_id;
};

G_DEFINE_FINAL_TYPE (PdMe, pd_me, PD_TYPE_RESOURCE)

static const PdField fields[] = {
  PD_FIELD_ID ("user.id"),
  PD_FIELD_ETAG,
  PD_FIELD ("user.id", "user-id", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdMe, user_id),
  PD_FIELD ("user.email", "user-email", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdMe, user_email),
  PD_FIELD ("user.name", "user-name", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdMe, user_name),
  PD_FIELD ("user.language", "user-language", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdMe, user_language),
  PD_FIELD ("user.mfa_enabled", "user-mfa-enabled", PD_FIELD_BOOL, PD_FIELD_REQUIRED, PdMe, user_mfa_enabled),
  PD_FIELD ("user.last_sign_in_at", "user-last-sign-in-at", PD_FIELD_TIME, PD_FIELD_NULLABLE, PdMe, user_last_sign_in_at),
  PD_FIELD ("partner.id", "partner-id", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdMe, partner_id),
  PD_FIELD ("partner.name", "partner-name", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdMe, partner_name),
  PD_FIELD ("role.id", "role-id", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdMe, role_id),
  PD_FIELD ("role.key", "role-key", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdMe, role_key),
  PD_FIELD ("role.name", "role-name", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdMe, role_name),
  PD_FIELD ("role.rank", "role-rank", PD_FIELD_INT64, PD_FIELD_REQUIRED, PdMe, role_rank),
  PD_FIELD ("role.builtin", "role-builtin", PD_FIELD_BOOL, PD_FIELD_REQUIRED, PdMe, role_builtin),
  PD_FIELD ("permissions", "permissions", PD_FIELD_STRV, PD_FIELD_REQUIRED, PdMe, permissions),
  PD_FIELD_TYPED ("groups", "groups", PD_FIELD_LIST, PD_FIELD_REQUIRED, PdMe, groups, pd_me_group_get_type),
  PD_FIELD ("access_scope.all_organizations", "access-scope-all-organizations", PD_FIELD_BOOL, PD_FIELD_REQUIRED, PdMe, access_scope_all_organizations),
  PD_FIELD ("access_scope.organization_ids", "access-scope-organization-ids", PD_FIELD_STRV, PD_FIELD_REQUIRED, PdMe, access_scope_organization_ids),
  PD_FIELD_TYPED ("credential.type", "credential-type", PD_FIELD_ENUM, PD_FIELD_REQUIRED, PdMe, credential_type, pd_credential_type_get_type),
  PD_FIELD ("credential.api_key_id", "credential-api-key-id", PD_FIELD_STRING, PD_FIELD_NULLABLE, PdMe, credential_api_key_id),
};

static void
pd_me_class_init (PdMeClass *klass)
{
  pd_resource_class_install_fields (PD_RESOURCE_CLASS (klass), N_("Signed-in user"), fields,
                                    G_N_ELEMENTS (fields));
}

static void
pd_me_init (PdMe *self)
{
}

const char *
pd_me_get_user_id (PdMe *self)
{
  g_return_val_if_fail (PD_IS_ME (self), NULL);

  return self->user_id;
}

const char *
pd_me_get_user_email (PdMe *self)
{
  g_return_val_if_fail (PD_IS_ME (self), NULL);

  return self->user_email;
}

const char *
pd_me_get_user_name (PdMe *self)
{
  g_return_val_if_fail (PD_IS_ME (self), NULL);

  return self->user_name;
}

const char *
pd_me_get_user_language (PdMe *self)
{
  g_return_val_if_fail (PD_IS_ME (self), NULL);

  return self->user_language;
}

gboolean
pd_me_get_user_mfa_enabled (PdMe *self)
{
  g_return_val_if_fail (PD_IS_ME (self), FALSE);

  return self->user_mfa_enabled;
}

GDateTime *
pd_me_get_user_last_sign_in_at (PdMe *self)
{
  g_return_val_if_fail (PD_IS_ME (self), NULL);

  return self->user_last_sign_in_at;
}

const char *
pd_me_get_partner_id (PdMe *self)
{
  g_return_val_if_fail (PD_IS_ME (self), NULL);

  return self->partner_id;
}

const char *
pd_me_get_partner_name (PdMe *self)
{
  g_return_val_if_fail (PD_IS_ME (self), NULL);

  return self->partner_name;
}

const char *
pd_me_get_role_id (PdMe *self)
{
  g_return_val_if_fail (PD_IS_ME (self), NULL);

  return self->role_id;
}

const char *
pd_me_get_role_key (PdMe *self)
{
  g_return_val_if_fail (PD_IS_ME (self), NULL);

  return self->role_key;
}

const char *
pd_me_get_role_name (PdMe *self)
{
  g_return_val_if_fail (PD_IS_ME (self), NULL);

  return self->role_name;
}

gint64
pd_me_get_role_rank (PdMe *self)
{
  g_return_val_if_fail (PD_IS_ME (self), 0);

  return self->role_rank;
}

gboolean
pd_me_get_role_builtin (PdMe *self)
{
  g_return_val_if_fail (PD_IS_ME (self), FALSE);

  return self->role_builtin;
}

const char * const *
pd_me_get_permissions (PdMe *self)
{
  g_return_val_if_fail (PD_IS_ME (self), NULL);

  return (const char * const *) self->permissions;
}

PdResourceList *
pd_me_get_groups (PdMe *self)
{
  g_return_val_if_fail (PD_IS_ME (self), NULL);

  return self->groups;
}

gboolean
pd_me_get_access_scope_all_organizations (PdMe *self)
{
  g_return_val_if_fail (PD_IS_ME (self), FALSE);

  return self->access_scope_all_organizations;
}

const char * const *
pd_me_get_access_scope_organization_ids (PdMe *self)
{
  g_return_val_if_fail (PD_IS_ME (self), NULL);

  return (const char * const *) self->access_scope_organization_ids;
}

PdCredentialType
pd_me_get_credential_type (PdMe *self)
{
  g_return_val_if_fail (PD_IS_ME (self), (PdCredentialType) 0);

  return (PdCredentialType) self->credential_type;
}

const char *
pd_me_get_credential_api_key_id (PdMe *self)
{
  g_return_val_if_fail (PD_IS_ME (self), NULL);

  return self->credential_api_key_id;
}

gboolean
pd_me_has_permission (PdMe       *self,
                      const char *permission)
{
  g_return_val_if_fail (PD_IS_ME (self), FALSE);
  g_return_val_if_fail (permission != NULL, FALSE);

  return self->permissions != NULL && g_strv_contains ((const char * const *) self->permissions, permission);
}

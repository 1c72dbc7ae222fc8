/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-role.h"
#include "pd-resource-private.h"

struct _PdRole
{
  PdResource parent_instance;

  char *key;
  char *name;
  char *description;
  gint64 rank;
  gboolean builtin;
  char **permissions;
  gint64 user_count;
};

G_DEFINE_FINAL_TYPE (PdRole, pd_role, PD_TYPE_RESOURCE)

static const PdField fields[] = {
  PD_FIELD_ID ("id"),
  PD_FIELD_ETAG,
  PD_FIELD_CREATED_AT,
  PD_FIELD_UPDATED_AT,
  PD_FIELD ("key", "key", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdRole, key),
  PD_FIELD ("name", "name", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdRole, name),
  PD_FIELD ("description", "description", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdRole, description),
  PD_FIELD ("rank", "rank", PD_FIELD_INT64, PD_FIELD_NON_NEGATIVE, PdRole, rank),
  PD_FIELD ("builtin", "builtin", PD_FIELD_BOOL, PD_FIELD_REQUIRED, PdRole, builtin),
  PD_FIELD ("permissions", "permissions", PD_FIELD_STRV, PD_FIELD_REQUIRED, PdRole, permissions),
  PD_FIELD ("user_count", "user-count", PD_FIELD_INT64, PD_FIELD_NON_NEGATIVE, PdRole, user_count),
};

static void
pd_role_class_init (PdRoleClass *klass)
{
  pd_resource_class_install_fields (PD_RESOURCE_CLASS (klass), N_("Role"), fields,
                                    G_N_ELEMENTS (fields));
}

static void
pd_role_init (PdRole *self)
{
}

const char *
pd_role_get_key (PdRole *self)
{
  g_return_val_if_fail (PD_IS_ROLE (self), NULL);

  return self->key;
}

const char *
pd_role_get_name (PdRole *self)
{
  g_return_val_if_fail (PD_IS_ROLE (self), NULL);

  return self->name;
}

const char *
pd_role_get_description (PdRole *self)
{
  g_return_val_if_fail (PD_IS_ROLE (self), NULL);

  return self->description;
}

gint64
pd_role_get_rank (PdRole *self)
{
  g_return_val_if_fail (PD_IS_ROLE (self), 0);

  return self->rank;
}

gboolean
pd_role_get_builtin (PdRole *self)
{
  g_return_val_if_fail (PD_IS_ROLE (self), FALSE);

  return self->builtin;
}

const char * const *
pd_role_get_permissions (PdRole *self)
{
  g_return_val_if_fail (PD_IS_ROLE (self), NULL);

  return (const char * const *) self->permissions;
}

gint64
pd_role_get_user_count (PdRole *self)
{
  g_return_val_if_fail (PD_IS_ROLE (self), 0);

  return self->user_count;
}

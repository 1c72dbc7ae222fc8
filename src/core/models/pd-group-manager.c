/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-group-manager.h"
#include "pd-resource-private.h"

struct _PdGroupManager
{
  PdResource parent_instance;

  char *name;
  char *email;
  char *role_id;
  char *role_key;
  char *role_name;
};

G_DEFINE_FINAL_TYPE (PdGroupManager, pd_group_manager, PD_TYPE_RESOURCE)

static const PdField fields[] = {
  PD_FIELD_ID ("id"),
  PD_FIELD ("name", "name", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdGroupManager, name),
  PD_FIELD ("email", "email", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdGroupManager, email),
  PD_FIELD ("role.id", "role-id", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdGroupManager, role_id),
  PD_FIELD ("role.key", "role-key", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdGroupManager, role_key),
  PD_FIELD ("role.name", "role-name", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdGroupManager, role_name),
};

static void
pd_group_manager_class_init (PdGroupManagerClass *klass)
{
  pd_resource_class_install_fields (PD_RESOURCE_CLASS (klass), N_("Group manager"), fields,
                                    G_N_ELEMENTS (fields));
}

static void
pd_group_manager_init (PdGroupManager *self)
{
}

const char *
pd_group_manager_get_name (PdGroupManager *self)
{
  g_return_val_if_fail (PD_IS_GROUP_MANAGER (self), NULL);

  return self->name;
}

const char *
pd_group_manager_get_email (PdGroupManager *self)
{
  g_return_val_if_fail (PD_IS_GROUP_MANAGER (self), NULL);

  return self->email;
}

const char *
pd_group_manager_get_role_id (PdGroupManager *self)
{
  g_return_val_if_fail (PD_IS_GROUP_MANAGER (self), NULL);

  return self->role_id;
}

const char *
pd_group_manager_get_role_key (PdGroupManager *self)
{
  g_return_val_if_fail (PD_IS_GROUP_MANAGER (self), NULL);

  return self->role_key;
}

const char *
pd_group_manager_get_role_name (PdGroupManager *self)
{
  g_return_val_if_fail (PD_IS_GROUP_MANAGER (self), NULL);

  return self->role_name;
}

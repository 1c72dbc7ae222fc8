/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-permission-category.h"
#include "pd-resource-private.h"
#include "pd-permission-entry.h"

struct _PdPermissionCategory
{
  PdResource parent_instance;

  char *key;
  PdResourceList *permissions;
};

G_DEFINE_FINAL_TYPE (PdPermissionCategory, pd_permission_category, PD_TYPE_RESOURCE)

static const PdField fields[] = {
  PD_FIELD_ID ("key"),
  PD_FIELD ("key", "key", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdPermissionCategory, key),
  PD_FIELD_TYPED ("permissions", "permissions", PD_FIELD_LIST, PD_FIELD_REQUIRED, PdPermissionCategory, permissions, pd_permission_entry_get_type),
};

static void
pd_permission_category_class_init (PdPermissionCategoryClass *klass)
{
  pd_resource_class_install_fields (PD_RESOURCE_CLASS (klass), N_("Permission category"), fields,
                                    G_N_ELEMENTS (fields));
}

static void
pd_permission_category_init (PdPermissionCategory *self)
{
}

const char *
pd_permission_category_get_key (PdPermissionCategory *self)
{
  g_return_val_if_fail (PD_IS_PERMISSION_CATEGORY (self), NULL);

  return self->key;
}

PdResourceList *
pd_permission_category_get_permissions (PdPermissionCategory *self)
{
  g_return_val_if_fail (PD_IS_PERMISSION_CATEGORY (self), NULL);

  return self->permissions;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-permission-entry.h"
#include "pd-resource-private.h"

struct _PdPermissionEntry
{
  PdResource parent_instance;

  char *key;
  char *description;
};

G_DEFINE_FINAL_TYPE (PdPermissionEntry, pd_permission_entry, PD_TYPE_RESOURCE)

static const PdField fields[] = {
  PD_FIELD_ID ("key"),
  PD_FIELD ("key", "key", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdPermissionEntry, key),
  PD_FIELD ("description", "description", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdPermissionEntry, description),
};

static void
pd_permission_entry_class_init (PdPermissionEntryClass *klass)
{
  pd_resource_class_install_fields (PD_RESOURCE_CLASS (klass), N_("Permission"), fields,
                                    G_N_ELEMENTS (fields));
}

static void
pd_permission_entry_init (PdPermissionEntry *self)
{
}

const char *
pd_permission_entry_get_key (PdPermissionEntry *self)
{
  g_return_val_if_fail (PD_IS_PERMISSION_ENTRY (self), NULL);

  return self->key;
}

const char *
pd_permission_entry_get_description (PdPermissionEntry *self)
{
  g_return_val_if_fail (PD_IS_PERMISSION_ENTRY (self), NULL);

  return self->description;
}

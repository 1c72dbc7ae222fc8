/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-me-group.h"
#include "pd-resource-private.h"

struct _PdMeGroup
{
  PdResource parent_instance;

  char *name;
};

G_DEFINE_FINAL_TYPE (PdMeGroup, pd_me_group, PD_TYPE_RESOURCE)

static const PdField fields[] = {
  PD_FIELD_ID ("id"),
  PD_FIELD ("name", "name", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdMeGroup, name),
};

static void
pd_me_group_class_init (PdMeGroupClass *klass)
{
  pd_resource_class_install_fields (PD_RESOURCE_CLASS (klass), N_("Group"), fields,
                                    G_N_ELEMENTS (fields));
}

static void
pd_me_group_init (PdMeGroup *self)
{
}

const char *
pd_me_group_get_name (PdMeGroup *self)
{
  g_return_val_if_fail (PD_IS_ME_GROUP (self), NULL);

  return self->name;
}

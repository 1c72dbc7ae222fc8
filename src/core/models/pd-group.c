/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-group.h"
#include "pd-resource-private.h"
#include "pd-group-manager.h"

struct _PdGroup
{
  PdResource parent_instance;

  char *name;
  char *description;
  char **organization_ids;
  PdResourceList *managers;
  gint64 organization_count;
};

G_DEFINE_FINAL_TYPE (PdGroup, pd_group, PD_TYPE_RESOURCE)

static const PdField fields[] = {
  PD_FIELD_ID ("id"),
  PD_FIELD_ETAG,
  PD_FIELD_CREATED_AT,
  PD_FIELD_UPDATED_AT,
  PD_FIELD ("name", "name", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdGroup, name),
  PD_FIELD ("description", "description", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdGroup, description),
  PD_FIELD ("organization_ids", "organization-ids", PD_FIELD_STRV, PD_FIELD_REQUIRED, PdGroup, organization_ids),
  PD_FIELD_TYPED ("managers", "managers", PD_FIELD_LIST, PD_FIELD_REQUIRED, PdGroup, managers, pd_group_manager_get_type),
  PD_FIELD ("organization_count", "organization-count", PD_FIELD_INT64, PD_FIELD_NON_NEGATIVE, PdGroup, organization_count),
};

static void
pd_group_class_init (PdGroupClass *klass)
{
  pd_resource_class_install_fields (PD_RESOURCE_CLASS (klass), N_("Group"), fields,
                                    G_N_ELEMENTS (fields));
}

static void
pd_group_init (PdGroup *self)
{
}

const char *
pd_group_get_name (PdGroup *self)
{
  g_return_val_if_fail (PD_IS_GROUP (self), NULL);

  return self->name;
}

const char *
pd_group_get_description (PdGroup *self)
{
  g_return_val_if_fail (PD_IS_GROUP (self), NULL);

  return self->description;
}

const char * const *
pd_group_get_organization_ids (PdGroup *self)
{
  g_return_val_if_fail (PD_IS_GROUP (self), NULL);

  return (const char * const *) self->organization_ids;
}

PdResourceList *
pd_group_get_managers (PdGroup *self)
{
  g_return_val_if_fail (PD_IS_GROUP (self), NULL);

  return self->managers;
}

gint64
pd_group_get_organization_count (PdGroup *self)
{
  g_return_val_if_fail (PD_IS_GROUP (self), 0);

  return self->organization_count;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-permission-catalogue.h"
#include "pd-resource-private.h"
#include "pd-permission-category.h"

struct _PdPermissionCatalogue
{
  PdResource parent_instance;

  PdResourceList *categories;
};

G_DEFINE_FINAL_TYPE (PdPermissionCatalogue, pd_permission_catalogue, PD_TYPE_RESOURCE)

static const PdField fields[] = {
  PD_FIELD_TYPED ("categories", "categories", PD_FIELD_LIST, PD_FIELD_REQUIRED, PdPermissionCatalogue, categories, pd_permission_category_get_type),
};

static void
pd_permission_catalogue_class_init (PdPermissionCatalogueClass *klass)
{
  pd_resource_class_install_fields (PD_RESOURCE_CLASS (klass), N_("Permission catalogue"), fields,
                                    G_N_ELEMENTS (fields));
}

static void
pd_permission_catalogue_init (PdPermissionCatalogue *self)
{
}

PdResourceList *
pd_permission_catalogue_get_categories (PdPermissionCatalogue *self)
{
  g_return_val_if_fail (PD_IS_PERMISSION_CATALOGUE (self), NULL);

  return self->categories;
}

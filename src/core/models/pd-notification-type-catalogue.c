/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-notification-type-catalogue.h"
#include "pd-resource-private.h"
#include "pd-notification-type-group.h"

struct _PdNotificationTypeCatalogue
{
  PdResource parent_instance;

  PdResourceList *groups;
};

G_DEFINE_FINAL_TYPE (PdNotificationTypeCatalogue, pd_notification_type_catalogue, PD_TYPE_RESOURCE)

static const PdField fields[] = {
  PD_FIELD_TYPED ("groups", "groups", PD_FIELD_LIST, PD_FIELD_REQUIRED, PdNotificationTypeCatalogue, groups, pd_notification_type_group_get_type),
};

static void
pd_notification_type_catalogue_class_init (PdNotificationTypeCatalogueClass *klass)
{
  pd_resource_class_install_fields (PD_RESOURCE_CLASS (klass), N_("Notification types"), fields,
                                    G_N_ELEMENTS (fields));
}

static void
pd_notification_type_catalogue_init (PdNotificationTypeCatalogue *self)
{
}

PdResourceList *
pd_notification_type_catalogue_get_groups (PdNotificationTypeCatalogue *self)
{
  g_return_val_if_fail (PD_IS_NOTIFICATION_TYPE_CATALOGUE (self), NULL);

  return self->groups;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-notification-type-group.h"
#include "pd-resource-private.h"
#include "pd-notification-type.h"

struct _PdNotificationTypeGroup
{
  PdResource parent_instance;

  char *key;
  char *name;
  PdResourceList *types;
};

G_DEFINE_FINAL_TYPE (PdNotificationTypeGroup, pd_notification_type_group, PD_TYPE_RESOURCE)

static const PdField fields[] = {
  PD_FIELD_ID ("key"),
  PD_FIELD ("key", "key", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdNotificationTypeGroup, key),
  PD_FIELD ("name", "name", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdNotificationTypeGroup, name),
  PD_FIELD_TYPED ("types", "types", PD_FIELD_LIST, PD_FIELD_REQUIRED, PdNotificationTypeGroup, types, pd_notification_type_get_type),
};

static void
pd_notification_type_group_class_init (PdNotificationTypeGroupClass *klass)
{
  pd_resource_class_install_fields (PD_RESOURCE_CLASS (klass), N_("Notification type group"), fields,
                                    G_N_ELEMENTS (fields));
}

static void
pd_notification_type_group_init (PdNotificationTypeGroup *self)
{
}

const char *
pd_notification_type_group_get_key (PdNotificationTypeGroup *self)
{
  g_return_val_if_fail (PD_IS_NOTIFICATION_TYPE_GROUP (self), NULL);

  return self->key;
}

const char *
pd_notification_type_group_get_name (PdNotificationTypeGroup *self)
{
  g_return_val_if_fail (PD_IS_NOTIFICATION_TYPE_GROUP (self), NULL);

  return self->name;
}

PdResourceList *
pd_notification_type_group_get_types (PdNotificationTypeGroup *self)
{
  g_return_val_if_fail (PD_IS_NOTIFICATION_TYPE_GROUP (self), NULL);

  return self->types;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-notification-type.h"
#include "pd-resource-private.h"

struct _PdNotificationType
{
  PdResource parent_instance;

  char *key;
  char *group;
  char *name;
  char *description;
  int audience;
  gboolean recommended_enabled;
  int recommended_frequency;
};

G_DEFINE_FINAL_TYPE (PdNotificationType, pd_notification_type, PD_TYPE_RESOURCE)

static const PdField fields[] = {
  PD_FIELD_ID ("key"),
  PD_FIELD ("key", "key", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdNotificationType, key),
  PD_FIELD ("group", "group", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdNotificationType, group),
  PD_FIELD ("name", "name", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdNotificationType, name),
  PD_FIELD ("description", "description", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdNotificationType, description),
  PD_FIELD_TYPED ("audience", "audience", PD_FIELD_ENUM, PD_FIELD_REQUIRED, PdNotificationType, audience, pd_notification_audience_get_type),
  PD_FIELD ("recommended.enabled", "recommended-enabled", PD_FIELD_BOOL, PD_FIELD_REQUIRED, PdNotificationType, recommended_enabled),
  PD_FIELD_TYPED ("recommended.frequency", "recommended-frequency", PD_FIELD_ENUM, PD_FIELD_REQUIRED, PdNotificationType, recommended_frequency, pd_notification_frequency_get_type),
};

static void
pd_notification_type_class_init (PdNotificationTypeClass *klass)
{
  pd_resource_class_install_fields (PD_RESOURCE_CLASS (klass), N_("Notification type"), fields,
                                    G_N_ELEMENTS (fields));
}

static void
pd_notification_type_init (PdNotificationType *self)
{
}

const char *
pd_notification_type_get_key (PdNotificationType *self)
{
  g_return_val_if_fail (PD_IS_NOTIFICATION_TYPE (self), NULL);

  return self->key;
}

const char *
pd_notification_type_get_group (PdNotificationType *self)
{
  g_return_val_if_fail (PD_IS_NOTIFICATION_TYPE (self), NULL);

  return self->group;
}

const char *
pd_notification_type_get_name (PdNotificationType *self)
{
  g_return_val_if_fail (PD_IS_NOTIFICATION_TYPE (self), NULL);

  return self->name;
}

const char *
pd_notification_type_get_description (PdNotificationType *self)
{
  g_return_val_if_fail (PD_IS_NOTIFICATION_TYPE (self), NULL);

  return self->description;
}

PdNotificationAudience
pd_notification_type_get_audience (PdNotificationType *self)
{
  g_return_val_if_fail (PD_IS_NOTIFICATION_TYPE (self), (PdNotificationAudience) 0);

  return (PdNotificationAudience) self->audience;
}

gboolean
pd_notification_type_get_recommended_enabled (PdNotificationType *self)
{
  g_return_val_if_fail (PD_IS_NOTIFICATION_TYPE (self), FALSE);

  return self->recommended_enabled;
}

PdNotificationFrequency
pd_notification_type_get_recommended_frequency (PdNotificationType *self)
{
  g_return_val_if_fail (PD_IS_NOTIFICATION_TYPE (self), (PdNotificationFrequency) 0);

  return (PdNotificationFrequency) self->recommended_frequency;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-notification-setting.h"
#include "pd-resource-private.h"

struct _PdNotificationSetting
{
  PdResource parent_instance;

  char *type_key;
  gboolean enabled;
  int frequency;
  gint64 cumulative_count;
  GStrv organization_ids;
};

G_DEFINE_FINAL_TYPE (PdNotificationSetting, pd_notification_setting, PD_TYPE_RESOURCE)

static const PdField fields[] = {
  PD_FIELD_ID ("type"),
  PD_FIELD ("type", "type-key", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdNotificationSetting, type_key),
  PD_FIELD ("enabled", "enabled", PD_FIELD_BOOL, PD_FIELD_REQUIRED, PdNotificationSetting, enabled),
  PD_FIELD_TYPED ("frequency", "frequency", PD_FIELD_ENUM, PD_FIELD_REQUIRED, PdNotificationSetting, frequency, pd_notification_frequency_get_type),
  PD_FIELD ("cumulative_count", "cumulative-count", PD_FIELD_INT64, PD_FIELD_NON_NEGATIVE, PdNotificationSetting, cumulative_count),
  /* Absent (older portals) or null: about all organizations */
  PD_FIELD ("organization_ids", "organization-ids", PD_FIELD_STRV, PD_FIELD_OPTIONAL | PD_FIELD_NULLABLE, PdNotificationSetting, organization_ids),
};

static void
pd_notification_setting_class_init (PdNotificationSettingClass *klass)
{
  pd_resource_class_install_fields (PD_RESOURCE_CLASS (klass), N_("Notification setting"), fields,
                                    G_N_ELEMENTS (fields));
}

static void
pd_notification_setting_init (PdNotificationSetting *self)
{
}

const char *
pd_notification_setting_get_type_key (PdNotificationSetting *self)
{
  g_return_val_if_fail (PD_IS_NOTIFICATION_SETTING (self), NULL);

  return self->type_key;
}

gboolean
pd_notification_setting_get_enabled (PdNotificationSetting *self)
{
  g_return_val_if_fail (PD_IS_NOTIFICATION_SETTING (self), FALSE);

  return self->enabled;
}

PdNotificationFrequency
pd_notification_setting_get_frequency (PdNotificationSetting *self)
{
  g_return_val_if_fail (PD_IS_NOTIFICATION_SETTING (self), (PdNotificationFrequency) 0);

  return (PdNotificationFrequency) self->frequency;
}

gint64
pd_notification_setting_get_cumulative_count (PdNotificationSetting *self)
{
  g_return_val_if_fail (PD_IS_NOTIFICATION_SETTING (self), 0);

  return self->cumulative_count;
}

const char * const *
pd_notification_setting_get_organization_ids (PdNotificationSetting *self)
{
  g_return_val_if_fail (PD_IS_NOTIFICATION_SETTING (self), NULL);

  return (const char * const *) self->organization_ids;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-notification-settings.h"
#include "pd-resource-private.h"
#include "pd-notification-setting.h"

struct _PdNotificationSettings
{
  PdResource parent_instance;

  PdResourceList *settings;
  gboolean matches_recommended;
};

G_DEFINE_FINAL_TYPE (PdNotificationSettings, pd_notification_settings, PD_TYPE_RESOURCE)

static const PdField fields[] = {
  PD_FIELD_ETAG,
  PD_FIELD_UPDATED_AT,
  PD_FIELD_TYPED ("settings", "settings", PD_FIELD_LIST, PD_FIELD_REQUIRED, PdNotificationSettings, settings, pd_notification_setting_get_type),
  PD_FIELD ("matches_recommended", "matches-recommended", PD_FIELD_BOOL, PD_FIELD_REQUIRED, PdNotificationSettings, matches_recommended),
};

static void
pd_notification_settings_class_init (PdNotificationSettingsClass *klass)
{
  pd_resource_class_install_fields (PD_RESOURCE_CLASS (klass), N_("Notification settings"), fields,
                                    G_N_ELEMENTS (fields));
}

static void
pd_notification_settings_init (PdNotificationSettings *self)
{
}

PdResourceList *
pd_notification_settings_get_settings (PdNotificationSettings *self)
{
  g_return_val_if_fail (PD_IS_NOTIFICATION_SETTINGS (self), NULL);

  return self->settings;
}

gboolean
pd_notification_settings_get_matches_recommended (PdNotificationSettings *self)
{
  g_return_val_if_fail (PD_IS_NOTIFICATION_SETTINGS (self), FALSE);

  return self->matches_recommended;
}

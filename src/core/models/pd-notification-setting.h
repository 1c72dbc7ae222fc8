/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-model-enums.h"
#include "pd-resource.h"

G_BEGIN_DECLS

/* The partner's choice for one notification type; its id is the type key. */
#define PD_TYPE_NOTIFICATION_SETTING (pd_notification_setting_get_type ())
G_DECLARE_FINAL_TYPE (PdNotificationSetting, pd_notification_setting, PD, NOTIFICATION_SETTING, PdResource)

const char              *pd_notification_setting_get_type_key         (PdNotificationSetting *self);
gboolean                 pd_notification_setting_get_enabled          (PdNotificationSetting *self);
PdNotificationFrequency  pd_notification_setting_get_frequency        (PdNotificationSetting *self);
gint64                   pd_notification_setting_get_cumulative_count (PdNotificationSetting *self);
/* The organizations the type is sent about, or NULL for all of them */
const char * const      *pd_notification_setting_get_organization_ids (PdNotificationSetting *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-model-enums.h"
#include "pd-resource.h"
#include "pd-resource-list.h"

G_BEGIN_DECLS

/* Every notification setting of the partner (GET /notification-settings). */
#define PD_TYPE_NOTIFICATION_SETTINGS (pd_notification_settings_get_type ())
G_DECLARE_FINAL_TYPE (PdNotificationSettings, pd_notification_settings, PD, NOTIFICATION_SETTINGS, PdResource)

PdResourceList *pd_notification_settings_get_settings            (PdNotificationSettings *self);
gboolean        pd_notification_settings_get_matches_recommended (PdNotificationSettings *self);

G_END_DECLS

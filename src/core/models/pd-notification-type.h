/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-model-enums.h"
#include "pd-resource.h"

G_BEGIN_DECLS

/* One kind of notification e-mail; its id is the key. */
#define PD_TYPE_NOTIFICATION_TYPE (pd_notification_type_get_type ())
G_DECLARE_FINAL_TYPE (PdNotificationType, pd_notification_type, PD, NOTIFICATION_TYPE, PdResource)

const char              *pd_notification_type_get_key                   (PdNotificationType *self);
const char              *pd_notification_type_get_group                 (PdNotificationType *self);
const char              *pd_notification_type_get_name                  (PdNotificationType *self);
const char              *pd_notification_type_get_description           (PdNotificationType *self);
PdNotificationAudience   pd_notification_type_get_audience              (PdNotificationType *self);
gboolean                 pd_notification_type_get_recommended_enabled   (PdNotificationType *self);
PdNotificationFrequency  pd_notification_type_get_recommended_frequency (PdNotificationType *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-model-enums.h"
#include "pd-resource.h"

G_BEGIN_DECLS

/* An in-app notification with the caller's read state (no ETag). */
#define PD_TYPE_IN_APP_NOTIFICATION (pd_in_app_notification_get_type ())
G_DECLARE_FINAL_TYPE (PdInAppNotification, pd_in_app_notification, PD, IN_APP_NOTIFICATION, PdResource)

PdNotificationSeverity  pd_in_app_notification_get_severity (PdInAppNotification *self);
const char             *pd_in_app_notification_get_title    (PdInAppNotification *self);
const char             *pd_in_app_notification_get_body     (PdInAppNotification *self);
gboolean                pd_in_app_notification_get_read     (PdInAppNotification *self);
GDateTime              *pd_in_app_notification_get_read_at  (PdInAppNotification *self);
const char             *pd_in_app_notification_get_organization_id (PdInAppNotification *self);

G_END_DECLS

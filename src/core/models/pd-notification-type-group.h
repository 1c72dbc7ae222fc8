/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-model-enums.h"
#include "pd-resource.h"
#include "pd-resource-list.h"

G_BEGIN_DECLS

/* A group of notification types; its id is the key. */
#define PD_TYPE_NOTIFICATION_TYPE_GROUP (pd_notification_type_group_get_type ())
G_DECLARE_FINAL_TYPE (PdNotificationTypeGroup, pd_notification_type_group, PD, NOTIFICATION_TYPE_GROUP, PdResource)

const char     *pd_notification_type_group_get_key   (PdNotificationTypeGroup *self);
const char     *pd_notification_type_group_get_name  (PdNotificationTypeGroup *self);
PdResourceList *pd_notification_type_group_get_types (PdNotificationTypeGroup *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-model-enums.h"
#include "pd-resource.h"
#include "pd-resource-list.h"

G_BEGIN_DECLS

/* Every notification type, by group (GET /notification-types). */
#define PD_TYPE_NOTIFICATION_TYPE_CATALOGUE (pd_notification_type_catalogue_get_type ())
G_DECLARE_FINAL_TYPE (PdNotificationTypeCatalogue, pd_notification_type_catalogue, PD, NOTIFICATION_TYPE_CATALOGUE, PdResource)

PdResourceList *pd_notification_type_catalogue_get_groups (PdNotificationTypeCatalogue *self);

G_END_DECLS

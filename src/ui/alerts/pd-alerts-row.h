/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pd-in-app-notification.h"

G_BEGIN_DECLS

/* One in-app notification in the popover: severity icon and word, title, text, when, and
 * "Mark as Read" (action alerts.mark-read with the id) while unread; an arrow when it is
 * about a client, which activating the row opens. */
#define PD_TYPE_ALERTS_ROW (pd_alerts_row_get_type ())
G_DECLARE_FINAL_TYPE (PdAlertsRow, pd_alerts_row, PD, ALERTS_ROW, GtkWidget)

GtkWidget *pd_alerts_row_new      (void);
/* @marked: read here already, the portal not yet told (offline) */
void       pd_alerts_row_set_item (PdAlertsRow         *self,
                                   PdInAppNotification *item,
                                   gboolean             marked);
void       pd_alerts_row_mark     (PdAlertsRow         *self);
PdInAppNotification *pd_alerts_row_get_item (PdAlertsRow *self);
/* Whether the notification is about a client, so that activating the row opens it */
gboolean   pd_alerts_row_opens_client (PdAlertsRow *self);

/* The translated word for @severity ("Warning"), so meaning never rests on colour */
const char *pd_alerts_severity_get_label     (PdNotificationSeverity severity);
const char *pd_alerts_severity_get_icon_name (PdNotificationSeverity severity);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pd-session.h"

G_BEGIN_DECLS

/* The header-bar button of the portal's in-app notifications: the unread count on the
 * button (and in its accessible label), and a popover listing them newest first with
 * "Mark as Read" on each and "Mark All Read", both through PdEdit (queued when offline).
 * Activating a notification about a client opens it (win.show-client) and closes the popover. */
#define PD_TYPE_ALERTS_BUTTON (pd_alerts_button_get_type ())
G_DECLARE_FINAL_TYPE (PdAlertsButton, pd_alerts_button, PD, ALERTS_BUTTON, GtkWidget)

GtkWidget *pd_alerts_button_new            (void);
void       pd_alerts_button_set_session    (PdAlertsButton *self,
                                            PdSession      *session);
/* Unread notifications, counting those marked here and not yet confirmed as read */
guint      pd_alerts_button_get_n_unread   (PdAlertsButton *self);
GtkPopover *pd_alerts_button_get_popover   (PdAlertsButton *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pd-notification-choice.h"
#include "pd-session.h"

G_BEGIN_DECLS

/* One notification type: a switch to send it or not and, when expanded, its frequency, the
 * number of events it waits for, all clients or selected ones, and a preview of the e-mail.
 * Edits the choice. */
#define PD_TYPE_NOTIFICATION_TYPE_ROW (pd_notification_type_row_get_type ())
G_DECLARE_FINAL_TYPE (PdNotificationTypeRow, pd_notification_type_row, PD, NOTIFICATION_TYPE_ROW, AdwExpanderRow)

GtkWidget            *pd_notification_type_row_new        (PdSession             *session,
                                                           PdNotificationChoice  *choice);
PdNotificationChoice *pd_notification_type_row_get_choice (PdNotificationTypeRow *self);

G_END_DECLS

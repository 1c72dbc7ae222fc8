/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pd-models.h"
#include "pd-session.h"

G_BEGIN_DECLS

/* The portal's sample e-mail of one notification type (GET
 * /notification-types/{key}/preview): subject and text, fetched when the dialog opens. */
#define PD_TYPE_NOTIFICATION_PREVIEW (pd_notification_preview_get_type ())
G_DECLARE_FINAL_TYPE (PdNotificationPreview, pd_notification_preview, PD, NOTIFICATION_PREVIEW, AdwWindow)

GtkWidget  *pd_notification_preview_new         (PdSession             *session,
                                                 PdNotificationType    *type);
/* NULL until the preview arrived */
const char *pd_notification_preview_get_subject (PdNotificationPreview *self);
const char *pd_notification_preview_get_body    (PdNotificationPreview *self);

G_END_DECLS

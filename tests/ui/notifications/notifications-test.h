/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers of the Notifications tests: the section in a real session view against the
 * reference portal, the portal asked directly, and the page's dialogs. */
#pragma once

#include "pd-notification-type-row.h"
#include "pd-notifications-page-private.h"
#include "pd-session-view.h"
#include "pd-ui-test.h"

G_BEGIN_DECLS

/* A session view of @test's session in a window @width wide, showing Notifications,
 * loaded. */
PdNotificationsPage   *nt_open_page        (PdUiTestSession      *test,
                                            int                   width,
                                            PdSessionView       **view,
                                            GtkWindow           **window);
void                   nt_wait_loaded      (PdNotificationsPage  *page);
/* Waits for the edits under way to be answered. */
void                   nt_wait_saved       (PdNotificationsPage  *page);
PdNotificationTypeRow *nt_row              (PdNotificationsPage  *page,
                                            const char           *key);
/* The row of @type_row titled “Preview E-mail” */
GtkWidget             *nt_preview_row      (PdNotificationTypeRow *type_row);

/* The portal, with the session's own client: the JSON of a GET (its ETag into @etag when
 * not NULL), and a change behind the page's back. */
JsonNode              *nt_portal_get       (PdSession            *session,
                                            const char           *path,
                                            char                **etag);
void                   nt_portal_send      (PdSession            *session,
                                            const char           *method,
                                            const char           *path,
                                            JsonNode             *body,
                                            const char           *etag);
/* The portal's setting of @key in a NotificationSettings document */
JsonObject            *nt_setting          (JsonNode             *settings,
                                            const char           *key);

/* The mapped AdwMessageDialog whose heading is @heading, after waiting for it */
AdwMessageDialog      *nt_wait_dialog      (const char           *heading);
void                   nt_respond          (AdwMessageDialog     *dialog,
                                            const char           *response);

G_END_DECLS

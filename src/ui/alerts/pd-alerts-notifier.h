/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pd-session.h"

G_BEGIN_DECLS

/* Desktop notifications of a session's new events (see PdAlertTracker): one GNotification
 * per event, with the event's key as its id, or one summary when more than
 * PD_ALERTS_GROUP_THRESHOLD arrive at once. Activating one opens the client
 * (app.show-client, the organization id as target; added to the application here).
 *
 * Also keeps the application (and the session's refresh) running when its last window
 * closes, if the "background-notifications" setting is on; in a Flatpak it asks the
 * background portal first. */
#define PD_TYPE_ALERTS_NOTIFIER (pd_alerts_notifier_get_type ())
G_DECLARE_FINAL_TYPE (PdAlertsNotifier, pd_alerts_notifier, PD, ALERTS_NOTIFIER, GObject)

#define PD_ALERTS_GROUP_THRESHOLD 3

/* @settings: the application's (may be NULL: never runs in the background) */
PdAlertsNotifier *pd_alerts_notifier_new            (GtkApplication   *app,
                                                     GSettings        *settings);
void              pd_alerts_notifier_set_session    (PdAlertsNotifier *self,
                                                     PdSession        *session);
/* The last window is closing: TRUE when the application stays (held) with its session. */
gboolean          pd_alerts_notifier_keep_running   (PdAlertsNotifier *self);

/* For tests only: called instead of g_application_send_notification(), because no
 * notification server can run in a test's private D-Bus session. */
typedef void (*PdAlertsSendFunc) (GApplication  *app,
                                  const char    *id,
                                  GNotification *notification,
                                  gpointer       user_data);
void              pd_alerts_notifier_set_send_func  (PdAlertsNotifier *self,
                                                     PdAlertsSendFunc  func,
                                                     gpointer          user_data);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-alert.h"
#include "pd-session.h"

G_BEGIN_DECLS

/* Decides which events of a session are new after each sync and worth a desktop
 * notification. What was raised is remembered in the account's cache (document
 * "alerts/raised"), so an event is raised once, also across restarts. The first sync of an
 * account only records what is there: old events never flood a first start.
 *
 * Signal "raised" (GPtrArray *alerts of PdAlert, borrowed): new events, at most once per
 * sync, never empty; "evaluated" follows every evaluation. */
#define PD_TYPE_ALERT_TRACKER (pd_alert_tracker_get_type ())
G_DECLARE_FINAL_TYPE (PdAlertTracker, pd_alert_tracker, PD, ALERT_TRACKER, GObject)

/* @session: started (its engine and cache exist) */
PdAlertTracker *pd_alert_tracker_new         (PdSession      *session);
PdSession      *pd_alert_tracker_get_session (PdAlertTracker *self);

G_END_DECLS

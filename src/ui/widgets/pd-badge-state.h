/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "pd-service.h"

G_BEGIN_DECLS

/* What a status badge shows for a service: its authorization state when that stops the
 * backup, otherwise its backup status. */
typedef enum {
  PD_BADGE_STATE_UNKNOWN = 0,
  PD_BADGE_STATE_SUCCESS,
  PD_BADGE_STATE_RUNNING,
  PD_BADGE_STATE_RETRYING,
  PD_BADGE_STATE_WARNING,
  PD_BADGE_STATE_FAILED,
  PD_BADGE_STATE_PAUSED,
  PD_BADGE_STATE_NEVER_RUN,
  PD_BADGE_STATE_NEEDS_AUTHORIZATION,
  PD_BADGE_STATE_PENDING_CLIENT_ADMIN,
  PD_BADGE_STATE_CONSENT_LOST,
} PdBadgeState;

#define PD_BADGE_STATE_LAST PD_BADGE_STATE_CONSENT_LOST

#define PD_TYPE_BADGE_STATE (pd_badge_state_get_type ())
GType         pd_badge_state_get_type        (void) G_GNUC_CONST;

/* Authorization wins: unauthorized, agreement accepted and awaiting consent → needs
 * authorization; pending client admin and consent lost → their own states; authorized (or a
 * state this version does not know) → the backup status. NULL → unknown. */
PdBadgeState  pd_badge_state_for_service     (PdService    *service);
/* Whether @service's tile offers the two first authorization steps ("I am the admin",
 * "Someone else is the admin"): unauthorized, agreement accepted, awaiting consent, consent
 * lost. Pending client admin waits for the client, so it offers none. */
gboolean      pd_badge_state_service_needs_authorization (PdService *service);

/* Translated, short ("Failed", "Needs authorization") */
const char   *pd_badge_state_get_label       (PdBadgeState  state);
/* A symbolic icon of the Adwaita theme */
const char   *pd_badge_state_get_icon_name   (PdBadgeState  state);
/* "pd-badge-success", …: the tint the stylesheet gives the badge */
const char   *pd_badge_state_get_css_class   (PdBadgeState  state);
/* Higher is worse, for "worst status first" sorting; success is 0 */
int           pd_badge_state_get_severity    (PdBadgeState  state);
/* What "problems only" keeps: warning, failed, needs authorization, pending client admin,
 * consent lost. Retrying is not one (the portal retries by itself). */
gboolean      pd_badge_state_is_problem      (PdBadgeState  state);

G_END_DECLS

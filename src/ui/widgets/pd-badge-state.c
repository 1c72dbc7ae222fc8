/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-badge-state.h"

G_DEFINE_ENUM_TYPE (PdBadgeState, pd_badge_state,
  G_DEFINE_ENUM_VALUE (PD_BADGE_STATE_UNKNOWN, "unknown"),
  G_DEFINE_ENUM_VALUE (PD_BADGE_STATE_SUCCESS, "success"),
  G_DEFINE_ENUM_VALUE (PD_BADGE_STATE_RUNNING, "running"),
  G_DEFINE_ENUM_VALUE (PD_BADGE_STATE_RETRYING, "retrying"),
  G_DEFINE_ENUM_VALUE (PD_BADGE_STATE_WARNING, "warning"),
  G_DEFINE_ENUM_VALUE (PD_BADGE_STATE_FAILED, "failed"),
  G_DEFINE_ENUM_VALUE (PD_BADGE_STATE_PAUSED, "paused"),
  G_DEFINE_ENUM_VALUE (PD_BADGE_STATE_NEVER_RUN, "never-run"),
  G_DEFINE_ENUM_VALUE (PD_BADGE_STATE_NEEDS_AUTHORIZATION, "needs-authorization"),
  G_DEFINE_ENUM_VALUE (PD_BADGE_STATE_PENDING_CLIENT_ADMIN, "pending-client-admin"),
  G_DEFINE_ENUM_VALUE (PD_BADGE_STATE_CONSENT_LOST, "consent-lost"))

typedef struct
{
  const char *label;      /* N_() */
  const char *icon_name;
  const char *css_class;
  int         severity;
  gboolean    problem;
} StateInfo;

/* Severity: what a technician must look at first sorts first. Consent lost stops every
 * backup of the service silently, so it outranks a failed run; unknown sits just above
 * success so it is not hidden among the healthy ones. */
static const StateInfo states[] = {
  [PD_BADGE_STATE_UNKNOWN] = { N_("Unknown"), "dialog-question-symbolic", "pd-badge-unknown", 1, FALSE },
  [PD_BADGE_STATE_SUCCESS] = { N_("Success"), "emblem-ok-symbolic", "pd-badge-success", 0, FALSE },
  [PD_BADGE_STATE_RUNNING] = { N_("Running"), "emblem-synchronizing-symbolic", "pd-badge-running", 2, FALSE },
  [PD_BADGE_STATE_RETRYING] = { N_("Retrying"), "media-playlist-repeat-symbolic", "pd-badge-retrying", 5, FALSE },
  [PD_BADGE_STATE_WARNING] = { N_("Warning"), "dialog-warning-symbolic", "pd-badge-warning", 7, TRUE },
  [PD_BADGE_STATE_FAILED] = { N_("Failed"), "dialog-error-symbolic", "pd-badge-failed", 9, TRUE },
  [PD_BADGE_STATE_PAUSED] = { N_("Paused"), "media-playback-pause-symbolic", "pd-badge-paused", 4, FALSE },
  [PD_BADGE_STATE_NEVER_RUN] = { N_("Never run"), "appointment-soon-symbolic", "pd-badge-never-run", 3, FALSE },
  [PD_BADGE_STATE_NEEDS_AUTHORIZATION] = { N_("Needs authorization"), "dialog-password-symbolic", "pd-badge-needs-authorization", 8, TRUE },
  [PD_BADGE_STATE_PENDING_CLIENT_ADMIN] = { N_("Pending client admin"), "avatar-default-symbolic", "pd-badge-pending-client-admin", 6, TRUE },
  [PD_BADGE_STATE_CONSENT_LOST] = { N_("Consent lost"), "security-low-symbolic", "pd-badge-consent-lost", 10, TRUE },
};

G_STATIC_ASSERT (G_N_ELEMENTS (states) == PD_BADGE_STATE_LAST + 1);

static const StateInfo *
get_info (PdBadgeState state)
{
  if ((guint) state > PD_BADGE_STATE_LAST)
    state = PD_BADGE_STATE_UNKNOWN;
  return &states[state];
}

PdBadgeState
pd_badge_state_for_service (PdService *service)
{
  g_return_val_if_fail (service == NULL || PD_IS_SERVICE (service), PD_BADGE_STATE_UNKNOWN);

  if (service == NULL)
    return PD_BADGE_STATE_UNKNOWN;

  switch (pd_service_get_authorization_state (service))
    {
    case PD_AUTHORIZATION_STATE_UNAUTHORIZED:
    case PD_AUTHORIZATION_STATE_AGREEMENT_ACCEPTED:
    case PD_AUTHORIZATION_STATE_AWAITING_CONSENT:
      return PD_BADGE_STATE_NEEDS_AUTHORIZATION;
    case PD_AUTHORIZATION_STATE_PENDING_CLIENT_ADMIN:
      return PD_BADGE_STATE_PENDING_CLIENT_ADMIN;
    case PD_AUTHORIZATION_STATE_CONSENT_LOST:
      return PD_BADGE_STATE_CONSENT_LOST;
    case PD_AUTHORIZATION_STATE_AUTHORIZED:
    case PD_AUTHORIZATION_STATE_UNKNOWN:
    default:
      break;
    }

  switch (pd_service_get_backup_status (service))
    {
    case PD_BACKUP_STATUS_SUCCESS: return PD_BADGE_STATE_SUCCESS;
    case PD_BACKUP_STATUS_RUNNING: return PD_BADGE_STATE_RUNNING;
    case PD_BACKUP_STATUS_RETRYING: return PD_BADGE_STATE_RETRYING;
    case PD_BACKUP_STATUS_WARNING: return PD_BADGE_STATE_WARNING;
    case PD_BACKUP_STATUS_FAILED: return PD_BADGE_STATE_FAILED;
    case PD_BACKUP_STATUS_PAUSED: return PD_BADGE_STATE_PAUSED;
    case PD_BACKUP_STATUS_NEVER_RUN: return PD_BADGE_STATE_NEVER_RUN;
    case PD_BACKUP_STATUS_UNKNOWN:
    default:
      return PD_BADGE_STATE_UNKNOWN;
    }
}

gboolean
pd_badge_state_service_needs_authorization (PdService *service)
{
  g_return_val_if_fail (service == NULL || PD_IS_SERVICE (service), FALSE);

  if (service == NULL)
    return FALSE;

  switch (pd_service_get_authorization_state (service))
    {
    case PD_AUTHORIZATION_STATE_UNAUTHORIZED:
    case PD_AUTHORIZATION_STATE_AGREEMENT_ACCEPTED:
    case PD_AUTHORIZATION_STATE_AWAITING_CONSENT:
    case PD_AUTHORIZATION_STATE_CONSENT_LOST:
      return TRUE;
    case PD_AUTHORIZATION_STATE_UNKNOWN:
    case PD_AUTHORIZATION_STATE_PENDING_CLIENT_ADMIN:
    case PD_AUTHORIZATION_STATE_AUTHORIZED:
    default:
      return FALSE;
    }
}

const char *
pd_badge_state_get_label (PdBadgeState state)
{
  return _(get_info (state)->label);
}

const char *
pd_badge_state_get_icon_name (PdBadgeState state)
{
  return get_info (state)->icon_name;
}

const char *
pd_badge_state_get_css_class (PdBadgeState state)
{
  return get_info (state)->css_class;
}

int
pd_badge_state_get_severity (PdBadgeState state)
{
  return get_info (state)->severity;
}

gboolean
pd_badge_state_is_problem (PdBadgeState state)
{
  return get_info (state)->problem;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-authorization.h"
#include "pd-session.h"

G_BEGIN_DECLS

/* The pending invitations to clients' admins of one session, for the tiles: the synced
 * services only say an invitation is pending, so its authorization (who was invited, when)
 * is read once per sync here, never per tile: tiles are recycled with every scroll. While
 * someone holds it (a visible page showing tiles) and an invitation is pending, it also
 * polls those authorizations with backoff, and asks for a delta sync when one moved on (the
 * client's admin accepted), so the tile follows without waiting for the periodic refresh.
 * Emits ::changed when what it holds changed. Main thread only. */
#define PD_TYPE_INVITATIONS (pd_invitations_get_type ())
G_DECLARE_FINAL_TYPE (PdInvitations, pd_invitations, PD, INVITATIONS, GObject)

/* The session's store (created on first use, kept with the session) */
PdInvitations   *pd_invitations_get     (PdSession       *session);
/* The pending invitation's authorization of @service_id, or NULL when none is known */
PdAuthorization *pd_invitations_lookup  (PdInvitations   *self,
                                         const char      *service_id);
/* What the portal answered for @service_id (an invitation sent or resent), or NULL when
 * none is pending any more (cancelled) */
void             pd_invitations_put     (PdInvitations   *self,
                                         const char      *service_id,
                                         PdAuthorization *authorization);
/* Same, from the body of the portal's answer (an Authorization); FALSE when it is not one */
gboolean         pd_invitations_put_json (PdInvitations  *self,
                                          const char     *service_id,
                                          JsonNode       *root);
void             pd_invitations_refresh (PdInvitations   *self);
/* Counted: polling runs while held at least once and an invitation is pending */
void             pd_invitations_hold    (PdInvitations   *self);
void             pd_invitations_release (PdInvitations   *self);

G_END_DECLS

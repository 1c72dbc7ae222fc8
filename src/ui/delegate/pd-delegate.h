/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pd-organization.h"
#include "pd-service-tile.h"
#include "pd-session.h"

G_BEGIN_DECLS

/* “Someone else is the admin”, reached through the window's actions (src/ui/shell):
 * "win.invite-client-admin" opens the invitation dialog, "win.resend-client-invite" sends
 * the pending invitation again, "win.change-client-invite" cancels it and invites again
 * with its address offered, "win.cancel-client-invite" cancels it after a confirmation.
 * @widget: the window's session view (for dialogs and toasts). Refused with the reason as
 * a toast when the role or its access scope does not allow it. */
void  pd_delegate_activate   (GtkWidget      *widget,
                              PdSession      *session,
                              const char     *action_name,
                              const char     *organization_id,
                              const char     *service_id);

/* Why the signed-in user may not invite a client admin for @organization (no
 * services.authorize, or outside the groups' access scope), or NULL */
char *pd_delegate_dup_reason (PdSession      *session,
                              PdOrganization *organization);

/* Hands @tile (showing a service of @organization) its pending invitation from the
 * session's store and whether inviting is offered: no request, so it is cheap on every
 * bind of a recycled tile. */
void  pd_delegate_sync_tile  (PdServiceTile  *tile,
                              PdSession      *session,
                              PdOrganization *organization);

/* Polls the session's pending invitations while @widget (a page or section showing tiles)
 * is mapped, so a tile moves on by itself when the client's admin accepts, even with a
 * long refresh interval; a hidden page or window does not poll. */
void  pd_delegate_poll_while_mapped (GtkWidget *widget,
                                     PdSession *session);

G_END_DECLS

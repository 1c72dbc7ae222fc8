/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pd-authorization.h"
#include "pd-organization.h"
#include "pd-service.h"
#include "pd-session.h"

G_BEGIN_DECLS

/* “Someone else is the admin”: the client administrator's e-mail (checked as it is typed)
 * and an optional message, sent through the outbox (POST …/authorization/delegate). What the
 * portal refuses is shown on its field or above the form, and nothing typed is lost; closing
 * before sending keeps a local draft ("drafts/invite/<organization>/<service>") that the next
 * opening restores. With @replacing (Change E-mail) that pending invitation is cancelled
 * first (DELETE with its ETag) and its address is offered for correction. */
#define PD_TYPE_INVITE_DIALOG (pd_invite_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PdInviteDialog, pd_invite_dialog, PD, INVITE_DIALOG, AdwWindow)

GtkWidget *pd_invite_dialog_new (PdSession       *session,
                                 PdOrganization  *organization,
                                 PdService       *service,
                                 PdAuthorization *replacing);

G_END_DECLS

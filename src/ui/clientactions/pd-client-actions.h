/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pd-organization.h"
#include "pd-session.h"
#include "pd-sign-in.h"

G_BEGIN_DECLS

/* The actions menu of a client's header: its link to a service account (map, change,
 * unlink), admin access for the client's own administrators (co-management), signing in
 * to its client portal, and a reset-password e-mail to its admin. Each is allowed only as
 * the role, the groups and the client's state allow, and says why not otherwise. */
#define PD_TYPE_CLIENT_ACTIONS (pd_client_actions_get_type ())
G_DECLARE_FINAL_TYPE (PdClientActions, pd_client_actions, PD, CLIENT_ACTIONS, GtkWidget)

GtkWidget *pd_client_actions_new            (PdSession       *session,
                                             PdOrganization  *organization);
/* Replaces opening the client portal in the browser (pd_open_uri): tests record the link */
void       pd_client_actions_set_uri_opener (PdClientActions *self,
                                             PdOpenUriFunc    func,
                                             gpointer         user_data);

G_END_DECLS

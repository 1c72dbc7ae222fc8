/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pd-session.h"
#include "pd-sign-in.h"

G_BEGIN_DECLS

/* "I am the admin": authorizes one service of a client step by step (service agreement,
 * permissions, the tenant's consent in the browser, seats, summary). The portal's state
 * decides where it starts, so closing it midway loses nothing; the choices the portal does
 * not keep (optional permissions, seats) live in a local draft. */
#define PD_TYPE_AUTHORIZE_WIZARD (pd_authorize_wizard_get_type ())
G_DECLARE_FINAL_TYPE (PdAuthorizeWizard, pd_authorize_wizard, PD, AUTHORIZE_WIZARD, AdwWindow)

/* @parent: a widget of the window it is modal to */
GtkWidget *pd_authorize_wizard_new            (GtkWidget         *parent,
                                               PdSession         *session,
                                               const char        *organization_id,
                                               const char        *service_id);
/* Replaces opening the browser (pd_open_uri), for tests: they cannot run a browser, and
 * play its part through the portal's pages instead. */
void       pd_authorize_wizard_set_uri_opener (PdAuthorizeWizard *self,
                                               PdOpenUriFunc      func,
                                               gpointer           user_data);
/* Shows the wizard for a service; what win.authorize-service does. */
void       pd_authorize_wizard_present        (GtkWidget         *parent,
                                               PdSession         *session,
                                               const char        *organization_id,
                                               const char        *service_id);

G_END_DECLS

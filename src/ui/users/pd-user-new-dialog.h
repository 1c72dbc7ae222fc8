/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pd-session.h"

G_BEGIN_DECLS

/* Creates a partner user: name, e-mail, an invitation or an initial password (the portal's
 * rules shown as it is typed), a role ranked below the signed-in user's, and whether they get
 * e-mails about errors. What the portal refuses is shown on its field; nothing typed is lost. */
#define PD_TYPE_USER_NEW_DIALOG (pd_user_new_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PdUserNewDialog, pd_user_new_dialog, PD, USER_NEW_DIALOG, AdwWindow)

/* @parent: a widget of the window the dialog is for */
GtkWindow *pd_user_new_dialog_new (PdSession *session,
                                   GtkWidget *parent);

G_END_DECLS

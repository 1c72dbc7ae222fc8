/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pd-models.h"
#include "pd-session.h"

G_BEGIN_DECLS

/* Edits a partner user: name, role, notification choice (saved together, with If-Match on the
 * version shown when the dialog opened), and at once, each after a confirmation: password
 * reset, deactivate or reactivate, delete. What the role may not do, and the portal's own
 * rules (the owner, oneself, rank), disable the action with the reason. */
#define PD_TYPE_USER_EDIT_DIALOG (pd_user_edit_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PdUserEditDialog, pd_user_edit_dialog, PD, USER_EDIT_DIALOG, AdwWindow)

/* @user: from pd_session_get_users(); @parent: a widget of the window the dialog is for */
GtkWindow *pd_user_edit_dialog_new (PdSession *session,
                                    PdUser    *user,
                                    GtkWidget *parent);

G_END_DECLS

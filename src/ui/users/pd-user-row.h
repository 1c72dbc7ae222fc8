/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pd-models.h"

G_BEGIN_DECLS

/* One partner user in the Users list: name, e-mail, role, the groups they manage, MFA, last
 * sign-in and status (an icon and a word). Follows the user as syncs update it in place. */
#define PD_TYPE_USER_ROW (pd_user_row_get_type ())
G_DECLARE_FINAL_TYPE (PdUserRow, pd_user_row, PD, USER_ROW, GtkWidget)

GtkWidget *pd_user_row_new      (void);
/* @groups: the session's groups, for the groups @user manages; both may be NULL (unbind) */
void       pd_user_row_set_user (PdUserRow  *self,
                                 PdUser     *user,
                                 GListModel *groups);
PdUser    *pd_user_row_get_user (PdUserRow  *self);

G_END_DECLS

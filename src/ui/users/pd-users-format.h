/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "pd-models.h"
#include "pd-session.h"

G_BEGIN_DECLS

/* What may be done to a partner user, each with its own portal rules */
typedef enum {
  PD_USER_ACTION_EDIT,            /* name and notification choice */
  PD_USER_ACTION_CHANGE_ROLE,
  PD_USER_ACTION_CHANGE_STATUS,   /* deactivate or reactivate */
  PD_USER_ACTION_DELETE,
  PD_USER_ACTION_RESET_PASSWORD,
} PdUserAction;

/* "Active", "Deactivated": the status in words, with an icon beside it, never colour alone */
const char *pd_users_status_text      (PdUserStatus  status);
const char *pd_users_status_icon      (PdUserStatus  status);
/* The names of the groups @user_id manages ("Berlin office, Key accounts"), NULL for none.
 * Groups are the only membership the portal gives a user (see docs/portal-api.yaml). */
char       *pd_users_dup_groups       (GListModel   *groups,
                                       const char   *user_id);
/* The portal's own rules on top of the permission (owner, oneself, rank, deactivated), as a
 * sentence for pd_permission_gate_set_reason(); NULL when they allow @action on @user. */
char       *pd_users_dup_refusal      (PdSession    *session,
                                       PdUser       *user,
                                       PdUserAction  action);
/* Whether the signed-in user may give @role: the portal grants only roles ranked below one's own */
gboolean    pd_users_role_grantable   (PdSession    *session,
                                       PdRole       *role);

G_END_DECLS

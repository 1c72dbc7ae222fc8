/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-group.h"
#include "pd-session.h"
#include "pd-user.h"

G_BEGIN_DECLS

/* “All organizations” for an empty scope, else “12 organizations” */
char       *pd_group_text_scope            (PdGroup *group);
/* “No managers”, “1 manager”, “3 managers” */
char       *pd_group_text_managers         (PdGroup *group);
/* Why @user cannot become a manager of @group (translated), or NULL when they can. The
 * portal's rule: an active user whose role is the built-in Admin or Support. */
char       *pd_group_text_manager_refusal  (PdGroup *group,
                                            PdUser  *user);

/* What a user whose own access is limited to their groups' organizations may not do, since
 * it could widen someone's access beyond theirs (the portal refuses it with 403 “scope”) */
typedef enum {
  PD_GROUP_SCOPED_CREATE,
  PD_GROUP_SCOPED_DELETE,
  PD_GROUP_SCOPED_REMOVE_MANAGER,
  PD_GROUP_SCOPED_REMOVE_LAST,   /* the last organization: an empty scope means all */
} PdGroupScopedAction;

/* Why the signed-in user may not do @action (translated), or NULL when they may */
char       *pd_group_text_scoped_refusal   (PdSession           *session,
                                            PdGroupScopedAction  action);

G_END_DECLS

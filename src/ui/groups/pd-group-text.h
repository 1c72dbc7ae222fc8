/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-group.h"
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

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-role.h"
#include "pd-session.h"

G_BEGIN_DECLS

/* What the portal lets the signed-in user do with roles (src/portal-server/pd-portal-roles.c),
 * asked before sending so the UI offers only that, with the reason when not. */

/* The highest rank a role the user creates or changes may have (one below their own), 0
 * when no rank is below theirs or /me is not known yet. */
gint64  pd_role_rules_max_rank        (PdSession  *session);
/* Why the user cannot create roles (translated), or NULL when they can */
char   *pd_role_rules_why_not_create  (PdSession  *session);
/* Why the user cannot change or delete @role, or NULL when they can */
char   *pd_role_rules_why_not_change  (PdSession  *session,
                                       PdRole     *role);
/* Whether the user may give @permission to a role (their own role must have it) */
gboolean pd_role_rules_can_grant      (PdSession  *session,
                                       const char *permission);

G_END_DECLS

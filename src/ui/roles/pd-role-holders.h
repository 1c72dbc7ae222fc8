/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pd-role.h"
#include "pd-session.h"

G_BEGIN_DECLS

/* The session's users (PdUser) who hold the role @role_id, as a filter over
 * pd_session_get_users(), so it follows the users list without copying it. */
GListModel *pd_role_holders_new       (PdSession  *session,
                                       const char *role_id);
/* How many users hold @role: counted in @holders when the user may see users, else the
 * portal's count from when the role was read. */
guint       pd_role_holders_count     (PdSession  *session,
                                       PdRole     *role,
                                       GListModel *holders);
/* One line per holder, “Name <e-mail>”, for messages */
char       *pd_role_holders_dup_lines (GListModel *holders);

G_END_DECLS

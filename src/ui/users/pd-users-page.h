/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pd-session.h"

G_BEGIN_DECLS

/* The Users section: the partner's users, searched by name or e-mail and filtered by role,
 * each opening its editor; a new user from the toolbar. Follows the session's users list. */
#define PD_TYPE_USERS_PAGE (pd_users_page_get_type ())
G_DECLARE_FINAL_TYPE (PdUsersPage, pd_users_page, PD, USERS_PAGE, AdwBin)

GtkWidget *pd_users_page_new (PdSession *session);

G_END_DECLS

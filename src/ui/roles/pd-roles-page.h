/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pd-session.h"

G_BEGIN_DECLS

/* The Roles section: every role with its kind, rank and number of holders, a search, and
 * New Role; a role opens in the role editor. */
#define PD_TYPE_ROLES_PAGE (pd_roles_page_get_type ())
G_DECLARE_FINAL_TYPE (PdRolesPage, pd_roles_page, PD, ROLES_PAGE, AdwBin)

GtkWidget *pd_roles_page_new (PdSession *session);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pd-role.h"
#include "pd-session.h"

G_BEGIN_DECLS

/* One role in the Roles list: name, built-in or custom, rank, and how many users hold it. */
#define PD_TYPE_ROLE_ROW (pd_role_row_get_type ())
G_DECLARE_FINAL_TYPE (PdRoleRow, pd_role_row, PD, ROLE_ROW, GtkWidget)

GtkWidget *pd_role_row_new      (void);
/* @role: NULL to unbind (the list view recycles rows) */
void       pd_role_row_set_role (PdRoleRow *self,
                                 PdSession *session,
                                 PdRole    *role);
PdRole    *pd_role_row_get_role (PdRoleRow *self);
/* The count as shown, e.g. “3 users” (tests read it) */
const char *pd_role_row_get_count_text (PdRoleRow *self);

G_END_DECLS

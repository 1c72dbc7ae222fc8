/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pd-group.h"
#include "pd-session.h"

G_BEGIN_DECLS

/* The “Group managers” tab of the group editor: who manages the group, added through a
 * picker of partner users that offers only those the portal accepts (the others shown with
 * the reason), removed one by one with Undo. */
#define PD_TYPE_GROUP_MANAGERS (pd_group_managers_get_type ())
G_DECLARE_FINAL_TYPE (PdGroupManagers, pd_group_managers, PD, GROUP_MANAGERS, AdwBin)

GtkWidget *pd_group_managers_new (PdSession *session,
                                  PdGroup   *group);

G_END_DECLS

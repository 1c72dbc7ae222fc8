/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pd-group.h"
#include "pd-session.h"

G_BEGIN_DECLS

/* The “Access scope” tab of the group editor: the group's organizations (searchable, any
 * number), added through a picker over every client and removed one by one with Undo.
 * An empty scope means all organizations, and says so. */
#define PD_TYPE_GROUP_SCOPE (pd_group_scope_get_type ())
G_DECLARE_FINAL_TYPE (PdGroupScope, pd_group_scope, PD, GROUP_SCOPE, AdwBin)

GtkWidget *pd_group_scope_new (PdSession *session,
                               PdGroup   *group);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pd-group.h"
#include "pd-session.h"

G_BEGIN_DECLS

/* A group, pushed over the Groups section: its name and description (edited in a dialog),
 * the tabs “Access scope” and “Group managers”, and deleting it. Follows the group as the
 * session updates it and goes back when it is gone. Property "title": the group's name. */
#define PD_TYPE_GROUP_EDITOR (pd_group_editor_get_type ())
G_DECLARE_FINAL_TYPE (PdGroupEditor, pd_group_editor, PD, GROUP_EDITOR, AdwBin)

GtkWidget *pd_group_editor_new (PdSession *session,
                                PdGroup   *group);

G_END_DECLS

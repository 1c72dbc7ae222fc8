/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pd-role.h"
#include "pd-session.h"

G_BEGIN_DECLS

/* A role in a dialog: built-in roles and those the user may not change read-only (with the
 * reason), custom ones editable (name, description, rank, permissions) and deletable;
 * every role lists its holders and can be duplicated. Changes go through PdEdit. */
#define PD_TYPE_ROLE_EDITOR (pd_role_editor_get_type ())
G_DECLARE_FINAL_TYPE (PdRoleEditor, pd_role_editor, PD, ROLE_EDITOR, AdwWindow)

/* @role: the role to show; NULL creates one, starting from @source (a duplicate) when
 * given, else from nothing. */
GtkWidget *pd_role_editor_new (PdSession *session,
                               PdRole    *role,
                               PdRole    *source);
/* Opens the editor transient for @parent's window. */
void       pd_role_editor_open (GtkWidget *parent,
                                PdSession *session,
                                PdRole    *role,
                                PdRole    *source);

G_END_DECLS

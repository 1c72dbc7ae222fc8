/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pd-group.h"
#include "pd-session.h"

G_BEGIN_DECLS

/* The name and description of a group: a new group (@group NULL; “created” with its id
 * once the portal made it) or an existing one. Closes when the portal took the change or
 * it waits in the outbox; the portal's objections stay beside the fields, input kept. */
#define PD_TYPE_GROUP_DETAILS_DIALOG (pd_group_details_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PdGroupDetailsDialog, pd_group_details_dialog, PD, GROUP_DETAILS_DIALOG, AdwWindow)

/* @parent: a widget of the window the dialog is transient for */
GtkWidget *pd_group_details_dialog_new (GtkWidget *parent,
                                        PdSession *session,
                                        PdGroup   *group);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pd-session.h"

G_BEGIN_DECLS

/* Links a client (organization) to its service account, the backup provider's customer
 * account: search the partner's service accounts, pick a free one (those linked to another
 * client are shown with which one, and cannot be picked), confirm. Also changes the link
 * of a mapped client. Closes itself once the portal took the change. */
#define PD_TYPE_MAPPING_DIALOG (pd_mapping_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PdMappingDialog, pd_mapping_dialog, PD, MAPPING_DIALOG, AdwWindow)

/* @parent: the widget it is opened from; the dialog is modal to its window, and the
 * outcome is a toast there. */
GtkWidget *pd_mapping_dialog_new     (GtkWidget  *parent,
                                      PdSession  *session,
                                      const char *organization_id);
/* Creates and presents one */
void       pd_mapping_dialog_present (GtkWidget  *parent,
                                      PdSession  *session,
                                      const char *organization_id);

G_END_DECLS

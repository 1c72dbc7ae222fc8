/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pd-session.h"

G_BEGIN_DECLS

/* The organizations not mapped to a service account, searchable, each opening its client
 * through @page's win.show-client or mapped on the spot (“Map…”, where the role may).
 * Follows @unmapped live. Modal to @page's window. */
#define PD_TYPE_UNMAPPED_DIALOG (pd_unmapped_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PdUnmappedDialog, pd_unmapped_dialog, PD, UNMAPPED_DIALOG, AdwWindow)

/* @unmapped: PdOrganization items (the page's filtered model) */
GtkWidget *pd_unmapped_dialog_new (GtkWidget  *page,
                                   PdSession  *session,
                                   GListModel *unmapped);

G_END_DECLS

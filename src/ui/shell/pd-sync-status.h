/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pd-session.h"

G_BEGIN_DECLS

/* The header bar's word on the sync: progress while syncing, "Updated 5 minutes ago",
 * offline, failed; a click opens the details and "Refresh Now". */
#define PD_TYPE_SYNC_STATUS (pd_sync_status_get_type ())
G_DECLARE_FINAL_TYPE (PdSyncStatus, pd_sync_status, PD, SYNC_STATUS, GtkWidget)

GtkWidget  *pd_sync_status_new         (void);
PdSession  *pd_sync_status_get_session (PdSyncStatus *self);
void        pd_sync_status_set_session (PdSyncStatus *self,
                                        PdSession    *session);
/* Narrow windows: the icon alone, the words in the tooltip and the popover */
gboolean    pd_sync_status_get_compact (PdSyncStatus *self);
void        pd_sync_status_set_compact (PdSyncStatus *self,
                                        gboolean      compact);
/* What the button says now (also its tooltip and accessible label) */
const char *pd_sync_status_get_text    (PdSyncStatus *self);
/* When this session last finished a sync, or NULL */
GDateTime  *pd_sync_status_get_last_success (PdSyncStatus *self);
/* Starts a sync now, as "Refresh Now" does */
void        pd_sync_status_refresh     (PdSyncStatus *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pd-badge-state.h"

G_BEGIN_DECLS

/* A pill with an icon and a word, tinted by state: never colour alone. */
#define PD_TYPE_STATUS_BADGE (pd_status_badge_get_type ())
G_DECLARE_FINAL_TYPE (PdStatusBadge, pd_status_badge, PD, STATUS_BADGE, GtkWidget)

GtkWidget    *pd_status_badge_new       (void);
PdBadgeState  pd_status_badge_get_state (PdStatusBadge *self);
void          pd_status_badge_set_state (PdStatusBadge *self,
                                         PdBadgeState   state);

G_END_DECLS

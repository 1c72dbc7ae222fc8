/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pd-authorization.h"
#include "pd-service.h"

G_BEGIN_DECLS

/* One protected application of a client as a card: icon and name, status badge, seat gauge
 * with its figures, last backup. Follows the service's notify, so an in-place update
 * (pd_resource_update) shows at once. Focusable; Enter, Space or a click emit ::activated
 * unless the tile is locked. */
#define PD_TYPE_SERVICE_TILE (pd_service_tile_get_type ())
G_DECLARE_FINAL_TYPE (PdServiceTile, pd_service_tile, PD, SERVICE_TILE, GtkWidget)

GtkWidget  *pd_service_tile_new               (void);
PdService  *pd_service_tile_get_service       (PdServiceTile *self);
/* NULL to empty the tile (e.g. when a list row is unbound) */
void        pd_service_tile_set_service       (PdServiceTile *self,
                                               PdService     *service);
const char *pd_service_tile_get_locked_reason (PdServiceTile *self);
/* NULL: the tile can be opened. Otherwise it shows a lock and @reason (also its tooltip),
 * still every metric, and ::activated is not emitted; “I am the admin” is disabled with
 * @reason, and the authorization buttons show only where inviting is allowed. */
void        pd_service_tile_set_locked_reason (PdServiceTile *self,
                                               const char    *reason);
/* Why “Someone else is the admin” and the invitation's menu (win.resend-client-invite,
 * win.change-client-invite, win.cancel-client-invite, each "(ss)": organization and
 * service id) are not available, or NULL when they are. */
void        pd_service_tile_set_delegate_reason (PdServiceTile *self,
                                                 const char    *reason);
/* The authorization of a pending invitation (sent when, to whom), or NULL when not known:
 * the container hands it over from a session-level store (no request per tile). */
void        pd_service_tile_set_invitation    (PdServiceTile   *self,
                                               PdAuthorization *authorization);
gboolean    pd_service_tile_get_large         (PdServiceTile *self);
/* The client detail page's big tiles: wider, with the suite and stored data */
void        pd_service_tile_set_large         (PdServiceTile *self,
                                               gboolean       large);
/* What a screen reader says for the tile (also its accessible label) */
char       *pd_service_tile_dup_summary       (PdServiceTile *self);

G_END_DECLS

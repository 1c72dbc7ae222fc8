/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pd-organization.h"
#include "pd-session.h"

G_BEGIN_DECLS

/* One row of the Clients page: the client's header (name, status, plan, region,
 * relationship, management modes, credential and mapping warnings) and a tile per service,
 * wrapping. Recycled by the list view: set the organization on bind, NULL on unbind; it
 * follows the organization's and its services' in-place updates meanwhile. Activating a
 * tile (or its authorization buttons) activates win.show-client unless the tile is locked. */
#define PD_TYPE_CLIENT_SECTION (pd_client_section_get_type ())
G_DECLARE_FINAL_TYPE (PdClientSection, pd_client_section, PD, CLIENT_SECTION, GtkWidget)

GtkWidget      *pd_client_section_new                 (void);
PdOrganization *pd_client_section_get_organization    (PdClientSection *self);
void            pd_client_section_set_organization    (PdClientSection *self,
                                                       PdOrganization  *organization);
/* NULL when the signed-in role may open clients' data; otherwise why not (a reseller
 * client's tiles are locked whatever this says) */
void            pd_client_section_set_role_lock       (PdClientSection *self,
                                                       const char      *reason);
/* The session whose pending invitations (pd-invitations.h) and permissions the tiles
 * follow; one for the section's life. */
void            pd_client_section_set_session         (PdClientSection *self,
                                                       PdSession       *session);
/* The list item showing it, so keyboard navigation knows its position */
void            pd_client_section_set_list_item       (PdClientSection *self,
                                                       GtkListItem     *item);
GtkListItem    *pd_client_section_get_list_item       (PdClientSection *self);

/* Tiles in order; -1 when @widget is not in one of them */
guint           pd_client_section_get_n_tiles         (PdClientSection *self);
GtkWidget      *pd_client_section_get_tile            (PdClientSection *self,
                                                       guint            index);
int             pd_client_section_find_tile           (PdClientSection *self,
                                                       GtkWidget       *widget);

G_END_DECLS

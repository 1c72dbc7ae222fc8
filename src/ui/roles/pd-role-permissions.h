/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pd-permission-catalogue.h"
#include "pd-session.h"

G_BEGIN_DECLS

/* A role's permissions as a checklist grouped by area, in the catalogue's order, each with
 * a one-line explanation. Signal "changed" when a box is ticked or cleared. */
#define PD_TYPE_ROLE_PERMISSIONS (pd_role_permissions_get_type ())
G_DECLARE_FINAL_TYPE (PdRolePermissions, pd_role_permissions, PD, ROLE_PERMISSIONS, GtkWidget)

GtkWidget       *pd_role_permissions_new         (void);
/* @catalogue: the areas and permissions to list; NULL lists just the checked ones. @checked:
 * the role's permissions. @session: NULL for read-only; otherwise boxes the user may not
 * tick (their own role lacks the permission, and @original does not have it yet) are
 * insensitive with the reason as tooltip. */
void             pd_role_permissions_show        (PdRolePermissions     *self,
                                                  PdPermissionCatalogue *catalogue,
                                                  const char * const    *checked,
                                                  PdSession             *session,
                                                  const char * const    *original);
/* The ticked keys (newly allocated, sorted) */
char           **pd_role_permissions_dup_checked (PdRolePermissions     *self);
/* The box of @key, or NULL (tests tick it like a user) */
GtkCheckButton  *pd_role_permissions_get_check   (PdRolePermissions     *self,
                                                  const char            *key);

G_END_DECLS

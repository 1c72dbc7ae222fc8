/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-model-enums.h"
#include "pd-resource.h"
#include "pd-resource-list.h"

G_BEGIN_DECLS

/* Every permission a role can have, by category (GET /permissions). */
#define PD_TYPE_PERMISSION_CATALOGUE (pd_permission_catalogue_get_type ())
G_DECLARE_FINAL_TYPE (PdPermissionCatalogue, pd_permission_catalogue, PD, PERMISSION_CATALOGUE, PdResource)

PdResourceList *pd_permission_catalogue_get_categories (PdPermissionCatalogue *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-model-enums.h"
#include "pd-resource.h"
#include "pd-resource-list.h"

G_BEGIN_DECLS

/* A category of the permission catalogue; its id is the key. */
#define PD_TYPE_PERMISSION_CATEGORY (pd_permission_category_get_type ())
G_DECLARE_FINAL_TYPE (PdPermissionCategory, pd_permission_category, PD, PERMISSION_CATEGORY, PdResource)

const char     *pd_permission_category_get_key         (PdPermissionCategory *self);
PdResourceList *pd_permission_category_get_permissions (PdPermissionCategory *self);

G_END_DECLS

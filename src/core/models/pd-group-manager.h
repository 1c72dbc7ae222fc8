/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-model-enums.h"
#include "pd-resource.h"

G_BEGIN_DECLS

/* A user who manages a group. */
#define PD_TYPE_GROUP_MANAGER (pd_group_manager_get_type ())
G_DECLARE_FINAL_TYPE (PdGroupManager, pd_group_manager, PD, GROUP_MANAGER, PdResource)

const char *pd_group_manager_get_name      (PdGroupManager *self);
const char *pd_group_manager_get_email     (PdGroupManager *self);
const char *pd_group_manager_get_role_id   (PdGroupManager *self);
const char *pd_group_manager_get_role_key  (PdGroupManager *self);
const char *pd_group_manager_get_role_name (PdGroupManager *self);

G_END_DECLS

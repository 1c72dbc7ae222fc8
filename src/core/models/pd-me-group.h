/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-model-enums.h"
#include "pd-resource.h"

G_BEGIN_DECLS

/* A group the signed-in user manages, as GET /me lists it. */
#define PD_TYPE_ME_GROUP (pd_me_group_get_type ())
G_DECLARE_FINAL_TYPE (PdMeGroup, pd_me_group, PD, ME_GROUP, PdResource)

const char *pd_me_group_get_name (PdMeGroup *self);

G_END_DECLS

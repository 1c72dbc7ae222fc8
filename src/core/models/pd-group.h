/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-model-enums.h"
#include "pd-resource.h"
#include "pd-resource-list.h"

G_BEGIN_DECLS

/* A group: an access scope of organizations and the users who manage it. */
#define PD_TYPE_GROUP (pd_group_get_type ())
G_DECLARE_FINAL_TYPE (PdGroup, pd_group, PD, GROUP, PdResource)

const char         *pd_group_get_name               (PdGroup *self);
const char         *pd_group_get_description        (PdGroup *self);
const char * const *pd_group_get_organization_ids   (PdGroup *self);
PdResourceList     *pd_group_get_managers           (PdGroup *self);
gint64              pd_group_get_organization_count (PdGroup *self);

G_END_DECLS

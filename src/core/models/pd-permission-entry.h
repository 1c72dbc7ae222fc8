/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-model-enums.h"
#include "pd-resource.h"

G_BEGIN_DECLS

/* One permission of the catalogue; its id is the key. */
#define PD_TYPE_PERMISSION_ENTRY (pd_permission_entry_get_type ())
G_DECLARE_FINAL_TYPE (PdPermissionEntry, pd_permission_entry, PD, PERMISSION_ENTRY, PdResource)

const char *pd_permission_entry_get_key         (PdPermissionEntry *self);
const char *pd_permission_entry_get_description (PdPermissionEntry *self);

G_END_DECLS

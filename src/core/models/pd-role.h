/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-model-enums.h"
#include "pd-resource.h"

G_BEGIN_DECLS

/* A role: built-in or custom, with its permission keys. */
#define PD_TYPE_ROLE (pd_role_get_type ())
G_DECLARE_FINAL_TYPE (PdRole, pd_role, PD, ROLE, PdResource)

const char         *pd_role_get_key         (PdRole *self);
const char         *pd_role_get_name        (PdRole *self);
const char         *pd_role_get_description (PdRole *self);
gint64              pd_role_get_rank        (PdRole *self);
gboolean            pd_role_get_builtin     (PdRole *self);
const char * const *pd_role_get_permissions (PdRole *self);
gint64              pd_role_get_user_count  (PdRole *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-model-enums.h"
#include "pd-resource.h"

G_BEGIN_DECLS

/* One service-side permission the backup asks for; its id is the key. */
#define PD_TYPE_AUTHORIZATION_SCOPE (pd_authorization_scope_get_type ())
G_DECLARE_FINAL_TYPE (PdAuthorizationScope, pd_authorization_scope, PD, AUTHORIZATION_SCOPE, PdResource)

const char *pd_authorization_scope_get_key         (PdAuthorizationScope *self);
const char *pd_authorization_scope_get_description (PdAuthorizationScope *self);
gboolean    pd_authorization_scope_get_required    (PdAuthorizationScope *self);
gboolean    pd_authorization_scope_get_granted     (PdAuthorizationScope *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-model-enums.h"
#include "pd-resource.h"
#include "pd-resource-list.h"

G_BEGIN_DECLS

/* The signed-in user, partner, role, permissions, groups and access scope (GET /me); its id is the user's. */
#define PD_TYPE_ME (pd_me_get_type ())
G_DECLARE_FINAL_TYPE (PdMe, pd_me, PD, ME, PdResource)

const char         *pd_me_get_user_id                        (PdMe *self);
const char         *pd_me_get_user_email                     (PdMe *self);
const char         *pd_me_get_user_name                      (PdMe *self);
const char         *pd_me_get_user_language                  (PdMe *self);
gboolean            pd_me_get_user_mfa_enabled               (PdMe *self);
GDateTime          *pd_me_get_user_last_sign_in_at           (PdMe *self);
const char         *pd_me_get_partner_id                     (PdMe *self);
const char         *pd_me_get_partner_name                   (PdMe *self);
const char         *pd_me_get_role_id                        (PdMe *self);
const char         *pd_me_get_role_key                       (PdMe *self);
const char         *pd_me_get_role_name                      (PdMe *self);
gint64              pd_me_get_role_rank                      (PdMe *self);
gboolean            pd_me_get_role_builtin                   (PdMe *self);
const char * const *pd_me_get_permissions                    (PdMe *self);
PdResourceList     *pd_me_get_groups                         (PdMe *self);
gboolean            pd_me_get_access_scope_all_organizations (PdMe *self);
const char * const *pd_me_get_access_scope_organization_ids  (PdMe *self);
PdCredentialType    pd_me_get_credential_type                (PdMe *self);
const char         *pd_me_get_credential_api_key_id          (PdMe *self);

/* Whether the role grants @permission ("users.manage"); the portal enforces it anyway */
gboolean pd_me_has_permission (PdMe       *self,
                               const char *permission);

G_END_DECLS

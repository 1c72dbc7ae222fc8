/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-model-enums.h"
#include "pd-resource.h"

G_BEGIN_DECLS

/* A partner user. */
#define PD_TYPE_USER (pd_user_get_type ())
G_DECLARE_FINAL_TYPE (PdUser, pd_user, PD, USER, PdResource)

const char     *pd_user_get_email                (PdUser *self);
const char     *pd_user_get_name                 (PdUser *self);
const char     *pd_user_get_role_id              (PdUser *self);
const char     *pd_user_get_role_key             (PdUser *self);
const char     *pd_user_get_role_name            (PdUser *self);
PdUserStatus    pd_user_get_status               (PdUser *self);
gboolean        pd_user_get_notify_backup_errors (PdUser *self);
PdUserLanguage  pd_user_get_language             (PdUser *self);
gboolean        pd_user_get_mfa_enabled          (PdUser *self);
GDateTime      *pd_user_get_last_sign_in_at      (PdUser *self);

G_END_DECLS

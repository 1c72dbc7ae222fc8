/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-model-enums.h"
#include "pd-resource.h"

G_BEGIN_DECLS

/* An API key of the signed-in user (never its secret). */
#define PD_TYPE_API_KEY (pd_api_key_get_type ())
G_DECLARE_FINAL_TYPE (PdApiKey, pd_api_key, PD, API_KEY, PdResource)

const char *pd_api_key_get_name         (PdApiKey *self);
const char *pd_api_key_get_prefix       (PdApiKey *self);
GDateTime  *pd_api_key_get_last_used_at (PdApiKey *self);
GDateTime  *pd_api_key_get_revoked_at   (PdApiKey *self);

G_END_DECLS

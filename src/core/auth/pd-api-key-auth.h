/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-portal-auth.h"

G_BEGIN_DECLS

/* A fixed bearer credential: an API key (or, during sign-in, an access token just received).
 * Nothing to refresh: a rejected key stays rejected, and the 401 tells the user. */
#define PD_TYPE_API_KEY_AUTH (pd_api_key_auth_get_type ())
G_DECLARE_FINAL_TYPE (PdApiKeyAuth, pd_api_key_auth, PD, API_KEY_AUTH, GObject)

PdApiKeyAuth *pd_api_key_auth_new (const char *key);

G_END_DECLS

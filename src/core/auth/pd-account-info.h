/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  PD_ACCOUNT_KIND_OAUTH,   /* signed in through the browser; a refresh token in the keyring */
  PD_ACCOUNT_KIND_API_KEY, /* an API key in the keyring */
} PdAccountKind;

#define PD_TYPE_ACCOUNT_KIND (pd_account_kind_get_type ())
GType pd_account_kind_get_type (void) G_GNUC_CONST;

/* One signed-in portal account as the app remembers it. Holds no secret: those live in the
 * keyring under the account's id (pd-credentials.h). */
#define PD_TYPE_ACCOUNT_INFO (pd_account_info_get_type ())
G_DECLARE_FINAL_TYPE (PdAccountInfo, pd_account_info, PD, ACCOUNT_INFO, GObject)

PdAccountInfo *pd_account_info_new               (const char    *id,
                                                  PdAccountKind  kind,
                                                  const char    *base_url);
/* The id of the account of portal user @user_id on @base_url: stable across sign-ins, and
 * different for another portal or another partner's user of the same e-mail. */
char          *pd_account_info_make_id           (const char    *base_url,
                                                  const char    *user_id);

const char    *pd_account_info_get_id            (PdAccountInfo *self);
PdAccountKind  pd_account_info_get_kind          (PdAccountInfo *self);
const char    *pd_account_info_get_base_url      (PdAccountInfo *self);
const char    *pd_account_info_get_extra_ca_file (PdAccountInfo *self);
const char    *pd_account_info_get_user_id       (PdAccountInfo *self);
const char    *pd_account_info_get_user_email    (PdAccountInfo *self);
const char    *pd_account_info_get_user_name     (PdAccountInfo *self);
const char    *pd_account_info_get_partner_id    (PdAccountInfo *self);
const char    *pd_account_info_get_partner_name  (PdAccountInfo *self);
/* "portal.example" or "127.0.0.1:8080": the base URL's host, with a non-default port */
char          *pd_account_info_dup_host          (PdAccountInfo *self);

void           pd_account_info_set_extra_ca_file (PdAccountInfo *self,
                                                  const char    *extra_ca_file);
void           pd_account_info_set_user_id       (PdAccountInfo *self,
                                                  const char    *user_id);
void           pd_account_info_set_user_email    (PdAccountInfo *self,
                                                  const char    *user_email);
void           pd_account_info_set_user_name     (PdAccountInfo *self,
                                                  const char    *user_name);
void           pd_account_info_set_partner_id    (PdAccountInfo *self,
                                                  const char    *partner_id);
void           pd_account_info_set_partner_name  (PdAccountInfo *self,
                                                  const char    *partner_name);

G_END_DECLS

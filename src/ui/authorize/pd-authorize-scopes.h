/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pd-resource-list.h"

G_BEGIN_DECLS

/* The scopes a service's backup asks for, as two groups of checkable rows: the required ones
 * checked and fixed, the optional ones to choose. "changed" when the choice changed. */
#define PD_TYPE_AUTHORIZE_SCOPES (pd_authorize_scopes_get_type ())
G_DECLARE_FINAL_TYPE (PdAuthorizeScopes, pd_authorize_scopes, PD, AUTHORIZE_SCOPES, GtkBox)

GtkWidget *pd_authorize_scopes_new          (void);
/* @scopes: PdAuthorizationScope items; @chosen: the optional keys to check (a draft), or
 * NULL for those already granted */
void       pd_authorize_scopes_set_scopes   (PdAuthorizeScopes  *self,
                                             GListModel         *scopes,
                                             const char * const *chosen);
/* The optional keys checked, in display order */
char     **pd_authorize_scopes_dup_optional (PdAuthorizeScopes  *self);
guint      pd_authorize_scopes_get_n_checked (PdAuthorizeScopes *self);

G_END_DECLS

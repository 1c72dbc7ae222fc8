/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pd-account-info.h"

G_BEGIN_DECLS

/* The accounts the app is signed in to, a GListModel of PdAccountInfo kept in a key file
 * (default $XDG_CONFIG_HOME/partner-desk/accounts.ini). The file holds no secret. Every change
 * is saved at once, atomically. A file that cannot be read is reported, never overwritten:
 * changes are refused until pd_account_registry_set_aside() moved it away. The file is a few
 * hundred bytes, so it is read and written synchronously. */
#define PD_TYPE_ACCOUNT_REGISTRY (pd_account_registry_get_type ())
G_DECLARE_FINAL_TYPE (PdAccountRegistry, pd_account_registry, PD, ACCOUNT_REGISTRY, GObject)

/* @path: NULL for the default */
PdAccountRegistry *pd_account_registry_new       (const char         *path);
const char        *pd_account_registry_get_path  (PdAccountRegistry  *self);
/* Reads the file (a missing one is an empty registry). PD_AUTH_ERROR_REGISTRY_DAMAGED when
 * it cannot be used; the model is then empty. */
gboolean           pd_account_registry_load      (PdAccountRegistry  *self,
                                                  GError            **error);
/* Adds @account, or replaces the account with the same id (signing in again), and saves. */
gboolean           pd_account_registry_add       (PdAccountRegistry  *self,
                                                  PdAccountInfo      *account,
                                                  GError            **error);
/* Removes the account and saves; removing an unknown id is not an error. */
gboolean           pd_account_registry_remove    (PdAccountRegistry  *self,
                                                  const char         *id,
                                                  GError            **error);
/* transfer none; NULL when unknown */
PdAccountInfo     *pd_account_registry_lookup    (PdAccountRegistry  *self,
                                                  const char         *id);
/* After a damaged load: renames the file to "<path>.damaged" (replacing an older one) so the
 * user can recover it by hand, and starts empty. */
gboolean           pd_account_registry_set_aside (PdAccountRegistry  *self,
                                                  GError            **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pd-account-registry.h"
#include "pd-session.h"

G_BEGIN_DECLS

#define PD_TYPE_APPLICATION (pd_application_get_type ())

G_DECLARE_FINAL_TYPE (PdApplication, pd_application, PD, APPLICATION, AdwApplication)

PdApplication *pd_application_new          (const char        *application_id,
                                            GApplicationFlags  flags);
GSettings     *pd_application_get_settings (PdApplication     *self);
PdAccountRegistry *pd_application_get_registry (PdApplication *self);
/* The open session (property "session"), NULL on the welcome page */
PdSession     *pd_application_get_session  (PdApplication     *self);
gboolean       pd_application_is_demo      (PdApplication     *self);
/* TRUE while the account of the last run opens at start, until its session or its error */
gboolean       pd_application_is_reopening (PdApplication     *self);

/* Opens @account: its models from the cache at once, then the network. Remembered as the
 * account to reopen at the next start. */
void           pd_application_open_account_async  (PdApplication       *self,
                                                   PdAccountInfo       *account,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean       pd_application_open_account_finish (PdApplication       *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);
/* Starts the demo portal, signs in with its owner's key and opens that session. */
void           pd_application_start_demo_async    (PdApplication       *self,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean       pd_application_start_demo_finish   (PdApplication       *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);
/* Set by --demo; the window takes it (returns it once). */
gboolean       pd_application_take_demo_request   (PdApplication       *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pd-account-registry.h"
#include "pd-sign-in.h"

G_BEGIN_DECLS

typedef enum
{
  PD_SIGN_IN_MODE_BROWSER,  /* OAuth in the system browser */
  PD_SIGN_IN_MODE_API_KEY,
} PdSignInMode;

/* Asks for a portal address (and an API key, or opens the browser), signs in through the
 * core and emits ::signed-in with the new PdAccountInfo. Errors stay inline. */
#define PD_TYPE_SIGN_IN_DIALOG (pd_sign_in_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PdSignInDialog, pd_sign_in_dialog, PD, SIGN_IN_DIALOG, AdwWindow)

PdSignInDialog *pd_sign_in_dialog_new      (GtkWindow         *parent,
                                            PdAccountRegistry *registry,
                                            PdSignInMode       mode);
PdSignInMode    pd_sign_in_dialog_get_mode (PdSignInDialog    *self);
/* Fills the address (and extra authority) of @account: signing in again */
void            pd_sign_in_dialog_set_account (PdSignInDialog *self,
                                               PdAccountInfo  *account);
/* The sign-in address of a browser sign-in in progress, else NULL */
const char     *pd_sign_in_dialog_get_link (PdSignInDialog    *self);

/* Replaces opening the browser (pd_open_uri), for tests */
void            pd_sign_in_dialog_set_uri_opener (PdSignInDialog *self,
                                                  PdOpenUriFunc   func,
                                                  gpointer        user_data);

/* Exposed for tests: normalizes what the user typed into a base URL, or fails with a
 * translated G_IO_ERROR_INVALID_ARGUMENT. */
char           *pd_sign_in_parse_address   (const char        *text,
                                            GError           **error);

G_END_DECLS

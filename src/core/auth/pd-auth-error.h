/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Failures of signing in and of the stored accounts that are not a portal answer (those are
 * PdPortalError). Messages are translated and say what to do. */
#define PD_AUTH_ERROR (pd_auth_error_quark ())

typedef enum {
  PD_AUTH_ERROR_STATE_MISMATCH,   /* the browser came back with another sign-in's state */
  PD_AUTH_ERROR_ACCESS_DENIED,    /* the sign-in was cancelled or refused in the browser */
  PD_AUTH_ERROR_TIMED_OUT,        /* the browser never came back */
  PD_AUTH_ERROR_REDIRECT,         /* any other OAuth error in the redirect, or no code */
  PD_AUTH_ERROR_LISTEN,           /* no loopback port to receive the redirect */
  PD_AUTH_ERROR_KEYRING,          /* the Secret Service refused or is missing */
  PD_AUTH_ERROR_REGISTRY_DAMAGED, /* accounts.ini cannot be read; it is left as it is */
  PD_AUTH_ERROR_REGISTRY_WRITE,   /* accounts.ini cannot be written */
  PD_AUTH_ERROR_BAD_ACCOUNT,      /* the portal's /me answer lacks what an account needs */
} PdAuthErrorCode;

GQuark pd_auth_error_quark (void);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers of the auth tests: a scripted browser for the portal's sign-in pages, and a gate
 * for the keyring. */
#pragma once

#include <gio/gio.h>

#include "pd-test-portal.h"

G_BEGIN_DECLS

typedef enum {
  PD_TEST_BROWSER_SIGN_IN,       /* fill in the forms and follow the redirect */
  PD_TEST_BROWSER_CANCEL,        /* press Cancel on the sign-in page */
  PD_TEST_BROWSER_WRONG_STATE,   /* follow the redirect with another state */
  PD_TEST_BROWSER_IDLE,          /* open nothing: the person walked away */
} PdTestBrowserAction;

/* A browser run on its own thread (the loopback listener needs the main loop free). */
typedef struct {
  PdTestBrowserAction  action;
  const char          *email;
  const char          *totp_secret; /* base32, for the two-step verification page */
  const char          *account;     /* the user ID to pick on the account picker */
  /* results, valid once done is TRUE (read on the main thread after it) */
  gint                 done;
  guint                final_status; /* of the loopback page */
  char                *final_body;
  char                *failure;      /* what went wrong in the browser itself */
  GThread             *thread;
  char                *start_uri;
  char                *redirect_uri; /* the app's listener, from the authorize URL */
} PdTestBrowser;

/* A PdOpenUriFunc: @user_data is a PdTestBrowser. */
void      pd_test_browser_open   (const char    *uri,
                                  gpointer       user_data);
/* Joins the thread (running the main loop meanwhile): the results are then readable. The
 * app may finish before the browser has read its last page. */
void      pd_test_browser_wait   (PdTestBrowser *browser);
/* Waits too, and frees the results. */
void      pd_test_browser_finish (PdTestBrowser *browser);

/* TRUE when the keyring may be used. Outside build-aux/test-session the test is skipped;
 * inside it (PD_TEST_SESSION=1) an unusable keyring fails the test later, loudly. */
gboolean  pd_test_keyring_ready  (void);

/* RFC 6238 code (SHA-1, 30 s, 6 digits) of @base32_secret now */
char     *pd_test_totp_now       (const char    *base32_secret);

/* Whether anything accepts connections on the port of @uri (on 127.0.0.1). */
gboolean  pd_test_listening      (const char    *uri);

/* Runs the main loop for @ms milliseconds. */
void      pd_test_sleep          (guint          ms);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers of the Users tests: the Users section inside the real session view (sidebar, header
 * bar, toasts) against the reference portal, the dialogs it opens, and the portal asked
 * directly, as another client would. */
#pragma once

#include "pd-session-view.h"
#include "pd-user-edit-dialog-private.h"
#include "pd-user-new-dialog.h"
#include "pd-ui-test.h"
#include "pd-users-page-private.h"

G_BEGIN_DECLS

typedef struct
{
  PdUiTestSession *test;
  GtkWindow       *window;
  PdSessionView   *view;
  PdUsersPage     *page;
} UsersTest;

/* Signed in with the demo key of @role, the Users section shown in a @width × 800 window.
 * NULL (test skipped) without a test keyring. */
UsersTest  *users_test_new            (const char   *role,
                                       int           width);
/* Same with the portal started with @portal_args */
UsersTest  *users_test_new_full       (const char   *role,
                                       int           width,
                                       const char * const *portal_args);
void        users_test_free           (UsersTest    *t);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UsersTest, users_test_free)

/* The session's user with @email, or NULL (borrowed) */
PdUser     *users_test_lookup         (UsersTest    *t,
                                       const char   *email);
/* Waits until the session has (or no longer has) the user with @email */
void        users_test_wait_user      (UsersTest    *t,
                                       const char   *email,
                                       gboolean      present);
/* Waits for a toast (any label of the window) containing @text */
void        users_test_wait_toast     (UsersTest    *t,
                                       const char   *text);
/* Clicks @button as a user would: it must be sensitive */
void        users_test_click          (GtkWidget    *button);
/* Opens the editor of the user with @email from the list */
GtkWindow  *users_test_open_user      (UsersTest    *t,
                                       const char   *email);
/* Chooses the role @role_id in a role row; it must be offered */
void        users_test_select_role    (AdwComboRow  *row,
                                       const char   *role_id);
/* @widget is insensitive and its tooltip says @why */
void        users_test_assert_refused (GtkWidget    *widget,
                                       const char   *why);
/* Answers the AdwMessageDialog that is open with @response */
void        users_test_answer         (const char   *response);

/* @method @path on the portal with the owner's key, @body JSON text or NULL; asserts
 * @status and returns the answer (NULL when empty). */
JsonNode   *users_test_portal         (UsersTest    *t,
                                       const char   *method,
                                       const char   *path,
                                       const char   *body,
                                       const char   *if_match,
                                       guint         status);

G_END_DECLS

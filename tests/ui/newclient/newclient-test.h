/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers of the new-client tests: the Clients page inside the real session view against the
 * reference portal, the wizard it opens, and the portal asked directly, as another client
 * would. */
#pragma once

#include "pd-new-client-wizard.h"
#include "pd-organization.h"
#include "pd-session-view.h"
#include "pd-ui-test.h"

G_BEGIN_DECLS

typedef struct
{
  PdUiTestSession *test;
  GtkWindow       *window;
  PdSessionView   *view;
} NewClientTest;

/* Signed in with the demo key of @role, the Clients page shown in a 1100 × 800 window, the
 * portal started with @portal_args (NULL: a small seed). NULL (test skipped) without a test
 * keyring. */
NewClientTest *new_client_test_new         (const char         *role,
                                            const char * const *portal_args);
void           new_client_test_free        (NewClientTest      *t);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NewClientTest, new_client_test_free)

/* Presses the Clients page's New Client button and waits for the wizard */
GtkWindow     *new_client_test_open        (NewClientTest      *t);
/* The wizard's widget with @id in its template (asserted) */
GtkWidget     *new_client_test_part        (GtkWindow          *wizard,
                                            const char         *id);
/* Types @text into the entry row @id */
void           new_client_test_type        (GtkWindow          *wizard,
                                            const char         *id,
                                            const char         *text);
/* Clicks @button as a user would: it must be visible and sensitive */
void           new_client_test_click       (GtkWidget          *button);
/* The visible step's name ("client", "details", "services", "create", "done") */
const char    *new_client_test_step        (GtkWindow          *wizard);
/* Waits until the wizard shows @step */
void           new_client_test_wait_step   (GtkWindow          *wizard,
                                            const char         *step);
/* Checks the application @nick ("exchange") on the services step */
void           new_client_test_check_service (GtkWindow        *wizard,
                                              const char       *nick,
                                              gboolean          active);
gboolean       new_client_test_service_checked (GtkWindow      *wizard,
                                                const char     *nick);
/* The wizard if one is open, else NULL */
GtkWindow     *new_client_test_find_wizard (void);
/* Waits until no wizard is open */
void           new_client_test_wait_closed (void);
/* Closes the wizard as the window manager would, and waits until it is gone */
void           new_client_test_close       (GtkWindow          *wizard);
/* The session's organization named @name, or NULL (borrowed) */
PdOrganization *new_client_test_lookup     (NewClientTest      *t,
                                            const char         *name);
/* Waits until the session has the organization @name with @n_services services */
PdOrganization *new_client_test_wait_organization (NewClientTest *t,
                                                   const char    *name,
                                                   guint          n_services);
/* The field error @field's row shows (its "error" style) */
gboolean       new_client_test_row_error   (GtkWindow          *wizard,
                                            const char         *id);
/* @method @path on the portal with the owner's key, @body JSON text or NULL; asserts
 * @status and returns the answer (NULL when empty). */
JsonNode      *new_client_test_portal      (NewClientTest      *t,
                                            const char         *method,
                                            const char         *path,
                                            const char         *body,
                                            guint               status);
/* Waits for a label (a toast) of the main window containing @text */
void           new_client_test_wait_label  (NewClientTest      *t,
                                            const char         *text);

G_END_DECLS

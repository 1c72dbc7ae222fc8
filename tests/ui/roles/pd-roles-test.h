/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers of the Roles tests: the page in a window, its rows and editors found the way a
 * user finds them, and the portal asked directly (as the owner) to check what was saved. */
#pragma once

#include <json-glib/json-glib.h>

#include "pd-role-editor-private.h"
#include "pd-role-row.h"
#include "pd-roles-page.h"
#include "pd-ui-test.h"

G_BEGIN_DECLS

#define ROLES_PORTAL_ARGS ((const char *[]) { "--seed", "5", NULL })

GtkWindow    *roles_window             (PdUiTestSession *test);
GtkWidget    *roles_new_button         (GtkWindow       *window);
PdRoleRow    *roles_find_row           (GtkWindow       *window,
                                        const char      *role_id);
/* Activates the role's row like a click and waits for its editor, permissions loaded */
PdRoleEditor *roles_open               (GtkWindow       *window,
                                        const char      *role_id);
/* The editor on screen (permissions loaded), waiting for it */
PdRoleEditor *roles_wait_editor        (void);
/* Same, for an editor replacing @old (a button's click lands after its animation) */
PdRoleEditor *roles_wait_other_editor  (PdRoleEditor    *old);
void          roles_wait_editor_closed (void);
/* The message dialog on screen other than @old (may be NULL), waiting for it */
AdwMessageDialog *roles_wait_dialog    (AdwMessageDialog *old);
/* Clicks the button of @dialog whose label contains @label */
void          roles_click_dialog       (AdwMessageDialog *dialog,
                                        const char       *label);
/* Clicks the button under @root whose label (without mnemonic) is @label */
void          roles_click              (GtkWidget        *root,
                                        const char       *label);
/* The role of the session's list named @name, or NULL */
PdRole       *roles_lookup_by_name     (PdUiTestSession *test,
                                        const char      *name);
void          roles_wait_named         (PdUiTestSession *test,
                                        const char      *name);
/* A full sync of the session, waited for */
void          roles_sync               (PdUiTestSession *test);

/* The portal, asked as the owner: @body JSON text or NULL; the answer's status in @status */
JsonNode     *portal_request           (PdUiTestSession *test,
                                        const char      *method,
                                        const char      *path,
                                        const char      *body,
                                        const char      *if_match,
                                        guint           *status,
                                        char           **etag);
/* The portal's role named @name (from GET /roles), or NULL */
JsonObject   *portal_role_by_name      (PdUiTestSession *test,
                                        const char      *name,
                                        JsonNode       **keep);
/* The role's permissions as one sorted, space-separated string */
char         *permissions_text         (JsonObject      *role);

G_END_DECLS

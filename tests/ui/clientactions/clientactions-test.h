/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers of the client actions tests: the client page (tests/ui/client's ClientTest, whose
 * "win" actions are recorded) with its actions menu open and the browser replaced by a
 * recorder, dialogs found and answered as a person would, and the portal changed behind
 * the app's back the way another technician would. */
#pragma once

#include <libsoup/soup.h>

#include "client-test.h"
#include "pd-client-actions-private.h"
#include "pd-mapping-dialog.h"
#include "pd-organization.h"

G_BEGIN_DECLS

typedef struct
{
  ClientTest      *client;
  PdClientActions *actions;
  GPtrArray       *opened;   /* the links "opened in the browser" */
} ActionsTest;

/* The page of @organization_id with its actions menu popped up */
ActionsTest    *actions_test_new          (PdUiTestSession *test,
                                           const char      *organization_id);
void            actions_test_free         (ActionsTest     *t);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ActionsTest, actions_test_free)

PdOrganization *actions_test_organization (PdUiTestSession *test,
                                           const char      *organization_id);
/* Asserts that @widget is disabled and says @why (tooltip, and the row's subtitle) */
void            actions_test_assert_refused (GtkWidget    *widget,
                                             AdwActionRow *row,
                                             const char   *why);
/* Answers the message dialog on screen with @response; returns its body for checks */
char           *actions_test_answer       (const char      *response);
/* A request as another technician (the owner's key) would send it; the status is checked.
 * Returns the JSON answer or NULL. */
JsonNode       *actions_test_portal       (PdUiTestSession *test,
                                           const char      *method,
                                           const char      *path,
                                           const char      *body,
                                           const char      *if_match,
                                           guint            status);
/* A delta sync of @test's session, to its end: the app learns what was changed behind it */
void            actions_test_sync         (PdUiTestSession *test);
/* A plain GET as a browser would send it (no credentials): the HTTP status */
guint           actions_test_browse       (const char      *url,
                                           char           **body);
/* Pops the actions menu up (an action that asks first pops it down) */
void            actions_test_popup        (ActionsTest     *t);
/* Renders @t's window with its popover on top into PD_SCREENSHOT_DIR/@name.png */
void            actions_test_screenshot_menu (ActionsTest  *t,
                                              const char   *name);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers of the Groups tests: the section in a real session view (so toasts, pushed pages
 * and dialogs are the application's own), the group editor opened as a click opens it, and
 * the windows the section opens found among the toplevels. */
#pragma once

#include "pd-group.h"
#include "pd-session-view.h"
#include "pd-ui-test.h"

G_BEGIN_DECLS

typedef struct
{
  PdUiTestSession *test;     /* borrowed */
  GtkWindow       *window;
  PdSessionView   *view;
  GtkWidget       *page;     /* the PdGroupsPage */
} GroupsTest;

GroupsTest *groups_test_new          (PdUiTestSession *test,
                                      int              width,
                                      int              height);
void        groups_test_free         (GroupsTest      *t);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GroupsTest, groups_test_free)

/* The session's group named @name, or NULL */
PdGroup    *groups_test_group        (GroupsTest      *t,
                                      const char      *name);
/* Activates the group's row; returns the editor pushed over the section */
GtkWidget  *groups_test_open         (GroupsTest      *t,
                                      const char      *name);
/* The first toplevel of @type, waiting for it to be mapped */
GtkWidget  *groups_test_wait_window  (GType            type);
/* Clicks @button as a user does: it must be sensitive */
void        groups_test_click        (GtkWidget       *button);
/* The widget of @type that holds a label saying exactly @text, under @root */
GtkWidget  *groups_test_row_of       (GtkWidget       *root,
                                      const char      *text,
                                      GType            type);
/* Clicks the button of the toast saying @text, once it shows */
void        groups_test_click_toast  (GroupsTest      *t,
                                      const char      *button_label);
guint       groups_test_n_organizations (PdGroup      *group);
guint       groups_test_n_managers   (PdGroup         *group);
/* Waits until the session's @group (found anew by id) has @n organizations / managers */
void        groups_test_wait_scope   (GroupsTest      *t,
                                      const char      *group_id,
                                      guint            n);
void        groups_test_wait_managers (GroupsTest     *t,
                                       const char     *group_id,
                                       guint           n);

G_END_DECLS

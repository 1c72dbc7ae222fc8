/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pd-page-stack.h"
#include "pd-session.h"

G_BEGIN_DECLS

/* What frames every page of a signed-in session: the sidebar of sections (who is signed
 * in above it), the content header with back button and sync status, the banners, the
 * pages pushed over a section, and toasts. Installs the win.* actions pages use:
 * show-page (s), show-client (ss), show-account (sss), show-toast (s), show-error (ss),
 * go-back, refresh. */
#define PD_TYPE_SESSION_VIEW (pd_session_view_get_type ())
G_DECLARE_FINAL_TYPE (PdSessionView, pd_session_view, PD, SESSION_VIEW, GtkWidget)

GtkWidget     *pd_session_view_new             (void);
PdSession     *pd_session_view_get_session     (PdSessionView *self);
/* Replaces the session's sections (Overview, Clients) and goes to Clients; NULL: none */
void           pd_session_view_set_session     (PdSessionView *self,
                                                PdSession     *session);
/* A section in the sidebar */
void           pd_session_view_add_page        (PdSessionView *self,
                                                const char    *name,
                                                const char    *title,
                                                const char    *icon_name,
                                                GtkWidget     *page);
/* Shows a section: pops any pushed page, and in one column goes to it */
void           pd_session_view_show_page       (PdSessionView *self,
                                                const char    *name);
/* A client's page over the current one; @service_id may be NULL or "" */
void           pd_session_view_show_client     (PdSessionView *self,
                                                const char    *organization_id,
                                                const char    *service_id);
void           pd_session_view_show_account    (PdSessionView *self,
                                                const char    *organization_id,
                                                const char    *service_id,
                                                const char    *account_id);
/* Pops a pushed page, else in one column goes to the sidebar; FALSE when neither */
gboolean       pd_session_view_go_back         (PdSessionView *self);
/* Before the window closes: TRUE when the section shown has unsaved changes and asks the
 * user first; it closes the window itself once they are saved or discarded. */
gboolean       pd_session_view_hold_close      (PdSessionView *self);
/* Before signing out (which also removes the account): the same, and it activates
 * “app.sign-out” again once they are saved or discarded. */
gboolean       pd_session_view_hold_sign_out   (PdSessionView *self);
void           pd_session_view_show_toast      (PdSessionView *self,
                                                const char    *text);
void           pd_session_view_show_error      (PdSessionView *self,
                                                const char    *title,
                                                const char    *details);
gboolean       pd_session_view_is_folded       (PdSessionView *self);
/* The title in the content header now */
const char    *pd_session_view_get_title       (PdSessionView *self);
PdPageStack   *pd_session_view_get_page_stack  (PdSessionView *self);
GtkStack      *pd_session_view_get_sections    (PdSessionView *self);
GtkMenuButton *pd_session_view_get_menu_button (PdSessionView *self);

G_END_DECLS

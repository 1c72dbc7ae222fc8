/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pd-session.h"

G_BEGIN_DECLS

/* Who is signed in, where: the user's name and e-mail, the partner and role, the portal's
 * host (the top of the main menu). Properties "title" (the partner, else the host) and
 * "subtitle" (the host) for the sidebar's header. Follows the session's /me. */
#define PD_TYPE_ACCOUNT_SUMMARY (pd_account_summary_get_type ())
G_DECLARE_FINAL_TYPE (PdAccountSummary, pd_account_summary, PD, ACCOUNT_SUMMARY, GtkWidget)

GtkWidget  *pd_account_summary_new          (void);
void        pd_account_summary_set_session  (PdAccountSummary *self,
                                             PdSession        *session);
const char *pd_account_summary_get_title    (PdAccountSummary *self);
const char *pd_account_summary_get_subtitle (PdAccountSummary *self);

G_END_DECLS

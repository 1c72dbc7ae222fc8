/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pd-session.h"

G_BEGIN_DECLS

/* One account of a client's service: who or what it is, its protection and backup, and the
 * backup of each data type (email, files, calendar, contacts, tasks); sites, teams and
 * shared drives show their files, size and last backup. */
#define PD_TYPE_ACCOUNT_PAGE (pd_account_page_get_type ())
G_DECLARE_FINAL_TYPE (PdAccountPage, pd_account_page, PD, ACCOUNT_PAGE, GtkWidget)

GtkWidget  *pd_account_page_new       (PdSession     *session,
                                       const char    *organization_id,
                                       const char    *service_id,
                                       const char    *account_id);
/* The account's name, for the header bar (property "title") */
const char *pd_account_page_get_title (PdAccountPage *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pd-session.h"

G_BEGIN_DECLS

/* The Notifications section: which e-mails the portal sends (every type of its catalogue,
 * by group) and how often, their previews, the recommended preset, and the partner's own
 * report period and recipients. Changes are kept until saved (one edit per document, with
 * If-Match); leaving with unsaved changes asks first (see pd-leave-guard.h). */
#define PD_TYPE_NOTIFICATIONS_PAGE (pd_notifications_page_get_type ())
G_DECLARE_FINAL_TYPE (PdNotificationsPage, pd_notifications_page, PD, NOTIFICATIONS_PAGE, AdwBin)

GtkWidget *pd_notifications_page_new (PdSession *session);

G_END_DECLS

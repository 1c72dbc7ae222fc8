/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pd-session.h"

G_BEGIN_DECLS

/* The Settings section: how the portal sends e-mails (SMTP) and the partner settings, one
 * tab each. A tab the signed-in role may not read says so instead. (The app's own
 * preferences are in the preferences window.) */
#define PD_TYPE_SETTINGS_PAGE (pd_settings_page_get_type ())
G_DECLARE_FINAL_TYPE (PdSettingsPage, pd_settings_page, PD, SETTINGS_PAGE, AdwBin)

GtkWidget *pd_settings_page_new (PdSession *session);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pd-organization.h"
#include "pd-session.h"

G_BEGIN_DECLS

/* What the client actions and the mapping dialog share. */

/* The session's organization @id (borrowed), or NULL */
PdOrganization *pd_clientactions_lookup_organization (PdSession  *session,
                                                      const char *id);
/* Shows @text as a toast of the main window: through the toast overlay above @widget (or
 * of the window its dialog is transient for), else through win.show-toast. */
void            pd_clientactions_toast               (GtkWidget  *widget,
                                                      const char *text);
/* Asks @heading / @body with Cancel and @confirm_label (suggested, or destructive);
 * @confirmed runs with @user_data (a GObject; nothing runs once it is gone) when confirmed. */
void            pd_clientactions_confirm             (GtkWidget  *parent,
                                                      const char *heading,
                                                      const char *body,
                                                      const char *confirm_label,
                                                      gboolean    destructive,
                                                      GCallback   confirmed,
                                                      gpointer    user_data);

G_END_DECLS

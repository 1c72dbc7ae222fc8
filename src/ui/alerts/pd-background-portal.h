/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Whether the application runs inside a Flatpak sandbox */
gboolean pd_background_portal_is_sandboxed (void);

typedef void (*PdBackgroundPortalCallback) (gboolean allowed,
                                            gpointer user_data);

/* Asks the XDG desktop portal (org.freedesktop.portal.Background.RequestBackground) that
 * @app may keep running without a window, with @reason shown to the user. @callback runs
 * once with the answer (FALSE also when the portal cannot be reached). Only in a sandbox:
 * outside one, nothing stops an application from running on. */
void     pd_background_portal_request      (GApplication               *app,
                                            const char                 *reason,
                                            PdBackgroundPortalCallback  callback,
                                            gpointer                    user_data);

G_END_DECLS

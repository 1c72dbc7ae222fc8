/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Opens @uri in the user's browser through the platform's launcher (the OpenURI portal in
 * the Flatpak). When that fails, a dialog over @parent says why and offers the link to copy,
 * instead of GTK's own "Could not show link" while our page says the browser is open. */
void pd_open_uri (GtkWindow  *parent,
                  const char *uri);

G_END_DECLS

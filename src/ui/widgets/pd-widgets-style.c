/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtk/gtk.h>

#include "pd-widgets-style.h"

void
pd_widgets_ensure_style (void)
{
  static GdkDisplay *loaded_for;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (display == NULL || display == loaded_for)
    return;
  /* APPLICATION priority, like the application's style.css: above the theme, so the named
   * colours of libadwaita (and its dark and high-contrast variants) still decide the tints. */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_BASE_PATH "/widgets/widgets.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  loaded_for = display;
}

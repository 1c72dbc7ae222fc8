/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtk/gtk.h>

#include "pd-widgets-style.h"

void
pd_style_ensure (const char *resource_path)
{
  /* resource path → the display it was loaded for; main thread only, like all of GTK */
  static GHashTable *loaded;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  g_return_if_fail (resource_path != NULL);

  if (loaded == NULL)
    loaded = g_hash_table_new (g_str_hash, g_str_equal);
  if (display == NULL || g_hash_table_lookup (loaded, resource_path) == display)
    return;
  /* APPLICATION priority, like the application's style.css: above the theme, so the named
   * colours of libadwaita (and its dark and high-contrast variants) still decide the tints. */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, resource_path);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  /* the paths are string literals of the callers */
  g_hash_table_insert (loaded, (gpointer) resource_path, display);
}

void
pd_widgets_ensure_style (void)
{
  pd_style_ensure (RESOURCE_BASE_PATH "/widgets/widgets.css");
}

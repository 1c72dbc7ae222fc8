/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Sets @widget's tooltip ("" counts as none) without the cost GTK 4.8 adds to every change:
 * asking the display where the pointer is, in case the new tooltip should show at once (a
 * round trip to an X server, about a millisecond). Nothing is asked when the text did not
 * change, nor for a widget that is not on screen, whose tooltip cannot be showing. Recycled
 * rows set their tooltips at every rebind and new ones before they are mapped. */
void pd_tooltip_set (GtkWidget  *widget,
                     const char *text);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Loads the stylesheet at @resource_path for the default display, once per display. Each UI
 * folder keeps its CSS in its own bundle and calls this from class_init, so a page (or a
 * test) never has to remember to. */
void pd_style_ensure         (const char *resource_path);

/* widgets.css, for every widget of this folder */
void pd_widgets_ensure_style (void);

G_END_DECLS

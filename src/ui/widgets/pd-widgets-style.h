/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Loads widgets.css for the default display, once. Every widget of this folder calls it from
 * class_init, so a page (or a test) never has to remember to. */
void pd_widgets_ensure_style (void);

G_END_DECLS

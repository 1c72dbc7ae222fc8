/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* pd_ui_test_screenshot(), but taken right after the window painted a frame: a page that
 * queues a resize at every frame (the client page does, for now) leaves the window without
 * a current allocation at most other moments, and GTK then renders nothing. */
void pd_shell_test_screenshot (GtkWidget  *widget,
                               const char *name);

G_END_DECLS

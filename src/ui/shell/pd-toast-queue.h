/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Shows @toast (transfer full) in @overlay after the toasts before it, each once the one
 * before has left. Every toast goes through it, because libadwaita 1.2 frees a toast that
 * leaves before it has finished sliding in, then crashes when the slide ends: its own
 * queue slides a toast in over one sliding out, for longer, and a double click on the close
 * button is enough. Here a toast never overlaps another, and takes no clicks while it
 * slides in. */
void pd_toast_queue_add (AdwToastOverlay *overlay,
                         AdwToast        *toast);

G_END_DECLS

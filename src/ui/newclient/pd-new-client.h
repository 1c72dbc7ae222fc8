/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pd-session.h"

G_BEGIN_DECLS

/* Opens the new-client wizard for @session (win.new-client), resuming its draft, or shows
 * the one already open; says why not when the role may not create clients. @parent: a
 * widget of the main window. */
void pd_new_client_open (GtkWidget *parent,
                         PdSession *session);

G_END_DECLS

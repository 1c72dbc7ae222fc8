/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The model a list view of client sections is given so that its first frame builds only
 * the sections it shows, and the rest come a few per frame after it. */
typedef struct _PdClientsFirstScreen PdClientsFirstScreen;

PdClientsFirstScreen *pd_clients_first_screen_new       (GListModel           *model,
                                                         GtkWidget            *view);
GListModel           *pd_clients_first_screen_get_model (PdClientsFirstScreen *self);
void                  pd_clients_first_screen_finish    (PdClientsFirstScreen *self);
void                  pd_clients_first_screen_free      (PdClientsFirstScreen *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdClientsFirstScreen, pd_clients_first_screen_free)

G_END_DECLS

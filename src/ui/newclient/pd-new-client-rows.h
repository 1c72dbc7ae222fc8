/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pd-model-enums.h"
#include "pd-new-client-create.h"

G_BEGIN_DECLS

/* The rows of the new-client wizard that are made from data rather than from its template. */

/* The applications to protect, one group per suite, each a row with a check button named
 * by the application's nick (gtk_widget_get_name) */
void       pd_new_client_rows_add_services  (GtkBox            *box,
                                             GCallback          toggled,
                                             gpointer           user_data);
/* The check button of @nick in @box, or NULL */
GtkCheckButton *pd_new_client_rows_find_service (GtkBox        *box,
                                                 const char    *nick);

/* One row per item of @create, saying where it is (never by colour alone: an icon and words) */
void       pd_new_client_rows_fill_progress (GtkListBox        *list,
                                             PdNewClientCreate *create);
/* Updates the row of @item */
void       pd_new_client_rows_update_progress (GtkListBox      *list,
                                               PdNewClientCreate *create,
                                               guint            item);

/* A new service to authorize, with its button (@label, e.g. “Authorize Now”) that calls
 * @clicked (user_data) with the button, whose name is the service id */
GtkWidget *pd_new_client_rows_new_authorize (PdServiceApplication application,
                                             const char          *service_id,
                                             const char          *label,
                                             const char          *tooltip,
                                             GCallback            clicked,
                                             gpointer             user_data);

G_END_DECLS

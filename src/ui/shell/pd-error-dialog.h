/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* An error's details, selectable, with Copy (title and details together) and Close. */
GtkWidget *pd_error_dialog_new (GtkWindow  *parent,
                                const char *title,
                                const char *details);
/* A toast saying @title, with a Details button that opens the dialog above through the
 * win.show-error-details action of the window it is shown in. */
AdwToast  *pd_error_toast_new  (const char *title,
                                const char *details);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Asks where to save @contents with the platform file chooser (a portal inside Flatpak),
 * then writes it atomically. @parent: any widget of the window the chooser belongs to. */
void      pd_csv_save_async          (GtkWidget           *parent,
                                      const char          *suggested_name,
                                      GBytes              *contents,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
/* The file written (show its name in a toast), or NULL: G_IO_ERROR_CANCELLED when the user
 * closed the chooser (show nothing), otherwise an error to show (win.show-error). */
GFile    *pd_csv_save_finish         (GAsyncResult        *result,
                                      GError             **error);

/* The atomic write alone (a temporary file renamed over @file): what tests drive. */
void      pd_csv_save_to_file_async  (GFile               *file,
                                      GBytes              *contents,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
gboolean  pd_csv_save_to_file_finish (GAsyncResult        *result,
                                      GError             **error);

G_END_DECLS

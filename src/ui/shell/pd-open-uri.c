/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pd-open-uri"

#include "config.h"

#include <glib/gi18n.h>

#include "pd-error-dialog.h"
#include "pd-open-uri.h"

typedef struct {
  GtkWindow *parent;   /* owned; NULL without one */
  char      *uri;
} Launch;

static void
launch_free (Launch *launch)
{
  g_clear_object (&launch->parent);
  g_free (launch->uri);
  g_free (launch);
}

static void
launch_failed (Launch       *launch,
               const GError *error)
{
  g_autofree char *details = NULL;
  GtkWidget *dialog;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
#if GTK_CHECK_VERSION (4, 10, 0)
  /* The user closed the portal's choice of application */
  if (g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED))
    return;
#endif
  /* Never logged: the link may carry a one-time sign-in token */
  g_debug ("Could not open a link: %s", error->message);
  /* Translators: the first %s is why, the second a web address to copy */
  details = g_strdup_printf (_("%s\n\nCopy this link into a web browser instead:\n%s"),
                             error->message, launch->uri);
  dialog = pd_error_dialog_new (launch->parent, _("Could Not Open the Web Browser"), details);
  gtk_window_present (GTK_WINDOW (dialog));
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
launched_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Launch *launch = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_uri_launcher_launch_finish (GTK_URI_LAUNCHER (source), result, &error))
    launch_failed (launch, error);
  launch_free (launch);
}
#else
static void
shown_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Launch *launch = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (launch->parent, result, &error))
    launch_failed (launch, error);
  launch_free (launch);
}
#endif

void
pd_open_uri (GtkWindow  *parent,
             const char *uri)
{
  Launch *launch;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (uri != NULL);

  launch = g_new0 (Launch, 1);
  launch->parent = parent != NULL ? g_object_ref (parent) : NULL;
  launch->uri = g_strdup (uri);
#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (uri);

    gtk_uri_launcher_launch (launcher, parent, NULL, launched_cb, launch);
  }
#else
  gtk_show_uri_full (parent, uri, GDK_CURRENT_TIME, NULL, shown_cb, launch);
#endif
}

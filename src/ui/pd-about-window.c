/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "pd-about"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pd-about-window.h"
#include "pd-release-notes.h"

/* Release notes come from the metainfo bundled in the resources, in the
 * user's language, so they are written (and translated) only once. */
static void
set_release_notes (AdwAboutWindow *about)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL;
  g_autofree char *markup = NULL;
  const char *data;
  gsize length;

  bytes = g_resources_lookup_data (RESOURCE_BASE_PATH "/metainfo.xml", G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    {
      g_warning ("No metainfo in the resources: %s", error->message);
      return;
    }

  data = g_bytes_get_data (bytes, &length);
  if (!pd_release_notes_parse (data, length, g_get_language_names (), &version, &markup, &error))
    {
      g_warning ("%s", error->message);
      return;
    }

  adw_about_window_set_release_notes_version (about, version);
  adw_about_window_set_release_notes (about, markup);
}

GtkWindow *
pd_about_window_new (GtkWindow *parent)
{
  static const char *developers[] = { "Partner Desk developers", NULL };
  AdwAboutWindow *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", _("Partner Desk"),
                        "application-icon", APPLICATION_ID,
                        "developer-name", _("Partner Desk developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Manage your clients’ Microsoft 365 and Google Workspace backups through your partner portal."),
                        "website", "https://github.com/partnerdesk/PartnerDesk",
                        "issue-url", "https://github.com/partnerdesk/PartnerDesk/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 Partner Desk developers",
                        "developers", developers,
                        /* Translators: Replace "translator-credits" with your names, one name per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  set_release_notes (about);

  return GTK_WINDOW (about);
}

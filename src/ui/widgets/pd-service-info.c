/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-service-info.h"

typedef struct
{
  const char *name;       /* N_() */
  const char *icon_name;
} ApplicationInfo;

/* Icons only from adwaita-icon-theme 43 (Debian 12), which has no brand icons: each one is
 * the kind of data the application holds (mail, files, sites, people, dates). */
static const ApplicationInfo applications[] = {
  /* Translators: product names; keep the brand as the vendor spells it in your language */
  [PD_SERVICE_APPLICATION_UNKNOWN] = { N_("Unknown application"), "dialog-question-symbolic" },
  [PD_SERVICE_APPLICATION_EXCHANGE] = { N_("Exchange"), "mail-unread-symbolic" },
  [PD_SERVICE_APPLICATION_ONEDRIVE] = { N_("OneDrive"), "folder-symbolic" },
  [PD_SERVICE_APPLICATION_SHAREPOINT] = { N_("SharePoint"), "web-browser-symbolic" },
  [PD_SERVICE_APPLICATION_TEAMS] = { N_("Teams"), "system-users-symbolic" },
  [PD_SERVICE_APPLICATION_GMAIL] = { N_("Gmail"), "mail-unread-symbolic" },
  [PD_SERVICE_APPLICATION_DRIVE] = { N_("Google Drive"), "folder-symbolic" },
  [PD_SERVICE_APPLICATION_CALENDAR] = { N_("Google Calendar"), "x-office-calendar-symbolic" },
  [PD_SERVICE_APPLICATION_CONTACTS] = { N_("Google Contacts"), "x-office-address-book-symbolic" },
  [PD_SERVICE_APPLICATION_SHARED_DRIVES] = { N_("Shared drives"), "folder-publicshare-symbolic" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (applications) == PD_SERVICE_APPLICATION_SHARED_DRIVES + 1);

static const ApplicationInfo *
get_application (PdServiceApplication application)
{
  if ((guint) application >= G_N_ELEMENTS (applications))
    application = PD_SERVICE_APPLICATION_UNKNOWN;
  return &applications[application];
}

const char *
pd_service_application_get_name (PdServiceApplication application)
{
  return _(get_application (application)->name);
}

const char *
pd_service_application_get_icon_name (PdServiceApplication application)
{
  return get_application (application)->icon_name;
}

const char *
pd_service_suite_get_name (PdServiceSuite suite)
{
  switch (suite)
    {
    case PD_SERVICE_SUITE_MICROSOFT365:
      return _("Microsoft 365");
    case PD_SERVICE_SUITE_GOOGLE_WORKSPACE:
      return _("Google Workspace");
    case PD_SERVICE_SUITE_UNKNOWN:
    default:
      return _("Unknown suite");
    }
}

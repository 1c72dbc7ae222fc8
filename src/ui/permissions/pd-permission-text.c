/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "pd-permission-text.h"

/* The portal's catalogue is the list of permissions; these are its words for people, in the
 * user's language. A key missing here (a newer portal) shows the portal's own text. */
static const struct {
  const char *key;
  const char *title;        /* N_() */
  const char *explanation;  /* N_() */
} permissions[] = {
  { "partner.read", N_("See partner settings"), N_("See the partner's name, default country and settings") },
  { "partner.write", N_("Change partner settings"), N_("Rename the partner and change its default country and settings") },
  { "organizations.read", N_("See clients"), N_("See every client in the access scope, with its services and seats") },
  { "organizations.write", N_("Manage clients"), N_("Create and edit clients, map them, send reset-password e-mails and change admin access") },
  { "organizations.delete", N_("Delete clients"), N_("Delete clients and everything the portal keeps for them") },
  { "organizations.sign_in", N_("Sign in as a client"), N_("Open the client portal as the client's administrator") },
  { "services.write", N_("Change service management"), N_("Choose whether a service is partner-, client- or co-managed") },
  { "services.authorize", N_("Authorize services"), N_("Run the authorization wizards and invite client admins") },
  { "accounts.read", N_("See accounts"), N_("See the accounts of a client's services and their backups") },
  { "accounts.protect", N_("Change protection"), N_("Protect, pause and unprotect accounts, which uses seats") },
  { "dashboard.read", N_("See the overview"), N_("See job status, seat usage and protection coverage") },
  { "reports.export", N_("Export reports"), N_("Save the overview's and reports' rows as CSV files") },
  { "users.read", N_("See partner users"), N_("See the partner's technicians, their roles and sign-in details") },
  { "users.write", N_("Manage partner users"), N_("Add technicians, change their role, notifications and password, deactivate them") },
  { "users.delete", N_("Delete partner users"), N_("Remove technicians from the partner for good") },
  { "roles.read", N_("See roles"), N_("See roles and what each one allows") },
  { "roles.write", N_("Manage roles"), N_("Create, change and delete custom roles") },
  { "groups.read", N_("See groups"), N_("See groups, their clients and their managers") },
  { "groups.write", N_("Manage groups"), N_("Create, change and delete groups, their clients and managers") },
  { "notifications.read", N_("See notification settings"), N_("See which e-mails the portal sends and how often") },
  { "notifications.write", N_("Change notification settings"), N_("Choose which e-mails the portal sends, to whom and how often") },
  { "smtp.read", N_("See e-mail server settings"), N_("See how the portal sends its e-mails") },
  { "smtp.write", N_("Change e-mail server settings"), N_("Change and test the server the portal sends its e-mails through") },
  { "audit.read", N_("See the audit log"), N_("See who changed what, and when") },
  { "api_keys.manage", N_("Manage own API keys"), N_("Create and revoke API keys for one's own headless use") },
};

static const struct {
  const char *category;
  const char *title;  /* N_() */
} areas[] = {
  { "partner", N_("Partner") },
  { "organizations", N_("Clients") },
  { "services", N_("Services") },
  { "accounts", N_("Accounts") },
  { "dashboard", N_("Overview and reports") },
  { "users", N_("Partner users") },
  { "roles", N_("Roles") },
  { "groups", N_("Groups") },
  { "notifications", N_("Notifications") },
  { "smtp", N_("E-mail server") },
  { "audit", N_("Audit log") },
  { "api_keys", N_("API keys") },
};

static int
find_permission (const char *key)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (permissions); i++)
    if (g_str_equal (permissions[i].key, key))
      return (int) i;
  return -1;
}

const char *
pd_permission_text_title (const char *key,
                          const char *fallback)
{
  int i = find_permission (key);

  if (i >= 0)
    return _(permissions[i].title);
  return fallback != NULL ? fallback : key;
}

const char *
pd_permission_text_explanation (const char *key,
                                const char *fallback)
{
  int i = find_permission (key);

  if (i >= 0)
    return _(permissions[i].explanation);
  return fallback != NULL ? fallback : key;
}

const char *
pd_permission_text_area (const char *category,
                         const char *fallback)
{
  for (guint i = 0; category != NULL && i < G_N_ELEMENTS (areas); i++)
    if (g_str_equal (areas[i].category, category))
      return _(areas[i].title);
  return fallback != NULL ? fallback : category;
}

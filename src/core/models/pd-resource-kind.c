/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pd-resource-kind.h"
#include "pd-account.h"
#include "pd-group.h"
#include "pd-in-app-notification.h"
#include "pd-organization.h"
#include "pd-role.h"
#include "pd-user.h"

static const char *
organization_order_key (PdResource *resource)
{
  return pd_organization_get_name_key (PD_ORGANIZATION (resource));
}

const PdResourceKind pd_resource_kind_organizations = {
  "organizations", "/api/v1/organizations", pd_organization_get_type, TRUE, organization_order_key,
};
const PdResourceKind pd_resource_kind_accounts = {
  "accounts", "/api/v1/organizations/%s/services/%s/accounts", pd_account_get_type, TRUE,
};
const PdResourceKind pd_resource_kind_users = {
  "users", "/api/v1/users", pd_user_get_type, TRUE,
};
const PdResourceKind pd_resource_kind_roles = {
  "roles", "/api/v1/roles", pd_role_get_type, TRUE,
};
const PdResourceKind pd_resource_kind_groups = {
  "groups", "/api/v1/groups", pd_group_get_type, TRUE,
};
const PdResourceKind pd_resource_kind_notifications = {
  "notifications", "/api/v1/notifications", pd_in_app_notification_get_type, TRUE,
};

static const PdResourceKind * const all_kinds[] = {
  &pd_resource_kind_organizations,
  &pd_resource_kind_accounts,
  &pd_resource_kind_users,
  &pd_resource_kind_roles,
  &pd_resource_kind_groups,
  &pd_resource_kind_notifications,
  NULL,
};

const PdResourceKind * const *
pd_resource_kinds_all (void)
{
  return all_kinds;
}

const PdResourceKind *
pd_resource_kind_find (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; all_kinds[i] != NULL; i++)
    if (g_str_equal (all_kinds[i]->name, name))
      return all_kinds[i];
  return NULL;
}

char *
pd_resource_kind_path (const PdResourceKind *kind,
                       const char           *organization_id,
                       const char           *service_id)
{
  const char *ids[] = { organization_id, service_id };
  const char *p;
  GString *path;
  guint n = 0;

  g_return_val_if_fail (kind != NULL, NULL);

  /* Substituted by hand, escaping each id as a path segment: the format is data, and
   * an id must never add a segment or a query. */
  path = g_string_new (NULL);
  for (p = kind->path_format; *p != '\0'; p++)
    {
      if (p[0] == '%' && p[1] == 's')
        {
          if (n >= G_N_ELEMENTS (ids) || ids[n] == NULL)
            {
              g_critical ("%s: the “%s” list needs an organization and a service id", G_STRFUNC, kind->name);
              g_string_free (path, TRUE);
              return NULL;
            }
          g_string_append_uri_escaped (path, ids[n++], NULL, FALSE);
          p++;
        }
      else
        g_string_append_c (path, *p);
    }
  return g_string_free (path, FALSE);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-group-manager.h"
#include "pd-group-text.h"
#include "pd-me.h"

char *
pd_group_text_scope (PdGroup *group)
{
  guint n = g_strv_length ((char **) pd_group_get_organization_ids (group));

  if (n == 0)
    return g_strdup (_("All organizations"));
  /* Translators: the size of a group's access scope */
  return g_strdup_printf (ngettext ("%u organization", "%u organizations", n), n);
}

char *
pd_group_text_managers (PdGroup *group)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (pd_group_get_managers (group)));

  if (n == 0)
    return g_strdup (_("No managers"));
  /* Translators: how many users manage a group */
  return g_strdup_printf (ngettext ("%u manager", "%u managers", n), n);
}

/* Role keys are unique across the built-in and the partner's own roles, so a custom role
 * never has the key “admin” or “support”. */
static gboolean
role_may_manage_groups (const char *role_key)
{
  return g_strcmp0 (role_key, "admin") == 0 || g_strcmp0 (role_key, "support") == 0;
}

char *
pd_group_text_manager_refusal (PdGroup *group,
                               PdUser  *user)
{
  const char *id = pd_resource_get_id (PD_RESOURCE (user));

  if (pd_resource_list_lookup (pd_group_get_managers (group), id) != NULL)
    return g_strdup (_("Already manages this group"));
  if (!role_may_manage_groups (pd_user_get_role_key (user)))
    /* Translators: %s is the name of the user's role, e.g. “Technician” */
    return g_strdup_printf (_("Role “%s”: only Admin and Support users can manage groups"),
                            pd_user_get_role_name (user));
  if (pd_user_get_status (user) != PD_USER_STATUS_ACTIVE)
    return g_strdup (_("Deactivated: reactivate the user first"));
  return NULL;
}

char *
pd_group_text_scoped_refusal (PdSession           *session,
                              PdGroupScopedAction  action)
{
  PdMe *me = pd_session_get_me (session);

  if (me == NULL || pd_me_get_access_scope_all_organizations (me))
    return NULL;
  switch (action)
    {
    case PD_GROUP_SCOPED_CREATE:
      return g_strdup (_("Your access is limited to the organizations of your groups, so you cannot create groups"));
    case PD_GROUP_SCOPED_DELETE:
      return g_strdup (_("Your access is limited to the organizations of your groups, so you cannot delete groups"));
    case PD_GROUP_SCOPED_REMOVE_MANAGER:
      return g_strdup (_("Your access is limited to the organizations of your groups, so you cannot remove group managers"));
    case PD_GROUP_SCOPED_REMOVE_LAST:
      return g_strdup (_("The last organization of the scope stays: an empty scope means all organizations, "
                         "more than your access covers"));
    default:
      g_assert_not_reached ();
    }
}

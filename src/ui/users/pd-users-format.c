/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-users-format.h"

const char *
pd_users_status_text (PdUserStatus status)
{
  switch (status)
    {
    case PD_USER_STATUS_ACTIVE:
      return _("Active");
    case PD_USER_STATUS_DEACTIVATED:
      return _("Deactivated");
    case PD_USER_STATUS_UNKNOWN:
    default:
      return _("Unknown status");
    }
}

const char *
pd_users_status_icon (PdUserStatus status)
{
  switch (status)
    {
    case PD_USER_STATUS_ACTIVE:
      return "object-select-symbolic";
    case PD_USER_STATUS_DEACTIVATED:
      return "action-unavailable-symbolic";
    case PD_USER_STATUS_UNKNOWN:
    default:
      return "dialog-question-symbolic";
    }
}

static gboolean
manages (PdGroup    *group,
         const char *user_id)
{
  return pd_resource_list_lookup (pd_group_get_managers (group), user_id) != NULL;
}

char *
pd_users_dup_groups (GListModel *groups,
                     const char *user_id)
{
  g_autoptr(GString) names = NULL;

  g_return_val_if_fail (G_IS_LIST_MODEL (groups), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(PdGroup) group = g_list_model_get_item (groups, i);

      if (!manages (group, user_id))
        continue;
      if (names == NULL)
        names = g_string_new (pd_group_get_name (group));
      else
        /* Translators: separates the names of groups in a list */
        g_string_append_printf (names, _(", %s"), pd_group_get_name (group));
    }
  return names != NULL ? g_string_free (g_steal_pointer (&names), FALSE) : NULL;
}

static PdRole *
role_of (PdSession *session,
         PdUser    *user)
{
  PdResourceList *roles = PD_RESOURCE_LIST (pd_session_get_roles (session));

  return PD_ROLE (pd_resource_list_lookup (roles, pd_user_get_role_id (user)));
}

gboolean
pd_users_role_grantable (PdSession *session,
                         PdRole    *role)
{
  PdMe *me = pd_session_get_me (session);

  return me != NULL && pd_role_get_rank (role) < pd_me_get_role_rank (me);
}

/* The order is the portal's: owner, then oneself, then rank. */
char *
pd_users_dup_refusal (PdSession    *session,
                      PdUser       *user,
                      PdUserAction  action)
{
  PdMe *me = pd_session_get_me (session);
  PdRole *role = role_of (session, user);
  gboolean owner = role != NULL && pd_role_get_builtin (role) && g_strcmp0 (pd_role_get_key (role), "owner") == 0;
  gboolean self = me != NULL && g_strcmp0 (pd_me_get_user_id (me), pd_resource_get_id (PD_RESOURCE (user))) == 0;

  if (owner && action == PD_USER_ACTION_CHANGE_ROLE)
    return g_strdup (_("The owner of the partner account keeps the role “Owner”."));
  if (owner && action == PD_USER_ACTION_CHANGE_STATUS)
    return g_strdup (_("The owner of the partner account cannot be deactivated."));
  if (owner && action == PD_USER_ACTION_DELETE)
    return g_strdup (_("The owner of the partner account cannot be deleted."));
  if (self && action == PD_USER_ACTION_CHANGE_ROLE)
    return g_strdup (_("You cannot change your own role; ask another administrator."));
  if (self && action == PD_USER_ACTION_CHANGE_STATUS)
    return g_strdup (_("You cannot deactivate your own user; ask another administrator."));
  if (self && action == PD_USER_ACTION_DELETE)
    return g_strdup (_("You cannot delete your own user; ask another administrator."));
  if (!self && me != NULL && role != NULL && pd_role_get_rank (role) >= pd_me_get_role_rank (me))
    /* Translators: the first %s is a person's name, the others are role names */
    return g_strdup_printf (_("%s has the role “%s”, which is not below your own (“%s”)."),
                            pd_user_get_name (user), pd_role_get_name (role), pd_me_get_role_name (me));
  if (action == PD_USER_ACTION_RESET_PASSWORD && pd_user_get_status (user) == PD_USER_STATUS_DEACTIVATED)
    /* Translators: %s is a person's name */
    return g_strdup_printf (_("%s is deactivated; reactivate the user before resetting the password."),
                            pd_user_get_name (user));
  return NULL;
}

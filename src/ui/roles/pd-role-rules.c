/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "pd-permission-gate.h"
#include "pd-role-rules.h"

gint64
pd_role_rules_max_rank (PdSession *session)
{
  PdMe *me = pd_session_get_me (session);

  if (me == NULL)
    return 0;
  return MAX (pd_me_get_role_rank (me) - 1, 0);
}

char *
pd_role_rules_why_not_create (PdSession *session)
{
  PdMe *me = pd_session_get_me (session);

  g_return_val_if_fail (PD_IS_SESSION (session), NULL);

  if (!pd_session_has_permission (session, "roles.write"))
    return pd_permission_explain_missing (session, "roles.write");
  if (pd_role_rules_max_rank (session) < 1)
    /* Translators: %s is the name of the signed-in user's role */
    return g_strdup_printf (_("Roles must rank below your own role “%s”, and no rank is below it."),
                            me != NULL ? pd_me_get_role_name (me) : "");
  return NULL;
}

char *
pd_role_rules_why_not_change (PdSession *session,
                              PdRole    *role)
{
  PdMe *me = pd_session_get_me (session);

  g_return_val_if_fail (PD_IS_SESSION (session), NULL);
  g_return_val_if_fail (PD_IS_ROLE (role), NULL);

  if (pd_role_get_builtin (role))
    return g_strdup (_("Built-in roles cannot be changed. Duplicate it to start a custom role."));
  if (!pd_session_has_permission (session, "roles.write"))
    return pd_permission_explain_missing (session, "roles.write");
  if (me == NULL || pd_role_get_rank (role) >= pd_me_get_role_rank (me))
    /* Translators: “%s” ranks 95, not below your own role “Super admin” (rank 90) */
    return g_strdup_printf (_("“%s” ranks %d, not below your own role “%s” (rank %d): only higher roles can change it."),
                            pd_role_get_name (role), (int) pd_role_get_rank (role),
                            me != NULL ? pd_me_get_role_name (me) : "",
                            me != NULL ? (int) pd_me_get_role_rank (me) : 0);
  return NULL;
}

gboolean
pd_role_rules_can_grant (PdSession  *session,
                         const char *permission)
{
  return pd_session_has_permission (session, permission);
}

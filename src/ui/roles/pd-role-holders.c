/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "pd-role-holders.h"
#include "pd-user.h"

static gboolean
holds_role (gpointer item,
            gpointer user_data)
{
  return g_strcmp0 (pd_user_get_role_id (PD_USER (item)), user_data) == 0;
}

static void
sync_state_changed_cb (GtkFilter *filter)
{
  gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
}

GListModel *
pd_role_holders_new (PdSession  *session,
                     const char *role_id)
{
  GtkCustomFilter *filter;
  PdSyncEngine *engine;

  g_return_val_if_fail (PD_IS_SESSION (session), NULL);
  g_return_val_if_fail (role_id != NULL, NULL);

  filter = gtk_custom_filter_new (holds_role, g_strdup (role_id), g_free);
  /* A user's new role arrives in place (no items-changed), so look again after each sync. */
  engine = pd_session_get_sync_engine (session);
  if (engine != NULL)
    g_signal_connect_object (engine, "notify::state", G_CALLBACK (sync_state_changed_cb), filter,
                             G_CONNECT_SWAPPED);
  return G_LIST_MODEL (gtk_filter_list_model_new (g_object_ref (pd_session_get_users (session)),
                                                  GTK_FILTER (filter)));
}

guint
pd_role_holders_count (PdSession  *session,
                       PdRole     *role,
                       GListModel *holders)
{
  g_return_val_if_fail (PD_IS_ROLE (role), 0);

  if (pd_session_has_permission (session, "users.read"))
    return g_list_model_get_n_items (holders);
  return (guint) CLAMP (pd_role_get_user_count (role), 0, G_MAXUINT);
}

char *
pd_role_holders_dup_lines (GListModel *holders)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (holders); i++)
    {
      g_autoptr(PdUser) user = g_list_model_get_item (holders, i);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%s <%s>", pd_user_get_name (user), pd_user_get_email (user));
    }
  return g_string_free (text, FALSE);
}

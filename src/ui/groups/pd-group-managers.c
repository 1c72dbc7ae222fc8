/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-client-figures.h"
#include "pd-group-edit.h"
#include "pd-group-manager.h"
#include "pd-group-managers.h"
#include "pd-picker.h"
#include "pd-group-text.h"
#include "pd-permission-gate.h"

struct _PdGroupManagers
{
  AdwBin      parent_instance;

  PdSession  *session;
  PdGroup    *group;
  GListModel *users;    /* every partner user, by name */

  GtkWidget  *add_button;
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (PdGroupManagers, pd_group_managers, ADW_TYPE_BIN)

static char *
person_line (const char *email,
             const char *role_name)
{
  /* Translators: a user's e-mail address and role, e.g. “ada@example.com · Admin” */
  return g_strdup_printf (_("%s · %s"), email, role_name);
}

/* Remove, with Undo: the portal lets the user be made a manager again. */
static void
remove_clicked_cb (GtkButton       *button,
                   PdGroupManagers *self)
{
  PdGroupManager *manager = g_object_get_data (G_OBJECT (button), "pd-manager");
  const char *name = pd_group_manager_get_name (manager);
  const char *group_name = pd_group_get_name (self->group);
  /* Translators: a line of the outbox; the first %s is a user, the second a group */
  g_autofree char *description = g_strdup_printf (_("Remove %s from the managers of “%s”"), name, group_name);
  /* Translators: a line of the outbox; the first %s is a user, the second a group */
  g_autofree char *undo_description = g_strdup_printf (_("Make %s a manager of “%s”"), name, group_name);
  /* Translators: %s is the name of a user */
  g_autofree char *done = g_strdup_printf (_("%s no longer manages this group"), name);
  PdGroupRemoval texts = { description, undo_description, done, _("Could not remove the manager") };

  pd_group_edit_remove_member (GTK_WIDGET (self), self->session, self->group, "managers", "user_ids",
                               pd_resource_get_id (PD_RESOURCE (manager)), &texts);
}

/* Managers are a handful of the partner's own users: a list box holds them all. */
static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  PdGroupManagers *self = user_data;
  PdGroupManager *manager = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  g_autofree char *subtitle = person_line (pd_group_manager_get_email (manager),
                                           pd_group_manager_get_role_name (manager));
  g_autofree char *label = NULL;
  g_autofree char *scoped = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pd_group_manager_get_name (manager));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_add_css_class (remove, "circular");
  gtk_widget_set_tooltip_text (remove, _("Remove From Managers"));
  /* Translators: the accessible name of a button; %s is the name of a user */
  label = g_strdup_printf (_("Remove %s from the managers"), pd_group_manager_get_name (manager));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (remove), "pd-manager", g_object_ref (manager), g_object_unref);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
  pd_permission_gate (remove, self->session, "groups.write", PD_PERMISSION_GATE_DISABLE);
  scoped = pd_group_text_scoped_refusal (self->session, PD_GROUP_SCOPED_REMOVE_MANAGER);
  pd_permission_gate_set_reason (remove, scoped);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

/* Picker */

static void
describe (gpointer   item,
          char     **title,
          char     **subtitle,
          char     **refusal,
          gpointer   data)
{
  PdGroupManagers *self = data;
  PdUser *user = item;

  *title = g_strdup (pd_user_get_name (user));
  *subtitle = person_line (pd_user_get_email (user), pd_user_get_role_name (user));
  *refusal = pd_group_text_manager_refusal (self->group, user);
}

static gboolean
matches (gpointer    item,
         const char *query,
         gpointer    data)
{
  g_autofree char *text = g_strconcat (pd_user_get_name (item), " ", pd_user_get_email (item), NULL);
  g_autofree char *folded = pd_client_fold_text (text);

  return strstr (folded, query) != NULL;
}

static void
picked_cb (PdGroupManagers    *self,
           const char * const *ids)
{
  guint n = g_strv_length ((char **) ids);
  g_autofree char *description = NULL;
  g_autofree char *done = NULL;

  /* Translators: a line of the outbox; %u counts users, %s is a group */
  description = g_strdup_printf (ngettext ("Add %u manager to “%s”", "Add %u managers to “%s”", n),
                                 n, pd_group_get_name (self->group));
  /* Translators: %u counts users */
  done = g_strdup_printf (ngettext ("Added %u manager", "Added %u managers", n), n);
  pd_group_edit_add_members (GTK_WIDGET (self), self->session, self->group, "managers", "user_ids", ids, description,
                             done, _("Could not add the managers"));
}

static void
add_clicked_cb (PdGroupManagers *self)
{
  GtkWidget *picker;

  picker = pd_picker_new (GTK_WIDGET (self), _("Add Managers"), _("Search users by name or e-mail"),
                          self->users, describe, matches, G_OBJECT (self));
  g_signal_connect_object (picker, "picked", G_CALLBACK (picked_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (picker));
}

GtkWidget *
pd_group_managers_new (PdSession *session,
                       PdGroup   *group)
{
  PdGroupManagers *self;
  GtkStringSorter *sorter;

  g_return_val_if_fail (PD_IS_SESSION (session), NULL);
  g_return_val_if_fail (PD_IS_GROUP (group), NULL);

  self = g_object_new (PD_TYPE_GROUP_MANAGERS, NULL);
  self->session = g_object_ref (session);
  self->group = g_object_ref (group);
  sorter = gtk_string_sorter_new (gtk_property_expression_new (PD_TYPE_USER, NULL, "name"));
  self->users = G_LIST_MODEL (gtk_sort_list_model_new (g_object_ref (pd_session_get_users (session)),
                                                       GTK_SORTER (sorter)));
  /* The group's manager list is updated in place, so the binding holds. */
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (pd_group_get_managers (group)), create_row, self, NULL);
  pd_permission_gate (self->add_button, session, "groups.write", PD_PERMISSION_GATE_DISABLE);
  return GTK_WIDGET (self);
}

static void
pd_group_managers_dispose (GObject *object)
{
  PdGroupManagers *self = PD_GROUP_MANAGERS (object);

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_GROUP_MANAGERS);
  g_clear_object (&self->users);
  g_clear_object (&self->group);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pd_group_managers_parent_class)->dispose (object);
}

static void
pd_group_managers_class_init (PdGroupManagersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_group_managers_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/groups/pd-group-managers.ui");
  gtk_widget_class_bind_template_child (widget_class, PdGroupManagers, add_button);
  gtk_widget_class_bind_template_child (widget_class, PdGroupManagers, list);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
}

static void
pd_group_managers_init (PdGroupManagers *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

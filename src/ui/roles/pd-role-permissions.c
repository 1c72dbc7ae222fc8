/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "pd-permission-category.h"
#include "pd-permission-entry.h"
#include "pd-permission-text.h"
#include "pd-role-permissions.h"
#include "pd-role-rules.h"

struct _PdRolePermissions
{
  GtkWidget   parent_instance;

  GtkWidget  *box;
  GHashTable *checks;   /* key → GtkCheckButton (owned by the tree) */
};

G_DEFINE_FINAL_TYPE (PdRolePermissions, pd_role_permissions, GTK_TYPE_WIDGET)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GtkWidget *
pd_role_permissions_new (void)
{
  return g_object_new (PD_TYPE_ROLE_PERMISSIONS, NULL);
}

static void
toggled_cb (PdRolePermissions *self)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
add_permission (PdRolePermissions  *self,
                GtkWidget          *group,
                const char         *key,
                const char         *description,
                const char * const *checked,
                PdSession          *session,
                const char * const *original)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  const char *title = pd_permission_text_title (key, description);
  gboolean has = checked != NULL && g_strv_contains (checked, key);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), pd_permission_text_explanation (key, description));
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), has);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  if (session == NULL)
    gtk_widget_set_sensitive (check, FALSE);
  else if (!pd_role_rules_can_grant (session, key) && (original == NULL || !g_strv_contains (original, key)))
    {
      gtk_widget_set_sensitive (check, FALSE);
      gtk_widget_set_tooltip_text (row, _("Your role does not have this permission, so you cannot give it to a role."));
    }
  g_signal_connect_swapped (check, "toggled", G_CALLBACK (toggled_cb), self);
  g_hash_table_insert (self->checks, g_strdup (key), check);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static GtkWidget *
add_group (PdRolePermissions *self,
           const char        *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (GTK_BOX (self->box), group);
  return group;
}

void
pd_role_permissions_show (PdRolePermissions     *self,
                          PdPermissionCatalogue *catalogue,
                          const char * const    *checked,
                          PdSession             *session,
                          const char * const    *original)
{
  GtkWidget *child;
  GtkWidget *other = NULL;

  g_return_if_fail (PD_IS_ROLE_PERMISSIONS (self));
  g_return_if_fail (catalogue == NULL || PD_IS_PERMISSION_CATALOGUE (catalogue));

  while ((child = gtk_widget_get_first_child (self->box)) != NULL)
    gtk_box_remove (GTK_BOX (self->box), child);
  g_hash_table_remove_all (self->checks);

  if (catalogue != NULL)
    {
      GListModel *categories = G_LIST_MODEL (pd_permission_catalogue_get_categories (catalogue));

      for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
        {
          g_autoptr(PdPermissionCategory) category = g_list_model_get_item (categories, i);
          const char *area = pd_permission_category_get_key (category);
          GListModel *entries = G_LIST_MODEL (pd_permission_category_get_permissions (category));
          GtkWidget *group = add_group (self, pd_permission_text_area (area, area));

          for (guint j = 0; j < g_list_model_get_n_items (entries); j++)
            {
              g_autoptr(PdPermissionEntry) entry = g_list_model_get_item (entries, j);

              add_permission (self, group, pd_permission_entry_get_key (entry),
                              pd_permission_entry_get_description (entry), checked, session, original);
            }
        }
    }

  /* What the catalogue does not list (a newer portal, or no catalogue at hand) still shows,
   * so saving never drops a permission unseen. */
  for (guint i = 0; checked != NULL && checked[i] != NULL; i++)
    {
      if (g_hash_table_contains (self->checks, checked[i]))
        continue;
      if (other == NULL)
        other = add_group (self, catalogue != NULL ? _("Other Permissions") : _("Permissions"));
      add_permission (self, other, checked[i], NULL, checked, session, original);
    }
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

char **
pd_role_permissions_dup_checked (PdRolePermissions *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GHashTableIter iter;
  gpointer key, check;
  char **keys;

  g_return_val_if_fail (PD_IS_ROLE_PERMISSIONS (self), NULL);

  g_hash_table_iter_init (&iter, self->checks);
  while (g_hash_table_iter_next (&iter, &key, &check))
    if (gtk_check_button_get_active (check))
      g_strv_builder_add (builder, key);
  keys = g_strv_builder_end (builder);
  qsort (keys, g_strv_length (keys), sizeof (char *), compare_keys);
  return keys;
}

GtkCheckButton *
pd_role_permissions_get_check (PdRolePermissions *self,
                               const char        *key)
{
  g_return_val_if_fail (PD_IS_ROLE_PERMISSIONS (self), NULL);

  return g_hash_table_lookup (self->checks, key);
}

static void
pd_role_permissions_dispose (GObject *object)
{
  PdRolePermissions *self = PD_ROLE_PERMISSIONS (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (pd_role_permissions_parent_class)->dispose (object);
}

static void
pd_role_permissions_finalize (GObject *object)
{
  PdRolePermissions *self = PD_ROLE_PERMISSIONS (object);

  g_hash_table_unref (self->checks);

  G_OBJECT_CLASS (pd_role_permissions_parent_class)->finalize (object);
}

static void
pd_role_permissions_class_init (PdRolePermissionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_role_permissions_dispose;
  object_class->finalize = pd_role_permissions_finalize;

  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pd_role_permissions_init (PdRolePermissions *self)
{
  self->checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-models.h"
#include "pd-password-rules.h"
#include "pd-user-fields.h"
#include "pd-users-format.h"

typedef struct {
  PdSession *session;
  char      *keep_role_id;
} RoleFilter;

static void
role_filter_free (gpointer data)
{
  RoleFilter *filter = data;

  g_object_unref (filter->session);
  g_free (filter->keep_role_id);
  g_free (filter);
}

static gboolean
role_offered (gpointer item,
              gpointer user_data)
{
  RoleFilter *filter = user_data;

  return pd_users_role_grantable (filter->session, item) ||
         g_strcmp0 (filter->keep_role_id, pd_resource_get_id (PD_RESOURCE (item))) == 0;
}

void
pd_user_fields_setup_roles (AdwComboRow *row,
                            PdSession   *session,
                            const char  *keep_role_id)
{
  RoleFilter *data = g_new0 (RoleFilter, 1);
  GtkFilter *filter;
  GtkSorter *sorter;
  g_autoptr(GListModel) model = NULL;

  g_return_if_fail (ADW_IS_COMBO_ROW (row));
  g_return_if_fail (PD_IS_SESSION (session));

  data->session = g_object_ref (session);
  data->keep_role_id = g_strdup (keep_role_id);
  filter = GTK_FILTER (gtk_custom_filter_new (role_offered, data, role_filter_free));
  sorter = GTK_SORTER (gtk_numeric_sorter_new (gtk_property_expression_new (PD_TYPE_ROLE, NULL, "rank")));
  gtk_numeric_sorter_set_sort_order (GTK_NUMERIC_SORTER (sorter), GTK_SORT_DESCENDING);
  model = G_LIST_MODEL (gtk_sort_list_model_new (
      G_LIST_MODEL (gtk_filter_list_model_new (g_object_ref (pd_session_get_roles (session)), filter)), sorter));
  adw_combo_row_set_expression (row, gtk_property_expression_new (PD_TYPE_ROLE, NULL, "name"));
  adw_combo_row_set_model (row, model);
}

const char *
pd_user_fields_get_role_id (AdwComboRow *row)
{
  PdResource *role = adw_combo_row_get_selected_item (row);

  return role != NULL ? pd_resource_get_id (role) : NULL;
}

void
pd_user_fields_select_role (AdwComboRow *row,
                            const char  *role_id)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PdResource) role = g_list_model_get_item (model, i);

      if (g_strcmp0 (pd_resource_get_id (role), role_id) == 0)
        {
          adw_combo_row_set_selected (row, i);
          return;
        }
    }
}

gboolean
pd_user_fields_email_valid (const char *text)
{
  const char *at = text != NULL ? strchr (text, '@') : NULL;
  const char *dot;

  if (at == NULL || at == text || strchr (at + 1, '@') != NULL || strlen (text) > 254)
    return FALSE;
  for (const char *p = text; *p; p++)
    if (g_ascii_isspace (*p) || g_ascii_iscntrl (*p) || strchr (",;<>", *p) != NULL)
      return FALSE;
  dot = strrchr (at + 1, '.');
  return dot != NULL && at[1] != '.' && dot[1] != '\0' && strstr (at, "..") == NULL;
}

void
pd_user_fields_show_error (GtkWidget  *row,
                           GtkWidget  *error_row,
                           const char *message)
{
  GtkWidget *label = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (error_row));

  gtk_label_set_text (GTK_LABEL (label), message != NULL ? message : "");
  gtk_widget_set_visible (error_row, message != NULL);
  if (message != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

char *
pd_user_fields_dup_error_text (PdPortalFieldError *error)
{
  if (g_strcmp0 (error->code, "required") == 0)
    return g_strdup (_("This is required."));
  if (g_strcmp0 (error->field, "email") == 0 && g_strcmp0 (error->code, "invalid_email") == 0)
    return g_strdup (_("Enter an e-mail address such as name@example.com."));
  if (g_strcmp0 (error->field, "email") == 0 && g_strcmp0 (error->code, "immutable") == 0)
    return g_strdup (_("The e-mail address is the sign-in name and cannot be changed."));
  if (g_strcmp0 (error->field, "password") == 0 && g_strcmp0 (error->code, "too_short") == 0)
    /* Translators: %d is 12 */
    return g_strdup_printf (ngettext ("The password needs at least %d character.",
                                      "The password needs at least %d characters.", PD_PASSWORD_MIN_CHARS),
                            PD_PASSWORD_MIN_CHARS);
  if (g_strcmp0 (error->field, "role") == 0 && g_strcmp0 (error->code, "not_found") == 0)
    return g_strdup (_("This role no longer exists; choose another."));
  return g_strdup (error->message);
}

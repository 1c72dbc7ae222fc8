/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "pd-new-client-rows.h"
#include "pd-service-info.h"

static PdServiceSuite
suite_of (PdServiceApplication application)
{
  return application <= PD_SERVICE_APPLICATION_TEAMS ? PD_SERVICE_SUITE_MICROSOFT365 : PD_SERVICE_SUITE_GOOGLE_WORKSPACE;
}

void
pd_new_client_rows_add_services (GtkBox    *box,
                                 GCallback  toggled,
                                 gpointer   user_data)
{
  g_autoptr(GEnumClass) applications = g_type_class_ref (PD_TYPE_SERVICE_APPLICATION);
  AdwPreferencesGroup *group = NULL;
  PdServiceSuite suite = PD_SERVICE_SUITE_UNKNOWN;

  /* The contract's applications, in its order (Microsoft 365's first) */
  for (guint i = 0; i < applications->n_values; i++)
    {
      PdServiceApplication application = applications->values[i].value;
      GtkWidget *row, *check, *icon;

      if (application == PD_SERVICE_APPLICATION_UNKNOWN)
        continue;
      if (group == NULL || suite_of (application) != suite)
        {
          suite = suite_of (application);
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, pd_service_suite_get_name (suite));
          if (gtk_widget_get_first_child (GTK_WIDGET (box)) == NULL)
            adw_preferences_group_set_description (group, _("The applications to back up. You authorize each one once the client is created."));
          gtk_box_append (box, GTK_WIDGET (group));
        }
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pd_service_application_get_name (application));
      check = gtk_check_button_new ();
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_widget_set_name (check, applications->values[i].value_nick);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
      g_signal_connect_swapped (check, "toggled", toggled, user_data);
      icon = gtk_image_new_from_icon_name (pd_service_application_get_icon_name (application));
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
      gtk_widget_set_can_target (icon, FALSE);
      /* Prefixes go in from the outside in: the check box first, then the icon */
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (group, row);
    }
}

static GtkCheckButton *
find_check (GtkWidget  *widget,
            const char *nick)
{
  if (GTK_IS_CHECK_BUTTON (widget) && g_strcmp0 (gtk_widget_get_name (widget), nick) == 0)
    return GTK_CHECK_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkCheckButton *found = find_check (child, nick);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkCheckButton *
pd_new_client_rows_find_service (GtkBox     *box,
                                 const char *nick)
{
  return find_check (GTK_WIDGET (box), nick);
}

static void
describe (GtkWidget            *row,
          PdNewClientCreate    *create,
          guint                 item)
{
  PdNewClientItemState state = pd_new_client_create_get_state (create, item);
  const GError *error = pd_new_client_create_get_error (create, item);
  GtkWidget *spinner = g_object_get_data (G_OBJECT (row), "spinner");
  GtkWidget *icon = g_object_get_data (G_OBJECT (row), "icon");
  const char *subtitle = NULL, *icon_name = NULL;

  switch (state)
    {
    case PD_NEW_CLIENT_ITEM_WAITING:
      subtitle = _("Waiting");
      break;
    case PD_NEW_CLIENT_ITEM_WORKING:
      subtitle = _("Sending…");
      break;
    case PD_NEW_CLIENT_ITEM_QUEUED:
      subtitle = _("The portal cannot be reached. This is kept and sent as soon as it can be.");
      icon_name = "network-offline-symbolic";
      break;
    case PD_NEW_CLIENT_ITEM_DONE:
      subtitle = _("Done");
      icon_name = "object-select-symbolic";
      break;
    case PD_NEW_CLIENT_ITEM_FAILED:
      subtitle = error != NULL ? error->message : _("Failed");
      icon_name = "dialog-error-symbolic";
      break;
    default:
      g_assert_not_reached ();
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_visible (spinner, state == PD_NEW_CLIENT_ITEM_WORKING || state == PD_NEW_CLIENT_ITEM_QUEUED);
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), gtk_widget_get_visible (spinner));
  gtk_widget_set_visible (icon, icon_name != NULL && state != PD_NEW_CLIENT_ITEM_QUEUED);
  if (icon_name != NULL)
    gtk_image_set_from_icon_name (GTK_IMAGE (icon), icon_name);
  if (state == PD_NEW_CLIENT_ITEM_FAILED)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
  if (state == PD_NEW_CLIENT_ITEM_DONE)
    gtk_widget_add_css_class (icon, "success");
  else
    gtk_widget_remove_css_class (icon, "success");
}

void
pd_new_client_rows_fill_progress (GtkListBox        *list,
                                  PdNewClientCreate *create)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
  for (guint i = 0; i < pd_new_client_create_get_n_items (create); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spinner = gtk_spinner_new ();
      GtkWidget *icon = gtk_image_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pd_new_client_create_get_title (create, i));
      gtk_widget_set_valign (spinner, GTK_ALIGN_CENTER);
      gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spinner);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
      g_object_set_data (G_OBJECT (row), "spinner", spinner);
      g_object_set_data (G_OBJECT (row), "icon", icon);
      gtk_list_box_append (list, row);
      describe (row, create, i);
    }
}

void
pd_new_client_rows_update_progress (GtkListBox        *list,
                                    PdNewClientCreate *create,
                                    guint              item)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, (int) item);

  if (row != NULL)
    describe (GTK_WIDGET (row), create, item);
}

GtkWidget *
pd_new_client_rows_new_authorize (PdServiceApplication  application,
                                  const char           *service_id,
                                  const char           *label,
                                  const char           *tooltip,
                                  GCallback             clicked,
                                  gpointer              user_data)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (pd_service_application_get_icon_name (application));
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pd_service_application_get_name (application));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Needs authorization"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_name (button, service_id);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, row, NULL, -1);
  g_signal_connect_swapped (button, "clicked", clicked, user_data);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  return row;
}

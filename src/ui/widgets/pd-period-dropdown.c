/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pd-dashboard-fetch.h"
#include "pd-period-dropdown.h"

#define SETTINGS_KEY "pd-period-settings-key"

PdDashboardPeriod
pd_period_dropdown_get_period (GtkDropDown *dropdown)
{
  guint selected;

  g_return_val_if_fail (GTK_IS_DROP_DOWN (dropdown), PD_DASHBOARD_PERIOD_UNKNOWN);

  selected = gtk_drop_down_get_selected (dropdown);
  if (selected == GTK_INVALID_LIST_POSITION)
    return PD_DASHBOARD_PERIOD_UNKNOWN;
  return pd_dashboard_periods_all ()[selected];
}

static void
selected_cb (GtkDropDown *dropdown,
             GParamSpec  *pspec,
             GSettings   *settings)
{
  PdDashboardPeriod period = pd_period_dropdown_get_period (dropdown);

  if (period != PD_DASHBOARD_PERIOD_UNKNOWN)
    g_settings_set_string (settings, g_object_get_data (G_OBJECT (dropdown), SETTINGS_KEY),
                           pd_dashboard_period_to_key (period));
}

PdDashboardPeriod
pd_period_dropdown_setup (GtkDropDown *dropdown,
                          const char  *settings_key)
{
  const PdDashboardPeriod *periods = pd_dashboard_periods_all ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GSettings *settings;
  g_autofree char *key = NULL;
  PdDashboardPeriod period;
  guint selected = 0;

  g_return_val_if_fail (GTK_IS_DROP_DOWN (dropdown), PD_DASHBOARD_PERIOD_UNKNOWN);
  g_return_val_if_fail (settings_key != NULL, PD_DASHBOARD_PERIOD_UNKNOWN);

  settings = g_settings_new (BASE_APPLICATION_ID);
  key = g_settings_get_string (settings, settings_key);
  period = pd_dashboard_period_from_key (key);
  if (period == PD_DASHBOARD_PERIOD_UNKNOWN)
    period = PD_DASHBOARD_PERIOD_THIS_MONTH;
  for (guint i = 0; periods[i] != PD_DASHBOARD_PERIOD_UNKNOWN; i++)
    {
      gtk_string_list_append (labels, pd_dashboard_period_get_label (periods[i]));
      if (periods[i] == period)
        selected = i;
    }
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (dropdown, selected);
  /* Connected before the page's own handler: the choice is kept before it is loaded */
  g_object_set_data_full (G_OBJECT (dropdown), SETTINGS_KEY, g_strdup (settings_key), g_free);
  g_signal_connect_data (dropdown, "notify::selected", G_CALLBACK (selected_cb), settings,
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  return period;
}

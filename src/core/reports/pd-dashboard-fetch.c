/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-cache-resources.h"
#include "pd-dashboard-fetch.h"
#include "pd-portal-client.h"

static const PdDashboardPeriod periods[] = {
  PD_DASHBOARD_PERIOD_THIS_MONTH,
  PD_DASHBOARD_PERIOD_LAST_MONTH,
  PD_DASHBOARD_PERIOD_LAST_7_DAYS,
  PD_DASHBOARD_PERIOD_LAST_30_DAYS,
  PD_DASHBOARD_PERIOD_LAST_90_DAYS,
  PD_DASHBOARD_PERIOD_UNKNOWN,
};

const PdDashboardPeriod *
pd_dashboard_periods_all (void)
{
  return periods;
}

const char *
pd_dashboard_period_to_key (PdDashboardPeriod period)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (PD_TYPE_DASHBOARD_PERIOD);
  GEnumValue *value = g_enum_get_value (klass, period);

  if (value == NULL || period == PD_DASHBOARD_PERIOD_UNKNOWN)
    return NULL;
  /* Enum classes are never unloaded: the nick outlives the reference. */
  return value->value_nick;
}

PdDashboardPeriod
pd_dashboard_period_from_key (const char *key)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *value;

  if (key == NULL)
    return PD_DASHBOARD_PERIOD_UNKNOWN;
  klass = g_type_class_ref (PD_TYPE_DASHBOARD_PERIOD);
  value = g_enum_get_value_by_nick (klass, key);
  return value != NULL ? (PdDashboardPeriod) value->value : PD_DASHBOARD_PERIOD_UNKNOWN;
}

const char *
pd_dashboard_period_get_label (PdDashboardPeriod period)
{
  switch (period)
    {
    case PD_DASHBOARD_PERIOD_THIS_MONTH:
      return _("This month");
    case PD_DASHBOARD_PERIOD_LAST_MONTH:
      return _("Last month");
    case PD_DASHBOARD_PERIOD_LAST_7_DAYS:
      return _("Last 7 days");
    case PD_DASHBOARD_PERIOD_LAST_30_DAYS:
      return _("Last 30 days");
    case PD_DASHBOARD_PERIOD_LAST_90_DAYS:
      return _("Last 90 days");
    case PD_DASHBOARD_PERIOD_UNKNOWN:
    default:
      return _("Unknown period");
    }
}

static char *
document_name (PdDashboardPeriod period)
{
  return g_strconcat ("dashboard/", pd_dashboard_period_to_key (period), NULL);
}

/* ---- fetching ------------------------------------------------------------------------ */

static void
dashboard_stored_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!pd_cache_store_document_finish (PD_CACHE (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Cannot cache the dashboard: %s", error->message);
}

static void
dashboard_fetched_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PdSession *session = g_task_get_source_object (task);
  PdDashboardPeriod period = GPOINTER_TO_INT (g_task_get_task_data (task));
  g_autoptr(GError) error = NULL;
  g_autoptr(PdPortalResponse) response = NULL;
  g_autoptr(PdResource) dashboard = NULL;
  PdCache *cache;
  JsonNode *root;

  response = pd_portal_client_send_finish (PD_PORTAL_CLIENT (source), result, &error);
  if (response == NULL)
    {
      if (g_error_matches (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_BAD_RESPONSE))
        g_prefix_error (&error, _("The portal’s dashboard cannot be read: "));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  root = pd_portal_response_get_root (response);
  if (root == NULL)
    {
      g_task_return_new_error (task, PD_PORTAL_ERROR, PD_PORTAL_ERROR_BAD_RESPONSE,
                               _("The portal’s dashboard cannot be read: the answer is empty."));
      return;
    }
  /* A few hundred bytes: decoding on the main thread costs less than a thread hop. */
  dashboard = pd_resource_new_from_json (PD_TYPE_DASHBOARD, root, &error);
  if (dashboard == NULL)
    {
      g_task_return_new_error (task, PD_PORTAL_ERROR, PD_PORTAL_ERROR_BAD_RESPONSE,
                               /* Translators: %s says what is wrong, e.g. “Dashboard: “jobs.failed” must be a number” */
                               _("The portal’s dashboard cannot be read: %s"), error->message);
      return;
    }
  if (pd_dashboard_get_period_key (PD_DASHBOARD (dashboard)) != period)
    {
      g_task_return_new_error (task, PD_PORTAL_ERROR, PD_PORTAL_ERROR_BAD_RESPONSE,
                               _("The portal answered with the dashboard of another period."));
      return;
    }

  /* Cached only once it decoded, so a broken answer never replaces a good copy. Not tied to
   * the caller's cancellable: what the portal sent is worth keeping even if the page closed. */
  cache = pd_session_get_cache (session);
  if (cache != NULL)
    {
      g_autofree char *name = document_name (period);

      pd_cache_store_document_async (cache, name, json_node_copy (root), NULL, dashboard_stored_cb, NULL);
    }
  g_task_return_pointer (task, g_steal_pointer (&dashboard), g_object_unref);
}

void
pd_dashboard_fetch_async (PdSession           *session,
                          PdDashboardPeriod    period,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(PdPortalRequest) request = NULL;

  g_return_if_fail (PD_IS_SESSION (session));
  g_return_if_fail (pd_dashboard_period_to_key (period) != NULL);

  task = g_task_new (session, cancellable, callback, user_data);
  g_task_set_source_tag (task, pd_dashboard_fetch_async);
  g_task_set_task_data (task, GINT_TO_POINTER (period), NULL);

  request = pd_portal_request_new ("GET", "/api/v1/dashboard");
  pd_portal_request_add_query (request, "period", pd_dashboard_period_to_key (period));
  pd_portal_client_send_async (pd_session_get_client (session), request, cancellable,
                               dashboard_fetched_cb, g_steal_pointer (&task));
}

PdDashboard *
pd_dashboard_fetch_finish (PdSession     *session,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, session), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pd_dashboard_fetch_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- the cached copy ----------------------------------------------------------------- */

static void
dashboard_loaded_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  PdResource *dashboard;

  node = pd_cache_load_document_finish (PD_CACHE (source), result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (node == NULL)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  dashboard = pd_resource_new_from_json (PD_TYPE_DASHBOARD, node, &error);
  if (dashboard == NULL)
    g_warning ("The cached dashboard is not usable: %s", error->message);
  g_task_return_pointer (task, dashboard, g_object_unref);
}

void
pd_dashboard_load_cached_async (PdSession           *session,
                                PdDashboardPeriod    period,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = NULL;
  PdCache *cache;

  g_return_if_fail (PD_IS_SESSION (session));
  g_return_if_fail (pd_dashboard_period_to_key (period) != NULL);

  task = g_task_new (session, cancellable, callback, user_data);
  g_task_set_source_tag (task, pd_dashboard_load_cached_async);
  cache = pd_session_get_cache (session);
  if (cache == NULL)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  name = document_name (period);
  pd_cache_load_document_async (cache, name, cancellable, dashboard_loaded_cb, g_steal_pointer (&task));
}

PdDashboard *
pd_dashboard_load_cached_finish (PdSession     *session,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, session), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pd_dashboard_load_cached_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

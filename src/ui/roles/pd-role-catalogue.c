/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "pd-roles"

#include "config.h"

#include <glib/gi18n.h>

#include "pd-cache-resources.h"
#include "pd-role-catalogue.h"

#define DOCUMENT_NAME "permission-catalogue"

static void
stored_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!pd_cache_store_document_finish (PD_CACHE (source), result, &error))
    g_debug ("The permission catalogue was not cached: %s", error->message);
}

static void
cached_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = pd_cache_load_document_finish (PD_CACHE (source), result, &error);
  GError *portal_error = g_task_get_task_data (task);
  PdResource *catalogue;

  if (node == NULL)
    {
      g_task_return_error (task, g_error_copy (portal_error));
      return;
    }
  catalogue = pd_resource_new_from_json (PD_TYPE_PERMISSION_CATALOGUE, node, &error);
  if (catalogue == NULL)
    g_task_return_error (task, g_error_copy (portal_error));
  else
    g_task_return_pointer (task, catalogue, g_object_unref);
}

static void
fetched_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PdPortalResponse) response = pd_portal_client_send_finish (PD_PORTAL_CLIENT (source), result, &error);
  PdSession *session = g_task_get_source_object (task);
  PdCache *cache = pd_session_get_cache (session);
  JsonNode *root = response != NULL ? pd_portal_response_get_root (response) : NULL;
  PdResource *catalogue = NULL;

  if (root != NULL)
    catalogue = pd_resource_new_from_json (PD_TYPE_PERMISSION_CATALOGUE, root, &error);
  else if (error == NULL)
    error = g_error_new_literal (PD_PORTAL_ERROR, PD_PORTAL_ERROR_BAD_RESPONSE,
                                 _("The portal answered without the list of permissions."));

  if (catalogue != NULL)
    {
      if (cache != NULL)
        pd_cache_store_document_async (cache, DOCUMENT_NAME, json_node_copy (root), NULL, stored_cb, NULL);
      g_task_return_pointer (task, catalogue, g_object_unref);
      return;
    }
  if (cache == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_set_task_data (task, g_steal_pointer (&error), (GDestroyNotify) g_error_free);
  pd_cache_load_document_async (cache, DOCUMENT_NAME, g_task_get_cancellable (task), cached_cb,
                                g_object_ref (task));
}

void
pd_role_catalogue_load_async (PdSession           *session,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(PdPortalRequest) request = NULL;

  g_return_if_fail (PD_IS_SESSION (session));

  task = g_task_new (session, cancellable, callback, user_data);
  g_task_set_source_tag (task, pd_role_catalogue_load_async);
  request = pd_portal_request_new ("GET", "/api/v1/permissions");
  pd_portal_client_send_async (pd_session_get_client (session), request, cancellable, fetched_cb,
                               g_steal_pointer (&task));
}

PdPermissionCatalogue *
pd_role_catalogue_load_finish (PdSession     *session,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, session), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pd_role_catalogue_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pd-alert-invites.h"
#include "pd-authorization.h"
#include "pd-organization.h"
#include "pd-service.h"

void
pd_alert_invite_free (PdAlertInvite *invite)
{
  g_object_unref (invite->organization);
  g_object_unref (invite->service);
  g_object_unref (invite->authorization);
  g_free (invite);
}

typedef struct
{
  GPtrArray *invites;
  GError    *error;     /* the first failure */
  guint      pending;
} Fetch;

static void
fetch_free (Fetch *fetch)
{
  g_ptr_array_unref (fetch->invites);
  g_clear_error (&fetch->error);
  g_free (fetch);
}

typedef struct
{
  GTask          *task;
  PdOrganization *organization;
  PdService      *service;
} Read;

static void
fetch_done (GTask *task)
{
  Fetch *fetch = g_task_get_task_data (task);

  if (--fetch->pending > 0)
    return;
  if (fetch->error != NULL)
    g_task_return_error (task, g_steal_pointer (&fetch->error));
  else
    g_task_return_pointer (task, g_ptr_array_ref (fetch->invites), (GDestroyNotify) g_ptr_array_unref);
}

static void
read_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Read *read = user_data;
  Fetch *fetch = g_task_get_task_data (read->task);
  g_autoptr(PdPortalResponse) response = NULL;
  g_autoptr(PdResource) authorization = NULL;
  g_autoptr(GError) error = NULL;

  response = pd_portal_client_send_finish (PD_PORTAL_CLIENT (source), result, &error);
  if (response != NULL)
    {
      JsonNode *root = pd_portal_response_get_root (response);

      if (root == NULL)
        g_set_error_literal (&error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_BAD_RESPONSE, "Empty authorization");
      else
        authorization = pd_resource_new_from_json (PD_TYPE_AUTHORIZATION, root, &error);
    }
  if (authorization != NULL)
    {
      PdAlertInvite *invite = g_new0 (PdAlertInvite, 1);

      invite->organization = g_steal_pointer (&read->organization);
      invite->service = g_steal_pointer (&read->service);
      invite->authorization = PD_AUTHORIZATION (g_steal_pointer (&authorization));
      g_ptr_array_add (fetch->invites, invite);
    }
  else if (fetch->error == NULL)
    fetch->error = g_steal_pointer (&error);

  fetch_done (read->task);
  g_object_unref (read->task);
  g_clear_object (&read->organization);
  g_clear_object (&read->service);
  g_free (read);
}

static void
read_authorization (GTask          *task,
                    PdSession      *session,
                    PdOrganization *organization,
                    PdService      *service)
{
  g_autofree char *path = NULL;
  g_autoptr(PdPortalRequest) request = NULL;
  Read *read = g_new0 (Read, 1);
  Fetch *fetch = g_task_get_task_data (task);

  path = g_strdup_printf ("/api/v1/organizations/%s/services/%s/authorization",
                          pd_resource_get_id (PD_RESOURCE (organization)),
                          pd_resource_get_id (PD_RESOURCE (service)));
  request = pd_portal_request_new ("GET", path);
  read->task = g_object_ref (task);
  read->organization = g_object_ref (organization);
  read->service = g_object_ref (service);
  fetch->pending++;
  pd_portal_client_send_async (pd_session_get_client (session), request, g_task_get_cancellable (task),
                               read_cb, read);
}

void
pd_alert_invites_read_async (PdSession           *session,
                             GHashTable          *also,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GListModel *organizations;
  Fetch *fetch;
  guint n;

  g_return_if_fail (PD_IS_SESSION (session));

  task = g_task_new (session, cancellable, callback, user_data);
  g_task_set_source_tag (task, pd_alert_invites_read_async);
  fetch = g_new0 (Fetch, 1);
  fetch->invites = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_alert_invite_free);
  /* Held until every read was started, so an early answer cannot complete the task. */
  fetch->pending = 1;
  g_task_set_task_data (task, fetch, (GDestroyNotify) fetch_free);

  organizations = pd_session_get_organizations (session);
  n = g_list_model_get_n_items (organizations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PdOrganization) organization = g_list_model_get_item (organizations, i);
      GListModel *services = G_LIST_MODEL (pd_organization_get_services (organization));
      guint n_services;

      if (pd_organization_get_status (organization) != PD_ORGANIZATION_STATUS_ACTIVE || services == NULL)
        continue;
      n_services = g_list_model_get_n_items (services);
      for (guint j = 0; j < n_services; j++)
        {
          g_autoptr(PdService) service = g_list_model_get_item (services, j);

          if (pd_service_get_authorization_state (service) == PD_AUTHORIZATION_STATE_PENDING_CLIENT_ADMIN ||
              (also != NULL && g_hash_table_contains (also, pd_resource_get_id (PD_RESOURCE (service)))))
            read_authorization (task, session, organization, service);
        }
    }
  fetch_done (task);
}

GPtrArray *
pd_alert_invites_read_finish (PdSession     *session,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, session), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
add_if_expiring (GPtrArray     *alerts,
                 PdAlertInvite *invite)
{
  GDateTime *expires = pd_authorization_get_invitation_expires_at (invite->authorization);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GTimeSpan left;

  if (!pd_authorization_get_has_invitation (invite->authorization) || expires == NULL)
    return;
  left = g_date_time_difference (expires, now);
  if (left <= 0 || left > PD_ALERT_INVITE_WARNING_USEC)
    return;
  /* A resent invitation ends later: its end is a new event. */
  g_ptr_array_add (alerts,
                   pd_alert_new (PD_ALERT_INVITE_EXPIRING, invite->organization,
                                 pd_service_get_application (invite->service),
                                 g_strdup_printf ("invite-expiring:%s:%" G_GINT64_FORMAT,
                                                  pd_resource_get_id (PD_RESOURCE (invite->service)),
                                                  g_date_time_to_unix (expires))));
}

static void
invites_read_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) invites = pd_alert_invites_read_finish (PD_SESSION (source), result, &error);
  GPtrArray *alerts;

  if (invites == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  alerts = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_alert_free);
  for (guint i = 0; i < invites->len; i++)
    add_if_expiring (alerts, g_ptr_array_index (invites, i));
  g_task_return_pointer (task, alerts, (GDestroyNotify) g_ptr_array_unref);
}

void
pd_alert_invites_fetch_async (PdSession           *session,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (PD_IS_SESSION (session));

  task = g_task_new (session, cancellable, callback, user_data);
  g_task_set_source_tag (task, pd_alert_invites_fetch_async);
  pd_alert_invites_read_async (session, NULL, cancellable, invites_read_cb, task);
}

GPtrArray *
pd_alert_invites_fetch_finish (PdSession     *session,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, session), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

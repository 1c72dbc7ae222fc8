/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pd-notifications-page-private.h"

/* The three documents come in parallel; the page shows them once all are there, or the
 * first failure with a way to try again. The catalogue is fetched once: it changes only
 * with a new portal version. */

typedef enum {
  DOCUMENT_CATALOGUE,
  DOCUMENT_SETTINGS,
  DOCUMENT_REPORT,
} Document;

static const char *const document_paths[] = {
  [DOCUMENT_CATALOGUE] = "/api/v1/notification-types",
  [DOCUMENT_SETTINGS] = "/api/v1/notification-settings",
  [DOCUMENT_REPORT] = "/api/v1/report-settings",
};

typedef struct {
  PdNotificationsPage *self;
  Document             document;
} Fetch;

static PdNotificationChoice *
find_choice (PdNotificationsPage *self,
             const char          *key)
{
  for (guint i = 0; i < self->choices->len; i++)
    {
      PdNotificationChoice *choice = g_ptr_array_index (self->choices, i);

      if (g_strcmp0 (pd_notification_type_get_key (pd_notification_choice_get_notification_type (choice)), key) == 0)
        return choice;
    }
  return NULL;
}

gboolean
pd_notifications_page_apply_settings (PdNotificationsPage  *self,
                                      JsonNode             *node,
                                      GError              **error)
{
  g_autoptr(PdResource) settings = pd_resource_new_from_json (PD_TYPE_NOTIFICATION_SETTINGS, node, error);
  GListModel *list;

  if (settings == NULL)
    return FALSE;
  g_free (self->settings_etag);
  self->settings_etag = g_strdup (pd_resource_get_etag (settings));
  list = G_LIST_MODEL (pd_notification_settings_get_settings (PD_NOTIFICATION_SETTINGS (settings)));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(PdNotificationSetting) setting = g_list_model_get_item (list, i);
      /* A type this catalogue does not know (a newer portal) is left out. */
      PdNotificationChoice *choice = find_choice (self, pd_notification_setting_get_type_key (setting));

      if (choice != NULL)
        pd_notification_choice_load (choice, setting);
    }
  pd_notifications_page_update_state (self);
  return TRUE;
}

gboolean
pd_notifications_page_apply_report (PdNotificationsPage  *self,
                                    JsonNode             *node,
                                    GError              **error)
{
  g_autoptr(PdResource) report = pd_resource_new_from_json (PD_TYPE_REPORT_SETTINGS, node, error);

  if (report == NULL)
    return FALSE;
  g_set_object (&self->report, PD_REPORT_SETTINGS (report));
  pd_notifications_page_revert_report (self);
  return TRUE;
}

static void
loaded (PdNotificationsPage *self)
{
  if (self->load_error != NULL)
    {
      adw_status_page_set_description (self->error_page, self->load_error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      g_clear_error (&self->load_error);
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "settings");
  pd_notifications_page_update_state (self);
}

static gboolean
apply (PdNotificationsPage  *self,
       Document              document,
       JsonNode             *root,
       GError              **error)
{
  switch (document)
    {
    case DOCUMENT_CATALOGUE:
      self->catalogue = PD_NOTIFICATION_TYPE_CATALOGUE (pd_resource_new_from_json (PD_TYPE_NOTIFICATION_TYPE_CATALOGUE,
                                                                                   root, error));
      if (self->catalogue == NULL)
        return FALSE;
      pd_notifications_page_build (self);
      return TRUE;
    case DOCUMENT_SETTINGS:
      return pd_notifications_page_apply_settings (self, root, error);
    case DOCUMENT_REPORT:
      return pd_notifications_page_apply_report (self, root, error);
    default:
      g_assert_not_reached ();
    }
}

static void fetch (PdNotificationsPage *self, Document document);

static void
fetched_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autofree Fetch *data = user_data;
  g_autoptr(PdNotificationsPage) self = data->self;
  g_autoptr(PdPortalResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  response = pd_portal_client_send_finish (PD_PORTAL_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (response != NULL)
    {
      /* The settings follow the catalogue's rows; they wait for it. */
      if (data->document == DOCUMENT_CATALOGUE)
        {
          if (apply (self, DOCUMENT_CATALOGUE, pd_portal_response_get_root (response), &error))
            fetch (self, DOCUMENT_SETTINGS);
        }
      else
        apply (self, data->document, pd_portal_response_get_root (response), &error);
    }
  if (error != NULL && self->load_error == NULL)
    self->load_error = g_steal_pointer (&error);
  if (--self->loading == 0)
    loaded (self);
}

static void
fetch (PdNotificationsPage *self,
       Document             document)
{
  g_autoptr(PdPortalRequest) request = pd_portal_request_new ("GET", document_paths[document]);
  Fetch *data = g_new0 (Fetch, 1);

  data->self = g_object_ref (self);
  data->document = document;
  self->loading++;
  pd_portal_client_send_async (pd_session_get_client (self->session), request, self->cancellable,
                               fetched_cb, data);
}

void
pd_notifications_page_load (PdNotificationsPage *self)
{
  g_return_if_fail (PD_IS_NOTIFICATIONS_PAGE (self));

  if (self->loading > 0)
    return;
  /* Settings on screen stay there while they are fetched again. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "settings") != 0)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  if (self->catalogue == NULL)
    fetch (self, DOCUMENT_CATALOGUE);
  else
    fetch (self, DOCUMENT_SETTINGS);
  fetch (self, DOCUMENT_REPORT);
}

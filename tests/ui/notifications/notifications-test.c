/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "notifications-test.h"

static gboolean
page_loaded (gpointer data)
{
  PdNotificationsPage *page = data;

  return page->loading == 0 &&
         g_strcmp0 (gtk_stack_get_visible_child_name (page->stack), "settings") == 0;
}

void
nt_wait_loaded (PdNotificationsPage *page)
{
  pd_ui_test_wait_for (page_loaded, page, "the notification settings");
}

static gboolean
page_saved (gpointer data)
{
  PdNotificationsPage *page = data;

  return page->saving == 0 && page->loading == 0;
}

void
nt_wait_saved (PdNotificationsPage *page)
{
  pd_ui_test_wait_for (page_saved, page, "the save");
}

PdNotificationsPage *
nt_open_page (PdUiTestSession  *test,
              int               width,
              PdSessionView   **view,
              GtkWindow       **window)
{
  PdNotificationsPage *page;

  *view = PD_SESSION_VIEW (pd_session_view_new ());
  *window = pd_ui_test_window_new (GTK_WIDGET (*view), width, 900);
  pd_session_view_set_session (*view, test->session);
  pd_session_view_show_page (*view, "notifications");
  page = PD_NOTIFICATIONS_PAGE (gtk_stack_get_child_by_name (pd_session_view_get_sections (*view), "notifications"));
  g_assert_nonnull (page);
  nt_wait_loaded (page);
  pd_ui_test_wait_frames (3);
  return page;
}

static gboolean
is_row_of (GtkWidget     *widget,
           gconstpointer  data)
{
  return PD_IS_NOTIFICATION_TYPE_ROW (widget) &&
         g_strcmp0 (pd_notification_type_get_key (pd_notification_choice_get_notification_type (
                      pd_notification_type_row_get_choice (PD_NOTIFICATION_TYPE_ROW (widget)))), data) == 0;
}

PdNotificationTypeRow *
nt_row (PdNotificationsPage *page,
        const char          *key)
{
  GtkWidget *row = pd_ui_test_find (GTK_WIDGET (page->groups_box), is_row_of, key);

  g_assert_nonnull (row);
  return PD_NOTIFICATION_TYPE_ROW (row);
}

static gboolean
is_preview_row (GtkWidget     *widget,
                gconstpointer  data)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), "Preview E-mail") == 0;
}

GtkWidget *
nt_preview_row (PdNotificationTypeRow *type_row)
{
  GtkWidget *row = pd_ui_test_find (GTK_WIDGET (type_row), is_preview_row, NULL);

  g_assert_nonnull (row);
  return row;
}

typedef struct {
  gboolean          done;
  PdPortalResponse *response;
  GError           *error;
} Reply;

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Reply *reply = user_data;

  reply->response = pd_portal_client_send_finish (PD_PORTAL_CLIENT (source), result, &reply->error);
  reply->done = TRUE;
}

static gboolean
reply_done (gpointer data)
{
  return ((Reply *) data)->done;
}

static PdPortalResponse *
send (PdSession  *session,
      const char *method,
      const char *path,
      JsonNode   *body,
      const char *etag)
{
  g_autoptr(PdPortalRequest) request = pd_portal_request_new (method, path);
  Reply reply = { 0 };

  if (body != NULL)
    pd_portal_request_set_json_body (request, body);
  if (etag != NULL)
    pd_portal_request_set_if_match (request, etag);
  pd_portal_client_send_async (pd_session_get_client (session), request, NULL, sent_cb, &reply);
  pd_ui_test_wait_for (reply_done, &reply, path);
  g_assert_no_error (reply.error);
  return reply.response;
}

JsonNode *
nt_portal_get (PdSession   *session,
               const char  *path,
               char       **etag)
{
  g_autoptr(PdPortalResponse) response = send (session, "GET", path, NULL, NULL);

  if (etag != NULL)
    *etag = g_strdup (pd_portal_response_get_etag (response));
  return pd_portal_response_steal_root (response);
}

void
nt_portal_send (PdSession  *session,
                const char *method,
                const char *path,
                JsonNode   *body,
                const char *etag)
{
  g_autoptr(PdPortalResponse) response = send (session, method, path, body, etag);
}

JsonObject *
nt_setting (JsonNode   *settings,
            const char *key)
{
  JsonArray *array = json_object_get_array_member (json_node_get_object (settings), "settings");

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *setting = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member (setting, "type"), key) == 0)
        return setting;
    }
  g_error ("No setting “%s”", key);
}

static AdwMessageDialog *
find_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_mapped (GTK_WIDGET (window)) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return find_dialog (data) != NULL;
}

AdwMessageDialog *
nt_wait_dialog (const char *heading)
{
  pd_ui_test_wait_for (dialog_shown, (gpointer) heading, heading);
  return find_dialog (heading);
}

void
nt_respond (AdwMessageDialog *dialog,
            const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  pd_ui_test_wait_frames (2);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libsoup/soup.h>

#include "users-test.h"

static gboolean
sections_still (gpointer view)
{
  return !gtk_stack_get_transition_running (pd_session_view_get_sections (view));
}

UsersTest *
users_test_new (const char *role,
                int         width)
{
  return users_test_new_full (role, width, (const char *[]) { "--seed", "10", NULL });
}

UsersTest *
users_test_new_full (const char         *role,
                     int                 width,
                     const char * const *portal_args)
{
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new (portal_args, role);
  UsersTest *t;

  if (test == NULL)
    return NULL;
  t = g_new0 (UsersTest, 1);
  t->test = g_steal_pointer (&test);
  t->view = PD_SESSION_VIEW (pd_session_view_new ());
  t->window = pd_ui_test_window_new (GTK_WIDGET (t->view), width, 800);
  pd_session_view_set_session (t->view, t->test->session);
  pd_session_view_show_page (t->view, "users");
  t->page = PD_USERS_PAGE (pd_ui_test_find_type (GTK_WIDGET (t->window), PD_TYPE_USERS_PAGE));
  g_assert_nonnull (t->page);
  pd_ui_test_wait_for (sections_still, t->view, "the section to show");
  pd_ui_test_wait_frames (5);
  return t;
}

void
users_test_free (UsersTest *t)
{
  pd_ui_test_window_destroy (t->window);
  pd_ui_test_session_free (t->test);
  g_free (t);
}

PdUser *
users_test_lookup (UsersTest  *t,
                   const char *email)
{
  GListModel *users = pd_session_get_users (t->test->session);

  for (guint i = 0; i < g_list_model_get_n_items (users); i++)
    {
      g_autoptr(PdUser) user = g_list_model_get_item (users, i);

      if (g_ascii_strcasecmp (pd_user_get_email (user), email) == 0)
        return user;  /* the list keeps it */
    }
  return NULL;
}

typedef struct {
  UsersTest  *t;
  const char *email;
  gboolean    present;
} UserWait;

static gboolean
user_is (gpointer data)
{
  UserWait *wait = data;

  return (users_test_lookup (wait->t, wait->email) != NULL) == wait->present;
}

void
users_test_wait_user (UsersTest  *t,
                      const char *email,
                      gboolean    present)
{
  UserWait wait = { t, email, present };

  pd_ui_test_wait_for (user_is, &wait, present ? "the user to be listed" : "the user to be gone");
}

typedef struct {
  UsersTest  *t;
  const char *text;
} ToastWait;

static gboolean
toast_shown (gpointer data)
{
  ToastWait *wait = data;

  return pd_ui_test_find_label (GTK_WIDGET (wait->t->window), wait->text) != NULL;
}

void
users_test_wait_toast (UsersTest  *t,
                       const char *text)
{
  ToastWait wait = { t, text };

  pd_ui_test_wait_for (toast_shown, &wait, text);
}

void
users_test_click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

GtkWindow *
users_test_open_user (UsersTest  *t,
                      const char *email)
{
  GListModel *shown = G_LIST_MODEL (t->page->sorted);

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(PdUser) user = g_list_model_get_item (shown, i);

      if (g_strcmp0 (pd_user_get_email (user), email) == 0)
        {
          g_signal_emit_by_name (t->page->list_view, "activate", i);
          return pd_ui_test_wait_window (PD_TYPE_USER_EDIT_DIALOG);
        }
    }
  g_error ("%s is not in the list", email);
}

void
users_test_select_role (AdwComboRow *row,
                        const char  *role_id)
{
  GListModel *roles = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (roles); i++)
    {
      g_autoptr(PdResource) role = g_list_model_get_item (roles, i);

      if (g_str_equal (pd_resource_get_id (role), role_id))
        {
          adw_combo_row_set_selected (row, i);
          return;
        }
    }
  g_error ("the role %s is not offered", role_id);
}

void
users_test_assert_refused (GtkWidget  *widget,
                           const char *why)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  g_assert_false (gtk_widget_is_sensitive (widget));
  if (tooltip == NULL || strstr (tooltip, why) == NULL)
    g_error ("%s: tooltip “%s”, expected “%s”", G_OBJECT_TYPE_NAME (widget), tooltip, why);
}

void
users_test_answer (const char *response)
{
  GtkWindow *dialog = pd_ui_test_wait_window (ADW_TYPE_MESSAGE_DIALOG);

  /* What its buttons do: answer, then close */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (dialog);
  pd_ui_test_wait_frames (2);
}

JsonNode *
users_test_portal (UsersTest  *t,
                   const char *method,
                   const char *path,
                   const char *body,
                   const char *if_match,
                   guint       status)
{
  g_autoptr(SoupSession) soup = soup_session_new ();
  g_autofree char *url = g_strconcat (pd_test_portal_get_url (t->test->portal), path, NULL);
  g_autofree char *authorization = g_strdup_printf ("Bearer %s", pd_test_portal_get_key (t->test->portal, "owner"));
  g_autoptr(SoupMessage) message = soup_message_new (method, url);
  SoupMessageHeaders *headers = soup_message_get_request_headers (message);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  soup_message_headers_replace (headers, "Authorization", authorization);
  if (if_match != NULL)
    soup_message_headers_replace (headers, "If-Match", if_match);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (message, "application/json", bytes);
    }
  answer = soup_session_send_and_read (soup, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, status);
  if (g_bytes_get_size (answer) == 0)
    return NULL;
  node = json_from_string (g_bytes_get_data (answer, NULL), &error);
  g_assert_no_error (error);
  return node;
}

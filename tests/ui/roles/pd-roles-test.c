/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <libsoup/soup.h>

#include "pd-roles-test.h"

static void
record_error_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  const char *title, *message;

  g_variant_get (parameter, "(&s&s)", &title, &message);
  g_test_message ("show-error: %s: %s", title, message);
}

GtkWindow *
roles_window (PdUiTestSession *test)
{
  static const GActionEntry entries[] = {
    { "show-error", record_error_cb, "(ss)" },
    { "show-toast", NULL, "s" },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWindow *window;

  /* Where the editors' toasts go, as in the session view */
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), pd_roles_page_new (test->session));
  window = pd_ui_test_window_new (overlay, 900, 900);

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), NULL);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "win", G_ACTION_GROUP (group));
  pd_ui_test_wait_frames (3);
  return window;
}

GtkWidget *
roles_new_button (GtkWindow *window)
{
  GtkWidget *label = pd_ui_test_find_label (GTK_WIDGET (window), "New Role");

  g_assert_nonnull (label);
  return gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON);
}

PdRoleRow *
roles_find_row (GtkWindow  *window,
                const char *role_id)
{
  g_autoptr(GPtrArray) rows = pd_ui_test_find_all_type (GTK_WIDGET (window), PD_TYPE_ROLE_ROW);

  for (guint i = 0; i < rows->len; i++)
    {
      PdRole *role = pd_role_row_get_role (g_ptr_array_index (rows, i));

      if (role != NULL && g_strcmp0 (pd_resource_get_id (PD_RESOURCE (role)), role_id) == 0)
        return g_ptr_array_index (rows, i);
    }
  return NULL;
}

static PdRoleEditor *
find_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (PD_IS_ROLE_EDITOR (window) && gtk_widget_get_visible (window))
        return PD_ROLE_EDITOR (window);
    }
  return NULL;
}

/* @data: an editor that does not count (the one going away), or NULL */
static gboolean
editor_ready (gpointer data)
{
  PdRoleEditor *editor = find_editor ();

  return editor != NULL && editor != data && gtk_widget_get_mapped (GTK_WIDGET (editor)) &&
         g_strcmp0 (gtk_stack_get_visible_child_name (editor->permissions_stack), "list") == 0;
}

PdRoleEditor *
roles_wait_editor (void)
{
  return roles_wait_other_editor (NULL);
}

PdRoleEditor *
roles_wait_other_editor (PdRoleEditor *old)
{
  pd_ui_test_wait_for (editor_ready, old, "the role editor");
  pd_ui_test_wait_frames (2);
  return find_editor ();
}

static gboolean
editor_closed (gpointer data)
{
  return find_editor () == NULL;
}

void
roles_wait_editor_closed (void)
{
  pd_ui_test_wait_for (editor_closed, NULL, "the role editor to close");
}

PdRoleEditor *
roles_open (GtkWindow  *window,
            const char *role_id)
{
  GtkListView *list_view = GTK_LIST_VIEW (pd_ui_test_find_type (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW));
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list_view));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PdResource) role = g_list_model_get_item (model, i);

      if (g_str_equal (pd_resource_get_id (role), role_id))
        {
          gtk_widget_activate_action (GTK_WIDGET (list_view), "list.activate-item", "u", i);
          return roles_wait_editor ();
        }
    }
  g_error ("No row of the role %s", role_id);
}

static AdwMessageDialog *
find_dialog (gpointer not)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_mapped (window) && window != not)
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
roles_wait_dialog (AdwMessageDialog *old)
{
  pd_ui_test_wait_for (dialog_shown, old, "a message dialog");
  return find_dialog (old);
}

static gboolean
button_labelled (GtkWidget     *widget,
                 gconstpointer  label)
{
  g_autoptr(GString) text = NULL;

  if (!GTK_IS_BUTTON (widget) || gtk_button_get_label (GTK_BUTTON (widget)) == NULL)
    return FALSE;
  text = g_string_new (gtk_button_get_label (GTK_BUTTON (widget)));
  g_string_replace (text, "_", "", 0);
  return g_str_equal (text->str, label);
}

void
roles_click_dialog (AdwMessageDialog *dialog,
                    const char       *label)
{
  roles_click (GTK_WIDGET (dialog), label);
}

typedef struct {
  GtkWidget  *root;
  const char *label;
} ButtonWait;

static gboolean
button_shown (gpointer data)
{
  ButtonWait *wait = data;

  return pd_ui_test_find (wait->root, button_labelled, wait->label) != NULL;
}

void
roles_click (GtkWidget  *root,
             const char *label)
{
  ButtonWait wait = { root, label };
  GtkWidget *button;

  pd_ui_test_wait_for (button_shown, &wait, label);
  button = pd_ui_test_find (root, button_labelled, label);
  gtk_widget_activate (button);
  pd_ui_test_wait_frames (2);
}

PdRole *
roles_lookup_by_name (PdUiTestSession *test,
                      const char      *name)
{
  GListModel *roles = pd_session_get_roles (test->session);

  for (guint i = 0; i < g_list_model_get_n_items (roles); i++)
    {
      g_autoptr(PdRole) role = g_list_model_get_item (roles, i);

      if (g_str_equal (pd_role_get_name (role), name))
        return role;
    }
  return NULL;
}

typedef struct {
  PdUiTestSession *test;
  const char      *name;
} NameWait;

static gboolean
named (gpointer data)
{
  NameWait *wait = data;

  return roles_lookup_by_name (wait->test, wait->name) != NULL;
}

void
roles_wait_named (PdUiTestSession *test,
                  const char      *name)
{
  NameWait wait = { test, name };

  pd_ui_test_wait_for (named, &wait, name);
}

static void
synced_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  gboolean *done = user_data;

  g_assert_true (pd_sync_engine_sync_finish (PD_SYNC_ENGINE (source), result, NULL));
  *done = TRUE;
}

void
roles_sync (PdUiTestSession *test)
{
  gboolean done = FALSE;

  pd_sync_engine_sync_async (pd_session_get_sync_engine (test->session), TRUE, NULL, synced_cb, &done);
  pd_test_wait_until (&done, 20000);
  pd_ui_test_wait_frames (2);
}

JsonNode *
portal_request (PdUiTestSession *test,
                const char      *method,
                const char      *path,
                const char      *body,
                const char      *if_match,
                guint           *status,
                char           **etag)
{
  g_autoptr(SoupSession) soup = soup_session_new ();
  g_autofree char *url = g_strconcat (pd_test_portal_get_url (test->portal), path, NULL);
  g_autofree char *authorization = g_strdup_printf ("Bearer %s", pd_test_portal_get_key (test->portal, "owner"));
  g_autoptr(SoupMessage) message = soup_message_new (method, url);
  SoupMessageHeaders *headers = soup_message_get_request_headers (message);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) answer = NULL;
  JsonNode *node = NULL;

  soup_message_headers_replace (headers, "Authorization", authorization);
  soup_message_headers_replace (headers, "Accept", "application/json");
  if (if_match != NULL)
    soup_message_headers_replace (headers, "If-Match", if_match);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (message, "application/json", bytes);
    }
  answer = soup_session_send_and_read (soup, message, NULL, &error);
  g_assert_no_error (error);
  if (status != NULL)
    *status = soup_message_get_status (message);
  if (etag != NULL)
    *etag = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (message), "ETag"));
  if (g_bytes_get_size (answer) > 0)
    {
      node = json_from_string (g_bytes_get_data (answer, NULL), &error);
      g_assert_no_error (error);
    }
  return node;
}

JsonObject *
portal_role_by_name (PdUiTestSession *test,
                     const char      *name,
                     JsonNode       **keep)
{
  guint status = 0;
  JsonArray *items;

  *keep = portal_request (test, "GET", "/api/v1/roles?limit=500", NULL, NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  items = json_object_get_array_member (json_node_get_object (*keep), "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *role = json_array_get_object_element (items, i);

      if (g_str_equal (json_object_get_string_member (role, "name"), name))
        return role;
    }
  return NULL;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

char *
permissions_text (JsonObject *role)
{
  JsonArray *permissions = json_object_get_array_member (role, "permissions");
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();

  for (guint i = 0; i < json_array_get_length (permissions); i++)
    g_ptr_array_add (keys, (gpointer) json_array_get_string_element (permissions, i));
  g_ptr_array_sort (keys, compare_strings);
  g_ptr_array_add (keys, NULL);
  return g_strjoinv (" ", (char **) keys->pdata);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Roles section under Xvfb against the reference portal: the list with each role's kind,
 * rank and holders; built-in roles read-only; a role created from scratch, duplicated,
 * renamed, its permissions changed, deleted and restored, each checked on the portal; a role
 * in use refused with its holders, before asking and when the portal says so; what a
 * technician may not do is offered disabled with the reason, and so is what a rank does not
 * allow; the portal's 422 keeps the input; offline, a new role waits in the outbox. */

#include "config.h"

#include "pd-roles-test.h"
#include "pd-user.h"

/* ---- the list ------------------------------------------------------------------------ */

static gboolean
one_row (gpointer window)
{
  g_autoptr(GPtrArray) rows = pd_ui_test_find_all_type (window, PD_TYPE_ROLE_ROW);

  return rows->len == 1;
}

static gboolean
no_match_shown (gpointer window)
{
  return pd_ui_test_find_label (window, "No Matching Roles") != NULL;
}

static void
test_list (void)
{
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new (ROLES_PORTAL_ARGS, "owner");
  g_autoptr(JsonNode) answer = NULL;
  GtkWindow *window;
  GtkEditable *search;
  JsonArray *items;
  guint status = 0;

  if (test == NULL)
    return;
  window = roles_window (test);
  answer = portal_request (test, "GET", "/api/v1/roles?limit=500", NULL, NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  items = json_object_get_array_member (json_node_get_object (answer), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 7);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *role = json_array_get_object_element (items, i);
      PdRoleRow *row = roles_find_row (window, json_object_get_string_member (role, "id"));
      gint64 count = json_object_get_int_member (role, "user_count");
      g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT " user%s", count, count == 1 ? "" : "s");
      g_autofree char *kind = g_strdup_printf ("%s · rank %" G_GINT64_FORMAT,
                                               json_object_get_boolean_member (role, "builtin") ? "Built-in" : "Custom",
                                               json_object_get_int_member (role, "rank"));

      g_assert_nonnull (row);
      g_assert_cmpstr (pd_role_row_get_count_text (row), ==, expected);
      g_assert_nonnull (pd_ui_test_find_label (GTK_WIDGET (row), kind));
      g_assert_nonnull (pd_ui_test_find_label (GTK_WIDGET (row), json_object_get_string_member (role, "name")));
    }
  pd_ui_test_screenshot (GTK_WIDGET (window), "roles");

  /* The search narrows the list by name; nothing found says so */
  search = GTK_EDITABLE (pd_ui_test_find_type (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY));
  gtk_editable_set_text (search, "supp");
  pd_ui_test_wait_for (one_row, window, "one role found");
  g_assert_nonnull (roles_find_row (window, "support"));
  gtk_editable_set_text (search, "no such role");
  pd_ui_test_wait_for (no_match_shown, window, "the empty search");
  gtk_editable_set_text (search, "");
  pd_ui_test_window_destroy (window);

  /* Down to a phone's width */
  window = roles_window (test);
  gtk_window_set_default_size (window, 360, 720);
  pd_ui_test_wait_frames (10);
  pd_ui_test_screenshot (GTK_WIDGET (window), "roles-narrow");
  pd_ui_test_window_destroy (window);
}

/* ---- built-in roles -------------------------------------------------------------------- */

static void
test_builtin_read_only (void)
{
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new (ROLES_PORTAL_ARGS, "owner");
  PdRole *admin;
  PdRoleEditor *editor;
  GtkWindow *window;

  if (test == NULL)
    return;
  window = roles_window (test);
  editor = roles_open (window, "admin");
  admin = editor->role;
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor->save_button)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor->notice_group)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor->name_row)));
  g_assert_cmpstr (adw_action_row_get_subtitle (editor->name_view_row), ==, "Admin");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor->rank_spin)));
  g_assert_cmpstr (gtk_label_get_label (editor->rank_label), ==, "80");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor->delete_button)));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (editor->duplicate_button)));
  /* Every permission of the catalogue is listed; the role's are ticked; none can change. */
  for (const char * const *key = (const char * const[]) { "users.write", "roles.read", "partner.write", "roles.write", NULL };
       *key != NULL; key++)
    {
      GtkCheckButton *check = pd_role_permissions_get_check (editor->permissions, *key);

      g_assert_nonnull (check);
      g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (check)));
      g_assert_cmpint (gtk_check_button_get_active (check), ==, g_strv_contains (pd_role_get_permissions (admin), *key));
    }
  /* Its holders are listed by name */
  g_assert_nonnull (pd_ui_test_find_label (GTK_WIDGET (editor->holders_list), "Ana Duarte"));
  pd_ui_test_screenshot (GTK_WIDGET (editor), "role-editor-builtin");
  gtk_window_destroy (GTK_WINDOW (editor));
  pd_ui_test_window_destroy (window);
}

/* ---- create, duplicate, rename, permissions, delete ----------------------------------- */

static void
tick (PdRoleEditor *editor,
      const char   *key,
      gboolean      active)
{
  GtkCheckButton *check = pd_role_permissions_get_check (editor->permissions, key);

  g_assert_nonnull (check);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (check)));
  if (gtk_check_button_get_active (check) != active)
    gtk_widget_activate (GTK_WIDGET (check));
  g_assert_cmpint (gtk_check_button_get_active (check), ==, active);
}

static void
save (PdRoleEditor *editor)
{
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (editor->save_button)));
  gtk_widget_activate (GTK_WIDGET (editor->save_button));
}

static void
test_create_and_delete (void)
{
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new (ROLES_PORTAL_ARGS, "owner");
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *path = NULL;
  g_autofree char *permissions = NULL;
  PdRoleEditor *editor;
  AdwMessageDialog *dialog;
  GtkWindow *window;
  JsonObject *role;
  PdRole *created;
  guint status = 0;

  if (test == NULL)
    return;
  window = roles_window (test);
  gtk_widget_activate (roles_new_button (window));
  editor = roles_wait_editor ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor->name_row)), ==, "");
  /* Just below the owner's rank (100) unless chosen otherwise */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (editor->rank_spin), ==, 99);
  /* Nothing typed yet: Cancel just closes */
  gtk_widget_activate (GTK_WIDGET (editor->cancel_button));
  roles_wait_editor_closed ();
  gtk_widget_activate (roles_new_button (window));
  editor = roles_wait_editor ();
  gtk_editable_set_text (GTK_EDITABLE (editor->name_row), "Billing viewer");
  gtk_editable_set_text (GTK_EDITABLE (editor->description_row), "Sees plans, seats and reports.");
  gtk_spin_button_set_value (editor->rank_spin, 20);
  tick (editor, "partner.read", TRUE);
  tick (editor, "dashboard.read", TRUE);
  tick (editor, "reports.export", TRUE);
  save (editor);
  roles_wait_editor_closed ();
  roles_wait_named (test, "Billing viewer");

  role = portal_role_by_name (test, "Billing viewer", &answer);
  g_assert_nonnull (role);
  g_assert_cmpint (json_object_get_int_member (role, "rank"), ==, 20);
  g_assert_cmpstr (json_object_get_string_member (role, "description"), ==, "Sees plans, seats and reports.");
  permissions = permissions_text (role);
  g_assert_cmpstr (permissions, ==, "dashboard.read partner.read reports.export");

  /* The new role is in the list, held by nobody, and can be deleted after confirming */
  created = roles_lookup_by_name (test, "Billing viewer");
  path = g_strconcat ("/api/v1/roles/", pd_resource_get_id (PD_RESOURCE (created)), NULL);
  pd_ui_test_wait_frames (3);
  g_assert_cmpstr (pd_role_row_get_count_text (roles_find_row (window, pd_resource_get_id (PD_RESOURCE (created)))),
                   ==, "0 users");
  editor = roles_open (window, pd_resource_get_id (PD_RESOURCE (created)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor->save_button)));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (editor->delete_button)));
  gtk_widget_activate (GTK_WIDGET (editor->delete_button));
  dialog = roles_wait_dialog (NULL);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "Billing viewer"));
  roles_click_dialog (dialog, "Delete");
  roles_wait_editor_closed ();
  g_clear_pointer (&answer, json_node_unref);
  answer = portal_request (test, "GET", path, NULL, NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 404);
  g_assert_null (roles_lookup_by_name (test, "Billing viewer"));

  /* Undo in the toast creates the same role again (clicked once it has slid in, as a
   * person can: libadwaita 1.2 crashes on a toast dismissed during its slide-in) */
  pd_ui_test_wait_toast_shown ();
  roles_click (GTK_WIDGET (window), "Undo");
  roles_wait_named (test, "Billing viewer");
  g_clear_pointer (&answer, json_node_unref);
  role = portal_role_by_name (test, "Billing viewer", &answer);
  g_assert_nonnull (role);
  g_assert_cmpint (json_object_get_int_member (role, "rank"), ==, 20);
  g_free (permissions);
  permissions = permissions_text (role);
  g_assert_cmpstr (permissions, ==, "dashboard.read partner.read reports.export");
  pd_ui_test_window_destroy (window);
}

static void
test_duplicate_rename_and_permissions (void)
{
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new (ROLES_PORTAL_ARGS, "owner");
  g_autoptr(JsonNode) source_answer = NULL;
  g_autoptr(JsonNode) copy_answer = NULL;
  g_autoptr(JsonNode) renamed_answer = NULL;
  g_autofree char *source_permissions = NULL;
  g_autofree char *copy_permissions = NULL;
  g_autofree char *renamed_permissions = NULL;
  PdRoleEditor *editor;
  GtkWindow *window;
  JsonObject *role;
  PdRole *copy;

  if (test == NULL)
    return;
  window = roles_window (test);

  /* Duplicating a built-in role starts a custom one with its permissions */
  editor = roles_open (window, "support");
  gtk_widget_activate (GTK_WIDGET (editor->duplicate_button));
  editor = roles_wait_other_editor (editor);
  g_assert_null (editor->role);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor->name_row)), ==, "Support (copy)");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (editor->rank_spin), ==, 60);
  save (editor);
  roles_wait_editor_closed ();
  roles_wait_named (test, "Support (copy)");
  role = portal_role_by_name (test, "Support", &source_answer);
  source_permissions = permissions_text (role);
  role = portal_role_by_name (test, "Support (copy)", &copy_answer);
  g_assert_nonnull (role);
  g_assert_false (json_object_get_boolean_member (role, "builtin"));
  copy_permissions = permissions_text (role);
  g_assert_cmpstr (copy_permissions, ==, source_permissions);

  /* Rename it and change its permissions */
  copy = roles_lookup_by_name (test, "Support (copy)");
  pd_ui_test_wait_frames (3);
  editor = roles_open (window, pd_resource_get_id (PD_RESOURCE (copy)));
  gtk_editable_set_text (GTK_EDITABLE (editor->name_row), "Helpdesk");
  tick (editor, "users.write", FALSE);
  tick (editor, "audit.read", TRUE);
  pd_ui_test_screenshot (GTK_WIDGET (editor), "role-editor");
  save (editor);
  roles_wait_editor_closed ();
  roles_wait_named (test, "Helpdesk");
  role = portal_role_by_name (test, "Helpdesk", &renamed_answer);
  g_assert_nonnull (role);
  renamed_permissions = permissions_text (role);
  g_assert_nonnull (strstr (renamed_permissions, "audit.read"));
  g_assert_null (strstr (renamed_permissions, "users.write"));
  g_assert_cmpstr (json_object_get_string_member (role, "id"), ==, pd_resource_get_id (PD_RESOURCE (copy)));
  g_assert_cmpstr (pd_role_get_name (copy), ==, "Helpdesk");
  pd_ui_test_window_destroy (window);
}

static const char *
onboarding_id (PdUiTestSession *test)
{
  PdRole *role = roles_lookup_by_name (test, "Onboarding specialist");

  g_assert_nonnull (role);
  return pd_resource_get_id (PD_RESOURCE (role));
}

/* ---- roles in use ---------------------------------------------------------------------- */

static void
test_delete_in_use (void)
{
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new (ROLES_PORTAL_ARGS, "owner");
  g_autoptr(JsonNode) created = NULL;
  g_autoptr(JsonNode) moved = NULL;
  g_autoptr(JsonNode) still = NULL;
  g_autofree char *user_etag = NULL;
  g_autofree char *body = NULL;
  g_autofree char *path = NULL;
  g_autofree char *user_path = NULL;
  PdRoleEditor *editor;
  AdwMessageDialog *dialog;
  GtkWindow *window;
  const char *role_id;
  PdUser *technician = NULL;
  GListModel *users;
  guint status = 0;

  if (test == NULL)
    return;
  window = roles_window (test);

  /* Held (Omar Farouk): refused at once, naming the holder; nothing is sent */
  editor = roles_open (window, onboarding_id (test));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (editor->delete_button)));
  gtk_widget_activate (GTK_WIDGET (editor->delete_button));
  dialog = roles_wait_dialog (NULL);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "in Use"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Omar Farouk"));
  roles_click_dialog (dialog, "Close");
  gtk_window_destroy (GTK_WINDOW (editor));
  path = g_strconcat ("/api/v1/roles/", onboarding_id (test), NULL);
  still = portal_request (test, "GET", path, NULL, NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);

  /* Given to someone behind the app's back: the portal's 409 is shown with the holders */
  created = portal_request (test, "POST", "/api/v1/roles",
                            "{\"name\":\"Night shift\",\"rank\":5,\"permissions\":[\"partner.read\"]}",
                            NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 201);
  role_id = json_object_get_string_member (json_node_get_object (created), "id");
  roles_sync (test);
  users = pd_session_get_users (test->session);
  for (guint i = 0; i < g_list_model_get_n_items (users) && technician == NULL; i++)
    {
      g_autoptr(PdUser) user = g_list_model_get_item (users, i);

      if (g_str_equal (pd_user_get_role_id (user), "technician"))
        technician = user;
    }
  g_assert_nonnull (technician);
  user_path = g_strconcat ("/api/v1/users/", pd_resource_get_id (PD_RESOURCE (technician)), NULL);
  g_clear_pointer (&still, json_node_unref);
  still = portal_request (test, "GET", user_path, NULL, NULL, &status, &user_etag);
  body = g_strdup_printf ("{\"role\":\"%s\"}", role_id);
  moved = portal_request (test, "PATCH", user_path, body, user_etag, &status, NULL);
  g_assert_cmpuint (status, ==, 200);

  editor = roles_open (window, role_id);
  gtk_widget_activate (GTK_WIDGET (editor->delete_button));
  dialog = roles_wait_dialog (NULL);
  roles_click_dialog (dialog, "Delete");
  dialog = roles_wait_dialog (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "in Use"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "give them another role first"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), pd_user_get_name (technician)));
  roles_click_dialog (dialog, "Close");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_free (path);
  path = g_strconcat ("/api/v1/roles/", role_id, NULL);
  g_clear_pointer (&still, json_node_unref);
  still = portal_request (test, "GET", path, NULL, NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 200);
  gtk_window_destroy (GTK_WINDOW (editor));
  pd_ui_test_window_destroy (window);
}

/* ---- what a technician sees ---------------------------------------------------------- */

static void
assert_disabled_with_reason (GtkWidget *widget)
{
  g_autofree char *tooltip = NULL;

  g_assert_false (gtk_widget_is_sensitive (widget) && gtk_widget_get_visible (widget));
  if (!gtk_widget_get_visible (widget))
    return;
  tooltip = g_strdup (gtk_widget_get_tooltip_text (widget));
  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, "Technician"));
}

static void
test_technician (void)
{
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new (ROLES_PORTAL_ARGS, "technician");
  PdRoleEditor *editor;
  GtkWindow *window;

  if (test == NULL)
    return;
  window = roles_window (test);
  g_assert_nonnull (roles_find_row (window, onboarding_id (test)));
  assert_disabled_with_reason (roles_new_button (window));

  editor = roles_open (window, onboarding_id (test));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor->save_button)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor->name_row)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor->rank_spin)));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (editor->notice_row), "Technician"));
  assert_disabled_with_reason (GTK_WIDGET (editor->delete_button));
  assert_disabled_with_reason (GTK_WIDGET (editor->duplicate_button));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (pd_role_permissions_get_check (editor->permissions,
                                                                                      "partner.read"))));
  gtk_window_destroy (GTK_WINDOW (editor));

  editor = roles_open (window, "owner");
  assert_disabled_with_reason (GTK_WIDGET (editor->duplicate_button));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor->save_button)));
  gtk_window_destroy (GTK_WINDOW (editor));
  pd_ui_test_window_destroy (window);
}

/* ---- rank rules ------------------------------------------------------------------------ */

static void
test_rank_rules (void)
{
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new (ROLES_PORTAL_ARGS, "super_admin");
  g_autoptr(JsonNode) created = NULL;
  PdRoleEditor *editor;
  GtkWindow *window;
  const char *role_id;
  guint status = 0;

  if (test == NULL)
    return;
  /* A role the owner made above the super admin (rank 90) */
  created = portal_request (test, "POST", "/api/v1/roles",
                            "{\"name\":\"Deputy owner\",\"rank\":95,\"permissions\":[\"partner.read\"]}",
                            NULL, &status, NULL);
  g_assert_cmpuint (status, ==, 201);
  role_id = json_object_get_string_member (json_node_get_object (created), "id");
  roles_sync (test);
  window = roles_window (test);

  /* It opens read-only, saying why; it cannot be deleted but can be duplicated below */
  editor = roles_open (window, role_id);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor->save_button)));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (editor->notice_row), "ranks 95"));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (editor->delete_button)));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (editor->delete_button)), "ranks 95"));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (editor->duplicate_button)));
  gtk_widget_activate (GTK_WIDGET (editor->duplicate_button));
  editor = roles_wait_other_editor (editor);
  g_assert_null (editor->role);
  /* Offered only ranks below the super admin's own */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (editor->rank_spin), ==, 89);
  gtk_spin_button_set_value (editor->rank_spin, 95);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (editor->rank_spin), ==, 89);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (editor->rank_row), "(90)"));
  gtk_window_set_default_size (GTK_WINDOW (editor), 360, 720);
  pd_ui_test_wait_frames (10);
  pd_ui_test_screenshot (GTK_WIDGET (editor), "role-editor-narrow");
  gtk_window_destroy (GTK_WINDOW (editor));
  pd_ui_test_window_destroy (window);
}

/* ---- the portal's refusals keep the input ---------------------------------------------- */

static gboolean
error_shown (gpointer data)
{
  PdRoleEditor *editor = data;

  return gtk_widget_get_visible (GTK_WIDGET (editor->error_label)) &&
         gtk_widget_get_visible (GTK_WIDGET (editor->save_button));
}

static void
test_refused_input (void)
{
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new (ROLES_PORTAL_ARGS, "owner");
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *long_text = g_strnfill (501, 'x');
  AdwMessageDialog *dialog;
  PdRoleEditor *editor;
  GtkWindow *window;

  if (test == NULL)
    return;
  window = roles_window (test);
  gtk_widget_activate (roles_new_button (window));
  editor = roles_wait_editor ();

  /* An empty name: the portal's 422 is shown at the name; the input stays */
  gtk_editable_set_text (GTK_EDITABLE (editor->description_row), "Kept across the refusal");
  tick (editor, "audit.read", TRUE);
  save (editor);
  pd_ui_test_wait_for (error_shown, editor, "the field error");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (editor->name_row), "error"));
  g_assert_nonnull (strstr (gtk_label_get_text (editor->error_label), "Name"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor->description_row)), ==, "Kept across the refusal");
  g_assert_true (gtk_check_button_get_active (pd_role_permissions_get_check (editor->permissions, "audit.read")));

  /* Typing clears the mark; a description too long is named as such */
  gtk_editable_set_text (GTK_EDITABLE (editor->name_row), "Auditor");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (editor->name_row), "error"));
  gtk_editable_set_text (GTK_EDITABLE (editor->description_row), long_text);
  save (editor);
  pd_ui_test_wait_for (error_shown, editor, "the field error");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (editor->description_row), "error"));
  g_assert_nonnull (strstr (gtk_label_get_text (editor->error_label), "Description"));

  /* A name another role has (ignoring case): said at the name */
  gtk_editable_set_text (GTK_EDITABLE (editor->description_row), "");
  gtk_editable_set_text (GTK_EDITABLE (editor->name_row), "technician");
  save (editor);
  pd_ui_test_wait_for (error_shown, editor, "the name conflict");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (editor->name_row), "error"));
  g_assert_nonnull (strstr (gtk_label_get_text (editor->error_label), "already exists"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor->name_row)), ==, "technician");

  /* Cancel with all this typed asks first; keeping on editing keeps it */
  gtk_widget_activate (GTK_WIDGET (editor->cancel_button));
  dialog = roles_wait_dialog (NULL);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Discard Changes?");
  roles_click_dialog (dialog, "Keep Editing");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
  gtk_widget_activate (GTK_WIDGET (editor->cancel_button));
  dialog = roles_wait_dialog (dialog);
  roles_click_dialog (dialog, "Discard");
  roles_wait_editor_closed ();
  pd_ui_test_wait_frames (2);
  g_assert_null (portal_role_by_name (test, "Auditor", &answer));
  pd_ui_test_window_destroy (window);
}

/* ---- offline ------------------------------------------------------------------------- */

static gboolean
label_shown (gpointer data)
{
  gpointer *args = data;

  return pd_ui_test_find_label (args[0], args[1]) != NULL;
}

/* With the portal gone, the editor lists the permissions it read before, and a new role waits
 * in the outbox (the editor closes saying so) until the portal is back. */
static void
test_offline (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pd-roles-XXXXXX", NULL);
  g_autofree char *database = g_build_filename (dir, "portal.db", NULL);
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new ((const char *[]) { "--seed", "5", "--database", database, NULL },
                                                            "owner");
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *listen = NULL;
  g_autofree char *permissions = NULL;
  PdRoleEditor *editor;
  GtkWindow *window;
  JsonObject *role;

  if (test == NULL)
    return;
  uri = g_uri_parse (pd_test_portal_get_url (test->portal), G_URI_FLAGS_NONE, NULL);
  listen = g_strdup_printf ("127.0.0.1:%d", g_uri_get_port (uri));
  pd_portal_client_set_retry_limits (pd_session_get_client (test->session), 1, 2);
  pd_outbox_set_retry_delays (pd_session_get_outbox (test->session), 50, 200);
  window = roles_window (test);
  gtk_widget_activate (roles_new_button (window));
  editor = roles_wait_editor ();
  gtk_window_destroy (GTK_WINDOW (editor));
  pd_ui_test_wait_frames (10);
  g_clear_pointer (&test->portal, pd_test_portal_stop);

  gtk_widget_activate (roles_new_button (window));
  editor = roles_wait_editor ();
  g_assert_nonnull (pd_role_permissions_get_check (editor->permissions, "audit.read"));
  gtk_editable_set_text (GTK_EDITABLE (editor->name_row), "Written offline");
  gtk_spin_button_set_value (editor->rank_spin, 15);
  tick (editor, "partner.read", TRUE);
  tick (editor, "audit.read", TRUE);
  save (editor);
  roles_wait_editor_closed ();
  pd_ui_test_wait_for (label_shown, (gpointer[]) { window, "will be saved when the portal can be reached" },
                       "the queued toast");
  g_assert_null (roles_lookup_by_name (test, "Written offline"));

  test->portal = pd_test_portal_start_with_db (database, (const char *[]) { "--listen", listen, NULL });
  roles_wait_named (test, "Written offline");
  role = portal_role_by_name (test, "Written offline", &answer);
  g_assert_nonnull (role);
  g_assert_cmpint (json_object_get_int_member (role, "rank"), ==, 15);
  permissions = permissions_text (role);
  g_assert_cmpstr (permissions, ==, "audit.read partner.read");
  pd_ui_test_window_destroy (window);
  pd_ui_test_session_free (g_steal_pointer (&test));
  pd_session_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  pd_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/roles/list", test_list);
  g_test_add_func ("/ui/roles/builtin-read-only", test_builtin_read_only);
  g_test_add_func ("/ui/roles/create-and-delete", test_create_and_delete);
  g_test_add_func ("/ui/roles/duplicate-rename-permissions", test_duplicate_rename_and_permissions);
  g_test_add_func ("/ui/roles/delete-in-use", test_delete_in_use);
  g_test_add_func ("/ui/roles/technician", test_technician);
  g_test_add_func ("/ui/roles/rank-rules", test_rank_rules);
  g_test_add_func ("/ui/roles/refused-input", test_refused_input);
  g_test_add_func ("/ui/roles/offline", test_offline);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Editing users under Xvfb against the reference portal: a role change, deactivating and
 * reactivating, a password reset, deleting after a confirmation; the owner and oneself are
 * protected with the reason; a change made by someone else meanwhile brings the conflict
 * dialog. */

#include "config.h"

#include "pd-conflict-dialog.h"
#include "users-test.h"

#define LUCAS "lucas.moreau@northwind-it.example"
#define PRIYA "priya.raman@northwind-it.example"
#define YUKI "yuki.tanaka@northwind-it.example"

typedef struct {
  UsersTest    *t;
  const char   *email;
  PdUserStatus  status;
} StatusWait;

static gboolean
has_status (gpointer data)
{
  StatusWait *wait = data;

  return pd_user_get_status (users_test_lookup (wait->t, wait->email)) == wait->status;
}

static void
wait_status (UsersTest    *t,
             const char   *email,
             PdUserStatus  status)
{
  StatusWait wait = { t, email, status };

  pd_ui_test_wait_for (has_status, &wait, "the user's new status");
}

static JsonObject *
portal_user (UsersTest  *t,
             PdUser     *user,
             JsonNode  **node)
{
  g_autofree char *path = g_strconcat ("/api/v1/users/", pd_resource_get_id (PD_RESOURCE (user)), NULL);

  *node = users_test_portal (t, "GET", path, NULL, NULL, 200);
  return json_node_get_object (*node);
}

static void
test_role_and_status (void)
{
  g_autoptr(UsersTest) t = users_test_new ("owner", 1000);
  g_autoptr(JsonNode) node = NULL;
  PdUserEditDialog *dialog;
  JsonObject *object;

  if (t == NULL)
    return;

  /* A new role, saved with the other fields untouched */
  dialog = PD_USER_EDIT_DIALOG (users_test_open_user (t, LUCAS));
  g_assert_cmpstr (adw_action_row_get_subtitle (dialog->email_row), ==, LUCAS);
  pd_ui_test_screenshot (GTK_WIDGET (dialog), "users-edit");
  g_assert_false (gtk_widget_is_sensitive (dialog->save_button));
  users_test_select_role (dialog->role_row, "support");
  g_assert_true (gtk_widget_is_sensitive (dialog->save_button));
  users_test_click (dialog->save_button);
  pd_ui_test_wait_window_closed (PD_TYPE_USER_EDIT_DIALOG);
  users_test_wait_toast (t, "Saved the changes to Lucas Moreau");
  g_assert_cmpstr (pd_user_get_role_id (users_test_lookup (t, LUCAS)), ==, "support");
  object = portal_user (t, users_test_lookup (t, LUCAS), &node);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "role"), "id"), ==, "support");

  /* Deactivate: asked first; cancelling does nothing */
  dialog = PD_USER_EDIT_DIALOG (users_test_open_user (t, PRIYA));
  users_test_click (dialog->status_button);
  users_test_answer ("cancel");
  g_assert_cmpint (pd_user_get_status (users_test_lookup (t, PRIYA)), ==, PD_USER_STATUS_ACTIVE);
  users_test_click (dialog->status_button);
  users_test_answer ("confirm");
  wait_status (t, PRIYA, PD_USER_STATUS_DEACTIVATED);
  users_test_wait_toast (t, "Deactivated Priya Raman");
  g_assert_cmpstr (adw_action_row_get_subtitle (dialog->status_row), ==, "Deactivated");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (dialog->status_button)), ==, "R_eactivate…");
  /* A deactivated user gets no password reset, and the dialog says why */
  g_assert_false (gtk_widget_is_sensitive (dialog->reset_button));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (dialog->reset_button), "reactivate"));

  /* Reactivate, from the same dialog: it knows the new version */
  users_test_click (dialog->status_button);
  users_test_answer ("confirm");
  wait_status (t, PRIYA, PD_USER_STATUS_ACTIVE);
  users_test_wait_toast (t, "Reactivated Priya Raman");
  g_clear_pointer (&node, json_node_unref);
  object = portal_user (t, users_test_lookup (t, PRIYA), &node);
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "active");

  /* A password reset e-mail */
  users_test_click (dialog->reset_button);
  users_test_answer ("confirm");
  users_test_wait_toast (t, "A password reset e-mail is on its way to " PRIYA);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_delete (void)
{
  g_autoptr(UsersTest) t = users_test_new ("owner", 1000);
  g_autofree char *path = NULL;
  PdUserEditDialog *dialog;

  if (t == NULL)
    return;
  path = g_strconcat ("/api/v1/users/", pd_resource_get_id (PD_RESOURCE (users_test_lookup (t, YUKI))), NULL);
  dialog = PD_USER_EDIT_DIALOG (users_test_open_user (t, YUKI));
  users_test_click (dialog->delete_button);
  users_test_answer ("cancel");
  g_assert_nonnull (users_test_lookup (t, YUKI));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (dialog)));

  users_test_click (dialog->delete_button);
  users_test_answer ("confirm");
  users_test_wait_user (t, YUKI, FALSE);
  pd_ui_test_wait_window_closed (PD_TYPE_USER_EDIT_DIALOG);
  users_test_wait_toast (t, "Deleted Yuki Tanaka");
  json_node_unref (users_test_portal (t, "GET", path, NULL, NULL, 404));
}

static gboolean
name_refused (gpointer dialog)
{
  return gtk_widget_get_visible (PD_USER_EDIT_DIALOG (dialog)->name_error_row);
}

/* An admin: not their own role, status or user; not the owner; not a higher rank */
static void
test_protections (void)
{
  g_autoptr(UsersTest) t = users_test_new ("admin", 1000);
  g_autofree char *long_name = g_strnfill (201, 'x');
  PdUserEditDialog *dialog;

  if (t == NULL)
    return;
  dialog = PD_USER_EDIT_DIALOG (users_test_open_user (t, "admin@northwind-it.example"));
  users_test_assert_refused (GTK_WIDGET (dialog->role_row), "your own role");
  users_test_assert_refused (dialog->status_button, "deactivate your own user");
  users_test_assert_refused (dialog->delete_button, "delete your own user");
  g_assert_cmpstr (adw_preferences_group_get_description (dialog->actions_group), ==,
                   "You cannot delete your own user; ask another administrator.");
  /* One's own name and notification choice are one's own */
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (dialog->name_row)));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (dialog->notify_row)));
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = PD_USER_EDIT_DIALOG (users_test_open_user (t, "owner@northwind-it.example"));
  users_test_assert_refused (GTK_WIDGET (dialog->role_row), "keeps the role “Owner”");
  users_test_assert_refused (dialog->status_button, "owner of the partner account cannot be deactivated");
  users_test_assert_refused (dialog->delete_button, "owner of the partner account cannot be deleted");
  users_test_assert_refused (GTK_WIDGET (dialog->name_row), "not below your own");
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = PD_USER_EDIT_DIALOG (users_test_open_user (t, "super.admin@northwind-it.example"));
  users_test_assert_refused (GTK_WIDGET (dialog->role_row), "Samuel Adeyemi has the role “Super admin”, which is not below your own (“Admin”)");
  users_test_assert_refused (dialog->delete_button, "not below your own");
  users_test_assert_refused (dialog->reset_button, "not below your own");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A lower rank: everything allowed */
  dialog = PD_USER_EDIT_DIALOG (users_test_open_user (t, LUCAS));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (dialog->role_row)));
  g_assert_true (gtk_widget_is_sensitive (dialog->status_button));
  g_assert_true (gtk_widget_is_sensitive (dialog->delete_button));
  g_assert_cmpstr (adw_preferences_group_get_description (dialog->actions_group), ==, "");

  /* What the portal refuses (a name over 200 characters) shows on the field, kept as typed */
  gtk_editable_set_text (GTK_EDITABLE (dialog->name_row), long_name);
  users_test_click (dialog->save_button);
  pd_ui_test_wait_for (name_refused, dialog, "the name's error");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog->name_row)), ==, long_name);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (dialog->name_row), "error"));
  g_assert_cmpstr (pd_user_get_name (users_test_lookup (t, LUCAS)), ==, "Lucas Moreau");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Someone else renames Lucas while the dialog is open; saving the notification choice on the
 * old version brings the conflict dialog, and “Use Mine” keeps their name and my choice. */
static void
test_conflict (void)
{
  g_autoptr(UsersTest) t = users_test_new ("owner", 1000);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) renamed = NULL;
  g_autofree char *path = NULL;
  PdUserEditDialog *dialog;
  GtkWindow *conflict;
  JsonObject *object;
  gboolean notify;

  if (t == NULL)
    return;
  dialog = PD_USER_EDIT_DIALOG (users_test_open_user (t, LUCAS));
  notify = gtk_switch_get_active (dialog->notify_switch);
  gtk_switch_set_active (dialog->notify_switch, !notify);

  path = g_strconcat ("/api/v1/users/", pd_resource_get_id (PD_RESOURCE (users_test_lookup (t, LUCAS))), NULL);
  renamed = users_test_portal (t, "PATCH", path, "{\"name\": \"Lucas M. Moreau\"}", dialog->etag, 200);

  users_test_click (dialog->save_button);
  conflict = pd_ui_test_wait_window (PD_TYPE_CONFLICT_DIALOG);
  g_assert_nonnull (pd_ui_test_find_label (GTK_WIDGET (conflict), "E-mail about errors"));
  users_test_answer ("mine");
  pd_ui_test_wait_window_closed (PD_TYPE_USER_EDIT_DIALOG);

  object = portal_user (t, users_test_lookup (t, LUCAS), &node);
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "Lucas M. Moreau");
  g_assert_cmpint (json_object_get_boolean_member (object, "notify_backup_errors"), ==, !notify);
}

int
main (int    argc,
      char **argv)
{
  pd_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/users/edit/role-and-status", test_role_and_status);
  g_test_add_func ("/ui/users/edit/delete", test_delete);
  g_test_add_func ("/ui/users/edit/protections", test_protections);
  g_test_add_func ("/ui/users/edit/conflict", test_conflict);
  return g_test_run ();
}

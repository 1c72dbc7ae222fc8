/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Users section under Xvfb against the reference portal: it lists the portal's users
 * with role, groups, MFA, last sign-in and status in words; search and the role filter narrow
 * it, with a state for no match; a technician (read-only) gets no enabled action, each saying
 * why. */

#include "config.h"

#include "users-test.h"

static guint
shown (UsersTest *t)
{
  return g_list_model_get_n_items (G_LIST_MODEL (t->page->sorted));
}

static void
search (UsersTest  *t,
        const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (t->page->search_entry), text);
  /* The entry waits a moment before it says the search changed */
  g_signal_emit_by_name (t->page->search_entry, "search-changed");
  pd_ui_test_wait_frames (3);
}

static void
select_role (UsersTest  *t,
             const char *name)
{
  GListModel *names = G_LIST_MODEL (t->page->role_names);

  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    if (g_str_equal (gtk_string_list_get_string (t->page->role_names, i), name))
      {
        gtk_drop_down_set_selected (t->page->role_dropdown, i);
        pd_ui_test_wait_frames (3);
        return;
      }
  g_error ("no role %s in the filter", name);
}

static void
assert_shows (UsersTest  *t,
              const char *text)
{
  if (pd_ui_test_find_label (GTK_WIDGET (t->page), text) == NULL)
    g_error ("the list does not show “%s”", text);
}

static void
test_list (void)
{
  g_autoptr(UsersTest) t = users_test_new ("owner", 1280);
  g_autoptr(JsonNode) portal = NULL;
  guint n_portal;

  if (t == NULL)
    return;
  portal = users_test_portal (t, "GET", "/api/v1/users?limit=500", NULL, NULL, 200);
  n_portal = json_array_get_length (json_object_get_array_member (json_node_get_object (portal), "items"));
  g_assert_cmpuint (n_portal, >=, 15);
  g_assert_cmpuint (shown (t), ==, n_portal);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (t->page->stack), ==, "list");
  assert_shows (t, "Ana Duarte");
  pd_ui_test_screenshot (GTK_WIDGET (t->window), "users");

  /* Each fact in words: role, MFA, last sign-in, status; groups are the ones managed */
  search (t, "moreau");
  g_assert_cmpuint (shown (t), ==, 1);
  assert_shows (t, "Lucas Moreau");
  assert_shows (t, "lucas.moreau@northwind-it.example");
  assert_shows (t, "Technician");
  assert_shows (t, "MFA off");
  assert_shows (t, "Signed in: ");
  assert_shows (t, "Active");
  search (t, "MFA@NORTHWIND");
  g_assert_cmpuint (shown (t), ==, 1);
  assert_shows (t, "MFA on");
  search (t, "Hannah");
  assert_shows (t, "Deactivated");
  search (t, "chen wei");
  assert_shows (t, "Never signed in");
  search (t, "scoped.admin");
  assert_shows (t, "Manages: Enterprise clients");

  /* The role filter, alone and with a search */
  search (t, "");
  select_role (t, "Finance");
  g_assert_cmpuint (shown (t), ==, 2);
  assert_shows (t, "Fatima Haddad");
  assert_shows (t, "João Silva");
  search (t, "silva");
  g_assert_cmpuint (shown (t), ==, 1);
  search (t, "priya");
  g_assert_cmpuint (shown (t), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (t->page->stack), ==, "no-match");
  g_assert_nonnull (strstr (adw_status_page_get_description (t->page->no_match_page), "Finance"));
  users_test_click (gtk_widget_get_ancestor (pd_ui_test_find_label (GTK_WIDGET (t->page), "Show All Users"), GTK_TYPE_BUTTON));
  pd_ui_test_wait_frames (3);
  g_assert_cmpuint (shown (t), ==, n_portal);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (t->page->stack), ==, "list");
}

static void
test_technician (void)
{
  g_autoptr(UsersTest) t = users_test_new ("technician", 1000);
  PdUserEditDialog *dialog;

  if (t == NULL)
    return;
  g_assert_cmpuint (shown (t), >=, 15);
  users_test_assert_refused (t->page->new_button, "Technician");

  dialog = PD_USER_EDIT_DIALOG (users_test_open_user (t, "priya.raman@northwind-it.example"));
  users_test_assert_refused (GTK_WIDGET (dialog->name_row), "Technician");
  users_test_assert_refused (GTK_WIDGET (dialog->role_row), "Technician");
  users_test_assert_refused (GTK_WIDGET (dialog->notify_row), "Technician");
  users_test_assert_refused (dialog->reset_button, "Technician");
  users_test_assert_refused (dialog->status_button, "Technician");
  users_test_assert_refused (dialog->delete_button, "Technician");
  g_assert_false (gtk_widget_is_sensitive (dialog->save_button));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A phone-wide window: the rows keep every fact, shortened rather than cut off */
static void
test_narrow (void)
{
  g_autoptr(UsersTest) t = users_test_new ("owner", 360);

  if (t == NULL)
    return;
  g_assert_true (pd_session_view_is_folded (t->view));
  g_assert_cmpuint (shown (t), >=, 15);
  assert_shows (t, "Ana Duarte");
  assert_shows (t, "Active");
  pd_ui_test_screenshot (GTK_WIDGET (t->window), "users-narrow");
}

int
main (int    argc,
      char **argv)
{
  pd_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/users/list", test_list);
  g_test_add_func ("/ui/users/technician", test_technician);
  g_test_add_func ("/ui/users/narrow", test_narrow);
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* New users under Xvfb against the reference portal: an invitation and an initial password
 * each create a user that the list shows; the password rules follow typing and keep a weak
 * password from being sent; only roles ranked below one's own are offered; what the portal
 * refuses (422, 409) is shown on its field with everything typed kept. */

#include "config.h"

#include "pd-outbox.h"
#include "pd-password-rules.h"
#include "users-test.h"

/* The dialog's widgets, by their ids in pd-user-new-dialog.ui */
static GtkWidget *
part (GtkWindow  *dialog,
      const char *id)
{
  GtkWidget *widget = pd_ui_test_find_id (GTK_WIDGET (dialog), id);

  g_assert_nonnull (widget);
  return widget;
}

static void
type (GtkWindow  *dialog,
      const char *id,
      const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (part (dialog, id)), text);
  pd_ui_test_wait_frames (1);
}

static GtkWindow *
open_new (UsersTest *t)
{
  users_test_click (t->page->new_button);
  return pd_ui_test_wait_window (PD_TYPE_USER_NEW_DIALOG);
}

static char *
role_names (GtkWindow *dialog)
{
  GListModel *roles = adw_combo_row_get_model (ADW_COMBO_ROW (part (dialog, "role_row")));
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (roles); i++)
    {
      g_autoptr(PdRole) role = g_list_model_get_item (roles, i);

      g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", pd_role_get_name (role));
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static const char *
field_error (GtkWindow  *dialog,
             const char *id)
{
  GtkWidget *row = part (dialog, id);

  return gtk_widget_get_visible (row) ? gtk_label_get_text (GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row))))
                                      : NULL;
}

static gboolean
create_sensitive (GtkWindow *dialog)
{
  return gtk_widget_is_sensitive (part (dialog, "create_button"));
}

/* An admin (rank 80) may give Support, the custom role (55), Finance and Technician, not
 * Admin, Super admin or Owner; a new user gets an invitation and shows in the list. */
static void
test_invitation (void)
{
  g_autoptr(UsersTest) t = users_test_new ("admin", 1000);
  g_autofree char *names = NULL;
  GtkWindow *dialog;
  PdUser *user;

  if (t == NULL)
    return;
  dialog = open_new (t);
  names = role_names (dialog);
  g_assert_cmpstr (names, ==, "Support, Onboarding specialist, Finance, Technician");
  g_assert_cmpstr (pd_role_get_name (adw_combo_row_get_selected_item (ADW_COMBO_ROW (part (dialog, "role_row")))), ==,
                   "Technician");
  g_assert_false (create_sensitive (dialog));

  type (dialog, "name_row", "Lena Wolf");
  type (dialog, "email_row", "lena.wolf@");
  g_assert_false (create_sensitive (dialog));
  type (dialog, "email_row", "lena.wolf@northwind-it.example");
  users_test_select_role (ADW_COMBO_ROW (part (dialog, "role_row")), "finance");
  g_assert_true (create_sensitive (dialog));
  users_test_click (part (dialog, "create_button"));

  pd_ui_test_wait_window_closed (PD_TYPE_USER_NEW_DIALOG);
  users_test_wait_user (t, "lena.wolf@northwind-it.example", TRUE);
  users_test_wait_toast (t, "sent an invitation to lena.wolf@northwind-it.example");
  user = users_test_lookup (t, "lena.wolf@northwind-it.example");
  g_assert_cmpstr (pd_user_get_role_id (user), ==, "finance");
  g_assert_true (pd_user_get_notify_backup_errors (user));
  gtk_editable_set_text (GTK_EDITABLE (t->page->search_entry), "lena");
  g_signal_emit_by_name (t->page->search_entry, "search-changed");
  pd_ui_test_wait_frames (3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (t->page->sorted)), ==, 1);
  g_assert_nonnull (pd_ui_test_find_label (GTK_WIDGET (t->page), "Lena Wolf"));
  g_assert_nonnull (pd_ui_test_find_label (GTK_WIDGET (t->page), "Never signed in"));
}

static gboolean
rule_met (GtkWindow *dialog,
          guint      index)
{
  g_autoptr(GPtrArray) images = pd_ui_test_find_all_type (part (dialog, "password_rules"), GTK_TYPE_IMAGE);

  return g_strcmp0 (gtk_image_get_icon_name (g_ptr_array_index (images, index)), "object-select-symbolic") == 0;
}

/* The owner sets a password: the rules follow every keystroke and a short one is not sent */
static void
test_password (void)
{
  g_autoptr(UsersTest) t = users_test_new ("owner", 1000);
  g_autoptr(JsonNode) node = NULL;
  GtkWindow *dialog;
  PdPasswordRules *rules;

  if (t == NULL)
    return;
  dialog = open_new (t);
  type (dialog, "name_row", "Noah Brandt");
  type (dialog, "email_row", "noah.brandt@northwind-it.example");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (part (dialog, "password_check")), TRUE);
  pd_ui_test_wait_frames (2);
  g_assert_true (gtk_widget_get_visible (part (dialog, "password_row")));
  g_assert_true (gtk_widget_get_mapped (part (dialog, "password_rules")));
  rules = PD_PASSWORD_RULES (part (dialog, "password_rules"));
  g_assert_false (create_sensitive (dialog));

  type (dialog, "password_row", "short pass");
  g_assert_false (rule_met (dialog, 0));
  g_assert_true (rule_met (dialog, 1));
  g_assert_false (pd_password_rules_get_satisfied (rules));
  g_assert_false (create_sensitive (dialog));
  pd_ui_test_screenshot (GTK_WIDGET (dialog), "users-new");

  /* Spaces count, as on the portal: eleven letters and a space are enough */
  type (dialog, "password_row", "short passw ");
  g_assert_true (rule_met (dialog, 0));
  g_assert_true (create_sensitive (dialog));
  type (dialog, "password_row", "short passw");
  g_assert_false (create_sensitive (dialog));
  type (dialog, "password_row", "correct horse battery");
  g_assert_true (create_sensitive (dialog));
  users_test_click (part (dialog, "create_button"));

  pd_ui_test_wait_window_closed (PD_TYPE_USER_NEW_DIALOG);
  users_test_wait_user (t, "noah.brandt@northwind-it.example", TRUE);
  users_test_wait_toast (t, "Added Noah Brandt");
  node = users_test_portal (t, "GET", "/api/v1/users?q=noah.brandt", NULL, NULL, 200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (node), "items")), ==, 1);
}

/* A 422 (a name over the portal's 200 characters) and a 409 (an e-mail in use) land on their
 * fields; the dialog stays open with everything typed. */
static void
test_refused (void)
{
  g_autoptr(UsersTest) t = users_test_new ("owner", 1000);
  g_autofree char *long_name = g_strnfill (201, 'x');
  GtkWindow *dialog;

  if (t == NULL)
    return;
  dialog = open_new (t);
  type (dialog, "name_row", long_name);
  type (dialog, "email_row", "x@northwind-it.example");
  users_test_click (part (dialog, "create_button"));
  pd_ui_test_wait_for ((gboolean (*) (gpointer)) create_sensitive, dialog, "the answer");
  g_assert_nonnull (field_error (dialog, "name_error_row"));
  g_assert_null (field_error (dialog, "email_error_row"));
  g_assert_true (gtk_widget_has_css_class (part (dialog, "name_row"), "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (part (dialog, "name_row"))), ==, long_name);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (part (dialog, "email_row"))), ==, "x@northwind-it.example");
  g_assert_null (users_test_lookup (t, "x@northwind-it.example"));

  /* Correcting the name clears its error; an e-mail in use is said on the e-mail */
  type (dialog, "name_row", "Priya Again");
  g_assert_null (field_error (dialog, "name_error_row"));
  type (dialog, "email_row", "PRIYA.RAMAN@northwind-it.example");
  users_test_click (part (dialog, "create_button"));
  pd_ui_test_wait_for ((gboolean (*) (gpointer)) create_sensitive, dialog, "the answer");
  g_assert_cmpstr (field_error (dialog, "email_error_row"), ==, "A user with this e-mail address already exists.");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (part (dialog, "name_row"))), ==, "Priya Again");
  gtk_window_destroy (dialog);
}

/* With the portal gone, a new user (with a password, which stays out of the cache) waits in
 * the outbox; the dialog closes saying so, and the user is created once the portal is back. */
static void
test_offline (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pd-users-XXXXXX", NULL);
  g_autofree char *database = g_build_filename (dir, "portal.db", NULL);
  g_autoptr(UsersTest) t = users_test_new_full ("owner", 1000,
                                                (const char *[]) { "--seed", "5", "--database", database, NULL });
  g_autoptr(GUri) uri = NULL;
  g_autofree char *listen = NULL;
  GtkWindow *dialog;

  if (t == NULL)
    return;
  uri = g_uri_parse (pd_test_portal_get_url (t->test->portal), G_URI_FLAGS_NONE, NULL);
  listen = g_strdup_printf ("127.0.0.1:%d", g_uri_get_port (uri));
  pd_portal_client_set_retry_limits (pd_session_get_client (t->test->session), 1, 2);
  pd_outbox_set_retry_delays (pd_session_get_outbox (t->test->session), 50, 200);
  g_clear_pointer (&t->test->portal, pd_test_portal_stop);

  dialog = open_new (t);
  type (dialog, "name_row", "Written Offline");
  type (dialog, "email_row", "offline@northwind-it.example");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (part (dialog, "password_check")), TRUE);
  type (dialog, "password_row", "a long enough password");
  users_test_click (part (dialog, "create_button"));
  pd_ui_test_wait_window_closed (PD_TYPE_USER_NEW_DIALOG);
  users_test_wait_toast (t, "Written Offline will be added as soon as the portal can be reached");
  g_assert_null (users_test_lookup (t, "offline@northwind-it.example"));

  t->test->portal = pd_test_portal_start_with_db (database, (const char *[]) { "--listen", listen, NULL });
  users_test_wait_user (t, "offline@northwind-it.example", TRUE);
  users_test_free (g_steal_pointer (&t));
  pd_session_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  pd_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/users/new/invitation", test_invitation);
  g_test_add_func ("/ui/users/new/password", test_password);
  g_test_add_func ("/ui/users/new/refused", test_refused);
  g_test_add_func ("/ui/users/new/offline", test_offline);
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The UI test helpers themselves: a synced session against the portal, and a window whose
 * widgets are found the way the page tests find theirs. */

#include "config.h"

#include "pd-ui-test.h"

static void
test_session_and_window (void)
{
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new ((const char *[]) { "--seed", "12", NULL }, "owner");
  GtkWidget *box, *label;
  GtkWindow *window;
  g_autoptr(GPtrArray) labels = NULL;

  if (test == NULL)
    return;
  g_assert_cmpuint (g_list_model_get_n_items (pd_session_get_organizations (test->session)), ==, 12);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  label = gtk_label_new ("Twelve clients");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), gtk_label_new ("and one more label"));
  window = pd_ui_test_window_new (box, 400, 300);
  g_assert_true (pd_ui_test_find_label (GTK_WIDGET (window), "clients") == label);
  g_assert_null (pd_ui_test_find_label (GTK_WIDGET (window), "no such text"));
  g_assert_true (pd_ui_test_find_type (GTK_WIDGET (window), GTK_TYPE_BOX) == box);
  labels = pd_ui_test_find_all_type (GTK_WIDGET (window), GTK_TYPE_LABEL);
  g_assert_cmpuint (labels->len, >=, 2);
  pd_ui_test_screenshot (GTK_WIDGET (window), "ui-test-helpers");
  pd_ui_test_window_destroy (window);
}

/* A role that may not read a list (finance and the groups) still gets an up-to-date session,
 * with that list empty, rather than a sync that fails on every refresh. */
static void
test_role_without_a_list (void)
{
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new ((const char *[]) { "--seed", "12", NULL }, "finance");

  if (test == NULL)
    return;
  g_assert_false (pd_session_has_permission (test->session, "groups.read"));
  g_assert_cmpuint (g_list_model_get_n_items (pd_session_get_groups (test->session)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (pd_session_get_organizations (test->session)), ==, 12);
  g_assert_null (pd_sync_engine_get_error (pd_session_get_sync_engine (test->session)));
}

int
main (int    argc,
      char **argv)
{
  pd_ui_test_init (&argc, &argv);
  g_test_add_func ("/ui/helpers/session-and-window", test_session_and_window);
  g_test_add_func ("/ui/helpers/role-without-a-list", test_role_without_a_list);
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* PdPageStack, the back-stack of the shell: pushed pages slide over the root, their title
 * follows their "title" property (or the title given), back goes one page at a time, and a
 * popped page is gone once it slid out. */

#include "config.h"

#include "pd-page-stack.h"
#include "pd-ui-test.h"

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
test_push_pop (void)
{
  PdPageStack *stack = PD_PAGE_STACK (pd_page_stack_new ());
  GtkWindow *window = pd_ui_test_window_new (GTK_WIDGET (stack), 600, 400);
  GtkWidget *root = gtk_label_new ("root");
  GtkWidget *client = adw_status_page_new ();
  GtkWidget *account = gtk_label_new ("no title property");

  pd_page_stack_set_root (stack, root);
  g_assert_true (pd_page_stack_get_root (stack) == root);
  g_assert_true (pd_page_stack_get_visible_page (stack) == root);
  g_assert_cmpuint (pd_page_stack_get_depth (stack), ==, 0);
  g_assert_null (pd_page_stack_get_title (stack));
  g_assert_false (pd_page_stack_pop (stack));

  /* A page with a title property is titled by it, and followed while shown. */
  adw_status_page_set_title (ADW_STATUS_PAGE (client), "Harbor Dental Group");
  pd_page_stack_push (stack, client, "Client");
  g_assert_cmpuint (pd_page_stack_get_depth (stack), ==, 1);
  g_assert_true (pd_page_stack_get_visible_page (stack) == client);
  g_assert_cmpstr (pd_page_stack_get_title (stack), ==, "Harbor Dental Group");
  adw_status_page_set_title (ADW_STATUS_PAGE (client), "Harbor Dental Group (renamed)");
  g_assert_cmpstr (pd_page_stack_get_title (stack), ==, "Harbor Dental Group (renamed)");
  /* An empty title falls back to the one given. */
  adw_status_page_set_title (ADW_STATUS_PAGE (client), "");
  g_assert_cmpstr (pd_page_stack_get_title (stack), ==, "Client");
  adw_status_page_set_title (ADW_STATUS_PAGE (client), "Harbor Dental Group");

  /* A page without one gets the title given. */
  pd_page_stack_push (stack, account, "Account");
  g_assert_cmpuint (pd_page_stack_get_depth (stack), ==, 2);
  g_assert_cmpstr (pd_page_stack_get_title (stack), ==, "Account");

  /* Back: one page at a time; the popped page goes once it slid out. */
  g_object_add_weak_pointer (G_OBJECT (account), (gpointer *) &account);
  g_assert_true (pd_page_stack_pop (stack));
  g_assert_cmpuint (pd_page_stack_get_depth (stack), ==, 1);
  g_assert_true (pd_page_stack_get_visible_page (stack) == client);
  g_assert_cmpstr (pd_page_stack_get_title (stack), ==, "Harbor Dental Group");
  pd_ui_test_wait_for (is_null, &account, "the popped page to be gone");

  /* Back to the root at once. */
  pd_page_stack_push (stack, gtk_label_new ("another"), "Another");
  g_object_add_weak_pointer (G_OBJECT (client), (gpointer *) &client);
  pd_page_stack_pop_to_root (stack);
  g_assert_cmpuint (pd_page_stack_get_depth (stack), ==, 0);
  g_assert_true (pd_page_stack_get_visible_page (stack) == root);
  g_assert_null (pd_page_stack_get_title (stack));
  pd_ui_test_wait_for (is_null, &client, "the pages under it to be gone");
  g_assert_true (gtk_widget_get_parent (root) != NULL);

  /* A new root replaces the old one and everything over it. */
  pd_page_stack_push (stack, gtk_label_new ("over"), "Over");
  g_object_add_weak_pointer (G_OBJECT (root), (gpointer *) &root);
  pd_page_stack_set_root (stack, gtk_label_new ("new root"));
  g_assert_cmpuint (pd_page_stack_get_depth (stack), ==, 0);
  g_assert_null (root);

  pd_ui_test_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  pd_ui_test_init (&argc, &argv);
  g_test_add_func ("/shell/page-stack/push-pop", test_push_pop);

  return g_test_run ();
}

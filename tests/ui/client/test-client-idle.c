/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A client page at rest costs nothing: no layout frame after frame. GTK 4.8 animates a
 * spinner on a hidden stack page, which relaid the whole window out every frame. */

#include "config.h"

#include "pd-accounts-table.h"
#include "pd-client-page.h"
#include "pd-ui-test.h"

static guint layouts;

static void
count_layout (void)
{
  layouts++;
}

/* Every service's accounts in, not only the first service's: a fetch that lands later
 * lays the table out again */
static gboolean
table_loaded (gpointer page)
{
  GtkWidget *stack = pd_ui_test_find_id (page, "accounts_stack");
  GtkWidget *table = pd_ui_test_find_type (page, PD_TYPE_ACCOUNTS_TABLE);

  return stack != NULL && g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (stack)), "table") == 0 &&
         !pd_accounts_table_get_loading (PD_ACCOUNTS_TABLE (table));
}

static void
test_idle (void)
{
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new ((const char *[]) { "--seed", "50", NULL }, "owner");
  GtkWidget *page;
  GtkWindow *window;
  gulong handler;

  if (test == NULL)
    return;
  page = pd_client_page_new (test->session, "org_3", NULL);
  window = pd_ui_test_window_new (page, 1200, 850);
  pd_ui_test_wait_for (table_loaded, page, "the accounts table, every service's accounts fetched");
  pd_ui_test_wait_frames (30);

  handler = g_signal_connect_swapped (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "layout",
                                      G_CALLBACK (count_layout), NULL);
  pd_ui_test_wait_frames (60);
  g_signal_handler_disconnect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), handler);
  /* A label's minute-by-minute refresh may land in the window: allow one or two. */
  g_assert_cmpuint (layouts, <=, 2);
  pd_ui_test_window_destroy (window);
}

int
main (int    argc,
      char **argv)
{
  pd_ui_test_init (&argc, &argv);
  g_test_add_func ("/ui/client/idle", test_idle);
  return g_test_run ();
}

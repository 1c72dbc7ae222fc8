/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The sidebar shows each role the sections it may read, and nothing else: every section for
 * the owner and for the read-only technician, no Groups and no Notifications for finance
 * (its role has neither groups.read nor notifications.read). Real sessions on the reference
 * portal (--seed 20). */
#include "config.h"

#include "pd-session-view.h"
#include "pd-ui-test.h"

static const char * const seed[] = { "--seed", "20", NULL };
static const char * const every_section[] = {
  "Overview", "Clients", "Reports", "Users", "Roles", "Groups", "Notifications", "Settings", NULL
};

/* The titles of the sidebar rows a user sees, in order, joined by commas. */
static char *
visible_sections (PdSessionView *view)
{
  GtkWidget *sidebar = pd_ui_test_find_id (GTK_WIDGET (view), "sidebar");
  g_autoptr(GString) titles = g_string_new (NULL);

  g_assert_nonnull (sidebar);
  for (GtkWidget *row = gtk_widget_get_first_child (sidebar); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *label;

      if (!GTK_IS_LIST_BOX_ROW (row) || !gtk_widget_get_visible (row))
        continue;
      label = pd_ui_test_find_type (row, GTK_TYPE_LABEL);
      if (titles->len > 0)
        g_string_append (titles, ",");
      g_string_append (titles, gtk_label_get_text (GTK_LABEL (label)));
    }
  return g_string_free (g_steal_pointer (&titles), FALSE);
}

static void
check_role (const char *role,
            const char *expected)
{
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new (seed, role);
  PdSessionView *view;
  GtkWindow *window;
  g_autofree char *shown = NULL;

  if (test == NULL)
    return;
  view = PD_SESSION_VIEW (pd_session_view_new ());
  window = pd_ui_test_window_new (GTK_WIDGET (view), 1100, 720);
  pd_session_view_set_session (view, test->session);
  pd_ui_test_wait_frames (3);
  shown = visible_sections (view);
  g_assert_cmpstr (shown, ==, expected);
  /* A hidden section cannot be opened by a link either. */
  if (strstr (expected, "Groups") == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (view), "win.show-page", "s", "groups");
      g_assert_cmpstr (gtk_stack_get_visible_child_name (pd_session_view_get_sections (view)), ==, "clients");
    }
  pd_session_view_set_session (view, NULL);
  pd_ui_test_window_destroy (window);
}

static void
test_owner (void)
{
  g_autofree char *all = g_strjoinv (",", (char **) every_section);

  check_role ("owner", all);
}

static void
test_technician (void)
{
  g_autofree char *all = g_strjoinv (",", (char **) every_section);

  /* Read-only, but it may read everything: what it may not change is disabled in the pages. */
  check_role ("technician", all);
}

static void
test_finance (void)
{
  check_role ("finance", "Overview,Clients,Reports,Users,Roles,Settings");
}

int
main (int    argc,
      char **argv)
{
  pd_ui_test_init (&argc, &argv);

  g_test_add_func ("/sections-by-role/owner", test_owner);
  g_test_add_func ("/sections-by-role/technician", test_technician);
  g_test_add_func ("/sections-by-role/finance", test_finance);
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The whole application end to end on the demo portal, as `partner-desk --demo` runs it:
 * Clients, a client pushed over it and back, the Overview, dark style, and a 360 px window
 * folded into one column. Every page is the real one once its folder has built it. With
 * PD_SCREENSHOT_DIR set, these are the screenshots of docs/screenshots/
 * (build-aux/take-screenshots). */

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "pd-application.h"
#include "pd-organization.h"
#include "pd-page-stack.h"
#include "pd-session-view.h"
#include "pd-ui-test.h"
#include "pd-window.h"

/* The client shown in the screenshots: one with several services and a problem or two. */
#define TOUR_CLIENT "Harbor Dental Group"

static gboolean
ready (gpointer app)
{
  PdSession *session = pd_application_get_session (app);
  GtkWindow *window = gtk_application_get_active_window (app);

  return session != NULL && window != NULL &&
         pd_sync_engine_get_state (pd_session_get_sync_engine (session)) == PD_SYNC_STATE_UP_TO_DATE &&
         pd_session_get_me (session) != NULL &&
         gtk_widget_get_mapped (GTK_WIDGET (pd_window_get_session_view (PD_WINDOW (window))));
}

static gboolean
is_busy_spinner (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_SPINNER (widget) && gtk_widget_get_mapped (widget) && gtk_spinner_get_spinning (GTK_SPINNER (widget));
}

static gboolean
settled (gpointer view)
{
  return pd_ui_test_find (view, is_busy_spinner, NULL) == NULL;
}

/* Lets the page load what it loads (a client's accounts) and the transitions end. */
static void
settle (PdSessionView *view)
{
  pd_ui_test_wait_frames (20);
  pd_ui_test_wait_for (settled, view, "the page to finish loading");
  pd_ui_test_wait_frames (20);
}

static const char *
find_client (PdSession *session)
{
  GListModel *organizations = pd_session_get_organizations (session);

  for (guint i = 0; i < g_list_model_get_n_items (organizations); i++)
    {
      g_autoptr(PdOrganization) organization = g_list_model_get_item (organizations, i);

      if (g_strcmp0 (pd_organization_get_name (organization), TOUR_CLIENT) == 0)
        return pd_resource_get_id (PD_RESOURCE (organization));
    }
  g_assert_not_reached ();
}

static gboolean
is_folded (gpointer view)
{
  static guint checks;
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (view));

  if (pd_session_view_is_folded (view) && gtk_widget_get_width (GTK_WIDGET (view)) == 360)
    return TRUE;
  /* Xvfb has no window manager: a resize asked for while the window is busy relaying out
   * (the dark style just changed) can be left at the old size; ask again now and then. */
  if (++checks % 5 == 1)
    {
      gtk_window_set_default_size (window, 361, 720);
      gtk_window_set_default_size (window, 360, 720);
    }
  return FALSE;
}

static gboolean
is_wide (gpointer view)
{
  return !pd_session_view_is_folded (view);
}

static void
run_tour (gpointer user_data)
{
  PdApplication *app = user_data;
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWindow *window;
  PdSessionView *view;
  PdSession *session;
  GtkStack *sections;
  PdPageStack *stack;
  g_autofree char *client_id = NULL;

  pd_ui_test_wait_for (ready, app, "the demo session");
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  view = pd_window_get_session_view (PD_WINDOW (window));
  session = pd_application_get_session (app);
  sections = pd_session_view_get_sections (view);
  stack = pd_session_view_get_page_stack (view);
  client_id = g_strdup (find_client (session));

  /* Clients, where a session opens */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sections), ==, "clients");
  settle (view);
  pd_ui_test_screenshot (GTK_WIDGET (window), "clients");

  /* A client, from the Clients page, and back */
  gtk_widget_activate_action (gtk_stack_get_visible_child (sections), "win.show-client", "(ss)", client_id, "");
  g_assert_cmpuint (pd_page_stack_get_depth (stack), ==, 1);
  g_assert_cmpstr (pd_session_view_get_title (view), ==, TOUR_CLIENT);
  settle (view);
  pd_ui_test_screenshot (GTK_WIDGET (window), "client");
  gtk_widget_activate_action (GTK_WIDGET (window), "nav.back", NULL);
  g_assert_cmpuint (pd_page_stack_get_depth (stack), ==, 0);

  /* The Overview */
  gtk_widget_activate_action (GTK_WIDGET (view), "win.show-page", "s", "overview");
  g_assert_cmpstr (pd_session_view_get_title (view), ==, "Overview");
  settle (view);
  pd_ui_test_screenshot (GTK_WIDGET (window), "overview");

  /* Dark style */
  gtk_widget_activate_action (GTK_WIDGET (view), "win.show-page", "s", "clients");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  settle (view);
  pd_ui_test_screenshot (GTK_WIDGET (window), "clients-dark");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  /* A phone-wide window: one column, the page first, the sidebar one step back. */
  gtk_window_set_default_size (window, 360, 720);
  pd_ui_test_wait_for (is_folded, view, "the window to fold");
  settle (view);
  pd_ui_test_screenshot (GTK_WIDGET (window), "clients-narrow");
  gtk_widget_activate_action (GTK_WIDGET (view), "win.show-client", "(ss)", client_id, "");
  settle (view);
  pd_ui_test_screenshot (GTK_WIDGET (window), "client-narrow");
  g_assert_true (pd_session_view_go_back (view));
  g_assert_true (pd_session_view_go_back (view));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (pd_window_get_session_view (PD_WINDOW (window)))));

  gtk_window_set_default_size (window, 1280, 800);
  pd_ui_test_wait_for (is_wide, view, "the window to unfold");
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
}

static void
activated_cb (GApplication *app)
{
  g_idle_add_once (run_tour, app);
}

static void
test_tour (void)
{
  g_autoptr(PdApplication) app = NULL;
  g_autoptr(GSettings) settings = g_settings_new (BASE_APPLICATION_ID);
  char *argv[] = { (char *) "partner-desk", (char *) "--demo", NULL };

  if (!pd_session_test_keyring_ready ())
    {
      g_test_skip ("no test keyring (run inside build-aux/test-session)");
      return;
    }
  g_settings_set_int (settings, "window-width", 1280);
  g_settings_set_int (settings, "window-height", 800);
  app = pd_application_new (APPLICATION_ID ".Test", G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (activated_cb), NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 2, argv), ==, 0);
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  /* The application's own start-up: no gtk_test_init, which would also set up styles. */
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/shell/demo-tour", test_tour);

  return g_test_run ();
}

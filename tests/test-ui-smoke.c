/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Starts the real application in-process under Xvfb and looks at it through
 * the widget tree and the accessibility tree (GTK_A11Y=test). Run once in
 * English and once with LANGUAGE=de. */

#include "config.h"

#include <locale.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "pd-application.h"
#include "pd-preferences-window.h"
#include "pd-welcome-page.h"
#include "pd-window.h"

#define WAIT_TIMEOUT_SECONDS 20

typedef gboolean (*Condition) (gpointer data);

static gboolean
timed_out (gpointer data)
{
  g_error ("Timed out waiting for: %s", (const char *) data);
  return G_SOURCE_REMOVE;
}

/* Test-only: spins the main context until @condition holds. */
static void
wait_until (Condition   condition,
            gpointer    data,
            const char *what)
{
  guint timeout = g_timeout_add_seconds (WAIT_TIMEOUT_SECONDS, timed_out, (gpointer) what);

  while (!condition (data))
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (timeout);
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static void
wait_frames (guint frames)
{
  gint64 until = g_get_monotonic_time () + frames * 16 * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

typedef gboolean (*WidgetMatch) (GtkWidget *widget, gconstpointer data);

/* Depth-first search of the widget tree for the first widget that matches. */
static GtkWidget *
find_widget (GtkWidget     *root,
             WidgetMatch    match,
             gconstpointer  data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
has_type (GtkWidget     *widget,
          gconstpointer  type)
{
  return g_type_is_a (G_OBJECT_TYPE (widget), (GType) GPOINTER_TO_SIZE (type));
}

static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  action_name)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0;
}

static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  return find_widget (root, has_type, GSIZE_TO_POINTER (type));
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      if (g_type_is_a (G_OBJECT_TYPE (window), type))
        return window;
    }

  return NULL;
}

static gboolean
toplevel_shown (gpointer type_pointer)
{
  GtkWindow *window = find_toplevel ((GType) GPOINTER_TO_SIZE (type_pointer));

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

static GtkWindow *
wait_for_toplevel (GType type)
{
  wait_until (toplevel_shown, GSIZE_TO_POINTER (type), g_type_name (type));
  return find_toplevel (type);
}

static gboolean
has_shortcut (GtkWidget  *widget,
              const char *trigger)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *text = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_strcmp0 (text, trigger) == 0)
            return TRUE;
        }
    }

  return FALSE;
}

/* Every icon-only button needs a tooltip and an accessible label (STYLE.md). */
static void
assert_icon_buttons_labelled (GtkWidget *root)
{
  /* Window controls, spin and menu-button internals belong to GTK, which labels
   * them; hidden widgets cannot be reached. */
  if (GTK_IS_WINDOW_CONTROLS (root) || GTK_IS_SPIN_BUTTON (root) || !gtk_widget_get_visible (root))
    return;

  if (GTK_IS_MENU_BUTTON (root) || GTK_IS_BUTTON (root))
    {
      gboolean icon_only = GTK_IS_MENU_BUTTON (root)
        ? gtk_menu_button_get_label (GTK_MENU_BUTTON (root)) == NULL
        : gtk_button_get_label (GTK_BUTTON (root)) == NULL &&
          gtk_button_get_icon_name (GTK_BUTTON (root)) != NULL;

      if (icon_only)
        {
          g_test_message ("icon-only button %s (%s) in %s", G_OBJECT_TYPE_NAME (root),
                          gtk_widget_get_tooltip_text (root), G_OBJECT_TYPE_NAME (gtk_widget_get_root (root)));
          g_assert_nonnull (gtk_widget_get_tooltip_text (root));
          g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (root),
                                                           GTK_ACCESSIBLE_PROPERTY_LABEL));
        }

      if (GTK_IS_MENU_BUTTON (root))
        return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_icon_buttons_labelled (child);
}

static const char *
expected (const char *english,
          const char *german)
{
  return g_str_has_prefix (g_getenv ("LANGUAGE") ?: "", "de") ? german : english;
}

static void
check_welcome_page (PdWindow *window)
{
  static const char *entry_points[] = {
    "welcome.sign-in-browser", "welcome.use-api-key", "welcome.try-demo",
  };
  GtkWidget *welcome = find_descendant (GTK_WIDGET (window), PD_TYPE_WELCOME_PAGE);
  AdwStatusPage *status;

  g_assert_nonnull (welcome);
  g_assert_true (gtk_widget_get_mapped (welcome));

  status = ADW_STATUS_PAGE (find_descendant (welcome, ADW_TYPE_STATUS_PAGE));
  g_assert_cmpstr (adw_status_page_get_title (status), ==,
                   expected ("Welcome to Partner Desk", "Willkommen bei Partner Desk"));

  /* Wired up: sensitive, and the tooltip says what each does (tests/core/session/ signs in). */
  for (guint i = 0; i < G_N_ELEMENTS (entry_points); i++)
    {
      GtkWidget *button = find_widget (welcome, has_action, entry_points[i]);

      g_assert_nonnull (button);
      g_assert_true (gtk_widget_is_sensitive (button));
      g_assert_nonnull (gtk_widget_get_tooltip_text (button));
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_ROLE_BUTTON);
      gtk_test_accessible_assert_state (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_STATE_DISABLED, FALSE);
    }

  assert_icon_buttons_labelled (GTK_WIDGET (window));
}

static void
check_about_window (GApplication *app)
{
  GtkWindow *about;
  const char *notes;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  about = wait_for_toplevel (ADW_TYPE_ABOUT_WINDOW);

  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==, "Partner Desk");
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_release_notes_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  notes = adw_about_window_get_release_notes (ADW_ABOUT_WINDOW (about));
  g_assert_nonnull (strstr (notes, expected ("The first release lays the foundation",
                                             "Die erste Version legt den Grundstein")));
  g_assert_nonnull (strstr (notes, "<li>"));
  g_assert_true (gtk_window_get_transient_for (about) != NULL);
  /* Its inner widgets are libadwaita's (1.2 leaves its back button unlabelled). */
  g_assert_true (has_shortcut (GTK_WIDGET (about), "Escape"));

  gtk_window_destroy (about);
}

static void
check_preferences (GApplication *app)
{
  GSettings *settings = pd_application_get_settings (PD_APPLICATION (app));
  GtkWindow *preferences;
  GtkSwitch *notify_switch;
  GtkSpinButton *spin;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = wait_for_toplevel (PD_TYPE_PREFERENCES_WINDOW);
  g_assert_true (has_shortcut (GTK_WIDGET (preferences), "Escape"));

  notify_switch = GTK_SWITCH (find_descendant (GTK_WIDGET (preferences), GTK_TYPE_SWITCH));
  g_assert_false (g_settings_get_boolean (settings, "background-notifications"));
  gtk_switch_set_active (notify_switch, TRUE);
  g_assert_true (g_settings_get_boolean (settings, "background-notifications"));
  gtk_switch_set_active (notify_switch, FALSE);

  spin = GTK_SPIN_BUTTON (find_descendant (GTK_WIDGET (preferences), GTK_TYPE_SPIN_BUTTON));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, g_settings_get_uint (settings, "refresh-interval"));
  gtk_spin_button_set_value (spin, 15);
  g_assert_cmpuint (g_settings_get_uint (settings, "refresh-interval"), ==, 15);
  g_settings_reset (settings, "refresh-interval");

  assert_icon_buttons_labelled (GTK_WIDGET (preferences));
  gtk_window_destroy (preferences);
}

static void
check_shortcuts_window (GApplication *app,
                        PdWindow     *window)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay");
  GtkWindow *shortcuts;

  g_assert_true (g_strv_contains ((const char * const *) accels, "F1"));
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>question"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  shortcuts = wait_for_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  gtk_window_close (shortcuts);
}

static gboolean
is_primary_menu_button (GtkWidget     *widget,
                        gconstpointer  unused)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget));
}

/* F10 must open the menu that is on screen (only one button may be primary). */
static void
assert_primary_menu_on_screen (GtkWidget *window)
{
  GtkWidget *primary = find_widget (window, is_primary_menu_button, NULL);

  g_assert_nonnull (primary);
  g_assert_true (gtk_widget_get_mapped (primary));
}

/* Unfolded, the sidebar and the page are both on screen. */
static gboolean
sidebar_on_screen (AdwLeaflet *leaflet)
{
  if (!adw_leaflet_get_folded (leaflet))
    return TRUE;

  return find_descendant (adw_leaflet_get_visible_child (leaflet), GTK_TYPE_LIST_BOX) != NULL;
}

/* A narrow window folds the sidebar into one column and navigates between
 * the sidebar and the page; a wide one shows both. */
static void
check_adaptive_layout (GApplication *app)
{
  GSettings *settings = pd_application_get_settings (PD_APPLICATION (app));
  const int widths[] = { 360, 900 };

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      gboolean narrow = widths[i] < 600;
      GtkWidget *first = gtk_label_new ("first");
      GtkWidget *second = gtk_label_new ("second");
      PdWindow *window;
      AdwLeaflet *leaflet;
      GtkListBox *sidebar;
      GtkStack *pages;

      g_settings_set_int (settings, "window-width", widths[i]);
      g_settings_set_int (settings, "window-height", 640);
      window = pd_window_new (PD_APPLICATION (app));
      pd_window_add_page (window, "first", "First Page", "view-grid-symbolic", first);
      pd_window_add_page (window, "second", "Second Page", "view-list-symbolic", second);
      gtk_window_present (GTK_WINDOW (window));
      wait_until (is_mapped, window, "window with pages");
      assert_primary_menu_on_screen (GTK_WIDGET (window));

      pd_window_show_page (window, "first");
      wait_frames (10);
      assert_primary_menu_on_screen (GTK_WIDGET (window));

      /* The screen may clamp a wide window; the narrow one must be exact. */
      if (narrow)
        g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, 360);
      g_assert_cmpint (pd_window_is_folded (window), ==, narrow);

      leaflet = ADW_LEAFLET (find_descendant (GTK_WIDGET (window), ADW_TYPE_LEAFLET));
      sidebar = GTK_LIST_BOX (find_descendant (GTK_WIDGET (leaflet), GTK_TYPE_LIST_BOX));
      pages = GTK_STACK (gtk_widget_get_parent (first));
      g_assert_true (gtk_stack_get_visible_child (pages) == first);
      g_assert_cmpint (gtk_list_box_row_get_index (gtk_list_box_get_selected_row (sidebar)), ==, 0);
      g_assert_cmpint (sidebar_on_screen (leaflet), ==, !narrow);

      if (narrow)
        {
          gtk_widget_activate_action (GTK_WIDGET (window), "nav.back", NULL);
          g_assert_true (sidebar_on_screen (leaflet));
        }

      /* Choosing a section shows its page, and in one column goes to it. */
      g_signal_emit_by_name (sidebar, "row-activated", gtk_list_box_get_row_at_index (sidebar, 1));
      g_assert_true (gtk_stack_get_visible_child (pages) == second);
      g_assert_cmpint (gtk_list_box_row_get_index (gtk_list_box_get_selected_row (sidebar)), ==, 1);
      g_assert_cmpint (sidebar_on_screen (leaflet), ==, !narrow);

      assert_icon_buttons_labelled (GTK_WIDGET (window));
      gtk_window_destroy (GTK_WINDOW (window));
    }

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

static void
check_geometry_saved (PdWindow  *window,
                      GSettings *settings)
{
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 600);
  gtk_window_close (GTK_WINDOW (window));

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 600);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
}

static void
run_checks (gpointer user_data)
{
  GApplication *app = user_data;
  g_autoptr(GSettings) settings = g_object_ref (pd_application_get_settings (PD_APPLICATION (app)));
  PdWindow *window = PD_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));

  g_assert_nonnull (window);
  wait_until (is_mapped, window, "main window");
  wait_frames (5);

  check_welcome_page (window);
  assert_primary_menu_on_screen (GTK_WIDGET (window));
  check_about_window (app);
  check_preferences (app);
  check_shortcuts_window (app, window);
  check_adaptive_layout (app);
  check_geometry_saved (window, settings);

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
}

static void
activated_cb (GApplication *app)
{
  g_idle_add_once (run_checks, app);
}

static void
test_application (void)
{
  g_autoptr(PdApplication) app = pd_application_new (APPLICATION_ID ".Test", G_APPLICATION_NON_UNIQUE);
  int status;

  g_signal_connect_after (app, "activate", G_CALLBACK (activated_cb), NULL);
  status = g_application_run (G_APPLICATION (app), 0, NULL);

  g_assert_cmpint (status, ==, 0);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("PD_TEST_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ui/application", test_application);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "pd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pd-session-view.h"
#include "pd-welcome-page.h"
#include "pd-window.h"

/* The main window: the welcome page while no portal account is open, otherwise the
 * session view (sidebar, pages, sync status, banners, toasts: src/ui/shell/). */
struct _PdWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;

  GtkStack             *main_stack;
  GtkRevealer          *opening_revealer;
  GtkSpinner           *opening_spinner;
  guint                 opening_timeout;
  PdSessionView        *session_view;
  GtkMenuButton        *welcome_menu_button;
  PdWelcomePage        *welcome_page;
  gboolean              application_connected;
};

G_DEFINE_FINAL_TYPE (PdWindow, pd_window, ADW_TYPE_APPLICATION_WINDOW)

PdWindow *
pd_window_new (PdApplication *application)
{
  g_return_val_if_fail (PD_IS_APPLICATION (application), NULL);

  return g_object_new (PD_TYPE_WINDOW, "application", application, NULL);
}

/**
 * pd_window_add_page:
 *
 * Adds a page to the sidebar; features call this when their page exists.
 */
void
pd_window_add_page (PdWindow   *self,
                    const char *name,
                    const char *title,
                    const char *icon_name,
                    GtkWidget  *page)
{
  g_return_if_fail (PD_IS_WINDOW (self));

  pd_session_view_add_page (self->session_view, name, title, icon_name, page);
}

void
pd_window_show_page (PdWindow   *self,
                     const char *name)
{
  g_return_if_fail (PD_IS_WINDOW (self));

  pd_session_view_show_page (self->session_view, name);
  gtk_stack_set_visible_child_name (self->main_stack, "pages");
}

void
pd_window_show_welcome (PdWindow *self)
{
  g_return_if_fail (PD_IS_WINDOW (self));

  gtk_stack_set_visible_child_name (self->main_stack, "welcome");
}

void
pd_window_show_welcome_error (PdWindow   *self,
                              const char *message)
{
  g_return_if_fail (PD_IS_WINDOW (self));

  pd_welcome_page_show_error (self->welcome_page, message);
}

gboolean
pd_window_is_folded (PdWindow *self)
{
  g_return_val_if_fail (PD_IS_WINDOW (self), FALSE);

  return pd_session_view_is_folded (self->session_view);
}

PdSessionView *
pd_window_get_session_view (PdWindow *self)
{
  g_return_val_if_fail (PD_IS_WINDOW (self), NULL);

  return self->session_view;
}

/* F10 opens the menu of the view on screen. Only one button may be primary at
 * a time: GTK 4.8 corrupts its list of primary buttons when two unroot. */
static void
main_view_changed_cb (PdWindow *self)
{
  gboolean welcome = g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "welcome") == 0;
  GtkMenuButton *session_menu_button;
  GtkMenuButton *primary;
  GtkMenuButton *other;

  /* Also called while the template is built, before the view exists. */
  if (self->session_view == NULL || self->welcome_menu_button == NULL)
    return;
  session_menu_button = pd_session_view_get_menu_button (self->session_view);
  primary = welcome ? self->welcome_menu_button : session_menu_button;
  other = welcome ? session_menu_button : self->welcome_menu_button;

  gtk_menu_button_set_primary (other, FALSE);
  gtk_menu_button_set_primary (primary, TRUE);
}

static void
go_back_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  pd_session_view_go_back (PD_WINDOW (widget)->session_view);
}

/* A spinner only when opening takes long enough to wonder about */
#define OPENING_QUIET_MS 500

static void
opening_taking_long_cb (gpointer data)
{
  PdWindow *self = data;

  self->opening_timeout = 0;
  gtk_spinner_start (self->opening_spinner);
  gtk_revealer_set_reveal_child (self->opening_revealer, TRUE);
}

static void
stop_opening (PdWindow *self)
{
  g_clear_handle_id (&self->opening_timeout, g_source_remove);
  gtk_spinner_stop (self->opening_spinner);
  gtk_revealer_set_reveal_child (self->opening_revealer, FALSE);
}

/* The window follows the application's session: its view while one is open, else welcome;
 * while the last account reopens at start, a blank page rather than a flash of welcome. */
static void
update_main_view (PdWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  PdSession *session = PD_IS_APPLICATION (app) ? pd_application_get_session (PD_APPLICATION (app)) : NULL;
  gboolean reopening = PD_IS_APPLICATION (app) && pd_application_is_reopening (PD_APPLICATION (app));

  if (session == NULL && reopening)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "opening");
      if (self->opening_timeout == 0 && !gtk_revealer_get_reveal_child (self->opening_revealer))
        self->opening_timeout = g_timeout_add_once (OPENING_QUIET_MS, opening_taking_long_cb, self);
      return;
    }
  stop_opening (self);
  if (session == NULL)
    pd_window_show_welcome (self);
  pd_session_view_set_session (self->session_view, session);
  if (session != NULL)
    gtk_stack_set_visible_child_name (self->main_stack, "pages");
}

/* "application" is not a construct property: it is set after constructed(). */
static void
application_set_cb (PdWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (!PD_IS_APPLICATION (app) || self->application_connected)
    return;
  self->application_connected = TRUE;
  g_signal_connect_object (app, "notify::session", G_CALLBACK (update_main_view), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (app, "notify::reopening", G_CALLBACK (update_main_view), self, G_CONNECT_SWAPPED);
  update_main_view (self);
  /* partner-desk --demo: the welcome page starts it and shows its progress. */
  if (pd_application_take_demo_request (PD_APPLICATION (app)) && pd_application_get_session (PD_APPLICATION (app)) == NULL)
    gtk_widget_activate_action (GTK_WIDGET (self->welcome_page), "welcome.try-demo", NULL);
}

static void
restore_geometry (PdWindow *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_geometry (PdWindow *self)
{
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));
  int width, height;

  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", maximized);
  /* A maximized size is the screen's; keep the size to go back to. */
  if (!maximized)
    {
      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      g_settings_set_int (self->settings, "window-width", MAX (width, 360));
      g_settings_set_int (self->settings, "window-height", MAX (height, 294));
    }
  g_settings_apply (self->settings);
}

static gboolean
pd_window_close_request (GtkWindow *window)
{
  PdWindow *self = PD_WINDOW (window);

  /* Unsaved changes ask first; the session view closes the window once answered. */
  if (self->session_view != NULL && pd_session_view_hold_close (self->session_view))
    return TRUE;
  save_geometry (self);

  return GTK_WINDOW_CLASS (pd_window_parent_class)->close_request (window);
}

static void
pd_window_dispose (GObject *object)
{
  PdWindow *self = PD_WINDOW (object);

  g_clear_handle_id (&self->opening_timeout, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pd_window_parent_class)->dispose (object);
}

static void
pd_window_class_init (PdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = pd_window_dispose;
  window_class->close_request = pd_window_close_request;

  g_type_ensure (PD_TYPE_WELCOME_PAGE);
  g_type_ensure (PD_TYPE_SESSION_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/pd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PdWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PdWindow, opening_revealer);
  gtk_widget_class_bind_template_child (widget_class, PdWindow, opening_spinner);
  gtk_widget_class_bind_template_child (widget_class, PdWindow, session_view);
  gtk_widget_class_bind_template_child (widget_class, PdWindow, welcome_menu_button);
  gtk_widget_class_bind_template_child (widget_class, PdWindow, welcome_page);
  gtk_widget_class_bind_template_callback (widget_class, main_view_changed_cb);

  /* For callers outside the session view; inside it, its win.go-back comes first. */
  gtk_widget_class_install_action (widget_class, "nav.back", NULL, go_back_activated);
}

static void
pd_window_init (PdWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  main_view_changed_cb (self);

  self->settings = g_settings_new (BASE_APPLICATION_ID);
  restore_geometry (self);

  g_signal_connect (self, "notify::application", G_CALLBACK (application_set_cb), NULL);

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "pd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "pd-session-page.h"
#include "pd-welcome-page.h"
#include "pd-window.h"

/* The main window: the welcome page while no portal account is configured,
 * otherwise a sidebar of pages that folds into one column at narrow widths. */
struct _PdWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;

  GtkStack             *main_stack;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar;
  GtkStack             *pages_stack;
  AdwWindowTitle       *content_title;
  GtkMenuButton        *welcome_menu_button;
  GtkMenuButton        *sidebar_menu_button;
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
  GtkStackPage *stack_page;

  g_return_if_fail (PD_IS_WINDOW (self));
  g_return_if_fail (name != NULL && title != NULL);
  g_return_if_fail (GTK_IS_WIDGET (page));

  stack_page = gtk_stack_add_titled (self->pages_stack, page, name, title);
  gtk_stack_page_set_icon_name (stack_page, icon_name);
}

void
pd_window_show_page (PdWindow   *self,
                     const char *name)
{
  g_return_if_fail (PD_IS_WINDOW (self));
  g_return_if_fail (gtk_stack_get_child_by_name (self->pages_stack, name) != NULL);

  gtk_stack_set_visible_child_name (self->pages_stack, name);
  gtk_stack_set_visible_child_name (self->main_stack, "pages");
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
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

  return adw_leaflet_get_folded (self->leaflet);
}

/* The sections are few and fixed, so a GtkListBox over the stack's own page
 * model is enough; unlike a list view it does not select on hover. */
static GtkWidget *
create_sidebar_row (gpointer item,
                    gpointer user_data)
{
  GtkStackPage *page = item;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *label = gtk_label_new (NULL);

  g_object_bind_property (page, "icon-name", icon, "icon-name", G_BINDING_SYNC_CREATE);
  g_object_bind_property (page, "title", label, "label", G_BINDING_SYNC_CREATE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);

  return box;
}

static void
sidebar_row_activated_cb (PdWindow      *self,
                          GtkListBoxRow *row)
{
  g_autoptr(GtkSelectionModel) pages = gtk_stack_get_pages (self->pages_stack);
  g_autoptr(GObject) page = g_list_model_get_item (G_LIST_MODEL (pages), gtk_list_box_row_get_index (row));

  gtk_stack_set_visible_child (self->pages_stack, gtk_stack_page_get_child (GTK_STACK_PAGE (page)));
  /* In one column, go and show it. */
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* F10 opens the menu of the view on screen. Only one button may be primary at
 * a time: GTK 4.8 corrupts its list of primary buttons when two unroot. */
static void
main_view_changed_cb (PdWindow *self)
{
  gboolean welcome = g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "welcome") == 0;
  GtkMenuButton *primary = welcome ? self->welcome_menu_button : self->sidebar_menu_button;
  GtkMenuButton *other = welcome ? self->sidebar_menu_button : self->welcome_menu_button;

  gtk_menu_button_set_primary (other, FALSE);
  gtk_menu_button_set_primary (primary, TRUE);
}

static void
visible_page_changed_cb (PdWindow *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->pages_stack);
  g_autoptr(GtkSelectionModel) pages = gtk_stack_get_pages (self->pages_stack);
  const char *title = NULL;

  if (child == NULL)
    return;

  title = gtk_stack_page_get_title (gtk_stack_get_page (self->pages_stack, child));
  adw_window_title_set_title (self->content_title, title != NULL ? title : "");

  /* Keep the sidebar's selection on the page shown, however it was chosen. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    if (gtk_selection_model_is_selected (pages, i))
      gtk_list_box_select_row (self->sidebar, gtk_list_box_get_row_at_index (self->sidebar, i));
}

static void
go_back_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PdWindow *self = PD_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* The window follows the application's session: its page while one is open, else welcome. */
static void
session_changed_cb (PdWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  PdSession *session = PD_IS_APPLICATION (app) ? pd_application_get_session (PD_APPLICATION (app)) : NULL;
  GtkWidget *page = gtk_stack_get_child_by_name (self->pages_stack, "clients");

  if (page != NULL && pd_session_page_get_session (PD_SESSION_PAGE (page)) != session)
    {
      gtk_stack_remove (self->pages_stack, page);
      page = NULL;
    }
  if (session == NULL)
    {
      pd_window_show_welcome (self);
      return;
    }
  if (page == NULL)
    pd_window_add_page (self, "clients", _("Clients"), "view-grid-symbolic",
                        GTK_WIDGET (pd_session_page_new (session)));
  pd_window_show_page (self, "clients");
}

/* "application" is not a construct property: it is set after constructed(). */
static void
application_set_cb (PdWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (!PD_IS_APPLICATION (app) || self->application_connected)
    return;
  self->application_connected = TRUE;
  g_signal_connect_object (app, "notify::session", G_CALLBACK (session_changed_cb), self, G_CONNECT_SWAPPED);
  session_changed_cb (self);
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
  save_geometry (PD_WINDOW (window));

  return GTK_WINDOW_CLASS (pd_window_parent_class)->close_request (window);
}

static void
pd_window_dispose (GObject *object)
{
  PdWindow *self = PD_WINDOW (object);

  /* Unbind before the stack behind the model goes. */
  if (self->sidebar != NULL)
    gtk_list_box_bind_model (self->sidebar, NULL, NULL, NULL, NULL);
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
  g_type_ensure (PD_TYPE_SESSION_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/pd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PdWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PdWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PdWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, PdWindow, pages_stack);
  gtk_widget_class_bind_template_child (widget_class, PdWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, PdWindow, welcome_menu_button);
  gtk_widget_class_bind_template_child (widget_class, PdWindow, sidebar_menu_button);
  gtk_widget_class_bind_template_child (widget_class, PdWindow, welcome_page);
  gtk_widget_class_bind_template_callback (widget_class, main_view_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, visible_page_changed_cb);

  gtk_widget_class_install_action (widget_class, "nav.back", NULL, go_back_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "nav.back", NULL);
}

static void
pd_window_init (PdWindow *self)
{
  g_autoptr(GtkSelectionModel) pages = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  pages = gtk_stack_get_pages (self->pages_stack);
  gtk_list_box_bind_model (self->sidebar, G_LIST_MODEL (pages), create_sidebar_row, NULL, NULL);
  main_view_changed_cb (self);

  self->settings = g_settings_new (BASE_APPLICATION_ID);
  restore_geometry (self);

  g_signal_connect (self, "notify::application", G_CALLBACK (application_set_cb), NULL);

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

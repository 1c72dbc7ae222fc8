/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "pd-session-view"

#include "config.h"

#include <glib/gi18n.h>

#include "pd-account-summary.h"
#include "pd-alerts-button.h"
#include "pd-error-dialog.h"
#include "pd-leave-guard.h"
#include "pd-mapping-dialog.h"
#include "pd-organization.h"
#include "pd-page-stack.h"
#include "pd-permission-gate.h"
#include "pd-session-banners.h"
#include "pd-session-view.h"
#include "pd-sync-status.h"
#include "pd-toast-queue.h"

#include "pd-account-page.h"
#include "pd-authorize-wizard.h"
#include "pd-client-page.h"
#include "pd-clients-page.h"
#include "pd-delegate.h"
#include "pd-groups-page.h"
#include "pd-new-client.h"
#include "pd-notifications-page.h"
#include "pd-overview-page.h"
#include "pd-reports-page.h"
#include "pd-roles-page.h"
#include "pd-settings-page.h"
#include "pd-users-page.h"

struct _PdSessionView
{
  GtkWidget        parent_instance;

  PdSession       *session;
  GSignalGroup    *engine_signals;
  /* The failure last raised as a toast, so a refresh that fails the same way is quiet */
  char            *toasted_error;
  GtkStack        *sections;

  AdwToastOverlay *toast_overlay;
  AdwLeaflet      *leaflet;
  GtkWidget       *sidebar_pane;
  GtkWidget       *content_pane;
  GtkListBox      *sidebar;
  AdwWindowTitle  *account_title;
  GtkMenuButton   *menu_button;
  AdwWindowTitle  *content_title;
  GtkWidget       *back_button;
  PdSyncStatus    *sync_status;
  PdAlertsButton  *alerts_button;
  PdSessionBanners *banners;
  PdPageStack     *page_stack;
  PdAccountSummary *account_summary;
};

G_DEFINE_FINAL_TYPE (PdSessionView, pd_session_view, GTK_TYPE_WIDGET)

static void visible_section_changed_cb (PdSessionView *self);

/* The sections a session brings, in the sidebar's order; other sections
 * (pd_session_view_add_page) stay. A section whose read permission the signed-in role lacks
 * is hidden (see pd-permission-gate.h). */
static const struct {
  const char *name;
  const char *title;       /* N_() */
  const char *icon_name;
  const char *permission;  /* to read what it shows, or NULL */
  GtkWidget *(*new_page) (PdSession *session);
} session_sections[] = {
  { "overview", N_("Overview"), "view-dual-symbolic", NULL, pd_overview_page_new },
  { "clients", N_("Clients"), "view-grid-symbolic", NULL, pd_clients_page_new },
  { "reports", N_("Reports"), "x-office-presentation-symbolic", "dashboard.read", pd_reports_page_new },
  { "users", N_("Users"), "system-users-symbolic", "users.read", pd_users_page_new },
  { "roles", N_("Roles"), "security-high-symbolic", "roles.read", pd_roles_page_new },
  { "groups", N_("Groups"), "network-workgroup-symbolic", "groups.read", pd_groups_page_new },
  { "notifications", N_("Notifications"), "mail-unread-symbolic", "notifications.read", pd_notifications_page_new },
  /* SMTP (smtp.read) and partner (partner.read) settings: the row needs the weaker one,
   * which every built-in role has; the page explains a tab the role may not read. */
  { "settings", N_("Settings"), "emblem-system-symbolic", "partner.read", pd_settings_page_new },
};

GtkWidget *
pd_session_view_new (void)
{
  return g_object_new (PD_TYPE_SESSION_VIEW, NULL);
}

PdSession *
pd_session_view_get_session (PdSessionView *self)
{
  g_return_val_if_fail (PD_IS_SESSION_VIEW (self), NULL);

  return self->session;
}

PdPageStack *
pd_session_view_get_page_stack (PdSessionView *self)
{
  g_return_val_if_fail (PD_IS_SESSION_VIEW (self), NULL);

  return self->page_stack;
}

GtkStack *
pd_session_view_get_sections (PdSessionView *self)
{
  g_return_val_if_fail (PD_IS_SESSION_VIEW (self), NULL);

  return self->sections;
}

GtkMenuButton *
pd_session_view_get_menu_button (PdSessionView *self)
{
  g_return_val_if_fail (PD_IS_SESSION_VIEW (self), NULL);

  return self->menu_button;
}

gboolean
pd_session_view_is_folded (PdSessionView *self)
{
  g_return_val_if_fail (PD_IS_SESSION_VIEW (self), FALSE);

  return adw_leaflet_get_folded (self->leaflet);
}

const char *
pd_session_view_get_title (PdSessionView *self)
{
  g_return_val_if_fail (PD_IS_SESSION_VIEW (self), NULL);

  return adw_window_title_get_title (self->content_title);
}

static gboolean
showing_sidebar (PdSessionView *self)
{
  return adw_leaflet_get_folded (self->leaflet) &&
         adw_leaflet_get_visible_child (self->leaflet) == self->sidebar_pane;
}

/* Back goes to the page under a pushed one, then (in one column) to the sidebar; with
 * neither, the action is off so Escape reaches whoever else wants it. */
static void
update_navigation (PdSessionView *self)
{
  gboolean pushed = pd_page_stack_get_depth (self->page_stack) > 0;
  gboolean can_back = pushed || (adw_leaflet_get_folded (self->leaflet) && !showing_sidebar (self));

  gtk_widget_set_visible (self->back_button, pushed || adw_leaflet_get_folded (self->leaflet));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-back", can_back);
}

static void
update_title (PdSessionView *self)
{
  const char *title = pd_page_stack_get_title (self->page_stack);
  GtkWidget *child = gtk_stack_get_visible_child (self->sections);

  if (title == NULL && child != NULL)
    title = gtk_stack_page_get_title (gtk_stack_get_page (self->sections, child));
  adw_window_title_set_title (self->content_title, title != NULL ? title : "");
}

/* Leaving the section shown: when it holds unsaved changes (pd-leave-guard.h) it asks
 * first and @then runs only if the user saved or discarded. FALSE: nothing to ask, go on. */
typedef void (*LeaveThen) (PdSessionView *self,
                           const char    *name);

typedef struct {
  PdSessionView *self;
  LeaveThen      then;
  char          *name;
} Leaving;

static void
leaving_answered_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  Leaving *leaving = user_data;

  if (pd_leave_guard_ask_finish (GTK_WIDGET (source), result))
    leaving->then (leaving->self, leaving->name);
  g_object_unref (leaving->self);
  g_free (leaving->name);
  g_free (leaving);
}

static gboolean
ask_before_leaving (PdSessionView *self,
                    LeaveThen      then,
                    const char    *name)
{
  GtkWidget *section = gtk_stack_get_visible_child (self->sections);
  Leaving *leaving;

  if (!pd_leave_guard_has_unsaved_changes (section))
    return FALSE;
  leaving = g_new0 (Leaving, 1);
  leaving->self = g_object_ref (self);
  leaving->then = then;
  leaving->name = g_strdup (name);
  pd_leave_guard_ask_async (section, leaving_answered_cb, leaving);
  return TRUE;
}

static void
go_back_then (PdSessionView *self,
              const char    *name)
{
  pd_session_view_go_back (self);
}

gboolean
pd_session_view_go_back (PdSessionView *self)
{
  g_return_val_if_fail (PD_IS_SESSION_VIEW (self), FALSE);

  if (pd_page_stack_pop (self->page_stack))
    return TRUE;
  if (adw_leaflet_get_folded (self->leaflet) && !showing_sidebar (self))
    return ask_before_leaving (self, go_back_then, NULL) ||
           adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  return FALSE;
}

static void
close_window_then (PdSessionView *self,
                   const char    *name)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_close (GTK_WINDOW (root));
}

gboolean
pd_session_view_hold_close (PdSessionView *self)
{
  g_return_val_if_fail (PD_IS_SESSION_VIEW (self), FALSE);

  return ask_before_leaving (self, close_window_then, NULL);
}

/* Asked again, it finds nothing unsaved and signs out. */
static void
sign_out_then (PdSessionView *self,
               const char    *name)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "app.sign-out", NULL);
}

gboolean
pd_session_view_hold_sign_out (PdSessionView *self)
{
  g_return_val_if_fail (PD_IS_SESSION_VIEW (self), FALSE);

  return ask_before_leaving (self, sign_out_then, NULL);
}

void
pd_session_view_add_page (PdSessionView *self,
                          const char    *name,
                          const char    *title,
                          const char    *icon_name,
                          GtkWidget     *page)
{
  GtkStackPage *stack_page;

  g_return_if_fail (PD_IS_SESSION_VIEW (self));
  g_return_if_fail (name != NULL && title != NULL);
  g_return_if_fail (GTK_IS_WIDGET (page));

  stack_page = gtk_stack_add_titled (self->sections, page, name, title);
  gtk_stack_page_set_icon_name (stack_page, icon_name);
}

void
pd_session_view_show_page (PdSessionView *self,
                           const char    *name)
{
  GtkWidget *page;

  g_return_if_fail (PD_IS_SESSION_VIEW (self));
  g_return_if_fail (name != NULL);

  page = gtk_stack_get_child_by_name (self->sections, name);
  if (page == NULL)
    {
      g_warning ("No section named “%s”", name);
      return;
    }
  /* Hidden: the signed-in role may not read it (a link from elsewhere, or /me changed). */
  if (!gtk_widget_get_visible (page))
    return;
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->sections), name) != 0 &&
      ask_before_leaving (self, pd_session_view_show_page, name))
    {
      /* The sidebar keeps showing where the user still is. */
      visible_section_changed_cb (self);
      return;
    }
  pd_page_stack_pop_to_root (self->page_stack);
  gtk_stack_set_visible_child_name (self->sections, name);
  /* In one column, go and show it. */
  adw_leaflet_set_visible_child (self->leaflet, self->content_pane);
}

static const char *
organization_name (PdSessionView *self,
                   const char    *organization_id)
{
  GListModel *organizations = pd_session_get_organizations (self->session);
  PdResource *organization = NULL;

  if (PD_IS_RESOURCE_LIST (organizations))
    organization = pd_resource_list_lookup (PD_RESOURCE_LIST (organizations), organization_id);
  return PD_IS_ORGANIZATION (organization) ? pd_organization_get_name (PD_ORGANIZATION (organization)) : NULL;
}

void
pd_session_view_show_client (PdSessionView *self,
                             const char    *organization_id,
                             const char    *service_id)
{
  const char *name;
  GtkWidget *page;

  g_return_if_fail (PD_IS_SESSION_VIEW (self));
  g_return_if_fail (organization_id != NULL);

  if (self->session == NULL)
    return;
  if (service_id != NULL && service_id[0] == '\0')
    service_id = NULL;
  name = organization_name (self, organization_id);
  page = pd_client_page_new (self->session, organization_id, service_id);
  pd_page_stack_push (self->page_stack, page, name != NULL ? name : _("Client"));
  adw_leaflet_set_visible_child (self->leaflet, self->content_pane);
}

void
pd_session_view_show_account (PdSessionView *self,
                              const char    *organization_id,
                              const char    *service_id,
                              const char    *account_id)
{
  GtkWidget *page;

  g_return_if_fail (PD_IS_SESSION_VIEW (self));
  g_return_if_fail (organization_id != NULL && service_id != NULL && account_id != NULL);

  if (self->session == NULL)
    return;
  page = pd_account_page_new (self->session, organization_id, service_id, account_id);
  pd_page_stack_push (self->page_stack, page, _("Account"));
  adw_leaflet_set_visible_child (self->leaflet, self->content_pane);
}

void
pd_session_view_show_toast (PdSessionView *self,
                            const char    *text)
{
  g_return_if_fail (PD_IS_SESSION_VIEW (self));
  g_return_if_fail (text != NULL);

  pd_toast_queue_add (self->toast_overlay, adw_toast_new (text));
}

void
pd_session_view_show_error (PdSessionView *self,
                            const char    *title,
                            const char    *details)
{
  g_return_if_fail (PD_IS_SESSION_VIEW (self));
  g_return_if_fail (title != NULL);

  g_debug ("Error shown: %s: %s", title, details != NULL ? details : "");
  pd_toast_queue_add (self->toast_overlay, pd_error_toast_new (title, details));
}

/* A failed sync is never silent, but the same failure at every refresh is one toast. */
static void
sync_state_changed_cb (PdSessionView *self)
{
  PdSyncEngine *engine = pd_session_get_sync_engine (self->session);
  const char *error = pd_sync_engine_get_error (engine);

  switch (pd_sync_engine_get_state (engine))
    {
    case PD_SYNC_STATE_UP_TO_DATE:
      g_clear_pointer (&self->toasted_error, g_free);
      break;
    case PD_SYNC_STATE_FAILED:
      if (error != NULL && g_strcmp0 (error, self->toasted_error) != 0)
        {
          g_free (self->toasted_error);
          self->toasted_error = g_strdup (error);
          pd_session_view_show_error (self, _("Could not update from the portal"), error);
        }
      break;
    case PD_SYNC_STATE_IDLE:
    case PD_SYNC_STATE_SYNCING:
    case PD_SYNC_STATE_OFFLINE:
    default:
      /* Offline has its banner. */
      break;
    }
}

static void
remove_session_sections (PdSessionView *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (session_sections); i++)
    {
      GtkWidget *page = gtk_stack_get_child_by_name (self->sections, session_sections[i].name);

      if (page != NULL)
        gtk_stack_remove (self->sections, page);
    }
}

void
pd_session_view_set_session (PdSessionView *self,
                             PdSession     *session)
{
  g_return_if_fail (PD_IS_SESSION_VIEW (self));
  g_return_if_fail (session == NULL || PD_IS_SESSION (session));

  if (session == self->session)
    return;
  pd_page_stack_pop_to_root (self->page_stack);
  remove_session_sections (self);
  g_set_object (&self->session, session);
  g_clear_pointer (&self->toasted_error, g_free);
  g_signal_group_set_target (self->engine_signals, session != NULL ? pd_session_get_sync_engine (session) : NULL);
  pd_sync_status_set_session (self->sync_status, session);
  pd_alerts_button_set_session (self->alerts_button, session);
  pd_session_banners_set_session (self->banners, session);
  pd_account_summary_set_session (self->account_summary, session);
  if (session == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (session_sections); i++)
    {
      GtkWidget *page = session_sections[i].new_page (session);

      gtk_stack_add_titled (self->sections, page, session_sections[i].name, _(session_sections[i].title));
      gtk_stack_page_set_icon_name (gtk_stack_get_page (self->sections, page), session_sections[i].icon_name);
      if (session_sections[i].permission != NULL)
        pd_permission_gate (page, session, session_sections[i].permission, PD_PERMISSION_GATE_HIDE);
    }
  /* A session opens on Clients. */
  pd_session_view_show_page (self, "clients");
  sync_state_changed_cb (self);
}

/* The sections are few and fixed, so a GtkListBox over the stack's own page model is
 * enough; unlike a list view it does not select on hover. */
static GtkWidget *
create_sidebar_row (gpointer item,
                    gpointer user_data)
{
  GtkStackPage *page = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *label = gtk_label_new (NULL);

  g_object_bind_property (page, "icon-name", icon, "icon-name", G_BINDING_SYNC_CREATE);
  g_object_bind_property (page, "title", label, "label", G_BINDING_SYNC_CREATE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* A section the role may not read is hidden, and so is its row. (GtkStackPage:visible
   * does not follow the child's visibility in GTK 4.8: bind to the child itself.) */
  g_object_bind_property (gtk_stack_page_get_child (page), "visible", row, "visible", G_BINDING_SYNC_CREATE);

  return row;
}

static void
sidebar_row_activated_cb (PdSessionView *self,
                          GtkListBoxRow *row)
{
  g_autoptr(GtkSelectionModel) pages = gtk_stack_get_pages (self->sections);
  g_autoptr(GObject) page = g_list_model_get_item (G_LIST_MODEL (pages), gtk_list_box_row_get_index (row));

  /* Choosing a section again starts it afresh: whatever was pushed over it goes. */
  pd_session_view_show_page (self, gtk_stack_page_get_name (GTK_STACK_PAGE (page)));
}

static void
visible_section_changed_cb (PdSessionView *self)
{
  g_autoptr(GtkSelectionModel) pages = gtk_stack_get_pages (self->sections);

  update_title (self);
  /* Keep the sidebar's selection on the section shown, however it was chosen. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    if (gtk_selection_model_is_selected (pages, i))
      gtk_list_box_select_row (self->sidebar, gtk_list_box_get_row_at_index (self->sidebar, i));
}

static void
show_page_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  pd_session_view_show_page (PD_SESSION_VIEW (widget), g_variant_get_string (parameter, NULL));
}

static void
show_client_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  const char *organization_id, *service_id;

  g_variant_get (parameter, "(&s&s)", &organization_id, &service_id);
  pd_session_view_show_client (PD_SESSION_VIEW (widget), organization_id, service_id);
}

static void
authorize_service_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  PdSessionView *self = PD_SESSION_VIEW (widget);
  const char *organization_id, *service_id;

  g_variant_get (parameter, "(&s&s)", &organization_id, &service_id);
  if (self->session != NULL)
    pd_authorize_wizard_present (widget, self->session, organization_id, service_id);
}

static void
show_account_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  const char *organization_id, *service_id, *account_id;

  g_variant_get (parameter, "(&s&s&s)", &organization_id, &service_id, &account_id);
  pd_session_view_show_account (PD_SESSION_VIEW (widget), organization_id, service_id, account_id);
}

static void
map_client_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  pd_mapping_dialog_present (widget, PD_SESSION_VIEW (widget)->session, g_variant_get_string (parameter, NULL));
}

static void
delegate_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  const char *organization_id, *service_id;

  g_variant_get (parameter, "(&s&s)", &organization_id, &service_id);
  pd_delegate_activate (widget, pd_session_view_get_session (PD_SESSION_VIEW (widget)), action_name,
                        organization_id, service_id);
}

static void
show_toast_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  pd_session_view_show_toast (PD_SESSION_VIEW (widget), g_variant_get_string (parameter, NULL));
}

static void
show_error_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  const char *title, *details;

  g_variant_get (parameter, "(&s&s)", &title, &details);
  pd_session_view_show_error (PD_SESSION_VIEW (widget), title, details);
}

static void
show_error_details_activated (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  const char *title, *details;
  GtkWidget *dialog;

  g_variant_get (parameter, "(&s&s)", &title, &details);
  dialog = pd_error_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), title, details);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_client_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PdSessionView *self = PD_SESSION_VIEW (widget);

  if (self->session != NULL)
    pd_new_client_open (widget, self->session);
}

static void
go_back_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  pd_session_view_go_back (PD_SESSION_VIEW (widget));
}

static void
refresh_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  pd_sync_status_refresh (PD_SESSION_VIEW (widget)->sync_status);
}

/* The mouse's back button, wherever the pointer is in the view */
static void
back_button_pressed_cb (GtkGestureClick *gesture,
                        int              n_press,
                        double           x,
                        double           y,
                        PdSessionView   *self)
{
  if (pd_session_view_go_back (self))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
pd_session_view_dispose (GObject *object)
{
  PdSessionView *self = PD_SESSION_VIEW (object);

  if (self->engine_signals != NULL)
    g_signal_group_set_target (self->engine_signals, NULL);
  g_clear_object (&self->engine_signals);
  /* Unbind before the stack behind the model goes. */
  if (self->sidebar != NULL)
    gtk_list_box_bind_model (self->sidebar, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_SESSION_VIEW);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pd_session_view_parent_class)->dispose (object);
}

static void
pd_session_view_finalize (GObject *object)
{
  PdSessionView *self = PD_SESSION_VIEW (object);

  g_free (self->toasted_error);

  G_OBJECT_CLASS (pd_session_view_parent_class)->finalize (object);
}

static void
pd_session_view_class_init (PdSessionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_session_view_dispose;
  object_class->finalize = pd_session_view_finalize;

  g_type_ensure (PD_TYPE_PAGE_STACK);
  g_type_ensure (PD_TYPE_SESSION_BANNERS);
  g_type_ensure (PD_TYPE_SYNC_STATUS);
  g_type_ensure (PD_TYPE_ALERTS_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/shell/pd-session-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PdSessionView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PdSessionView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PdSessionView, sidebar_pane);
  gtk_widget_class_bind_template_child (widget_class, PdSessionView, content_pane);
  gtk_widget_class_bind_template_child (widget_class, PdSessionView, sidebar);
  gtk_widget_class_bind_template_child (widget_class, PdSessionView, account_title);
  gtk_widget_class_bind_template_child (widget_class, PdSessionView, menu_button);
  gtk_widget_class_bind_template_child (widget_class, PdSessionView, content_title);
  gtk_widget_class_bind_template_child (widget_class, PdSessionView, back_button);
  gtk_widget_class_bind_template_child (widget_class, PdSessionView, sync_status);
  gtk_widget_class_bind_template_child (widget_class, PdSessionView, alerts_button);
  gtk_widget_class_bind_template_child (widget_class, PdSessionView, banners);
  gtk_widget_class_bind_template_child (widget_class, PdSessionView, page_stack);
  gtk_widget_class_bind_template_callback (widget_class, update_navigation);
  gtk_widget_class_bind_template_callback (widget_class, update_title);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);

  /* Pages activate these with gtk_widget_activate_action (page, "win.…"): the lookup
   * goes up the widget tree and finds them here, before the window's own "win" group. */
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_activated);
  gtk_widget_class_install_action (widget_class, "win.show-client", "(ss)", show_client_activated);
  gtk_widget_class_install_action (widget_class, "win.show-account", "(sss)", show_account_activated);
  gtk_widget_class_install_action (widget_class, "win.map-client", "s", map_client_activated);
  gtk_widget_class_install_action (widget_class, "win.authorize-service", "(ss)", authorize_service_activated);
  gtk_widget_class_install_action (widget_class, "win.show-toast", "s", show_toast_activated);
  gtk_widget_class_install_action (widget_class, "win.show-error", "(ss)", show_error_activated);
  gtk_widget_class_install_action (widget_class, "win.show-error-details", "(ss)", show_error_details_activated);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_activated);
  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_activated);
  gtk_widget_class_install_action (widget_class, "win.new-client", NULL, new_client_activated);
  gtk_widget_class_install_action (widget_class, "win.invite-client-admin", "(ss)", delegate_activated);
  gtk_widget_class_install_action (widget_class, "win.resend-client-invite", "(ss)", delegate_activated);
  gtk_widget_class_install_action (widget_class, "win.change-client-invite", "(ss)", delegate_activated);
  gtk_widget_class_install_action (widget_class, "win.cancel-client-invite", "(ss)", delegate_activated);

  /* Bubble phase: a search entry's Escape, or a page's own keys, come first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "win.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-client", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pd_session_view_init (PdSessionView *self)
{
  g_autoptr(GtkSelectionModel) pages = NULL;
  GtkGesture *back_gesture;
  GtkWidget *popover;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->sections = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->sections, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  g_signal_connect_object (self->sections, "notify::visible-child",
                           G_CALLBACK (visible_section_changed_cb), self, G_CONNECT_SWAPPED);
  pd_page_stack_set_root (self->page_stack, GTK_WIDGET (self->sections));
  pages = gtk_stack_get_pages (self->sections);
  gtk_list_box_bind_model (self->sidebar, G_LIST_MODEL (pages), create_sidebar_row, NULL, NULL);

  popover = GTK_WIDGET (gtk_menu_button_get_popover (self->menu_button));
  self->account_summary = PD_ACCOUNT_SUMMARY (pd_account_summary_new ());
  gtk_popover_menu_add_child (GTK_POPOVER_MENU (popover), GTK_WIDGET (self->account_summary), "account");
  g_object_bind_property (self->account_summary, "title", self->account_title, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->account_summary, "subtitle", self->account_title, "subtitle", G_BINDING_SYNC_CREATE);

  back_gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (back_gesture), 8);
  g_signal_connect_object (back_gesture, "pressed", G_CALLBACK (back_button_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (back_gesture));

  self->engine_signals = g_signal_group_new (PD_TYPE_SYNC_ENGINE);
  g_signal_group_connect_swapped (self->engine_signals, "notify::state", G_CALLBACK (sync_state_changed_cb), self);

  update_navigation (self);
}

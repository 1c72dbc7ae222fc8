/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "pd-client-figures.h"
#include "pd-client-section.h"
#include "pd-clients-page-private.h"
#include "pd-models.h"
#include "pd-permission-gate.h"
#include "pd-widgets-style.h"

G_DEFINE_FINAL_TYPE (PdClientsPage, pd_clients_page, ADW_TYPE_BIN)

enum { PROP_0, PROP_SESSION, PROP_SORT, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* Opening a client's data (its accounts) is what a locked tile cannot do. */
#define OPEN_CLIENT_PERMISSION "accounts.read"

PdSession *
pd_clients_page_get_session (PdClientsPage *self)
{
  g_return_val_if_fail (PD_IS_CLIENTS_PAGE (self), NULL);
  return self->session;
}

static void
update_count (PdClientsPage *self)
{
  guint total = g_list_model_get_n_items (pd_session_get_organizations (self->session));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  gboolean narrowed = pd_clients_filter_get_active (self->filter)
                      || pd_clients_filter_get_search (self->filter)[0] != '\0';
  g_autofree char *text = NULL;

  if (narrowed)
    /* Translators: "42 of 10,000 clients"; the numbers are formatted for the locale */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u of %'u client", "%'u of %'u clients", total),
                            shown, total);
  else
    /* Translators: the number of clients, formatted for the locale */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u client", "%'u clients", total), total);
  gtk_label_set_label (self->count_label, text);
  gtk_widget_set_visible (self->clear_button, narrowed && shown > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "clients.escape", narrowed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "clients.export", shown > 0);

  if (shown > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else
    {
      if (total == 0)
        {
          adw_status_page_set_icon_name (self->empty_page, "system-users-symbolic");
          adw_status_page_set_title (self->empty_page, _("No Clients Yet"));
          adw_status_page_set_description (self->empty_page,
                                           _("Your clients appear here once the portal lists them."));
        }
      else
        {
          adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
          adw_status_page_set_title (self->empty_page, _("No Matching Clients"));
          adw_status_page_set_description (self->empty_page, _("Try another search, or clear the filters."));
        }
      gtk_widget_set_visible (self->empty_clear_button, total > 0 && narrowed);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
}

static void
update_role_lock (PdClientsPage *self)
{
  g_autofree char *reason = NULL;

  /* Until /me is known nothing is locked: the portal refuses anyway, and a page that
   * flashes locks at start-up would be worse. */
  if (pd_session_get_me (self->session) != NULL
      && !pd_session_has_permission (self->session, OPEN_CLIENT_PERMISSION))
    reason = pd_permission_explain_missing (self->session, OPEN_CLIENT_PERMISSION);
  if (g_strcmp0 (reason, self->role_lock) == 0)
    return;
  g_free (self->role_lock);
  self->role_lock = g_steal_pointer (&reason);
  for (guint i = 0; i < self->sections->len; i++)
    pd_client_section_set_role_lock (g_ptr_array_index (self->sections, i), self->role_lock);
}

/* Organizations change in place during a sync without items-changed; once it is done, the
 * filter and the order are checked again (only when they depend on anything). */
static void
sync_state_cb (PdClientsPage *self)
{
  PdSyncEngine *engine = pd_session_get_sync_engine (self->session);

  if (engine == NULL || pd_sync_engine_get_state (engine) != PD_SYNC_STATE_UP_TO_DATE)
    return;
  /* Not the user's doing: the list keeps its place. */
  self->refreshing = TRUE;
  if (gtk_filter_get_strictness (GTK_FILTER (self->filter)) != GTK_FILTER_MATCH_ALL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
  self->refreshing = FALSE;
}

static void
session_notify_cb (PdClientsPage *self,
                   GParamSpec    *pspec)
{
  if (g_str_equal (pspec->name, "me"))
    update_role_lock (self);
}

/* The search keys are folded once per client and cached; folding them all at the first
 * keystroke would cost that keystroke more than a frame with 10,000 clients, so they are
 * folded ahead, a slice at a time when the main loop is idle. */
#define WARM_UP_SLICE 400

static gboolean
warm_up_cb (gpointer data)
{
  PdClientsPage *self = data;
  GListModel *organizations = pd_session_get_organizations (self->session);
  guint n = g_list_model_get_n_items (organizations);
  guint end = MIN (n, self->warm_up_next + WARM_UP_SLICE);

  for (; self->warm_up_next < end; self->warm_up_next++)
    {
      g_autoptr(PdOrganization) org = g_list_model_get_item (organizations, self->warm_up_next);

      pd_client_get_search_key (org);
    }
  if (self->warm_up_next < n)
    return G_SOURCE_CONTINUE;
  self->warm_up_id = 0;
  return G_SOURCE_REMOVE;
}

static void
start_warm_up (PdClientsPage *self)
{
  self->warm_up_next = 0;
  if (self->warm_up_id == 0)
    self->warm_up_id = g_idle_add_full (G_PRIORITY_LOW, warm_up_cb, self, NULL);
}

/* List rows */

/* GTK 4.8's grid view destroys the rows it releases (a search that narrows to a few
 * clients releases most), and a section with its tiles is costly to build: released
 * sections wait here for the next row instead. */
#define MAX_SPARE_SECTIONS 40

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              PdClientsPage            *self)
{
  GtkWidget *section;

  if (self->spare_sections->len > 0)
    section = g_ptr_array_steal_index_fast (self->spare_sections, self->spare_sections->len - 1);
  else
    section = g_object_ref_sink (pd_client_section_new ());

  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
  pd_client_section_set_role_lock (PD_CLIENT_SECTION (section), self->role_lock);
  pd_client_section_set_session (PD_CLIENT_SECTION (section), self->session);
  pd_client_section_set_list_item (PD_CLIENT_SECTION (section), item);
  gtk_list_item_set_child (item, section);
  g_ptr_array_add (self->sections, section);
  g_object_unref (section);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             PdClientsPage            *self)
{
  pd_client_section_set_organization (PD_CLIENT_SECTION (gtk_list_item_get_child (item)),
                                      gtk_list_item_get_item (item));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               PdClientsPage            *self)
{
  pd_client_section_set_organization (PD_CLIENT_SECTION (gtk_list_item_get_child (item)), NULL);
}

static void
teardown_row_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 PdClientsPage            *self)
{
  GtkWidget *section = gtk_list_item_get_child (item);

  if (section != NULL)
    {
      pd_client_section_set_list_item (PD_CLIENT_SECTION (section), NULL);
      g_ptr_array_remove_fast (self->sections, section);
      if (self->spare_sections != NULL && self->spare_sections->len < MAX_SPARE_SECTIONS)
        g_ptr_array_add (self->spare_sections, g_object_ref (section));
    }
  gtk_list_item_set_child (item, NULL);
}

/* Search */

static void
search_changed_cb (PdClientsPage *self)
{
  pd_clients_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* Enter in the search opens the first client's first tile, as in a launcher. */
static void
search_activate_cb (PdClientsPage *self)
{
  search_changed_cb (self);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0)
    gtk_widget_child_focus (GTK_WIDGET (self->list_view), GTK_DIR_TAB_FORWARD);
}

static gboolean
clear_step (PdClientsPage *self)
{
  if (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0'
      || pd_clients_filter_get_search (self->filter)[0] != '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      pd_clients_filter_set_search (self->filter, "");
      return TRUE;
    }
  if (pd_clients_filter_get_active (self->filter))
    {
      pd_clients_filter_clear (self->filter);
      return TRUE;
    }
  return FALSE;
}

/* Escape clears the search first, then the filters. */
static void
stop_search_cb (PdClientsPage *self)
{
  clear_step (self);
}

static void
escape_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  clear_step (PD_CLIENTS_PAGE (widget));
}

/* "left", "right", "up", "down": what the arrow keys do, for tests and accessibility tools */
static void
move_focus_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  const char *names[] = { "left", "right", "up", "down" };
  GtkDirectionType directions[] = { GTK_DIR_LEFT, GTK_DIR_RIGHT, GTK_DIR_UP, GTK_DIR_DOWN };
  const char *name = g_variant_get_string (parameter, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (name, names[i]))
      pd_clients_page_move_focus (PD_CLIENTS_PAGE (widget), directions[i]);
}

/* Actions */

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PdClientsPage *self = PD_CLIENTS_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  pd_clients_filter_clear (PD_CLIENTS_PAGE (widget)->filter);
}

static void
clear_all_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PdClientsPage *self = PD_CLIENTS_PAGE (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  pd_clients_filter_set_search (self->filter, "");
  pd_clients_filter_clear (self->filter);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  pd_clients_page_export (PD_CLIENTS_PAGE (widget));
}

static void
save_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  pd_clients_page_save_view (PD_CLIENTS_PAGE (widget));
}

static void
apply_view_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  pd_clients_page_apply_view (PD_CLIENTS_PAGE (widget), g_variant_get_string (parameter, NULL));
}

static void
delete_view_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  pd_clients_page_delete_view (PD_CLIENTS_PAGE (widget), g_variant_get_string (parameter, NULL));
}

/* A new search, filter or order shows its first clients, not the old scroll position. The
 * list keeps its anchor item through a re-sort, wherever that went, and measures the new rows
 * only when it lays them out: so this waits for the next frame. */
static gboolean
scroll_to_top_tick_cb (GtkWidget     *widget,
                       GdkFrameClock *clock,
                       gpointer       user_data)
{
  PdClientsPage *self = user_data;
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->list_view));

  self->scroll_tick = 0;
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", 0);
  if (adjustment != NULL)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
  return G_SOURCE_REMOVE;
}

static void
scroll_to_top (PdClientsPage *self)
{
  if (self->refreshing || self->scroll_tick != 0)
    return;
  self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view), scroll_to_top_tick_cb, self, NULL);
}

static void
filter_changed_cb (PdClientsPage *self)
{
  pd_clients_page_sync_filter_checks (self);
  update_count (self);
  scroll_to_top (self);
}

static void
sorter_order_cb (PdClientsPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT]);
  scroll_to_top (self);
}

/* Template callbacks of the saved-view popover live in pd-clients-page-controls.c. */
static void
view_name_activate_cb (PdClientsPage *self)
{
  pd_clients_page_save_view (self);
}

static void
view_name_changed_cb (PdClientsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->view_name_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "clients.save-view", stripped[0] != '\0');
}

/* The wizard belongs to the window (win.new-client, also Ctrl+N) */
static void
new_client_clicked_cb (PdClientsPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.new-client", NULL);
}

/* GObject */

static void
pd_clients_page_constructed (GObject *object)
{
  PdClientsPage *self = PD_CLIENTS_PAGE (object);
  g_autoptr(GtkListItemFactory) factory = NULL;
  GListModel *organizations;

  G_OBJECT_CLASS (pd_clients_page_parent_class)->constructed (object);

  g_assert (self->session != NULL);
  organizations = pd_session_get_organizations (self->session);

  /* Sorted once, then filtered: a keystroke costs one pass of the filter, never a sort. */
  self->sort_model = gtk_sort_list_model_new (g_object_ref (organizations),
                                              GTK_SORTER (g_object_ref (self->sorter)));
  self->filter_model = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->sort_model)),
                                                  GTK_FILTER (g_object_ref (self->filter)));
  g_signal_connect_object (self->filter_model, "items-changed", G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (organizations, "items-changed", G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (organizations, "items-changed", G_CALLBACK (start_warm_up), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  g_signal_connect (factory, "teardown", G_CALLBACK (teardown_row_cb), self);
  gtk_grid_view_set_factory (self->list_view, factory);
  self->first_screen = pd_clients_first_screen_new (G_LIST_MODEL (self->filter_model), GTK_WIDGET (self->list_view));
  gtk_grid_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (pd_clients_first_screen_get_model (self->first_screen)))));

  self->session_signals = g_signal_group_new (PD_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify", G_CALLBACK (session_notify_cb), self);
  g_signal_group_set_target (self->session_signals, self->session);
  self->sync_signals = g_signal_group_new (PD_TYPE_SYNC_ENGINE);
  g_signal_group_connect_swapped (self->sync_signals, "notify::state", G_CALLBACK (sync_state_cb), self);
  g_signal_group_set_target (self->sync_signals, pd_session_get_sync_engine (self->session));

  update_role_lock (self);
  update_count (self);
  start_warm_up (self);
  pd_permission_gate (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), PD_TYPE_CLIENTS_PAGE, "new_client_button")),
                      self->session, "organizations.write", PD_PERMISSION_GATE_DISABLE);
}

static void
pd_clients_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PdClientsPage *self = PD_CLIENTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_SORT:
      {
        g_autoptr(GEnumClass) klass = g_type_class_ref (PD_TYPE_CLIENTS_SORT_ORDER);

        g_value_set_string (value, g_enum_get_value (klass, pd_clients_sorter_get_order (self->sorter))->value_nick);
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_clients_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PdClientsPage *self = PD_CLIENTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    case PROP_SORT:
      {
        g_autoptr(GEnumClass) klass = g_type_class_ref (PD_TYPE_CLIENTS_SORT_ORDER);
        const char *nick = g_value_get_string (value);
        GEnumValue *order = nick != NULL ? g_enum_get_value_by_nick (klass, nick) : NULL;

        if (order != NULL)
          pd_clients_sorter_set_order (self->sorter, order->value);
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_clients_page_dispose (GObject *object)
{
  PdClientsPage *self = PD_CLIENTS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->warm_up_id, g_source_remove);
  pd_clients_page_keynav_dispose (self);
  if (self->scroll_tick != 0 && self->list_view != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->scroll_tick);
  self->scroll_tick = 0;
  if (self->list_view != NULL)
    gtk_grid_view_set_model (self->list_view, NULL);
  g_clear_pointer (&self->first_screen, pd_clients_first_screen_free);
  if (self->spare_sections != NULL)
    g_ptr_array_set_size (self->spare_sections, 0);
  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  if (self->sorter != NULL)
    g_signal_handlers_disconnect_by_data (self->sorter, self);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_CLIENTS_PAGE);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->sync_signals);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->sorter);
  g_clear_object (&self->settings);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (pd_clients_page_parent_class)->dispose (object);
}

static void
pd_clients_page_finalize (GObject *object)
{
  PdClientsPage *self = PD_CLIENTS_PAGE (object);

  g_clear_object (&self->cancellable);
  g_ptr_array_unref (self->sections);
  g_clear_pointer (&self->spare_sections, g_ptr_array_unref);
  g_clear_pointer (&self->filter_checks, g_ptr_array_unref);
  g_free (self->role_lock);
  G_OBJECT_CLASS (pd_clients_page_parent_class)->finalize (object);
}

static void
pd_clients_page_class_init (PdClientsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pd_clients_page_constructed;
  object_class->get_property = pd_clients_page_get_property;
  object_class->set_property = pd_clients_page_set_property;
  object_class->dispose = pd_clients_page_dispose;
  object_class->finalize = pd_clients_page_finalize;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PD_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The sort order by its name ("worst-status"), for the menu's radio items */
  properties[PROP_SORT] =
    g_param_spec_string ("sort", NULL, NULL, "name",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/clients/pd-clients-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PdClientsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PdClientsPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, PdClientsPage, sort_button);
  gtk_widget_class_bind_template_child (widget_class, PdClientsPage, views_button);
  gtk_widget_class_bind_template_child (widget_class, PdClientsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, PdClientsPage, clear_button);
  gtk_widget_class_bind_template_child (widget_class, PdClientsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PdClientsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, PdClientsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PdClientsPage, empty_clear_button);
  gtk_widget_class_bind_template_child (widget_class, PdClientsPage, filter_box);
  gtk_widget_class_bind_template_child (widget_class, PdClientsPage, views_popover);
  gtk_widget_class_bind_template_child (widget_class, PdClientsPage, view_name_entry);
  gtk_widget_class_bind_template_child (widget_class, PdClientsPage, save_view_button);
  gtk_widget_class_bind_template_child (widget_class, PdClientsPage, no_views_label);
  gtk_widget_class_bind_template_child (widget_class, PdClientsPage, views_list);
  /* Reached with gtk_widget_get_template_child(): only its gate needs it */
  gtk_widget_class_bind_template_child_full (widget_class, "new_client_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_client_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_name_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_name_changed_cb);

  gtk_widget_class_install_action (widget_class, "clients.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "clients.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "clients.clear-all", NULL, clear_all_action);
  gtk_widget_class_install_action (widget_class, "clients.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "clients.save-view", NULL, save_view_action);
  gtk_widget_class_install_action (widget_class, "clients.apply-view", "s", apply_view_action);
  gtk_widget_class_install_action (widget_class, "clients.delete-view", "s", delete_view_action);
  gtk_widget_class_install_action (widget_class, "clients.escape", NULL, escape_action);
  gtk_widget_class_install_action (widget_class, "clients.move-focus", "s", move_focus_action);
  gtk_widget_class_install_property_action (widget_class, "clients.sort", "sort");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "clients.search", NULL);
  /* Disabled while there is nothing to clear, so the key goes on to the window. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "clients.escape", NULL);
}

static void
pd_clients_page_init (PdClientsPage *self)
{
  /* The page's style; its filter icon is in the application's icon path (clients.gresource.xml) */
  pd_style_ensure (RESOURCE_BASE_PATH "/clients/clients.css");

  /* Before the template: its sort menu reads the "sort" property at once. */
  self->cancellable = g_cancellable_new ();
  self->sections = g_ptr_array_new ();
  self->spare_sections = g_ptr_array_new_with_free_func (g_object_unref);
  self->settings = g_settings_new (BASE_APPLICATION_ID);
  self->filter = pd_clients_filter_new ();
  self->sorter = pd_clients_sorter_new (PD_CLIENTS_SORT_NAME);

  g_type_ensure (PD_TYPE_CLIENT_SECTION);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->filter, "changed", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->sorter, "notify::order", G_CALLBACK (sorter_order_cb), self);

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  pd_clients_page_controls_init (self);
  pd_clients_page_keynav_init (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "clients.save-view", FALSE);
}

GtkWidget *
pd_clients_page_new (PdSession *session)
{
  g_return_val_if_fail (PD_IS_SESSION (session), NULL);
  return g_object_new (PD_TYPE_CLIENTS_PAGE, "session", session, NULL);
}

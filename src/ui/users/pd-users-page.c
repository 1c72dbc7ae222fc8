/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-models.h"
#include "pd-permission-gate.h"
#include "pd-user-edit-dialog.h"
#include "pd-user-new-dialog.h"
#include "pd-user-row.h"
#include "pd-users-page-private.h"
#include "pd-widgets-style.h"

/* The list is the session's users list seen through a filter and a sorter: nothing is
 * copied, a sync shows at once, and only the visible rows exist. */

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (PdUsersPage, pd_users_page, ADW_TYPE_BIN)

static gboolean
contains_folded (const char *text,
                 const char *folded_query)
{
  g_autofree char *folded = g_utf8_casefold (text != NULL ? text : "", -1);

  return strstr (folded, folded_query) != NULL;
}

static gboolean
user_matches (gpointer item,
              gpointer user_data)
{
  PdUsersPage *self = user_data;
  PdUser *user = item;
  guint selected = gtk_drop_down_get_selected (self->role_dropdown);
  const char *role_id = selected < self->role_ids->len ? g_ptr_array_index (self->role_ids, selected) : NULL;

  if (role_id != NULL && g_strcmp0 (pd_user_get_role_id (user), role_id) != 0)
    return FALSE;
  if (self->query == NULL || self->query[0] == '\0')
    return TRUE;
  return contains_folded (pd_user_get_name (user), self->query) ||
         contains_folded (pd_user_get_email (user), self->query);
}

static void
update_state (PdUsersPage *self)
{
  guint total = g_list_model_get_n_items (pd_session_get_users (self->session));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autofree char *count = NULL;

  if (!pd_session_has_permission (self->session, "users.read"))
    {
      g_autofree char *why = pd_permission_explain_missing (self->session, "users.read");

      adw_status_page_set_description (self->forbidden_page, why);
      gtk_stack_set_visible_child_name (self->stack, "forbidden");
      gtk_label_set_text (self->count_label, "");
      return;
    }
  if (total == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->stack, "no-match");
  else
    gtk_stack_set_visible_child_name (self->stack, "list");

  if (shown == total)
    /* Translators: %u is a number of partner users */
    count = g_strdup_printf (ngettext ("%u user", "%u users", total), total);
  else
    /* Translators: “Showing 3 of 15 users” */
    count = g_strdup_printf (ngettext ("Showing %u of %u user", "Showing %u of %u users", total), shown, total);
  gtk_label_set_text (self->count_label, count);
}

static void
refilter (PdUsersPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_state (self);
}

static void
search_changed_cb (PdUsersPage *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  GtkStringObject *role = gtk_drop_down_get_selected_item (self->role_dropdown);
  gboolean by_role = gtk_drop_down_get_selected (self->role_dropdown) > 0 && role != NULL;
  g_autofree char *description = NULL;

  g_free (self->query);
  self->query = g_utf8_casefold (text, -1);
  if (text[0] != '\0' && by_role)
    /* Translators: the first %s is a role name, the second what was typed into the search */
    description = g_strdup_printf (_("Nobody with the role “%s” has “%s” in their name or e-mail address."),
                                   gtk_string_object_get_string (role), text);
  else if (text[0] != '\0')
    /* Translators: %s is what was typed into the search */
    description = g_strdup_printf (_("Nobody has “%s” in their name or e-mail address."), text);
  else if (by_role)
    /* Translators: %s is a role name */
    description = g_strdup_printf (_("Nobody has the role “%s”."), gtk_string_object_get_string (role));
  adw_status_page_set_description (self->no_match_page, description);
  refilter (self);
}

static void
stop_search_cb (PdUsersPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
role_selected_cb (PdUsersPage *self)
{
  search_changed_cb (self);
}

static void
clear_filters_cb (PdUsersPage *self)
{
  gtk_drop_down_set_selected (self->role_dropdown, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* The role filter offers the partner's roles; a chosen role stays chosen across syncs. */
static void
roles_changed_cb (PdUsersPage *self)
{
  GListModel *roles = pd_session_get_roles (self->session);
  guint selected = gtk_drop_down_get_selected (self->role_dropdown);
  g_autofree char *chosen = NULL;
  guint n = g_list_model_get_n_items (roles);
  guint keep = 0;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  if (selected < self->role_ids->len)
    chosen = g_strdup (g_ptr_array_index (self->role_ids, selected));
  g_ptr_array_set_size (self->role_ids, 0);
  g_ptr_array_add (self->role_ids, NULL);
  g_strv_builder_add (names, _("All roles"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PdRole) role = g_list_model_get_item (roles, i);

      g_ptr_array_add (self->role_ids, g_strdup (pd_resource_get_id (PD_RESOURCE (role))));
      g_strv_builder_add (names, pd_role_get_name (role));
      if (g_strcmp0 (chosen, pd_resource_get_id (PD_RESOURCE (role))) == 0)
        keep = i + 1;
    }
  strv = g_strv_builder_end (names);
  g_signal_handlers_block_by_func (self->role_dropdown, role_selected_cb, self);
  gtk_string_list_splice (self->role_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->role_names)),
                          (const char * const *) strv);
  gtk_drop_down_set_selected (self->role_dropdown, keep);
  g_signal_handlers_unblock_by_func (self->role_dropdown, role_selected_cb, self);
  refilter (self);
}

static gboolean
focus_search (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  PdUsersPage *self = PD_USERS_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return TRUE;
}

static void
new_clicked_cb (PdUsersPage *self)
{
  GtkWindow *dialog = pd_user_new_dialog_new (self->session, GTK_WIDGET (self));

  gtk_window_present (dialog);
}

static void
user_activated_cb (PdUsersPage *self,
                   guint        position)
{
  g_autoptr(PdUser) user = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);
  GtkWindow *dialog;

  if (user == NULL)
    return;
  dialog = pd_user_edit_dialog_new (self->session, user, GTK_WIDGET (self));
  gtk_window_present (dialog);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              PdUsersPage              *self)
{
  gtk_list_item_set_child (item, pd_user_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             PdUsersPage              *self)
{
  pd_user_row_set_user (PD_USER_ROW (gtk_list_item_get_child (item)), gtk_list_item_get_item (item),
                        pd_session_get_groups (self->session));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               PdUsersPage              *self)
{
  pd_user_row_set_user (PD_USER_ROW (gtk_list_item_get_child (item)), NULL, NULL);
}

static void
pd_users_page_constructed (GObject *object)
{
  PdUsersPage *self = PD_USERS_PAGE (object);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;
  GtkStringSorter *sorter;

  G_OBJECT_CLASS (pd_users_page_parent_class)->constructed (object);

  self->filter = gtk_custom_filter_new (user_matches, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (pd_session_get_users (self->session)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  sorter = gtk_string_sorter_new (gtk_property_expression_new (PD_TYPE_USER, NULL, "name"));
  gtk_string_sorter_set_ignore_case (sorter, TRUE);
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)), GTK_SORTER (sorter));
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);

  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (pd_session_get_users (self->session), "items-changed", G_CALLBACK (update_state),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (pd_session_get_roles (self->session), "items-changed", G_CALLBACK (roles_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::me", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  pd_permission_gate (self->new_button, self->session, "users.write", PD_PERMISSION_GATE_DISABLE);
  pd_permission_gate (self->empty_new_button, self->session, "users.write", PD_PERMISSION_GATE_DISABLE);
  roles_changed_cb (self);
  search_changed_cb (self);
}

static void
pd_users_page_dispose (GObject *object)
{
  PdUsersPage *self = PD_USERS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_USERS_PAGE);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pd_users_page_parent_class)->dispose (object);
}

static void
pd_users_page_finalize (GObject *object)
{
  PdUsersPage *self = PD_USERS_PAGE (object);

  g_ptr_array_unref (self->role_ids);
  g_free (self->query);

  G_OBJECT_CLASS (pd_users_page_parent_class)->finalize (object);
}

static void
pd_users_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PdUsersPage *self = PD_USERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_users_page_class_init (PdUsersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pd_users_page_constructed;
  object_class->dispose = pd_users_page_dispose;
  object_class->finalize = pd_users_page_finalize;
  object_class->set_property = pd_users_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PD_TYPE_SESSION,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/users/pd-users-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PdUsersPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PdUsersPage, role_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PdUsersPage, role_names);
  gtk_widget_class_bind_template_child (widget_class, PdUsersPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, PdUsersPage, empty_new_button);
  gtk_widget_class_bind_template_child (widget_class, PdUsersPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, PdUsersPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PdUsersPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, PdUsersPage, no_match_page);
  gtk_widget_class_bind_template_child (widget_class, PdUsersPage, forbidden_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, role_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_filters_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, user_activated_cb);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, focus_search, NULL);

  pd_style_ensure (RESOURCE_BASE_PATH "/users/users.css");
}

static void
pd_users_page_init (PdUsersPage *self)
{
  self->role_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Typing anywhere on the page searches */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}

GtkWidget *
pd_users_page_new (PdSession *session)
{
  g_return_val_if_fail (PD_IS_SESSION (session), NULL);

  return g_object_new (PD_TYPE_USERS_PAGE, "session", session, NULL);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "pd-roles"

#include "config.h"

#include "pd-permission-gate.h"
#include "pd-role-editor.h"
#include "pd-role-row.h"
#include "pd-role-rules.h"
#include "pd-roles-page.h"
#include "pd-widgets-style.h"

struct _PdRolesPage
{
  AdwBin              parent_instance;

  PdSession          *session;
  GtkFilterListModel *filtered;
  GtkStringFilter    *search_filter;
  GtkSorter          *sorter;

  GtkSearchEntry     *search_entry;
  GtkButton          *new_button;
  GtkStack           *stack;
  GtkListView        *list_view;
  AdwStatusPage      *forbidden_page;
};

G_DEFINE_FINAL_TYPE (PdRolesPage, pd_roles_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
pd_roles_page_new (PdSession *session)
{
  g_return_val_if_fail (PD_IS_SESSION (session), NULL);

  return g_object_new (PD_TYPE_ROLES_PAGE, "session", session, NULL);
}

static void
update_stack (PdRolesPage *self)
{
  const char *name = "list";

  if (!pd_session_has_permission (self->session, "roles.read") && pd_session_get_me (self->session) != NULL)
    {
      g_autofree char *missing = pd_permission_explain_missing (self->session, "roles.read");

      adw_status_page_set_description (self->forbidden_page, missing);
      name = "forbidden";
    }
  else if (g_list_model_get_n_items (pd_session_get_roles (self->session)) == 0)
    name = "loading";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0)
    name = "empty";
  gtk_stack_set_visible_child_name (self->stack, name);
}

static void
me_changed_cb (PdRolesPage *self)
{
  g_autofree char *why = pd_role_rules_why_not_create (self->session);

  pd_permission_gate_set_reason (GTK_WIDGET (self->new_button), why);
  update_stack (self);
}

static void
sync_state_changed_cb (PdRolesPage *self)
{
  gtk_sorter_changed (self->sorter, GTK_SORTER_CHANGE_DIFFERENT);
}

static void
search_changed_cb (PdRolesPage *self)
{
  gtk_string_filter_set_search (self->search_filter, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
new_clicked_cb (PdRolesPage *self)
{
  pd_role_editor_open (GTK_WIDGET (self), self->session, NULL, NULL);
}

static void
row_activated_cb (PdRolesPage *self,
                  guint        position)
{
  g_autoptr(PdRole) role = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (self->list_view)), position);

  if (role != NULL)
    pd_role_editor_open (GTK_WIDGET (self), self->session, role, NULL);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (item, pd_role_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             PdRolesPage              *self)
{
  pd_role_row_set_role (PD_ROLE_ROW (gtk_list_item_get_child (item)), self->session,
                        gtk_list_item_get_item (item));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  pd_role_row_set_role (PD_ROLE_ROW (gtk_list_item_get_child (item)), NULL, NULL);
}

/* Highest rank first (the order in which roles may grant each other), then by name */
static int
compare_roles (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  PdRole *role_a = (PdRole *) a;
  PdRole *role_b = (PdRole *) b;
  gint64 rank_a = pd_role_get_rank (role_a);
  gint64 rank_b = pd_role_get_rank (role_b);

  if (rank_a != rank_b)
    return rank_a > rank_b ? -1 : 1;
  return g_utf8_collate (pd_role_get_name (role_a), pd_role_get_name (role_b));
}

static void
pd_roles_page_constructed (GObject *object)
{
  PdRolesPage *self = PD_ROLES_PAGE (object);
  GListModel *roles = pd_session_get_roles (self->session);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkSortListModel *sorted;

  G_OBJECT_CLASS (pd_roles_page_parent_class)->constructed (object);

  self->search_filter = gtk_string_filter_new (gtk_property_expression_new (PD_TYPE_ROLE, NULL, "name"));
  self->filtered = gtk_filter_list_model_new (g_object_ref (roles), g_object_ref (GTK_FILTER (self->search_filter)));
  self->sorter = GTK_SORTER (gtk_custom_sorter_new (compare_roles, NULL, NULL));
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)), g_object_ref (self->sorter));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (sorted))));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (update_stack), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (roles, "items-changed", G_CALLBACK (update_stack), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::me", G_CALLBACK (me_changed_cb), self, G_CONNECT_SWAPPED);
  /* A changed rank or name arrives in place, which the sort model does not see. */
  if (pd_session_get_sync_engine (self->session) != NULL)
    g_signal_connect_object (pd_session_get_sync_engine (self->session), "notify::state",
                             G_CALLBACK (sync_state_changed_cb), self, G_CONNECT_SWAPPED);
  pd_permission_gate (GTK_WIDGET (self->new_button), self->session, "roles.write", PD_PERMISSION_GATE_DISABLE);
  me_changed_cb (self);
}

static void
pd_roles_page_dispose (GObject *object)
{
  PdRolesPage *self = PD_ROLES_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_ROLES_PAGE);
  g_clear_object (&self->filtered);
  g_clear_object (&self->search_filter);
  g_clear_object (&self->sorter);

  G_OBJECT_CLASS (pd_roles_page_parent_class)->dispose (object);
}

static void
pd_roles_page_finalize (GObject *object)
{
  PdRolesPage *self = PD_ROLES_PAGE (object);

  g_clear_object (&self->session);

  G_OBJECT_CLASS (pd_roles_page_parent_class)->finalize (object);
}

static void
pd_roles_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PdRolesPage *self = PD_ROLES_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_roles_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PdRolesPage *self = PD_ROLES_PAGE (object);

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
pd_roles_page_class_init (PdRolesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pd_roles_page_constructed;
  object_class->dispose = pd_roles_page_dispose;
  object_class->finalize = pd_roles_page_finalize;
  object_class->get_property = pd_roles_page_get_property;
  object_class->set_property = pd_roles_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PD_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  pd_style_ensure (RESOURCE_BASE_PATH "/roles/roles.css");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/roles/pd-roles-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PdRolesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PdRolesPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, PdRolesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PdRolesPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, PdRolesPage, forbidden_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
pd_roles_page_init (PdRolesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

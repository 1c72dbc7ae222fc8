/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-client-figures.h"
#include "pd-organization.h"
#include "pd-picker.h"
#include "pd-resource.h"
#include "pd-tooltip.h"
#include "pd-widgets-style.h"

struct _PdPicker
{
  AdwWindow              parent_instance;

  PdPickerDescribe       describe;
  PdPickerMatch          match;
  GObject               *data;
  GtkFilterListModel    *filtered;
  GHashTable            *chosen;  /* resource id → itself */
  char                  *query;   /* folded; NULL shows everything */

  AdwWindowTitle        *window_title;
  GtkSearchEntry        *search_entry;
  GtkStack              *stack;
  GtkListView           *list;
  GtkButton             *add_button;
};

enum {
  SIGNAL_PICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (PdPicker, pd_picker, ADW_TYPE_WINDOW)

static void
update_chosen (PdPicker *self)
{
  guint n = g_hash_table_size (self->chosen);
  g_autofree char *subtitle = NULL;

  if (n > 0)
    /* Translators: how many items of the picker are ticked */
    subtitle = g_strdup_printf (ngettext ("%u selected", "%u selected", n), n);
  adw_window_title_set_subtitle (self->window_title, subtitle != NULL ? subtitle : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "picker.add", n > 0);
}

static void
check_toggled_cb (GtkCheckButton *check,
                  PdPicker       *self)
{
  const char *id = g_object_get_data (G_OBJECT (check), "pd-id");

  if (id == NULL)
    return;
  if (gtk_check_button_get_active (check))
    g_hash_table_add (self->chosen, g_strdup (id));
  else
    g_hash_table_remove (self->chosen, id);
  update_chosen (self);
}

static GtkWidget *
row_label (GtkWidget  *box,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class != NULL)
    {
      gtk_widget_add_css_class (label, css_class);
      gtk_widget_add_css_class (label, "caption");
    }
  gtk_box_append (GTK_BOX (box), label);
  return label;
}

/* The whole row is the check button, so a click anywhere on it ticks the item and the
 * screen reader hears one checkbox named by the texts. */
static void
setup_cb (GtkListItemFactory *factory,
          GtkListItem        *item,
          PdPicker           *self)
{
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_widget_set_margin_start (box, 6);
  g_object_set_data (G_OBJECT (check), "pd-title", row_label (box, NULL));
  g_object_set_data (G_OBJECT (check), "pd-subtitle", row_label (box, "dim-label"));
  g_object_set_data (G_OBJECT (check), "pd-refusal", row_label (box, "pd-picker-refusal"));
  gtk_check_button_set_child (GTK_CHECK_BUTTON (check), box);
  g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), self);
  gtk_list_item_set_child (item, check);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
set_text (GObject    *check,
          const char *key,
          const char *text)
{
  GtkLabel *label = g_object_get_data (check, key);

  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && text[0] != '\0');
}

static void
bind_cb (GtkListItemFactory *factory,
         GtkListItem        *item,
         PdPicker           *self)
{
  GtkWidget *check = gtk_list_item_get_child (item);
  gpointer resource = gtk_list_item_get_item (item);
  const char *id = pd_resource_get_id (PD_RESOURCE (resource));
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *refusal = NULL;

  self->describe (resource, &title, &subtitle, &refusal, self->data);
  set_text (G_OBJECT (check), "pd-title", title);
  set_text (G_OBJECT (check), "pd-subtitle", subtitle);
  set_text (G_OBJECT (check), "pd-refusal", refusal);
  /* No id while the state is set: a recycled row must not tick its previous item. */
  g_object_set_data (G_OBJECT (check), "pd-id", NULL);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), refusal == NULL && g_hash_table_contains (self->chosen, id));
  gtk_widget_set_sensitive (check, refusal == NULL);
  pd_tooltip_set (check, refusal);
  g_object_set_data_full (G_OBJECT (check), "pd-id", g_strdup (id), g_free);
}

static gboolean
filter_cb (gpointer item,
           gpointer user_data)
{
  PdPicker *self = user_data;

  return self->query == NULL || self->match (item, self->query, self->data);
}

static void
items_changed_cb (PdPicker *self)
{
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0 ? "list" : "empty");
}

static void
search_changed_cb (PdPicker *self)
{
  g_autofree char *query = pd_client_fold_text (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  if (query[0] == '\0')
    g_clear_pointer (&query, g_free);
  if (g_strcmp0 (query, self->query) == 0)
    return;
  /* Typing on narrows: only the shown items need checking again. */
  if (self->query != NULL && query != NULL && strstr (query, self->query) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (query == NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  g_free (self->query);
  self->query = g_steal_pointer (&query);
  gtk_filter_changed (gtk_filter_list_model_get_filter (self->filtered), change);
}

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PdPicker *self = PD_PICKER (widget);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;
  GHashTableIter iter;
  gpointer id;

  g_hash_table_iter_init (&iter, self->chosen);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    g_strv_builder_add (builder, id);
  ids = g_strv_builder_end (builder);
  g_signal_emit (self, signals[SIGNAL_PICKED], 0, ids);
  gtk_window_destroy (GTK_WINDOW (self));
}

GtkWidget *
pd_picker_new (GtkWidget        *parent,
               const char       *title,
               const char       *search_placeholder,
               GListModel       *items,
               PdPickerDescribe  describe,
               PdPickerMatch     match,
               GObject          *data)
{
  PdPicker *self;
  GtkRoot *root;
  GtkCustomFilter *filter;
  GtkListItemFactory *factory;

  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (items), NULL);
  g_return_val_if_fail (describe != NULL && match != NULL, NULL);

  root = gtk_widget_get_root (parent);
  self = g_object_new (PD_TYPE_PICKER,
                       "transient-for", GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                       "title", title,
                       NULL);
  self->describe = describe;
  self->match = match;
  self->data = g_object_ref (data);
  adw_window_title_set_title (self->window_title, title);
  g_object_set (self->search_entry, "placeholder-text", search_placeholder, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  search_placeholder, -1);

  filter = gtk_custom_filter_new (filter_cb, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (items), GTK_FILTER (filter));
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  gtk_list_view_set_factory (self->list, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)))));
  items_changed_cb (self);
  update_chosen (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return GTK_WIDGET (self);
}

void
pd_picker_set_chosen (PdPicker           *self,
                      const char * const *ids)
{
  g_return_if_fail (PD_IS_PICKER (self));

  g_hash_table_remove_all (self->chosen);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    g_hash_table_add (self->chosen, g_strdup (ids[i]));
  /* The rows shown tick themselves again when bound. */
  gtk_filter_changed (gtk_filter_list_model_get_filter (self->filtered), GTK_FILTER_CHANGE_DIFFERENT);
  update_chosen (self);
}

void
pd_picker_set_accept_label (PdPicker   *self,
                            const char *label)
{
  g_return_if_fail (PD_IS_PICKER (self));

  gtk_button_set_label (self->add_button, label);
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return strcmp (pd_organization_get_name_key ((PdOrganization *) a),
                 pd_organization_get_name_key ((PdOrganization *) b));
}

GListModel *
pd_picker_sort_organizations (GListModel *organizations)
{
  GtkCustomSorter *sorter = gtk_custom_sorter_new (compare_names, NULL, NULL);

  return G_LIST_MODEL (gtk_sort_list_model_new (g_object_ref (organizations), GTK_SORTER (sorter)));
}

gboolean
pd_picker_match_organization (gpointer    item,
                              const char *query,
                              gpointer    data)
{
  return strstr (pd_client_get_search_key (PD_ORGANIZATION (item)), query) != NULL;
}

static void
pd_picker_dispose (GObject *object)
{
  PdPicker *self = PD_PICKER (object);

  if (self->list != NULL)
    gtk_list_view_set_model (self->list, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_PICKER);
  g_clear_object (&self->filtered);
  g_clear_object (&self->data);

  G_OBJECT_CLASS (pd_picker_parent_class)->dispose (object);
}

static void
pd_picker_finalize (GObject *object)
{
  PdPicker *self = PD_PICKER (object);

  g_hash_table_unref (self->chosen);
  g_free (self->query);

  G_OBJECT_CLASS (pd_picker_parent_class)->finalize (object);
}

static void
pd_picker_class_init (PdPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_picker_dispose;
  object_class->finalize = pd_picker_finalize;

  signals[SIGNAL_PICKED] =
    g_signal_new ("picked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRV);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/widgets/pd-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, PdPicker, window_title);
  gtk_widget_class_bind_template_child (widget_class, PdPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PdPicker, stack);
  gtk_widget_class_bind_template_child (widget_class, PdPicker, list);
  gtk_widget_class_bind_template_child (widget_class, PdPicker, add_button);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_install_action (widget_class, "picker.add", NULL, add_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  pd_style_ensure (RESOURCE_BASE_PATH "/widgets/widgets.css");
}

static void
pd_picker_init (PdPicker *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->chosen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "pd-alerts"

#include "config.h"

#include <glib/gi18n.h>

#include "pd-alerts-button.h"
#include "pd-alerts-row.h"
#include "pd-edit.h"
#include "pd-in-app-notification.h"
#include "pd-widgets-style.h"

struct _PdAlertsButton
{
  GtkWidget          parent_instance;

  PdSession         *session;
  GListModel        *notifications;
  GtkSortListModel  *sorted;
  /* Ids marked read here whose read state the portal has not confirmed yet (offline) */
  GHashTable        *marked;
  guint              n_unread;

  GtkMenuButton     *menu_button;
  GtkLabel          *count_label;
  GtkPopover        *popover;
  GtkStack          *stack;
  GtkListView       *list_view;
};

G_DEFINE_FINAL_TYPE (PdAlertsButton, pd_alerts_button, GTK_TYPE_WIDGET)

enum {
  MARKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_unread (PdAlertsButton      *self,
           PdInAppNotification *item)
{
  return !pd_in_app_notification_get_read (item) &&
         !g_hash_table_contains (self->marked, pd_resource_get_id (PD_RESOURCE (item)));
}

/* The list holds tens of items: counting them all on each change costs nothing. */
static void
update_count (PdAlertsButton *self)
{
  guint n = self->notifications != NULL ? g_list_model_get_n_items (self->notifications) : 0;
  g_autofree char *count = NULL;
  g_autofree char *label = NULL;
  guint unread = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PdInAppNotification) item = g_list_model_get_item (self->notifications, i);

      if (is_unread (self, item))
        unread++;
    }
  self->n_unread = unread;

  count = unread > 99 ? g_strdup ("99+") : g_strdup_printf ("%u", unread);
  gtk_label_set_text (self->count_label, count);
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), unread > 0);
  if (unread > 0)
    /* Translators: the notifications button, for a screen reader and as its tooltip */
    label = g_strdup_printf (ngettext ("Notifications, %u unread", "Notifications, %u unread", unread), unread);
  else
    label = g_strdup (_("Notifications"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->menu_button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "alerts.mark-all-read", unread > 0);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

static void
items_changed_cb (PdAlertsButton *self,
                  guint           position,
                  guint           removed,
                  guint           added,
                  GListModel     *model)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      g_signal_connect_object (item, "notify::read", G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
    }
  update_count (self);
}

/* Newest first; the id breaks ties so the order is stable. */
static int
compare_newest_first (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  GDateTime *ta = pd_resource_get_created_at ((PdResource *) a);
  GDateTime *tb = pd_resource_get_created_at ((PdResource *) b);
  int order = (ta != NULL && tb != NULL) ? g_date_time_compare (tb, ta) : 0;

  return order != 0 ? order : -g_strcmp0 (pd_resource_get_id ((PdResource *) a),
                                          pd_resource_get_id ((PdResource *) b));
}

static void
disconnect_items (PdAlertsButton *self)
{
  guint n;

  if (self->notifications == NULL)
    return;
  g_signal_handlers_disconnect_by_func (self->notifications, items_changed_cb, self);
  n = g_list_model_get_n_items (self->notifications);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (self->notifications, i);

      g_signal_handlers_disconnect_by_func (item, update_count, self);
    }
}

void
pd_alerts_button_set_session (PdAlertsButton *self,
                              PdSession      *session)
{
  g_return_if_fail (PD_IS_ALERTS_BUTTON (self));
  g_return_if_fail (session == NULL || PD_IS_SESSION (session));

  if (session == self->session)
    return;
  disconnect_items (self);
  g_set_object (&self->session, session);
  g_hash_table_remove_all (self->marked);
  self->notifications = session != NULL ? pd_session_get_notifications (session) : NULL;
  gtk_sort_list_model_set_model (self->sorted, self->notifications);
  if (self->notifications != NULL)
    {
      g_signal_connect_object (self->notifications, "items-changed",
                               G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
      items_changed_cb (self, 0, 0, g_list_model_get_n_items (self->notifications), self->notifications);
    }
  else
    update_count (self);
}

guint
pd_alerts_button_get_n_unread (PdAlertsButton *self)
{
  g_return_val_if_fail (PD_IS_ALERTS_BUTTON (self), 0);

  return self->n_unread;
}

GtkPopover *
pd_alerts_button_get_popover (PdAlertsButton *self)
{
  g_return_val_if_fail (PD_IS_ALERTS_BUTTON (self), NULL);

  return self->popover;
}

GtkWidget *
pd_alerts_button_new (void)
{
  return g_object_new (PD_TYPE_ALERTS_BUTTON, NULL);
}

/* ---- marking read -------------------------------------------------------------------- */

typedef struct
{
  PdAlertsButton *self;   /* weak */
  GPtrArray      *ids;    /* what this edit marked here */
} Marking;

static void
marking_free (Marking *marking)
{
  g_clear_weak_pointer (&marking->self);
  g_ptr_array_unref (marking->ids);
  g_free (marking);
}

static void
mark (PdAlertsButton *self,
      const char     *id)
{
  g_hash_table_add (self->marked, g_strdup (id));
  g_signal_emit (self, signals[MARKED], 0, id);
}

static void
marked_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Marking *marking = user_data;
  PdAlertsButton *self = marking->self;
  g_autoptr(PdPortalResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  response = pd_edit_run_finish (PD_EDIT (source), result, &error);
  if (response == NULL && self != NULL)
    {
      g_autoptr(GtkSelectionModel) model = g_object_ref (gtk_list_view_get_model (self->list_view));

      for (guint i = 0; i < marking->ids->len; i++)
        g_hash_table_remove (self->marked, g_ptr_array_index (marking->ids, i));
      /* Not read after all: the rows are bound again and show them unread. */
      gtk_list_view_set_model (self->list_view, NULL);
      gtk_list_view_set_model (self->list_view, model);
      update_count (self);
      pd_edit_show_error (GTK_WIDGET (self), marking->ids->len == 1
                            ? _("Could not mark the notification as read")
                            : _("Could not mark the notifications as read"), error);
    }
  marking_free (marking);
}

static void
queued_cb (PdAlertsButton *self)
{
  pd_edit_add_toast (GTK_WIDGET (self),
                     adw_toast_new (_("Marked as read here; the portal will be told when it can be reached")));
}

static void
run_edit (PdAlertsButton *self,
          const char     *path,
          const char     *description,
          GPtrArray      *ids)
{
  g_autoptr(PdEdit) edit = pd_edit_new (self->session, "POST", path, NULL, NULL, description);
  Marking *marking = g_new0 (Marking, 1);

  g_set_weak_pointer (&marking->self, self);
  marking->ids = g_ptr_array_ref (ids);
  g_signal_connect_object (edit, "queued", G_CALLBACK (queued_cb), self, G_CONNECT_SWAPPED);
  pd_edit_run_async (edit, GTK_WIDGET (self), NULL, marked_cb, marking);
  update_count (self);
}

static void
mark_read_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PdAlertsButton *self = PD_ALERTS_BUTTON (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  g_autofree char *description = NULL;
  PdResource *item;

  if (self->session == NULL || g_hash_table_contains (self->marked, id))
    return;
  item = pd_resource_list_lookup (PD_RESOURCE_LIST (self->notifications), id);
  if (item == NULL)
    return;
  escaped = g_uri_escape_string (id, NULL, FALSE);
  path = g_strdup_printf ("/api/v1/notifications/%s/read", escaped);
  /* Translators: a line of the outbox, e.g. Mark “Scheduled maintenance” as read */
  description = g_strdup_printf (_("Mark “%s” as read"),
                                 pd_in_app_notification_get_title (PD_IN_APP_NOTIFICATION (item)));
  g_ptr_array_add (ids, g_strdup (id));
  mark (self, id);
  run_edit (self, path, description, ids);
}

static void
mark_all_read_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  PdAlertsButton *self = PD_ALERTS_BUTTON (widget);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  guint n;

  if (self->session == NULL)
    return;
  n = g_list_model_get_n_items (self->notifications);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PdInAppNotification) item = g_list_model_get_item (self->notifications, i);

      if (is_unread (self, item))
        g_ptr_array_add (ids, g_strdup (pd_resource_get_id (PD_RESOURCE (item))));
    }
  for (guint i = 0; i < ids->len; i++)
    mark (self, g_ptr_array_index (ids, i));
  run_edit (self, "/api/v1/notifications/read-all", _("Mark all notifications as read"), ids);
}

/* ---- rows ---------------------------------------------------------------------------- */

static void
row_marked_cb (PdAlertsRow *row,
               const char  *id,
               gpointer     user_data)
{
  PdInAppNotification *item = pd_alerts_row_get_item (row);

  if (item != NULL && g_strcmp0 (pd_resource_get_id (PD_RESOURCE (item)), id) == 0)
    pd_alerts_row_mark (row);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          PdAlertsButton           *self)
{
  GtkWidget *row = pd_alerts_row_new ();

  gtk_list_item_set_child (list_item, row);
  g_signal_connect_object (self, "marked", G_CALLBACK (row_marked_cb), row, G_CONNECT_SWAPPED);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         PdAlertsButton           *self)
{
  PdInAppNotification *item = gtk_list_item_get_item (list_item);
  PdAlertsRow *row = PD_ALERTS_ROW (gtk_list_item_get_child (list_item));

  pd_alerts_row_set_item (row, item, g_hash_table_contains (self->marked, pd_resource_get_id (PD_RESOURCE (item))));
  /* A row about a client opens it; a partner-wide one only has its own button. */
  gtk_list_item_set_activatable (list_item, pd_alerts_row_opens_client (row));
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           PdAlertsButton           *self)
{
  pd_alerts_row_set_item (PD_ALERTS_ROW (gtk_list_item_get_child (list_item)), NULL, FALSE);
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
activate_cb (PdAlertsButton *self,
             guint           position)
{
  g_autoptr(PdInAppNotification) item = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);
  const char *organization_id = item != NULL ? pd_in_app_notification_get_organization_id (item) : NULL;

  if (organization_id == NULL)
    return;
  gtk_popover_popdown (self->popover);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-client", "(ss)", organization_id, "");
}

static void
pd_alerts_button_dispose (GObject *object)
{
  PdAlertsButton *self = PD_ALERTS_BUTTON (object);
  GtkWidget *child;

  disconnect_items (self);
  self->notifications = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_ALERTS_BUTTON);
  /* The template's top widget is not a bound child: unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->sorted);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pd_alerts_button_parent_class)->dispose (object);
}

static void
pd_alerts_button_finalize (GObject *object)
{
  PdAlertsButton *self = PD_ALERTS_BUTTON (object);

  g_hash_table_unref (self->marked);

  G_OBJECT_CLASS (pd_alerts_button_parent_class)->finalize (object);
}

static void
pd_alerts_button_class_init (PdAlertsButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_alerts_button_dispose;
  object_class->finalize = pd_alerts_button_finalize;

  /* An id was marked read here: rows showing it follow at once. */
  signals[MARKED] =
    g_signal_new ("marked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/alerts/pd-alerts-button.ui");
  gtk_widget_class_bind_template_child (widget_class, PdAlertsButton, menu_button);
  gtk_widget_class_bind_template_child (widget_class, PdAlertsButton, count_label);
  gtk_widget_class_bind_template_child (widget_class, PdAlertsButton, popover);
  gtk_widget_class_bind_template_child (widget_class, PdAlertsButton, stack);
  gtk_widget_class_bind_template_child (widget_class, PdAlertsButton, list_view);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);

  gtk_widget_class_install_action (widget_class, "alerts.mark-read", "s", mark_read_activated);
  gtk_widget_class_install_action (widget_class, "alerts.mark-all-read", NULL, mark_all_read_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pd_alerts_button_init (PdAlertsButton *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkCustomSorter *sorter;

  gtk_widget_init_template (GTK_WIDGET (self));
  pd_style_ensure (RESOURCE_BASE_PATH "/alerts/alerts.css");

  self->marked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sorter = gtk_custom_sorter_new (compare_newest_first, NULL, NULL);
  self->sorted = gtk_sort_list_model_new (NULL, GTK_SORTER (sorter));
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)))));
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_cb), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);
  update_count (self);
}

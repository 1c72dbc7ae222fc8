/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "pd-alerts"

#include "config.h"

#include <glib/gi18n.h>

#include "pd-alerts-row.h"
#include "pd-format.h"

struct _PdAlertsRow
{
  GtkWidget            parent_instance;

  PdInAppNotification *item;
  gboolean             marked;

  GtkImage            *icon;
  GtkLabel            *title;
  GtkLabel            *body;
  GtkLabel            *meta;
  GtkWidget           *mark_button;
  GtkWidget           *open_icon;
};

G_DEFINE_FINAL_TYPE (PdAlertsRow, pd_alerts_row, GTK_TYPE_WIDGET)

const char *
pd_alerts_severity_get_label (PdNotificationSeverity severity)
{
  switch (severity)
    {
    case PD_NOTIFICATION_SEVERITY_WARNING:
      return _("Warning");
    case PD_NOTIFICATION_SEVERITY_DANGER:
      return _("Problem");
    case PD_NOTIFICATION_SEVERITY_SUCCESS:
      return _("Success");
    case PD_NOTIFICATION_SEVERITY_INFO:
    case PD_NOTIFICATION_SEVERITY_UNKNOWN:
    default:
      return _("Information");
    }
}

const char *
pd_alerts_severity_get_icon_name (PdNotificationSeverity severity)
{
  switch (severity)
    {
    case PD_NOTIFICATION_SEVERITY_WARNING:
      return "dialog-warning-symbolic";
    case PD_NOTIFICATION_SEVERITY_DANGER:
      return "dialog-error-symbolic";
    case PD_NOTIFICATION_SEVERITY_SUCCESS:
      return "emblem-ok-symbolic";
    case PD_NOTIFICATION_SEVERITY_INFO:
    case PD_NOTIFICATION_SEVERITY_UNKNOWN:
    default:
      return "dialog-information-symbolic";
    }
}

static const char *const severity_classes[] = { "info", "warning", "danger", "success" };

static gboolean
is_read (PdAlertsRow *self)
{
  return self->marked || (self->item != NULL && pd_in_app_notification_get_read (self->item));
}

/* A notification about a client opens it (the list activates the row): the arrow and the
 * description say so; partner-wide ones open nothing. */
static void
update_opens (PdAlertsRow *self)
{
  gboolean opens = pd_alerts_row_opens_client (self);

  gtk_widget_set_visible (self->open_icon, opens);
  if (opens)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    _("Opens the client it is about"), -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
update (PdAlertsRow *self)
{
  PdNotificationSeverity severity;
  g_autofree char *when = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *description = NULL;
  const char *label;
  gboolean read;

  if (self->item == NULL)
    {
      update_opens (self);
      return;
    }
  severity = pd_in_app_notification_get_severity (self->item);
  label = pd_alerts_severity_get_label (severity);
  read = is_read (self);
  when = pd_format_relative_time (pd_resource_get_created_at (PD_RESOURCE (self->item)), NULL);
  /* Translators: a notification's kind and age, e.g. "Warning · 3 hours ago" */
  meta = g_strdup_printf (_("%s · %s"), label, when);
  if (!read)
    {
      g_autofree char *unread = meta;

      /* Translators: an unread notification's kind and age, e.g. "Warning · 3 hours ago · Unread" */
      meta = g_strdup_printf (_("%s · Unread"), unread);
    }

  gtk_image_set_from_icon_name (self->icon, pd_alerts_severity_get_icon_name (severity));
  for (guint i = 0; i < G_N_ELEMENTS (severity_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->icon), severity_classes[i]);
  if (severity >= PD_NOTIFICATION_SEVERITY_INFO && severity <= PD_NOTIFICATION_SEVERITY_SUCCESS)
    gtk_widget_add_css_class (GTK_WIDGET (self->icon), severity_classes[severity - PD_NOTIFICATION_SEVERITY_INFO]);
  gtk_label_set_text (self->title, pd_in_app_notification_get_title (self->item));
  gtk_label_set_text (self->body, pd_in_app_notification_get_body (self->item));
  gtk_label_set_text (self->meta, meta);
  if (read)
    gtk_widget_remove_css_class (GTK_WIDGET (self->title), "heading");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->title), "heading");
  gtk_widget_set_visible (self->mark_button, !read);
  update_opens (self);

  /* Translators: what a screen reader says for the "mark as read" button of one
   * notification, e.g. "Mark “Scheduled maintenance” as read" */
  description = g_strdup_printf (_("Mark “%s” as read"), pd_in_app_notification_get_title (self->item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->mark_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
}

GtkWidget *
pd_alerts_row_new (void)
{
  return g_object_new (PD_TYPE_ALERTS_ROW, NULL);
}

void
pd_alerts_row_set_item (PdAlertsRow         *self,
                        PdInAppNotification *item,
                        gboolean             marked)
{
  g_return_if_fail (PD_IS_ALERTS_ROW (self));
  g_return_if_fail (item == NULL || PD_IS_IN_APP_NOTIFICATION (item));

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_func (self->item, update, self);
  g_set_object (&self->item, item);
  self->marked = marked;
  if (item != NULL)
    g_signal_connect_object (item, "notify::read", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

void
pd_alerts_row_mark (PdAlertsRow *self)
{
  g_return_if_fail (PD_IS_ALERTS_ROW (self));

  self->marked = TRUE;
  update (self);
}

PdInAppNotification *
pd_alerts_row_get_item (PdAlertsRow *self)
{
  g_return_val_if_fail (PD_IS_ALERTS_ROW (self), NULL);

  return self->item;
}

gboolean
pd_alerts_row_opens_client (PdAlertsRow *self)
{
  g_return_val_if_fail (PD_IS_ALERTS_ROW (self), FALSE);

  return self->item != NULL && pd_in_app_notification_get_organization_id (self->item) != NULL;
}

static void
mark_clicked_cb (PdAlertsRow *self)
{
  if (self->item == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "alerts.mark-read", "s",
                              pd_resource_get_id (PD_RESOURCE (self->item)));
}

static void
pd_alerts_row_dispose (GObject *object)
{
  PdAlertsRow *self = PD_ALERTS_ROW (object);
  GtkWidget *child;

  pd_alerts_row_set_item (self, NULL, FALSE);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_ALERTS_ROW);
  /* The template's top widget is not a bound child: unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (pd_alerts_row_parent_class)->dispose (object);
}

static void
pd_alerts_row_class_init (PdAlertsRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_alerts_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/alerts/pd-alerts-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PdAlertsRow, icon);
  gtk_widget_class_bind_template_child (widget_class, PdAlertsRow, title);
  gtk_widget_class_bind_template_child (widget_class, PdAlertsRow, body);
  gtk_widget_class_bind_template_child (widget_class, PdAlertsRow, meta);
  gtk_widget_class_bind_template_child (widget_class, PdAlertsRow, mark_button);
  gtk_widget_class_bind_template_child (widget_class, PdAlertsRow, open_icon);
  gtk_widget_class_bind_template_callback (widget_class, mark_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pd_alerts_row_init (PdAlertsRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

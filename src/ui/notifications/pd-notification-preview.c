/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-notification-preview.h"

struct _PdNotificationPreview
{
  AdwWindow       parent_instance;

  GCancellable   *cancellable;
  char           *subject;
  char           *body;

  AdwWindowTitle *window_title;
  GtkStack       *stack;
  AdwStatusPage  *error_page;
  GtkLabel       *subject_label;
  GtkLabel       *body_label;
};

G_DEFINE_FINAL_TYPE (PdNotificationPreview, pd_notification_preview, ADW_TYPE_WINDOW)

const char *
pd_notification_preview_get_subject (PdNotificationPreview *self)
{
  g_return_val_if_fail (PD_IS_NOTIFICATION_PREVIEW (self), NULL);

  return self->subject;
}

const char *
pd_notification_preview_get_body (PdNotificationPreview *self)
{
  g_return_val_if_fail (PD_IS_NOTIFICATION_PREVIEW (self), NULL);

  return self->body;
}

static void
show_error (PdNotificationPreview *self,
            const char            *message)
{
  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
preview_fetched_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(PdNotificationPreview) self = user_data;
  g_autoptr(PdPortalResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *root;
  JsonObject *object;

  response = pd_portal_client_send_finish (PD_PORTAL_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (response == NULL)
    {
      show_error (self, error->message);
      return;
    }
  root = pd_portal_response_get_root (response);
  object = root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  if (object == NULL ||
      json_object_get_string_member_with_default (object, "subject", NULL) == NULL ||
      json_object_get_string_member_with_default (object, "body", NULL) == NULL)
    {
      show_error (self, _("The portal's answer has no subject or text. Try again later."));
      return;
    }
  self->subject = g_strdup (json_object_get_string_member (object, "subject"));
  self->body = g_strdup (json_object_get_string_member (object, "body"));
  gtk_label_set_text (self->subject_label, self->subject);
  gtk_label_set_text (self->body_label, self->body);
  gtk_stack_set_visible_child_name (self->stack, "preview");
}

GtkWidget *
pd_notification_preview_new (PdSession          *session,
                             PdNotificationType *type)
{
  PdNotificationPreview *self;
  g_autoptr(PdPortalRequest) request = NULL;
  g_autofree char *key = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (PD_IS_SESSION (session), NULL);
  g_return_val_if_fail (PD_IS_NOTIFICATION_TYPE (type), NULL);

  self = g_object_new (PD_TYPE_NOTIFICATION_PREVIEW, NULL);
  adw_window_title_set_subtitle (self->window_title, pd_notification_type_get_name (type));
  key = g_uri_escape_string (pd_notification_type_get_key (type), NULL, FALSE);
  path = g_strdup_printf ("/api/v1/notification-types/%s/preview", key);
  request = pd_portal_request_new ("GET", path);
  pd_portal_client_send_async (pd_session_get_client (session), request, self->cancellable,
                               preview_fetched_cb, g_object_ref (self));
  return GTK_WIDGET (self);
}

static void
pd_notification_preview_dispose (GObject *object)
{
  PdNotificationPreview *self = PD_NOTIFICATION_PREVIEW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_NOTIFICATION_PREVIEW);

  G_OBJECT_CLASS (pd_notification_preview_parent_class)->dispose (object);
}

static void
pd_notification_preview_finalize (GObject *object)
{
  PdNotificationPreview *self = PD_NOTIFICATION_PREVIEW (object);

  g_clear_object (&self->cancellable);
  g_free (self->subject);
  g_free (self->body);

  G_OBJECT_CLASS (pd_notification_preview_parent_class)->finalize (object);
}

static void
pd_notification_preview_class_init (PdNotificationPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_notification_preview_dispose;
  object_class->finalize = pd_notification_preview_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/notifications/pd-notification-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, PdNotificationPreview, window_title);
  gtk_widget_class_bind_template_child (widget_class, PdNotificationPreview, stack);
  gtk_widget_class_bind_template_child (widget_class, PdNotificationPreview, error_page);
  gtk_widget_class_bind_template_child (widget_class, PdNotificationPreview, subject_label);
  gtk_widget_class_bind_template_child (widget_class, PdNotificationPreview, body_label);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pd_notification_preview_init (PdNotificationPreview *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

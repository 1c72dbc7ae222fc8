/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-in-app-notification.h"
#include "pd-resource-private.h"

struct _PdInAppNotification
{
  PdResource parent_instance;

  int severity;
  char *title;
  char *body;
  gboolean read;
  GDateTime *read_at;
  char *organization_id;
};

G_DEFINE_FINAL_TYPE (PdInAppNotification, pd_in_app_notification, PD_TYPE_RESOURCE)

static const PdField fields[] = {
  PD_FIELD_ID ("id"),
  PD_FIELD_TYPED ("severity", "severity", PD_FIELD_ENUM, PD_FIELD_REQUIRED, PdInAppNotification, severity, pd_notification_severity_get_type),
  PD_FIELD ("title", "title", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdInAppNotification, title),
  PD_FIELD ("body", "body", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdInAppNotification, body),
  PD_FIELD_CREATED_AT,
  PD_FIELD_UPDATED_AT,
  PD_FIELD ("read", "read", PD_FIELD_BOOL, PD_FIELD_REQUIRED, PdInAppNotification, read),
  PD_FIELD ("read_at", "read-at", PD_FIELD_TIME, PD_FIELD_NULLABLE, PdInAppNotification, read_at),
  /* Absent from portals older than the member: then no notification is about a client. */
  PD_FIELD ("organization_id", "organization-id", PD_FIELD_STRING, PD_FIELD_NULLABLE | PD_FIELD_OPTIONAL,
            PdInAppNotification, organization_id),
};

static void
pd_in_app_notification_class_init (PdInAppNotificationClass *klass)
{
  pd_resource_class_install_fields (PD_RESOURCE_CLASS (klass), N_("Notification"), fields,
                                    G_N_ELEMENTS (fields));
}

static void
pd_in_app_notification_init (PdInAppNotification *self)
{
}

PdNotificationSeverity
pd_in_app_notification_get_severity (PdInAppNotification *self)
{
  g_return_val_if_fail (PD_IS_IN_APP_NOTIFICATION (self), (PdNotificationSeverity) 0);

  return (PdNotificationSeverity) self->severity;
}

const char *
pd_in_app_notification_get_title (PdInAppNotification *self)
{
  g_return_val_if_fail (PD_IS_IN_APP_NOTIFICATION (self), NULL);

  return self->title;
}

const char *
pd_in_app_notification_get_body (PdInAppNotification *self)
{
  g_return_val_if_fail (PD_IS_IN_APP_NOTIFICATION (self), NULL);

  return self->body;
}

gboolean
pd_in_app_notification_get_read (PdInAppNotification *self)
{
  g_return_val_if_fail (PD_IS_IN_APP_NOTIFICATION (self), FALSE);

  return self->read;
}

GDateTime *
pd_in_app_notification_get_read_at (PdInAppNotification *self)
{
  g_return_val_if_fail (PD_IS_IN_APP_NOTIFICATION (self), NULL);

  return self->read_at;
}

/* The organization the notification is about, or NULL for a partner-wide notice. */
const char *
pd_in_app_notification_get_organization_id (PdInAppNotification *self)
{
  g_return_val_if_fail (PD_IS_IN_APP_NOTIFICATION (self), NULL);

  return self->organization_id;
}

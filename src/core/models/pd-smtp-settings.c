/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-smtp-settings.h"
#include "pd-resource-private.h"

struct _PdSmtpSettings
{
  PdResource parent_instance;

  int method;
  gboolean has_manual;
  char *manual_host;
  gint64 manual_port;
  int manual_security;
  char *manual_username;
  gboolean manual_password_set;
  char *manual_from_address;
  char *manual_from_name;
  gboolean has_microsoft;
  char *microsoft_tenant_id;
  char *microsoft_client_id;
  char *microsoft_from_address;
  char *microsoft_from_name;
  gboolean microsoft_client_secret_set;
  int status;
  GDateTime *last_test_at;
  char *last_error;
  gboolean auto_test_enabled;
  char *auto_test_to;
  int auto_test_frequency;
};

G_DEFINE_FINAL_TYPE (PdSmtpSettings, pd_smtp_settings, PD_TYPE_RESOURCE)

static const PdField fields[] = {
  PD_FIELD_ETAG,
  PD_FIELD_UPDATED_AT,
  PD_FIELD_TYPED ("method", "method", PD_FIELD_ENUM, PD_FIELD_REQUIRED, PdSmtpSettings, method, pd_smtp_method_get_type),
  PD_FIELD ("manual", "has-manual", PD_FIELD_PRESENT, PD_FIELD_NULLABLE, PdSmtpSettings, has_manual),
  PD_FIELD ("manual.host", "manual-host", PD_FIELD_STRING, PD_FIELD_PARENT_NULLABLE, PdSmtpSettings, manual_host),
  PD_FIELD ("manual.port", "manual-port", PD_FIELD_INT64, PD_FIELD_PARENT_NULLABLE, PdSmtpSettings, manual_port),
  PD_FIELD_TYPED ("manual.security", "manual-security", PD_FIELD_ENUM, PD_FIELD_PARENT_NULLABLE, PdSmtpSettings, manual_security, pd_smtp_security_get_type),
  PD_FIELD ("manual.username", "manual-username", PD_FIELD_STRING, PD_FIELD_NULLABLE | PD_FIELD_PARENT_NULLABLE, PdSmtpSettings, manual_username),
  PD_FIELD ("manual.password_set", "manual-password-set", PD_FIELD_BOOL, PD_FIELD_PARENT_NULLABLE, PdSmtpSettings, manual_password_set),
  PD_FIELD ("manual.from_address", "manual-from-address", PD_FIELD_STRING, PD_FIELD_PARENT_NULLABLE, PdSmtpSettings, manual_from_address),
  PD_FIELD ("manual.from_name", "manual-from-name", PD_FIELD_STRING, PD_FIELD_NULLABLE | PD_FIELD_PARENT_NULLABLE, PdSmtpSettings, manual_from_name),
  PD_FIELD ("microsoft", "has-microsoft", PD_FIELD_PRESENT, PD_FIELD_NULLABLE, PdSmtpSettings, has_microsoft),
  PD_FIELD ("microsoft.tenant_id", "microsoft-tenant-id", PD_FIELD_STRING, PD_FIELD_PARENT_NULLABLE, PdSmtpSettings, microsoft_tenant_id),
  PD_FIELD ("microsoft.client_id", "microsoft-client-id", PD_FIELD_STRING, PD_FIELD_PARENT_NULLABLE, PdSmtpSettings, microsoft_client_id),
  PD_FIELD ("microsoft.from_address", "microsoft-from-address", PD_FIELD_STRING, PD_FIELD_PARENT_NULLABLE, PdSmtpSettings, microsoft_from_address),
  PD_FIELD ("microsoft.from_name", "microsoft-from-name", PD_FIELD_STRING, PD_FIELD_NULLABLE | PD_FIELD_PARENT_NULLABLE, PdSmtpSettings, microsoft_from_name),
  PD_FIELD ("microsoft.client_secret_set", "microsoft-client-secret-set", PD_FIELD_BOOL, PD_FIELD_PARENT_NULLABLE, PdSmtpSettings, microsoft_client_secret_set),
  PD_FIELD_TYPED ("status", "status", PD_FIELD_ENUM, PD_FIELD_REQUIRED, PdSmtpSettings, status, pd_smtp_status_get_type),
  PD_FIELD ("last_test_at", "last-test-at", PD_FIELD_TIME, PD_FIELD_NULLABLE, PdSmtpSettings, last_test_at),
  PD_FIELD ("last_error", "last-error", PD_FIELD_STRING, PD_FIELD_NULLABLE, PdSmtpSettings, last_error),
  PD_FIELD ("auto_test.enabled", "auto-test-enabled", PD_FIELD_BOOL, PD_FIELD_REQUIRED, PdSmtpSettings, auto_test_enabled),
  PD_FIELD ("auto_test.to", "auto-test-to", PD_FIELD_STRING, PD_FIELD_NULLABLE, PdSmtpSettings, auto_test_to),
  PD_FIELD_TYPED ("auto_test.frequency", "auto-test-frequency", PD_FIELD_ENUM, PD_FIELD_REQUIRED, PdSmtpSettings, auto_test_frequency, pd_smtp_test_frequency_get_type),
};

static void
pd_smtp_settings_class_init (PdSmtpSettingsClass *klass)
{
  pd_resource_class_install_fields (PD_RESOURCE_CLASS (klass), N_("SMTP settings"), fields,
                                    G_N_ELEMENTS (fields));
}

static void
pd_smtp_settings_init (PdSmtpSettings *self)
{
}

PdSmtpMethod
pd_smtp_settings_get_method (PdSmtpSettings *self)
{
  g_return_val_if_fail (PD_IS_SMTP_SETTINGS (self), (PdSmtpMethod) 0);

  return (PdSmtpMethod) self->method;
}

gboolean
pd_smtp_settings_get_has_manual (PdSmtpSettings *self)
{
  g_return_val_if_fail (PD_IS_SMTP_SETTINGS (self), FALSE);

  return self->has_manual;
}

const char *
pd_smtp_settings_get_manual_host (PdSmtpSettings *self)
{
  g_return_val_if_fail (PD_IS_SMTP_SETTINGS (self), NULL);

  return self->manual_host;
}

gint64
pd_smtp_settings_get_manual_port (PdSmtpSettings *self)
{
  g_return_val_if_fail (PD_IS_SMTP_SETTINGS (self), 0);

  return self->manual_port;
}

PdSmtpSecurity
pd_smtp_settings_get_manual_security (PdSmtpSettings *self)
{
  g_return_val_if_fail (PD_IS_SMTP_SETTINGS (self), (PdSmtpSecurity) 0);

  return (PdSmtpSecurity) self->manual_security;
}

const char *
pd_smtp_settings_get_manual_username (PdSmtpSettings *self)
{
  g_return_val_if_fail (PD_IS_SMTP_SETTINGS (self), NULL);

  return self->manual_username;
}

gboolean
pd_smtp_settings_get_manual_password_set (PdSmtpSettings *self)
{
  g_return_val_if_fail (PD_IS_SMTP_SETTINGS (self), FALSE);

  return self->manual_password_set;
}

const char *
pd_smtp_settings_get_manual_from_address (PdSmtpSettings *self)
{
  g_return_val_if_fail (PD_IS_SMTP_SETTINGS (self), NULL);

  return self->manual_from_address;
}

const char *
pd_smtp_settings_get_manual_from_name (PdSmtpSettings *self)
{
  g_return_val_if_fail (PD_IS_SMTP_SETTINGS (self), NULL);

  return self->manual_from_name;
}

gboolean
pd_smtp_settings_get_has_microsoft (PdSmtpSettings *self)
{
  g_return_val_if_fail (PD_IS_SMTP_SETTINGS (self), FALSE);

  return self->has_microsoft;
}

const char *
pd_smtp_settings_get_microsoft_tenant_id (PdSmtpSettings *self)
{
  g_return_val_if_fail (PD_IS_SMTP_SETTINGS (self), NULL);

  return self->microsoft_tenant_id;
}

const char *
pd_smtp_settings_get_microsoft_client_id (PdSmtpSettings *self)
{
  g_return_val_if_fail (PD_IS_SMTP_SETTINGS (self), NULL);

  return self->microsoft_client_id;
}

const char *
pd_smtp_settings_get_microsoft_from_address (PdSmtpSettings *self)
{
  g_return_val_if_fail (PD_IS_SMTP_SETTINGS (self), NULL);

  return self->microsoft_from_address;
}

const char *
pd_smtp_settings_get_microsoft_from_name (PdSmtpSettings *self)
{
  g_return_val_if_fail (PD_IS_SMTP_SETTINGS (self), NULL);

  return self->microsoft_from_name;
}

gboolean
pd_smtp_settings_get_microsoft_client_secret_set (PdSmtpSettings *self)
{
  g_return_val_if_fail (PD_IS_SMTP_SETTINGS (self), FALSE);

  return self->microsoft_client_secret_set;
}

PdSmtpStatus
pd_smtp_settings_get_status (PdSmtpSettings *self)
{
  g_return_val_if_fail (PD_IS_SMTP_SETTINGS (self), (PdSmtpStatus) 0);

  return (PdSmtpStatus) self->status;
}

GDateTime *
pd_smtp_settings_get_last_test_at (PdSmtpSettings *self)
{
  g_return_val_if_fail (PD_IS_SMTP_SETTINGS (self), NULL);

  return self->last_test_at;
}

const char *
pd_smtp_settings_get_last_error (PdSmtpSettings *self)
{
  g_return_val_if_fail (PD_IS_SMTP_SETTINGS (self), NULL);

  return self->last_error;
}

gboolean
pd_smtp_settings_get_auto_test_enabled (PdSmtpSettings *self)
{
  g_return_val_if_fail (PD_IS_SMTP_SETTINGS (self), FALSE);

  return self->auto_test_enabled;
}

const char *
pd_smtp_settings_get_auto_test_to (PdSmtpSettings *self)
{
  g_return_val_if_fail (PD_IS_SMTP_SETTINGS (self), NULL);

  return self->auto_test_to;
}

PdSmtpTestFrequency
pd_smtp_settings_get_auto_test_frequency (PdSmtpSettings *self)
{
  g_return_val_if_fail (PD_IS_SMTP_SETTINGS (self), (PdSmtpTestFrequency) 0);

  return (PdSmtpTestFrequency) self->auto_test_frequency;
}

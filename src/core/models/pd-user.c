/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-user.h"
#include "pd-resource-private.h"

struct _PdUser
{
  PdResource parent_instance;

  char *email;
  char *name;
  char *role_id;
  char *role_key;
  char *role_name;
  int status;
  gboolean notify_backup_errors;
  int language;
  gboolean mfa_enabled;
  GDateTime *last_sign_in_at;
};

G_DEFINE_FINAL_TYPE (PdUser, pd_user, PD_TYPE_RESOURCE)

static const PdField fields[] = {
  PD_FIELD_ID ("id"),
  PD_FIELD_ETAG,
  PD_FIELD_CREATED_AT,
  PD_FIELD_UPDATED_AT,
  PD_FIELD ("email", "email", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdUser, email),
  PD_FIELD ("name", "name", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdUser, name),
  PD_FIELD ("role.id", "role-id", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdUser, role_id),
  PD_FIELD ("role.key", "role-key", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdUser, role_key),
  PD_FIELD ("role.name", "role-name", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdUser, role_name),
  PD_FIELD_TYPED ("status", "status", PD_FIELD_ENUM, PD_FIELD_REQUIRED, PdUser, status, pd_user_status_get_type),
  PD_FIELD ("notify_backup_errors", "notify-backup-errors", PD_FIELD_BOOL, PD_FIELD_REQUIRED, PdUser, notify_backup_errors),
  PD_FIELD_TYPED ("language", "language", PD_FIELD_ENUM, PD_FIELD_REQUIRED, PdUser, language, pd_user_language_get_type),
  PD_FIELD ("mfa_enabled", "mfa-enabled", PD_FIELD_BOOL, PD_FIELD_REQUIRED, PdUser, mfa_enabled),
  PD_FIELD ("last_sign_in_at", "last-sign-in-at", PD_FIELD_TIME, PD_FIELD_NULLABLE, PdUser, last_sign_in_at),
};

static void
pd_user_class_init (PdUserClass *klass)
{
  pd_resource_class_install_fields (PD_RESOURCE_CLASS (klass), N_("User"), fields,
                                    G_N_ELEMENTS (fields));
}

static void
pd_user_init (PdUser *self)
{
}

const char *
pd_user_get_email (PdUser *self)
{
  g_return_val_if_fail (PD_IS_USER (self), NULL);

  return self->email;
}

const char *
pd_user_get_name (PdUser *self)
{
  g_return_val_if_fail (PD_IS_USER (self), NULL);

  return self->name;
}

const char *
pd_user_get_role_id (PdUser *self)
{
  g_return_val_if_fail (PD_IS_USER (self), NULL);

  return self->role_id;
}

const char *
pd_user_get_role_key (PdUser *self)
{
  g_return_val_if_fail (PD_IS_USER (self), NULL);

  return self->role_key;
}

const char *
pd_user_get_role_name (PdUser *self)
{
  g_return_val_if_fail (PD_IS_USER (self), NULL);

  return self->role_name;
}

PdUserStatus
pd_user_get_status (PdUser *self)
{
  g_return_val_if_fail (PD_IS_USER (self), (PdUserStatus) 0);

  return (PdUserStatus) self->status;
}

gboolean
pd_user_get_notify_backup_errors (PdUser *self)
{
  g_return_val_if_fail (PD_IS_USER (self), FALSE);

  return self->notify_backup_errors;
}

PdUserLanguage
pd_user_get_language (PdUser *self)
{
  g_return_val_if_fail (PD_IS_USER (self), (PdUserLanguage) 0);

  return (PdUserLanguage) self->language;
}

gboolean
pd_user_get_mfa_enabled (PdUser *self)
{
  g_return_val_if_fail (PD_IS_USER (self), FALSE);

  return self->mfa_enabled;
}

GDateTime *
pd_user_get_last_sign_in_at (PdUser *self)
{
  g_return_val_if_fail (PD_IS_USER (self), NULL);

  return self->last_sign_in_at;
}

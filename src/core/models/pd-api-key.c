/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-api-key.h"
#include "pd-resource-private.h"

struct _PdApiKey
{
  PdResource parent_instance;

  char *name;
  char *prefix;
  GDateTime *last_used_at;
  GDateTime *revoked_at;
};

G_DEFINE_FINAL_TYPE (PdApiKey, pd_api_key, PD_TYPE_RESOURCE)

static const PdField fields[] = {
  PD_FIELD_ID ("id"),
  PD_FIELD_ETAG,
  PD_FIELD_CREATED_AT,
  PD_FIELD_UPDATED_AT,
  PD_FIELD ("name", "name", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdApiKey, name),
  PD_FIELD ("prefix", "prefix", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdApiKey, prefix),
  PD_FIELD ("last_used_at", "last-used-at", PD_FIELD_TIME, PD_FIELD_NULLABLE, PdApiKey, last_used_at),
  PD_FIELD ("revoked_at", "revoked-at", PD_FIELD_TIME, PD_FIELD_NULLABLE, PdApiKey, revoked_at),
};

static void
pd_api_key_class_init (PdApiKeyClass *klass)
{
  pd_resource_class_install_fields (PD_RESOURCE_CLASS (klass), N_("API key"), fields,
                                    G_N_ELEMENTS (fields));
}

static void
pd_api_key_init (PdApiKey *self)
{
}

const char *
pd_api_key_get_name (PdApiKey *self)
{
  g_return_val_if_fail (PD_IS_API_KEY (self), NULL);

  return self->name;
}

const char *
pd_api_key_get_prefix (PdApiKey *self)
{
  g_return_val_if_fail (PD_IS_API_KEY (self), NULL);

  return self->prefix;
}

GDateTime *
pd_api_key_get_last_used_at (PdApiKey *self)
{
  g_return_val_if_fail (PD_IS_API_KEY (self), NULL);

  return self->last_used_at;
}

GDateTime *
pd_api_key_get_revoked_at (PdApiKey *self)
{
  g_return_val_if_fail (PD_IS_API_KEY (self), NULL);

  return self->revoked_at;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-authorization-scope.h"
#include "pd-resource-private.h"

struct _PdAuthorizationScope
{
  PdResource parent_instance;

  char *key;
  char *description;
  gboolean required;
  gboolean granted;
};

G_DEFINE_FINAL_TYPE (PdAuthorizationScope, pd_authorization_scope, PD_TYPE_RESOURCE)

static const PdField fields[] = {
  PD_FIELD_ID ("key"),
  PD_FIELD ("key", "key", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdAuthorizationScope, key),
  PD_FIELD ("description", "description", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdAuthorizationScope, description),
  PD_FIELD ("required", "required", PD_FIELD_BOOL, PD_FIELD_REQUIRED, PdAuthorizationScope, required),
  PD_FIELD ("granted", "granted", PD_FIELD_BOOL, PD_FIELD_REQUIRED, PdAuthorizationScope, granted),
};

static void
pd_authorization_scope_class_init (PdAuthorizationScopeClass *klass)
{
  pd_resource_class_install_fields (PD_RESOURCE_CLASS (klass), N_("Authorization scope"), fields,
                                    G_N_ELEMENTS (fields));
}

static void
pd_authorization_scope_init (PdAuthorizationScope *self)
{
}

const char *
pd_authorization_scope_get_key (PdAuthorizationScope *self)
{
  g_return_val_if_fail (PD_IS_AUTHORIZATION_SCOPE (self), NULL);

  return self->key;
}

const char *
pd_authorization_scope_get_description (PdAuthorizationScope *self)
{
  g_return_val_if_fail (PD_IS_AUTHORIZATION_SCOPE (self), NULL);

  return self->description;
}

gboolean
pd_authorization_scope_get_required (PdAuthorizationScope *self)
{
  g_return_val_if_fail (PD_IS_AUTHORIZATION_SCOPE (self), FALSE);

  return self->required;
}

gboolean
pd_authorization_scope_get_granted (PdAuthorizationScope *self)
{
  g_return_val_if_fail (PD_IS_AUTHORIZATION_SCOPE (self), FALSE);

  return self->granted;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-partner.h"
#include "pd-resource-private.h"

struct _PdPartner
{
  PdResource parent_instance;

  char *name;
  char *default_country;
};

G_DEFINE_FINAL_TYPE (PdPartner, pd_partner, PD_TYPE_RESOURCE)

static const PdField fields[] = {
  PD_FIELD_ID ("id"),
  PD_FIELD_ETAG,
  PD_FIELD_CREATED_AT,
  PD_FIELD_UPDATED_AT,
  PD_FIELD ("name", "name", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdPartner, name),
  PD_FIELD ("default_country", "default-country", PD_FIELD_STRING, PD_FIELD_REQUIRED, PdPartner, default_country),
};

static void
pd_partner_class_init (PdPartnerClass *klass)
{
  pd_resource_class_install_fields (PD_RESOURCE_CLASS (klass), N_("Partner"), fields,
                                    G_N_ELEMENTS (fields));
}

static void
pd_partner_init (PdPartner *self)
{
}

const char *
pd_partner_get_name (PdPartner *self)
{
  g_return_val_if_fail (PD_IS_PARTNER (self), NULL);

  return self->name;
}

const char *
pd_partner_get_default_country (PdPartner *self)
{
  g_return_val_if_fail (PD_IS_PARTNER (self), NULL);

  return self->default_country;
}

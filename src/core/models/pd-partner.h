/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-model-enums.h"
#include "pd-resource.h"

G_BEGIN_DECLS

/* The partner company. */
#define PD_TYPE_PARTNER (pd_partner_get_type ())
G_DECLARE_FINAL_TYPE (PdPartner, pd_partner, PD, PARTNER, PdResource)

const char *pd_partner_get_name            (PdPartner *self);
const char *pd_partner_get_default_country (PdPartner *self);

G_END_DECLS

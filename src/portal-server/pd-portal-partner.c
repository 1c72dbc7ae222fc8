/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The partner and its settings. */
#include "pd-portal-modules.h"

const PdPortalModule pd_portal_module_partner = {
  .name = "partner",
};

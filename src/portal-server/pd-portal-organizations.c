/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Organizations: list, CRUD, actions, mapping, admin access; their demo data. */
#include "pd-portal-modules.h"

const PdPortalModule pd_portal_module_organizations = {
  .name = "organizations",
};

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Roles and the permission catalogue. */
#include "pd-portal-modules.h"

const PdPortalModule pd_portal_module_roles = {
  .name = "roles",
};

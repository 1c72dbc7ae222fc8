/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Dashboard summary and report rows. */
#include "pd-portal-modules.h"

const PdPortalModule pd_portal_module_dashboard = {
  .name = "dashboard",
};

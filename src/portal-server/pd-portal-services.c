/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Services of an organization. */
#include "pd-portal-modules.h"

const PdPortalModule pd_portal_module_services = {
  .name = "services",
};

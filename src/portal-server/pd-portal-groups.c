/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Groups: access scope and managers. */
#include "pd-portal-modules.h"

const PdPortalModule pd_portal_module_groups = {
  .name = "groups",
};

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Partner users. */
#include "pd-portal-modules.h"

const PdPortalModule pd_portal_module_users = {
  .name = "users",
};

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Accounts of a service and bulk protection. */
#include "pd-portal-modules.h"

const PdPortalModule pd_portal_module_accounts = {
  .name = "accounts",
};

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The audit log. */
#include "pd-portal-modules.h"

const PdPortalModule pd_portal_module_audit = {
  .name = "audit",
};

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* GET /me and the caller's API keys. */
#include "pd-portal-modules.h"

const PdPortalModule pd_portal_module_me = {
  .name = "me",
};

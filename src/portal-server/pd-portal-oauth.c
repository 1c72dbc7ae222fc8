/* SPDX-License-Identifier: GPL-3.0-or-later */
/* OAuth 2 sign-in: the HTML sign-in pages, /oauth/token and /oauth/revoke. */
#include "pd-portal-modules.h"

const PdPortalModule pd_portal_module_oauth = {
  .name = "oauth",
};

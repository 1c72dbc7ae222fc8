/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Authorizing a service: self (agreement, consent) and delegate (invite), with their HTML pages. */
#include "pd-portal-modules.h"

const PdPortalModule pd_portal_module_authorization = {
  .name = "authorization",
};

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SMTP settings and test e-mails. */
#include "pd-portal-modules.h"

const PdPortalModule pd_portal_module_smtp = {
  .name = "smtp",
};

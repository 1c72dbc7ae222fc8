/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Notification types and settings, in-app notifications. */
#include "pd-portal-modules.h"

const PdPortalModule pd_portal_module_notifications = {
  .name = "notifications",
};

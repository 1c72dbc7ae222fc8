/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "pd-portal-modules.h"

const PdPortalModule *const pd_portal_modules[] = {
  &pd_portal_module_oauth,
  &pd_portal_module_me,
  &pd_portal_module_partner,
  &pd_portal_module_roles,
  &pd_portal_module_users,
  &pd_portal_module_organizations,
  &pd_portal_module_services,
  &pd_portal_module_authorization,
  &pd_portal_module_accounts,
  &pd_portal_module_dashboard,
  &pd_portal_module_groups,
  &pd_portal_module_notifications,
  &pd_portal_module_smtp,
  &pd_portal_module_audit,
  NULL
};

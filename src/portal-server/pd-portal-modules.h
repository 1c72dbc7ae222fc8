/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-portal.h"
#include "pd-portal-seed.h"

G_BEGIN_DECLS

/* One feature of the portal: its own tables, its share of the demo data and its endpoints. */
typedef struct {
  const char *name;
  const char *schema;                                      /* SQL, may be NULL */
  void      (*seed)            (PdPortalSeed *seed);       /* may be NULL */
  void      (*register_routes) (PdPortal     *portal);     /* may be NULL */
} PdPortalModule;

/* In seeding order: later modules may use the rows of earlier ones. NULL-terminated. */
extern const PdPortalModule *const pd_portal_modules[];

extern const PdPortalModule pd_portal_module_oauth;
extern const PdPortalModule pd_portal_module_me;
extern const PdPortalModule pd_portal_module_partner;
extern const PdPortalModule pd_portal_module_organizations;
extern const PdPortalModule pd_portal_module_services;
extern const PdPortalModule pd_portal_module_authorization;
extern const PdPortalModule pd_portal_module_accounts;
extern const PdPortalModule pd_portal_module_dashboard;
extern const PdPortalModule pd_portal_module_users;
extern const PdPortalModule pd_portal_module_roles;
extern const PdPortalModule pd_portal_module_groups;
extern const PdPortalModule pd_portal_module_notifications;
extern const PdPortalModule pd_portal_module_smtp;
extern const PdPortalModule pd_portal_module_audit;

G_END_DECLS

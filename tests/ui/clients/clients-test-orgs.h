/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Organizations made from JSON for the Clients tests: exactly the states a case needs. */
#pragma once

#include "pd-models.h"

G_BEGIN_DECLS

typedef struct
{
  const char *application;
  const char *mode;
  const char *authorization;
  const char *backup;
  gint64      total;
  gint64      managed;
  gint64      unprotected;
  const char *last_backup;   /* RFC 3339 or NULL */
} Svc;

typedef struct
{
  const char *id;
  const char *name;
  const char *domain;        /* NULL: none */
  const char *status;
  const char *plan_type;
  const char *relationship;
  const char *credential;
  const char *mapping;
  Svc         services[3];   /* application NULL ends */
} Org;

/* @org's id is "org_N"; its services are "svc_N0", "svc_N1", …, so an edited copy updates the
 * original in place (pd_resource_update) */
PdOrganization *clients_test_make_organization (const Org *org);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-resource.h"

G_BEGIN_DECLS

/* A list the portal offers and the cache keeps: how to fetch it and what it holds. */
/* See PdResourceKind.order_key */
typedef const char *(*PdOrderKeyFunc) (PdResource *resource);

typedef struct {
  const char *name;           /* cache key: "organizations", "accounts", … */
  const char *path_format;    /* "/api/v1/organizations"; accounts have two %s, the
                               * organization and service ids: see pd_resource_kind_path() */
  GType     (*get_type) (void);
  gboolean    delta;          /* supports updated_since + tombstones */
  /* What views of the list sort by first, compared with strcmp(), or NULL. The cache hands
   * the list back in this order, so their sort models find it sorted (organizations: by
   * name, 10,000 of them a 15 ms sort on the main thread at start otherwise). */
  PdOrderKeyFunc order_key;
} PdResourceKind;

extern const PdResourceKind pd_resource_kind_organizations;
extern const PdResourceKind pd_resource_kind_accounts;       /* parent: service id */
extern const PdResourceKind pd_resource_kind_users;
extern const PdResourceKind pd_resource_kind_roles;
extern const PdResourceKind pd_resource_kind_groups;
extern const PdResourceKind pd_resource_kind_notifications;  /* in-app */

/* NULL-terminated, for iteration (the cache, the fuzzer) */
const PdResourceKind * const *pd_resource_kinds_all (void);
const PdResourceKind         *pd_resource_kind_find (const char *name);
/* The list's path; @organization_id and @service_id only for accounts, else NULL */
char                         *pd_resource_kind_path (const PdResourceKind *kind,
                                                     const char           *organization_id,
                                                     const char           *service_id);

G_END_DECLS

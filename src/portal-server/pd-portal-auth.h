/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-portal.h"

G_BEGIN_DECLS

/* Who is calling: the user behind a bearer token or API key, with the effective
 * permissions of their role and their group access scope. */
typedef struct {
  gint64      user_id;
  gint64      partner_id;
  char       *email;
  char       *name;
  gint64      role_id;
  char       *role_key;
  int         role_rank;
  GHashTable *permissions;        /* set of permission keys */
  gboolean    all_organizations;  /* FALSE: only the organizations of the groups they manage */
  GHashTable *organizations;      /* set of GINT64 rowids (as gint64*), when !all_organizations */
  char       *credential;         /* "key_<id>" or "tok_<family>": the rate limit's scope */
  gint64      api_key_id;         /* 0 for OAuth tokens */
} PdPortalCaller;

/* Restricts an organizations query (aliased o) to the caller's access scope. Bind ?100 to
 * all_organizations and ?101 to user_id (see pd_portal_caller_bind_scope()). */
#define PD_PORTAL_SCOPE_SQL \
  "(?100 = 1 OR o.id IN (SELECT go.organization_id FROM group_organizations go " \
  "JOIN group_managers gm ON gm.group_id = go.group_id WHERE gm.user_id = ?101))"

typedef struct {
  const char *key;
  const char *category;
  const char *description;
} PdPortalPermission;

/* The permission catalogue, terminated by a NULL key. */
extern const PdPortalPermission pd_portal_permissions[];
gboolean        pd_portal_permission_exists (const char      *key);

PdPortalCaller *pd_portal_caller_load       (PdPortal        *portal,
                                             gint64           user_id,
                                             const char      *credential);
/* The caller for an "Authorization: Bearer …" token (access token or API key), or NULL. */
PdPortalCaller *pd_portal_caller_from_bearer (PdPortal       *portal,
                                             const char      *token);
void            pd_portal_caller_free       (PdPortalCaller  *caller);
gboolean        pd_portal_caller_can        (PdPortalCaller  *caller,
                                             const char      *permission);
gboolean        pd_portal_caller_sees       (PdPortalCaller  *caller,
                                             gint64           organization_id);
void            pd_portal_caller_bind_scope (PdPortalCaller  *caller,
                                             sqlite3_stmt    *stmt);

/* Salted, iterated SHA-256 (demo server: no external KDF on the floor). */
char           *pd_portal_password_hash     (const char      *password,
                                             const char      *salt);
gboolean        pd_portal_password_verify   (const char      *password,
                                             const char      *salt,
                                             const char      *hash);

/* Issues an OAuth access token for @user_id in token @family; returns the token. */
char           *pd_portal_issue_access_token (PdPortal       *portal,
                                             gint64           user_id,
                                             const char      *family,
                                             const char      *client_id,
                                             int              lifetime_seconds);
/* Creates an API key row; returns the key (shown once). */
char           *pd_portal_create_api_key    (PdPortal        *portal,
                                             gint64           user_id,
                                             const char      *name,
                                             gint64          *out_rowid);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdPortalCaller, pd_portal_caller_free)

G_END_DECLS

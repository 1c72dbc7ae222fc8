/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the partner administration modules (partner, users, roles, groups) share.
 * Defined in pd-portal-roles.c, except where noted. */
#pragma once

#include "pd-portal-http.h"

G_BEGIN_DECLS

/* Role IDs: a built-in role is its key ("admin"), a custom role "role_<rowid>". */
char   *pd_portal_role_public_id  (gboolean          builtin,
                                   const char       *key,
                                   gint64            rowid);
/* The rowid of the role @public_id as seen by @partner_id (a built-in role or one of the
 * partner's custom roles), or 0. */
gint64  pd_portal_role_find       (PdPortal         *portal,
                                   gint64            partner_id,
                                   const char       *public_id);
/* @member: {id, key, name}. */
void    pd_portal_json_role_ref   (JsonBuilder      *builder,
                                   const char       *member,
                                   gint64            rowid,
                                   gboolean          builtin,
                                   const char       *key,
                                   const char       *name);

/* A 403 problem of type @slug whose `permission` member is @permission: the permission the
 * caller lacks, or the rule that forbids the request ("rank", "self", "scope"), as
 * "relationship" does for reseller organizations. */
void    pd_portal_respond_forbidden (PdPortalRequest *req,
                                     const char      *slug,
                                     const char      *title,
                                     const char      *permission,
                                     const char      *detail_format,
                                     ...) G_GNUC_PRINTF (5, 6);

/* Built-in roles whose users may manage groups. */
gboolean pd_portal_role_may_manage_groups (gboolean    builtin,
                                           const char *key);

/* Bumps the version of every group @user_id manages: groups show their managers' names
 * (pd-portal-groups.c). */
void    pd_portal_groups_touch_managed (PdPortal *portal,
                                        gint64    user_id);
/* Removes @user_id from every group they manage, bumping those groups' versions
 * (pd-portal-groups.c). */
void    pd_portal_groups_drop_manager (PdPortal *portal,
                                       gint64    user_id);

G_END_DECLS

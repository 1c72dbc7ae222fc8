/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "pd-session.h"

G_BEGIN_DECLS

/* What the portal does not keep of an authorization in progress: the optional scopes chosen
 * and the seats selected, as a session document ("drafts/authorize/<org>/<service>"), so a
 * closed wizard resumes with them. Load it with pd_cache_load_document_async(). */
char  *pd_authorize_draft_name (const char         *organization_id,
                                const char         *service_id);
/* @optional_scopes, @seats: NULL when not chosen yet */
JsonNode *pd_authorize_draft_build (const char * const *optional_scopes,
                                    const char * const *seats);
/* Keeps @draft (a built one) as the service's draft */
void   pd_authorize_draft_save (PdSession          *session,
                                const char         *organization_id,
                                const char         *service_id,
                                JsonNode           *draft);
/* One list of a loaded draft (@draft may be NULL); NULL when it has none */
char **pd_authorize_draft_dup  (JsonNode           *draft,
                                const char         *member);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-permission-catalogue.h"
#include "pd-session.h"

G_BEGIN_DECLS

/* The portal's permission catalogue (GET /api/v1/permissions). Each answer is kept in the
 * account's cache, so the role editor still lists every permission when the portal cannot
 * be reached; the portal's error is returned only when no copy was cached. */
void                   pd_role_catalogue_load_async  (PdSession            *session,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
PdPermissionCatalogue *pd_role_catalogue_load_finish (PdSession            *session,
                                                      GAsyncResult         *result,
                                                      GError              **error);

G_END_DECLS

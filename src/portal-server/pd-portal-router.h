/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-portal-http.h"

G_BEGIN_DECLS

struct _PdPortalRoute
{
  char               *method;
  GStrv               segments;
  PdPortalRouteFlags  flags;
  PdPortalHandler     handler;
};

/* The route for @method on @path with its placeholders in @params_out; @path_known tells
 * a 405 (path exists, other method) from a 404. */
PdPortalRoute *pd_portal_match_route     (PdPortal    *portal,
                                          const char  *method,
                                          const char  *path,
                                          GStrv       *params_out,
                                          gboolean    *path_known);
void           pd_portal_route_free      (gpointer     route);
/* "GET, PATCH" for an Allow header. */
char          *pd_portal_allowed_methods (PdPortal    *portal,
                                          const char  *path);

G_END_DECLS

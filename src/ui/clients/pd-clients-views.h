/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pd-clients-filter.h"
#include "pd-clients-sorter.h"

G_BEGIN_DECLS

/* Saved views of the Clients page, kept in the GSettings key "saved-views" (aa{sv}). A view
 * is an a{sv}: "name" (s), "search" (s), "filters" (a{sv}: "status", "plan-type",
 * "relationship", "management-mode" as arrays of the contract's values, "needs-authentication"
 * and "problems-only" as booleans) and "sort" (s: name, worst-status, seat-usage,
 * last-backup). Values this version does not know are ignored, so views survive upgrades. */

/* A new floating a{sv} of the current search, filters and sort */
GVariant *pd_clients_view_capture (const char      *name,
                                   PdClientsFilter *filter,
                                   PdClientsSorter *sorter);
/* Sets @filter and @sorter to what @view holds; a member it lacks is reset */
void      pd_clients_view_apply   (GVariant        *view,
                                   PdClientsFilter *filter,
                                   PdClientsSorter *sorter);
/* Its name, or NULL when it has none */
char     *pd_clients_view_dup_name (GVariant       *view);

/* The views, sorted as saved */
GVariant *pd_clients_views_get    (GSettings       *settings);
/* Adds @view (floating or not), replacing a view of the same name */
void      pd_clients_views_save   (GSettings       *settings,
                                   GVariant        *view);
/* The view called @name, or NULL */
GVariant *pd_clients_views_lookup (GSettings       *settings,
                                   const char      *name);
gboolean  pd_clients_views_delete (GSettings       *settings,
                                   const char      *name);

G_END_DECLS

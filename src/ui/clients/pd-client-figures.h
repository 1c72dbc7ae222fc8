/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-organization.h"
#include "pd-badge-state.h"

G_BEGIN_DECLS

/* What the filter, the sorter, a section's header and the CSV say about one client, worked
 * out from its services. Computed on demand (a client has a handful of services, and they
 * change in place with every sync, so a cache would only be one more thing to invalidate). */
typedef struct
{
  PdBadgeState worst_state;       /* the most severe badge of its tiles (UNKNOWN: none) */
  gboolean     has_problem;       /* a problem badge, credentials to renew, or unmapped */
  guint        management_modes;  /* 1 << PdManagementMode of each service */
  guint        n_services;
  gint64       seats_total;
  gint64       seats_managed;
  gint64       seats_unprotected;
  /* The least recent last backup among its services that have one (the stalest protected
   * data); 0 and FALSE when none has backed up yet. Unix seconds. */
  gboolean     has_last_backup;
  gint64       last_backup;
} PdClientFigures;

void        pd_client_figures_compute    (PdOrganization  *organization,
                                          PdClientFigures *figures);
/* managed / total; over 1 when over capacity; no licenses but seats in use count as full */
double      pd_client_figures_seat_usage (const PdClientFigures *figures);

/* The folded text search matches against: id, name and domain (cached on the organization,
 * refreshed when they change). */
const char *pd_client_get_search_key     (PdOrganization  *organization);

/* Search folding: case-folded, compatibility-decomposed, without accents (so "cafe" finds
 * "Café"), typographic quotes as ASCII ones, blanks at both ends removed. */
char       *pd_client_fold_text          (const char      *text);

G_END_DECLS

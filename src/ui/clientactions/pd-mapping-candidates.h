/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-session.h"

G_BEGIN_DECLS

/* The service accounts an organization can be linked to (GET …/mapping/candidates) for one
 * search, page by page: a list of PdServiceAccountCandidate that grows as more pages are
 * asked for. A new search drops the answer of the old one. */
#define PD_TYPE_MAPPING_CANDIDATES (pd_mapping_candidates_get_type ())
G_DECLARE_FINAL_TYPE (PdMappingCandidates, pd_mapping_candidates, PD, MAPPING_CANDIDATES, GObject)

PdMappingCandidates *pd_mapping_candidates_new        (PdSession           *session,
                                                       const char          *organization_id);
/* PdServiceAccountCandidate items */
GListModel          *pd_mapping_candidates_get_model  (PdMappingCandidates *self);
/* Starts over with @query (NULL or blank: every account) */
void                 pd_mapping_candidates_search     (PdMappingCandidates *self,
                                                       const char          *query);
/* The next page, when there is one and no page is on its way */
void                 pd_mapping_candidates_load_more  (PdMappingCandidates *self);
/* Property "loading": a page is on its way */
gboolean             pd_mapping_candidates_get_loading  (PdMappingCandidates *self);
/* Property "has-more": the portal has more pages for this search */
gboolean             pd_mapping_candidates_get_has_more (PdMappingCandidates *self);
/* Property "error": why the last page could not be read (translated), or NULL */
const char          *pd_mapping_candidates_get_error    (PdMappingCandidates *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-resource.h"

G_BEGIN_DECLS

/* A GListModel of PdResources of one type, keyed by id, in the order the portal lists
 * them (insertion order; new ids are appended). Applying a sync result updates existing
 * objects in place (so bound widgets follow) and emits items-changed only for inserts
 * and removals, coalesced into as few signals as possible. Main thread only. */
#define PD_TYPE_RESOURCE_LIST (pd_resource_list_get_type ())
G_DECLARE_FINAL_TYPE (PdResourceList, pd_resource_list, PD, RESOURCE_LIST, GObject)

PdResourceList *pd_resource_list_new     (GType               item_type);
/* Upserts every item of @items (PdResource*), then removes @deleted_ids (NULL-terminated,
 * may be NULL). */
void            pd_resource_list_apply   (PdResourceList     *self,
                                          GPtrArray          *items,
                                          const char * const *deleted_ids);
/* Makes the list exactly @items (a full sync or a cache load): updates what exists,
 * appends what is new, removes what is missing. */
void            pd_resource_list_replace (PdResourceList     *self,
                                          GPtrArray          *items);
/* Borrowed; NULL when absent */
PdResource     *pd_resource_list_lookup  (PdResourceList     *self,
                                          const char         *id);
gboolean        pd_resource_list_remove  (PdResourceList     *self,
                                          const char         *id);

G_END_DECLS

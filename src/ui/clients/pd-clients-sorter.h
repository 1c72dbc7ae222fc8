/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum {
  PD_CLIENTS_SORT_NAME,          /* A to Z, in the user's collation */
  PD_CLIENTS_SORT_WORST_STATUS,  /* the client with the most severe tile first */
  PD_CLIENTS_SORT_SEAT_USAGE,    /* fullest first (managed / total), over capacity on top */
  PD_CLIENTS_SORT_LAST_BACKUP,   /* stalest first: oldest last backup, never backed up on top */
} PdClientsSortOrder;

#define PD_TYPE_CLIENTS_SORT_ORDER (pd_clients_sort_order_get_type ())
GType pd_clients_sort_order_get_type (void) G_GNUC_CONST;

/* The order of the Clients page. Ties fall back to the name, then the id, so the order is
 * total and stable across refreshes. */
#define PD_TYPE_CLIENTS_SORTER (pd_clients_sorter_get_type ())
G_DECLARE_FINAL_TYPE (PdClientsSorter, pd_clients_sorter, PD, CLIENTS_SORTER, GtkSorter)

PdClientsSorter    *pd_clients_sorter_new       (PdClientsSortOrder  order);
PdClientsSortOrder  pd_clients_sorter_get_order (PdClientsSorter    *self);
void                pd_clients_sorter_set_order (PdClientsSorter    *self,
                                                 PdClientsSortOrder  order);
/* The translated name of @order ("Worst status") */
const char         *pd_clients_sort_order_get_label (PdClientsSortOrder order);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-clients-filter.h"
#include "pd-clients-first-screen.h"
#include "pd-clients-page.h"
#include "pd-clients-sorter.h"

G_BEGIN_DECLS

/* PdClientsPage spans pd-clients-page.c (models, list, count, search, actions),
 * pd-clients-page-controls.c (filter and saved-view popovers), pd-clients-page-keynav.c
 * (arrows between tiles) and pd-clients-export.c (CSV). */
struct _PdClientsPage
{
  AdwBin              parent_instance;

  PdSession          *session;
  GSettings          *settings;
  GCancellable       *cancellable;
  PdClientsFilter    *filter;
  PdClientsSorter    *sorter;
  GtkSortListModel   *sort_model;
  GtkFilterListModel *filter_model;
  PdClientsFirstScreen *first_screen;  /* what the view is given of filter_model */
  GSignalGroup       *session_signals;
  GSignalGroup       *sync_signals;
  GPtrArray          *sections;          /* the PdClientSections of the rows */
  GPtrArray          *spare_sections;    /* released ones, for the next rows (refs) */
  char               *role_lock;
  GPtrArray          *filter_checks;     /* GtkCheckButtons of the filter popover */
  gboolean            updating_checks;
  gboolean            refreshing;        /* re-checking after a sync, not a user's change */
  guint               warm_up_id;        /* folding search keys ahead, when idle */
  guint               warm_up_next;
  guint               scroll_tick;       /* back to the top after a change, next frame */
  guint               focus_tick;        /* keyboard move waiting for a row to appear */
  guint               focus_position;
  guint               focus_column;
  guint               focus_tries;

  GtkSearchEntry     *search_entry;
  GtkMenuButton      *filter_button;
  GtkMenuButton      *sort_button;
  GtkMenuButton      *views_button;
  GtkLabel           *count_label;
  GtkWidget          *clear_button;
  GtkStack           *stack;
  GtkGridView        *list_view;
  AdwStatusPage      *empty_page;
  GtkWidget          *empty_clear_button;
  GtkBox             *filter_box;
  GtkPopover         *views_popover;
  GtkEntry           *view_name_entry;
  GtkWidget          *save_view_button;
  GtkWidget          *no_views_label;
  GtkListBox         *views_list;
};

/* pd-clients-page-controls.c */
void pd_clients_page_controls_init      (PdClientsPage *self);
void pd_clients_page_sync_filter_checks (PdClientsPage *self);
void pd_clients_page_update_views       (PdClientsPage *self);
void pd_clients_page_save_view          (PdClientsPage *self);
void pd_clients_page_apply_view         (PdClientsPage *self,
                                         const char    *name);
void pd_clients_page_delete_view        (PdClientsPage *self,
                                         const char    *name);

/* pd-clients-page-keynav.c */
void pd_clients_page_keynav_init        (PdClientsPage *self);
void pd_clients_page_keynav_dispose     (PdClientsPage *self);
gboolean pd_clients_page_move_focus     (PdClientsPage    *self,
                                         GtkDirectionType  direction);

/* pd-clients-export.c */
void pd_clients_page_export             (PdClientsPage *self);

G_END_DECLS

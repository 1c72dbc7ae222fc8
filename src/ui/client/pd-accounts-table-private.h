/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-accounts-table.h"
#include "pd-service.h"

G_BEGIN_DECLS

/* PdAccountsTable spans pd-accounts-table.c (models, filters, states), pd-accounts-columns.c
 * (the cells and sorters) and pd-accounts-bulk-ui.c (bulk actions and their notice). */
struct _PdAccountsTable
{
  GtkWidget            parent_instance;

  PdSession           *session;
  char                *organization_id;
  GListModel          *services;        /* PdService, the organization's */
  GListStore          *lists;           /* PdResourceList per service, in service order */
  GHashTable          *fetched;         /* service ids whose accounts were asked for */
  GtkFlattenListModel *all;
  GtkCustomFilter     *filter;
  GtkFilterListModel  *filtered;
  GtkSortListModel    *sorted;
  GtkMultiSelection   *selection;
  GCancellable        *cancellable;     /* fetches and bulk requests; cancelled in dispose */
  guint                pending_fetches;
  GError              *fetch_error;
  char                *restriction_title;
  char                *restriction_text;
  char                *focus_service_id;
  char                *search_key;      /* casefolded, normalized; NULL for none */
  gboolean             can_protect;
  gboolean             narrow;
  gboolean             busy;            /* a bulk action is on its way */
  gpointer             protection_cells; /* pd-accounts-columns.c's record of the column */

  GtkSearchEntry      *search_entry;
  GtkDropDown         *type_dropdown;
  GtkDropDown         *status_dropdown;
  GtkButton           *focus_button;
  GtkLabel            *count_label;
  GtkLabel            *error_label;
  GtkStack            *accounts_stack;
  GtkSpinner          *loading_spinner;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *type_column;
  GtkColumnViewColumn *service_column;
  GtkColumnViewColumn *protection_column;
  GtkColumnViewColumn *backup_column;
  GtkColumnViewColumn *last_backup_column;
  AdwStatusPage       *empty_page;
  GtkButton           *clear_filters_button;
  AdwStatusPage       *restricted_page;
  AdwStatusPage       *error_page;
  GtkRevealer         *selection_revealer;
  GtkBox              *bulk_buttons;
  GtkButton           *protect_button;
  GtkButton           *pause_button;
  GtkButton           *unprotect_button;
  GtkLabel            *selection_label;
  GtkSpinner          *bulk_spinner;
  GtkRevealer         *notice_revealer;
  GtkWidget           *notice_box;
  GtkImage            *notice_icon;
  GtkLabel            *notice_title;
  GtkLabel            *notice_text;
  GtkListBox          *notice_list;
  GtkWidget           *notice_scroller;
};

/* pd-accounts-columns.c: factories and sorters of the six columns */
void       pd_accounts_table_setup_columns      (PdAccountsTable *self);
void       pd_accounts_table_update_narrow_cells (PdAccountsTable *self);
PdService *pd_accounts_table_lookup_service     (PdAccountsTable *self,
                                                 const char      *service_id);

/* pd-accounts-table.c */
void       pd_accounts_table_refilter           (PdAccountsTable *self);
void       pd_accounts_table_update_selection   (PdAccountsTable *self);
/* Fetches one service's accounts again (after a bulk action) */
void       pd_accounts_table_refetch_service    (PdAccountsTable *self,
                                                 const char      *service_id);

/* pd-accounts-bulk-ui.c */
void       pd_accounts_table_bulk_class_init    (GtkWidgetClass  *widget_class);
/* Shows the notice: @css_class "error", "warning" or "success"; @items: (title, detail)
 * pairs for the failures list, may be NULL */
void       pd_accounts_table_show_notice        (PdAccountsTable *self,
                                                 const char      *css_class,
                                                 const char      *title,
                                                 const char      *text,
                                                 GPtrArray       *items);
void       pd_accounts_table_hide_notice        (PdAccountsTable *self);

G_END_DECLS

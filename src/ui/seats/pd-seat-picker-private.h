/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-account.h"
#include "pd-seat-picker.h"

G_BEGIN_DECLS

/* PdSeatPicker spans pd-seat-picker.c (models, filters, states, the counter),
 * pd-seat-picker-selection.c (what is selected and the seat limit) and
 * pd-seat-picker-apply.c (the bulk requests and their outcome). */
struct _PdSeatPicker
{
  AdwBin              parent_instance;

  PdSession          *session;
  PdOrganization     *organization;
  PdService          *service;
  PdResourceList     *accounts;       /* the session's list for the service */
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GHashTable         *selected;       /* account ids */
  GHashTable         *failures;       /* account id → why the last apply failed for it */
  GHashTable         *rows;           /* the bound PdSeatPickerRows */
  GArray             *type_kinds;     /* type filter position → PdAccountType (0: all) */
  GCancellable       *cancellable;    /* fetches and apply; cancelled in dispose */
  GError             *fetch_error;
  char               *search_key;     /* pd_client_fold_text(); NULL for none */
  GHashTable         *search_keys;    /* PdAccount → its folded name and e-mail */
  gboolean            loading;
  gboolean            selection_set;  /* a draft or the protected accounts were taken */
  gboolean            applying;
  gboolean            limit_notice;   /* the notice tells of the seat limit */
  guint               notified_n;
  gboolean            notified_can_apply;

  GtkSearchEntry     *search_entry;
  GtkDropDown        *type_dropdown;
  GtkButton          *select_all_button;
  GtkButton          *select_none_button;
  GtkLabel           *counter_label;
  GtkLabel           *open_label;
  GtkLevelBar        *seat_bar;
  GtkRevealer        *notice_revealer;
  GtkImage           *notice_icon;
  GtkLabel           *notice_label;
  GtkStack           *stack;
  GtkSpinner         *loading_spinner;
  AdwStatusPage      *error_page;
  GtkListView        *list_view;
  GtkWidget          *list_frame;     /* gated by the permission */
  GtkLabel           *shown_label;
};

/* pd-seat-picker.c */
void     pd_seat_picker_update_counter   (PdSeatPicker *self);
/* Shows @text under a warning (or, for @error, an error) icon above the list; NULL hides it */
void     pd_seat_picker_show_notice      (PdSeatPicker *self,
                                          gboolean      error,
                                          const char   *text);
void     pd_seat_picker_refresh_rows     (PdSeatPicker *self);
void     pd_seat_picker_refetch          (PdSeatPicker *self);

/* pd-seat-picker-selection.c */
/* The service's total seats, -1 when unknown (then the portal decides) */
gint64   pd_seat_picker_get_seats_total  (PdSeatPicker *self);
gboolean pd_seat_picker_is_selected      (PdSeatPicker *self,
                                          PdAccount    *account);
/* Whether @account may be selected at all (a deleted, unprotected account may not) */
gboolean pd_seat_picker_is_selectable    (PdSeatPicker *self,
                                          PdAccount    *account);
/* Selects or deselects @account; FALSE (and the reason shown) when selecting it would pass
 * the total seats */
gboolean pd_seat_picker_toggle           (PdSeatPicker *self,
                                          PdAccount    *account,
                                          gboolean      selected);
/* The protected and paused accounts, when no draft was given; drops ids no longer listed */
void     pd_seat_picker_take_selection   (PdSeatPicker *self);
/* After any change: the counter, the states, the properties */
void     pd_seat_picker_update           (PdSeatPicker *self);
/* After a change of the user's (or a draft's): update, and "changed" */
void     pd_seat_picker_selection_changed (PdSeatPicker *self);
/* Whether the signed-in role may protect this client's accounts */
gboolean pd_seat_picker_can_change       (PdSeatPicker *self);
/* Explains a selection over the total (a draft from before the license went down) */
void     pd_seat_picker_update_limit_notice (PdSeatPicker *self);
void     pd_seat_picker_selection_class_init (GtkWidgetClass *widget_class);

/* pd-seat-picker-apply.c */
const char *pd_seat_picker_get_failure   (PdSeatPicker *self,
                                          PdAccount    *account);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* How the picker shows one item (a PdResource) of its list: @title, @subtitle (may be set
 * to NULL), and @refusal, why it cannot be picked (NULL when it can). */
typedef void     (*PdPickerDescribe) (gpointer     item,
                                      char       **title,
                                      char       **subtitle,
                                      char       **refusal,
                                      gpointer     data);
/* Whether @item matches @query (folded with pd_client_fold_text(), not empty) */
typedef gboolean (*PdPickerMatch)    (gpointer     item,
                                      const char  *query,
                                      gpointer     data);

/* A searchable multi-select list over a model of any size (only the visible rows exist).
 * The choices survive searching; “picked” (a GStrv of resource ids) when the user accepts
 * them, then the window closes. */
#define PD_TYPE_PICKER (pd_picker_get_type ())
G_DECLARE_FINAL_TYPE (PdPicker, pd_picker, PD, PICKER, AdwWindow)

/* @data: a GObject both callbacks get (a reference is kept) */
GtkWidget  *pd_picker_new              (GtkWidget           *parent,
                                        const char          *title,
                                        const char          *search_placeholder,
                                        GListModel          *items,
                                        PdPickerDescribe     describe,
                                        PdPickerMatch        match,
                                        GObject             *data);
/* Ticks these ids already (editing a selection rather than adding to one) */
void        pd_picker_set_chosen       (PdPicker            *self,
                                        const char * const  *ids);
/* The accept button's label with a mnemonic; “_Add” unless set */
void        pd_picker_set_accept_label (PdPicker            *self,
                                        const char          *label);

/* Organizations (PdOrganization) sorted by name for a picker, and its match for them */
GListModel *pd_picker_sort_organizations (GListModel        *organizations);
gboolean    pd_picker_match_organization (gpointer           item,
                                          const char        *query,
                                          gpointer           data);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* How the picker shows one item (a PdResource) of its list: @title, @subtitle (may be set
 * to NULL), and @refusal, why it cannot be picked (NULL when it can). */
typedef void     (*PdGroupPickerDescribe) (gpointer     item,
                                           char       **title,
                                           char       **subtitle,
                                           char       **refusal,
                                           gpointer     data);
/* Whether @item matches @query (folded with pd_client_fold_text(), not empty) */
typedef gboolean (*PdGroupPickerMatch)    (gpointer     item,
                                           const char  *query,
                                           gpointer     data);

/* A searchable multi-select list over a model of any size (only the visible rows exist).
 * The choices survive searching; “picked” (a GStrv of resource ids) when the user adds
 * them, then the window closes. */
#define PD_TYPE_GROUP_PICKER (pd_group_picker_get_type ())
G_DECLARE_FINAL_TYPE (PdGroupPicker, pd_group_picker, PD, GROUP_PICKER, AdwWindow)

/* @data: a GObject both callbacks get (a reference is kept) */
GtkWidget *pd_group_picker_new (GtkWidget             *parent,
                                const char            *title,
                                const char            *search_placeholder,
                                GListModel            *items,
                                PdGroupPickerDescribe  describe,
                                PdGroupPickerMatch     match,
                                GObject               *data);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Children in lines that wrap (libadwaita 1.2 has no wrap box, and a GtkFlowBox wraps each
 * child in a focusable, selectable child of its own and stretches them). Two ways:
 * natural: each child at its natural width, lines start at the left (chips);
 * uniform (a column width > 0): as many columns of at least that width as fit, children
 * stretched to the column, so the tiles of every client line up in one grid. */
#define PD_TYPE_WRAP_BOX (pd_wrap_box_get_type ())
G_DECLARE_FINAL_TYPE (PdWrapBox, pd_wrap_box, PD, WRAP_BOX, GtkWidget)

GtkWidget *pd_wrap_box_new              (void);
void       pd_wrap_box_append           (PdWrapBox *self,
                                         GtkWidget *child);
void       pd_wrap_box_remove           (PdWrapBox *self,
                                         GtkWidget *child);
void       pd_wrap_box_set_spacing      (PdWrapBox *self,
                                         int        column_spacing,
                                         int        row_spacing);
/* 0: natural widths; otherwise the smallest column width of the uniform grid */
void       pd_wrap_box_set_column_width (PdWrapBox *self,
                                         int        width);

G_END_DECLS

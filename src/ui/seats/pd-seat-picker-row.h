/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pd-account.h"

G_BEGIN_DECLS

/* One account of the seat picker: a check whose label is the whole row (name, e-mail, type,
 * current protection) and, after a failed apply, the reason on a line of its own. */
#define PD_TYPE_SEAT_PICKER_ROW (pd_seat_picker_row_get_type ())
G_DECLARE_FINAL_TYPE (PdSeatPickerRow, pd_seat_picker_row, PD, SEAT_PICKER_ROW, GtkWidget)

GtkWidget *pd_seat_picker_row_new         (void);
PdAccount *pd_seat_picker_row_get_account (PdSeatPickerRow *self);
/* @failure: why the last apply failed for this account, or NULL */
void       pd_seat_picker_row_set         (PdSeatPickerRow *self,
                                           PdAccount       *account,
                                           gboolean         selected,
                                           gboolean         selectable,
                                           const char      *failure);

G_END_DECLS

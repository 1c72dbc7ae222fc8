/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A small rounded label for a fact about a client ("Partner-managed", "Reseller", "EU").
 * Add the style classes "accent", "warning" or "error" to tint it. */
#define PD_TYPE_CHIP (pd_chip_get_type ())
G_DECLARE_FINAL_TYPE (PdChip, pd_chip, PD, CHIP, GtkWidget)

/* @tooltip: what the fact means, or NULL */
GtkWidget  *pd_chip_new      (const char *text,
                              const char *tooltip);
const char *pd_chip_get_text (PdChip     *self);
void        pd_chip_set_text (PdChip     *self,
                              const char *text);

G_END_DECLS

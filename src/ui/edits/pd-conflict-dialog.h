/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "pd-edit.h"

G_BEGIN_DECLS

/* Someone changed an item on the portal while the user edited it: shows theirs and mine,
 * field by field (the fields of mine), and asks which to keep. Emits "resolved" once, with
 * TRUE for mine; closing it keeps theirs, which overwrites nothing. Used by PdEdit. */
#define PD_TYPE_CONFLICT_DIALOG (pd_conflict_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PdConflictDialog, pd_conflict_dialog, PD, CONFLICT_DIALOG, AdwMessageDialog)

/* @mine: the body sent (NULL for a removal); @theirs: the resource as the portal has it now;
 * @labels: field → label (may be NULL); @format: see PdEditFormatFunc (may be NULL). */
GtkWidget *pd_conflict_dialog_new (GtkWindow        *parent,
                                   const char       *description,
                                   JsonNode         *mine,
                                   JsonNode         *theirs,
                                   GHashTable       *labels,
                                   PdEditFormatFunc  format,
                                   gpointer          format_data);

G_END_DECLS

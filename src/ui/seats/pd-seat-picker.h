/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pd-organization.h"
#include "pd-service.h"
#include "pd-session.h"

G_BEGIN_DECLS

/* Which accounts of one service hold a seat: the tenant's accounts with search, type filter,
 * select all / none and a live counter against the service's total seats, which it never
 * lets the selection pass. Applying protects the newly selected and unprotects the
 * deselected accounts through the outbox; per-account failures show on their rows. */
#define PD_TYPE_SEAT_PICKER (pd_seat_picker_get_type ())
G_DECLARE_FINAL_TYPE (PdSeatPicker, pd_seat_picker, PD, SEAT_PICKER, AdwBin)

GtkWidget *pd_seat_picker_new              (PdSession           *session,
                                            PdOrganization      *organization,
                                            PdService           *service);
/* Initial selection: the protected accounts, or these ids (a draft) */
void       pd_seat_picker_set_selected_ids (PdSeatPicker        *self,
                                            const char * const  *ids);
char     **pd_seat_picker_dup_selected_ids (PdSeatPicker        *self);
/* property "n-selected" */
guint      pd_seat_picker_get_n_selected   (PdSeatPicker        *self);
/* property "can-apply": within the total seats */
gboolean   pd_seat_picker_get_can_apply    (PdSeatPicker        *self);
/* Protects the newly selected and unprotects the deselected accounts, in batches through the
 * outbox; per-account failures are shown in the picker itself. */
void       pd_seat_picker_apply_async      (PdSeatPicker        *self,
                                            GtkWidget           *parent,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean   pd_seat_picker_apply_finish     (PdSeatPicker        *self,
                                            GAsyncResult        *result,
                                            guint               *n_protected,
                                            guint               *n_failed,
                                            GError             **error);
/* signal "changed": the selection changed (for drafts) */

G_END_DECLS

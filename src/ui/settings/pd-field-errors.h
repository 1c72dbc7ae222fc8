/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The inline errors of a form. Each field (named as the portal names it, e.g.
 * "manual.host") has a row; a field with an error gets the row's "error" style and a
 * warning icon whose tooltip and accessible description say what is wrong, and every
 * message is listed, with the row's title, in @summary (hidden when there is none), so the
 * meaning never rests on colour. A field's message is its own check's, else the portal's
 * last answer (a 422) until the user changes that field. */
typedef struct _PdFieldErrors PdFieldErrors;

PdFieldErrors *pd_field_errors_new          (GtkLabel      *summary);
void           pd_field_errors_free         (PdFieldErrors *self);
/* @row: an AdwEntryRow or AdwActionRow. Several fields may share a row. */
void           pd_field_errors_add          (PdFieldErrors *self,
                                             const char    *field,
                                             GtkWidget     *row);
/* The field's own check: a message, or NULL when fine */
void           pd_field_errors_set_check    (PdFieldErrors *self,
                                             const char    *field,
                                             const char    *message);
/* The user changed @row: the portal's messages about its fields no longer apply. */
void           pd_field_errors_forget_portal (PdFieldErrors *self,
                                             GtkWidget     *row);
/* Shows the field errors of a 422 (PD_PORTAL_ERROR_VALIDATION); fields without a row are
 * listed in the summary by their name. FALSE when @error is not a validation error. */
gboolean       pd_field_errors_show_portal  (PdFieldErrors *self,
                                             const GError  *error);
void           pd_field_errors_clear_portal (PdFieldErrors *self);
/* Whether the field's own check fails (the portal's messages do not count: the user may
 * save again as they are, e.g. after fixing the server) */
gboolean       pd_field_errors_check_fails  (PdFieldErrors *self,
                                             const char    *field);
/* The message shown for @field, or NULL */
const char    *pd_field_errors_get          (PdFieldErrors *self,
                                             const char    *field);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdFieldErrors, pd_field_errors_free)

G_END_DECLS

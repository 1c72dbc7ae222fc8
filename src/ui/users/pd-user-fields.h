/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pd-portal-error.h"
#include "pd-session.h"

G_BEGIN_DECLS

/* What the new-user and edit-user dialogs share: the role choice, the e-mail check and
 * errors shown on the field they belong to. */

/* Offers the roles the signed-in user may give (ranked below theirs, highest first) and,
 * when not NULL, @keep_role_id (a user's current role, so it shows even if not grantable). */
void        pd_user_fields_setup_roles     (AdwComboRow        *row,
                                            PdSession          *session,
                                            const char         *keep_role_id);
const char *pd_user_fields_get_role_id     (AdwComboRow        *row);
void        pd_user_fields_select_role     (AdwComboRow        *row,
                                            const char         *role_id);

/* The portal's own test of an e-mail address (pd-portal-validate.c), to say so before sending */
gboolean    pd_user_fields_email_valid     (const char         *text);

/* Shows @message under @row in @error_row (an AdwPreferencesRow holding a GtkLabel), marks
 * @row and describes it to screen readers; NULL clears. */
void        pd_user_fields_show_error      (GtkWidget          *row,
                                            GtkWidget          *error_row,
                                            const char         *message);
/* A 422's field error in words: translated for the codes the portal uses, else its message */
char       *pd_user_fields_dup_error_text  (PdPortalFieldError *error);

G_END_DECLS

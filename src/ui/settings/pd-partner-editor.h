/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pd-session.h"

G_BEGIN_DECLS

/* The partner's name and the default country of new clients (the session's partner
 * document, read again from the portal when shown), saved with If-Match through PdEdit.
 * Changing them needs partner.write (owner and super admin); others see them read-only
 * with the reason. */
#define PD_TYPE_PARTNER_EDITOR (pd_partner_editor_get_type ())
G_DECLARE_FINAL_TYPE (PdPartnerEditor, pd_partner_editor, PD, PARTNER_EDITOR, AdwBin)

GtkWidget *pd_partner_editor_new    (PdSession       *session);
/* Reads the partner from the portal again (unsaved input stays) */
void       pd_partner_editor_reload (PdPartnerEditor *self);

G_END_DECLS

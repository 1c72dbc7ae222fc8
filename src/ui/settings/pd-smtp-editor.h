/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pd-session.h"
#include "pd-smtp-settings.h"

G_BEGIN_DECLS

/* How the portal sends notification e-mails: the method (the portal's own relay, your SMTP
 * server, a Microsoft 365 application) and what each needs, checked as you type; the
 * status and test e-mails; the automatic test. Read from the portal (GET /smtp-settings,
 * never cached: nothing of it is needed offline) and saved with If-Match through PdEdit.
 * Passwords and client secrets go to the portal only and are never shown back: an empty
 * field keeps the stored one where the portal allows that. */
#define PD_TYPE_SMTP_EDITOR (pd_smtp_editor_get_type ())
G_DECLARE_FINAL_TYPE (PdSmtpEditor, pd_smtp_editor, PD, SMTP_EDITOR, AdwBin)

GtkWidget      *pd_smtp_editor_new          (PdSession    *session);
/* Reads the settings from the portal again (the form keeps unsaved input) */
void            pd_smtp_editor_reload       (PdSmtpEditor *self);
/* The settings the form is based on (property "settings"), NULL before they were read */
PdSmtpSettings *pd_smtp_editor_get_settings (PdSmtpEditor *self);

G_END_DECLS

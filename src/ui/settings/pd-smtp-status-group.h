/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pd-session.h"
#include "pd-smtp-settings.h"

G_BEGIN_DECLS

/* The SMTP settings' status (unverified, active, error with the reason, when the last test
 * ran) and “Send test e-mail”: the portal sends a message with the saved settings and
 * answers how it went; a spinner turns meanwhile and the portal's detail is shown. Emits
 * "tested" once the portal has answered (the settings' status changed on the portal). */
#define PD_TYPE_SMTP_STATUS_GROUP (pd_smtp_status_group_get_type ())
G_DECLARE_FINAL_TYPE (PdSmtpStatusGroup, pd_smtp_status_group, PD, SMTP_STATUS_GROUP, AdwPreferencesGroup)

void      pd_smtp_status_group_set_session  (PdSmtpStatusGroup   *self,
                                       PdSession      *session);
void      pd_smtp_status_group_set_settings (PdSmtpStatusGroup   *self,
                                       PdSmtpSettings *settings);
/* While the form has unsaved changes a test would not test them: sending waits. */
void      pd_smtp_status_group_set_unsaved  (PdSmtpStatusGroup   *self,
                                       gboolean        unsaved);
/* Whether a test e-mail is under way */
gboolean  pd_smtp_status_group_get_testing  (PdSmtpStatusGroup   *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-model-enums.h"
#include "pd-resource.h"

G_BEGIN_DECLS

/* How notification e-mails are sent (GET /smtp-settings). The manual-* and microsoft-* properties are unset unless has-manual / has-microsoft. */
#define PD_TYPE_SMTP_SETTINGS (pd_smtp_settings_get_type ())
G_DECLARE_FINAL_TYPE (PdSmtpSettings, pd_smtp_settings, PD, SMTP_SETTINGS, PdResource)

PdSmtpMethod         pd_smtp_settings_get_method                      (PdSmtpSettings *self);
gboolean             pd_smtp_settings_get_has_manual                  (PdSmtpSettings *self);
const char          *pd_smtp_settings_get_manual_host                 (PdSmtpSettings *self);
gint64               pd_smtp_settings_get_manual_port                 (PdSmtpSettings *self);
PdSmtpSecurity       pd_smtp_settings_get_manual_security             (PdSmtpSettings *self);
const char          *pd_smtp_settings_get_manual_username             (PdSmtpSettings *self);
gboolean             pd_smtp_settings_get_manual_password_set         (PdSmtpSettings *self);
const char          *pd_smtp_settings_get_manual_from_address         (PdSmtpSettings *self);
const char          *pd_smtp_settings_get_manual_from_name            (PdSmtpSettings *self);
gboolean             pd_smtp_settings_get_has_microsoft               (PdSmtpSettings *self);
const char          *pd_smtp_settings_get_microsoft_tenant_id         (PdSmtpSettings *self);
const char          *pd_smtp_settings_get_microsoft_client_id         (PdSmtpSettings *self);
const char          *pd_smtp_settings_get_microsoft_from_address      (PdSmtpSettings *self);
const char          *pd_smtp_settings_get_microsoft_from_name         (PdSmtpSettings *self);
gboolean             pd_smtp_settings_get_microsoft_client_secret_set (PdSmtpSettings *self);
PdSmtpStatus         pd_smtp_settings_get_status                      (PdSmtpSettings *self);
GDateTime           *pd_smtp_settings_get_last_test_at                (PdSmtpSettings *self);
const char          *pd_smtp_settings_get_last_error                  (PdSmtpSettings *self);
gboolean             pd_smtp_settings_get_auto_test_enabled           (PdSmtpSettings *self);
const char          *pd_smtp_settings_get_auto_test_to                (PdSmtpSettings *self);
PdSmtpTestFrequency  pd_smtp_settings_get_auto_test_frequency         (PdSmtpSettings *self);

G_END_DECLS

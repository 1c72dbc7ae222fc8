/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the settings forms check as the user types, by the portal's rules
 * (docs/portal-api.yaml, SmtpSettingsReplace and PartnerUpdate), so most mistakes show
 * before saving. Each returns a translated sentence saying what is wrong, or NULL when the
 * text is fine. @text is what the entry holds (NULL counts as empty). */

/* Required: an address like name@example.com */
const char *pd_settings_check_email       (const char *text);
/* Optional: empty, or an address */
const char *pd_settings_check_email_optional (const char *text);
/* A host name or an IPv4/IPv6 address */
const char *pd_settings_check_host        (const char *text);
/* A whole number from 1 to 65535; *port gets it when fine */
const char *pd_settings_check_port        (const char *text,
                                           guint      *port);
/* A sender name: optional, one line, no quotes, at most 100 characters */
const char *pd_settings_check_sender_name (const char *text);
/* A Microsoft tenant: its directory GUID or its domain name */
const char *pd_settings_check_tenant      (const char *text);
/* A Microsoft application (client) ID: a GUID */
const char *pd_settings_check_client_id   (const char *text);
/* The partner's name: 1 to 200 characters after trimming */
const char *pd_settings_check_partner_name (const char *text);

G_END_DECLS

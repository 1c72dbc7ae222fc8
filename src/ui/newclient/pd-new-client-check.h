/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-session.h"

G_BEGIN_DECLS

/* What the new-client wizard checks as the user types, by the portal's rules for
 * OrganizationCreate (docs/portal-api.yaml). Each returns a translated sentence saying what
 * is wrong, or NULL when the text is fine. */

/* Required, at most 200 characters, and no other client of the partner has it (ignoring
 * case) among the organizations the session knows; @except_id: the client itself once
 * created (NULL before) */
const char *pd_new_client_check_name      (PdSession  *session,
                                           const char *text,
                                           const char *except_id);
/* Optional: empty, or a domain name such as example.com */
const char *pd_new_client_check_domain    (const char *text);
/* Required, at most 100 characters */
const char *pd_new_client_check_plan_name (const char *text);
/* Three capital letters (ISO 4217) */
const char *pd_new_client_check_currency  (const char *text);
/* A monthly price such as 87 or 87.50 (as many decimals as @currency has); *cents gets it in
 * the currency's minor unit when fine */
const char *pd_new_client_check_price     (const char *text,
                                           const char *currency,
                                           gint64     *cents);
/* The price in @cents written back as the user would type it ("87.50") */
char       *pd_new_client_format_price    (gint64      cents,
                                           const char *currency);
/* The currency most of the partner's clients pay in, else USD */
char       *pd_new_client_usual_currency  (PdSession  *session);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The portal's rules for an initial password, each a line with a check or a cross and its
 * words, updated as the password is typed. The rules are exactly what the portal enforces
 * (pd-portal-users.c): 12 to 256 characters, counted as characters, spaces included. */
#define PD_TYPE_PASSWORD_RULES (pd_password_rules_get_type ())
G_DECLARE_FINAL_TYPE (PdPasswordRules, pd_password_rules, PD, PASSWORD_RULES, GtkWidget)

#define PD_PASSWORD_MIN_CHARS 12
#define PD_PASSWORD_MAX_CHARS 256

GtkWidget *pd_password_rules_new           (void);
void       pd_password_rules_set_password  (PdPasswordRules *self,
                                            const char      *password);
/* Whether the password set last meets every rule (property "satisfied") */
gboolean   pd_password_rules_get_satisfied (PdPasswordRules *self);

G_END_DECLS

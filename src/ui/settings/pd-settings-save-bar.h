/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pd-session.h"

G_BEGIN_DECLS

/* The bottom of a settings form: what is wrong with the input (the label a PdFieldErrors
 * fills), whether there is anything to save, and “Save” (gated by a permission, and
 * insensitive with the reason while there is nothing to save, the input is wrong or a save
 * is under way). Emits "save". */
#define PD_TYPE_SETTINGS_SAVE_BAR (pd_settings_save_bar_get_type ())
G_DECLARE_FINAL_TYPE (PdSettingsSaveBar, pd_settings_save_bar, PD, SETTINGS_SAVE_BAR, AdwBin)

void       pd_settings_save_bar_set_session      (PdSettingsSaveBar *self,
                                                  PdSession         *session,
                                                  const char        *permission);
GtkLabel  *pd_settings_save_bar_get_errors_label (PdSettingsSaveBar *self);
GtkWidget *pd_settings_save_bar_get_button       (PdSettingsSaveBar *self);
/* @changed: the input differs from what the portal has; @valid: the checks pass */
void       pd_settings_save_bar_set_state        (PdSettingsSaveBar *self,
                                                  gboolean           changed,
                                                  gboolean           valid);
void       pd_settings_save_bar_set_saving       (PdSettingsSaveBar *self,
                                                  gboolean           saving);
gboolean   pd_settings_save_bar_get_saving       (PdSettingsSaveBar *self);

G_END_DECLS

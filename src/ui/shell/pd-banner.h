/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A strip under the header bar with a sentence and one button, sliding in and out: what
 * AdwBanner (libadwaita 1.3) does, for the 1.2 floor. ::button-clicked when pressed. */
#define PD_TYPE_BANNER (pd_banner_get_type ())
G_DECLARE_FINAL_TYPE (PdBanner, pd_banner, PD, BANNER, GtkWidget)

GtkWidget  *pd_banner_new              (void);
const char *pd_banner_get_title        (PdBanner   *self);
void        pd_banner_set_title        (PdBanner   *self,
                                        const char *title);
/* NULL or "" hides the button */
void        pd_banner_set_button_label (PdBanner   *self,
                                        const char *label);
gboolean    pd_banner_get_revealed     (PdBanner   *self);
void        pd_banner_set_revealed     (PdBanner   *self,
                                        gboolean    revealed);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PD_TYPE_WELCOME_PAGE (pd_welcome_page_get_type ())

G_DECLARE_FINAL_TYPE (PdWelcomePage, pd_welcome_page, PD, WELCOME_PAGE, AdwBin)

void pd_welcome_page_show_error (PdWelcomePage *self,
                                 const char    *message);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pd-banner.h"
#include "pd-session.h"

G_BEGIN_DECLS

/* The session's standing news under the header bar: offline (with Retry), credentials
 * missing or refused (with Sign In Again, which activates app.sign-in-again), and the
 * cache rebuilt (once, until dismissed). */
#define PD_TYPE_SESSION_BANNERS (pd_session_banners_get_type ())
G_DECLARE_FINAL_TYPE (PdSessionBanners, pd_session_banners, PD, SESSION_BANNERS, GtkWidget)

GtkWidget *pd_session_banners_new         (void);
void       pd_session_banners_set_session (PdSessionBanners *self,
                                           PdSession        *session);
/* For tests */
PdBanner  *pd_session_banners_get_offline_banner (PdSessionBanners *self);
PdBanner  *pd_session_banners_get_auth_banner    (PdSessionBanners *self);
PdBanner  *pd_session_banners_get_cache_banner   (PdSessionBanners *self);

G_END_DECLS

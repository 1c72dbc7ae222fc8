/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pd-session.h"

G_BEGIN_DECLS

#define PD_TYPE_SESSION_PAGE (pd_session_page_get_type ())
G_DECLARE_FINAL_TYPE (PdSessionPage, pd_session_page, PD, SESSION_PAGE, AdwBin)

PdSessionPage *pd_session_page_new         (PdSession     *session);
PdSession     *pd_session_page_get_session (PdSessionPage *self);

G_END_DECLS

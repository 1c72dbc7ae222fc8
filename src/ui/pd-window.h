/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pd-application.h"
#include "pd-session-view.h"

G_BEGIN_DECLS

#define PD_TYPE_WINDOW (pd_window_get_type ())

G_DECLARE_FINAL_TYPE (PdWindow, pd_window, PD, WINDOW, AdwApplicationWindow)

PdWindow *pd_window_new          (PdApplication *application);
void      pd_window_add_page     (PdWindow      *self,
                                  const char    *name,
                                  const char    *title,
                                  const char    *icon_name,
                                  GtkWidget     *page);
void      pd_window_show_page    (PdWindow      *self,
                                  const char    *name);
void      pd_window_show_welcome (PdWindow      *self);
/* A translated message under the welcome page's entry points (NULL hides it) */
void      pd_window_show_welcome_error (PdWindow   *self,
                                        const char *message);
gboolean  pd_window_is_folded    (PdWindow      *self);
/* The sidebar, pages, sync status, banners and toasts of the open session */
PdSessionView *pd_window_get_session_view (PdWindow *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-authorization.h"
#include "pd-session.h"

G_BEGIN_DECLS

/* Polls one service's authorization while the tenant's admin decides in the browser: a
 * conditional GET (If-None-Match, so an unchanged authorization costs a bodiless 304) every
 * second at first, backing off to every ten seconds, and back to a second after a change.
 * "changed" (PdAuthorization) on every new version; "failed" (GError) when a poll failed
 * (the portal went away): polling goes on, the next success emits "changed" or "recovered". */
#define PD_TYPE_AUTHORIZE_WATCH (pd_authorize_watch_get_type ())
G_DECLARE_FINAL_TYPE (PdAuthorizeWatch, pd_authorize_watch, PD, AUTHORIZE_WATCH, GObject)

PdAuthorizeWatch *pd_authorize_watch_new   (PdSession        *session,
                                            const char       *organization_id,
                                            const char       *service_id);
/* @etag: the version already known (a 304 answers until it changes), or NULL */
void              pd_authorize_watch_start (PdAuthorizeWatch *self,
                                            const char       *etag);
void              pd_authorize_watch_stop  (PdAuthorizeWatch *self);
gboolean          pd_authorize_watch_is_running (PdAuthorizeWatch *self);

/* The wait before the poll after @polls unchanged answers, in milliseconds */
guint             pd_authorize_watch_backoff_ms (guint polls);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-alert.h"
#include "pd-session.h"

G_BEGIN_DECLS

/* How close to its end an invitation to a client's admin counts as expiring */
#define PD_ALERT_INVITE_WARNING_USEC (24 * G_TIME_SPAN_HOUR)

/* The invitations to a client's admin that expire within PD_ALERT_INVITE_WARNING_USEC and
 * have not yet: the synced services only say an invitation is pending, so the
 * authorization of each pending service is read (few at any time). Completes with a PdAlert
 * array, or an error when one could not be read: the caller then cannot tell. */
void       pd_alert_invites_fetch_async  (PdSession           *session,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
GPtrArray *pd_alert_invites_fetch_finish (PdSession           *session,
                                          GAsyncResult        *result,
                                          GError             **error);

G_END_DECLS

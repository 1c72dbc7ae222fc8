/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-alert.h"
#include "pd-authorization.h"
#include "pd-organization.h"
#include "pd-service.h"
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

/* One pending invitation: the synced service and the authorization read for it */
typedef struct
{
  PdOrganization  *organization;
  PdService       *service;
  PdAuthorization *authorization;
} PdAlertInvite;

void       pd_alert_invite_free          (PdAlertInvite       *invite);

/* The authorizations of every service the synced lists show as pending_client_admin, and
 * of the services in @also (ids, may be NULL: ones known pending by fresher means), one
 * GET each (few at any time). Completes with a PdAlertInvite array, or the first error.
 * Shared by the alerts and the pending-invitation store (pd-invitations.h). */
void       pd_alert_invites_read_async   (PdSession           *session,
                                          GHashTable          *also,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
GPtrArray *pd_alert_invites_read_finish  (PdSession           *session,
                                          GAsyncResult        *result,
                                          GError             **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pd-model-enums.h"
#include "pd-organization.h"

G_BEGIN_DECLS

/* What deserves a desktop notification about a client. */
typedef enum {
  PD_ALERT_BACKUP_FAILED,
  PD_ALERT_CREDENTIALS,
  PD_ALERT_CONSENT_LOST,
  PD_ALERT_INVITE_EXPIRING,
} PdAlertKind;

/* One event seen in the synced organizations. */
typedef struct {
  PdAlertKind           kind;
  /* Stable for the event (also its desktop notification's id): a failed backup is one
   * run of one service, an expiring invitation one end date; a credential error or lost
   * consent lasts until it is resolved. */
  char                 *key;
  char                 *organization_id;
  char                 *organization_name;
  PdServiceApplication  application;   /* UNKNOWN for a credential error */
} PdAlert;

/* @key: taken */
PdAlert   *pd_alert_new       (PdAlertKind           kind,
                               PdOrganization       *organization,
                               PdServiceApplication  application,
                               char                 *key);
void       pd_alert_free      (PdAlert    *alert);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdAlert, pd_alert_free)

/* The events @organizations (PdOrganization items) show now: a PdAlert array (owned). */
GPtrArray *pd_alerts_collect  (GListModel *organizations);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Services for the widget tests, decoded from JSON the way the sync makes them. */
#pragma once

#include "pd-service.h"

G_BEGIN_DECLS

typedef struct
{
  const char *application;          /* "exchange", … */
  const char *authorization_state;  /* "authorized", … */
  const char *backup_status;        /* "success", … */
  gint64      total, managed, open, unprotected;
  const char *last_backup_at;       /* ISO 8601, or NULL */
  const char *next_backup_at;       /* ISO 8601, or NULL */
} PdTestServiceSpec;

/* id "svc_1" of organization "org_1", Microsoft 365 unless the application is Google's */
PdService *pd_widgets_test_service_new (const PdTestServiceSpec *spec);
/* Updates @service in place (pd_resource_update) to @spec */
void       pd_widgets_test_service_update (PdService               *service,
                                           const PdTestServiceSpec *spec);

G_END_DECLS

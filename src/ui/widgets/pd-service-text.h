/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-service.h"

G_BEGIN_DECLS

/* The words the service tile shows, for anything else that shows a service the same way
 * (list cells, accessible labels). @service may be NULL (an empty tile); @now NULL is the
 * current time. */

/* "Last backup: 5 minutes ago", or "Never backed up" */
char *pd_service_dup_last_backup_text (PdService *service,
                                       GDateTime *now);
/* "Next backup: In 3 hours", or NULL when none is planned */
char *pd_service_dup_next_backup_text (PdService *service,
                                       GDateTime *now);
/* "Microsoft 365 · 1.5 MB stored" */
char *pd_service_dup_details_text     (PdService *service);
/* The seat figures for under the bar ("12 / 20 seats · 3 unprotected"), with no-break
 * spaces inside each part so a narrow label wraps only between parts */
char *pd_service_dup_seats_text       (PdService *service);
/* For screen readers: "Exchange, Failed. 12 of 20 seats used, 8 open. Last backup: Yesterday" */
char *pd_service_dup_summary          (PdService *service,
                                       GDateTime *now);

G_END_DECLS

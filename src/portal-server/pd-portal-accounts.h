/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-portal.h"
#include "pd-portal-seed.h"

G_BEGIN_DECLS

/* A service's accounts are created the first time anything needs them (seeding millions of
 * rows for --seed 10000 would be slow and mostly unread): deterministically from the service
 * ID, exactly as many as its seat counters say and with the statuses the seed counted for
 * it. From then on the counters follow the accounts. Call this before reading or changing a service's accounts; it is cheap once done
 * and joins the caller's transaction when there is one. */
void      pd_portal_accounts_ensure  (PdPortal     *portal,
                                      gint64        service_id);

/* Sets the seeded services' account status counters (accounts_active, _deactivated,
 * _deleted) to what pd_portal_accounts_ensure() will make; it keeps them in step after. */
void      pd_portal_accounts_seed    (PdPortalSeed *seed);

/* A service without any accounts (one just added, whose counters are 0) gets its tenant's
 * directory once consent lets the backup read it: about as many unprotected accounts as it has
 * seats. Touches the service and its organization and returns TRUE when it did. */
gboolean  pd_portal_accounts_discover (PdPortal    *portal,
                                       gint64       service_id);

/* Sets services.seats_managed (protected + paused accounts) and seats_unprotected (active
 * unprotected accounts) from the accounts. Returns TRUE when they changed; the caller touches
 * the service and its organization. */
gboolean  pd_portal_accounts_recount (PdPortal     *portal,
                                      gint64        service_id);

/* Seat picking (the client admin's invitation page): protects exactly the accounts @ids
 * (rowids; paused ones resume) and unprotects the service's other managed accounts, inside
 * the caller's transaction. Fails without changing anything when @ids holds an account of
 * another service or a deleted one, or needs more than seats_total seats; *needed is then the
 * number of seats asked for. Returns the number of accounts changed through *changed. */
gboolean  pd_portal_accounts_choose  (PdPortal     *portal,
                                      gint64        service_id,
                                      GArray       *ids,
                                      guint        *needed,
                                      guint        *changed);

/* The view `account_backups (account_id, backup_status, last_backup_at)` derives an account's
 * backup status from its sections: paused when the account is paused, else running, retrying,
 * failed, warning, success by the sections' state and last results, else never_run. */

G_END_DECLS

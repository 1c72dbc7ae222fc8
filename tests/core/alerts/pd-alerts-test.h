/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Events made to happen in a running reference portal, deterministically: its database
 * file is changed the way its backup simulation would (the simulation draws failures at
 * random, too rarely for a test to wait for). */
#pragma once

#include <gio/gio.h>

#include "pd-session.h"

G_BEGIN_DECLS

/* Makes the latest backup of one service of each of @n active clients (without any failure
 * yet) fail now, touching the clients so a delta sync sees it. Returns their public ids. */
GStrv  pd_alerts_test_fail_backups   (const char *database,
                                      guint       n);
/* Marks the client @organization_id ("org_N") as needing authentication. */
void   pd_alerts_test_break_credentials (const char *database,
                                         const char *organization_id);

/* Makes a pending invitation to a client's admin expire in 12 hours. Returns the client's
 * public id. */
char  *pd_alerts_test_expire_invitation (const char *database);
/* A delta sync of @session, run to completion; fails the test when it fails. */
void   pd_alerts_test_sync              (PdSession  *session);

G_END_DECLS

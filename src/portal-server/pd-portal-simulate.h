/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-portal.h"

G_BEGIN_DECLS

/* Starts simulated backup activity: jobs start, finish, retry and fail over time,
 * portal->time_scale times faster than real time. */
void pd_portal_simulate_start (PdPortal *portal);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "pd-portal-simulate.h"

void
pd_portal_simulate_start (PdPortal *portal)
{
  /* Not written yet. */
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-portal.h"

G_BEGIN_DECLS

typedef enum {
  PD_FAULT_NONE,
  PD_FAULT_ERROR,        /* a 5xx problem response */
  PD_FAULT_RESET,        /* the connection is reset before any response */
  PD_FAULT_MALFORMED,    /* a 200 whose body is not JSON */
  PD_FAULT_TRUNCATE,     /* the real response, cut off half-way, then the connection closes */
  PD_FAULT_RATE_LIMIT,   /* 429 with Retry-After */
} PdPortalFaultKind;

typedef struct {
  guint             latency_ms;
  PdPortalFaultKind kind;
  guint             status;        /* for PD_FAULT_ERROR */
  guint             retry_after;   /* seconds, for PD_FAULT_RATE_LIMIT */
} PdPortalFaultDecision;

/* SPEC: comma-separated rules, see docs/portal-api.md “Fault injection”, e.g.
 * "latency=0.5:20-200,error=0.05:503,reset=0.02,malformed=0.02,truncate=0.02,ratelimit=0.05:2,path=/api/v1/,seed=7" */
PdPortalFaults *pd_portal_faults_parse   (const char             *spec,
                                          GError                **error);
void            pd_portal_faults_free    (PdPortalFaults         *faults);
void            pd_portal_faults_decide  (PdPortalFaults         *faults,
                                          const char             *path,
                                          PdPortalFaultDecision  *decision);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdPortalFaults, pd_portal_faults_free)

G_END_DECLS

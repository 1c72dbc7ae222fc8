/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-portal.h"

G_BEGIN_DECLS

/* The demo roles whose keys --write-demo-keys writes. */
typedef enum {
  PD_SEED_OWNER,
  PD_SEED_SUPER_ADMIN,
  PD_SEED_ADMIN,
  PD_SEED_SUPPORT,
  PD_SEED_FINANCE,
  PD_SEED_TECHNICIAN,
  PD_SEED_SCOPED_ADMIN,
  PD_SEED_N_USERS
} PdSeedUser;

/* Everything a module needs to add its share of the deterministic demo data. */
typedef struct {
  PdPortal *portal;
  guint     n_organizations;      /* for the main partner */
  guint64   state;                /* xorshift64* state: same N, same data */
  gint64    partner_id;           /* the main demo partner */
  gint64    other_partner_id;     /* a second partner sharing one e-mail with the first */
  gint64    users[PD_SEED_N_USERS];
  gint64    mfa_user_id;          /* a user of the main partner with TOTP */
  gint64    custom_role_id;
  gint64    now_usec;             /* seed time; relative times are computed from it */
} PdPortalSeed;

extern const char *const pd_seed_user_keys[PD_SEED_N_USERS];

/* The demo password of every seeded user, and the MFA user's TOTP secret (base32). */
#define PD_SEED_PASSWORD   "demo-password"
#define PD_SEED_MFA_SECRET "JBSWY3DPEHPK3PXP"

guint64   pd_seed_next      (PdPortalSeed *seed);
/* Uniform in [lo, hi]. */
gint64    pd_seed_int       (PdPortalSeed *seed,
                             gint64        lo,
                             gint64        hi);
gboolean  pd_seed_chance    (PdPortalSeed *seed,
                             double        probability);
const char *pd_seed_pick    (PdPortalSeed *seed,
                             const char *const *choices,
                             gsize         n_choices);
/* A time between @min_seconds and @max_seconds before the seed time. */
char     *pd_seed_time_ago  (PdPortalSeed *seed,
                             gint64        min_seconds,
                             gint64        max_seconds);

void      pd_seed_identity  (PdPortalSeed *seed);

G_END_DECLS

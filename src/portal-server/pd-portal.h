/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libsoup/soup.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef struct _PdPortal PdPortal;
typedef struct _PdPortalFaults PdPortalFaults;
typedef struct _PdPortalRoute PdPortalRoute;

/* Default of --access-token-lifetime, in seconds. */
#define PD_OAUTH_ACCESS_TOKEN_LIFETIME 3600

/* The server context: one per process, passed to every handler. */
struct _PdPortal
{
  sqlite3        *db;
  GHashTable     *statements;     /* SQL text → sqlite3_stmt */
  SoupServer     *server;
  GPtrArray      *routes;         /* PdPortalRoute */
  GRand          *rand;           /* faults and simulation; not for secrets */
  PdPortalFaults *faults;         /* NULL when off */
  double          rate_limit;     /* requests per second per credential; 0 = off */
  GHashTable     *buckets;        /* credential → token bucket */
  double          time_scale;     /* simulated seconds per real second */
  gsize           max_body;       /* bytes; larger request bodies get 413 */
  char           *base_url;       /* http://127.0.0.1:PORT */
  guint           simulate_source;
  int             access_token_lifetime; /* seconds, --access-token-lifetime */
};

PdPortal   *pd_portal_new              (void);
void        pd_portal_free             (PdPortal      *portal);
gboolean    pd_portal_open_database    (PdPortal      *portal,
                                        const char    *path,
                                        GError       **error);
gboolean    pd_portal_seed_if_empty    (PdPortal      *portal,
                                        guint          n_organizations,
                                        GError       **error);
gboolean    pd_portal_write_demo_keys  (PdPortal      *portal,
                                        const char    *path,
                                        GError       **error);
gboolean    pd_portal_write_demo_keys_fd (PdPortal    *portal,
                                          int          fd,
                                          GError     **error);
void        pd_portal_register_routes  (PdPortal      *portal);

/* Time as stored and sent: RFC 3339 UTC with microseconds, so text order is time order. */
char       *pd_portal_now              (void);
char       *pd_portal_time_format      (gint64         unix_usec);
gboolean    pd_portal_time_parse       (const char    *text,
                                        gint64        *unix_usec);

/* Public IDs: "<prefix>_<rowid>". */
char       *pd_portal_id_format        (const char    *prefix,
                                        gint64         rowid);
gboolean    pd_portal_id_parse         (const char    *prefix,
                                        const char    *id,
                                        gint64        *rowid);

/* Random bytes for secrets (tokens, keys, codes), from the kernel. */
char       *pd_portal_random_token     (const char    *prefix,
                                        gsize          n_bytes);
char       *pd_portal_sha256_hex       (const char    *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdPortal, pd_portal_free)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-cache.h"
#include "pd-models.h"
#include "pd-session.h"

G_BEGIN_DECLS

typedef enum {
  PD_SESSION_PHASE_NEW,
  PD_SESSION_PHASE_STARTING,   /* reading the cache */
  PD_SESSION_PHASE_RUNNING,    /* models painted; the network part runs */
  PD_SESSION_PHASE_STOPPED,
} PdSessionPhase;

struct _PdSession
{
  GObject             parent_instance;

  PdAccountInfo      *account;
  char               *cache_dir;
  char               *cache_path;
  PdAccountRegistry  *registry;
  PdSessionPhase      phase;
  GCancellable       *cancellable;   /* everything the session started itself */
  guint               interval;      /* seconds between refreshes */

  PdPortalClient     *client;
  PdPortalAuth       *auth;
  PdCache            *cache;
  PdSyncEngine       *sync;
  PdOutbox           *outbox;

  PdMe               *me;
  PdPartner          *partner;
  char               *cache_message;
  char               *auth_error;
  guint               fetching_document;

  PdResourceList     *organizations;
  PdResourceList     *users;
  PdResourceList     *roles;
  PdResourceList     *groups;
  PdResourceList     *notifications;
  PdResourceList     *notification_settings;
  GHashTable         *accounts;      /* "organization\nservice" → PdResourceList */
  GHashTable         *account_fetches; /* same keys → who waits for the fetch in flight (pd-session-online.c) */
};

/* Singletons cached as JSON documents beside the lists */
typedef struct {
  const char *name;        /* in the cache */
  const char *path;        /* on the portal */
  const char *permission;  /* needed to read it, or NULL */
} PdSessionDocument;

#define PD_SESSION_N_DOCUMENTS 3
extern const PdSessionDocument pd_session_documents[PD_SESSION_N_DOCUMENTS];

PdAccountRegistry *pd_session_ensure_registry        (PdSession   *self);
/* Decodes @node (from the cache or the portal) and applies it in place */
gboolean           pd_session_apply_document         (PdSession   *self,
                                                      const char  *name,
                                                      JsonNode    *node,
                                                      GError     **error);
void               pd_session_set_auth_error         (PdSession   *self,
                                                      const char  *message);
/* pd-session-online.c */
void               pd_session_go_online              (PdSession   *self);
void               pd_session_update_account_from_me (PdSession   *self);
void               pd_session_fetch_pending_accounts (PdSession   *self);
void               pd_session_account_fetches_free   (gpointer     data);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pd-account-info.h"
#include "pd-account-registry.h"
#include "pd-cache.h"
#include "pd-outbox.h"
#include "pd-portal-client.h"
#include "pd-resource-list.h"
#include "pd-me.h"
#include "pd-partner.h"
#include "pd-sync-engine.h"

G_BEGIN_DECLS

/* One signed-in portal account: client, credentials, cache, sync and outbox together, and
 * the list models the UI binds to. Start-up paints from the cache before any network. */
#define PD_TYPE_SESSION (pd_session_get_type ())
G_DECLARE_FINAL_TYPE (PdSession, pd_session, PD, SESSION, GObject)

/* @cache_dir: where the account's database lives (default: user cache dir/partner-desk) */
PdSession      *pd_session_new                   (PdAccountInfo       *account,
                                                  const char          *cache_dir);
/* Where sign-out and removal forget the account (default: a registry on the default file).
 * The application passes its own so its list follows. Added after the core issue froze
 * this header; source-compatible. */
void            pd_session_set_registry          (PdSession           *self,
                                                  PdAccountRegistry   *registry);
/* Seconds between background refreshes (the UI reads them from GSettings); 0: none.
 * May be called before start. */
void            pd_session_set_refresh_interval  (PdSession           *self,
                                                  guint                seconds);
/* Translated: why the network part could not start (no secret in the keyring: sign in
 * again; the keyring refused), else NULL. Property "auth-error". */
const char     *pd_session_get_auth_error        (PdSession           *self);
/* The cache file of @account under @cache_dir (NULL: the default) */
char           *pd_session_build_cache_path      (PdAccountInfo       *account,
                                                  const char          *cache_dir);

/* Opens the cache and fills the models from it, then completes; the network follows
 * (credentials, /me, sync) in the background and reports through the properties. */
void            pd_session_start_async           (PdSession           *self,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean        pd_session_start_finish          (PdSession           *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);
/* Stops sync and the outbox sender; pending mutations stay in the outbox. */
void            pd_session_stop                  (PdSession           *self);

PdAccountInfo  *pd_session_get_account           (PdSession           *self);
PdPortalClient *pd_session_get_client            (PdSession           *self);
/* The engine and the outbox exist once pd_session_start_async() completed (NULL before) */
PdSyncEngine   *pd_session_get_sync_engine       (PdSession           *self);
PdOutbox       *pd_session_get_outbox            (PdSession           *self);
/* The account's cache, for features that keep their own documents in it (the overview's
 * dashboard); NULL before start. Added by issue 5; source-compatible. */
PdCache        *pd_session_get_cache             (PdSession           *self);
/* NULL until /me was read (from the cache or the portal) */
PdMe           *pd_session_get_me                (PdSession           *self);
gboolean        pd_session_has_permission        (PdSession           *self,
                                                  const char          *permission);
/* The partner document (GET /partner): NULL until read from the cache or the portal, then
 * updated in place (e.g. its default country, for new clients). Added by issue 8;
 * source-compatible. */
PdPartner      *pd_session_get_partner           (PdSession           *self);
/* Applies a fresh copy of one of the session's documents ("partner",
 * "notification-settings"), e.g. the answer of an edit, and keeps it in the cache, so the
 * session does not show the old one until it goes online again. Added by issue 8. */
gboolean        pd_session_set_document          (PdSession           *self,
                                                  const char          *name,
                                                  JsonNode            *node,
                                                  GError             **error);
/* Translated, set when the cache had to be rebuilt; NULL otherwise */
const char     *pd_session_get_cache_message     (PdSession           *self);

/* PdOrganization items, each with its services */
GListModel     *pd_session_get_organizations     (PdSession           *self);
GListModel     *pd_session_get_users             (PdSession           *self);
GListModel     *pd_session_get_roles             (PdSession           *self);
GListModel     *pd_session_get_groups            (PdSession           *self);
GListModel     *pd_session_get_notifications     (PdSession           *self);
/* PdNotificationSetting items (the portal's e-mail settings) */
GListModel     *pd_session_get_notification_settings (PdSession       *self);

/* The accounts of one service of a client: from the cache at once, then fetched (lazily,
 * when a client is opened) and kept in the cache. The list is shared per service. */
PdResourceList *pd_session_get_accounts          (PdSession           *self,
                                                  const char          *organization_id,
                                                  const char          *service_id);
/* Fetches that list again from the portal (joining a fetch in flight) and completes when it
 * matches the portal, or with the PdPortalError (a 403 names the permission). Added for the
 * client page's loading state and refresh (issue 5); source-compatible. */
void            pd_session_fetch_accounts_async  (PdSession           *self,
                                                  const char          *organization_id,
                                                  const char          *service_id,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean        pd_session_fetch_accounts_finish (PdSession           *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

/* Revokes the OAuth tokens (best effort), clears the account's secrets and stops. The cache
 * stays; pd_session_remove_async() also deletes it and forgets the account. */
void            pd_session_sign_out_async        (PdSession           *self,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean        pd_session_sign_out_finish       (PdSession           *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);
void            pd_session_remove_async          (PdSession           *self,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean        pd_session_remove_finish         (PdSession           *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PD_DEMO_PORTAL_ERROR (pd_demo_portal_error_quark ())

typedef enum
{
  PD_DEMO_PORTAL_ERROR_NOT_FOUND,   /* partner-desk-portal is not installed */
  PD_DEMO_PORTAL_ERROR_FAILED,      /* it exited or spoke nonsense before it was ready */
  PD_DEMO_PORTAL_ERROR_TIMEOUT,     /* it did not get ready in time */
} PdDemoPortalError;

GQuark pd_demo_portal_error_quark (void);

/* The reference portal started as a child process on loopback for the demo mode. Its data
 * lives in the user cache dir and is reused across runs; the owner's API key is read through
 * a pipe and only ever held in memory. The child dies with the application. */
#define PD_TYPE_DEMO_PORTAL (pd_demo_portal_get_type ())
G_DECLARE_FINAL_TYPE (PdDemoPortal, pd_demo_portal, PD, DEMO_PORTAL, GObject)

/* @database: the portal's SQLite file (NULL: user cache dir/partner-desk/demo-portal.sqlite) */
PdDemoPortal *pd_demo_portal_new            (const char          *database);
/* The binary: $PD_PORTAL_BIN, else BINDIR/partner-desk-portal */
const char   *pd_demo_portal_get_binary     (PdDemoPortal        *self);
void          pd_demo_portal_set_binary     (PdDemoPortal        *self,
                                             const char          *binary);
void          pd_demo_portal_start_async    (PdDemoPortal        *self,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean      pd_demo_portal_start_finish   (PdDemoPortal        *self,
                                             GAsyncResult        *result,
                                             GError             **error);
/* "http://127.0.0.1:PORT" once started, else NULL */
const char   *pd_demo_portal_get_url        (PdDemoPortal        *self);
/* The demo owner's API key once started, else NULL. Never write it anywhere. */
const char   *pd_demo_portal_get_owner_key  (PdDemoPortal        *self);
/* The child's process ID while it runs, else 0 */
GPid          pd_demo_portal_get_pid        (PdDemoPortal        *self);
/* SIGTERM to the child; it is reaped in the background. Also done on finalize. */
void          pd_demo_portal_stop           (PdDemoPortal        *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A page that holds unsaved changes implements this so that leaving it (another section,
 * back to the sidebar, closing the window) first asks the user. The session view and the
 * window call pd_leave_guard_ask_async() on the page shown before they leave it. */
#define PD_TYPE_LEAVE_GUARD (pd_leave_guard_get_type ())
G_DECLARE_INTERFACE (PdLeaveGuard, pd_leave_guard, PD, LEAVE_GUARD, GtkWidget)

struct _PdLeaveGuardInterface
{
  GTypeInterface parent_iface;

  /* Whether leaving now would lose something */
  gboolean (*has_unsaved_changes) (PdLeaveGuard        *self);
  /* Asks (e.g. Save / Discard / Cancel) and completes TRUE when the page may be left:
   * saved, or discarded. */
  void     (*ask_async)           (PdLeaveGuard        *self,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data);
  gboolean (*ask_finish)          (PdLeaveGuard        *self,
                                   GAsyncResult        *result,
                                   GError             **error);
};

/* For any widget: FALSE unless it is a guard with unsaved changes */
gboolean pd_leave_guard_has_unsaved_changes (GtkWidget           *widget);
/* For a widget with unsaved changes (see above): asks; completes TRUE to go ahead. */
void     pd_leave_guard_ask_async           (GtkWidget           *widget,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean pd_leave_guard_ask_finish          (GtkWidget           *widget,
                                             GAsyncResult        *result);

G_END_DECLS

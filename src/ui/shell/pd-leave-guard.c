/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pd-leave-guard.h"

G_DEFINE_INTERFACE (PdLeaveGuard, pd_leave_guard, GTK_TYPE_WIDGET)

static void
pd_leave_guard_default_init (PdLeaveGuardInterface *iface)
{
}

gboolean
pd_leave_guard_has_unsaved_changes (GtkWidget *widget)
{
  g_return_val_if_fail (widget == NULL || GTK_IS_WIDGET (widget), FALSE);

  return PD_IS_LEAVE_GUARD (widget) &&
         PD_LEAVE_GUARD_GET_IFACE (widget)->has_unsaved_changes (PD_LEAVE_GUARD (widget));
}

void
pd_leave_guard_ask_async (GtkWidget           *widget,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (PD_IS_LEAVE_GUARD (widget));

  PD_LEAVE_GUARD_GET_IFACE (widget)->ask_async (PD_LEAVE_GUARD (widget), callback, user_data);
}

gboolean
pd_leave_guard_ask_finish (GtkWidget    *widget,
                           GAsyncResult *result)
{
  g_autoptr(GError) error = NULL;
  gboolean leave;

  g_return_val_if_fail (PD_IS_LEAVE_GUARD (widget), FALSE);

  leave = PD_LEAVE_GUARD_GET_IFACE (widget)->ask_finish (PD_LEAVE_GUARD (widget), result, &error);
  if (error != NULL)
    g_debug ("Not leaving: %s", error->message);
  return leave;
}

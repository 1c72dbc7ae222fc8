/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-client-actions.h"
#include "pd-edit.h"

G_BEGIN_DECLS

struct _PdClientActions
{
  GtkWidget       parent_instance;

  PdSession      *session;
  PdOrganization *organization;
  PdOpenUriFunc   uri_opener;
  gpointer        uri_opener_data;
  GCancellable   *cancellable;
  PdEdit         *sign_in_edit;     /* the link on its way, or NULL */
  gboolean        syncing_switch;

  GtkWidget      *menu_button;
  GtkPopover     *popover;
  AdwActionRow   *mapping_row;
  GtkWidget      *map_button;
  GtkWidget      *unlink_button;
  AdwActionRow   *admin_row;
  GtkSwitch      *admin_switch;
  AdwActionRow   *sign_in_row;
  AdwActionRow   *reset_row;
};

/* The organization's admin access as the switch shows it (the portal's answer moves it) */
void pd_client_actions_sync_switch      (PdClientActions *self);

/* pd-client-actions-commands.c: each asks first where it changes something, then goes
 * through PdEdit and tells the outcome as a toast, or what went wrong and what to do. */
void pd_client_actions_set_admin_access (PdClientActions *self,
                                         gboolean         enabled);
void pd_client_actions_unlink           (PdClientActions *self);
void pd_client_actions_sign_in          (PdClientActions *self);
void pd_client_actions_reset_password   (PdClientActions *self);

G_END_DECLS

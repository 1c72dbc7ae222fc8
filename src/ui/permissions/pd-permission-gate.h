/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "pd-session.h"

G_BEGIN_DECLS

/* Keeps a widget's action in step with what the signed-in role may do: while the session's
 * /me lacks @permission (or, with an organization, the user's group scope leaves it out),
 * the widget is insensitive (or hidden) and its tooltip says what is missing, e.g. “Your
 * role “Technician” does not have the permission “Create and edit partner users””. It
 * follows changes of /me (notify::me). The widget's own tooltip comes back when allowed.
 * Several gates on one widget: the widget is allowed only when all allow.
 * Not for a widget with an action-name: GTK keeps such a widget's sensitivity in step with
 * the action, over the gate's; use a clicked handler, or disable the action itself. */
typedef enum {
  PD_PERMISSION_GATE_DISABLE,  /* insensitive, with the reason as tooltip (the default) */
  PD_PERMISSION_GATE_HIDE,     /* hidden: for whole sections a role never uses */
} PdPermissionGateMode;

void      pd_permission_gate              (GtkWidget            *widget,
                                           PdSession            *session,
                                           const char           *permission,
                                           PdPermissionGateMode  mode);
/* Same, and the organization must be in the signed-in user's access scope. */
void      pd_permission_gate_organization (GtkWidget            *widget,
                                           PdSession            *session,
                                           const char           *permission,
                                           const char           *organization_id);
/* Gates that also depend on the item (the owner cannot be deleted, “you cannot change your
 * own role”): @reason is a translated sentence, NULL to allow. It adds to the gates above. */
void      pd_permission_gate_set_reason   (GtkWidget            *widget,
                                           const char           *reason);

/* The sentence for a missing permission, for places that explain rather than disable
 * (a page's empty state, a 403 that still happened). */
char     *pd_permission_explain_missing   (PdSession            *session,
                                           const char           *permission);
/* Whether the signed-in user's access scope includes the organization */
gboolean  pd_permission_in_scope          (PdSession            *session,
                                           const char           *organization_id);

G_END_DECLS

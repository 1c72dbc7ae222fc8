/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pd-new-client-draft.h"
#include "pd-session.h"

G_BEGIN_DECLS

/* The new-client wizard: the client (name, contact, domain), where it is and what it pays
 * (country, region, plan, relationship), the applications to protect, the creation on the
 * portal with its progress, then authorizing the new services. Closing it midway keeps a
 * draft that the next one resumes. */
#define PD_TYPE_NEW_CLIENT_WIZARD (pd_new_client_wizard_get_type ())
G_DECLARE_FINAL_TYPE (PdNewClientWizard, pd_new_client_wizard, PD, NEW_CLIENT_WIZARD, AdwWindow)

/* @parent: a widget of the main window, where the actions it leads to (win.show-client …)
 * are activated; @draft: what to resume (NULL: start afresh) */
GtkWindow *pd_new_client_wizard_new (PdSession        *session,
                                     GtkWidget        *parent,
                                     PdNewClientDraft *draft);

G_END_DECLS

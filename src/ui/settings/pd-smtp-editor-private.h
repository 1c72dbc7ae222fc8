/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-edit.h"
#include "pd-field-errors.h"
#include "pd-settings-save-bar.h"
#include "pd-smtp-editor.h"
#include "pd-smtp-status-group.h"

G_BEGIN_DECLS

/* PdSmtpEditor spans pd-smtp-editor.c (the form) and pd-smtp-edit-text.c (how its change
 * reads in the conflict dialog); tests reach the rows the way a user does. */
struct _PdSmtpEditor
{
  AdwBin                parent_instance;

  GtkStack             *state_stack;
  AdwStatusPage        *failed_page;
  PdSmtpStatusGroup         *status_group;
  AdwPreferencesGroup  *method_group;
  AdwComboRow          *method_row;
  AdwPreferencesGroup  *server_group;
  AdwEntryRow          *host_row;
  AdwEntryRow          *port_row;
  AdwComboRow          *security_row;
  AdwEntryRow          *username_row;
  AdwPasswordEntryRow  *password_row;
  AdwPreferencesGroup  *microsoft_group;
  AdwEntryRow          *tenant_row;
  AdwEntryRow          *client_id_row;
  AdwPasswordEntryRow  *secret_row;
  AdwPreferencesGroup  *sender_group;
  AdwEntryRow          *from_address_row;
  AdwEntryRow          *from_name_row;
  AdwPreferencesGroup  *auto_group;
  AdwExpanderRow       *auto_row;
  AdwEntryRow          *auto_to_row;
  AdwComboRow          *auto_frequency_row;
  PdSettingsSaveBar    *save_bar;

  PdSession            *session;
  PdSmtpSettings       *settings;      /* the version the form is based on */
  char                 *baseline;      /* the form's body (no secrets) right after filling */
  PdFieldErrors        *errors;
  GCancellable         *load_cancellable;
  GCancellable         *save_cancellable;
  gboolean              filling;
};

/* The PUT body of what the form says (@secrets: with a typed password or client secret) */
JsonNode *pd_smtp_editor_build_body    (PdSmtpEditor *self,
                                        gboolean      secrets);
/* Names the body's members and shows their values in words in the conflict dialog */
void      pd_smtp_editor_describe_edit (PdEdit       *edit);

G_END_DECLS

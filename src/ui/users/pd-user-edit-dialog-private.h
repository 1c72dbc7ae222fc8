/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-edit.h"
#include "pd-user-edit-dialog.h"

G_BEGIN_DECLS

/* The dialog spans two files: the form (pd-user-edit-dialog.c) and the actions that go out
 * at once after a confirmation (pd-user-edit-actions.c). The tests drive these widgets. */
struct _PdUserEditDialog
{
  AdwWindow            parent_instance;

  PdSession           *session;
  GtkWidget           *parent;        /* weak: the page, whose window shows the toasts */
  PdUser              *user;
  char                *etag;          /* the version the changes are based on */
  char                *name;          /* as loaded, to send only what changed */
  char                *role_id;
  gboolean             notify;
  PdEdit              *edit;          /* the one being sent, NULL otherwise */

  AdwWindowTitle      *window_title;
  GtkWidget           *save_button;
  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  AdwEntryRow         *name_row;
  GtkWidget           *name_error_row;
  AdwActionRow        *email_row;
  AdwActionRow        *status_row;
  GtkImage            *status_icon;
  AdwActionRow        *mfa_row;
  AdwActionRow        *sign_in_row;
  AdwActionRow        *groups_row;
  AdwPreferencesGroup *role_group;
  AdwComboRow         *role_row;
  GtkWidget           *role_error_row;
  AdwActionRow        *notify_row;
  GtkSwitch           *notify_switch;
  AdwPreferencesGroup *actions_group;
  AdwActionRow        *reset_row;
  GtkWidget           *reset_button;
  AdwActionRow        *status_action_row;
  GtkWidget           *status_button;
  AdwActionRow        *delete_row;
  GtkWidget           *delete_button;
};

/* Sends @edit for the dialog; @done runs with the dialog once it completes (error NULL on
 * success; G_IO_ERROR_CANCELLED after “Keep Theirs”: the dialog already shows theirs). */
typedef void (*PdUserEditDone) (PdUserEditDialog *self,
                                PdEdit           *edit,
                                const GError     *error);
void pd_user_edit_dialog_run        (PdUserEditDialog *self,
                                     PdEdit           *edit,
                                     PdUserEditDone    done);
void pd_user_edit_dialog_show_error (PdUserEditDialog *self,
                                     const char       *message);
void pd_user_edit_dialog_toast      (PdUserEditDialog *self,
                                     char             *message);

void pd_user_edit_reset_password    (PdUserEditDialog *self);
void pd_user_edit_toggle_status     (PdUserEditDialog *self);
void pd_user_edit_delete            (PdUserEditDialog *self);

G_END_DECLS

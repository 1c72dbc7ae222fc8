/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-role-editor.h"
#include "pd-role-permissions.h"

G_BEGIN_DECLS

/* The editor spans pd-role-editor.c (showing), pd-role-editor-save.c and
 * pd-role-editor-delete.c. */
struct _PdRoleEditor
{
  AdwWindow              parent_instance;

  PdSession             *session;
  PdRole                *role;       /* NULL while creating */
  PdRole                *source;     /* what a new role starts from, or NULL */
  GListModel            *holders;    /* of role, or NULL */
  PdPermissionCatalogue *catalogue;
  GCancellable          *cancellable;
  GtkWidget             *opener;     /* weak: the page the editor came from, for toasts */
  gboolean               editable;
  char                  *pristine;   /* the form as shown, to tell whether it changed */
  gboolean               busy;

  AdwWindowTitle        *window_title;
  GtkButton             *cancel_button;
  GtkButton             *save_button;
  GtkSpinner            *spinner;
  AdwPreferencesPage    *preferences_page;
  AdwPreferencesGroup   *notice_group;
  AdwActionRow          *notice_row;
  AdwEntryRow           *name_row;
  AdwEntryRow           *description_row;
  AdwActionRow          *name_view_row;         /* name and description when read-only */
  AdwActionRow          *description_view_row;
  AdwActionRow          *rank_row;
  GtkLabel              *rank_label;            /* the rank when read-only */
  GtkSpinButton         *rank_spin;
  GtkLabel              *error_label;
  AdwPreferencesGroup   *permissions_group;
  GtkStack              *permissions_stack;
  PdRolePermissions     *permissions;
  AdwPreferencesGroup   *holders_group;
  GtkListBox            *holders_list;
  AdwPreferencesGroup   *actions_group;
  GtkButton             *duplicate_button;
  GtkButton             *delete_button;
};

/* Adds @toast (floating) where the opener's window shows toasts */
void pd_role_editor_add_toast      (PdRoleEditor *self,
                                    AdwToast     *toast);
/* While an edit is out: the form is locked and a spinner shows. */
void pd_role_editor_set_busy       (PdRoleEditor *self,
                                    gboolean      busy);
/* pd-role-editor-save.c: the Save button, and input clearing the portal's complaints */
void pd_role_editor_save_clicked   (PdRoleEditor *self);
void pd_role_editor_input_changed  (PdRoleEditor *self);
/* The form as it would be sent, as text, or NULL when nothing would be */
char *pd_role_editor_dup_changes   (PdRoleEditor *self);
/* pd-role-editor-delete.c: the Delete button */
void pd_role_editor_delete_clicked (PdRoleEditor *self);

G_END_DECLS

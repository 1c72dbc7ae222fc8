/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Deleting a role: refused at once, with the holders, while users have it (the portal would
 * refuse it too); otherwise confirmed first. A 409 from the portal (someone gave the role
 * away meanwhile) is shown the same way, with the portal's words. */

#define G_LOG_DOMAIN "pd-roles"

#include "config.h"

#include <glib/gi18n.h>

#include "pd-edit.h"
#include "pd-portal-error.h"
#include "pd-role-editor-private.h"
#include "pd-role-holders.h"

static void
show_in_use (PdRoleEditor *self,
             const char   *reason)
{
  g_autofree char *heading = NULL;
  g_autofree char *holders = pd_role_holders_dup_lines (self->holders);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  /* Translators: %s is a role's name */
  heading = g_strdup_printf (_("“%s” Is in Use"), pd_role_get_name (self->role));
  if (*holders != '\0')
    body = g_strdup_printf ("%s\n\n%s", reason, holders);
  else
    body = g_strdup (reason);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
in_use_reason (PdRoleEditor *self,
               guint         n)
{
  /* Translators: %u users still hold the role */
  return g_strdup_printf (ngettext ("%u user still has this role. Give them another role first, then delete it.",
                                    "%u users still have this role. Give them another role first, then delete it.",
                                    n), n);
}

typedef struct {
  PdRoleEditor *editor;
  char         *reason;
} InUse;

static void
in_use_free (InUse *in_use)
{
  g_object_unref (in_use->editor);
  g_free (in_use->reason);
  g_free (in_use);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (InUse, in_use_free)

static void
holders_synced_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(InUse) in_use = user_data;

  /* Whatever the sync says, the portal's refusal stands; the holders are as fresh as can be. */
  pd_sync_engine_sync_finish (PD_SYNC_ENGINE (source), result, NULL);
  if (!gtk_widget_in_destruction (GTK_WIDGET (in_use->editor)))
    show_in_use (in_use->editor, in_use->reason);
}

/* The app's list said nobody holds the role: read the users again before naming them. */
static void
refresh_then_show_in_use (PdRoleEditor *self,
                          const char   *reason)
{
  PdSyncEngine *engine = pd_session_get_sync_engine (self->session);
  InUse *in_use;

  if (engine == NULL)
    {
      show_in_use (self, reason);
      return;
    }
  in_use = g_new0 (InUse, 1);
  in_use->editor = g_object_ref (self);
  in_use->reason = g_strdup (reason);
  pd_sync_engine_sync_async (engine, FALSE, NULL, holders_synced_cb, in_use);
}

/* Undo: the portal cannot bring a role back, but it can create the same one again (a new
 * id; nobody held the old one). */
typedef struct {
  PdSession *session;
  PdRole    *role;
  GtkWidget *opener;   /* the Roles page: its window shows the edit's dialogs and errors */
} Undo;

static void
undo_free (gpointer data,
           GClosure *closure)
{
  Undo *undo = data;

  g_object_unref (undo->session);
  g_object_unref (undo->role);
  g_object_unref (undo->opener);
  g_free (undo);
}

static void
restored_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GtkWidget) opener = user_data;
  g_autoptr(PdPortalResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  response = pd_edit_run_finish (PD_EDIT (source), result, &error);
  if (response == NULL)
    pd_edit_show_error (opener, _("Could not restore the role"), error);
}

static void
undo_clicked_cb (AdwToast *toast,
                 Undo     *undo)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(PdEdit) edit = NULL;
  g_autofree char *description = NULL;
  const char * const *permissions = pd_role_get_permissions (undo->role);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, pd_role_get_name (undo->role));
  json_builder_set_member_name (builder, "description");
  json_builder_add_string_value (builder, pd_role_get_description (undo->role));
  json_builder_set_member_name (builder, "rank");
  json_builder_add_int_value (builder, pd_role_get_rank (undo->role));
  json_builder_set_member_name (builder, "permissions");
  json_builder_begin_array (builder);
  for (guint i = 0; permissions != NULL && permissions[i] != NULL; i++)
    json_builder_add_string_value (builder, permissions[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  /* Translators: a line of the outbox; %s is a role's name */
  description = g_strdup_printf (_("Restore the role “%s”"), pd_role_get_name (undo->role));
  edit = pd_edit_new (undo->session, "POST", "/api/v1/roles", body, NULL, description);
  pd_edit_set_target (edit, pd_session_get_roles (undo->session), NULL);
  pd_edit_run_async (edit, undo->opener, NULL, restored_cb, g_object_ref (undo->opener));
}

static void
add_undo_toast (PdRoleEditor *self)
{
  AdwToast *toast;
  Undo *undo;

  /* Translators: %s is a role's name */
  toast = adw_toast_new_format (_("Role “%s” deleted"), pd_role_get_name (self->role));
  if (self->opener != NULL)
    {
      undo = g_new0 (Undo, 1);
      undo->session = g_object_ref (self->session);
      undo->role = g_object_ref (self->role);
      undo->opener = g_object_ref (self->opener);
      adw_toast_set_button_label (toast, _("_Undo"));
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), undo, undo_free, 0);
    }
  pd_role_editor_add_toast (self, toast);
}

static void
deleted_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(PdRoleEditor) self = user_data;
  g_autoptr(PdPortalResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  const char *problem;

  response = pd_edit_run_finish (PD_EDIT (source), result, &error);
  if (gtk_widget_in_destruction (GTK_WIDGET (self)) || g_cancellable_is_cancelled (self->cancellable))
    return;
  pd_role_editor_set_busy (self, FALSE);
  problem = error != NULL ? pd_portal_error_get_problem_type (error) : NULL;
  if (response != NULL)
    {
      add_undo_toast (self);
      gtk_window_destroy (GTK_WINDOW (self));
    }
  else if (g_error_matches (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_CONFLICT) &&
           problem != NULL && g_str_has_suffix (problem, "/role-in-use"))
    refresh_then_show_in_use (self, error->message);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    gtk_window_destroy (GTK_WINDOW (self));
  else
    {
      AdwMessageDialog *dialog;

      /* Over the editor, where the user is (the toasts are in the window behind it) */
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Delete the Role"),
                                                           error->message));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
queued_cb (PdEdit       *edit,
           PdRoleEditor *self)
{
  g_autofree char *text = NULL;

  /* Translators: %s is a role's name */
  text = g_strdup_printf (_("“%s” will be deleted when the portal can be reached"), pd_role_get_name (self->role));
  pd_role_editor_add_toast (self, adw_toast_new (text));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
confirmed_cb (AdwMessageDialog *dialog,
              const char       *response,
              PdRoleEditor     *self)
{
  g_autoptr(PdEdit) edit = NULL;
  g_autofree char *path = NULL;
  g_autofree char *description = NULL;

  if (!g_str_equal (response, "delete"))
    return;
  path = g_strconcat ("/api/v1/roles/", pd_resource_get_id (PD_RESOURCE (self->role)), NULL);
  /* Translators: a line of the outbox; %s is a role's name */
  description = g_strdup_printf (_("Delete the role “%s”"), pd_role_get_name (self->role));
  edit = pd_edit_new (self->session, "DELETE", path, NULL, pd_resource_get_etag (PD_RESOURCE (self->role)),
                      description);
  pd_edit_set_target (edit, pd_session_get_roles (self->session), NULL);
  g_signal_connect_object (edit, "queued", G_CALLBACK (queued_cb), self, 0);
  pd_role_editor_set_busy (self, TRUE);
  pd_edit_run_async (edit, GTK_WIDGET (self), NULL, deleted_cb, g_object_ref (self));
}

void
pd_role_editor_delete_clicked (PdRoleEditor *self)
{
  guint n = pd_role_holders_count (self->session, self->role, self->holders);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (n > 0)
    {
      g_autofree char *reason = in_use_reason (self, n);

      show_in_use (self, reason);
      return;
    }
  /* Translators: %s is a role's name */
  heading = g_strdup_printf (_("Delete “%s”?"), pd_role_get_name (self->role));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                       _("No user has this role. Deleting it cannot be undone.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirmed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

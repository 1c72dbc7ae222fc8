/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Saving a role: a POST for a new one, a PATCH of what changed (with If-Match) for an
 * existing one, through PdEdit. The portal's refusals stay in the form with the input. */

#define G_LOG_DOMAIN "pd-roles"

#include "config.h"

#include <glib/gi18n.h>

#include "pd-edit.h"
#include "pd-portal-error.h"
#include "pd-role-editor-private.h"

/* The portal's plain 409 on a save: another role has the name (the other 409s have their
 * own problem type: built-in role, role in use). */
static gboolean
is_name_taken (const GError *error)
{
  const char *problem = pd_portal_error_get_problem_type (error);

  return g_error_matches (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_CONFLICT) &&
         (problem == NULL || g_str_has_suffix (problem, "/conflict"));
}

/* Shown in the form rather than as a toast: the window behind this modal one has the
 * toasts, and the user is here. */
static void
show_error_text (PdRoleEditor *self,
                 const char   *text)
{
  gtk_label_set_label (self->error_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static const char *
field_label (const char *field)
{
  if (g_str_equal (field, "name"))
    return _("Name");
  if (g_str_equal (field, "description"))
    return _("Description");
  if (g_str_equal (field, "rank"))
    return _("Rank");
  if (g_str_has_prefix (field, "permissions"))
    return _("Permissions");
  return field;
}

/* Only in the active window: moving the focus of one the user left would take it away
 * from where they are. */
static void
focus_name (PdRoleEditor *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
clear_errors (PdRoleEditor *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->description_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->rank_row), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
mark_field (PdRoleEditor *self,
            const char   *field)
{
  GtkWidget *row = NULL;

  if (g_str_equal (field, "name"))
    row = GTK_WIDGET (self->name_row);
  else if (g_str_equal (field, "description"))
    row = GTK_WIDGET (self->description_row);
  else if (g_str_equal (field, "rank"))
    row = GTK_WIDGET (self->rank_row);
  if (row != NULL)
    gtk_widget_add_css_class (row, "error");
}

/* The portal's reasons under the form, each named by its field; the input stays. */
static void
show_field_errors (PdRoleEditor *self,
                   const GError *error)
{
  GPtrArray *errors = pd_portal_error_get_field_errors (error);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; errors != NULL && i < errors->len; i++)
    {
      PdPortalFieldError *field_error = g_ptr_array_index (errors, i);

      mark_field (self, field_error->field);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: a field and what is wrong with it, e.g. “Name: “name” is required.” */
      g_string_append_printf (text, _("%s: %s"), field_label (field_error->field), field_error->message);
    }
  if (text->len == 0)
    g_string_append (text, error->message);
  show_error_text (self, text->str);
  if (gtk_widget_has_css_class (GTK_WIDGET (self->name_row), "error"))
    focus_name (self);
}

static void
toast (PdRoleEditor *self,
       char         *text)
{
  pd_role_editor_add_toast (self, adw_toast_new (text));
  g_free (text);
}

static void
queued_cb (PdEdit       *edit,
           PdRoleEditor *self)
{
  /* Translators: %s is a role's name */
  toast (self, g_strdup_printf (_("“%s” will be saved when the portal can be reached"),
                                gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(PdRoleEditor) self = user_data;
  g_autoptr(PdPortalResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  response = pd_edit_run_finish (PD_EDIT (source), result, &error);
  g_signal_handlers_disconnect_by_func (source, queued_cb, self);
  if (gtk_widget_in_destruction (GTK_WIDGET (self)) || g_cancellable_is_cancelled (self->cancellable))
    return;
  pd_role_editor_set_busy (self, FALSE);
  if (response != NULL)
    {
      toast (self, g_strdup_printf (self->role != NULL
                                    /* Translators: %s is a role's name */
                                    ? _("“%s” saved")
                                    /* Translators: %s is a role's name */
                                    : _("Role “%s” created"),
                                    gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
      gtk_window_destroy (GTK_WINDOW (self));
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    /* “Keep Theirs” in the conflict dialog: theirs is in the list now. */
    gtk_window_destroy (GTK_WINDOW (self));
  else if (g_error_matches (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_VALIDATION))
    show_field_errors (self, error);
  else if (is_name_taken (error))
    {
      mark_field (self, "name");
      show_error_text (self, error->message);
      focus_name (self);
    }
  else
    {
      g_autofree char *text = NULL;

      /* Translators: %s says why, e.g. “The portal could not be reached.” */
      text = g_strdup_printf (_("Could not save the role: %s"), error->message);
      show_error_text (self, text);
    }
}

static gboolean
same_permissions (const char * const *a,
                  const char * const *b)
{
  guint n = a != NULL ? g_strv_length ((char **) a) : 0;

  if (n != (b != NULL ? g_strv_length ((char **) b) : 0))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (!g_strv_contains (b, a[i]))
      return FALSE;
  return TRUE;
}

/* The body: everything for a new role, only what changed for an existing one (NULL when
 * nothing did). */
static JsonNode *
build_body (PdRoleEditor *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_auto(GStrv) permissions = pd_role_permissions_dup_checked (self->permissions);
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  const char *description = gtk_editable_get_text (GTK_EDITABLE (self->description_row));
  gint64 rank = gtk_spin_button_get_value_as_int (self->rank_spin);
  gboolean any = self->role == NULL;

  json_builder_begin_object (builder);
  if (self->role == NULL || g_strcmp0 (name, pd_role_get_name (self->role)) != 0)
    {
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, name);
      any = TRUE;
    }
  if (self->role == NULL || g_strcmp0 (description, pd_role_get_description (self->role)) != 0)
    {
      json_builder_set_member_name (builder, "description");
      json_builder_add_string_value (builder, description);
      any = TRUE;
    }
  if (self->role == NULL || rank != pd_role_get_rank (self->role))
    {
      json_builder_set_member_name (builder, "rank");
      json_builder_add_int_value (builder, rank);
      any = TRUE;
    }
  if (self->role == NULL ||
      !same_permissions ((const char * const *) permissions, pd_role_get_permissions (self->role)))
    {
      json_builder_set_member_name (builder, "permissions");
      json_builder_begin_array (builder);
      for (guint i = 0; permissions[i] != NULL; i++)
        json_builder_add_string_value (builder, permissions[i]);
      json_builder_end_array (builder);
      any = TRUE;
    }
  json_builder_end_object (builder);
  return any ? json_builder_get_root (builder) : NULL;
}

void
pd_role_editor_save_clicked (PdRoleEditor *self)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(PdEdit) edit = NULL;
  g_autofree char *description = NULL;
  g_autofree char *path = NULL;
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));

  if (!self->editable || self->busy)
    return;
  clear_errors (self);
  body = build_body (self);
  if (body == NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  if (self->role == NULL)
    {
      /* Translators: a line of the outbox; %s is a role's name */
      description = g_strdup_printf (_("Create the role “%s”"), name);
      edit = pd_edit_new (self->session, "POST", "/api/v1/roles", body, NULL, description);
    }
  else
    {
      /* Translators: a line of the outbox; %s is a role's name */
      description = g_strdup_printf (_("Change the role “%s”"), pd_role_get_name (self->role));
      path = g_strconcat ("/api/v1/roles/", pd_resource_get_id (PD_RESOURCE (self->role)), NULL);
      edit = pd_edit_new (self->session, "PATCH", path, body,
                          pd_resource_get_etag (PD_RESOURCE (self->role)), description);
    }
  pd_edit_set_target (edit, pd_session_get_roles (self->session), NULL);
  pd_edit_add_field_label (edit, "name", _("Name"));
  pd_edit_add_field_label (edit, "description", _("Description"));
  pd_edit_add_field_label (edit, "rank", _("Rank"));
  pd_edit_add_field_label (edit, "permissions", _("Permissions"));
  g_signal_connect_object (edit, "queued", G_CALLBACK (queued_cb), self, 0);
  pd_role_editor_set_busy (self, TRUE);
  /* Closing the editor does not call the change back: it is in the outbox already. */
  pd_edit_run_async (edit, GTK_WIDGET (self), NULL, saved_cb, g_object_ref (self));
}

char *
pd_role_editor_dup_changes (PdRoleEditor *self)
{
  g_autoptr(JsonNode) body = build_body (self);

  return body != NULL ? json_to_string (body, FALSE) : NULL;
}

void
pd_role_editor_input_changed (PdRoleEditor *self)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    clear_errors (self);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-group-details-dialog.h"
#include "pd-group-edit.h"
#include "pd-portal-error.h"

struct _PdGroupDetailsDialog
{
  AdwWindow     parent_instance;

  PdSession    *session;
  PdGroup      *group;      /* NULL: a new group */
  GCancellable *cancellable;
  gboolean      sending;

  GtkWidget    *save_button;
  GtkSpinner   *spinner;
  AdwEntryRow  *name_row;
  AdwEntryRow  *description_row;
  GtkLabel     *error_label;
};

enum {
  SIGNAL_CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (PdGroupDetailsDialog, pd_group_details_dialog, ADW_TYPE_WINDOW)

static char *
entry_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
set_invalid (AdwEntryRow *row,
             gboolean     invalid)
{
  if (invalid)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
}

static void
show_problems (PdGroupDetailsDialog *self,
               const char           *text)
{
  gtk_label_set_text (self->error_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), text != NULL);
}

static void
update_save (PdGroupDetailsDialog *self)
{
  g_autofree char *name = entry_text (self->name_row);
  g_autofree char *description = entry_text (self->description_row);
  gboolean changed = self->group == NULL ||
                     g_strcmp0 (name, pd_group_get_name (self->group)) != 0 ||
                     g_strcmp0 (description, pd_group_get_description (self->group)) != 0;

  /* Opened only from gated buttons; the role can still change while it is open. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "details.save",
                                 !self->sending && name[0] != '\0' && changed &&
                                 pd_session_has_permission (self->session, "groups.write"));
}

static void
changed_cb (PdGroupDetailsDialog *self)
{
  update_save (self);
}

/* The portal's codes in words of this dialog; its own sentence for the others */
static char *
field_problem (const PdPortalFieldError *field)
{
  gboolean is_name = g_str_equal (field->field, "name");
  const char *title = is_name ? _("Name") : _("Description");

  if (g_strcmp0 (field->code, "required") == 0)
    return g_strdup (_("Name: enter a name."));
  if (g_strcmp0 (field->code, "too_long") == 0)
    /* Translators: %s is “Name” or “Description”, %u the most characters it may have */
    return g_strdup_printf (_("%s: too long, at most %u characters."), title, is_name ? 100 : 500);
  if (g_strcmp0 (field->code, "invalid") == 0)
    /* Translators: %s is “Name” or “Description” */
    return g_strdup_printf (_("%s: remove the tabs and other control characters."), title);
  /* Translators: %s is a field such as “Name”, then the portal's message */
  return g_strdup_printf (_("%s: %s"), title, field->message);
}

/* 422 names the fields; 409 is a name in use. Both stay beside the fields. */
static gboolean
show_field_errors (PdGroupDetailsDialog *self,
                   const GError         *error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GPtrArray *fields;
  gboolean name_bad = FALSE, description_bad = FALSE;

  if (g_error_matches (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_CONFLICT))
    {
      set_invalid (self->name_row, TRUE);
      show_problems (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return TRUE;
    }
  if (!g_error_matches (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_VALIDATION))
    return FALSE;

  fields = pd_portal_error_get_field_errors (error);
  for (guint i = 0; i < fields->len; i++)
    {
      const PdPortalFieldError *field = g_ptr_array_index (fields, i);
      g_autofree char *line = field_problem (field);

      name_bad |= g_str_equal (field->field, "name");
      description_bad |= g_str_equal (field->field, "description");
      g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", line);
    }
  set_invalid (self->name_row, name_bad);
  set_invalid (self->description_row, description_bad);
  show_problems (self, text->len > 0 ? text->str : error->message);
  gtk_widget_grab_focus (GTK_WIDGET (description_bad && !name_bad ? self->description_row : self->name_row));
  return TRUE;
}

static void
set_sending (PdGroupDetailsDialog *self,
             gboolean              sending)
{
  self->sending = sending;
  gtk_spinner_set_spinning (self->spinner, sending);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), sending);
  update_save (self);
}

static void
queued_cb (PdGroupDetailsDialog *self)
{
  pd_group_edit_say_queued (GTK_WIDGET (self));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(PdGroupDetailsDialog) self = user_data;
  PdEdit *edit = PD_EDIT (object);
  g_autoptr(PdPortalResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  PdResource *group;

  response = pd_edit_run_finish (edit, result, &error);
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  set_sending (self, FALSE);
  /* A conflict settled with “Keep Theirs”: the user chose, nothing is left to save. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  if (response == NULL)
    {
      if (!show_field_errors (self, error))
        show_problems (self, error->message);
      return;
    }

  group = pd_edit_get_resource (edit);
  if (self->group == NULL && PD_IS_GROUP (group))
    {
      g_autofree char *text = NULL;

      /* Translators: %s is the name of a group */
      text = g_strdup_printf (_("Created the group “%s”"), pd_group_get_name (PD_GROUP (group)));
      pd_edit_add_toast (GTK_WIDGET (self), pd_group_edit_toast_new (text));
      g_signal_emit (self, signals[SIGNAL_CREATED], 0, pd_resource_get_id (group));
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static JsonNode *
build_body (PdGroupDetailsDialog *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *name = entry_text (self->name_row);
  g_autofree char *description = entry_text (self->description_row);

  json_builder_begin_object (builder);
  /* An edit sends what changed, so it does not undo someone else's change of the other. */
  if (self->group == NULL || g_strcmp0 (name, pd_group_get_name (self->group)) != 0)
    {
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, name);
    }
  if (self->group == NULL || g_strcmp0 (description, pd_group_get_description (self->group)) != 0)
    {
      json_builder_set_member_name (builder, "description");
      json_builder_add_string_value (builder, description);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PdGroupDetailsDialog *self = PD_GROUP_DETAILS_DIALOG (widget);
  g_autoptr(JsonNode) body = build_body (self);
  g_autoptr(PdEdit) edit = NULL;
  g_autofree char *description = NULL;
  g_autofree char *name = entry_text (self->name_row);

  if (self->group == NULL)
    /* Translators: a line of the outbox; %s is the name of a new group */
    description = g_strdup_printf (_("Create the group “%s”"), name);
  else
    /* Translators: a line of the outbox; %s is the name of a group */
    description = g_strdup_printf (_("Change the name or description of the group “%s”"),
                                   pd_group_get_name (self->group));
  edit = pd_group_edit_new (self->session, self->group, self->group != NULL ? "PATCH" : "POST", NULL, body,
                            description);
  set_invalid (self->name_row, FALSE);
  set_invalid (self->description_row, FALSE);
  show_problems (self, NULL);
  set_sending (self, TRUE);
  g_signal_connect_object (edit, "queued", G_CALLBACK (queued_cb), self, G_CONNECT_SWAPPED);
  pd_edit_run_async (edit, GTK_WIDGET (self), self->cancellable, saved_cb, g_object_ref (self));
}

static void
save_cb (PdGroupDetailsDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "details.save", NULL);
}

GtkWidget *
pd_group_details_dialog_new (GtkWidget *parent,
                             PdSession *session,
                             PdGroup   *group)
{
  PdGroupDetailsDialog *self;
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (PD_IS_SESSION (session), NULL);
  g_return_val_if_fail (group == NULL || PD_IS_GROUP (group), NULL);

  root = gtk_widget_get_root (parent);
  self = g_object_new (PD_TYPE_GROUP_DETAILS_DIALOG,
                       "transient-for", GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                       "title", group != NULL ? _("Edit Group") : _("New Group"),
                       NULL);
  self->session = g_object_ref (session);
  self->group = group != NULL ? g_object_ref (group) : NULL;
  gtk_button_set_label (GTK_BUTTON (self->save_button), group != NULL ? _("_Save") : _("C_reate"));
  if (group != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), pd_group_get_name (group));
      gtk_editable_set_text (GTK_EDITABLE (self->description_row), pd_group_get_description (group));
    }
  update_save (self);
  return GTK_WIDGET (self);
}

static void
pd_group_details_dialog_dispose (GObject *object)
{
  PdGroupDetailsDialog *self = PD_GROUP_DETAILS_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_GROUP_DETAILS_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->group);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pd_group_details_dialog_parent_class)->dispose (object);
}

static void
pd_group_details_dialog_class_init (PdGroupDetailsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_group_details_dialog_dispose;

  signals[SIGNAL_CREATED] =
    g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/groups/pd-group-details-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PdGroupDetailsDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, PdGroupDetailsDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, PdGroupDetailsDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, PdGroupDetailsDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, PdGroupDetailsDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_cb);
  gtk_widget_class_install_action (widget_class, "details.save", NULL, save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pd_group_details_dialog_init (PdGroupDetailsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

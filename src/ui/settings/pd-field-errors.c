/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "pd-field-errors.h"
#include "pd-portal-error.h"

typedef struct {
  char      *field;
  GtkWidget *row;      /* weak: the form owns its rows */
  GtkWidget *icon;     /* in the row's suffixes, made when first needed */
  char      *check;
  char      *portal;
} Field;

struct _PdFieldErrors
{
  GtkLabel  *summary;  /* weak */
  GPtrArray *fields;   /* Field* in the order they were added: the summary's order */
  GPtrArray *orphans;  /* "field: message" of portal errors without a row */
};

static void
field_free (Field *field)
{
  g_clear_weak_pointer (&field->row);
  g_clear_weak_pointer (&field->icon);
  g_free (field->field);
  g_free (field->check);
  g_free (field->portal);
  g_free (field);
}

PdFieldErrors *
pd_field_errors_new (GtkLabel *summary)
{
  PdFieldErrors *self = g_new0 (PdFieldErrors, 1);

  g_return_val_if_fail (GTK_IS_LABEL (summary), NULL);

  g_set_weak_pointer (&self->summary, summary);
  self->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);
  self->orphans = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_set_visible (GTK_WIDGET (summary), FALSE);
  return self;
}

void
pd_field_errors_free (PdFieldErrors *self)
{
  g_clear_weak_pointer (&self->summary);
  g_ptr_array_unref (self->fields);
  g_ptr_array_unref (self->orphans);
  g_free (self);
}

static Field *
lookup (PdFieldErrors *self,
        const char    *name)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (g_str_equal (field->field, name))
        return field;
    }
  return NULL;
}

void
pd_field_errors_add (PdFieldErrors *self,
                     const char    *field,
                     GtkWidget     *row)
{
  Field *entry = g_new0 (Field, 1);

  g_return_if_fail (ADW_IS_ENTRY_ROW (row) || ADW_IS_ACTION_ROW (row));

  entry->field = g_strdup (field);
  g_set_weak_pointer (&entry->row, row);
  g_ptr_array_add (self->fields, entry);
}

static const char *
field_message (Field *field)
{
  return field->check != NULL ? field->check : field->portal;
}

/* A row shows the first message of its fields. */
static const char *
row_message (PdFieldErrors *self,
             GtkWidget     *row)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (field->row == row && field_message (field) != NULL)
        return field_message (field);
    }
  return NULL;
}

static void
update_row (PdFieldErrors *self,
            Field         *field)
{
  const char *message;
  GtkWidget *icon;

  if (field->row == NULL)
    return;
  message = row_message (self, field->row);
  /* The icon belongs to the row's first field; the others share it. */
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *first = g_ptr_array_index (self->fields, i);

      if (first->row == field->row)
        {
          field = first;
          break;
        }
    }
  if (field->icon == NULL && message != NULL)
    {
      icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (icon, "error");
      if (ADW_IS_ENTRY_ROW (field->row))
        adw_entry_row_add_suffix (ADW_ENTRY_ROW (field->row), icon);
      else
        adw_action_row_add_suffix (ADW_ACTION_ROW (field->row), icon);
      g_set_weak_pointer (&field->icon, icon);
    }
  if (message != NULL)
    gtk_widget_add_css_class (field->row, "error");
  else
    gtk_widget_remove_css_class (field->row, "error");
  if (field->icon != NULL)
    {
      gtk_widget_set_visible (field->icon, message != NULL);
      gtk_widget_set_tooltip_text (field->icon, message);
    }
  if (message != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (field->row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (field->row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
update_summary (PdFieldErrors *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) rows_done = g_ptr_array_new ();

  if (self->summary == NULL)
    return;
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);
      const char *message = field->row != NULL ? row_message (self, field->row) : NULL;

      if (message == NULL || g_ptr_array_find (rows_done, field->row, NULL) ||
          !gtk_widget_is_visible (field->row))
        continue;
      g_ptr_array_add (rows_done, field->row);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: an error under a form: the field's title, then what is wrong */
      g_string_append_printf (text, _("%s: %s"), adw_preferences_row_get_title (ADW_PREFERENCES_ROW (field->row)),
                              message);
    }
  for (guint i = 0; i < self->orphans->len; i++)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, g_ptr_array_index (self->orphans, i));
    }
  gtk_label_set_text (self->summary, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->summary), text->len > 0);
}

void
pd_field_errors_set_check (PdFieldErrors *self,
                           const char    *name,
                           const char    *message)
{
  Field *field = lookup (self, name);

  g_return_if_fail (field != NULL);

  if (g_strcmp0 (field->check, message) == 0)
    return;
  g_free (field->check);
  field->check = g_strdup (message);
  update_row (self, field);
  update_summary (self);
}

void
pd_field_errors_forget_portal (PdFieldErrors *self,
                               GtkWidget     *row)
{
  gboolean changed = FALSE;

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (field->row == row && field->portal != NULL)
        {
          g_clear_pointer (&field->portal, g_free);
          update_row (self, field);
          changed = TRUE;
        }
    }
  if (changed)
    update_summary (self);
}

void
pd_field_errors_clear_portal (PdFieldErrors *self)
{
  g_ptr_array_set_size (self->orphans, 0);
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (field->portal != NULL)
        {
          g_clear_pointer (&field->portal, g_free);
          update_row (self, field);
        }
    }
  update_summary (self);
}

gboolean
pd_field_errors_show_portal (PdFieldErrors *self,
                             const GError  *error)
{
  GPtrArray *errors;

  if (!g_error_matches (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_VALIDATION))
    return FALSE;
  pd_field_errors_clear_portal (self);
  errors = pd_portal_error_get_field_errors (error);
  for (guint i = 0; i < errors->len; i++)
    {
      PdPortalFieldError *portal = g_ptr_array_index (errors, i);
      Field *field = portal->field != NULL ? lookup (self, portal->field) : NULL;

      if (field != NULL && field->row != NULL && gtk_widget_is_visible (field->row))
        {
          g_free (field->portal);
          field->portal = g_strdup (portal->message);
          update_row (self, field);
        }
      else
        g_ptr_array_add (self->orphans, g_strdup_printf ("%s: %s", portal->field != NULL ? portal->field : "",
                                                         portal->message));
    }
  if (errors->len == 0)
    g_ptr_array_add (self->orphans, g_strdup (error->message));
  update_summary (self);
  return TRUE;
}

gboolean
pd_field_errors_check_fails (PdFieldErrors *self,
                             const char    *name)
{
  Field *field = lookup (self, name);

  g_return_val_if_fail (field != NULL, FALSE);

  return field->check != NULL;
}

const char *
pd_field_errors_get (PdFieldErrors *self,
                     const char    *name)
{
  Field *field = lookup (self, name);

  g_return_val_if_fail (field != NULL, NULL);

  return field_message (field);
}

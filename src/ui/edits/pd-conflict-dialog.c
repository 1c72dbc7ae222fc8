/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "pd-conflict-dialog.h"

struct _PdConflictDialog
{
  AdwMessageDialog parent_instance;

  gboolean         resolved;
};

G_DEFINE_FINAL_TYPE (PdConflictDialog, pd_conflict_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  SIGNAL_RESOLVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
format_value (JsonNode *node)
{
  g_autoptr(GString) text = NULL;
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("—");
  if (JSON_NODE_HOLDS_OBJECT (node))
    return json_to_string (node, FALSE);
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      array = json_node_get_array (node);
      if (json_array_get_length (array) == 0)
        return g_strdup ("—");
      text = g_string_new (NULL);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *item = format_value (json_array_get_element (array, i));

          if (i > 0)
            g_string_append (text, ", ");
          g_string_append (text, item);
        }
      return g_string_free (g_steal_pointer (&text), FALSE);
    }
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? _("Yes") : _("No"));
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      return g_strdup_printf ("%g", json_node_get_double (node));
    case G_TYPE_STRING:
      return g_strdup (*json_node_get_string (node) != '\0' ? json_node_get_string (node) : "—");
    default:
      return json_to_string (node, FALSE);
    }
}

static GtkWidget *
cell (const char *text,
      gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  /* Long values wrap, but never narrower than a few words: a narrow minimum would make the
   * dialog as tall as the text wrapped word by word. */
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (label), heading ? -1 : 12);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_label_set_wrap (GTK_LABEL (label), !heading);
  gtk_label_set_selectable (GTK_LABEL (label), !heading);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  return label;
}

/* Field | On the portal now | Yours, one row per field of mine; a changed row says so in
 * words (and is bold), not by colour alone. */
static GtkWidget *
build_table (JsonNode         *mine,
             JsonNode         *theirs,
             GHashTable       *labels,
             PdEditFormatFunc  format,
             gpointer          format_data)
{
  GtkWidget *grid = gtk_grid_new ();
  JsonObject *mine_object = json_node_get_object (mine);
  JsonObject *theirs_object = theirs != NULL && JSON_NODE_HOLDS_OBJECT (theirs) ? json_node_get_object (theirs) : NULL;
  g_autoptr(GList) members = json_object_get_members (mine_object);
  int row = 1;

  gtk_widget_set_halign (grid, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (grid, 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_attach (GTK_GRID (grid), cell (_("Field"), TRUE), 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), cell (_("On the portal now"), TRUE), 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), cell (_("Yours"), TRUE), 2, 0, 1, 1);
  for (GList *l = members; l != NULL; l = l->next, row++)
    {
      const char *field = l->data;
      JsonNode *my_value = json_object_get_member (mine_object, field);
      JsonNode *their_value = theirs_object != NULL ? json_object_get_member (theirs_object, field) : NULL;
      const char *label = labels != NULL ? g_hash_table_lookup (labels, field) : NULL;
      g_autofree char *mine_text = format != NULL ? format (field, my_value, format_data) : NULL;
      g_autofree char *theirs_text = format != NULL ? format (field, their_value, format_data) : NULL;
      g_autofree char *name = NULL;
      GtkWidget *name_label;

      if (mine_text == NULL)
        mine_text = format_value (my_value);
      if (theirs_text == NULL)
        theirs_text = format_value (their_value);
      if (g_strcmp0 (mine_text, theirs_text) != 0)
        /* Translators: a field whose two versions differ, e.g. “Role (differs)” */
        name = g_strdup_printf (_("%s (differs)"), label != NULL ? label : field);
      else
        name = g_strdup (label != NULL ? label : field);
      name_label = cell (name, FALSE);
      gtk_label_set_selectable (GTK_LABEL (name_label), FALSE);
      if (g_strcmp0 (mine_text, theirs_text) != 0)
        gtk_widget_add_css_class (name_label, "heading");
      gtk_grid_attach (GTK_GRID (grid), name_label, 0, row, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), cell (theirs_text, FALSE), 1, row, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), cell (mine_text, FALSE), 2, row, 1, 1);
    }
  return grid;
}

static void
response_cb (PdConflictDialog *self,
             const char       *response)
{
  if (self->resolved)
    return;
  self->resolved = TRUE;
  g_signal_emit (self, signals[SIGNAL_RESOLVED], 0, g_str_equal (response, "mine"));
}

GtkWidget *
pd_conflict_dialog_new (GtkWindow        *parent,
                        const char       *description,
                        JsonNode         *mine,
                        JsonNode         *theirs,
                        GHashTable       *labels,
                        PdEditFormatFunc  format,
                        gpointer          format_data)
{
  PdConflictDialog *self;
  gboolean removal = mine == NULL || !JSON_NODE_HOLDS_OBJECT (mine);

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (description != NULL, NULL);

  self = g_object_new (PD_TYPE_CONFLICT_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "heading", _("Changed by Someone Else"),
                       NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (self),
                                  removal
                                  /* Translators: %s describes the change, e.g. “Delete the group “Support”” */
                                  ? _("While you were working, the item was changed on the portal. “%s” would remove their version.")
                                  /* Translators: %s describes the change, e.g. “Change the role of Ada Lovelace” */
                                  : _("While you were working, the item was changed on the portal. Choose which version to keep for “%s”."),
                                  description);
  if (!removal)
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self),
                                        build_table (mine, theirs, labels, format, format_data));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "theirs", _("Keep _Theirs"),
                                    "mine", removal ? _("_Remove Anyway") : _("Use _Mine"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "mine",
                                              removal ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "theirs");
  /* Closing overwrites nothing. */
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "theirs");
  g_signal_connect (self, "response", G_CALLBACK (response_cb), NULL);
  return GTK_WIDGET (self);
}

static void
pd_conflict_dialog_class_init (PdConflictDialogClass *klass)
{
  /* Which version the user kept: TRUE for mine. */
  signals[SIGNAL_RESOLVED] =
    g_signal_new ("resolved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static void
pd_conflict_dialog_init (PdConflictDialog *self)
{
}

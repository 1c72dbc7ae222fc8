/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "pd-client-format.h"
#include "pd-seat-picker-row.h"

struct _PdSeatPickerRow
{
  GtkWidget       parent_instance;

  PdAccount      *account;
  gulong          notify_id;
  char           *failure;
  gboolean        quiet;      /* the picker is setting the check */
  GtkCheckButton *check;
  GtkLabel       *name_label;
  GtkLabel       *email_label;
  GtkLabel       *type_label;
  GtkWidget      *protection_box;
  GtkImage       *protection_icon;
  GtkLabel       *protection_label;
  GtkWidget      *failure_box;
  GtkLabel       *failure_label;
};

G_DEFINE_FINAL_TYPE (PdSeatPickerRow, pd_seat_picker_row, GTK_TYPE_WIDGET)

enum { SIGNAL_TOGGLED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
on_check_toggled (PdSeatPickerRow *self)
{
  if (self->account != NULL && !self->quiet)
    g_signal_emit (self, signals[SIGNAL_TOGGLED], 0, gtk_check_button_get_active (self->check));
}

static GtkLabel *
add_label (GtkWidget  *box,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);
  return GTK_LABEL (label);
}

static void
pd_seat_picker_row_init (PdSeatPickerRow *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon;

  /* the check's child is the whole row: a click anywhere toggles it, and the row's text is
   * the check's accessible name */
  self->check = GTK_CHECK_BUTTON (gtk_check_button_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->check), GTK_WIDGET (self));
  gtk_widget_set_hexpand (content, TRUE);
  gtk_check_button_set_child (self->check, content);
  g_signal_connect_swapped (self->check, "toggled", G_CALLBACK (on_check_toggled), self);

  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (content), text);
  self->name_label = add_label (text, "heading");
  self->email_label = add_label (text, "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->email_label), "caption");

  self->failure_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (self->failure_box, "pd-seat-failure");
  icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (self->failure_box), icon);
  self->failure_label = add_label (self->failure_box, "caption");
  gtk_label_set_ellipsize (self->failure_label, PANGO_ELLIPSIZE_NONE);
  gtk_label_set_wrap (self->failure_label, TRUE);
  gtk_box_append (GTK_BOX (text), self->failure_box);

  gtk_widget_set_valign (side, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (content), side);
  self->protection_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (self->protection_box, GTK_ALIGN_END);
  self->protection_icon = GTK_IMAGE (gtk_image_new ());
  gtk_box_append (GTK_BOX (self->protection_box), GTK_WIDGET (self->protection_icon));
  self->protection_label = add_label (self->protection_box, "caption");
  gtk_box_append (GTK_BOX (side), self->protection_box);
  self->type_label = add_label (side, "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->type_label), "caption");
  gtk_label_set_xalign (self->type_label, 1);
}

static void
pd_seat_picker_row_dispose (GObject *object)
{
  PdSeatPickerRow *self = PD_SEAT_PICKER_ROW (object);

  g_clear_pointer ((GtkWidget **) &self->check, gtk_widget_unparent);
  g_clear_signal_handler (&self->notify_id, self->account);
  g_clear_object (&self->account);
  g_clear_pointer (&self->failure, g_free);
  G_OBJECT_CLASS (pd_seat_picker_row_parent_class)->dispose (object);
}

static void
pd_seat_picker_row_class_init (PdSeatPickerRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_seat_picker_row_dispose;

  /* The user toggled the check: the picker decides (it may refuse and call set again). */
  signals[SIGNAL_TOGGLED] = g_signal_new ("toggled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                          NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pd-seat-picker-row");
}

/* The check's child is not read out by every screen reader: name it, and describe it */
static void
update_accessible (PdSeatPickerRow *self,
                   PdAccount       *account)
{
  /* Translators: what a screen reader says after an account's name: “User, Protected” */
  g_autofree char *description = g_strdup_printf (_("%s, %s"), gtk_label_get_text (self->type_label),
                                                  pd_client_format_protection (pd_account_get_protection (account)));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, pd_account_get_display_name (account),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

GtkWidget *
pd_seat_picker_row_new (void)
{
  return g_object_new (PD_TYPE_SEAT_PICKER_ROW, NULL);
}

PdAccount *
pd_seat_picker_row_get_account (PdSeatPickerRow *self)
{
  g_return_val_if_fail (PD_IS_SEAT_PICKER_ROW (self), NULL);
  return self->account;
}

/* What comes from the account; again when a sync changes it in place */
static void
render (PdSeatPickerRow *self)
{
  static const char *const classes[] = { "pd-protection-unknown", "pd-protection-protected",
                                         "pd-protection-paused", "pd-protection-unprotected" };
  PdAccount *account = self->account;
  PdAccountProtection protection = pd_account_get_protection (account);
  const char *email = pd_account_get_email (account);
  const char *note = self->failure;

  gtk_label_set_text (self->name_label, pd_account_get_display_name (account));
  gtk_label_set_text (self->email_label, email != NULL ? email : "");
  gtk_widget_set_visible (GTK_WIDGET (self->email_label), email != NULL && *email != '\0');
  if (pd_account_get_status (account) == PD_ACCOUNT_STATUS_DEACTIVATED)
    {
      /* Translators: an account's type and its state in the tenant, “User · Deactivated in the tenant” */
      g_autofree char *text = g_strdup_printf (_("%s · %s"), pd_client_format_account_type (pd_account_get_kind (account)),
                                               pd_client_format_account_status (PD_ACCOUNT_STATUS_DEACTIVATED));
      gtk_label_set_text (self->type_label, text);
    }
  else
    gtk_label_set_text (self->type_label, pd_client_format_account_type (pd_account_get_kind (account)));

  gtk_image_set_from_icon_name (self->protection_icon, pd_client_format_protection_icon (protection));
  gtk_label_set_text (self->protection_label, pd_client_format_protection (protection));
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (self->protection_box, classes[i]);
  if ((guint) protection < G_N_ELEMENTS (classes))
    gtk_widget_add_css_class (self->protection_box, classes[protection]);
  update_accessible (self, account);

  /* a deleted account cannot take a seat: the reason is in the row */
  if (note == NULL && pd_account_get_status (account) == PD_ACCOUNT_STATUS_DELETED &&
      protection == PD_ACCOUNT_PROTECTION_UNPROTECTED)
    note = _("Deleted in the client’s tenant: it cannot be protected.");
  gtk_label_set_text (self->failure_label, note != NULL ? note : "");
  gtk_widget_set_visible (self->failure_box, note != NULL);
}

void
pd_seat_picker_row_set (PdSeatPickerRow *self,
                        PdAccount       *account,
                        gboolean         selected,
                        gboolean         selectable,
                        const char      *failure)
{
  g_return_if_fail (PD_IS_SEAT_PICKER_ROW (self));

  if (self->account != account)
    {
      g_clear_signal_handler (&self->notify_id, self->account);
      g_set_object (&self->account, account);
      if (account != NULL)
        self->notify_id = g_signal_connect_swapped (account, "notify", G_CALLBACK (render), self);
    }
  g_free (self->failure);
  self->failure = g_strdup (failure);

  self->quiet = TRUE;
  gtk_check_button_set_active (self->check, selected);
  self->quiet = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->check), selectable);
  if (account != NULL)
    render (self);
}

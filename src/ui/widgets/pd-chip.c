/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pd-chip.h"
#include "pd-tooltip.h"
#include "pd-widgets-style.h"

/* One label in a styled node: too small for a template. */
struct _PdChip
{
  GtkWidget  parent_instance;

  GtkLabel  *label;
};

G_DEFINE_FINAL_TYPE (PdChip, pd_chip, GTK_TYPE_WIDGET)

static void
pd_chip_dispose (GObject *object)
{
  PdChip *self = PD_CHIP (object);

  g_clear_pointer ((GtkWidget **) &self->label, gtk_widget_unparent);

  G_OBJECT_CLASS (pd_chip_parent_class)->dispose (object);
}

static void
pd_chip_class_init (PdChipClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_chip_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pd-chip");

  pd_widgets_ensure_style ();
}

static void
pd_chip_init (PdChip *self)
{
  /* Cheap after the first time; covers a class initialized before the display existed */
  pd_widgets_ensure_style ();
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->label, PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (self->label, TRUE);
  gtk_widget_set_parent (GTK_WIDGET (self->label), GTK_WIDGET (self));
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
}

GtkWidget *
pd_chip_new (const char *text,
             const char *tooltip)
{
  PdChip *self = g_object_new (PD_TYPE_CHIP, NULL);

  pd_chip_set_text (self, text);
  pd_tooltip_set (GTK_WIDGET (self), tooltip);
  return GTK_WIDGET (self);
}

const char *
pd_chip_get_text (PdChip *self)
{
  g_return_val_if_fail (PD_IS_CHIP (self), NULL);

  return gtk_label_get_text (self->label);
}

void
pd_chip_set_text (PdChip     *self,
                  const char *text)
{
  g_return_if_fail (PD_IS_CHIP (self));

  gtk_label_set_text (self->label, text != NULL ? text : "");
}

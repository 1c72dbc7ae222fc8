/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pd-seat-gauge.h"
#include "pd-widgets-style.h"

/* The licence limit marker when over capacity */
#define MARK_WIDTH 2

struct _PdSeatGauge
{
  GtkWidget      parent_instance;

  PdSeatFigures  figures;
};

G_DEFINE_FINAL_TYPE (PdSeatGauge, pd_seat_gauge, GTK_TYPE_WIDGET)

static void
lookup_color (GtkWidget  *widget,
              const char *name,
              GdkRGBA    *color)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  /* The named colours of libadwaita, so dark and high-contrast styles follow; the text
   * colour if a theme lacks one. */
  if (!gtk_style_context_lookup_color (context, name, color))
    gtk_style_context_get_color (context, color);
}

static void
append_bar (GtkSnapshot   *snapshot,
            float          x,
            float          width,
            float          height,
            const GdkRGBA *color)
{
  if (width <= 0)
    return;
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, 0, width, height));
}

static void
pd_seat_gauge_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  PdSeatGauge *self = PD_SEAT_GAUGE (widget);
  const PdSeatFigures *f = &self->figures;
  float width = gtk_widget_get_width (widget);
  /* As tall as the widget: the stylesheet's min-height (6 px) unless a page wants more */
  float height = gtk_widget_get_height (widget);
  GskRoundedRect outline;
  GdkRGBA track, used, warning, error;

  if (width < 1 || height < 1)
    return;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &track);
  track.alpha *= 0.15f;
  lookup_color (widget, "accent_color", &used);
  lookup_color (widget, "warning_color", &warning);
  lookup_color (widget, "error_color", &error);

  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (0, 0, width, height), height / 2.f);
  gtk_snapshot_push_rounded_clip (snapshot, &outline);
  append_bar (snapshot, 0, width, height, &track);

  if (pd_seat_figures_is_over_capacity (f))
    {
      /* The whole bar is seats in use; the part beyond the licences in the error colour,
       * split from the licensed part by a gap where the limit is. */
      float limit = width * (float) f->total / (float) f->managed;
      float gap = limit > 0 && limit < width ? MARK_WIDTH / 2.f : 0;

      append_bar (snapshot, 0, limit - gap, height, &used);
      append_bar (snapshot, limit + gap, width - limit - gap, height, &error);
    }
  else if (pd_seat_figures_is_known (f) && f->total > 0)
    {
      float used_width = width * (float) f->managed / (float) f->total;
      /* Unprotected accounts could take open seats: shown after the used part, as much of it
       * as there are open seats. */
      gint64 room = MIN (MAX (f->unprotected, 0), f->total - f->managed);
      float unprotected_width = width * (float) room / (float) f->total;

      append_bar (snapshot, 0, used_width, height, &used);
      append_bar (snapshot, used_width, unprotected_width, height, &warning);
    }

  gtk_snapshot_pop (snapshot);
}

static void
pd_seat_gauge_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 0;
      *natural = 120;
    }
  else
    *minimum = *natural = 0;  /* min-height in the stylesheet */
}

static void
sync_figures (PdSeatGauge *self)
{
  const PdSeatFigures *f = &self->figures;
  g_autofree char *summary = pd_seat_figures_dup_summary (f);
  gboolean known = pd_seat_figures_is_known (f);
  gboolean over = pd_seat_figures_is_over_capacity (f);

  if (over)
    gtk_widget_add_css_class (GTK_WIDGET (self), "over-capacity");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "over-capacity");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, summary,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX,
                                  known ? (double) MAX (f->total, f->managed) : 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW,
                                  known ? (double) f->managed : 0.0,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Asked for when the pointer rests on the gauge: setting the text at every change would ask
 * the display where the pointer is each time a recycled tile is rebound. */
static gboolean
pd_seat_gauge_query_tooltip (GtkWidget  *widget,
                             int         x,
                             int         y,
                             gboolean    keyboard_tooltip,
                             GtkTooltip *tooltip)
{
  g_autofree char *summary = pd_seat_figures_dup_summary (&PD_SEAT_GAUGE (widget)->figures);

  gtk_tooltip_set_text (tooltip, summary);
  return TRUE;
}

static void
pd_seat_gauge_class_init (PdSeatGaugeClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = pd_seat_gauge_snapshot;
  widget_class->measure = pd_seat_gauge_measure;
  widget_class->query_tooltip = pd_seat_gauge_query_tooltip;

  gtk_widget_class_set_css_name (widget_class, "pd-seat-gauge");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_METER);

  pd_widgets_ensure_style ();
}

static void
pd_seat_gauge_init (PdSeatGauge *self)
{
  /* Cheap after the first time; covers a class initialized before the display existed */
  pd_widgets_ensure_style ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Seat usage"), -1);
  /* Its height is the stylesheet's, not a tall row's */
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  pd_seat_figures_init (&self->figures, -1, -1, -1, -1);
  sync_figures (self);
}

GtkWidget *
pd_seat_gauge_new (void)
{
  return g_object_new (PD_TYPE_SEAT_GAUGE, NULL);
}

void
pd_seat_gauge_set_figures (PdSeatGauge *self,
                           gint64       total,
                           gint64       managed,
                           gint64       open,
                           gint64       unprotected)
{
  PdSeatFigures figures;

  g_return_if_fail (PD_IS_SEAT_GAUGE (self));

  pd_seat_figures_init (&figures, total, managed, open, unprotected);
  if (memcmp (&figures, &self->figures, sizeof figures) == 0)
    return;
  self->figures = figures;
  sync_figures (self);
}

char *
pd_seat_gauge_dup_summary (PdSeatGauge *self)
{
  g_return_val_if_fail (PD_IS_SEAT_GAUGE (self), NULL);

  return pd_seat_figures_dup_summary (&self->figures);
}

char *
pd_seat_gauge_dup_short_text (PdSeatGauge *self)
{
  g_return_val_if_fail (PD_IS_SEAT_GAUGE (self), NULL);

  return pd_seat_figures_dup_short_text (&self->figures);
}

gboolean
pd_seat_gauge_is_over_capacity (PdSeatGauge *self)
{
  g_return_val_if_fail (PD_IS_SEAT_GAUGE (self), FALSE);

  return pd_seat_figures_is_over_capacity (&self->figures);
}

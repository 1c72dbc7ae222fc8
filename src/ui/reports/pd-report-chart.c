/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "pd-report-chart.h"

/* Between two parts, so that neighbours of close colours still read as two */
#define GAP 2.f
/* The pattern's tile */
#define TILE 6.f

struct _PdReportChart
{
  GtkWidget  parent_instance;

  GArray    *segments;  /* PdReportSegment */
};

G_DEFINE_FINAL_TYPE (PdReportChart, pd_report_chart, GTK_TYPE_WIDGET)

static void
tint_color (GtkWidget    *widget,
            PdReportTint  tint,
            GdkRGBA      *color)
{
  static const char *names[] = {
    [PD_REPORT_TINT_ACCENT] = "accent_color",
    [PD_REPORT_TINT_SUCCESS] = "success_color",
    [PD_REPORT_TINT_WARNING] = "warning_color",
    [PD_REPORT_TINT_ERROR] = "error_color",
    [PD_REPORT_TINT_NEUTRAL] = NULL,
  };
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  /* Neutral is the text colour, softened; so is any colour a theme does not name. */
  if (names[tint] != NULL && gtk_style_context_lookup_color (context, names[tint], color))
    return;
  gtk_style_context_get_color (context, color);
  color->alpha *= 0.55f;
}

/* One tile of @pattern at the origin, in @color */
static void
append_tile (GtkSnapshot     *snapshot,
             PdReportPattern  pattern,
             const GdkRGBA   *color)
{
  switch (pattern)
    {
    case PD_REPORT_PATTERN_STRIPES:
      /* Diagonals through the tile and its two corners, so the tiles join into lines */
      for (int i = 0; i < 3; i++)
        {
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (TILE * i / 2.f, TILE * (2 - i) / 2.f));
          gtk_snapshot_rotate (snapshot, -45.f);
          gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (-TILE, -0.9f, 2 * TILE, 1.8f));
          gtk_snapshot_restore (snapshot);
        }
      break;
    case PD_REPORT_PATTERN_DOTS:
      gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (1.5f, 1.5f, 2.5f, 2.5f));
      break;
    case PD_REPORT_PATTERN_GRID:
      gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (0, 0, TILE, 1.5f));
      gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (0, 0, 1.5f, TILE));
      break;
    case PD_REPORT_PATTERN_SOLID:
    case PD_REPORT_PATTERN_NONE:
    default:
      break;
    }
}

static void
append_segment (GtkWidget             *widget,
                GtkSnapshot           *snapshot,
                const PdReportSegment *segment,
                const graphene_rect_t *rect,
                gboolean               outline)
{
  GdkRGBA color, faint;

  tint_color (widget, segment->tint, &color);
  faint = color;
  faint.alpha *= segment->pattern == PD_REPORT_PATTERN_NONE ? 0.3f : 0.35f;
  if (segment->pattern == PD_REPORT_PATTERN_SOLID)
    gtk_snapshot_append_color (snapshot, &color, rect);
  else
    {
      gtk_snapshot_append_color (snapshot, &faint, rect);
      gtk_snapshot_push_repeat (snapshot, rect, &GRAPHENE_RECT_INIT (rect->origin.x, rect->origin.y, TILE, TILE));
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &rect->origin);
      append_tile (snapshot, segment->pattern, &color);
      gtk_snapshot_restore (snapshot);
      gtk_snapshot_pop (snapshot);
    }
  if (outline)
    {
      GskRoundedRect border;
      GdkRGBA text;

      gtk_style_context_get_color (gtk_widget_get_style_context (widget), &text);
      gsk_rounded_rect_init_from_rect (&border, rect, 0);
      gtk_snapshot_append_border (snapshot, &border, (float[4]) { 1, 1, 1, 1 },
                                  (GdkRGBA[4]) { text, text, text, text });
    }
}

static void
pd_report_chart_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  PdReportChart *self = PD_REPORT_CHART (widget);
  float width = gtk_widget_get_width (widget);
  float height = gtk_widget_get_height (widget);
  gboolean outline = adw_style_manager_get_high_contrast (adw_style_manager_get_default ());
  GskRoundedRect clip;
  gint64 sum = 0;
  guint n_shown = 0;
  float x = 0;

  if (width < 1 || height < 1)
    return;
  for (guint i = 0; i < self->segments->len; i++)
    {
      gint64 value = g_array_index (self->segments, PdReportSegment, i).value;

      sum += MAX (value, 0);
      n_shown += value > 0;
    }

  gsk_rounded_rect_init_from_rect (&clip, &GRAPHENE_RECT_INIT (0, 0, width, height), MIN (height / 4.f, 6.f));
  gtk_snapshot_push_rounded_clip (snapshot, &clip);
  if (sum == 0)
    {
      /* Nothing to count: the empty track, so the card keeps its shape */
      PdReportSegment empty = { 1, PD_REPORT_TINT_NEUTRAL, PD_REPORT_PATTERN_NONE };

      append_segment (widget, snapshot, &empty, &GRAPHENE_RECT_INIT (0, 0, width, height), outline);
    }
  else
    {
      float room = width - GAP * (n_shown - 1);

      for (guint i = 0; i < self->segments->len; i++)
        {
          const PdReportSegment *segment = &g_array_index (self->segments, PdReportSegment, i);
          float part;

          if (segment->value <= 0 || x >= width)
            continue;
          /* A part too small to see still shows: one pixel at least */
          part = MAX (room * (float) segment->value / (float) sum, 1.f);
          append_segment (widget, snapshot, segment, &GRAPHENE_RECT_INIT (x, 0, MIN (part, width - x), height),
                          outline);
          x += part + GAP;
        }
    }
  gtk_snapshot_pop (snapshot);
}

static void
pd_report_chart_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  /* The stylesheet's min-width and min-height give the size; a chart would like more room
   * across than a swatch */
  *minimum = 0;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL && !gtk_widget_has_css_class (widget, "swatch") ? 240 : 0;
}

static void
pd_report_chart_finalize (GObject *object)
{
  PdReportChart *self = PD_REPORT_CHART (object);

  g_array_unref (self->segments);

  G_OBJECT_CLASS (pd_report_chart_parent_class)->finalize (object);
}

static void
pd_report_chart_class_init (PdReportChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pd_report_chart_finalize;
  widget_class->snapshot = pd_report_chart_snapshot;
  widget_class->measure = pd_report_chart_measure;

  gtk_widget_class_set_css_name (widget_class, "pd-report-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
pd_report_chart_init (PdReportChart *self)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  self->segments = g_array_new (FALSE, FALSE, sizeof (PdReportSegment));
  /* The outlines of high contrast are drawn, not styled: redraw when it changes. */
  g_signal_connect_object (style, "notify::high-contrast", G_CALLBACK (gtk_widget_queue_draw), self,
                           G_CONNECT_SWAPPED);
}

GtkWidget *
pd_report_chart_new (void)
{
  return g_object_new (PD_TYPE_REPORT_CHART, NULL);
}

GtkWidget *
pd_report_chart_new_swatch (const PdReportSegment *segment)
{
  GtkWidget *swatch;

  g_return_val_if_fail (segment != NULL, NULL);

  swatch = g_object_new (PD_TYPE_REPORT_CHART,
                         "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                         "valign", GTK_ALIGN_CENTER,
                         NULL);
  gtk_widget_add_css_class (swatch, "swatch");
  pd_report_chart_set_segments (PD_REPORT_CHART (swatch), segment, 1);
  return swatch;
}

void
pd_report_chart_set_segments (PdReportChart         *self,
                              const PdReportSegment *segments,
                              guint                  n_segments)
{
  g_return_if_fail (PD_IS_REPORT_CHART (self));
  g_return_if_fail (segments != NULL || n_segments == 0);

  if (self->segments->len == n_segments &&
      (n_segments == 0 || memcmp (self->segments->data, segments, n_segments * sizeof *segments) == 0))
    return;
  g_array_set_size (self->segments, 0);
  g_array_append_vals (self->segments, segments, n_segments);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

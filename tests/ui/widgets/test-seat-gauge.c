/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The seat gauge: its words (summary, tooltip, accessible value) and its drawing. */
#include "config.h"

#include "pd-seat-gauge.h"
#include "pd-ui-test.h"

static void
assert_property (GtkWidget               *widget,
                 GtkAccessibleProperty    property,
                 ...)
{
  g_autofree char *error = NULL;
  va_list args;

  va_start (args, property);
  if (property == GTK_ACCESSIBLE_PROPERTY_LABEL || property == GTK_ACCESSIBLE_PROPERTY_DESCRIPTION ||
      property == GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT)
    error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), property, va_arg (args, const char *));
  else
    error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), property, va_arg (args, double));
  va_end (args);
  if (error != NULL)
    g_error ("accessible property %d: %s", property, error);
}

typedef struct
{
  gint64      total, managed, open, unprotected;
  const char *summary;
  const char *short_text;
  gboolean    over;
  double      value_now, value_max;
} Case;

static const Case cases[] = {
  { 20, 12, 8, 3, "12 of 20 seats used, 8 open, 3 accounts unprotected", "12 / 20 seats · 3 unprotected", FALSE, 12, 20 },
  { 20, 12, 8, 0, "12 of 20 seats used, 8 open", "12 / 20 seats", FALSE, 12, 20 },
  /* open unknown: derived */
  { 20, 12, -1, 0, "12 of 20 seats used, 8 open", "12 / 20 seats", FALSE, 12, 20 },
  /* singular forms */
  { 1, 1, 0, 1, "1 of 1 seat used, 0 open, 1 account unprotected", "1 / 1 seat · 1 unprotected", FALSE, 1, 1 },
  /* every licence open */
  { 50, 0, 50, 7, "0 of 50 seats used, 50 open, 7 accounts unprotected", "0 / 50 seats · 7 unprotected", FALSE, 0, 50 },
  /* over capacity */
  { 20, 25, 0, 2, "25 of 20 seats used, 5 over capacity, 2 accounts unprotected", "25 / 20 seats · 5 over · 2 unprotected", TRUE, 25, 25 },
  /* no licence at all */
  { 0, 0, 0, 0, "No seats licensed", "No seats", FALSE, 0, 0 },
  { 0, 0, 0, 4, "No seats licensed, 4 accounts unprotected", "No seats · 4 unprotected", FALSE, 0, 0 },
  { 0, 3, 0, 0, "3 of 0 seats used, 3 over capacity", "3 / 0 seats · 3 over", TRUE, 3, 3 },
  /* unknown or absent */
  { -1, -1, -1, -1, "Seat figures unknown", "Seats unknown", FALSE, 0, 0 },
  { 20, -1, -1, 2, "Seat figures unknown, 2 accounts unprotected", "Seats unknown · 2 unprotected", FALSE, 0, 0 },
};

static void
test_texts (void)
{
  GtkWidget *gauge = pd_seat_gauge_new ();

  g_object_ref_sink (gauge);
  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (gauge), GTK_ACCESSIBLE_ROLE_METER));
  assert_property (gauge, GTK_ACCESSIBLE_PROPERTY_LABEL, "Seat usage");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      g_autofree char *summary = NULL;
      g_autofree char *short_text = NULL;

      pd_seat_gauge_set_figures (PD_SEAT_GAUGE (gauge), c->total, c->managed, c->open, c->unprotected);
      summary = pd_seat_gauge_dup_summary (PD_SEAT_GAUGE (gauge));
      short_text = pd_seat_gauge_dup_short_text (PD_SEAT_GAUGE (gauge));
      g_test_message ("%s", summary);
      g_assert_cmpstr (summary, ==, c->summary);
      g_assert_cmpstr (short_text, ==, c->short_text);
      /* The tooltip is the summary, asked for when it shows (query-tooltip) */
      g_assert_true (gtk_widget_get_has_tooltip (gauge));
      g_assert_cmpint (pd_seat_gauge_is_over_capacity (PD_SEAT_GAUGE (gauge)), ==, c->over);
      g_assert_cmpint (gtk_widget_has_css_class (gauge, "over-capacity"), ==, c->over);
      assert_property (gauge, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, c->summary);
      assert_property (gauge, GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, c->summary);
      assert_property (gauge, GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, c->value_now);
      assert_property (gauge, GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, c->value_max);
      assert_property (gauge, GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0);
    }
  g_object_unref (gauge);
}

/* The gauge rendered alone at @width × 6 px; NULL when nothing is drawn */
static GdkTexture *
render (GtkWidget *gauge,
        int        width)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (gauge));

  /* The widget's own snapshot, at the width it was just allocated */
  GTK_WIDGET_GET_CLASS (gauge)->snapshot (gauge, snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL || width < 1)
    return NULL;
  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, 6));
}

static void
set_width (GtkWidget *gauge,
           int        width)
{
  /* Allocated by hand: a layout would never make it narrower than its natural width */
  gtk_widget_allocate (gauge, width, 6, -1, NULL);
  g_assert_cmpint (gtk_widget_get_width (gauge), ==, width);
}

/* The BGRA pixel at (@x, 3) */
static guint32
pixel (GdkTexture *texture,
       int         x)
{
  int width = gdk_texture_get_width (texture);
  g_autofree guint32 *data = g_new (guint32, width * 6);

  gdk_texture_download (texture, (guchar *) data, width * 4);
  return data[3 * width + x];
}

#define RED(p) (((p) >> 16) & 0xff)
#define BLUE(p) ((p) & 0xff)

static void
test_draw (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *gauge = pd_seat_gauge_new ();
  GtkWindow *window;

  gtk_box_append (GTK_BOX (box), gauge);
  window = pd_ui_test_window_new (box, 300, 60);
  pd_ui_test_wait_frames (3);

  /* Tiny widths draw without a crash, whatever the figures */
  for (int width = 0; width <= 2; width++)
    {
      const gint64 figures[][4] = { { 20, 12, 8, 3 }, { 20, 25, 0, 0 }, { 0, 0, 0, 0 }, { -1, -1, -1, -1 } };

      set_width (gauge, width);
      for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
        {
          g_autoptr(GdkTexture) texture = NULL;

          pd_seat_gauge_set_figures (PD_SEAT_GAUGE (gauge), figures[i][0], figures[i][1], figures[i][2], figures[i][3]);
          texture = render (gauge, width);
        }
    }

  set_width (gauge, 200);
  {
    g_autoptr(GdkTexture) texture = NULL;
    guint32 used, unprotected, open;

    /* 10 of 20 used, 5 unprotected: accent to 100 px, warning to 150 px, then the track */
    pd_seat_gauge_set_figures (PD_SEAT_GAUGE (gauge), 20, 10, 10, 5);
    texture = render (gauge, 200);
    used = pixel (texture, 50);
    unprotected = pixel (texture, 125);
    open = pixel (texture, 180);
    g_assert_cmpuint (BLUE (used), >, RED (used));            /* accent blue */
    g_assert_cmpuint (RED (unprotected), >, BLUE (unprotected)); /* warning amber */
    g_assert_cmpuint (used, !=, open);
    g_assert_cmpuint (unprotected, !=, open);
  }
  {
    g_autoptr(GdkTexture) texture = NULL;
    guint32 licensed, over;

    /* 40 in use for 20 licences: the second half is the error colour */
    pd_seat_gauge_set_figures (PD_SEAT_GAUGE (gauge), 20, 40, 0, 0);
    texture = render (gauge, 200);
    licensed = pixel (texture, 50);
    over = pixel (texture, 150);
    g_assert_cmpuint (BLUE (licensed), >, RED (licensed));
    g_assert_cmpuint (RED (over), >, BLUE (over));
  }
  pd_ui_test_window_destroy (window);
}

int
main (int argc, char **argv)
{
  pd_ui_test_init (&argc, &argv);

  g_test_add_func ("/widgets/seat-gauge/texts", test_texts);
  g_test_add_func ("/widgets/seat-gauge/draw", test_draw);

  return g_test_run ();
}

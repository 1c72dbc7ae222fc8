/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "pd-clients-first-screen.h"

/* GTK 4.8's grid view builds a row for each of its first 30 items whatever its height, and
 * a client section with its tiles is costly to build, measure and draw: at start-up with
 * thousands of clients that doubles the time to the first painted page. The view is given
 * a slice of the list instead. Its first frame grows the slice until the sections cover the
 * viewport (GDK lays out again within the frame when a layout asks for more); each later
 * frame adds a few sections, and once there are more than the view would ever build the
 * slice becomes the whole list. */

#define FIRST_GUESS 4      /* sections a common window shows; the first frame corrects it */
#define STEP        4      /* sections added a frame after the first */
#define ENOUGH      48     /* more than GTK 4.8's grid view builds (30 rows and spares) */

struct _PdClientsFirstScreen
{
  GtkSliceListModel *slice;        /* of the whole list */
  GtkWidget         *view;         /* weak */
  gulong             map_id;
  guint              tick_id;
  guint              frames;       /* frames begun with the view mapped */
  GdkFrameClock     *clock;
  gulong             layout_id;
};

static void
stop_filling (PdClientsFirstScreen *self)
{
  if (self->clock != NULL)
    {
      /* A clock disposed with its window has dropped its handlers already */
      if (g_signal_handler_is_connected (self->clock, self->layout_id))
        g_signal_handler_disconnect (self->clock, self->layout_id);
      self->layout_id = 0;
      g_clear_object (&self->clock);
    }
}

/* How far down the view's rows reach (its adjustment cannot tell: its upper is never less
 * than the viewport) */
static double
rows_bottom (GtkWidget *view)
{
  double bottom = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (view); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      graphene_rect_t bounds;

      if (gtk_widget_should_layout (row) && gtk_widget_compute_bounds (row, view, &bounds))
        bottom = MAX (bottom, bounds.origin.y + bounds.size.height);
    }
  return bottom;
}

/* After the first frame's layout: more sections while they leave part of the viewport empty */
static void
layout_cb (GdkFrameClock        *clock,
           PdClientsFirstScreen *self)
{
  guint shown, all;
  double bottom, height;

  if (self->view == NULL || !gtk_widget_get_mapped (self->view))
    return;
  shown = g_list_model_get_n_items (G_LIST_MODEL (self->slice));
  all = g_list_model_get_n_items (gtk_slice_list_model_get_model (self->slice));
  if (shown == 0 || shown >= all)
    return;
  bottom = rows_bottom (self->view);
  height = gtk_widget_get_height (self->view);
  if (bottom <= 0 || bottom >= height)
    return;
  /* Rows of the same height as those so far (rounded up), and one more for the margins */
  gtk_slice_list_model_set_size (self->slice, shown + (guint) ((height - bottom) * shown / bottom) + 2);
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  PdClientsFirstScreen *self = user_data;
  guint size;

  /* Hidden (another page shown, or no clients): no frames until it is shown */
  if (!gtk_widget_get_mapped (widget))
    {
      self->tick_id = 0;
      return G_SOURCE_REMOVE;
    }
  if (++self->frames == 1)
    {
      /* This frame paints the first screen: follow its layout */
      self->clock = g_object_ref (clock);
      self->layout_id = g_signal_connect (clock, "layout", G_CALLBACK (layout_cb), self);
      return G_SOURCE_CONTINUE;
    }
  stop_filling (self);
  size = gtk_slice_list_model_get_size (self->slice);
  if (size + STEP < ENOUGH && size < g_list_model_get_n_items (gtk_slice_list_model_get_model (self->slice)))
    {
      gtk_slice_list_model_set_size (self->slice, size + STEP);
      return G_SOURCE_CONTINUE;
    }
  self->tick_id = 0;
  pd_clients_first_screen_finish (self);
  return G_SOURCE_REMOVE;
}

static void
view_mapped_cb (GtkWidget            *view,
                PdClientsFirstScreen *self)
{
  if (self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (view, tick_cb, self, NULL);
}

PdClientsFirstScreen *
pd_clients_first_screen_new (GListModel *model,
                             GtkWidget  *view)
{
  PdClientsFirstScreen *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);
  g_return_val_if_fail (GTK_IS_SCROLLABLE (view), NULL);

  self = g_new0 (PdClientsFirstScreen, 1);
  self->slice = gtk_slice_list_model_new (g_object_ref (model), 0, FIRST_GUESS);
  self->view = view;
  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &self->view);
  self->map_id = g_signal_connect (view, "map", G_CALLBACK (view_mapped_cb), self);
  self->tick_id = gtk_widget_add_tick_callback (view, tick_cb, self, NULL);
  return self;
}

/* The slice, which becomes the whole list */
GListModel *
pd_clients_first_screen_get_model (PdClientsFirstScreen *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return G_LIST_MODEL (self->slice);
}

/* No more frames asked for, nor followed */
static void
stop_growing (PdClientsFirstScreen *self)
{
  stop_filling (self);
  if (self->view != NULL)
    {
      if (self->tick_id != 0)
        gtk_widget_remove_tick_callback (self->view, self->tick_id);
      g_clear_signal_handler (&self->map_id, self->view);
    }
  self->tick_id = 0;
}

/* Every section from now on: for moves to a position the slice may not reach yet */
void
pd_clients_first_screen_finish (PdClientsFirstScreen *self)
{
  g_return_if_fail (self != NULL);

  stop_growing (self);
  gtk_slice_list_model_set_size (self->slice, G_MAXUINT);
}

void
pd_clients_first_screen_free (PdClientsFirstScreen *self)
{
  if (self == NULL)
    return;
  stop_growing (self);
  if (self->view != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->view), (gpointer *) &self->view);
  g_object_unref (self->slice);
  g_free (self);
}

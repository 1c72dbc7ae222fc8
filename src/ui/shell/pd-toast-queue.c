/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pd-toast-queue"

#include "config.h"

#include "pd-toast-queue.h"

/* libadwaita 1.2 slides a toast in for 300 ms (500 ms over another, which never happens
 * here); a margin for its millisecond rounding */
#define SLIDE_IN_MS 320

/* Kept as the overlay's data, so that it lives as long as the overlay */
typedef struct {
  AdwToastOverlay *overlay;   /* not owned */
  GQueue           pending;   /* AdwToast, owned */
  AdwToast        *shown;     /* owned; NULL when none is */
  GtkWidget       *sliding;   /* its widget while it slides in (the overlay owns it) */
  gint64           shown_at;  /* frame time it began to slide in, as the animation took it */
  guint            tick_id;
} ToastQueue;

static void show_next (ToastQueue *queue);

/* Until its widget is gone from the overlay, the last toast is still sliding out */
static gboolean
overlay_is_clear (AdwToastOverlay *overlay)
{
  GtkWidget *content = adw_toast_overlay_get_child (overlay);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (overlay)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != content)
      return FALSE;
  return TRUE;
}

/* In the frame clock's time, which the animation uses: in a frame this late, its slide-in
 * has ended */
static gboolean
slid_in (ToastQueue    *queue,
         GdkFrameClock *clock)
{
  return gdk_frame_clock_get_frame_time (clock) / 1000 - queue->shown_at / 1000 >= SLIDE_IN_MS;
}

static gboolean
tick (GtkWidget     *widget,
      GdkFrameClock *clock,
      gpointer       user_data)
{
  ToastQueue *queue = user_data;

  if (queue->sliding != NULL)
    {
      if (!slid_in (queue, clock))
        return G_SOURCE_CONTINUE;
      gtk_widget_set_can_target (queue->sliding, TRUE);
      g_clear_weak_pointer (&queue->sliding);
    }
  if (queue->shown != NULL)
    {
      /* It stays until it is dismissed */
      queue->tick_id = 0;
      return G_SOURCE_REMOVE;
    }
  if (!overlay_is_clear (queue->overlay))
    return G_SOURCE_CONTINUE;
  queue->tick_id = 0;
  show_next (queue);
  return G_SOURCE_REMOVE;
}

static void
ensure_tick (ToastQueue *queue)
{
  if (queue->tick_id == 0)
    queue->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (queue->overlay), tick, queue, NULL);
}

static void
on_dismissed (AdwToast   *toast,
              ToastQueue *queue)
{
  g_signal_handlers_disconnect_by_func (toast, on_dismissed, queue);
  if (toast != queue->shown)
    {
      /* Dismissed before its turn: it never shows */
      if (g_queue_remove (&queue->pending, toast))
        g_object_unref (toast);
      return;
    }
  g_clear_object (&queue->shown);
  /* Never the next one from here: the overlay may be dismissing its toasts because it is
   * being disposed. A frame later it is clear, or, unmapped, it shows the next one when it
   * is mapped again; a disposed one has no more frames. */
  ensure_tick (queue);
}

static void
show_next (ToastQueue *queue)
{
  GtkWidget *overlay = GTK_WIDGET (queue->overlay);
  GdkFrameClock *clock;

  if (queue->shown != NULL || queue->tick_id != 0 || g_queue_is_empty (&queue->pending))
    return;
  queue->shown = g_queue_pop_head (&queue->pending);
  adw_toast_overlay_add_toast (queue->overlay, g_object_ref (queue->shown));
  /* Unmapped, it does not slide: nothing to wait for */
  clock = gtk_widget_get_frame_clock (overlay);
  if (clock == NULL || !gtk_widget_get_mapped (overlay))
    return;
  /* Read after the animation read it: never earlier than its start */
  queue->shown_at = gdk_frame_clock_get_frame_time (clock);
  /* The overlay puts a new toast's widget last */
  g_set_weak_pointer (&queue->sliding, gtk_widget_get_last_child (overlay));
  gtk_widget_set_can_target (queue->sliding, FALSE);
  ensure_tick (queue);
}

static void
toast_queue_free (gpointer data)
{
  ToastQueue *queue = data;
  AdwToast *toast;

  /* The overlay is being finalized: it has no frames left to call tick() */
  g_clear_weak_pointer (&queue->sliding);
  if (queue->shown != NULL)
    g_signal_handlers_disconnect_by_func (queue->shown, on_dismissed, queue);
  g_clear_object (&queue->shown);
  while ((toast = g_queue_pop_head (&queue->pending)) != NULL)
    {
      g_signal_handlers_disconnect_by_func (toast, on_dismissed, queue);
      g_object_unref (toast);
    }
  g_free (queue);
}

void
pd_toast_queue_add (AdwToastOverlay *overlay,
                    AdwToast        *toast)
{
  ToastQueue *queue;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (ADW_IS_TOAST (toast));

  queue = g_object_get_data (G_OBJECT (overlay), "pd-toast-queue");
  if (queue == NULL)
    {
      queue = g_new0 (ToastQueue, 1);
      queue->overlay = overlay;
      g_queue_init (&queue->pending);
      g_object_set_data_full (G_OBJECT (overlay), "pd-toast-queue", queue, toast_queue_free);
    }
  g_signal_connect (toast, "dismissed", G_CALLBACK (on_dismissed), queue);
  g_queue_push_tail (&queue->pending, toast);
  show_next (queue);
}

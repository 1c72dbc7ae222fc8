/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "pd-shell-test.h"
#include "pd-ui-test.h"

typedef struct
{
  GtkWidget  *window;
  char       *path;
  gboolean    done;
} Shot;

static void
after_paint_cb (GdkFrameClock *clock,
                Shot          *shot)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (shot->window);
  int height = gtk_widget_get_height (shot->window);

  if (shot->done)
    return;
  paintable = gtk_widget_paintable_new (shot->window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  /* Still no allocation in this frame: try the next one. */
  if (node == NULL)
    {
      gtk_widget_queue_draw (shot->window);
      return;
    }
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (shot->window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, shot->path));
  g_test_message ("wrote %s", shot->path);
  shot->done = TRUE;
}

static gboolean
shot_done (gpointer data)
{
  return ((Shot *) data)->done;
}

void
pd_shell_test_screenshot (GtkWidget  *widget,
                          const char *name)
{
  const char *dir = g_getenv ("PD_SCREENSHOT_DIR");
  g_autofree char *file = NULL;
  GdkFrameClock *clock;
  Shot shot = { 0 };
  gulong handler;

  if (dir == NULL)
    return;
  shot.window = GTK_WIDGET (gtk_widget_get_root (widget));
  pd_ui_test_wait_frames (30);
  file = g_strconcat (name, ".png", NULL);
  shot.path = g_build_filename (dir, file, NULL);
  clock = gtk_widget_get_frame_clock (shot.window);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &shot);
  gtk_widget_queue_draw (shot.window);
  pd_ui_test_wait_for (shot_done, &shot, "a painted frame to render");
  g_signal_handler_disconnect (clock, handler);
  g_free (shot.path);
}

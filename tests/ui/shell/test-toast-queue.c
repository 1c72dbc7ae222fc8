/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pd_toast_queue_add: toasts one at a time, the next only once the last has left, and none
 * takes a click while it slides in. libadwaita 1.2 crashes when a toast leaves before its
 * slide-in ended (a use after free when the slide ends); its own queue slides a toast in over
 * one sliding out, for 500 ms, so a double click on a close button was enough. */
#include "config.h"

#include "pd-toast-queue.h"
#include "pd-ui-test.h"

typedef struct {
  GtkWindow       *window;
  AdwToastOverlay *overlay;
  guint            most_at_once;  /* toast widgets in the overlay at one time */
} Fixture;

static guint
n_toast_widgets (AdwToastOverlay *overlay)
{
  GtkWidget *content = adw_toast_overlay_get_child (overlay);
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (overlay)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += child != content;
  return n;
}

static gboolean
count_tick (GtkWidget     *widget,
            GdkFrameClock *clock,
            gpointer       user_data)
{
  Fixture *f = user_data;

  f->most_at_once = MAX (f->most_at_once, n_toast_widgets (f->overlay));
  return G_SOURCE_CONTINUE;
}

static void
fixture_set_up (Fixture *f)
{
  f->window = GTK_WINDOW (gtk_window_new ());
  f->overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (f->overlay, gtk_label_new ("content"));
  gtk_window_set_child (f->window, GTK_WIDGET (f->overlay));
  gtk_window_set_default_size (f->window, 600, 300);
  gtk_window_present (f->window);
  gtk_widget_add_tick_callback (GTK_WIDGET (f->overlay), count_tick, f, NULL);
}

typedef struct {
  GtkWidget  *root;
  const char *text;
} Shown;

static gboolean
label_shown (gpointer data)
{
  Shown *shown = data;
  GtkWidget *label = pd_ui_test_find_label (shown->root, shown->text);

  return label != NULL && gtk_widget_get_mapped (label);
}

static void
wait_shown (Fixture    *f,
            const char *text)
{
  Shown shown = { GTK_WIDGET (f->window), text };

  pd_ui_test_wait_for (label_shown, &shown, text);
}

static gboolean
overlay_clear (gpointer data)
{
  return n_toast_widgets (data) == 0;
}

static gboolean
newest_takes_clicks (gpointer data)
{
  GtkWidget *last = gtk_widget_get_last_child (data);

  return last != NULL && gtk_widget_get_can_target (last);
}

/* As a person would: each toast dismissed (its close button) as soon as it takes clicks */
static void
test_one_at_a_time (void)
{
  Fixture f = { 0 };
  g_autoptr(AdwToast) first = adw_toast_new ("First");
  g_autoptr(AdwToast) second = adw_toast_new ("Second");

  fixture_set_up (&f);
  pd_toast_queue_add (f.overlay, g_object_ref (first));
  pd_toast_queue_add (f.overlay, g_object_ref (second));
  wait_shown (&f, "First");
  g_assert_null (pd_ui_test_find_label (GTK_WIDGET (f.window), "Second"));

  /* Sliding in: clicks go past it */
  g_assert_false (newest_takes_clicks (f.overlay));
  pd_ui_test_wait_for (newest_takes_clicks, f.overlay, "the first toast to take clicks");
  adw_toast_dismiss (first);
  wait_shown (&f, "Second");
  g_assert_false (newest_takes_clicks (f.overlay));
  pd_ui_test_wait_for (newest_takes_clicks, f.overlay, "the second toast to take clicks");
  adw_toast_dismiss (second);
  pd_ui_test_wait_for (overlay_clear, f.overlay, "the toasts to leave");
  pd_ui_test_wait_frames (40);
  g_assert_cmpuint (f.most_at_once, ==, 1);

  gtk_window_destroy (f.window);
}

/* One dismissed before its turn never shows; the order is kept */
static void
test_dismissed_while_waiting (void)
{
  Fixture f = { 0 };
  g_autoptr(AdwToast) first = adw_toast_new ("First");
  g_autoptr(AdwToast) second = adw_toast_new ("Second");
  g_autoptr(AdwToast) third = adw_toast_new ("Third");

  fixture_set_up (&f);
  pd_toast_queue_add (f.overlay, g_object_ref (first));
  pd_toast_queue_add (f.overlay, g_object_ref (second));
  pd_toast_queue_add (f.overlay, g_object_ref (third));
  wait_shown (&f, "First");
  adw_toast_dismiss (second);
  pd_ui_test_wait_for (newest_takes_clicks, f.overlay, "the first toast to take clicks");
  adw_toast_dismiss (first);
  wait_shown (&f, "Third");
  g_assert_null (pd_ui_test_find_label (GTK_WIDGET (f.window), "Second"));
  g_assert_cmpuint (f.most_at_once, ==, 1);

  /* The window goes with a toast shown and none waiting: nothing is left behind */
  gtk_window_destroy (f.window);
  pd_ui_test_wait_frames (5);
}

/* A window destroyed with toasts still waiting */
static void
test_destroyed_with_waiting (void)
{
  Fixture f = { 0 };

  fixture_set_up (&f);
  pd_toast_queue_add (f.overlay, adw_toast_new ("First"));
  pd_toast_queue_add (f.overlay, adw_toast_new ("Second"));
  wait_shown (&f, "First");
  gtk_window_destroy (f.window);
  pd_ui_test_wait_frames (5);
}

int
main (int   argc,
      char *argv[])
{
  pd_ui_test_init (&argc, &argv);
  g_test_add_func ("/shell/toast-queue/one-at-a-time", test_one_at_a_time);
  g_test_add_func ("/shell/toast-queue/dismissed-while-waiting", test_dismissed_while_waiting);
  g_test_add_func ("/shell/toast-queue/destroyed-with-waiting", test_destroyed_with_waiting);

  return g_test_run ();
}

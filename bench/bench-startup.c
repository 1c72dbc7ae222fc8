/* SPDX-License-Identifier: GPL-3.0-or-later */

/* One cold start to the first painted frame, then exit, printing the peak
 * memory. "--bare" starts a bare libadwaita window (the DESIGN §7 baseline),
 * "--app" the real Partner Desk application. */

#include "config.h"

#include <stdio.h>
#include <sys/resource.h>
#include <adwaita.h>

#include "pd-application.h"

static void
after_paint_cb (GdkFrameClock *clock,
                GApplication  *app)
{
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, app);
  g_application_quit (app);
}

static void
window_mapped_cb (GtkWidget    *window,
                  GApplication *app)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint_cb), app);
}

static void
activated_cb (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      window = GTK_WINDOW (adw_application_window_new (GTK_APPLICATION (app)));
      gtk_window_set_default_size (window, 1100, 760);
      adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), adw_header_bar_new ());
    }

  /* PdApplication has already presented (and so mapped) its window. */
  if (gtk_widget_get_mapped (GTK_WIDGET (window)))
    window_mapped_cb (GTK_WIDGET (window), app);
  else
    g_signal_connect (window, "map", G_CALLBACK (window_mapped_cb), app);
  gtk_window_present (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GApplication) app = NULL;
  struct rusage usage;
  int status;

  if (argc != 2 || (!g_str_equal (argv[1], "--bare") && !g_str_equal (argv[1], "--app")))
    {
      fprintf (stderr, "usage: %s --bare | --app\n", argv[0]);
      return 2;
    }

  if (g_str_equal (argv[1], "--app"))
    app = G_APPLICATION (pd_application_new (APPLICATION_ID ".Bench", G_APPLICATION_NON_UNIQUE));
  else
    app = G_APPLICATION (adw_application_new (APPLICATION_ID ".BenchBare", G_APPLICATION_NON_UNIQUE));

  g_signal_connect_after (app, "activate", G_CALLBACK (activated_cb), NULL);
  status = g_application_run (app, 1, argv);

  getrusage (RUSAGE_SELF, &usage);
  printf ("maxrss_kb=%ld\n", usage.ru_maxrss);
  return status;
}

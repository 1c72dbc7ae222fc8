/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Clients page with many cached clients, against a bare libadwaita window (DESIGN §7).
 * Driven by grid.py:
 *   bench-grid prepare URL KEY CACHE_DIR   sync the organizations into an account's cache
 *   bench-grid bare                        a bare libadwaita window, to its first painted frame
 *   bench-grid page CACHE_DIR              a window with the Clients page opened from that
 *                                          cache, to the first frame painted with sections
 *                                          filling the list
 *   bench-grid filter CACHE_DIR            the page painted, then keystrokes into its search
 * Each prints key=value lines; vmhwm_kb is the process's peak resident memory. */

#include "config.h"

#include <stdio.h>
#include <adwaita.h>

#include "pd-api-key-auth.h"
#include "pd-cache.h"
#include "pd-client-section.h"
#include "pd-clients-filter.h"
#include "pd-clients-page.h"
#include "pd-clients-sorter.h"
#include "pd-organization.h"
#include "pd-session.h"
#include "pd-sync-engine.h"

#define ACCOUNT_ID "bench-grid"
#define PORTAL_URL "http://127.0.0.1:9"  /* never reached: the page paints from the cache */

static gint64 t_main;

static long
vmhwm_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  return line != NULL ? strtol (line + 6, NULL, 10) : -1;
}

static PdAccountInfo *
bench_account (const char *url)
{
  return pd_account_info_new (ACCOUNT_ID, PD_ACCOUNT_KIND_API_KEY, url);
}

/* prepare */

typedef struct { gboolean done; gboolean ok; GError *error; } Wait;

static void
synced_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Wait *wait = user_data;

  wait->ok = pd_sync_engine_sync_finish (PD_SYNC_ENGINE (source), result, &wait->error);
  wait->done = TRUE;
}

static int
prepare (const char *url,
         const char *key,
         const char *cache_dir)
{
  g_autoptr(PdAccountInfo) account = bench_account (url);
  g_autofree char *path = pd_session_build_cache_path (account, cache_dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(PdPortalClient) client = pd_portal_client_new (url, NULL, &error);
  g_autoptr(PdApiKeyAuth) auth = pd_api_key_auth_new (key);
  g_autoptr(PdCache) cache = NULL;
  g_autoptr(PdSyncEngine) engine = NULL;
  g_autoptr(PdResourceList) organizations = pd_resource_list_new (PD_TYPE_ORGANIZATION);
  Wait wait = { FALSE, FALSE, NULL };

  if (client == NULL || g_mkdir_with_parents (cache_dir, 0700) < 0)
    {
      g_printerr ("prepare: %s\n", error != NULL ? error->message : g_strerror (errno));
      return 1;
    }
  pd_portal_client_set_auth (client, PD_PORTAL_AUTH (auth));
  cache = pd_cache_new (path);
  if (!pd_cache_open_sync (cache, NULL, &error))
    {
      g_printerr ("prepare: %s\n", error->message);
      return 1;
    }
  engine = pd_sync_engine_new (client, cache);
  pd_sync_engine_add_list (engine, &pd_resource_kind_organizations, organizations);
  pd_sync_engine_sync_async (engine, TRUE, NULL, synced_cb, &wait);
  while (!wait.done)
    g_main_context_iteration (NULL, TRUE);
  if (!wait.ok)
    {
      g_printerr ("prepare: %s\n", wait.error->message);
      return 1;
    }
  printf ("organizations=%u\n", g_list_model_get_n_items (G_LIST_MODEL (organizations)));
  g_clear_object (&engine);
  pd_cache_close (cache);
  return 0;
}

/* bare, page, filter */

typedef struct
{
  GtkApplication *app;
  const char     *mode;
  const char     *cache_dir;
  PdSession      *session;
  GtkWidget      *page;
  GtkWidget      *window;
  GtkWidget      *box;             /* the window's content: header bar, then the page */
  double          startup_ms;
  double          session_ms;        /* models filled from the cache */
  double          page_ms;           /* page made (sorted, filtered) */
  guint           n_clients;
} Bench;

static guint
count_bound_sections (GtkWidget *widget)
{
  guint n = PD_IS_CLIENT_SECTION (widget) && gtk_widget_get_mapped (widget)
            && pd_client_section_get_organization (PD_CLIENT_SECTION (widget)) != NULL;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    n += count_bound_sections (c);
  return n;
}

static GtkWidget *
find_grid_view (GtkWidget *widget)
{
  if (GTK_IS_GRID_VIEW (widget))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_grid_view (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The page counts as painted once its sections fill the list's viewport (or every client
 * has its section), not when the first of them is there */
static gboolean
page_is_filled (Bench *bench)
{
  GtkWidget *grid = bench->page != NULL ? find_grid_view (bench->page) : NULL;
  GtkAdjustment *adjustment;
  guint bound;

  if (grid == NULL || (bound = count_bound_sections (bench->page)) == 0)
    return FALSE;
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (grid));
  return gtk_adjustment_get_upper (adjustment) >= gtk_adjustment_get_page_size (adjustment)
         || bound >= bench->n_clients;
}

static void run_keystrokes (Bench *bench);

static void
keystrokes_idle_cb (gpointer data)
{
  Bench *bench = data;
  gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC;

  /* A technician reads the page before typing: a second of idle main loop first (the page
   * folds its search keys ahead meanwhile) */
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  run_keystrokes (bench);
  g_application_quit (G_APPLICATION (bench->app));
}

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *bench)
{
  if (g_getenv ("PD_BENCH_TRACE"))
    g_printerr ("painted at %.1f ms, sections %u\n", (g_get_monotonic_time () - t_main) / 1000.0,
                bench->page != NULL ? count_bound_sections (bench->page) : 0);
  /* The page: the first frame painted with its sections filling the list */
  if (!g_str_equal (bench->mode, "bare") && !page_is_filled (bench))
    return;
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, bench);
  bench->startup_ms = (g_get_monotonic_time () - t_main) / 1000.0;
  if (bench->page != NULL)
    printf ("rows=%u\n", count_bound_sections (bench->page));
  /* Keystrokes need frames of their own: not from inside this one */
  if (g_str_equal (bench->mode, "filter"))
    g_idle_add_once (keystrokes_idle_cb, bench);
  else
    g_application_quit (G_APPLICATION (bench->app));
}

/* PD_BENCH_TRACE=1: when each phase of the start happens, on stderr */
static void
trace (const char *what)
{
  if (g_getenv ("PD_BENCH_TRACE"))
    g_printerr ("%s at %.1f ms\n", what, (g_get_monotonic_time () - t_main) / 1000.0);
}

static void
trace_phase_cb (GdkFrameClock *clock,
                const char    *phase)
{
  trace (phase);
}

static void
window_mapped_cb (GtkWidget *window,
                  Bench     *bench)
{
  if (g_getenv ("PD_BENCH_TRACE"))
    {
      trace ("mapped");
      g_signal_connect (gtk_widget_get_frame_clock (window), "layout", G_CALLBACK (trace_phase_cb), (gpointer) "  layout");
      g_signal_connect (gtk_widget_get_frame_clock (window), "paint", G_CALLBACK (trace_phase_cb), (gpointer) "  paint");
    }
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint_cb), bench);
}

static void
show_window (Bench *bench)
{
  bench->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  bench->window = adw_application_window_new (bench->app);
  gtk_window_set_default_size (GTK_WINDOW (bench->window), 1100, 760);
  gtk_box_append (GTK_BOX (bench->box), adw_header_bar_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (bench->window), bench->box);
  g_signal_connect (bench->window, "map", G_CALLBACK (window_mapped_cb), bench);
  gtk_window_present (GTK_WINDOW (bench->window));
}

static void
session_started_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Bench *bench = user_data;
  g_autoptr(GError) error = NULL;

  if (!pd_session_start_finish (PD_SESSION (source), result, &error))
    {
      g_printerr ("page: %s\n", error->message);
      g_application_quit (G_APPLICATION (bench->app));
      return;
    }
  bench->n_clients = g_list_model_get_n_items (pd_session_get_organizations (bench->session));
  bench->session_ms = (g_get_monotonic_time () - t_main) / 1000.0;
  bench->page = pd_clients_page_new (bench->session);
  bench->page_ms = (g_get_monotonic_time () - t_main) / 1000.0;
  gtk_widget_set_vexpand (bench->page, TRUE);
  gtk_box_append (GTK_BOX (bench->box), bench->page);
}

static void
activate_cb (GtkApplication *app,
             Bench          *bench)
{
  trace ("activate");
  show_window (bench);
  trace ("window presented");
}

/* What the application does at start (pd_application_startup): the session starts from the
 * cache before GTK does, and the page comes in when the cache is read. Runs before the
 * application's own startup, which initializes GTK. */
static void
startup_cb (GApplication *app)
{
  Bench *bench = g_object_get_data (G_OBJECT (app), "bench");

  if (!g_str_equal (bench->mode, "bare"))
    {
      g_autoptr(PdAccountInfo) account = bench_account (PORTAL_URL);

      g_application_hold (app);
      bench->session = pd_session_new (account, bench->cache_dir);
      pd_session_set_refresh_interval (bench->session, 0);
      pd_session_start_async (bench->session, NULL, session_started_cb, bench);
      trace ("session started");
    }
  g_signal_chain_from_overridden_handler (app);
}

/* Keystrokes: the search entry without its typing delay, timed from the keystroke to the
 * filter applied, plus the work of the frame that shows it (layout to painted). */

typedef struct
{
  gboolean searched;
  gint64   frame_start;
  gint64   frame_end;
} Stroke;

static void
searched_cb (GtkSearchEntry *entry,
             Stroke         *stroke)
{
  stroke->searched = TRUE;
}

static void
layout_cb (GdkFrameClock *clock,
           Stroke        *stroke)
{
  if (stroke->searched && stroke->frame_start == 0)
    stroke->frame_start = g_get_monotonic_time ();
}

static void
stroke_painted_cb (GdkFrameClock *clock,
                   Stroke        *stroke)
{
  if (stroke->frame_start != 0 && stroke->frame_end == 0)
    stroke->frame_end = g_get_monotonic_time ();
}

static GtkWidget *
find_search_entry (GtkWidget *widget)
{
  if (GTK_IS_SEARCH_ENTRY (widget))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_search_entry (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The filter alone, as the page chains it (sorted, then filtered), without a view: what a
 * keystroke costs over every client before any row is touched. The first keystroke also
 * folds every client's search key (once, then cached). */
static void
model_keystrokes (Bench              *bench,
                  const char * const *texts,
                  guint               n_texts)
{
  g_autoptr(PdClientsFilter) filter = pd_clients_filter_new ();
  g_autoptr(GtkSortListModel) sorted = gtk_sort_list_model_new (g_object_ref (pd_session_get_organizations (bench->session)),
                                                                GTK_SORTER (pd_clients_sorter_new (PD_CLIENTS_SORT_NAME)));
  g_autoptr(GtkFilterListModel) filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (sorted)),
                                                                      g_object_ref (GTK_FILTER (filter)));
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  double first = 0;

  for (guint i = 0; i < n_texts; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double t;

      pd_clients_filter_set_search (filter, texts[i]);
      (void) g_list_model_get_n_items (G_LIST_MODEL (filtered));
      t = (g_get_monotonic_time () - start) / 1000.0;
      if (i == 0)
        first = t;
      g_array_append_val (ms, t);
    }
  g_array_sort (ms, compare_double);
  printf ("model_filter_ms_median=%.3f\nmodel_filter_ms_max=%.3f\nmodel_filter_ms_first=%.3f\n",
          g_array_index (ms, double, ms->len / 2), g_array_index (ms, double, ms->len - 1), first);
}

static void
run_keystrokes (Bench *bench)
{
  /* Typing a name, an id and something that matches nothing, then erasing it */
  const char *texts[] = { "h", "ha", "har", "harb", "harbo", "harbor", "harbo", "harb", "har", "ha", "h", "",
                          "o", "or", "org", "org_", "org_9", "org_99", "org_999", "", "z", "zq", "zqx", "" };
  GtkWidget *entry = find_search_entry (bench->page);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (bench->window);
  g_autoptr(GArray) filter_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) total_ms = g_array_new (FALSE, FALSE, sizeof (double));
  double worst = 0, first = 0;

  model_keystrokes (bench, texts, G_N_ELEMENTS (texts));
  g_object_set (entry, "search-delay", 0u, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      Stroke stroke = { FALSE, 0, 0 };
      gulong searched, layout, painted, paint;
      gint64 start, filtered;
      double f, t;

      searched = g_signal_connect_after (entry, "search-changed", G_CALLBACK (searched_cb), &stroke);
      layout = g_signal_connect (clock, "layout", G_CALLBACK (layout_cb), &stroke);
      painted = g_signal_connect (clock, "after-paint", G_CALLBACK (stroke_painted_cb), &stroke);
      paint = g_signal_connect (clock, "paint", G_CALLBACK (layout_cb), &stroke);
      start = g_get_monotonic_time ();
      gtk_editable_set_text (GTK_EDITABLE (entry), texts[i]);
      while (!stroke.searched)
        g_main_context_iteration (NULL, TRUE);
      filtered = g_get_monotonic_time ();
      /* A keystroke that changes nothing shown needs no frame; time one anyway (the entry
       * itself redraws), so every keystroke counts the same way. */
      gtk_widget_queue_draw (bench->window);
      while (stroke.frame_end == 0)
        g_main_context_iteration (NULL, TRUE);
      g_signal_handler_disconnect (entry, searched);
      g_signal_handler_disconnect (clock, layout);
      g_signal_handler_disconnect (clock, painted);
      g_signal_handler_disconnect (clock, paint);

      f = (filtered - start) / 1000.0;
      t = f + (stroke.frame_end - stroke.frame_start) / 1000.0;
      if (i == 0)
        first = t;
      g_array_append_val (filter_ms, f);
      g_array_append_val (total_ms, t);
      worst = MAX (worst, t);
    }
  g_array_sort (filter_ms, compare_double);
  g_array_sort (total_ms, compare_double);
  printf ("keystrokes=%u\n", total_ms->len);
  printf ("filter_ms_median=%.2f\nfilter_ms_max=%.2f\n", g_array_index (filter_ms, double, filter_ms->len / 2),
          g_array_index (filter_ms, double, filter_ms->len - 1));
  printf ("keystroke_ms_median=%.2f\nkeystroke_ms_max=%.2f\nkeystroke_ms_first=%.2f\n",
          g_array_index (total_ms, double, total_ms->len / 2), worst, first);
}

int
main (int   argc,
      char *argv[])
{
  Bench bench = { 0 };
  g_autoptr(GtkApplication) app = NULL;
  int status;

  t_main = g_get_monotonic_time ();
  if (argc == 5 && g_str_equal (argv[1], "prepare"))
    return prepare (argv[2], argv[3], argv[4]);
  if (!(argc == 2 && g_str_equal (argv[1], "bare"))
      && !(argc == 3 && (g_str_equal (argv[1], "page") || g_str_equal (argv[1], "filter"))))
    {
      fprintf (stderr, "usage: %s prepare URL KEY CACHE_DIR | bare | page CACHE_DIR | filter CACHE_DIR\n", argv[0]);
      return 2;
    }
  if (g_getenv ("PD_BENCH_TRACE"))
    g_printerr ("main at %.6f s (monotonic)\n", t_main / (double) G_USEC_PER_SEC);
  bench.mode = argv[1];
  bench.cache_dir = argc == 3 ? argv[2] : NULL;
  app = GTK_APPLICATION (adw_application_new (APPLICATION_ID ".BenchGrid", G_APPLICATION_NON_UNIQUE));
  /* The application's own, as PdApplication has: its icons are found from the start */
  g_application_set_resource_base_path (G_APPLICATION (app), RESOURCE_BASE_PATH);
  bench.app = app;
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), &bench);
  g_object_set_data (G_OBJECT (app), "bench", &bench);
  g_signal_override_class_handler ("startup", ADW_TYPE_APPLICATION, G_CALLBACK (startup_cb));
  status = g_application_run (G_APPLICATION (app), 1, argv);
  if (bench.session != NULL)
    pd_session_stop (bench.session);
  printf ("startup_ms=%.1f\nvmhwm_kb=%ld\nclients=%u\n", bench.startup_ms, vmhwm_kb (), bench.n_clients);
  if (bench.session_ms > 0)
    printf ("session_ms=%.1f\npage_ms=%.1f\n", bench.session_ms, bench.page_ms);
  g_clear_object (&bench.session);
  return status;
}

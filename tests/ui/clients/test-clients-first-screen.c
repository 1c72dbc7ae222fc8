/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Clients page's first frame builds only the sections it shows, then the rest come a
 * few a frame until the view has the whole list (pd-clients-first-screen.c). Rows here are
 * plain boxes of a known height in a real grid view of one column, as the page has. */

#include "config.h"

#include "pd-clients-first-screen.h"
#include "pd-ui-test.h"

#define ROW_HEIGHT 100
#define N_ROWS     500

typedef struct
{
  GtkWidget            *view;
  GtkWindow            *window;
  PdClientsFirstScreen *first_screen;
  guint                 frames;           /* painted so far */
  guint                 first_bound;      /* rows with an item in the first painted frame */
  double                first_upper;      /* the content's height then */
  double                first_page;       /* the viewport's height then */
} Fixture;

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  GtkWidget *row = gtk_label_new (NULL);

  gtk_widget_set_size_request (row, -1, ROW_HEIGHT);
  gtk_list_item_set_child (item, row);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static guint
count_bound (GtkWidget *widget)
{
  guint n = GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
            && gtk_label_get_label (GTK_LABEL (widget))[0] != '\0';

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    n += count_bound (c);
  return n;
}

static void
after_paint_cb (GdkFrameClock *clock,
                Fixture       *f)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f->view));

  if (f->frames++ > 0)
    return;
  f->first_bound = count_bound (f->view);
  f->first_upper = gtk_adjustment_get_upper (adjustment);
  f->first_page = gtk_adjustment_get_page_size (adjustment);
}

static void
view_mapped_cb (GtkWidget *view,
                Fixture   *f)
{
  g_signal_connect (gtk_widget_get_frame_clock (view), "after-paint", G_CALLBACK (after_paint_cb), f);
}

static void
fixture_open (Fixture  *f,
              guint     n_rows,
              int       height,
              gboolean  hidden)
{
  g_autoptr(GtkStringList) rows = gtk_string_list_new (NULL);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *name = g_strdup_printf ("Client %u", i + 1);

      gtk_string_list_append (rows, name);
    }
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  f->view = gtk_grid_view_new (NULL, factory);
  gtk_grid_view_set_max_columns (GTK_GRID_VIEW (f->view), 1);
  f->first_screen = pd_clients_first_screen_new (G_LIST_MODEL (rows), f->view);
  gtk_grid_view_set_model (GTK_GRID_VIEW (f->view),
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (pd_clients_first_screen_get_model (f->first_screen)))));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), f->view);
  g_signal_connect (f->view, "map", G_CALLBACK (view_mapped_cb), f);
  gtk_widget_set_visible (scroller, !hidden);
  f->window = pd_ui_test_window_new (scroller, 400, height);
}

static gboolean
whole_list (gpointer data)
{
  Fixture *f = data;

  return g_list_model_get_n_items (pd_clients_first_screen_get_model (f->first_screen)) == N_ROWS;
}

static void
fixture_close (Fixture *f)
{
  g_signal_handlers_disconnect_by_data (gtk_widget_get_frame_clock (f->view), f);
  pd_ui_test_window_destroy (f->window);
  g_clear_pointer (&f->first_screen, pd_clients_first_screen_free);
}

/* The first painted frame is full, with only about what fills it; the rest follows */
static void
test_first_frame (gconstpointer data)
{
  int height = GPOINTER_TO_INT (data);
  Fixture f = { 0 };
  guint grown_frames;

  fixture_open (&f, N_ROWS, height, FALSE);
  pd_ui_test_wait_frames (1);
  g_assert_cmpuint (f.frames, >, 0);
  g_assert_cmpfloat (f.first_page, >, 0);
  g_assert_cmpfloat (f.first_upper, >=, f.first_page);
  g_assert_cmpuint (f.first_bound, >=, (guint) (f.first_page / ROW_HEIGHT));
  g_assert_cmpuint (f.first_bound, <=, (guint) (f.first_page / ROW_HEIGHT) + 3);

  /* A few more each frame, then everything (without a row built for each) */
  pd_ui_test_wait_for (whole_list, &f, "the whole list in the view");
  grown_frames = f.frames;
  g_assert_cmpuint (grown_frames, >, 2);
  g_assert_cmpuint (count_bound (f.view), <, 100);
  fixture_close (&f);
}

/* Fewer clients than fill the window: every one at once, nothing left to grow */
static void
test_short_list (void)
{
  Fixture f = { 0 };

  fixture_open (&f, 3, 600, FALSE);
  pd_ui_test_wait_frames (3);
  g_assert_cmpuint (count_bound (f.view), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (pd_clients_first_screen_get_model (f.first_screen)), ==, 3);
  fixture_close (&f);
}

static gboolean
first_painted (gpointer data)
{
  return ((Fixture *) data)->frames > 0;
}

static void
count_update_cb (GdkFrameClock *clock,
                 guint         *updates)
{
  (*updates)++;
}

/* A page not shown (another one is, or the view waits behind its empty state) asks for no
 * frames, before its first frame or after it, while growing; shown again, it goes on */
static void
test_hidden (void)
{
  Fixture f = { 0 };
  GtkWidget *scroller;
  GdkFrameClock *clock;
  guint updates = 0;
  gulong counting;

  fixture_open (&f, N_ROWS, 500, TRUE);
  scroller = gtk_widget_get_parent (f.view);
  pd_ui_test_wait_frames (5);
  g_assert_cmpuint (g_list_model_get_n_items (pd_clients_first_screen_get_model (f.first_screen)), <, 10);

  /* Shown for its first frame, then hidden while it grows (realized, so ticks would run) */
  gtk_widget_set_visible (scroller, TRUE);
  pd_ui_test_wait_for (first_painted, &f, "the first frame");
  gtk_widget_set_visible (scroller, FALSE);
  pd_ui_test_wait_frames (3);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (f.window));
  counting = g_signal_connect (clock, "update", G_CALLBACK (count_update_cb), &updates);
  pd_ui_test_wait_frames (10);
  g_signal_handler_disconnect (clock, counting);
  g_assert_cmpuint (updates, <, 3);

  gtk_widget_set_visible (scroller, TRUE);
  pd_ui_test_wait_for (whole_list, &f, "the whole list once shown again");
  g_assert_cmpuint (count_bound (f.view), >=, 4);
  fixture_close (&f);
}

/* Finishing early (a move to a far client) gives the view the whole list at once; freed
 * before or after its view, nothing is left behind */
static void
test_finish_and_free (void)
{
  Fixture f = { 0 };

  fixture_open (&f, N_ROWS, 500, FALSE);
  pd_clients_first_screen_finish (f.first_screen);
  g_assert_true (whole_list (&f));
  pd_ui_test_wait_frames (3);
  g_assert_true (whole_list (&f));
  fixture_close (&f);

  fixture_open (&f, N_ROWS, 500, FALSE);
  pd_ui_test_wait_frames (1);
  g_clear_pointer (&f.first_screen, pd_clients_first_screen_free);
  pd_ui_test_wait_frames (3);
  g_signal_handlers_disconnect_by_data (gtk_widget_get_frame_clock (f.view), &f);
  pd_ui_test_window_destroy (f.window);
}

int
main (int   argc,
      char *argv[])
{
  pd_ui_test_init (&argc, &argv);
  g_test_add_data_func ("/ui/clients/first-screen/first-frame", GINT_TO_POINTER (500), test_first_frame);
  g_test_add_data_func ("/ui/clients/first-screen/first-frame-tall", GINT_TO_POINTER (1000), test_first_frame);
  g_test_add_func ("/ui/clients/first-screen/short-list", test_short_list);
  g_test_add_func ("/ui/clients/first-screen/hidden", test_hidden);
  g_test_add_func ("/ui/clients/first-screen/finish-and-free", test_finish_and_free);
  return g_test_run ();
}

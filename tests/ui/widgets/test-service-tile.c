/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The service tile: follows its service, locks, authorization steps, activation, focus,
 * accessible summary; screenshots of every badge state in light and dark style. */
#include "config.h"

#include "pd-badge-state.h"
#include "pd-chip.h"
#include "pd-seat-gauge.h"
#include "pd-service-tile.h"
#include "pd-status-badge.h"
#include "pd-ui-test.h"
#include "pd-widgets-test.h"

static const PdTestServiceSpec healthy = {
  "exchange", "authorized", "success", 20, 12, 8, 3, NULL
};

static void
assert_accessible_label (GtkWidget  *widget,
                         const char *expected)
{
  g_autofree char *error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                               GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                               expected);

  if (error != NULL)
    g_error ("accessible label: %s", error);
}

static void
count (GtkWidget *widget,
       guint     *counter)
{
  (*counter)++;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *counter)
{
  (*counter)++;
}

static GtkWidget *
tile_new (const PdTestServiceSpec *spec,
          PdService              **service_out)
{
  g_autoptr(PdService) service = pd_widgets_test_service_new (spec);
  GtkWidget *tile = pd_service_tile_new ();

  pd_service_tile_set_service (PD_SERVICE_TILE (tile), service);
  if (service_out != NULL)
    *service_out = g_object_ref (service);
  return tile;
}

static gboolean
is_seats_label (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "pd-seats-label");
}

/* The seat figures under the bar, with the no-break spaces that keep its parts together
 * read as plain spaces */
static char *
dup_seats_text (GtkWidget *tile)
{
  GtkWidget *label = pd_ui_test_find (tile, is_seats_label, NULL);
  g_auto(GStrv) parts = g_strsplit (gtk_label_get_text (GTK_LABEL (label)), "\u00a0", -1);

  g_assert_true (gtk_widget_get_mapped (label));
  return g_strjoinv (" ", parts);
}

#define assert_seats(tile, expected) \
  G_STMT_START { \
    g_autofree char *seats_ = dup_seats_text (tile); \
    g_assert_cmpstr (seats_, ==, expected); \
  } G_STMT_END

static void
assert_accessible_description (GtkWidget  *widget,
                               const char *expected)
{
  g_autofree char *error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                               GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                               expected);

  if (error != NULL)
    g_error ("accessible description: %s", error);
}

static GtkWidget *
centered (GtkWidget *child)
{
  gtk_widget_set_halign (child, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (child, GTK_ALIGN_CENTER);
  return child;
}

static void
test_follows_service (void)
{
  g_autoptr(PdService) service = NULL;
  GtkWidget *tile = tile_new (&healthy, &service);
  GtkWindow *window = pd_ui_test_window_new (centered (tile), 400, 300);
  PdStatusBadge *badge = PD_STATUS_BADGE (pd_ui_test_find_type (tile, PD_TYPE_STATUS_BADGE));
  PdSeatGauge *gauge = PD_SEAT_GAUGE (pd_ui_test_find_type (tile, PD_TYPE_SEAT_GAUGE));
  PdTestServiceSpec failed = { "exchange", "authorized", "failed", 20, 25, 0, 1, NULL };
  g_autofree char *recent = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) five_minutes_ago = g_date_time_add_minutes (now, -5);
  g_autofree char *summary = NULL;

  g_assert_true (pd_service_tile_get_service (PD_SERVICE_TILE (tile)) == service);
  g_assert_nonnull (pd_ui_test_find_label (tile, "Exchange"));
  g_assert_cmpint (pd_status_badge_get_state (badge), ==, PD_BADGE_STATE_SUCCESS);
  assert_seats (tile, "12 / 20 seats · 3 unprotected");
  g_assert_nonnull (pd_ui_test_find_label (tile, "Never backed up"));
  assert_accessible_label (tile, "Exchange, Success. 12 of 20 seats used, 8 open, 3 accounts unprotected. "
                                 "Never backed up");

  /* An in-place update (what a sync does) shows at once */
  recent = g_date_time_format_iso8601 (five_minutes_ago);
  failed.last_backup_at = recent;
  pd_widgets_test_service_update (service, &failed);
  g_assert_cmpint (pd_status_badge_get_state (badge), ==, PD_BADGE_STATE_FAILED);
  g_assert_true (pd_seat_gauge_is_over_capacity (gauge));
  assert_seats (tile, "25 / 20 seats · 5 over · 1 unprotected");
  g_assert_true (gtk_widget_has_css_class (pd_ui_test_find (tile, is_seats_label, NULL), "error"));
  g_assert_nonnull (pd_ui_test_find_label (tile, "Last backup: 5 minutes ago"));
  summary = pd_service_tile_dup_summary (PD_SERVICE_TILE (tile));
  g_assert_cmpstr (summary, ==, "Exchange, Failed. 25 of 20 seats used, 5 over capacity, "
                                "1 account unprotected. Last backup: 5 minutes ago");
  assert_accessible_label (tile, summary);

  /* A replaced service is no longer followed */
  {
    g_autoptr(PdService) other = pd_widgets_test_service_new (&(PdTestServiceSpec) {
      "drive", "authorized", "running", 10, 2, 8, 0, NULL });

    pd_service_tile_set_service (PD_SERVICE_TILE (tile), other);
    g_assert_nonnull (pd_ui_test_find_label (tile, "Google Drive"));
    pd_widgets_test_service_update (service, &healthy);
    g_assert_cmpint (pd_status_badge_get_state (badge), ==, PD_BADGE_STATE_RUNNING);
  }
  /* Emptied (a recycled list row's unbind) */
  pd_service_tile_set_service (PD_SERVICE_TILE (tile), NULL);
  g_assert_cmpint (pd_status_badge_get_state (badge), ==, PD_BADGE_STATE_UNKNOWN);
  assert_seats (tile, "Seats unknown");
  pd_ui_test_window_destroy (window);
  /* The service outlives the tile without a dangling handler */
  pd_widgets_test_service_update (service, &failed);
}

static void
emit_release (GtkWidget *tile)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (tile);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        {
          g_signal_emit_by_name (controller, "released", 1, 10.0, 10.0);
          return;
        }
    }
  g_assert_not_reached ();
}

/* Runs the tile's key binding for @keyval, the way a key press on the focused tile does */
static void
press_key (GtkWidget *tile,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (tile);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, tile, NULL));
              return;
            }
        }
    }
  g_assert_not_reached ();
}

typedef struct
{
  GtkWidget     *widget;
  GskRenderNode *node;
} Drawing;

static gboolean
drawn (gpointer user_data)
{
  Drawing *drawing = user_data;
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (drawing->widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), gtk_widget_get_width (drawing->widget),
                          gtk_widget_get_height (drawing->widget));
  drawing->node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  return drawing->node != NULL;
}

/* The pixels of @widget once the window has drawn it */
static GBytes *
render (GtkWidget *widget)
{
  Drawing drawing = { widget, NULL };
  g_autoptr(GdkTexture) texture = NULL;
  int width, height;
  guchar *data;

  pd_ui_test_wait_frames (3);
  pd_ui_test_wait_for (drawn, &drawing, "the widget to be drawn");
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  data = g_malloc (width * height * 4);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), drawing.node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_render_node_unref (drawing.node);
  gdk_texture_download (texture, data, width * 4);
  return g_bytes_new_take (data, width * height * 4);
}

static void
test_activation (void)
{
  GtkWidget *tile = tile_new (&healthy, NULL);
  GtkWindow *window = pd_ui_test_window_new (centered (tile), 400, 300);
  guint activated = 0;

  g_signal_connect (tile, "activated", G_CALLBACK (count), &activated);
  pd_ui_test_wait_frames (3);

  /* Keyboard: focusable, with a visible focus ring */
  g_assert_true (gtk_widget_get_focusable (tile));
  {
    g_autoptr(GBytes) unfocused = render (tile);
    g_autoptr(GBytes) focused = NULL;

    gtk_window_set_focus_visible (window, TRUE);
    g_assert_true (gtk_widget_grab_focus (tile));
    g_assert_true (gtk_widget_has_focus (tile));
    g_assert_true (gtk_widget_get_state_flags (tile) & GTK_STATE_FLAG_FOCUS_VISIBLE);
    focused = render (tile);
    g_assert_false (g_bytes_equal (unfocused, focused));
  }
  press_key (tile, GDK_KEY_Return);
  g_assert_cmpuint (activated, ==, 1);
  press_key (tile, GDK_KEY_KP_Enter);
  press_key (tile, GDK_KEY_space);
  g_assert_cmpuint (activated, ==, 3);
  emit_release (tile);
  g_assert_cmpuint (activated, ==, 4);

  /* Locked: every metric still there, the reason shown, nothing opens */
  pd_service_tile_set_locked_reason (PD_SERVICE_TILE (tile), "Reseller clients cannot be opened");
  g_assert_cmpstr (pd_service_tile_get_locked_reason (PD_SERVICE_TILE (tile)), ==, "Reseller clients cannot be opened");
  g_assert_true (gtk_widget_has_css_class (tile, "locked"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (tile), ==, "Reseller clients cannot be opened");
  g_assert_nonnull (pd_ui_test_find_label (tile, "Reseller clients cannot be opened"));
  g_assert_nonnull (pd_ui_test_find_label (tile, "Exchange"));
  g_assert_nonnull (pd_ui_test_find_label (tile, "Success"));
  assert_seats (tile, "12 / 20 seats · 3 unprotected");
  g_assert_nonnull (pd_ui_test_find_label (tile, "Never backed up"));
  assert_accessible_description (tile, "Reseller clients cannot be opened");
  g_assert_true (gtk_widget_get_mapped (pd_ui_test_find_type (tile, PD_TYPE_SEAT_GAUGE)));
  press_key (tile, GDK_KEY_Return);
  emit_release (tile);
  g_assert_cmpuint (activated, ==, 4);

  pd_service_tile_set_locked_reason (PD_SERVICE_TILE (tile), NULL);
  g_assert_false (gtk_widget_has_css_class (tile, "locked"));
  g_assert_null (pd_ui_test_find_label (tile, "Reseller clients cannot be opened"));
  assert_accessible_description (tile, "Press Enter to open");
  press_key (tile, GDK_KEY_Return);
  g_assert_cmpuint (activated, ==, 5);
  pd_ui_test_window_destroy (window);
}

static void
test_authorization_buttons (void)
{
  static const struct {
    const char *authorization;
    gboolean    offered;
  } cases[] = {
    { "unauthorized", TRUE },
    { "agreement_accepted", TRUE },
    { "awaiting_consent", TRUE },
    { "consent_lost", TRUE },
    { "pending_client_admin", FALSE },
    { "authorized", FALSE },
  };
  g_autoptr(PdService) service = NULL;
  GtkWidget *tile = tile_new (&healthy, &service);
  GtkWindow *window = pd_ui_test_window_new (centered (tile), 400, 400);
  guint self_count = 0, delegate_count = 0, activated = 0;

  g_signal_connect (tile, "authorize-self", G_CALLBACK (count), &self_count);
  g_signal_connect (tile, "authorize-delegate", G_CALLBACK (count), &delegate_count);
  g_signal_connect (tile, "activated", G_CALLBACK (count), &activated);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      PdTestServiceSpec spec = healthy;
      GtkWidget *self_button, *delegate_button;

      spec.authorization_state = cases[i].authorization;
      pd_widgets_test_service_update (service, &spec);
      self_button = pd_ui_test_find_label (tile, "I am the admin");
      delegate_button = pd_ui_test_find_label (tile, "Someone else is the admin");
      g_test_message ("%s", cases[i].authorization);
      g_assert_cmpint (self_button != NULL, ==, cases[i].offered);
      g_assert_cmpint (delegate_button != NULL, ==, cases[i].offered);
      if (!cases[i].offered)
        continue;
      /* What a click on each does (gtk_widget_activate would wait for the press animation) */
      g_signal_emit_by_name (gtk_widget_get_ancestor (self_button, GTK_TYPE_BUTTON), "clicked");
      g_signal_emit_by_name (gtk_widget_get_ancestor (delegate_button, GTK_TYPE_BUTTON), "clicked");
      g_assert_cmpuint (self_count, ==, delegate_count);

      /* A locked tile (a reseller's) still offers the invitation; the other step says why
       * not. Nothing is offered where inviting is not allowed either. */
      pd_service_tile_set_locked_reason (PD_SERVICE_TILE (tile), "Reseller relationship: metrics only");
      g_assert_false (gtk_widget_get_sensitive (gtk_widget_get_ancestor (self_button, GTK_TYPE_BUTTON)));
      g_assert_cmpstr (gtk_widget_get_tooltip_text (gtk_widget_get_ancestor (self_button, GTK_TYPE_BUTTON)), ==,
                       "Reseller relationship: metrics only");
      g_assert_true (gtk_widget_get_sensitive (gtk_widget_get_ancestor (delegate_button, GTK_TYPE_BUTTON)));
      pd_service_tile_set_delegate_reason (PD_SERVICE_TILE (tile), "You may not authorize services");
      g_assert_null (pd_ui_test_find_label (tile, "I am the admin"));
      pd_service_tile_set_locked_reason (PD_SERVICE_TILE (tile), NULL);
      g_assert_false (gtk_widget_get_sensitive (gtk_widget_get_ancestor (delegate_button, GTK_TYPE_BUTTON)));
      g_assert_cmpstr (gtk_widget_get_tooltip_text (gtk_widget_get_ancestor (delegate_button, GTK_TYPE_BUTTON)), ==,
                       "You may not authorize services");
      pd_service_tile_set_delegate_reason (PD_SERVICE_TILE (tile), NULL);
    }
  g_assert_cmpuint (self_count, ==, 4);
  g_assert_cmpuint (delegate_count, ==, 4);

  /* Tab goes from the tile to its two buttons, then out */
  pd_widgets_test_service_update (service, &(PdTestServiceSpec) { "exchange", "unauthorized", "never_run", 5, 0, 5, 5, NULL, NULL });
  pd_ui_test_wait_frames (3);
  gtk_window_set_focus (window, NULL);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_window_get_focus (window) == tile);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_is_ancestor (pd_ui_test_find_label (tile, "I am the admin"), gtk_window_get_focus (window)));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_is_ancestor (pd_ui_test_find_label (tile, "Someone else"), gtk_window_get_focus (window)));
  /* The buttons do not open the tile */
  g_assert_cmpuint (activated, ==, 0);
  pd_ui_test_window_destroy (window);
}

static void
test_large (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_minutes (now, 3 * 60 + 5);
  g_autofree char *next = g_date_time_format_iso8601 (later);
  PdTestServiceSpec spec = healthy;
  GtkWidget *tile;
  GtkWindow *window;
  int small_width;
  guint notified = 0;

  spec.next_backup_at = next;
  tile = tile_new (&spec, NULL);
  window = pd_ui_test_window_new (centered (tile), 500, 300);
  pd_ui_test_wait_frames (3);
  small_width = gtk_widget_get_width (tile);
  g_assert_cmpint (small_width, >=, 220);
  g_assert_cmpint (small_width, <=, 260);
  g_assert_null (pd_ui_test_find_label (tile, "Microsoft 365"));
  g_assert_null (pd_ui_test_find_label (tile, "Next backup"));

  g_signal_connect (tile, "notify::large", G_CALLBACK (count_notify), &notified);
  pd_service_tile_set_large (PD_SERVICE_TILE (tile), TRUE);
  pd_service_tile_set_large (PD_SERVICE_TILE (tile), TRUE);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (pd_service_tile_get_large (PD_SERVICE_TILE (tile)));
  pd_ui_test_wait_frames (3);
  g_assert_cmpint (gtk_widget_get_width (tile), >, small_width);
  g_assert_nonnull (pd_ui_test_find_label (tile, "Microsoft 365 · 1.5\u00a0MB stored"));
  g_assert_nonnull (pd_ui_test_find_label (tile, "Next backup: In 3 hours"));

  pd_service_tile_set_large (PD_SERVICE_TILE (tile), FALSE);
  g_assert_null (pd_ui_test_find_label (tile, "Next backup"));
  g_assert_null (pd_ui_test_find_label (tile, "Microsoft 365"));
  pd_ui_test_window_destroy (window);
}

/* How a page shows tiles in a recycling list: the factory makes empty tiles, bind sets the
 * service, unbind empties the tile so it stops following a service it no longer shows. */
static void
setup_tile (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            guint                    *n_created)
{
  gtk_list_item_set_child (item, pd_service_tile_new ());
  (*n_created)++;
}

static void
bind_tile (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  pd_service_tile_set_service (PD_SERVICE_TILE (gtk_list_item_get_child (item)), gtk_list_item_get_item (item));
}

static void
unbind_tile (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  pd_service_tile_set_service (PD_SERVICE_TILE (gtk_list_item_get_child (item)), NULL);
}

static gboolean
shows_service (GtkWidget     *widget,
               gconstpointer  service)
{
  return PD_IS_SERVICE_TILE (widget) && pd_service_tile_get_service (PD_SERVICE_TILE (widget)) == service;
}

/* Any tile bound to @service, mapped or not */
static GtkWidget *
find_tile_for (GtkWidget *root,
               PdService *service)
{
  return pd_ui_test_find (root, shows_service, service);
}

static void
test_list_view (void)
{
  g_autoptr(GListStore) store = g_list_store_new (PD_TYPE_SERVICE);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *view, *scrolled, *tile;
  GtkWindow *window;
  guint n_created = 0;
  g_autoptr(PdService) first = NULL;
  g_autoptr(PdService) last = NULL;

  for (guint i = 0; i < 2000; i++)
    {
      g_autoptr(PdService) service = pd_widgets_test_service_new (&healthy);

      g_list_store_append (store, service);
    }
  first = g_list_model_get_item (G_LIST_MODEL (store), 0);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_tile), &n_created);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_tile), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_tile), NULL);
  view = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (store)))), factory);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  window = pd_ui_test_window_new (scrolled, 400, 600);
  pd_ui_test_wait_frames (5);

  /* A bounded number of tiles, not one per service (GTK 4.8 keeps about 200 rows) */
  g_assert_cmpuint (n_created, >, 0);
  g_assert_cmpuint (n_created, <, 300);
  tile = find_tile_for (view, first);
  g_assert_nonnull (tile);
  pd_widgets_test_service_update (first, &(PdTestServiceSpec) { "exchange", "authorized", "failed", 20, 12, 8, 3, NULL, NULL });
  g_assert_cmpint (pd_status_badge_get_state (PD_STATUS_BADGE (pd_ui_test_find_type (tile, PD_TYPE_STATUS_BADGE))), ==,
                   PD_BADGE_STATE_FAILED);

  /* Scrolled to the end: the tiles were reused for the last services, no new ones made, and
   * they follow those */
  g_assert_true (gtk_widget_activate_action (view, "list.scroll-to-item", "u", 1999));
  pd_ui_test_wait_frames (5);
  g_assert_cmpuint (n_created, <, 300);
  last = g_list_model_get_item (G_LIST_MODEL (store), 1999);
  tile = find_tile_for (view, last);
  g_assert_nonnull (tile);
  g_assert_true (gtk_widget_get_mapped (tile));
  pd_widgets_test_service_update (last, &(PdTestServiceSpec) { "exchange", "consent_lost", "success", 20, 12, 8, 3, NULL, NULL });
  g_assert_cmpint (pd_status_badge_get_state (PD_STATUS_BADGE (pd_ui_test_find_type (tile, PD_TYPE_STATUS_BADGE))), ==,
                   PD_BADGE_STATE_CONSENT_LOST);
  pd_ui_test_window_destroy (window);
}

static GtkWidget *
all_states_grid (void)
{
  static const struct {
    const char *application, *authorization, *backup;
    gint64      total, managed, open, unprotected;
    gint64      minutes_ago;   /* < 0: never */
  } tiles[] = {
    { "exchange", "authorized", "success", 20, 12, 8, 3, 5 },
    { "onedrive", "authorized", "running", 20, 18, 2, 0, 90 },
    { "sharepoint", "authorized", "retrying", 40, 10, 30, 0, 60 * 20 },
    { "teams", "authorized", "warning", 20, 20, 0, 4, 60 * 30 },
    { "gmail", "authorized", "failed", 20, 26, 0, 1, 60 * 24 * 3 },
    { "drive", "authorized", "paused", 15, 5, 10, 0, 60 * 24 * 12 },
    { "calendar", "authorized", "never_run", 15, 0, 15, 15, -1 },
    { "contacts", "unauthorized", "never_run", 0, 0, 0, 0, -1 },
    { "shared_drives", "pending_client_admin", "never_run", 10, 0, 10, 6, -1 },
    { "exchange", "consent_lost", "success", 25, 25, 0, 0, 60 * 24 * 2 },
    { "onedrive", "authorized", "something_new", 20, 12, 8, 0, 2 },
  };
  GtkWidget *grid = gtk_grid_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  g_object_set (grid, "margin-top", 18, "margin-bottom", 18, "margin-start", 18, "margin-end", 18, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (tiles); i++)
    {
      g_autoptr(GDateTime) when = tiles[i].minutes_ago >= 0 ? g_date_time_add_minutes (now, -tiles[i].minutes_ago) : NULL;
      g_autofree char *iso = when != NULL ? g_date_time_format_iso8601 (when) : NULL;
      PdTestServiceSpec spec = { tiles[i].application, tiles[i].authorization, tiles[i].backup, tiles[i].total,
                                 tiles[i].managed, tiles[i].open, tiles[i].unprotected, iso };
      GtkWidget *tile = tile_new (&spec, NULL);

      gtk_widget_set_valign (tile, GTK_ALIGN_START);
      gtk_grid_attach (GTK_GRID (grid), tile, i % 4, i / 4, 1, 1);
    }
  /* A locked one */
  {
    GtkWidget *tile = tile_new (&healthy, NULL);

    gtk_widget_set_valign (tile, GTK_ALIGN_START);
    pd_service_tile_set_locked_reason (PD_SERVICE_TILE (tile), "Reseller client: metrics only");
    gtk_grid_attach (GTK_GRID (grid), tile, 3, 2, 1, 1);
  }
  /* The chips a client section shows */
  {
    static const struct { const char *text, *style; } chips[] = {
      { "Active", NULL }, { "Backup · Business", NULL }, { "EU", NULL }, { "Partner-managed", "accent" },
      { "Reseller", NULL }, { "Needs authentication", "warning" }, { "Unmapped", "error" },
    };
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

    for (guint i = 0; i < G_N_ELEMENTS (chips); i++)
      {
        GtkWidget *chip = pd_chip_new (chips[i].text, NULL);

        if (chips[i].style != NULL)
          gtk_widget_add_css_class (chip, chips[i].style);
        gtk_box_append (GTK_BOX (box), chip);
      }
    gtk_grid_attach (GTK_GRID (grid), box, 0, 3, 4, 1);
  }
  return grid;
}

/* libadwaita 1.2 takes high contrast from the desktop's setting (the portal, else GSettings);
 * the test session has no portal, so the GSettings key decides. */
static void
high_contrast_screenshots (GtkWidget *grid)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr(GSettingsSchema) schema =
    g_settings_schema_source_lookup (g_settings_schema_source_get_default (), "org.gnome.desktop.a11y.interface", TRUE);
  g_autoptr(GSettings) settings = NULL;

  if (schema == NULL || g_getenv ("PD_SCREENSHOT_DIR") == NULL)
    return;
  settings = g_settings_new ("org.gnome.desktop.a11y.interface");
  g_settings_set_boolean (settings, "high-contrast", TRUE);
  pd_ui_test_wait_frames (5);
  if (adw_style_manager_get_high_contrast (style))
    {
      pd_ui_test_screenshot (grid, "widgets-tiles-hc");
      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
      pd_ui_test_screenshot (grid, "widgets-tiles-hc-dark");
      adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
    }
  else
    g_test_message ("high contrast is not followed in this session: no screenshot");
  g_settings_reset (settings, "high-contrast");
  pd_ui_test_wait_frames (2);
}

static void
test_screenshots (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWidget *grid = all_states_grid ();
  GtkWindow *window = pd_ui_test_window_new (grid, 1100, 700);
  g_autoptr(GPtrArray) tiles = pd_ui_test_find_all_type (grid, PD_TYPE_SERVICE_TILE);
  g_autoptr(GHashTable) states = g_hash_table_new (NULL, NULL);

  /* Every badge state is on screen */
  for (guint i = 0; i < tiles->len; i++)
    {
      GtkWidget *badge = pd_ui_test_find_type (tiles->pdata[i], PD_TYPE_STATUS_BADGE);

      g_hash_table_add (states, GINT_TO_POINTER (pd_status_badge_get_state (PD_STATUS_BADGE (badge))));
    }
  g_assert_cmpuint (g_hash_table_size (states), ==, PD_BADGE_STATE_LAST + 1);

  gtk_window_set_focus_visible (window, TRUE);
  gtk_widget_grab_focus (tiles->pdata[0]);
  pd_ui_test_screenshot (grid, "widgets-tiles");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  pd_ui_test_screenshot (grid, "widgets-tiles-dark");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  high_contrast_screenshots (grid);
  pd_ui_test_window_destroy (window);

  /* Large tiles, as the client page shows them, in a narrow window */
  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
    GtkWidget *tile = tile_new (&healthy, NULL);

    g_object_set (box, "margin-top", 12, "margin-bottom", 12, "margin-start", 12, "margin-end", 12, NULL);
    pd_service_tile_set_large (PD_SERVICE_TILE (tile), TRUE);
    gtk_box_append (GTK_BOX (box), tile);
    tile = tile_new (&(PdTestServiceSpec) { "teams", "awaiting_consent", "never_run", 30, 0, 30, 30, NULL }, NULL);
    pd_service_tile_set_large (PD_SERVICE_TILE (tile), TRUE);
    gtk_box_append (GTK_BOX (box), tile);
    window = pd_ui_test_window_new (box, 360, 500);
    pd_ui_test_screenshot (box, "widgets-tiles-large-narrow");
    pd_ui_test_window_destroy (window);
  }
}

int
main (int argc, char **argv)
{
  pd_ui_test_init (&argc, &argv);

  g_test_add_func ("/widgets/service-tile/follows-service", test_follows_service);
  g_test_add_func ("/widgets/service-tile/activation", test_activation);
  g_test_add_func ("/widgets/service-tile/authorization-buttons", test_authorization_buttons);
  g_test_add_func ("/widgets/service-tile/large", test_large);
  g_test_add_func ("/widgets/service-tile/list-view", test_list_view);
  g_test_add_func ("/widgets/service-tile/screenshots", test_screenshots);

  return g_test_run ();
}

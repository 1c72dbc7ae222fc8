/* SPDX-License-Identifier: GPL-3.0-or-later */
/* src/ui/alerts under Xvfb against the reference portal: the popover lists the portal's
 * in-app notifications newest first with the unread count on the button (and in its
 * accessible label); marking one and all read goes to the portal and comes back with the
 * sync, and waits in the outbox while the portal is away. Desktop notifications: a new backup failure raises exactly one, the next sync and a
 * restart of the session none, many at once one summary, and activating one opens the
 * client; the background setting keeps the application when its last window closes. A
 * notification about a client opens it from the popover; a partner-wide one does nothing. The
 * failures are made in the portal's database (pd-alerts-test.h): the
 * simulation (--simulate) draws them at random, too rarely to wait for. */

#include "config.h"

#include "pd-alerts-button.h"
#include "pd-alerts-notifier.h"
#include "pd-alerts-row.h"
#include "pd-alerts-test.h"
#include "pd-cache-resources.h"
#include "pd-in-app-notification.h"
#include "pd-organization.h"
#include "pd-service.h"
#include "pd-session-view.h"
#include "pd-ui-test.h"

typedef struct
{
  char            *database;
  PdUiTestSession *test;
  GtkWindow       *window;
  PdSessionView   *view;
} Fixture;

static gboolean
fixture_set_up (Fixture *f)
{
  g_autofree char *dir = g_dir_make_tmp ("pd-alerts-portal-XXXXXX", NULL);

  f->database = g_build_filename (dir, "portal.db", NULL);
  f->test = pd_ui_test_session_new ((const char *[]) { "--seed", "30", "--database", f->database, NULL }, "owner");
  if (f->test == NULL)
    return FALSE;
  f->view = PD_SESSION_VIEW (pd_session_view_new ());
  pd_session_view_set_session (f->view, f->test->session);
  f->window = pd_ui_test_window_new (GTK_WIDGET (f->view), 1000, 700);
  return TRUE;
}

static void
fixture_tear_down (Fixture *f)
{
  g_autofree char *dir = f->database != NULL ? g_path_get_dirname (f->database) : NULL;

  g_clear_pointer (&f->window, pd_ui_test_window_destroy);
  g_clear_pointer (&f->test, pd_ui_test_session_free);
  if (dir != NULL)
    pd_session_test_remove_tree (dir);
  g_free (f->database);
}

/* ---- the popover --------------------------------------------------------------------- */

static guint
count_unread (GListModel *notifications)
{
  guint unread = 0;

  for (guint i = 0; i < g_list_model_get_n_items (notifications); i++)
    {
      g_autoptr(PdInAppNotification) item = g_list_model_get_item (notifications, i);

      unread += !pd_in_app_notification_get_read (item);
    }
  return unread;
}

static void
assert_button_says (PdAlertsButton *button,
                    guint           unread)
{
  GtkWidget *menu_button = pd_ui_test_find_type (GTK_WIDGET (button), GTK_TYPE_MENU_BUTTON);
  g_autofree char *expected = unread > 0 ? g_strdup_printf ("Notifications, %u unread", unread)
                                         : g_strdup ("Notifications");
  g_autofree char *error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (menu_button),
                                                               GTK_ACCESSIBLE_PROPERTY_LABEL, expected);

  if (error != NULL)
    g_error ("accessible label: %s", error);
  g_assert_cmpuint (pd_alerts_button_get_n_unread (button), ==, unread);
}

typedef struct
{
  GListModel *notifications;
  guint       unread;
} UnreadWait;

static gboolean
unread_is (gpointer data)
{
  UnreadWait *wait = data;

  return count_unread (wait->notifications) == wait->unread;
}

/* The window and its open popover in one picture: a popover is a surface of its own, which
 * the window's rendering leaves out. */
static void
screenshot_with_popover (GtkWidget  *window,
                         GtkWidget  *popover,
                         const char *name)
{
  const char *dir = g_getenv ("PD_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) window_paint = NULL;
  g_autoptr(GdkPaintable) popover_paint = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  double wx, wy, px, py;
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);
  int x, y;

  if (dir == NULL)
    return;
  pd_ui_test_wait_frames (30);
  gtk_native_get_surface_transform (GTK_NATIVE (window), &wx, &wy);
  gtk_native_get_surface_transform (GTK_NATIVE (popover), &px, &py);
  x = gdk_popup_get_position_x (GDK_POPUP (gtk_native_get_surface (GTK_NATIVE (popover)))) + px - wx;
  y = gdk_popup_get_position_y (GDK_POPUP (gtk_native_get_surface (GTK_NATIVE (popover)))) + py - wy;
  window_paint = gtk_widget_paintable_new (window);
  popover_paint = gtk_widget_paintable_new (popover);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (window_paint, GDK_SNAPSHOT (snapshot), width, height);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gdk_paintable_snapshot (popover_paint, GDK_SNAPSHOT (snapshot),
                          gtk_widget_get_width (popover), gtk_widget_get_height (popover));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("wrote %s", path);
}

static gboolean
popover_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static void
test_popover (void)
{
  Fixture f = { 0 };
  GListModel *notifications;
  PdAlertsButton *button;
  GtkPopover *popover;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(PdInAppNotification) first = NULL;
  GDateTime *newest = NULL;
  UnreadWait wait;
  guint unread;

  if (!fixture_set_up (&f))
    {
      g_test_skip ("No test keyring");
      return;
    }
  notifications = pd_session_get_notifications (f.test->session);
  unread = count_unread (notifications);
  g_assert_cmpuint (g_list_model_get_n_items (notifications), >, 2);
  g_assert_cmpuint (unread, >, 1);
  button = PD_ALERTS_BUTTON (pd_ui_test_find_type (GTK_WIDGET (f.view), PD_TYPE_ALERTS_BUTTON));
  g_assert_nonnull (button);
  assert_button_says (button, unread);

  popover = pd_alerts_button_get_popover (button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (pd_ui_test_find_type (GTK_WIDGET (button), GTK_TYPE_MENU_BUTTON)));
  pd_ui_test_wait_for (popover_mapped, popover, "the popover to open");
  pd_ui_test_wait_frames (10);
  rows = pd_ui_test_find_all_type (GTK_WIDGET (popover), PD_TYPE_ALERTS_ROW);
  g_assert_cmpuint (rows->len, >, 2);
  /* Newest first */
  for (guint i = 0; i < g_list_model_get_n_items (notifications); i++)
    {
      g_autoptr(PdInAppNotification) item = g_list_model_get_item (notifications, i);
      GDateTime *created = pd_resource_get_created_at (PD_RESOURCE (item));

      if (newest == NULL || g_date_time_compare (created, newest) > 0)
        newest = created;
    }
  first = g_object_ref (pd_alerts_row_get_item (g_ptr_array_index (rows, 0)));
  g_assert_cmpint (g_date_time_compare (pd_resource_get_created_at (PD_RESOURCE (first)), newest), ==, 0);
  g_assert_nonnull (pd_ui_test_find_label (GTK_WIDGET (popover), pd_in_app_notification_get_title (first)));
  screenshot_with_popover (GTK_WIDGET (f.window), GTK_WIDGET (popover), "notifications-popover");
  /* Down to the narrowest window the application supports */
  gtk_window_set_default_size (f.window, 360, 640);
  pd_ui_test_wait_frames (20);
  screenshot_with_popover (GTK_WIDGET (f.window), GTK_WIDGET (popover), "notifications-popover-narrow");

  /* Mark one read: it goes to the portal, and the sync that follows brings it back read. */
  for (guint i = 0; i < rows->len; i++)
    {
      PdInAppNotification *item = pd_alerts_row_get_item (g_ptr_array_index (rows, i));

      if (!pd_in_app_notification_get_read (item))
        {
          gtk_widget_activate_action (GTK_WIDGET (g_ptr_array_index (rows, i)), "alerts.mark-read", "s",
                                      pd_resource_get_id (PD_RESOURCE (item)));
          break;
        }
    }
  assert_button_says (button, unread - 1);
  wait = (UnreadWait) { notifications, unread - 1 };
  pd_ui_test_wait_for (unread_is, &wait, "the portal to have the notification read");
  assert_button_says (button, unread - 1);

  gtk_widget_activate_action (GTK_WIDGET (button), "alerts.mark-all-read", NULL);
  assert_button_says (button, 0);
  wait = (UnreadWait) { notifications, 0 };
  pd_ui_test_wait_for (unread_is, &wait, "the portal to have every notification read");
  assert_button_says (button, 0);
  g_assert_false (gtk_widget_get_sensitive (pd_ui_test_find_id (GTK_WIDGET (popover), "mark_all_button")));

  gtk_popover_popdown (popover);
  fixture_tear_down (&f);
}

static gboolean
outbox_has_one (gpointer data)
{
  return g_list_model_get_n_items (pd_outbox_get_entries (pd_session_get_outbox (data))) == 1;
}

/* With the portal gone, marking read waits in the outbox and shows read at once; the
 * portal has it read once it is back. */
static void
test_offline (void)
{
  Fixture f = { 0 };
  g_autoptr(GUri) uri = NULL;
  g_autofree char *listen = NULL;
  g_autofree char *id = NULL;
  GListModel *notifications;
  PdAlertsButton *button;
  UnreadWait wait;
  guint unread;

  if (!fixture_set_up (&f))
    {
      g_test_skip ("No test keyring");
      return;
    }
  notifications = pd_session_get_notifications (f.test->session);
  unread = count_unread (notifications);
  button = PD_ALERTS_BUTTON (pd_ui_test_find_type (GTK_WIDGET (f.view), PD_TYPE_ALERTS_BUTTON));
  for (guint i = 0; id == NULL; i++)
    {
      g_autoptr(PdInAppNotification) item = g_list_model_get_item (notifications, i);

      if (!pd_in_app_notification_get_read (item))
        id = g_strdup (pd_resource_get_id (PD_RESOURCE (item)));
    }
  uri = g_uri_parse (pd_test_portal_get_url (f.test->portal), G_URI_FLAGS_NONE, NULL);
  listen = g_strdup_printf ("127.0.0.1:%d", g_uri_get_port (uri));
  pd_portal_client_set_retry_limits (pd_session_get_client (f.test->session), 1, 2);
  pd_outbox_set_retry_delays (pd_session_get_outbox (f.test->session), 50, 200);
  g_clear_pointer (&f.test->portal, pd_test_portal_stop);

  gtk_widget_activate_action (GTK_WIDGET (button), "alerts.mark-read", "s", id);
  assert_button_says (button, unread - 1);
  pd_ui_test_wait_for (outbox_has_one, f.test->session, "the change to wait in the outbox");
  pd_ui_test_wait_frames (10);
  assert_button_says (button, unread - 1);

  f.test->portal = pd_test_portal_start_with_db (f.database, (const char *[]) { "--listen", listen, NULL });
  wait = (UnreadWait) { notifications, unread - 1 };
  pd_ui_test_wait_for (unread_is, &wait, "the portal to have the notification read");
  assert_button_says (button, unread - 1);
  fixture_tear_down (&f);
}

/* ---- desktop notifications ----------------------------------------------------------- */

typedef struct
{
  GPtrArray *ids;
} Sent;

/* The one place a real notification server cannot run here: the test's private D-Bus
 * session has no org.freedesktop.Notifications, so the notifier's test hook records what
 * g_application_send_notification() would have sent. */
static void
record_sent (GApplication  *app,
             const char    *id,
             GNotification *notification,
             gpointer       user_data)
{
  Sent *sent = user_data;

  g_assert_true (G_IS_APPLICATION (app));
  g_assert_true (G_IS_NOTIFICATION (notification));
  g_ptr_array_add (sent->ids, g_strdup (id));
}

/* A sync, then time for the notifier to read pending invitations and decide */
static void
sync_now (PdSession *session)
{
  pd_alerts_test_sync (session);
  pd_ui_test_wait_frames (20);
}

typedef struct
{
  Sent  *sent;
  guint  n;
} SentWait;

static gboolean
sent_n (gpointer data)
{
  SentWait *wait = data;

  return wait->sent->ids->len >= wait->n;
}

static gboolean
title_is (gpointer data)
{
  gpointer *check = data;

  return g_strcmp0 (pd_session_view_get_title (check[0]), check[1]) == 0;
}

/* What the notifier's tracker has seen, kept in the cache once it evaluated a sync (see
 * pd-alert-tracker.h); read again until it is there */
typedef struct
{
  PdCache  *cache;
  gboolean  reading;
  gboolean  stored;
} Remembered;

static void
remembered_read_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Remembered *remembered = user_data;
  g_autoptr(JsonNode) node = pd_cache_load_document_finish (PD_CACHE (source), result, NULL);

  remembered->stored = node != NULL;
  remembered->reading = FALSE;
}

static gboolean
events_remembered (gpointer data)
{
  Remembered *remembered = data;

  if (!remembered->stored && !remembered->reading)
    {
      remembered->reading = TRUE;
      pd_cache_load_document_async (remembered->cache, "alerts/raised", NULL, remembered_read_cb, remembered);
    }
  return remembered->stored;
}

static const char *
first_failed_service (PdOrganization *organization)
{
  GListModel *services = G_LIST_MODEL (pd_organization_get_services (organization));

  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(PdService) service = g_list_model_get_item (services, i);

      if (pd_service_get_backup_status (service) == PD_BACKUP_STATUS_FAILED)
        return pd_resource_get_id (PD_RESOURCE (service));
    }
  g_assert_not_reached ();
}

static PdSession *
restart_session (Fixture *f)
{
  g_autofree char *cache_dir = g_build_filename (f->test->dir, "cache", NULL);
  PdSession *session = pd_session_new (f->test->account, cache_dir);

  pd_session_set_registry (session, f->test->registry);
  pd_session_set_refresh_interval (session, 0);
  pd_session_test_start (session);
  pd_session_test_wait_state (session, PD_SYNC_STATE_UP_TO_DATE);
  return session;
}

static void
test_desktop (void)
{
  Fixture f = { 0 };
  Sent sent = { g_ptr_array_new_with_free_func (g_free) };
  g_autoptr(GtkApplication) app = NULL;
  g_autoptr(PdAlertsNotifier) notifier = NULL;
  g_autoptr(PdSession) restarted = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) failed = NULL;
  g_auto(GStrv) many = NULL;
  g_autofree char *key = NULL;
  gpointer check[2];
  SentWait wait;
  Remembered remembered = { 0 };
  PdResource *organization;

  if (!fixture_set_up (&f))
    {
      g_test_skip ("No test keyring");
      g_ptr_array_unref (sent.ids);
      return;
    }
  app = gtk_application_new ("io.github.partnerdesk.PartnerDesk.AlertsTest", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  gtk_application_add_window (app, f.window);
  notifier = pd_alerts_notifier_new (app, NULL);
  pd_alerts_notifier_set_send_func (notifier, record_sent, &sent);
  pd_alerts_notifier_set_session (notifier, f.test->session);

  /* The seed's failures are there at the first sync: none is announced. The tracker reads
   * the cache and the invitations before it takes them in; a failure made earlier would
   * count as one of them. */
  sync_now (f.test->session);
  remembered.cache = pd_session_get_cache (f.test->session);
  pd_ui_test_wait_for (events_remembered, &remembered, "the notifier to take in the seed's events");
  g_assert_cmpuint (sent.ids->len, ==, 0);

  failed = pd_alerts_test_fail_backups (f.database, 1);
  sync_now (f.test->session);
  wait = (SentWait) { &sent, 1 };
  pd_ui_test_wait_for (sent_n, &wait, "a desktop notification");
  g_assert_cmpuint (sent.ids->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (sent.ids, 0), "backup-failed:"));
  organization = pd_resource_list_lookup (PD_RESOURCE_LIST (pd_session_get_organizations (f.test->session)), failed[0]);
  g_assert_nonnull (organization);
  key = g_strdup_printf ("backup-failed:%s:", first_failed_service (PD_ORGANIZATION (organization)));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (sent.ids, 0), key));

  /* Not again at the next sync */
  sync_now (f.test->session);
  sync_now (f.test->session);
  g_assert_cmpuint (sent.ids->len, ==, 1);

  /* Activating it opens the client. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "show-client", g_variant_new_string (failed[0]));
  check[0] = f.view;
  check[1] = (gpointer) pd_organization_get_name (PD_ORGANIZATION (organization));
  pd_ui_test_wait_for (title_is, check, "the client page");

  /* A restart of the session on the same cache announces nothing again. */
  restarted = restart_session (&f);
  pd_alerts_notifier_set_session (notifier, restarted);
  sync_now (restarted);
  g_assert_cmpuint (sent.ids->len, ==, 1);

  /* Many at once: one summary */
  many = pd_alerts_test_fail_backups (f.database, 5);
  sync_now (restarted);
  wait = (SentWait) { &sent, 2 };
  pd_ui_test_wait_for (sent_n, &wait, "the summary");
  pd_ui_test_wait_frames (20);
  g_assert_cmpuint (sent.ids->len, ==, 2);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (sent.ids, 1), "summary:"));

  pd_alerts_notifier_set_session (notifier, NULL);
  pd_session_stop (restarted);
  g_clear_object (&notifier);
  gtk_application_remove_window (app, f.window);
  fixture_tear_down (&f);
  g_ptr_array_unref (sent.ids);
}

/* With background notifications on, the last window closing keeps the application (held)
 * and its session; off, or without a session, it does not. A new window releases it. */
static void
test_background (void)
{
  Fixture f = { 0 };
  g_autoptr(GtkApplication) app = NULL;
  g_autoptr(PdAlertsNotifier) notifier = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;

  if (!fixture_set_up (&f))
    {
      g_test_skip ("No test keyring");
      return;
    }
  settings = g_settings_new ("io.github.partnerdesk.PartnerDesk");
  app = gtk_application_new ("io.github.partnerdesk.PartnerDesk.BackgroundTest", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  notifier = pd_alerts_notifier_new (app, settings);

  g_settings_set_boolean (settings, "background-notifications", TRUE);
  g_assert_false (pd_alerts_notifier_keep_running (notifier));   /* no session */
  pd_alerts_notifier_set_session (notifier, f.test->session);
  g_settings_set_boolean (settings, "background-notifications", FALSE);
  g_assert_false (pd_alerts_notifier_keep_running (notifier));
  g_settings_set_boolean (settings, "background-notifications", TRUE);
  g_assert_true (pd_alerts_notifier_keep_running (notifier));
  /* Asked again while held: still one hold, released once by the next window. */
  g_assert_true (pd_alerts_notifier_keep_running (notifier));
  gtk_application_add_window (app, f.window);
  gtk_application_remove_window (app, f.window);
  g_assert_true (pd_alerts_notifier_keep_running (notifier));
  /* Turned off while running without a window: the hold goes, the application may end. */
  g_settings_set_boolean (settings, "background-notifications", FALSE);

  pd_alerts_notifier_set_session (notifier, NULL);
  g_clear_object (&notifier);
  fixture_tear_down (&f);
}

/* ---- opening the client a notification is about ------------------------------------- */

static gboolean
popover_closed (gpointer data)
{
  return !gtk_widget_get_mapped (data);
}

/* Enter on a row (what a click does too: the list activates on one click) opens the client
 * it is about and closes the popover; a partner-wide row opens nothing. */
static void
test_open_client (void)
{
  Fixture f = { 0 };
  PdAlertsButton *button;
  GtkPopover *popover;
  g_autoptr(GPtrArray) rows = NULL;
  PdAlertsRow *about = NULL;
  PdAlertsRow *partner_wide = NULL;
  PdResource *organization;
  g_autofree char *title = NULL;
  gpointer check[2];

  if (!fixture_set_up (&f))
    {
      g_test_skip ("No test keyring");
      return;
    }
  button = PD_ALERTS_BUTTON (pd_ui_test_find_type (GTK_WIDGET (f.view), PD_TYPE_ALERTS_BUTTON));
  popover = pd_alerts_button_get_popover (button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (pd_ui_test_find_type (GTK_WIDGET (button), GTK_TYPE_MENU_BUTTON)));
  pd_ui_test_wait_for (popover_mapped, popover, "the popover to open");
  pd_ui_test_wait_frames (10);
  rows = pd_ui_test_find_all_type (GTK_WIDGET (popover), PD_TYPE_ALERTS_ROW);
  for (guint i = 0; i < rows->len; i++)
    {
      PdAlertsRow *row = g_ptr_array_index (rows, i);
      gboolean opens = pd_in_app_notification_get_organization_id (pd_alerts_row_get_item (row)) != NULL;

      g_assert_true (pd_alerts_row_opens_client (row) == opens);
      g_assert_true (gtk_widget_get_visible (pd_ui_test_find_id (GTK_WIDGET (row), "open_icon")) == opens);
      if (opens && about == NULL)
        about = row;
      else if (!opens && partner_wide == NULL)
        partner_wide = row;
    }
  g_assert_nonnull (about);
  g_assert_nonnull (partner_wide);

  /* The row's parent is the list's item widget, whose activation is Enter's. */
  title = g_strdup (pd_session_view_get_title (f.view));
  gtk_widget_activate (gtk_widget_get_parent (GTK_WIDGET (partner_wide)));
  pd_ui_test_wait_frames (10);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  g_assert_cmpstr (pd_session_view_get_title (f.view), ==, title);

  organization = pd_resource_list_lookup (PD_RESOURCE_LIST (pd_session_get_organizations (f.test->session)),
                                          pd_in_app_notification_get_organization_id (pd_alerts_row_get_item (about)));
  g_assert_nonnull (organization);
  gtk_widget_activate (gtk_widget_get_parent (GTK_WIDGET (about)));
  pd_ui_test_wait_for (popover_closed, popover, "the popover to close");
  check[0] = f.view;
  check[1] = (gpointer) pd_organization_get_name (PD_ORGANIZATION (organization));
  pd_ui_test_wait_for (title_is, check, "the client page");
  pd_ui_test_screenshot (GTK_WIDGET (f.window), "notifications-opened-client");
  fixture_tear_down (&f);
}

int
main (int   argc,
      char *argv[])
{
  pd_ui_test_init (&argc, &argv);

  g_test_add_func ("/alerts/popover", test_popover);
  g_test_add_func ("/alerts/offline", test_offline);
  g_test_add_func ("/alerts/desktop", test_desktop);
  g_test_add_func ("/alerts/background", test_background);
  g_test_add_func ("/alerts/open-client", test_open_client);

  return g_test_run ();
}

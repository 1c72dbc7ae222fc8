/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The service authorization wizard against the reference portal. Tests cannot run a
 * browser: the wizard's URI opener is replaced by one that records the address, and the
 * test plays the tenant's admin by posting the portal's consent form, as a browser would. */
#include "config.h"

#include <sqlite3.h>

#include "pd-authorize-scopes.h"
#include "pd-authorize-watch.h"
#include "pd-authorize-wizard.h"
#include "pd-models.h"
#include "pd-outbox.h"
#include "pd-seat-picker.h"
#include "pd-seat-picker-row.h"
#include "pd-ui-test.h"

static PdUiTestSession *test;
static char *dir;
static char *database;
static char *listen_address;
static GPtrArray *used;   /* services a test already took */

typedef struct
{
  char *organization_id;
  char *service_id;
} Target;

static void
target_clear (Target *target)
{
  g_clear_pointer (&target->organization_id, g_free);
  g_clear_pointer (&target->service_id, g_free);
}

/* A service not authorized (yet, or any more), of a client the partner manages (not resells) */
/* @fresh: never authorized, so its seats are all open after the consent */
static Target
pick_service (gboolean fresh)
{
  GListModel *organizations = pd_session_get_organizations (test->session);
  Target target = { 0 };

  for (guint i = 0; target.service_id == NULL && i < g_list_model_get_n_items (organizations); i++)
    {
      g_autoptr(PdOrganization) organization = g_list_model_get_item (organizations, i);
      GListModel *services = G_LIST_MODEL (pd_organization_get_services (organization));

      if (pd_organization_get_relationship (organization) != PD_RELATIONSHIP_MSP ||
          pd_organization_get_status (organization) != PD_ORGANIZATION_STATUS_ACTIVE || services == NULL)
        continue;
      for (guint j = 0; target.service_id == NULL && j < g_list_model_get_n_items (services); j++)
        {
          g_autoptr(PdService) service = g_list_model_get_item (services, j);
          const char *id = pd_resource_get_id (PD_RESOURCE (service));

          PdAuthorizationState state = pd_service_get_authorization_state (service);

          if ((state != PD_AUTHORIZATION_STATE_UNAUTHORIZED && (fresh || state != PD_AUTHORIZATION_STATE_CONSENT_LOST)) ||
              g_ptr_array_find_with_equal_func (used, id, g_str_equal, NULL))
            continue;
          g_ptr_array_add (used, g_strdup (id));
          target.organization_id = g_strdup (pd_resource_get_id (PD_RESOURCE (organization)));
          target.service_id = g_strdup (id);
        }
    }
  g_assert_nonnull (target.service_id);
  return target;
}

/* ---- the wizard, as a user drives it ------------------------------------------------- */

typedef struct
{
  GtkWidget *window;
  char      *last_uri;
  guint      n_opened;
} Wizard;

static void
record_uri (const char *uri,
            gpointer    user_data)
{
  Wizard *wizard = user_data;

  g_free (wizard->last_uri);
  wizard->last_uri = g_strdup (uri);
  wizard->n_opened++;
}

static Wizard *
wizard_open (Target *target)
{
  Wizard *wizard = g_new0 (Wizard, 1);

  wizard->window = pd_authorize_wizard_new (NULL, test->session, target->organization_id, target->service_id);
  pd_authorize_wizard_set_uri_opener (PD_AUTHORIZE_WIZARD (wizard->window), record_uri, wizard);
  gtk_window_set_default_size (GTK_WINDOW (wizard->window), 560, 640);
  gtk_window_present (GTK_WINDOW (wizard->window));
  return wizard;
}

static void
wizard_close (Wizard *wizard)
{
  gtk_window_close (GTK_WINDOW (wizard->window));
  pd_ui_test_wait_frames (2);
  g_free (wizard->last_uri);
  g_free (wizard);
}

static GtkWidget *
find (Wizard     *wizard,
      const char *id)
{
  GtkWidget *widget = pd_ui_test_find_id (wizard->window, id);

  g_assert_nonnull (widget);
  return widget;
}

static gboolean
message_shown (gpointer data)
{
  Wizard *wizard = data;

  return gtk_revealer_get_reveal_child (GTK_REVEALER (find (wizard, "message_revealer")));
}

typedef struct
{
  Wizard     *wizard;
  const char *page;
} PageWait;

static gboolean
page_is (gpointer data)
{
  PageWait *wait = data;
  GtkStack *stack = GTK_STACK (find (wait->wizard, "stack"));
  static char *said;
  const char *message = gtk_label_get_label (GTK_LABEL (find (wait->wizard, "message_label")));

  /* What the wizard said on the way, for the log of a failure */
  if (message_shown (wait->wizard) && g_strcmp0 (said, message) != 0)
    {
      g_free (said);
      said = g_strdup (message);
      g_test_message ("The wizard says: %s", message);
    }
  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), wait->page) == 0 &&
         !gtk_widget_get_visible (find (wait->wizard, "busy_spinner"));
}

static void
wait_page (Wizard     *wizard,
           const char *page)
{
  PageWait wait = { wizard, page };

  pd_ui_test_wait_for (page_is, &wait, page);
}

static void
next (Wizard *wizard)
{
  g_assert_true (gtk_widget_activate_action (wizard->window, "wizard.next", NULL));
}

static gboolean
new_link_shown (gpointer data)
{
  Wizard *wizard = data;

  return gtk_widget_get_visible (find (wizard, "new_link_button"));
}

static gboolean
waiting_note_shown (gpointer data)
{
  Wizard *wizard = data;

  return gtk_widget_get_visible (find (wizard, "waiting_note"));
}

static const char *
status_title (Wizard     *wizard,
              const char *id)
{
  return adw_status_page_get_title (ADW_STATUS_PAGE (find (wizard, id)));
}

static gboolean
picker_loaded (gpointer data)
{
  Wizard *wizard = data;
  GtkWidget *picker = pd_ui_test_find_type (wizard->window, PD_TYPE_SEAT_PICKER);
  g_autoptr(GPtrArray) rows = NULL;

  if (picker == NULL || !gtk_widget_is_sensitive (pd_ui_test_find_id (picker, "list_view")))
    return FALSE;
  rows = pd_ui_test_find_all_type (picker, PD_TYPE_SEAT_PICKER_ROW);
  return rows->len >= 2;
}

/* Ticks the first @n rows the picker shows, as a user clicks them */
static void
tick_accounts (Wizard *wizard,
               guint   n)
{
  g_autoptr(GPtrArray) rows = NULL;

  pd_ui_test_wait_for (picker_loaded, wizard, "the seat picker's accounts");
  rows = pd_ui_test_find_all_type (wizard->window, PD_TYPE_SEAT_PICKER_ROW);
  for (guint i = 0; n > 0 && i < rows->len; i++)
    {
      GtkWidget *check = pd_ui_test_find_type (g_ptr_array_index (rows, i), GTK_TYPE_CHECK_BUTTON);

      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)) || !gtk_widget_is_sensitive (check))
        continue;
      gtk_widget_activate (check);
      g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
      n--;
    }
  g_assert_cmpuint (n, ==, 0);
}

static PdSeatPicker *
picker (Wizard *wizard)
{
  return PD_SEAT_PICKER (pd_ui_test_find_type (wizard->window, PD_TYPE_SEAT_PICKER));
}

/* ---- the portal, as the tenant's admin and the clock ---------------------------------- */

static guint
post_decision (const char *consent_url,
               const char *decision)
{
  g_autoptr(SoupSession) soup = soup_session_new ();
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *form = soup_form_encode ("decision", decision, NULL);

  msg = soup_message_new_from_encoded_form ("POST", consent_url, g_steal_pointer (&form));
  body = soup_session_send_and_read (soup, msg, NULL, &error);
  g_assert_no_error (error);
  return soup_message_get_status (msg);
}

/* The consent link's hour is up: what an hour of waiting does, without the hour. */
static void
expire_consent (const char *service_id)
{
  sqlite3 *db = NULL;
  char *message = NULL;
  g_autofree char *sql = NULL;
  gint64 id = g_ascii_strtoll (service_id + strlen ("svc_"), NULL, 10);

  g_assert_cmpint (sqlite3_open (database, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  sql = g_strdup_printf ("UPDATE authorization_tokens SET expires_at = '2000-01-01T00:00:00.000Z' "
                         "WHERE service_id = %" G_GINT64_FORMAT " AND kind = 'consent';"
                         "UPDATE service_authorizations SET version = version + 1 WHERE service_id = %" G_GINT64_FORMAT,
                         id, id);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, &message), ==, SQLITE_OK);
  sqlite3_free (message);
  sqlite3_close (db);
}

static PdService *
session_service (Target *target)
{
  GListModel *organizations = pd_session_get_organizations (test->session);
  PdResource *organization = pd_resource_list_lookup (PD_RESOURCE_LIST (organizations), target->organization_id);

  g_assert_nonnull (organization);
  return PD_SERVICE (pd_resource_list_lookup (pd_organization_get_services (PD_ORGANIZATION (organization)),
                                              target->service_id));
}

typedef struct
{
  Target              *target;
  PdAuthorizationState state;
} StateWait;

static gboolean
tile_state_is (gpointer data)
{
  StateWait *wait = data;

  return pd_service_get_authorization_state (session_service (wait->target)) == wait->state;
}

/* ---- tests ---------------------------------------------------------------------------- */

/* Agreement, permissions, consent approved on the portal's page, summary; the tile follows. */
static void
test_authorize_self_path (void)
{
  Target target = pick_service (TRUE);
  Wizard *wizard = wizard_open (&target);
  PdAuthorizeScopes *scopes;
  GPtrArray *checks;
  StateWait state = { &target, PD_AUTHORIZATION_STATE_AUTHORIZED };
  guint n_optional = 0;
  guint n_before;
  g_autofree char *protected_text = NULL;

  wait_page (wizard, "agreement");
  g_assert_false (gtk_widget_get_visible (find (wizard, "back_button")));
  /* Next needs the box ticked */
  g_assert_false (gtk_widget_get_sensitive (find (wizard, "next_button")));
  gtk_widget_activate (find (wizard, "document_row"));
  g_assert_nonnull (strstr (wizard->last_uri, "/agreements/"));
  pd_ui_test_screenshot (wizard->window, "authorize-agreement");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find (wizard, "accept_check")), TRUE);
  g_assert_true (gtk_widget_get_sensitive (find (wizard, "next_button")));
  next (wizard);

  wait_page (wizard, "scopes");
  scopes = PD_AUTHORIZE_SCOPES (find (wizard, "scopes"));
  checks = pd_ui_test_find_all_type (GTK_WIDGET (scopes), GTK_TYPE_CHECK_BUTTON);
  g_assert_cmpuint (checks->len, >, 0);
  for (guint i = 0; i < checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (checks, i);

      /* required: checked and fixed; optional: free, unchecked at first */
      if (!gtk_widget_get_sensitive (GTK_WIDGET (check)))
        g_assert_true (gtk_check_button_get_active (check));
      else
        {
          g_assert_false (gtk_check_button_get_active (check));
          if (n_optional++ == 0)
            gtk_check_button_set_active (check, TRUE);
        }
    }
  g_ptr_array_unref (checks);
  g_assert_cmpuint (n_optional, >, 0);
  pd_ui_test_screenshot (wizard->window, "authorize-scopes");
  next (wizard);

  wait_page (wizard, "waiting");
  g_assert_nonnull (wizard->last_uri);
  g_assert_nonnull (strstr (wizard->last_uri, "/consent/"));
  g_assert_cmpstr (status_title (wizard, "waiting_page"), ==, "Waiting for Consent");
  pd_ui_test_screenshot (wizard->window, "authorize-waiting");
  g_assert_true (gtk_widget_activate_action (wizard->window, "wizard.open-link", NULL));
  g_assert_cmpuint (wizard->n_opened, ==, 3);

  g_assert_cmpuint (post_decision (wizard->last_uri, "approve"), ==, 200);
  wait_page (wizard, "seats");
  pd_ui_test_wait_for (tile_state_is, &state, "the tile to show the service authorized");
  pd_ui_test_wait_for (picker_loaded, wizard, "the seat picker's accounts");
  n_before = pd_seat_picker_get_n_selected (picker (wizard));
  tick_accounts (wizard, 2);
  g_assert_cmpuint (pd_seat_picker_get_n_selected (picker (wizard)), ==, n_before + 2);
  protected_text = g_strdup_printf ("%u accounts are protected", n_before + 2);
  pd_ui_test_screenshot (wizard->window, "authorize-seats");
  next (wizard);
  wait_page (wizard, "summary");
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (find (wizard, "summary_page"))),
                            "is authorized"));
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (find (wizard, "summary_page"))),
                            protected_text));
  pd_ui_test_screenshot (wizard->window, "authorize-summary");
  next (wizard);
  pd_ui_test_wait_frames (2);
  g_free (wizard->last_uri);
  g_free (wizard);
  target_clear (&target);
}

static Wizard *
wizard_to_waiting (Target *target)
{
  Wizard *wizard = wizard_open (target);

  wait_page (wizard, "agreement");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find (wizard, "accept_check")), TRUE);
  next (wizard);
  wait_page (wizard, "scopes");
  next (wizard);
  wait_page (wizard, "waiting");
  return wizard;
}

/* Deny: the wizard says so and a new link is one click away. */
static void
test_authorize_denied (void)
{
  Target target = pick_service (FALSE);
  Wizard *wizard = wizard_to_waiting (&target);
  g_autofree char *first = g_strdup (wizard->last_uri);

  g_assert_cmpuint (post_decision (first, "deny"), ==, 200);
  pd_ui_test_wait_for (new_link_shown, wizard, "the denial");
  g_assert_cmpstr (status_title (wizard, "waiting_page"), ==, "Consent Denied");
  g_assert_false (gtk_widget_get_visible (find (wizard, "link_box")));
  /* a phone-sized window still shows the whole step */
  gtk_window_set_default_size (GTK_WINDOW (wizard->window), 360, 640);
  pd_ui_test_wait_frames (10);
  g_assert_cmpint (gtk_widget_get_width (wizard->window), <=, 360);
  pd_ui_test_screenshot (wizard->window, "authorize-denied-narrow");

  g_assert_true (gtk_widget_activate_action (wizard->window, "wizard.new-link", NULL));
  wait_page (wizard, "waiting");
  g_assert_false (gtk_widget_get_visible (find (wizard, "new_link_button")));
  g_assert_cmpstr (wizard->last_uri, !=, first);
  g_assert_cmpstr (status_title (wizard, "waiting_page"), ==, "Waiting for Consent");
  wizard_close (wizard);
  target_clear (&target);
}

/* The link's hour passes: the wizard says so and asks for a new one, which works. */
static void
test_authorize_expired (void)
{
  Target target = pick_service (FALSE);
  Wizard *wizard = wizard_to_waiting (&target);

  expire_consent (target.service_id);
  pd_ui_test_wait_for (new_link_shown, wizard, "the expiry");
  g_assert_cmpstr (status_title (wizard, "waiting_page"), ==, "The Link Expired");
  g_assert_true (gtk_widget_activate_action (wizard->window, "wizard.new-link", NULL));
  wait_page (wizard, "waiting");
  g_assert_cmpstr (status_title (wizard, "waiting_page"), ==, "Waiting for Consent");
  g_assert_cmpuint (post_decision (wizard->last_uri, "approve"), ==, 200);
  wait_page (wizard, "seats");
  wizard_close (wizard);
  target_clear (&target);
}

/* Closing midway: the portal's state and the draft bring the wizard back to the same step
 * with the same choices. */
static void
test_authorize_resume (void)
{
  Target target = pick_service (TRUE);
  Wizard *wizard = wizard_open (&target);
  g_autoptr(GPtrArray) checks = NULL;
  g_auto(GStrv) optional = NULL;
  g_autofree char *chosen = NULL;
  guint n_selected;

  wait_page (wizard, "agreement");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find (wizard, "accept_check")), TRUE);
  next (wizard);
  wait_page (wizard, "scopes");
  checks = pd_ui_test_find_all_type (find (wizard, "scopes"), GTK_TYPE_CHECK_BUTTON);
  for (guint i = checks->len; i > 0; i--)
    if (gtk_widget_get_sensitive (g_ptr_array_index (checks, i - 1)))
      {
        gtk_check_button_set_active (g_ptr_array_index (checks, i - 1), TRUE);
        break;
      }
  optional = pd_authorize_scopes_dup_optional (PD_AUTHORIZE_SCOPES (find (wizard, "scopes")));
  g_assert_cmpuint (g_strv_length (optional), ==, 1);
  chosen = g_strdup (optional[0]);
  wizard_close (wizard);

  /* reopened: the permissions step, the optional choice kept */
  wizard = wizard_open (&target);
  wait_page (wizard, "scopes");
  g_clear_pointer (&optional, g_strfreev);
  optional = pd_authorize_scopes_dup_optional (PD_AUTHORIZE_SCOPES (find (wizard, "scopes")));
  g_assert_cmpuint (g_strv_length (optional), ==, 1);
  g_assert_cmpstr (optional[0], ==, chosen);
  next (wizard);
  wait_page (wizard, "waiting");
  wizard_close (wizard);

  /* reopened while the link is valid: waiting again, without opening the browser again */
  wizard = wizard_open (&target);
  wait_page (wizard, "waiting");
  g_assert_cmpstr (status_title (wizard, "waiting_page"), ==, "Waiting for Consent");
  g_assert_cmpuint (wizard->n_opened, ==, 0);
  g_assert_true (gtk_widget_activate_action (wizard->window, "wizard.open-link", NULL));
  g_assert_cmpuint (post_decision (wizard->last_uri, "approve"), ==, 200);
  wait_page (wizard, "seats");
  pd_ui_test_wait_for (picker_loaded, wizard, "the seat picker's accounts");
  tick_accounts (wizard, 1);
  n_selected = pd_seat_picker_get_n_selected (picker (wizard));
  wizard_close (wizard);

  /* reopened once authorized: the seats, with the selection kept */
  wizard = wizard_open (&target);
  wait_page (wizard, "seats");
  pd_ui_test_wait_for (picker_loaded, wizard, "the seat picker's accounts");
  g_assert_cmpuint (pd_seat_picker_get_n_selected (picker (wizard)), ==, n_selected);
  next (wizard);
  wait_page (wizard, "summary");
  wizard_close (wizard);
  target_clear (&target);
}

static void
restart_portal (void)
{
  test->portal = pd_test_portal_start_with_db (database, (const char *[]) { "--listen", listen_address, NULL });
}

/* The portal goes away mid-step: the step waits in the outbox and says so, and goes on when
 * the portal is back; while waiting for consent, the wizard says it cannot reach the portal
 * and keeps checking. */
static void
test_authorize_portal_gone (void)
{
  Target target = pick_service (FALSE);
  Wizard *wizard = wizard_open (&target);

  wait_page (wizard, "agreement");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find (wizard, "accept_check")), TRUE);
  g_clear_pointer (&test->portal, pd_test_portal_kill);
  next (wizard);
  pd_ui_test_wait_for (message_shown, wizard, "the step to be queued");
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (find (wizard, "message_label"))), "portal cannot be reached"));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (find (wizard, "accept_check"))));
  restart_portal ();
  wait_page (wizard, "scopes");
  next (wizard);
  wait_page (wizard, "waiting");

  g_clear_pointer (&test->portal, pd_test_portal_kill);
  pd_ui_test_wait_for (waiting_note_shown, wizard, "the wizard to say the portal is gone");
  pd_ui_test_screenshot (wizard->window, "authorize-waiting-offline");
  restart_portal ();
  g_assert_cmpuint (post_decision (wizard->last_uri, "approve"), ==, 200);
  wait_page (wizard, "seats");
  wizard_close (wizard);

  /* opened while the portal is away: said so, with Retry */
  g_clear_pointer (&test->portal, pd_test_portal_kill);
  wizard = wizard_open (&target);
  wait_page (wizard, "error");
  g_assert_cmpstr (status_title (wizard, "error_page"), ==, "The Portal Cannot Be Reached");
  g_assert_true (gtk_widget_get_visible (find (wizard, "retry_button")));
  restart_portal ();
  g_assert_true (gtk_widget_activate_action (wizard->window, "wizard.retry", NULL));
  wait_page (wizard, "seats");
  wizard_close (wizard);
  target_clear (&target);
}

/* A reseller relationship cannot take this path: the wizard says why before any step. */
static void
test_authorize_reseller (void)
{
  GListModel *organizations = pd_session_get_organizations (test->session);
  Target target = { 0 };
  Wizard *wizard;

  for (guint i = 0; target.service_id == NULL && i < g_list_model_get_n_items (organizations); i++)
    {
      g_autoptr(PdOrganization) organization = g_list_model_get_item (organizations, i);
      GListModel *services = G_LIST_MODEL (pd_organization_get_services (organization));

      if (pd_organization_get_relationship (organization) == PD_RELATIONSHIP_RESELLER &&
          services != NULL && g_list_model_get_n_items (services) > 0)
        {
          g_autoptr(PdService) service = g_list_model_get_item (services, 0);

          target.organization_id = g_strdup (pd_resource_get_id (PD_RESOURCE (organization)));
          target.service_id = g_strdup (pd_resource_get_id (PD_RESOURCE (service)));
        }
    }
  if (target.service_id == NULL)
    {
      g_test_skip ("no reseller client in the demo data");
      return;
    }
  wizard = wizard_open (&target);
  wait_page (wizard, "error");
  g_assert_cmpstr (status_title (wizard, "error_page"), ==, "Only the Client’s Admin Can Authorize");
  g_assert_false (gtk_widget_get_visible (find (wizard, "retry_button")));
  wizard_close (wizard);
  target_clear (&target);
}

/* A role without services.authorize is told so before any step. */
static void
test_authorize_not_allowed (void)
{
  g_autoptr(PdUiTestSession) technician = pd_ui_test_session_new ((const char *[]) { "--seed", "5", NULL }, "technician");
  GListModel *organizations;
  g_autoptr(PdOrganization) organization = NULL;
  g_autoptr(PdService) service = NULL;
  PdAuthorizeWizard *window;
  GtkWidget *stack;

  if (technician == NULL)
    return;
  organizations = pd_session_get_organizations (technician->session);
  organization = g_list_model_get_item (organizations, 0);
  service = g_list_model_get_item (G_LIST_MODEL (pd_organization_get_services (organization)), 0);
  window = PD_AUTHORIZE_WIZARD (pd_authorize_wizard_new (NULL, technician->session,
                                                         pd_resource_get_id (PD_RESOURCE (organization)),
                                                         pd_resource_get_id (PD_RESOURCE (service))));
  gtk_window_present (GTK_WINDOW (window));
  stack = pd_ui_test_find_id (GTK_WIDGET (window), "stack");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "error");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (pd_ui_test_find_id (GTK_WIDGET (window), "error_page"))),
                   ==, "Authorizing Is Not Allowed");
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (pd_ui_test_find_id (GTK_WIDGET (window), "error_page"))),
                            "Technician"));
  gtk_window_close (GTK_WINDOW (window));
  pd_ui_test_wait_frames (2);
}

static void
test_authorize_backoff (void)
{
  g_assert_cmpuint (pd_authorize_watch_backoff_ms (0), ==, 1000);
  g_assert_cmpuint (pd_authorize_watch_backoff_ms (1), ==, 1500);
  g_assert_cmpuint (pd_authorize_watch_backoff_ms (100), ==, 10000);
  for (guint i = 0; i < 20; i++)
    g_assert_cmpuint (pd_authorize_watch_backoff_ms (i), <=, pd_authorize_watch_backoff_ms (i + 1));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GUri) uri = NULL;
  int status;

  pd_ui_test_init (&argc, &argv);
  dir = g_dir_make_tmp ("pd-authorize-XXXXXX", NULL);
  database = g_build_filename (dir, "portal.db", NULL);
  test = pd_ui_test_session_new ((const char *[]) { "--seed", "60", "--database", database, NULL }, "owner");
  if (test == NULL)
    return g_test_run ();
  uri = g_uri_parse (pd_test_portal_get_url (test->portal), G_URI_FLAGS_NONE, NULL);
  listen_address = g_strdup_printf ("127.0.0.1:%d", g_uri_get_port (uri));
  /* The portal going away is part of the tests: fail fast, retry soon. */
  pd_portal_client_set_retry_limits (pd_session_get_client (test->session), 1, 2);
  pd_outbox_set_retry_delays (pd_session_get_outbox (test->session), 50, 200);
  used = g_ptr_array_new_with_free_func (g_free);

  g_test_add_func ("/authorize/backoff", test_authorize_backoff);
  g_test_add_func ("/authorize/self-path", test_authorize_self_path);
  g_test_add_func ("/authorize/denied", test_authorize_denied);
  g_test_add_func ("/authorize/expired", test_authorize_expired);
  g_test_add_func ("/authorize/resume", test_authorize_resume);
  g_test_add_func ("/authorize/portal-gone", test_authorize_portal_gone);
  g_test_add_func ("/authorize/reseller", test_authorize_reseller);
  g_test_add_func ("/authorize/not-allowed", test_authorize_not_allowed);
  status = g_test_run ();

  g_ptr_array_unref (used);
  pd_ui_test_session_free (test);
  pd_session_test_remove_tree (dir);
  g_free (listen_address);
  g_free (database);
  g_free (dir);
  return status;
}

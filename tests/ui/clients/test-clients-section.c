/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A client's section as the list recycles it: bound, updated in place (the organization,
 * its services, a new service), unbound (nothing followed any more), bound to another. */

#include "config.h"

#include "clients-test-orgs.h"
#include "pd-client-section.h"
#include "pd-service-tile.h"
#include "pd-ui-test.h"

static const Org harbor = {
  "org_1", "Harbor Dental Group", "harbor-dental.example", "active", "backup", "msp", "ok", "mapped",
  { { "exchange", "partner", "authorized", "success", 100, 50, 0, "2026-11-20T10:00:00Z" },
    { "onedrive", "partner", "authorized", "failed", 100, 40, 3, "2026-11-18T10:00:00Z" } } };

static const Org bright = {
  "org_4", "Bright Path Academy", "bright-path.example", "active", "backup", "reseller", "ok", "mapped",
  { { "gmail", "co_managed", "authorized", "success", 300, 330, 0, "2026-11-19T10:00:00Z" } } };

static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  return pd_ui_test_find_label (root, text) != NULL;
}

static void
test_recycling (void)
{
  g_autoptr(PdOrganization) org = clients_test_make_organization (&harbor);
  g_autoptr(PdOrganization) other = clients_test_make_organization (&bright);
  g_autoptr(PdOrganization) update = NULL;
  Org changed = harbor;
  GtkWidget *section = pd_client_section_new ();
  GtkWindow *window = pd_ui_test_window_new (section, 900, 500);
  GtkWidget *tile;

  pd_client_section_set_organization (PD_CLIENT_SECTION (section), org);
  pd_ui_test_wait_frames (3);
  g_assert_true (has_label (section, "Harbor Dental Group"));
  g_assert_true (has_label (section, "Partner-managed"));
  g_assert_false (has_label (section, "Needs authentication"));
  g_assert_cmpuint (pd_client_section_get_n_tiles (PD_CLIENT_SECTION (section)), ==, 2);
  tile = pd_client_section_get_tile (PD_CLIENT_SECTION (section), 1);
  g_assert_null (pd_service_tile_get_locked_reason (PD_SERVICE_TILE (tile)));

  /* In place, as a sync does: name, credentials, mapping, a service's mode, one more service */
  changed.name = "Harbor Dental & Co";
  changed.credential = "needs_authentication";
  changed.mapping = "unmapped";
  changed.services[0].mode = "client";
  changed.services[2] = (Svc) { "teams", "partner", "unauthorized", "never_run", 0, 0, 0, NULL };
  update = clients_test_make_organization (&changed);
  pd_resource_update (PD_RESOURCE (org), PD_RESOURCE (update));
  pd_ui_test_wait_frames (3);
  g_assert_true (has_label (section, "Harbor Dental &amp; Co") || has_label (section, "Harbor Dental & Co"));
  g_assert_true (has_label (section, "Needs authentication"));
  g_assert_true (has_label (section, "Unmapped"));
  g_assert_true (has_label (section, "Client-managed"));
  g_assert_cmpuint (pd_client_section_get_n_tiles (PD_CLIENT_SECTION (section)), ==, 3);
  /* The first tile still shows the same (updated) service object */
  {
    g_autoptr(PdService) first = g_list_model_get_item (G_LIST_MODEL (pd_organization_get_services (org)), 0);

    g_assert_true (pd_service_tile_get_service (PD_SERVICE_TILE (pd_client_section_get_tile (PD_CLIENT_SECTION (section), 0))) == first);
  }

  /* Unbound: a later change of the old organization no longer reaches the row */
  pd_client_section_set_organization (PD_CLIENT_SECTION (section), NULL);
  g_assert_cmpuint (pd_client_section_get_n_tiles (PD_CLIENT_SECTION (section)), ==, 0);
  {
    g_autoptr(PdOrganization) back = clients_test_make_organization (&harbor);

    pd_resource_update (PD_RESOURCE (org), PD_RESOURCE (back));
    g_assert_cmpuint (pd_client_section_get_n_tiles (PD_CLIENT_SECTION (section)), ==, 0);
  }

  /* Rebound to a reseller client: fewer tiles (the spare is kept, hidden), all locked */
  pd_client_section_set_organization (PD_CLIENT_SECTION (section), other);
  pd_ui_test_wait_frames (3);
  g_assert_true (has_label (section, "Bright Path Academy"));
  g_assert_false (has_label (section, "Harbor"));
  g_assert_true (has_label (section, "Co-managed"));
  g_assert_false (has_label (section, "Needs authentication"));
  g_assert_cmpuint (pd_client_section_get_n_tiles (PD_CLIENT_SECTION (section)), ==, 1);
  tile = pd_client_section_get_tile (PD_CLIENT_SECTION (section), 0);
  g_assert_cmpstr (pd_service_tile_get_locked_reason (PD_SERVICE_TILE (tile)), ==, "Reseller relationship: metrics only");
  g_assert_null (pd_client_section_get_tile (PD_CLIENT_SECTION (section), 1));

  /* A role without the permission locks an MSP client's tiles too, with the reason */
  pd_client_section_set_organization (PD_CLIENT_SECTION (section), org);
  pd_client_section_set_role_lock (PD_CLIENT_SECTION (section), "Your role cannot open client data (needs “accounts.read”)");
  tile = pd_client_section_get_tile (PD_CLIENT_SECTION (section), 0);
  g_assert_cmpstr (pd_service_tile_get_locked_reason (PD_SERVICE_TILE (tile)), ==,
                   "Your role cannot open client data (needs “accounts.read”)");
  pd_client_section_set_role_lock (PD_CLIENT_SECTION (section), NULL);
  g_assert_null (pd_service_tile_get_locked_reason (PD_SERVICE_TILE (tile)));
  pd_client_section_set_organization (PD_CLIENT_SECTION (section), NULL);
  pd_ui_test_window_destroy (window);
}

int
main (int    argc,
      char **argv)
{
  pd_ui_test_init (&argc, &argv);
  g_test_add_func ("/clients/section/recycling", test_recycling);
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tiles for the services of a seeded reference portal: every service the sync brings shows
 * its state, and a change made on the portal reaches a shown tile through a delta sync. */
#include "config.h"

#include "pd-badge-state.h"
#include "pd-organization.h"
#include "pd-outbox.h"
#include "pd-seat-gauge.h"
#include "pd-service-tile.h"
#include "pd-status-badge.h"
#include "pd-sync-engine.h"
#include "pd-ui-test.h"

static PdBadgeState
tile_state (GtkWidget *tile)
{
  return pd_status_badge_get_state (PD_STATUS_BADGE (pd_ui_test_find_type (tile, PD_TYPE_STATUS_BADGE)));
}

typedef struct
{
  gboolean  done;
  GError   *error;
} Wait;

static gboolean
wait_done (gpointer data)
{
  return ((Wait *) data)->done;
}

static void
submitted_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Wait *wait = user_data;
  g_autoptr(PdPortalResponse) response = pd_outbox_submit_finish (PD_OUTBOX (source), result, &wait->error);

  wait->done = TRUE;
}

static void
synced_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Wait *wait = user_data;

  pd_sync_engine_sync_finish (PD_SYNC_ENGINE (source), result, &wait->error);
  wait->done = TRUE;
}

static gboolean
tile_paused (gpointer tile)
{
  return tile_state (tile) == PD_BADGE_STATE_PAUSED;
}

static void
test_seeded (void)
{
  const char *args[] = { "--seed", "50", NULL };
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new (args, "owner");
  GtkWidget *box, *scrolled, *target = NULL;
  GListModel *organizations;
  GtkWindow *window;
  guint counts[PD_BADGE_STATE_LAST + 1] = { 0 };
  guint n_tiles = 0, n_states = 0;

  if (test == NULL)
    return;
  organizations = pd_session_get_organizations (test->session);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  for (guint i = 0; i < g_list_model_get_n_items (organizations); i++)
    {
      g_autoptr(PdOrganization) organization = g_list_model_get_item (organizations, i);
      GListModel *services = G_LIST_MODEL (pd_organization_get_services (organization));

      for (guint j = 0; j < g_list_model_get_n_items (services); j++)
        {
          g_autoptr(PdService) service = g_list_model_get_item (services, j);
          GtkWidget *tile = pd_service_tile_new ();
          PdBadgeState state = pd_badge_state_for_service (service);
          g_autofree char *summary = NULL;

          pd_service_tile_set_service (PD_SERVICE_TILE (tile), service);
          gtk_box_append (GTK_BOX (box), tile);
          g_assert_cmpint (tile_state (tile), ==, state);
          summary = pd_service_tile_dup_summary (PD_SERVICE_TILE (tile));
          g_assert_true (strstr (summary, pd_badge_state_get_label (state)) != NULL);
          counts[state]++;
          n_tiles++;
          /* A healthy, authorized one to pause on the portal below */
          if (target == NULL && pd_service_get_authorization_state (service) == PD_AUTHORIZATION_STATE_AUTHORIZED &&
              pd_service_get_backup_status (service) == PD_BACKUP_STATUS_SUCCESS)
            target = tile;
        }
    }
  for (PdBadgeState s = 0; s <= PD_BADGE_STATE_LAST; s++)
    {
      g_test_message ("%-22s %u", pd_badge_state_get_label (s), counts[s]);
      n_states += counts[s] > 0;
    }
  g_test_message ("%u tiles, %u states", n_tiles, n_states);
  g_assert_cmpuint (n_tiles, >=, 50);
  g_assert_cmpuint (counts[PD_BADGE_STATE_UNKNOWN], ==, 0);
  /* The seed has services in every state a badge shows (unknown aside) */
  g_assert_cmpuint (n_states, ==, PD_BADGE_STATE_LAST);
  g_assert_nonnull (target);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  window = pd_ui_test_window_new (scrolled, 400, 600);

  /* Pause it on the portal (through the outbox, like every mutation), then a delta sync
   * updates the service in place and the tile follows */
  {
    PdService *service = pd_service_tile_get_service (PD_SERVICE_TILE (target));
    g_autofree char *path = g_strdup_printf ("/api/v1/organizations/%s/services/%s",
                                             pd_service_get_organization_id (service),
                                             pd_resource_get_id (PD_RESOURCE (service)));
    g_autoptr(JsonNode) body = json_from_string ("{\"paused\": true}", NULL);
    Wait submitted = { 0 }, synced = { 0 };

    pd_outbox_submit_async (pd_session_get_outbox (test->session), "PATCH", path, body,
                            pd_resource_get_etag (PD_RESOURCE (service)), "Pause a service",
                            PD_OUTBOX_FLAG_NONE, NULL, submitted_cb, &submitted);
    pd_ui_test_wait_for (wait_done, &submitted, "the pause to be delivered");
    g_assert_no_error (submitted.error);
    pd_sync_engine_sync_async (pd_session_get_sync_engine (test->session), FALSE, NULL, synced_cb, &synced);
    pd_ui_test_wait_for (wait_done, &synced, "the delta sync");
    g_assert_no_error (synced.error);
    pd_ui_test_wait_for (tile_paused, target, "the tile to show Paused");
    g_assert_true (pd_service_tile_get_service (PD_SERVICE_TILE (target)) == service);
  }
  pd_ui_test_window_destroy (window);
}

int
main (int argc, char **argv)
{
  pd_ui_test_init (&argc, &argv);

  g_test_add_func ("/widgets/tiles-seeded", test_seeded);

  return g_test_run ();
}

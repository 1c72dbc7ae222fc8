/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Clients page's models without a window: the search folding and its cache, each filter
 * criterion and the strictness it reports, each sort order, and saved views through a
 * memory GSettings backend. Organizations are decoded from JSON made here, so each case
 * holds exactly the states it needs. */

#include "config.h"

#include <gtk/gtk.h>

#include "pd-client-figures.h"
#include "pd-clients-filter.h"
#include "pd-clients-sorter.h"
#include "pd-clients-views.h"
#include "pd-models.h"
#include "clients-test-orgs.h"

#define OK_SVC(app, mode, total, managed, when) { app, mode, "authorized", "success", total, managed, 0, when }

static const Org fixture[] = {
  { "org_1", "Harbor Dental Group", "harbor-dental.example", "active", "backup", "msp", "ok", "mapped",
    { OK_SVC ("exchange", "partner", 100, 50, "2026-11-20T10:00:00Z"),
      { "onedrive", "partner", "authorized", "failed", 100, 40, 3, "2026-11-18T10:00:00Z" } } },
  { "org_2", "Bluebird Café SARL", "bluebird-cafe.example", "suspended", "backup", "msp", "ok", "mapped",
    { OK_SVC ("exchange", "client", 10, 10, "2026-11-21T10:00:00Z") } },
  { "org_3", "Seán O’Brien", NULL, "active", "personal", "msp", "needs_authentication", "mapped",
    { OK_SVC ("gmail", "partner", 1, 1, "2026-11-22T10:00:00Z") } },
  { "org_4", "Bright Path Academy", "bright-path.example", "active", "backup", "reseller", "ok", "mapped",
    { OK_SVC ("gmail", "co_managed", 300, 330, "2026-11-19T10:00:00Z") } },
  { "org_5", "Nordlicht Architekten GmbH", "nordlicht.example", "deleted", "archiver", "msp", "ok", "unmapped",
    { { "exchange", "partner", "unauthorized", "never_run", 0, 0, 0, NULL } } },
  { "org_6", "A&B (100%) Tax* Advisors", "ab-tax.example", "unsubscribed", "archiver", "msp", "ok", "mapped",
    { OK_SVC ("exchange", "partner", 20, 5, "2026-11-22T12:00:00Z"),
      { "teams", "partner", "authorized", "running", 20, 5, 0, "2026-11-22T11:00:00Z" } } },
  { "org_7", "harbor view clinic", "view.example", "active", "backup", "msp", "ok", "mapped",
    { { "exchange", "partner", "authorized", "retrying", 50, 25, 0, "2026-11-22T09:00:00Z" } } },
};

static GListStore *
fixture_store (void)
{
  GListStore *store = g_list_store_new (PD_TYPE_ORGANIZATION);

  for (guint i = 0; i < G_N_ELEMENTS (fixture); i++)
    {
      g_autoptr(PdOrganization) org = clients_test_make_organization (&fixture[i]);

      g_list_store_append (store, org);
    }
  return store;
}

/* The ids @filter lets through, in model order, comma-separated */
static char *
shown_ids (GListModel *model)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PdResource) item = g_list_model_get_item (model, i);

      g_string_append_printf (ids, "%s%s", i > 0 ? "," : "", pd_resource_get_id (item));
    }
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static char *
filtered (GListModel      *store,
          PdClientsFilter *filter)
{
  g_autoptr(GtkFilterListModel) model = gtk_filter_list_model_new (g_object_ref (store), g_object_ref (GTK_FILTER (filter)));

  return shown_ids (G_LIST_MODEL (model));
}

#define assert_shown(store, filter, expected) \
  G_STMT_START { g_autofree char *ids_ = filtered (G_LIST_MODEL (store), filter); \
                 g_assert_cmpstr (ids_, ==, expected); } G_STMT_END

static void
test_fold (void)
{
  const struct { const char *in; const char *out; } cases[] = {
    { "Bluebird Café", "bluebird cafe" },
    { "  O’Brien ", "o'brien" },
    { "STRASSE", "strasse" },
    { "Straße", "strasse" },
    { "Ｆｕｌｌ", "full" },          /* compatibility forms */
    { "", "" },
    { NULL, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = pd_client_fold_text (cases[i].in);

      g_assert_cmpstr (folded, ==, cases[i].out);
    }
}

static void
test_search (void)
{
  g_autoptr(GListStore) store = fixture_store ();
  g_autoptr(PdClientsFilter) filter = pd_clients_filter_new ();
  const struct { const char *search; const char *ids; } cases[] = {
    { "", "org_1,org_2,org_3,org_4,org_5,org_6,org_7" },
    { "harbor", "org_1,org_7" },                        /* partial, two matches */
    { "HARBOR d", "org_1" },                            /* case */
    { "cafe", "org_2" },                                /* accent-insensitive */
    { "CAFÉ", "org_2" },
    { "o'brien", "org_3" },                             /* ASCII apostrophe finds the typographic one */
    { "org_5", "org_5" },                               /* id */
    { "ORG_", "org_1,org_2,org_3,org_4,org_5,org_6,org_7" },
    { "bright-path.example", "org_4" },                 /* domain */
    { "path.ex", "org_4" },
    { "A&B (100%) Tax*", "org_6" },                      /* characters with meaning elsewhere */
    { "(100%)", "org_6" },
    { "%", "org_6" },
    { "*", "org_6" },
    { "\\", "" },
    { "example harbor", "" },                           /* never across two fields */
    { "zzz", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      pd_clients_filter_set_search (filter, cases[i].search);
      assert_shown (store, filter, cases[i].ids);
    }
}

/* A renamed organization (in place, as a sync does) is found by its new name. */
static void
test_search_follows_rename (void)
{
  g_autoptr(PdOrganization) org = clients_test_make_organization (&fixture[0]);
  Org renamed = fixture[0];
  g_autoptr(PdOrganization) update = NULL;
  g_autoptr(PdClientsFilter) filter = pd_clients_filter_new ();

  pd_clients_filter_set_search (filter, "group");
  g_assert_true (pd_clients_filter_matches (filter, org));
  renamed.name = "Quayside Dental";
  update = clients_test_make_organization (&renamed);
  pd_resource_update (PD_RESOURCE (org), PD_RESOURCE (update));
  g_assert_false (pd_clients_filter_matches (filter, org));
  pd_clients_filter_set_search (filter, "quayside");
  g_assert_true (pd_clients_filter_matches (filter, org));
}

static GtkFilterChange last_change;
static guint n_changes;

static void
changed_cb (GtkFilter       *filter,
            GtkFilterChange  change)
{
  last_change = change;
  n_changes++;
}

#define assert_change(expected) \
  G_STMT_START { g_assert_cmpuint (n_changes, ==, 1); g_assert_cmpint (last_change, ==, expected); n_changes = 0; } G_STMT_END

static void
test_strictness (void)
{
  g_autoptr(PdClientsFilter) filter = pd_clients_filter_new ();
  guint active = 1u << PD_ORGANIZATION_STATUS_ACTIVE, suspended = 1u << PD_ORGANIZATION_STATUS_SUSPENDED;

  g_signal_connect (filter, "changed", G_CALLBACK (changed_cb), NULL);
  g_assert_cmpint (gtk_filter_get_strictness (GTK_FILTER (filter)), ==, GTK_FILTER_MATCH_ALL);

  pd_clients_filter_set_search (filter, "har");
  assert_change (GTK_FILTER_CHANGE_MORE_STRICT);
  pd_clients_filter_set_search (filter, "Harb");      /* one more letter, another case */
  assert_change (GTK_FILTER_CHANGE_MORE_STRICT);
  pd_clients_filter_set_search (filter, "harb ");     /* folds to the same text: nothing to do */
  g_assert_cmpuint (n_changes, ==, 0);
  pd_clients_filter_set_search (filter, "ha");
  assert_change (GTK_FILTER_CHANGE_LESS_STRICT);
  pd_clients_filter_set_search (filter, "xy");
  assert_change (GTK_FILTER_CHANGE_DIFFERENT);
  pd_clients_filter_set_search (filter, "");
  assert_change (GTK_FILTER_CHANGE_LESS_STRICT);
  g_assert_cmpint (gtk_filter_get_strictness (GTK_FILTER (filter)), ==, GTK_FILTER_MATCH_ALL);

  pd_clients_filter_set_statuses (filter, active);
  assert_change (GTK_FILTER_CHANGE_MORE_STRICT);
  g_assert_true (pd_clients_filter_get_active (filter));
  g_assert_cmpint (gtk_filter_get_strictness (GTK_FILTER (filter)), ==, GTK_FILTER_MATCH_SOME);
  pd_clients_filter_set_statuses (filter, active | suspended);
  assert_change (GTK_FILTER_CHANGE_LESS_STRICT);
  pd_clients_filter_set_statuses (filter, suspended);
  assert_change (GTK_FILTER_CHANGE_MORE_STRICT);
  pd_clients_filter_set_statuses (filter, active);
  assert_change (GTK_FILTER_CHANGE_DIFFERENT);
  pd_clients_filter_set_statuses (filter, active);
  g_assert_cmpuint (n_changes, ==, 0);
  pd_clients_filter_set_statuses (filter, 0);
  assert_change (GTK_FILTER_CHANGE_LESS_STRICT);

  pd_clients_filter_set_problems_only (filter, TRUE);
  assert_change (GTK_FILTER_CHANGE_MORE_STRICT);
  pd_clients_filter_set_needs_authentication (filter, TRUE);
  assert_change (GTK_FILTER_CHANGE_MORE_STRICT);
  pd_clients_filter_set_problems_only (filter, FALSE);
  assert_change (GTK_FILTER_CHANGE_LESS_STRICT);

  /* Clearing is one change, whatever was set, and keeps the search */
  pd_clients_filter_set_search (filter, "x");
  n_changes = 0;
  pd_clients_filter_set_relationships (filter, 1u << PD_RELATIONSHIP_RESELLER);
  pd_clients_filter_set_plan_types (filter, 1u << PD_PLAN_TYPE_BACKUP);
  n_changes = 0;
  pd_clients_filter_clear (filter);
  assert_change (GTK_FILTER_CHANGE_LESS_STRICT);
  g_assert_false (pd_clients_filter_get_active (filter));
  g_assert_cmpstr (pd_clients_filter_get_search (filter), ==, "x");
  pd_clients_filter_clear (filter);
  g_assert_cmpuint (n_changes, ==, 0);
}

static void
test_criteria (void)
{
  g_autoptr(GListStore) store = fixture_store ();
  g_autoptr(PdClientsFilter) filter = pd_clients_filter_new ();

  pd_clients_filter_set_statuses (filter, 1u << PD_ORGANIZATION_STATUS_ACTIVE);
  assert_shown (store, filter, "org_1,org_3,org_4,org_7");
  pd_clients_filter_set_statuses (filter, (1u << PD_ORGANIZATION_STATUS_SUSPENDED) | (1u << PD_ORGANIZATION_STATUS_DELETED));
  assert_shown (store, filter, "org_2,org_5");
  pd_clients_filter_set_statuses (filter, 1u << PD_ORGANIZATION_STATUS_UNSUBSCRIBED);
  assert_shown (store, filter, "org_6");
  pd_clients_filter_clear (filter);

  pd_clients_filter_set_plan_types (filter, 1u << PD_PLAN_TYPE_ARCHIVER);
  assert_shown (store, filter, "org_5,org_6");
  pd_clients_filter_set_plan_types (filter, 1u << PD_PLAN_TYPE_PERSONAL);
  assert_shown (store, filter, "org_3");
  pd_clients_filter_clear (filter);

  pd_clients_filter_set_relationships (filter, 1u << PD_RELATIONSHIP_RESELLER);
  assert_shown (store, filter, "org_4");
  pd_clients_filter_set_relationships (filter, 1u << PD_RELATIONSHIP_MSP);
  assert_shown (store, filter, "org_1,org_2,org_3,org_5,org_6,org_7");
  pd_clients_filter_clear (filter);

  pd_clients_filter_set_needs_authentication (filter, TRUE);
  assert_shown (store, filter, "org_3");
  pd_clients_filter_clear (filter);

  /* A client matches a mode when any of its services has it */
  pd_clients_filter_set_management_modes (filter, 1u << PD_MANAGEMENT_MODE_CLIENT);
  assert_shown (store, filter, "org_2");
  pd_clients_filter_set_management_modes (filter, 1u << PD_MANAGEMENT_MODE_CO_MANAGED);
  assert_shown (store, filter, "org_4");
  pd_clients_filter_clear (filter);

  /* Problems: a failed tile (org_1), credentials (org_3), unmapped and needing authorization
   * (org_5); retrying (org_7) and running (org_6) are not problems */
  pd_clients_filter_set_problems_only (filter, TRUE);
  assert_shown (store, filter, "org_1,org_3,org_5");

  /* Criteria combine */
  pd_clients_filter_set_statuses (filter, 1u << PD_ORGANIZATION_STATUS_ACTIVE);
  assert_shown (store, filter, "org_1,org_3");
  pd_clients_filter_set_search (filter, "harbor");
  assert_shown (store, filter, "org_1");
}

static char *
sorted (GListModel         *store,
        PdClientsSortOrder  order)
{
  g_autoptr(GtkSortListModel) model = gtk_sort_list_model_new (g_object_ref (store),
                                                               GTK_SORTER (pd_clients_sorter_new (order)));

  return shown_ids (G_LIST_MODEL (model));
}

static void
test_sorter (void)
{
  g_autoptr(GListStore) store = fixture_store ();
  g_autofree char *by_name = sorted (G_LIST_MODEL (store), PD_CLIENTS_SORT_NAME);
  g_autofree char *by_status = sorted (G_LIST_MODEL (store), PD_CLIENTS_SORT_WORST_STATUS);
  g_autofree char *by_seats = sorted (G_LIST_MODEL (store), PD_CLIENTS_SORT_SEAT_USAGE);
  g_autofree char *by_backup = sorted (G_LIST_MODEL (store), PD_CLIENTS_SORT_LAST_BACKUP);
  g_autoptr(PdClientsSorter) sorter = pd_clients_sorter_new (PD_CLIENTS_SORT_NAME);
  PdClientFigures a, b;

  /* "A&B…" < Bluebird < Bright < Harbor Dental < harbor view < Nordlicht < Seán (case-insensitive collation) */
  g_assert_cmpstr (by_name, ==, "org_6,org_2,org_4,org_1,org_7,org_5,org_3");

  /* Worst first: checked against the badge severities rather than a fixed list, then names */
  {
    g_auto(GStrv) ids = g_strsplit (by_status, ",", -1);

    for (guint i = 0; ids[i + 1] != NULL; i++)
      {
        g_autoptr(PdOrganization) x = NULL, y = NULL;

        for (guint j = 0; j < G_N_ELEMENTS (fixture); j++)
          {
            if (g_str_equal (fixture[j].id, ids[i]))
              x = clients_test_make_organization (&fixture[j]);
            if (g_str_equal (fixture[j].id, ids[i + 1]))
              y = clients_test_make_organization (&fixture[j]);
          }
        pd_client_figures_compute (x, &a);
        pd_client_figures_compute (y, &b);
        g_assert_cmpint (pd_badge_state_get_severity (a.worst_state), >=, pd_badge_state_get_severity (b.worst_state));
      }
    /* A failed backup outranks a retrying one, which outranks success */
    g_assert_true (strstr (by_status, "org_1") < strstr (by_status, "org_7"));
    g_assert_true (strstr (by_status, "org_7") < strstr (by_status, "org_2"));
  }

  /* Fullest first: org_4 over capacity (330/300), org_2 and org_3 full (ties by name), then
   * 50%, 45%, 25%, none */
  g_assert_cmpstr (by_seats, ==, "org_4,org_2,org_3,org_7,org_1,org_6,org_5");

  /* Stalest first: never backed up, then the oldest last backup of any service */
  g_assert_cmpstr (by_backup, ==, "org_5,org_1,org_4,org_2,org_7,org_3,org_6");

  g_signal_connect (sorter, "changed", G_CALLBACK (changed_cb), NULL);
  n_changes = 0;
  pd_clients_sorter_set_order (sorter, PD_CLIENTS_SORT_SEAT_USAGE);
  g_assert_cmpuint (n_changes, ==, 1);
  pd_clients_sorter_set_order (sorter, PD_CLIENTS_SORT_SEAT_USAGE);
  g_assert_cmpuint (n_changes, ==, 1);
  g_assert_cmpint (gtk_sorter_get_order (GTK_SORTER (sorter)), ==, GTK_SORTER_ORDER_TOTAL);
}

static void
test_figures (void)
{
  g_autoptr(PdOrganization) harbor = clients_test_make_organization (&fixture[0]);
  g_autoptr(PdOrganization) nordlicht = clients_test_make_organization (&fixture[4]);
  PdClientFigures figures;

  pd_client_figures_compute (harbor, &figures);
  g_assert_cmpuint (figures.n_services, ==, 2);
  g_assert_cmpint (figures.seats_total, ==, 200);
  g_assert_cmpint (figures.seats_managed, ==, 90);
  g_assert_cmpint (figures.seats_unprotected, ==, 3);
  g_assert_cmpint (figures.worst_state, ==, PD_BADGE_STATE_FAILED);
  g_assert_true (figures.has_problem);
  g_assert_true (figures.has_last_backup);
  g_assert_cmpint (figures.last_backup, ==, 1794996000);  /* 2026-11-18T10:00:00Z, the older one */
  g_assert_cmpuint (figures.management_modes, ==, 1u << PD_MANAGEMENT_MODE_PARTNER);

  pd_client_figures_compute (nordlicht, &figures);
  g_assert_false (figures.has_last_backup);
  g_assert_cmpint (figures.worst_state, ==, PD_BADGE_STATE_NEEDS_AUTHORIZATION);
  g_assert_cmpfloat (pd_client_figures_seat_usage (&figures), ==, 0.0);
}

static void
test_views (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APPLICATION_ID);
  g_autoptr(PdClientsFilter) filter = pd_clients_filter_new ();
  g_autoptr(PdClientsSorter) sorter = pd_clients_sorter_new (PD_CLIENTS_SORT_NAME);
  g_autoptr(PdClientsFilter) other_filter = pd_clients_filter_new ();
  g_autoptr(PdClientsSorter) other_sorter = pd_clients_sorter_new (PD_CLIENTS_SORT_NAME);
  g_autoptr(GVariant) views = NULL;
  g_autoptr(GVariant) view = NULL;
  guint statuses = (1u << PD_ORGANIZATION_STATUS_ACTIVE) | (1u << PD_ORGANIZATION_STATUS_SUSPENDED);

  g_settings_reset (settings, "saved-views");
  pd_clients_filter_set_search (filter, "Café “Ü”");
  pd_clients_filter_set_statuses (filter, statuses);
  pd_clients_filter_set_plan_types (filter, 1u << PD_PLAN_TYPE_ARCHIVER);
  pd_clients_filter_set_relationships (filter, 1u << PD_RELATIONSHIP_RESELLER);
  pd_clients_filter_set_management_modes (filter, 1u << PD_MANAGEMENT_MODE_CO_MANAGED);
  pd_clients_filter_set_needs_authentication (filter, TRUE);
  pd_clients_filter_set_problems_only (filter, TRUE);
  pd_clients_sorter_set_order (sorter, PD_CLIENTS_SORT_LAST_BACKUP);
  pd_clients_views_save (settings, pd_clients_view_capture ("Morning check", filter, sorter));

  pd_clients_filter_clear (filter);
  pd_clients_filter_set_search (filter, "");
  pd_clients_sorter_set_order (sorter, PD_CLIENTS_SORT_SEAT_USAGE);
  pd_clients_views_save (settings, pd_clients_view_capture ("Seats", filter, sorter));

  views = pd_clients_views_get (settings);
  g_assert_cmpuint (g_variant_n_children (views), ==, 2);

  /* Back from the settings into fresh models: everything as it was */
  view = pd_clients_views_lookup (settings, "Morning check");
  g_assert_nonnull (view);
  pd_clients_view_apply (view, other_filter, other_sorter);
  g_assert_cmpstr (pd_clients_filter_get_search (other_filter), ==, "Café “Ü”");
  g_assert_cmpuint (pd_clients_filter_get_statuses (other_filter), ==, statuses);
  g_assert_cmpuint (pd_clients_filter_get_plan_types (other_filter), ==, 1u << PD_PLAN_TYPE_ARCHIVER);
  g_assert_cmpuint (pd_clients_filter_get_relationships (other_filter), ==, 1u << PD_RELATIONSHIP_RESELLER);
  g_assert_cmpuint (pd_clients_filter_get_management_modes (other_filter), ==, 1u << PD_MANAGEMENT_MODE_CO_MANAGED);
  g_assert_true (pd_clients_filter_get_needs_authentication (other_filter));
  g_assert_true (pd_clients_filter_get_problems_only (other_filter));
  g_assert_cmpint (pd_clients_sorter_get_order (other_sorter), ==, PD_CLIENTS_SORT_LAST_BACKUP);

  /* Saving under the same name replaces, in place */
  pd_clients_views_save (settings, pd_clients_view_capture ("Morning check", filter, sorter));
  g_clear_pointer (&views, g_variant_unref);
  views = pd_clients_views_get (settings);
  g_assert_cmpuint (g_variant_n_children (views), ==, 2);
  g_clear_pointer (&view, g_variant_unref);
  view = pd_clients_views_lookup (settings, "Morning check");
  pd_clients_view_apply (view, other_filter, other_sorter);
  g_assert_false (pd_clients_filter_get_active (other_filter));
  g_assert_cmpstr (pd_clients_filter_get_search (other_filter), ==, "");
  g_assert_cmpint (pd_clients_sorter_get_order (other_sorter), ==, PD_CLIENTS_SORT_SEAT_USAGE);

  g_assert_true (pd_clients_views_delete (settings, "Morning check"));
  g_assert_false (pd_clients_views_delete (settings, "Morning check"));
  g_assert_null (pd_clients_views_lookup (settings, "Morning check"));
  g_clear_pointer (&view, g_variant_unref);
  view = pd_clients_views_lookup (settings, "Seats");
  g_assert_nonnull (view);
  g_settings_reset (settings, "saved-views");
}

/* A view written by another version: unknown values and members are ignored, missing ones
 * reset, a wrong type is no crash. */
static void
test_views_foreign (void)
{
  g_autoptr(PdClientsFilter) filter = pd_clients_filter_new ();
  g_autoptr(PdClientsSorter) sorter = pd_clients_sorter_new (PD_CLIENTS_SORT_WORST_STATUS);
  g_autoptr(GVariant) view = g_variant_ref_sink (g_variant_new_parsed (
    "{'name': <'Old'>, 'filters': <{'status': <['active', 'frozen', 'unknown']>,"
    " 'plan-type': <'backup'>, 'future': <true>}>, 'sort': <'by-mood'>, 'extra': <1>}"));

  pd_clients_filter_set_search (filter, "left over");
  pd_clients_filter_set_problems_only (filter, TRUE);
  pd_clients_view_apply (view, filter, sorter);
  g_assert_cmpstr (pd_clients_filter_get_search (filter), ==, "");
  g_assert_cmpuint (pd_clients_filter_get_statuses (filter), ==, 1u << PD_ORGANIZATION_STATUS_ACTIVE);
  g_assert_cmpuint (pd_clients_filter_get_plan_types (filter), ==, 0);
  g_assert_false (pd_clients_filter_get_problems_only (filter));
  g_assert_cmpint (pd_clients_sorter_get_order (sorter), ==, PD_CLIENTS_SORT_NAME);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/clients/model/fold", test_fold);
  g_test_add_func ("/clients/model/search", test_search);
  g_test_add_func ("/clients/model/search-follows-rename", test_search_follows_rename);
  g_test_add_func ("/clients/model/strictness", test_strictness);
  g_test_add_func ("/clients/model/criteria", test_criteria);
  g_test_add_func ("/clients/model/sorter", test_sorter);
  g_test_add_func ("/clients/model/figures", test_figures);
  g_test_add_func ("/clients/model/views", test_views);
  g_test_add_func ("/clients/model/views-foreign", test_views_foreign);
  return g_test_run ();
}

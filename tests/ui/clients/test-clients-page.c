/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Clients page under Xvfb against the reference portal (--seed 50): the grid shows the
 * session's clients and their tiles' states; search, every filter and every sort change what
 * is shown as a computation over the session's model says; saved views round-trip through
 * the page; reseller and role locks; drill-down; the CSV; keyboard navigation; screenshots. */

#include "config.h"

#include "pd-client-figures.h"
#include "pd-client-section.h"
#include "pd-clients-page.h"
#include "pd-clients-views.h"
#include "pd-models.h"
#include "pd-permission-gate.h"
#include "pd-service-tile.h"
#include "pd-status-badge.h"
#include "pd-ui-test.h"

static PdUiTestSession *owner;

/* What the page asked the window to do (a "win" group on the test window) */
typedef struct
{
  GtkWindow          *window;
  GtkWidget          *page;
  GSimpleActionGroup *win;
  GPtrArray          *calls;   /* "show-client org_1 svc_2", "show-toast …" */
} Fixture;

static void
record_cb (GSimpleAction *action,
           GVariant      *parameter,
           gpointer       user_data)
{
  Fixture *f = user_data;
  g_autofree char *text = g_variant_print (parameter, FALSE);

  g_ptr_array_add (f->calls, g_strdup_printf ("%s %s", g_action_get_name (G_ACTION (action)), text));
}

static GListModel *shown_model (Fixture *f);

/* The view is given a slice of the clients that grows for a few frames after the first
 * (pd-clients-first-screen.c); the tests look at the whole list */
static gboolean
whole_list_shown (gpointer data)
{
  GListModel *slice = gtk_no_selection_get_model (GTK_NO_SELECTION (shown_model (data)));

  return gtk_slice_list_model_get_size (GTK_SLICE_LIST_MODEL (slice)) == G_MAXUINT;
}

static void
fixture_open (Fixture   *f,
              PdSession *session,
              int        width,
              int        height)
{
  const GActionEntry entries[] = {
    { "show-client", record_cb, "(ss)", NULL, NULL },
    { "show-account", record_cb, "(sss)", NULL, NULL },
    { "show-page", record_cb, "s", NULL, NULL },
    { "show-toast", record_cb, "s", NULL, NULL },
    { "show-error", record_cb, "(ss)", NULL, NULL },
    { "invite-client-admin", record_cb, "(ss)", NULL, NULL },
  };

  f->calls = g_ptr_array_new_with_free_func (g_free);
  f->win = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (f->win), entries, G_N_ELEMENTS (entries), f);
  f->page = pd_clients_page_new (session);
  f->window = pd_ui_test_window_new (f->page, width, height);
  gtk_widget_insert_action_group (GTK_WIDGET (f->window), "win", G_ACTION_GROUP (f->win));
  pd_ui_test_wait_frames (5);
  pd_ui_test_wait_for (whole_list_shown, f, "every client in the view's model");
}

static void
fixture_close (Fixture *f)
{
  pd_ui_test_window_destroy (f->window);
  g_clear_object (&f->win);
  g_clear_pointer (&f->calls, g_ptr_array_unref);
}

static GListModel *
shown_model (Fixture *f)
{
  GtkWidget *list = pd_ui_test_find_type (f->page, GTK_TYPE_GRID_VIEW);

  return G_LIST_MODEL (gtk_grid_view_get_model (GTK_GRID_VIEW (list)));
}

static char *
ids_of (GListModel *model)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PdResource) item = g_list_model_get_item (model, i);

      g_string_append_printf (ids, "%s%s", i > 0 ? "," : "", pd_resource_get_id (item));
    }
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

typedef gboolean (*OrgPredicate) (PdOrganization *org, gconstpointer data);

/* The ids of the session's organizations @predicate keeps, as a set in model order */
static GHashTable *
expected_set (PdSession     *session,
              OrgPredicate   predicate,
              gconstpointer  data)
{
  GListModel *orgs = pd_session_get_organizations (session);
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (orgs); i++)
    {
      g_autoptr(PdOrganization) org = g_list_model_get_item (orgs, i);

      if (predicate == NULL || predicate (org, data))
        g_hash_table_add (set, g_strdup (pd_resource_get_id (PD_RESOURCE (org))));
    }
  return set;
}

static GHashTable *
shown_set (Fixture *f)
{
  GListModel *model = shown_model (f);
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PdResource) item = g_list_model_get_item (model, i);

      g_hash_table_add (set, g_strdup (pd_resource_get_id (item)));
    }
  return set;
}

static gboolean
sets_equal (GHashTable *a,
            GHashTable *b)
{
  GHashTableIter iter;
  gpointer key;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (b, key))
      return FALSE;
  return TRUE;
}

typedef struct
{
  Fixture    *f;
  GHashTable *expected;
} WaitShown;

static gboolean
shown_matches (gpointer data)
{
  WaitShown *w = data;
  g_autoptr(GHashTable) shown = shown_set (w->f);

  return sets_equal (shown, w->expected);
}

/* Waits (the search entry has a short delay) until the page shows exactly @predicate's
 * clients; also checks it is not everything unless meant. */
static void
assert_shows (Fixture       *f,
              OrgPredicate   predicate,
              gconstpointer  data,
              const char    *what)
{
  g_autoptr(GHashTable) expected = expected_set (owner->session, predicate, data);
  WaitShown w = { f, expected };

  pd_ui_test_wait_for (shown_matches, &w, what);
}

/* Sections on screen, in list order */
static GPtrArray *
visible_sections (Fixture *f)
{
  GPtrArray *all = pd_ui_test_find_all_type (GTK_WIDGET (f->window), PD_TYPE_CLIENT_SECTION);
  GPtrArray *bound = g_ptr_array_new ();

  for (guint i = 0; i < all->len; i++)
    if (pd_client_section_get_organization (g_ptr_array_index (all, i)) != NULL)
      g_ptr_array_add (bound, g_ptr_array_index (all, i));
  g_ptr_array_unref (all);
  return bound;
}

static GtkWidget *
find_check (Fixture    *f,
            const char *label)
{
  GtkWidget *button = pd_ui_test_find_id (f->page, "filter_button");
  GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, popover);
  while (stack->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

      if (GTK_IS_CHECK_BUTTON (widget) && g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), label) == 0)
        return widget;
      for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (stack, c);
    }
  g_error ("no filter check “%s”", label);
  return NULL;
}

static void
toggle (Fixture    *f,
        const char *label)
{
  GtkWidget *check = find_check (f, label);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), !gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
}

static void
set_search (Fixture    *f,
            const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (pd_ui_test_find_id (f->page, "search_entry")), text);
}

/* Under Xvfb a new window's frame clock sometimes idles for a few seconds; a screenshot taken
 * then finds nothing laid out. Wait for two real paints first. */
static void
after_paint_cb (GdkFrameClock *clock,
                guint         *n_paints)
{
  (*n_paints)++;
}

static gboolean
painted_twice (gpointer data)
{
  return *(guint *) data >= 2;
}

static void
screenshot (Fixture    *f,
            const char *name)
{
  GdkFrameClock *clock;
  guint n_paints = 0;
  gulong id;

  if (g_getenv ("PD_SCREENSHOT_DIR") == NULL)
    return;
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (f->window));
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &n_paints);
  gtk_widget_queue_draw (GTK_WIDGET (f->window));
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
  pd_ui_test_wait_for (painted_twice, &n_paints, "the window to paint");
  g_signal_handler_disconnect (clock, id);
  pd_ui_test_screenshot (f->page, name);
}

/* Grid */

static void
test_grid (void)
{
  Fixture f = { 0 };
  g_autoptr(GPtrArray) sections = NULL;
  GtkWidget *count;
  guint n_tiles = 0;

  if (owner == NULL)
    return;
  fixture_open (&f, owner->session, 1100, 800);
  assert_shows (&f, NULL, NULL, "every client");
  g_assert_cmpuint (g_list_model_get_n_items (shown_model (&f)), ==, 50);
  count = pd_ui_test_find_id (f.page, "count_label");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (count)), ==, "50 clients");

  /* Each section on screen shows its client and one tile per service, in the service's
   * state; only the rows on screen exist. */
  sections = visible_sections (&f);
  g_assert_cmpuint (sections->len, >, 0);
  g_assert_cmpuint (sections->len, <, 50);
  for (guint i = 0; i < sections->len; i++)
    {
      PdClientSection *section = g_ptr_array_index (sections, i);
      PdOrganization *org = pd_client_section_get_organization (section);
      GListModel *services = G_LIST_MODEL (pd_organization_get_services (org));
      GtkWidget *name = pd_ui_test_find_label (GTK_WIDGET (section), pd_organization_get_name (org));

      g_assert_nonnull (name);
      g_assert_cmpuint (pd_client_section_get_n_tiles (section), ==, g_list_model_get_n_items (services));
      for (guint j = 0; j < g_list_model_get_n_items (services); j++)
        {
          g_autoptr(PdService) service = g_list_model_get_item (services, j);
          GtkWidget *tile = pd_client_section_get_tile (section, j);
          GtkWidget *badge = pd_ui_test_find_type (tile, PD_TYPE_STATUS_BADGE);

          g_assert_true (pd_service_tile_get_service (PD_SERVICE_TILE (tile)) == service);
          g_assert_cmpint (pd_status_badge_get_state (PD_STATUS_BADGE (badge)), ==, pd_badge_state_for_service (service));
          n_tiles++;
        }
      if (pd_organization_get_credential_status (org) == PD_CREDENTIAL_STATUS_NEEDS_AUTHENTICATION)
        g_assert_nonnull (pd_ui_test_find_label (GTK_WIDGET (section), "Needs authentication"));
      if (pd_organization_get_mapping_status (org) == PD_MAPPING_STATUS_UNMAPPED)
        g_assert_nonnull (pd_ui_test_find_label (GTK_WIDGET (section), "Unmapped"));
    }
  g_assert_cmpuint (n_tiles, >, 0);
  screenshot (&f, "clients-grid");
  fixture_close (&f);
}

/* Search */

static gboolean
name_id_domain_contains (PdOrganization *org,
                         gconstpointer   data)
{
  g_autofree char *needle = pd_client_fold_text (data);
  const char *fields[] = { pd_organization_get_name (org), pd_organization_get_domain (org),
                           pd_resource_get_id (PD_RESOURCE (org)) };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *hay = pd_client_fold_text (fields[i]);

      if (strstr (hay, needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_id (PdOrganization *org,
        gconstpointer   data)
{
  return g_str_equal (pd_resource_get_id (PD_RESOURCE (org)), data);
}

static gboolean
none (PdOrganization *org,
      gconstpointer   data)
{
  return FALSE;
}

static void
test_search (void)
{
  Fixture f = { 0 };
  const char *searches[] = { "harbor", "HARBOR", "dental gr", "cafe", "CAFÉ", "-academy.ex", ".example", "gmbh", "ü" };
  GtkWidget *empty;

  if (owner == NULL)
    return;
  fixture_open (&f, owner->session, 1100, 800);
  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      g_autoptr(GHashTable) expected = expected_set (owner->session, name_id_domain_contains, searches[i]);

      g_assert_cmpuint (g_hash_table_size (expected), >, 0);
      set_search (&f, searches[i]);
      assert_shows (&f, name_id_domain_contains, searches[i], searches[i]);
    }
  /* An id, exactly one client */
  set_search (&f, "org_42");
  assert_shows (&f, has_id, "org_42", "org_42");

  /* Characters with meaning elsewhere: nothing, said so, and a way back */
  set_search (&f, "%*(\\\"'[");
  assert_shows (&f, none, NULL, "no client");
  empty = pd_ui_test_find_type (f.page, ADW_TYPE_STATUS_PAGE);
  g_assert_true (gtk_widget_get_mapped (empty));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (empty)), ==, "No Matching Clients");
  g_assert_true (gtk_widget_activate_action (f.page, "clients.clear-all", NULL));
  assert_shows (&f, NULL, NULL, "every client again");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (pd_ui_test_find_id (f.page, "search_entry"))), ==, "");

  /* Ctrl+F's action focuses the search; Escape's clears it, then the filters */
  g_assert_true (gtk_widget_activate_action (f.page, "clients.search", NULL));
  g_assert_true (gtk_widget_has_focus (pd_ui_test_find_type (pd_ui_test_find_id (f.page, "search_entry"), GTK_TYPE_TEXT)));
  set_search (&f, "harbor");
  toggle (&f, "Reseller");
  pd_ui_test_wait_frames (2);
  g_assert_true (gtk_widget_activate_action (f.page, "clients.escape", NULL));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (pd_ui_test_find_id (f.page, "search_entry"))), ==, "");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (find_check (&f, "Reseller"))));
  g_assert_true (gtk_widget_activate_action (f.page, "clients.escape", NULL));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (find_check (&f, "Reseller"))));
  assert_shows (&f, NULL, NULL, "every client after Escape");
  fixture_close (&f);
}

/* Filters: each check button against a predicate over the model */

static gboolean
status_is (PdOrganization *org, gconstpointer data)
{
  return (int) pd_organization_get_status (org) == GPOINTER_TO_INT (data);
}

static gboolean
plan_is (PdOrganization *org, gconstpointer data)
{
  return (int) pd_organization_get_plan_type (org) == GPOINTER_TO_INT (data);
}

static gboolean
relationship_is (PdOrganization *org, gconstpointer data)
{
  return (int) pd_organization_get_relationship (org) == GPOINTER_TO_INT (data);
}

static gboolean
has_mode (PdOrganization *org, gconstpointer data)
{
  GListModel *services = G_LIST_MODEL (pd_organization_get_services (org));

  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(PdService) service = g_list_model_get_item (services, i);

      if ((int) pd_service_get_management_mode (service) == GPOINTER_TO_INT (data))
        return TRUE;
    }
  return FALSE;
}

static gboolean
needs_authentication (PdOrganization *org, gconstpointer data)
{
  return pd_organization_get_credential_status (org) == PD_CREDENTIAL_STATUS_NEEDS_AUTHENTICATION;
}

static gboolean
has_problem (PdOrganization *org, gconstpointer data)
{
  GListModel *services = G_LIST_MODEL (pd_organization_get_services (org));

  if (needs_authentication (org, NULL) || pd_organization_get_mapping_status (org) == PD_MAPPING_STATUS_UNMAPPED)
    return TRUE;
  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(PdService) service = g_list_model_get_item (services, i);

      if (pd_badge_state_is_problem (pd_badge_state_for_service (service)))
        return TRUE;
    }
  return FALSE;
}

static gboolean
active_problem (PdOrganization *org, gconstpointer data)
{
  return has_problem (org, NULL) && status_is (org, GINT_TO_POINTER (PD_ORGANIZATION_STATUS_ACTIVE));
}

static gboolean
active_or_suspended (PdOrganization *org, gconstpointer data)
{
  return status_is (org, GINT_TO_POINTER (PD_ORGANIZATION_STATUS_ACTIVE))
         || status_is (org, GINT_TO_POINTER (PD_ORGANIZATION_STATUS_SUSPENDED));
}

static void
test_filters (void)
{
  const struct { const char *label; OrgPredicate predicate; int value; } cases[] = {
    { "Active", status_is, PD_ORGANIZATION_STATUS_ACTIVE },
    { "Suspended", status_is, PD_ORGANIZATION_STATUS_SUSPENDED },
    { "Unsubscribed", status_is, PD_ORGANIZATION_STATUS_UNSUBSCRIBED },
    { "Deleted", status_is, PD_ORGANIZATION_STATUS_DELETED },
    { "Personal", plan_is, PD_PLAN_TYPE_PERSONAL },
    { "Backup", plan_is, PD_PLAN_TYPE_BACKUP },
    { "Archiver", plan_is, PD_PLAN_TYPE_ARCHIVER },
    { "Managed service provider", relationship_is, PD_RELATIONSHIP_MSP },
    { "Reseller", relationship_is, PD_RELATIONSHIP_RESELLER },
    { "Partner-managed", has_mode, PD_MANAGEMENT_MODE_PARTNER },
    { "Client-managed", has_mode, PD_MANAGEMENT_MODE_CLIENT },
    { "Co-managed", has_mode, PD_MANAGEMENT_MODE_CO_MANAGED },
    { "Needs authentication", needs_authentication, 0 },
    { "Problems only", has_problem, 0 },
  };
  Fixture f = { 0 };
  GtkWidget *count;

  if (owner == NULL)
    return;
  fixture_open (&f, owner->session, 1100, 800);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GHashTable) expected = expected_set (owner->session, cases[i].predicate, GINT_TO_POINTER (cases[i].value));

      /* The seed has each kind, and none is everybody (or the check would prove little) */
      if (g_hash_table_size (expected) == 0 || g_hash_table_size (expected) == 50)
        g_test_message ("filter “%s” keeps %u of 50", cases[i].label, g_hash_table_size (expected));
      toggle (&f, cases[i].label);
      assert_shows (&f, cases[i].predicate, GINT_TO_POINTER (cases[i].value), cases[i].label);
      toggle (&f, cases[i].label);
      assert_shows (&f, NULL, NULL, "every client again");
    }

  /* Two values of one criterion add up; criteria combine */
  toggle (&f, "Active");
  toggle (&f, "Suspended");
  assert_shows (&f, active_or_suspended, NULL, "active or suspended");
  toggle (&f, "Suspended");
  toggle (&f, "Problems only");
  assert_shows (&f, active_problem, NULL, "active with problems");
  count = pd_ui_test_find_id (f.page, "count_label");
  {
    g_autoptr(GHashTable) expected = expected_set (owner->session, active_problem, NULL);
    g_autofree char *text = g_strdup_printf ("%u of 50 clients", g_hash_table_size (expected));

    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (count)), ==, text);
  }
  g_assert_true (gtk_widget_get_visible (pd_ui_test_find_id (f.page, "clear_button")));
  screenshot (&f, "clients-filtered");
  g_assert_true (gtk_widget_activate_action (f.page, "clients.clear-filters", NULL));
  assert_shows (&f, NULL, NULL, "every client after Clear Filters");
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (find_check (&f, "Active"))));
  fixture_close (&f);
}

/* Sorts: each order checked pairwise with the figures of the model */

static int
compare_for (const char      *order,
             PdOrganization  *a,
             PdOrganization  *b)
{
  PdClientFigures fa, fb;

  pd_client_figures_compute (a, &fa);
  pd_client_figures_compute (b, &fb);
  if (g_str_equal (order, "name"))
    {
      g_autofree char *na = g_utf8_casefold (pd_organization_get_name (a), -1);
      g_autofree char *nb = g_utf8_casefold (pd_organization_get_name (b), -1);

      return g_utf8_collate (na, nb);
    }
  if (g_str_equal (order, "worst-status"))
    return pd_badge_state_get_severity (fb.worst_state) - pd_badge_state_get_severity (fa.worst_state);
  if (g_str_equal (order, "seat-usage"))
    {
      double ua = pd_client_figures_seat_usage (&fa), ub = pd_client_figures_seat_usage (&fb);

      return ua > ub ? -1 : ua < ub ? 1 : 0;
    }
  /* last-backup: never first, then oldest */
  if (fa.has_last_backup != fb.has_last_backup)
    return fa.has_last_backup ? 1 : -1;
  return fa.last_backup < fb.last_backup ? -1 : fa.last_backup > fb.last_backup ? 1 : 0;
}

typedef struct
{
  Fixture    *f;
  const char *order;
} WaitOrder;

static gboolean
order_holds (gpointer data)
{
  WaitOrder *w = data;
  GListModel *model = shown_model (w->f);
  guint n = g_list_model_get_n_items (model);

  if (n != 50)
    return FALSE;
  for (guint i = 0; i + 1 < n; i++)
    {
      g_autoptr(PdOrganization) a = g_list_model_get_item (model, i);
      g_autoptr(PdOrganization) b = g_list_model_get_item (model, i + 1);

      if (compare_for (w->order, a, b) > 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
top_section_shown (gpointer data)
{
  Fixture *f = data;
  g_autoptr(GPtrArray) sections = visible_sections (f);
  g_autoptr(PdOrganization) top = g_list_model_get_item (shown_model (f), 0);

  for (guint i = 0; i < sections->len; i++)
    {
      PdClientSection *section = g_ptr_array_index (sections, i);
      graphene_point_t point;

      if (pd_client_section_get_organization (section) == top
          && gtk_widget_compute_point (GTK_WIDGET (section), f->page, &GRAPHENE_POINT_INIT (0, 0), &point)
          && point.y < 200)
        return TRUE;
    }
  return FALSE;
}

static void
test_sorts (void)
{
  const char *orders[] = { "worst-status", "seat-usage", "last-backup", "name" };
  Fixture f = { 0 };
  g_autofree char *first = NULL;

  if (owner == NULL)
    return;
  fixture_open (&f, owner->session, 1100, 800);
  first = ids_of (shown_model (&f));
  for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
    {
      WaitOrder w = { &f, orders[i] };
      g_autofree char *ids = NULL;

      g_assert_true (gtk_widget_activate_action (f.page, "clients.sort", "s", orders[i]));
      pd_ui_test_wait_for (order_holds, &w, orders[i]);
      ids = ids_of (shown_model (&f));
      if (i < 3)
        g_assert_cmpstr (ids, !=, first);   /* the order did change */
      /* The list goes back to the top: the first section on screen is the order's first */
      pd_ui_test_wait_for (top_section_shown, &f, "the first client on screen");
    }
  {
    g_autofree char *back = ids_of (shown_model (&f));

    g_assert_cmpstr (back, ==, first);
  }
  fixture_close (&f);
}

/* Saved views through the page's own controls */

static void
test_saved_views (void)
{
  g_autoptr(GSettings) settings = g_settings_new (BASE_APPLICATION_ID);
  Fixture f = { 0 };
  g_autoptr(GVariant) stored = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GtkWidget *views_list;

  if (owner == NULL)
    return;
  g_settings_reset (settings, "saved-views");
  fixture_open (&f, owner->session, 1100, 800);
  /* The view saves the search the page has, which the entry tells only after its delay
   * (and which need not change what shows: most clients have an “e”) */
  pd_ui_test_search (pd_ui_test_find_id (f.page, "search_entry"), "e");
  toggle (&f, "Active");
  toggle (&f, "Backup");
  g_assert_true (gtk_widget_activate_action (f.page, "clients.sort", "s", "seat-usage"));
  before = ids_of (shown_model (&f));

  gtk_editable_set_text (GTK_EDITABLE (pd_ui_test_find_id (f.page, "view_name_entry")), "  Active backups  ");
  g_assert_true (gtk_widget_activate_action (f.page, "clients.save-view", NULL));
  stored = pd_clients_views_lookup (settings, "Active backups");
  g_assert_nonnull (stored);
  g_assert_cmpstr (g_ptr_array_index (f.calls, f.calls->len - 1), ==, "show-toast 'View “Active backups” saved'");
  views_list = pd_ui_test_find_id (f.page, "views_list");
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (views_list), 0));

  /* Everything back to nothing, then the view */
  g_assert_true (gtk_widget_activate_action (f.page, "clients.clear-all", NULL));
  g_assert_true (gtk_widget_activate_action (f.page, "clients.sort", "s", "name"));
  assert_shows (&f, NULL, NULL, "every client");
  g_assert_true (gtk_widget_activate_action (f.page, "clients.apply-view", "s", "Active backups"));
  pd_ui_test_wait_frames (20);
  after = ids_of (shown_model (&f));
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (pd_ui_test_find_id (f.page, "search_entry"))), ==, "e");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (find_check (&f, "Active"))));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (find_check (&f, "Backup"))));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (find_check (&f, "Archiver"))));

  /* A second page (another window, a restart) lists it too */
  {
    Fixture g = { 0 };

    fixture_open (&g, owner->session, 800, 600);
    g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (pd_ui_test_find_id (g.page, "views_list")), 0));
    g_assert_true (gtk_widget_activate_action (g.page, "clients.apply-view", "s", "Active backups"));
    pd_ui_test_wait_frames (20);
    g_free (after);
    after = ids_of (shown_model (&g));
    g_assert_cmpstr (after, ==, before);
    fixture_close (&g);
  }

  g_assert_true (gtk_widget_activate_action (f.page, "clients.delete-view", "s", "Active backups"));
  g_assert_null (pd_clients_views_lookup (settings, "Active backups"));
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (views_list), 0));
  g_assert_true (gtk_widget_get_visible (pd_ui_test_find_id (f.page, "no_views_label")));
  fixture_close (&f);
}

/* Drill-down and locks */

typedef struct
{
  Fixture    *f;
  const char *id;
} WaitSection;

static gboolean
section_shown (gpointer data)
{
  WaitSection *w = data;
  g_autoptr(GPtrArray) sections = visible_sections (w->f);

  for (guint i = 0; i < sections->len; i++)
    if (g_str_equal (pd_resource_get_id (PD_RESOURCE (pd_client_section_get_organization (g_ptr_array_index (sections, i)))), w->id))
      return TRUE;
  return FALSE;
}

/* Searches the client's name and answers its section */
static PdClientSection *
show_client (Fixture    *f,
             const char *id)
{
  g_autoptr(PdOrganization) org = NULL;
  g_autoptr(GPtrArray) sections = NULL;
  GListModel *orgs = pd_session_get_organizations (owner->session);
  WaitSection w = { f, id };

  for (guint i = 0; org == NULL && i < g_list_model_get_n_items (orgs); i++)
    {
      g_autoptr(PdOrganization) item = g_list_model_get_item (orgs, i);

      if (g_str_equal (pd_resource_get_id (PD_RESOURCE (item)), id))
        org = g_steal_pointer (&item);
    }
  g_assert_nonnull (org);
  set_search (f, pd_organization_get_name (org));
  pd_ui_test_wait_for (section_shown, &w, id);
  sections = visible_sections (f);
  for (guint i = 0; i < sections->len; i++)
    if (pd_client_section_get_organization (g_ptr_array_index (sections, i)) == org)
      return g_ptr_array_index (sections, i);
  g_assert_not_reached ();
}

static const char *
last_call (Fixture *f)
{
  return f->calls->len > 0 ? g_ptr_array_index (f->calls, f->calls->len - 1) : "";
}

static gboolean
find_org (PdOrganization *org, gconstpointer data)
{
  return pd_organization_get_relationship (org) == PD_RELATIONSHIP_MSP && !has_problem (org, NULL);
}

static void
test_drill_down (void)
{
  Fixture f = { 0 };
  GListModel *orgs;
  g_autoptr(PdOrganization) msp = NULL;
  PdClientSection *section;
  GtkWidget *tile;
  g_autofree char *expected = NULL;
  g_autoptr(PdService) service = NULL;

  if (owner == NULL)
    return;
  orgs = pd_session_get_organizations (owner->session);
  for (guint i = 0; msp == NULL && i < g_list_model_get_n_items (orgs); i++)
    {
      g_autoptr(PdOrganization) org = g_list_model_get_item (orgs, i);

      if (find_org (org, NULL) && g_list_model_get_n_items (G_LIST_MODEL (pd_organization_get_services (org))) > 1)
        msp = g_steal_pointer (&org);
    }
  g_assert_nonnull (msp);

  fixture_open (&f, owner->session, 1100, 800);
  section = show_client (&f, pd_resource_get_id (PD_RESOURCE (msp)));
  tile = pd_client_section_get_tile (section, 1);
  g_assert_null (pd_service_tile_get_locked_reason (PD_SERVICE_TILE (tile)));
  service = g_list_model_get_item (G_LIST_MODEL (pd_organization_get_services (msp)), 1);
  /* What a click or Enter on the tile does */
  g_signal_emit_by_name (tile, "activated");
  expected = g_strdup_printf ("show-client ('%s', '%s')", pd_resource_get_id (PD_RESOURCE (msp)),
                              pd_resource_get_id (PD_RESOURCE (service)));
  g_assert_cmpstr (last_call (&f), ==, expected);

  /* “Someone else is the admin” invites the client's admin for that service */
  g_ptr_array_set_size (f.calls, 0);
  g_signal_emit_by_name (tile, "authorize-delegate");
  g_free (expected);
  expected = g_strdup_printf ("invite-client-admin ('%s', '%s')", pd_resource_get_id (PD_RESOURCE (msp)),
                              pd_resource_get_id (PD_RESOURCE (service)));
  g_assert_cmpstr (last_call (&f), ==, expected);

  /* Reseller: org_4 (Bright Path Academy) is locked, says why, and does not open */
  section = show_client (&f, "org_4");
  g_assert_cmpint (pd_organization_get_relationship (pd_client_section_get_organization (section)), ==, PD_RELATIONSHIP_RESELLER);
  g_assert_nonnull (pd_ui_test_find_label (GTK_WIDGET (section), "Reseller"));
  g_ptr_array_set_size (f.calls, 0);
  for (guint i = 0; i < pd_client_section_get_n_tiles (section); i++)
    {
      tile = pd_client_section_get_tile (section, i);
      g_assert_cmpstr (pd_service_tile_get_locked_reason (PD_SERVICE_TILE (tile)), ==, "Reseller relationship: metrics only");
      g_assert_cmpstr (gtk_widget_get_tooltip_text (tile), ==, "Reseller relationship: metrics only");
      /* Even if something emitted, the page would not open it */
      g_signal_emit_by_name (tile, "activated");
      g_signal_emit_by_name (tile, "authorize-self");
      /* Every metric stays */
      g_assert_nonnull (pd_ui_test_find_type (tile, PD_TYPE_STATUS_BADGE));
    }
  g_assert_cmpuint (f.calls->len, ==, 0);
  screenshot (&f, "clients-reseller");
  fixture_close (&f);
}

/* pd_ui_test_session_new() waits for a sync that is up to date; a finance user's sync may
 * end otherwise (lists its role cannot read), so this waits for the clients and /me only. */
static PdUiTestSession *
finance_session_new (void)
{
  PdUiTestSession *test = g_new0 (PdUiTestSession, 1);
  g_autofree char *registry_path = NULL;
  g_autofree char *cache_dir = NULL;
  PdSyncEngine *engine;

  test->dir = g_dir_make_tmp ("pd-ui-XXXXXX", NULL);
  registry_path = g_build_filename (test->dir, "accounts.ini", NULL);
  cache_dir = g_build_filename (test->dir, "cache", NULL);
  test->portal = pd_test_portal_start ((const char *[]) { "--seed", "50", NULL });
  test->registry = pd_account_registry_new (registry_path);
  test->account = pd_session_test_sign_in_key (test->registry, pd_test_portal_get_url (test->portal),
                                               pd_test_portal_get_key (test->portal, "finance"));
  test->session = pd_session_new (test->account, cache_dir);
  pd_session_set_registry (test->session, test->registry);
  pd_session_set_refresh_interval (test->session, 0);
  pd_session_test_start (test->session);
  pd_session_test_wait_me (test->session);
  pd_session_test_wait_items (pd_session_get_organizations (test->session), 50);
  engine = pd_session_get_sync_engine (test->session);
  g_test_message ("finance sync: state %d, error %s", pd_sync_engine_get_state (engine),
                  pd_sync_engine_get_error (engine));
  return test;
}

static void
test_role_lock (void)
{
  g_autoptr(PdUiTestSession) finance = NULL;
  Fixture f = { 0 };
  g_autoptr(GPtrArray) sections = NULL;
  g_autofree char *expected_lock = NULL;
  guint n_tiles = 0;

  if (owner == NULL)
    return;
  finance = finance_session_new ();
  g_assert_false (pd_session_has_permission (finance->session, "accounts.read"));
  /* The role and the permission by name: “Your role “Finance” does not have … “See accounts”.” */
  expected_lock = pd_permission_explain_missing (finance->session, "accounts.read");
  g_assert_nonnull (strstr (expected_lock, "Finance"));
  g_assert_nonnull (strstr (expected_lock, "See accounts"));
  fixture_open (&f, finance->session, 1100, 800);
  pd_ui_test_wait_frames (5);
  sections = visible_sections (&f);
  g_assert_cmpuint (sections->len, >, 0);
  for (guint i = 0; i < sections->len; i++)
    {
      PdClientSection *section = g_ptr_array_index (sections, i);
      gboolean reseller = pd_organization_get_relationship (pd_client_section_get_organization (section)) == PD_RELATIONSHIP_RESELLER;

      for (guint j = 0; j < pd_client_section_get_n_tiles (section); j++)
        {
          GtkWidget *tile = pd_client_section_get_tile (section, j);

          g_assert_cmpstr (pd_service_tile_get_locked_reason (PD_SERVICE_TILE (tile)), ==,
                           reseller ? "Reseller relationship: metrics only"
                                    : expected_lock);
          g_signal_emit_by_name (tile, "activated");
          n_tiles++;
        }
    }
  g_assert_cmpuint (n_tiles, >, 0);
  g_assert_cmpuint (f.calls->len, ==, 0);
  fixture_close (&f);
}

/* CSV: what is shown, in the shown order */

static void
test_csv (void)
{
  Fixture f = { 0 };
  g_autoptr(GBytes) csv = NULL;
  g_auto(GStrv) lines = NULL;
  GListModel *shown;
  g_autofree char *text = NULL;
  gsize size;

  if (owner == NULL)
    return;
  fixture_open (&f, owner->session, 1100, 800);
  toggle (&f, "Problems only");
  assert_shows (&f, has_problem, NULL, "problems");
  g_assert_true (gtk_widget_activate_action (f.page, "clients.sort", "s", "worst-status"));
  pd_ui_test_wait_frames (5);
  shown = shown_model (&f);
  csv = pd_clients_page_build_csv (PD_CLIENTS_PAGE (f.page));
  text = g_strndup (g_bytes_get_data (csv, &size), g_bytes_get_size (csv));
  g_assert_true (g_utf8_validate (text, -1, NULL));
  lines = g_strsplit (text, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==, "id,name,status,plan,plan_type,region,relationship,credential_status,mapping,"
                                 "services,seats_total,seats_managed,seats_unprotected,worst_status,last_backup");
  g_assert_cmpuint (g_strv_length (lines), ==, g_list_model_get_n_items (shown) + 2);  /* header, rows, final "" */
  g_assert_cmpstr (lines[g_list_model_get_n_items (shown) + 1], ==, "");
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(PdOrganization) org = g_list_model_get_item (shown, i);
      PdClientFigures fig;
      g_autofree char *prefix = NULL;
      g_autofree char *seats = NULL;
      const char *name = pd_organization_get_name (org);

      pd_client_figures_compute (org, &fig);
      /* Names with a comma or a quote are quoted (RFC 4180) */
      if (strpbrk (name, ",\"") != NULL)
        continue;
      prefix = g_strdup_printf ("%s,%s,%s,", pd_resource_get_id (PD_RESOURCE (org)), name,
                                pd_resource_get_enum_text (PD_RESOURCE (org), "status"));
      seats = g_strdup_printf (",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%s,",
                               fig.seats_total, fig.seats_managed, fig.seats_unprotected,
                               pd_badge_state_get_label (fig.worst_state));
      g_assert_true (g_str_has_prefix (lines[i + 1], prefix));
      g_assert_nonnull (strstr (lines[i + 1], seats));
      if (fig.has_last_backup)
        {
          g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (fig.last_backup);
          g_autofree char *iso = g_date_time_format_iso8601 (when);

          g_assert_true (g_str_has_suffix (lines[i + 1], iso));
        }
      else
        g_assert_true (g_str_has_suffix (lines[i + 1], ","));
    }
  fixture_close (&f);
}

/* Keyboard: the arrows' action, as the key controller calls it */

static PdClientSection *
section_of_focus (Fixture *f)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

  for (; focus != NULL; focus = gtk_widget_get_parent (focus))
    if (PD_IS_CLIENT_SECTION (focus))
      return PD_CLIENT_SECTION (focus);
  return NULL;
}

static int
focused_tile (Fixture *f)
{
  PdClientSection *section = section_of_focus (f);

  return section != NULL ? pd_client_section_find_tile (section, gtk_root_get_focus (GTK_ROOT (f->window))) : -1;
}

static guint
focused_position (Fixture *f)
{
  return gtk_list_item_get_position (pd_client_section_get_list_item (section_of_focus (f)));
}

typedef struct
{
  Fixture *f;
  guint    position;
} WaitFocus;

static gboolean
focus_at (gpointer data)
{
  WaitFocus *w = data;

  return section_of_focus (w->f) != NULL && focused_position (w->f) == w->position;
}

static void
move (Fixture    *f,
      const char *direction)
{
  g_assert_true (gtk_widget_activate_action (f->page, "clients.move-focus", "s", direction));
}

static void
test_keyboard (void)
{
  Fixture f = { 0 };
  GListModel *shown;
  guint n, wide = G_MAXUINT;
  WaitFocus w;

  if (owner == NULL)
    return;
  fixture_open (&f, owner->session, 1100, 600);
  shown = shown_model (&f);
  n = g_list_model_get_n_items (shown);
  /* Tab reaches the first client; an arrow enters its tiles */
  gtk_widget_grab_focus (pd_ui_test_find_type (f.page, GTK_TYPE_GRID_VIEW));
  g_assert_true (gtk_widget_child_focus (pd_ui_test_find_type (f.page, GTK_TYPE_GRID_VIEW), GTK_DIR_TAB_FORWARD));
  if (focused_tile (&f) < 0)
    move (&f, "right");
  g_assert_cmpint (focused_tile (&f), ==, 0);
  g_assert_cmpuint (focused_position (&f), ==, 0);

  /* Right and left within a client, stopping at its edges */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PdOrganization) org = g_list_model_get_item (shown, i);

      if (g_list_model_get_n_items (G_LIST_MODEL (pd_organization_get_services (org))) >= 3)
        {
          wide = i;
          break;
        }
    }
  g_assert_cmpuint (wide, <, n);
  for (guint i = 0; i < wide; i++)
    move (&f, "down");
  w = (WaitFocus) { &f, wide };
  pd_ui_test_wait_for (focus_at, &w, "the wide client");
  move (&f, "right");
  move (&f, "right");
  g_assert_cmpint (focused_tile (&f), ==, 2);
  move (&f, "left");
  g_assert_cmpint (focused_tile (&f), ==, 1);
  move (&f, "left");
  move (&f, "left");
  g_assert_cmpint (focused_tile (&f), ==, 0);
  g_assert_cmpuint (focused_position (&f), ==, wide);

  /* Down to the end of the list, scrolling: every client gets the focus in turn */
  for (guint i = wide + 1; i < n; i++)
    {
      move (&f, "down");
      w = (WaitFocus) { &f, i };
      pd_ui_test_wait_for (focus_at, &w, "the next client");
    }
  move (&f, "down");
  pd_ui_test_wait_frames (3);
  g_assert_cmpuint (focused_position (&f), ==, n - 1);
  /* And back up */
  move (&f, "up");
  w = (WaitFocus) { &f, n - 2 };
  pd_ui_test_wait_for (focus_at, &w, "the previous client");

  /* Enter on a focused tile opens it (the tile's binding emits activated) */
  g_ptr_array_set_size (f.calls, 0);
  {
    PdClientSection *section = section_of_focus (&f);
    GtkWidget *tile = pd_client_section_get_tile (section, focused_tile (&f));

    if (pd_service_tile_get_locked_reason (PD_SERVICE_TILE (tile)) == NULL)
      {
        g_signal_emit_by_name (tile, "activated");
        g_assert_true (g_str_has_prefix (last_call (&f), "show-client"));
      }
  }
  fixture_close (&f);
}

static void
test_narrow_and_dark (void)
{
  Fixture f = { 0 };
  g_autoptr(GPtrArray) sections = NULL;

  if (owner == NULL)
    return;
  fixture_open (&f, owner->session, 360, 720);
  pd_ui_test_wait_frames (5);
  /* Nothing wider than the window */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f.window)), <=, 360);
  sections = visible_sections (&f);
  g_assert_cmpuint (sections->len, >, 0);
  for (guint i = 0; i < sections->len; i++)
    {
      PdClientSection *section = g_ptr_array_index (sections, i);

      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (section)), <=, 360);
      /* One tile per line */
      if (pd_client_section_get_n_tiles (section) >= 2)
        {
          graphene_point_t a, b;

          g_assert_true (gtk_widget_compute_point (pd_client_section_get_tile (section, 0), GTK_WIDGET (f.window),
                                                   &GRAPHENE_POINT_INIT (0, 0), &a));
          g_assert_true (gtk_widget_compute_point (pd_client_section_get_tile (section, 1), GTK_WIDGET (f.window),
                                                   &GRAPHENE_POINT_INIT (0, 0), &b));
          g_assert_cmpfloat (a.x, ==, b.x);
          g_assert_cmpfloat (b.y, >, a.y);
        }
    }
  screenshot (&f, "clients-narrow");
  fixture_close (&f);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  fixture_open (&f, owner->session, 1100, 800);
  screenshot (&f, "clients-dark");
  fixture_close (&f);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int    argc,
      char **argv)
{
  int status;

  pd_ui_test_init (&argc, &argv);
  owner = pd_ui_test_session_new ((const char *[]) { "--seed", "50", NULL }, "owner");
  g_test_add_func ("/clients/page/grid", test_grid);
  g_test_add_func ("/clients/page/search", test_search);
  g_test_add_func ("/clients/page/filters", test_filters);
  g_test_add_func ("/clients/page/sorts", test_sorts);
  g_test_add_func ("/clients/page/saved-views", test_saved_views);
  g_test_add_func ("/clients/page/drill-down", test_drill_down);
  g_test_add_func ("/clients/page/role-lock", test_role_lock);
  g_test_add_func ("/clients/page/csv", test_csv);
  g_test_add_func ("/clients/page/keyboard", test_keyboard);
  g_test_add_func ("/clients/page/narrow-and-dark", test_narrow_and_dark);
  status = g_test_run ();
  pd_ui_test_session_free (owner);
  return status;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Bulk protect / pause / unprotect from the client page against the reference portal
 * (--seed 50): the selected accounts change and the table follows; per-item failures are
 * listed by name; the seat limit is explained before anything is sent, and again when the
 * portal refuses because the page's figures were out of date. */
#include "config.h"

#include "client-test.h"
#include "pd-account-bulk.h"
#include "pd-organization.h"

static PdUiTestSession *owner;

static GStrv
visible_ids (ClientTest *t,
             guint       n)
{
  GListModel *visible = pd_accounts_table_get_visible (t->table);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_assert_cmpuint (g_list_model_get_n_items (visible), >=, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PdAccount) account = g_list_model_get_item (visible, i);
      g_strv_builder_add (builder, pd_resource_get_id (PD_RESOURCE (account)));
    }
  return g_strv_builder_end (builder);
}

static PdService *
lookup_service (const char *organization_id,
                const char *service_id)
{
  GListModel *orgs = pd_session_get_organizations (owner->session);
  PdOrganization *org = PD_ORGANIZATION (pd_resource_list_lookup (PD_RESOURCE_LIST (orgs), organization_id));

  return PD_SERVICE (pd_resource_list_lookup (pd_organization_get_services (org), service_id));
}

typedef struct {
  PdService *service;
  gint64     open;
} SeatsWait;

static gboolean
seats_open_is (gpointer data)
{
  SeatsWait *wait = data;
  return pd_service_get_seats_open (wait->service) == wait->open;
}

static gboolean
one_visible (gpointer data)
{
  ClientTest *t = data;
  return g_list_model_get_n_items (pd_accounts_table_get_visible (t->table)) == 1 &&
         !pd_accounts_table_get_loading (t->table);
}

static void
set_status_filter (ClientTest *t,
                   guint       index)
{
  gtk_drop_down_set_selected (GTK_DROP_DOWN (pd_ui_test_find_id (t->page, "status_dropdown")), index);
}

/* Harbor Dental Group's SharePoint (org_1, svc_3): 15 open seats, 3 unprotected sites */
static void
test_protect_pause_unprotect (void)
{
  g_autoptr(ClientTest) t = NULL;
  g_auto(GStrv) ids = NULL;
  PdService *service;
  SeatsWait seats;

  if (owner == NULL)
    return;
  t = client_test_new (owner, "org_1", "svc_3", 1200, 860);
  client_test_wait_loaded (t);
  service = lookup_service ("org_1", "svc_3");
  seats.service = service;
  seats.open = pd_service_get_seats_open (service);

  set_status_filter (t, 3);  /* unprotected */
  g_assert_cmpuint (g_list_model_get_n_items (pd_accounts_table_get_visible (t->table)), ==, 3);
  ids = visible_ids (t, 2);
  client_test_select_ids (t, (const char * const *) ids);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (pd_ui_test_find_id (t->page, "selection_revealer"))));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (pd_ui_test_find_id (t->page, "selection_label"))), ==, "2 selected");

  client_test_bulk (t, "protect");
  client_test_wait_action (t, "show-toast 'Protected 2 accounts'");
  client_test_wait_protection (t, "org_1", "svc_3", ids[0], PD_ACCOUNT_PROTECTION_PROTECTED);
  client_test_wait_protection (t, "org_1", "svc_3", ids[1], PD_ACCOUNT_PROTECTION_PROTECTED);
  /* the table follows: they no longer match "unprotected" */
  pd_ui_test_wait_for (one_visible, t, "the protected accounts to leave the filtered rows");
  g_assert_false (client_test_visible_contains (t, ids[0]));
  /* and the tile's seat figures, after the delta sync */
  seats.open -= 2;
  pd_ui_test_wait_for (seats_open_is, &seats, "two fewer open seats");

  set_status_filter (t, 1);  /* protected */
  client_test_select_ids (t, (const char * const *) ids);
  client_test_bulk (t, "pause");
  client_test_wait_action (t, "show-toast 'Paused 2 accounts'");
  client_test_wait_protection (t, "org_1", "svc_3", ids[0], PD_ACCOUNT_PROTECTION_PAUSED);
  client_test_wait_protection (t, "org_1", "svc_3", ids[1], PD_ACCOUNT_PROTECTION_PAUSED);

  set_status_filter (t, 2);  /* paused */
  client_test_select_ids (t, (const char * const *) ids);
  client_test_bulk (t, "unprotect");
  client_test_wait_action (t, "show-toast 'Unprotected 2 accounts'");
  client_test_wait_protection (t, "org_1", "svc_3", ids[0], PD_ACCOUNT_PROTECTION_UNPROTECTED);
  client_test_wait_protection (t, "org_1", "svc_3", ids[1], PD_ACCOUNT_PROTECTION_UNPROTECTED);
  seats.open += 2;
  pd_ui_test_wait_for (seats_open_is, &seats, "the seats back");
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (pd_ui_test_find_id (t->page, "notice_revealer"))));
  g_assert_null (client_test_find_action (t, "show-error"));
}

static gboolean
notice_shown (gpointer data)
{
  ClientTest *t = data;
  return gtk_revealer_get_child_revealed (GTK_REVEALER (pd_ui_test_find_id (t->page, "notice_revealer")));
}

/* Pausing a protected and an unprotected account: one done, one refused with its reason */
static void
test_partial_failure (void)
{
  g_autoptr(ClientTest) t = NULL;
  g_auto(GStrv) protected = NULL;
  g_auto(GStrv) unprotected = NULL;
  const char *ids[3];
  PdAccount *refused;
  g_autofree char *refused_name = NULL;

  if (owner == NULL)
    return;
  t = client_test_new (owner, "org_1", "svc_1", 1200, 860);
  client_test_wait_loaded (t);
  set_status_filter (t, 1);
  protected = visible_ids (t, 1);
  set_status_filter (t, 3);
  unprotected = visible_ids (t, 1);
  refused = client_test_lookup_account (t, "org_1", "svc_1", unprotected[0]);
  refused_name = g_strdup (pd_account_get_display_name (refused));
  set_status_filter (t, 0);
  ids[0] = protected[0];
  ids[1] = unprotected[0];
  ids[2] = NULL;
  client_test_select_ids (t, ids);

  client_test_bulk (t, "pause");
  pd_ui_test_wait_for (notice_shown, t, "the outcome");
  g_assert_nonnull (pd_ui_test_find_label (t->page, "Paused 1 of 2 accounts"));
  g_assert_nonnull (pd_ui_test_find_label (t->page, "1 account could not be changed"));
  g_assert_nonnull (pd_ui_test_find_label (t->page, refused_name));
  g_assert_nonnull (pd_ui_test_find_label (t->page, "only protected accounts can be paused"));
  client_test_wait_protection (t, "org_1", "svc_1", protected[0], PD_ACCOUNT_PROTECTION_PAUSED);
  g_assert_cmpint (pd_account_get_protection (refused), ==, PD_ACCOUNT_PROTECTION_UNPROTECTED);
  g_assert_null (client_test_find_action (t, "show-toast"));
  pd_ui_test_screenshot (t->page, "client-bulk-partial");

  /* dismissed with its button */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (t->table), "accounts.dismiss-notice", NULL));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (pd_ui_test_find_id (t->page, "notice_revealer"))));
}

/* Kestrel Logistics' Drive (org_2, svc_6): no open seat, four unprotected accounts */
static void
test_limit_before_sending (void)
{
  g_autoptr(ClientTest) t = NULL;
  g_auto(GStrv) ids = NULL;
  guint n;

  if (owner == NULL)
    return;
  t = client_test_new (owner, "org_2", "svc_6", 1200, 860);
  client_test_wait_loaded (t);
  set_status_filter (t, 3);
  n = g_list_model_get_n_items (pd_accounts_table_get_visible (t->table));
  g_assert_cmpuint (n, ==, 4);
  ids = visible_ids (t, n);
  client_test_select_ids (t, (const char * const *) ids);

  client_test_bulk (t, "protect");
  pd_ui_test_wait_for (notice_shown, t, "the explanation");
  g_assert_nonnull (pd_ui_test_find_label (t->page, "Not enough open seats"));
  g_assert_nonnull (pd_ui_test_find_label (t->page,
                                           "Protecting 4 accounts needs 4 open seats; this client’s Google Drive has 0."));
  g_assert_nonnull (pd_ui_test_find_label (t->page, "Raise the license tier or protect fewer."));
  /* nothing was sent */
  g_assert_cmpuint (g_list_model_get_n_items (pd_outbox_get_entries (pd_session_get_outbox (owner->session))), ==, 0);
  g_assert_cmpint (pd_account_get_protection (client_test_lookup_account (t, "org_2", "svc_6", ids[0])), ==,
                   PD_ACCOUNT_PROTECTION_UNPROTECTED);
  pd_ui_test_screenshot (t->page, "client-bulk-limit");
}

static void
on_behind_back (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdAccountBulkResult) outcome = pd_account_bulk_finish (result, &error);

  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

/* A service whose unprotected accounts outnumber its few open seats */
static PdService *
find_tight_service (void)
{
  GListModel *orgs = pd_session_get_organizations (owner->session);

  for (guint i = 0; i < g_list_model_get_n_items (orgs); i++)
    {
      g_autoptr(PdOrganization) org = g_list_model_get_item (orgs, i);
      GListModel *services = G_LIST_MODEL (pd_organization_get_services (org));

      if (pd_organization_get_relationship (org) != PD_RELATIONSHIP_MSP)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (services); j++)
        {
          g_autoptr(PdService) service = g_list_model_get_item (services, j);
          gint64 open = pd_service_get_seats_open (service);

          if (pd_service_get_authorization_state (service) == PD_AUTHORIZATION_STATE_AUTHORIZED &&
              open >= 1 && open <= 5 && pd_service_get_seats_unprotected (service) >= open + 1)
            return service;
        }
    }
  return NULL;
}

/* The page's seat figures are out of date (someone else protected an account meanwhile):
 * the page sends, the portal refuses with 409 seat-limit, and that is explained. */
static void
test_limit_from_portal (void)
{
  g_autoptr(ClientTest) t = NULL;
  g_auto(GStrv) ids = NULL;
  g_auto(GStrv) all = NULL;
  PdService *service;
  const char *org_id, *svc_id;
  const char *other[2] = { NULL, NULL };
  g_autofree char *only = NULL;
  gboolean done = FALSE;
  guint open;

  if (owner == NULL)
    return;
  service = find_tight_service ();
  if (service == NULL)
    {
      g_test_skip ("no service with fewer open seats than unprotected accounts in this seed");
      return;
    }
  org_id = pd_service_get_organization_id (service);
  svc_id = pd_resource_get_id (PD_RESOURCE (service));
  open = (guint) pd_service_get_seats_open (service);
  g_test_message ("%s %s: %u open", org_id, svc_id, open);

  t = client_test_new (owner, org_id, svc_id, 1200, 860);
  client_test_wait_loaded (t);
  set_status_filter (t, 3);
  all = visible_ids (t, open + 1);
  ids = g_strdupv (all);
  g_free (ids[open]);
  ids[open] = NULL;  /* exactly as many as the page believes are open */
  client_test_select_ids (t, (const char * const *) ids);

  /* behind the page's back, one more account takes a seat */
  other[0] = all[open];
  pd_account_bulk_async (pd_session_get_outbox (owner->session), org_id, svc_id, PD_ACCOUNT_BULK_ACTION_PROTECT,
                         other, NULL, on_behind_back, &done);
  pd_test_wait_until (&done, 60000);

  client_test_bulk (t, "protect");
  pd_ui_test_wait_for (notice_shown, t, "the portal's refusal");
  g_assert_nonnull (pd_ui_test_find_label (t->page, "The portal refused: not enough open seats"));
  only = g_strdup_printf ("This needs %u seat%s but only %u", open, open == 1 ? "" : "s", open - 1);
  g_assert_nonnull (pd_ui_test_find_label (t->page, only));
  g_assert_nonnull (pd_ui_test_find_label (t->page, "Nothing was changed."));
  g_assert_cmpint (pd_account_get_protection (client_test_lookup_account (t, org_id, svc_id, ids[0])), ==,
                   PD_ACCOUNT_PROTECTION_UNPROTECTED);
  /* explained here, so not left in the outbox */
  g_assert_cmpuint (g_list_model_get_n_items (pd_outbox_get_entries (pd_session_get_outbox (owner->session))), ==, 0);
  pd_ui_test_screenshot (t->page, "client-bulk-refused");
}

int
main (int    argc,
      char **argv)
{
  int status;

  pd_ui_test_init (&argc, &argv);
  owner = pd_ui_test_session_new ((const char *[]) { "--seed", "50", NULL }, "owner");

  g_test_add_func ("/ui/client/bulk/protect-pause-unprotect", test_protect_pause_unprotect);
  g_test_add_func ("/ui/client/bulk/partial-failure", test_partial_failure);
  g_test_add_func ("/ui/client/bulk/limit-before-sending", test_limit_before_sending);
  g_test_add_func ("/ui/client/bulk/limit-from-portal", test_limit_from_portal);
  status = g_test_run ();
  g_clear_pointer (&owner, pd_ui_test_session_free);
  return status;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The account page against the reference portal (--seed 50): an Exchange user's four
 * data types, a SharePoint site's files and size, a reseller client's account explained
 * instead of shown, an unknown account; and what roles without the permissions see on the
 * client page (technician: read-only; finance: no accounts). */
#include "config.h"

#include "client-test.h"

static PdUiTestSession *owner;

typedef struct {
  PdSession  *session;
  const char *org;
  const char *svc;
} ListWait;

static gboolean
list_filled (gpointer data)
{
  ListWait *wait = data;
  return g_list_model_get_n_items (G_LIST_MODEL (pd_session_get_accounts (wait->session, wait->org, wait->svc))) > 0;
}

/* The first account of @svc with @protection */
static PdAccount *
first_account (const char          *org,
               const char          *svc,
               PdAccountProtection  protection)
{
  ListWait wait = { owner->session, org, svc };
  GListModel *list = G_LIST_MODEL (pd_session_get_accounts (owner->session, org, svc));

  pd_ui_test_wait_for (list_filled, &wait, "the accounts");
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(PdAccount) account = g_list_model_get_item (list, i);

      if (pd_account_get_protection (account) == protection)
        return account;  /* the list keeps it */
    }
  g_assert_not_reached ();
  return NULL;
}

static gboolean
shows_account (gpointer data)
{
  ClientTest *t = data;
  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (pd_ui_test_find_id (t->page, "stack"))), "account") == 0;
}

static GPtrArray *
row_titles (ClientTest *t,
            GType       type)
{
  g_autoptr(GPtrArray) rows = pd_ui_test_find_all_type (t->page, type);
  GPtrArray *titles = g_ptr_array_new ();

  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (titles, (gpointer) adw_preferences_row_get_title (g_ptr_array_index (rows, i)));
  return titles;
}

static gboolean
has_title (GPtrArray  *titles,
           const char *title)
{
  for (guint i = 0; i < titles->len; i++)
    if (g_strcmp0 (g_ptr_array_index (titles, i), title) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
expanded (gpointer data)
{
  ClientTest *t = data;
  g_autoptr(GPtrArray) titles = row_titles (t, ADW_TYPE_ACTION_ROW);

  return has_title (titles, "Date added");
}

static void
test_exchange_user (void)
{
  g_autoptr(ClientTest) t = NULL;
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GPtrArray) details = NULL;
  PdAccount *account;

  if (owner == NULL)
    return;
  account = first_account ("org_1", "svc_1", PD_ACCOUNT_PROTECTION_PROTECTED);
  t = client_test_new_account (owner, "org_1", "svc_1", pd_resource_get_id (PD_RESOURCE (account)));
  pd_ui_test_wait_for (shows_account, t, "the account");

  g_assert_cmpstr (pd_account_page_get_title (PD_ACCOUNT_PAGE (t->page)), ==, pd_account_get_display_name (account));
  g_assert_nonnull (pd_ui_test_find_label (t->page, pd_account_get_email (account)));
  g_assert_nonnull (pd_ui_test_find_label (t->page, "User"));
  g_assert_nonnull (pd_ui_test_find_label (t->page, "Exchange"));
  g_assert_nonnull (pd_ui_test_find_label (t->page, "Protected"));

  /* Exchange backs up four data types, each with status, date added, last backup, result */
  sections = row_titles (t, ADW_TYPE_EXPANDER_ROW);
  g_assert_cmpuint (sections->len, ==, 4);
  g_assert_true (has_title (sections, "Email"));
  g_assert_true (has_title (sections, "Calendar"));
  g_assert_true (has_title (sections, "Contacts"));
  g_assert_true (has_title (sections, "Tasks"));
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(GPtrArray) rows = pd_ui_test_find_all_type (t->page, ADW_TYPE_EXPANDER_ROW);
      adw_expander_row_set_expanded (g_ptr_array_index (rows, i), TRUE);
    }
  pd_ui_test_wait_for (expanded, t, "the data types to open");
  details = row_titles (t, ADW_TYPE_ACTION_ROW);
  g_assert_true (has_title (details, "Date added"));
  g_assert_true (has_title (details, "Last result"));
  g_assert_true (has_title (details, "Last backup"));
  g_assert_true (has_title (details, "Items backed up"));
  pd_ui_test_screenshot (t->page, "account-detail");
}

static void
test_site (void)
{
  g_autoptr(ClientTest) t = NULL;
  g_autoptr(GPtrArray) details = NULL;
  PdAccount *account;

  if (owner == NULL)
    return;
  account = first_account ("org_1", "svc_3", PD_ACCOUNT_PROTECTION_PROTECTED);
  t = client_test_new_account (owner, "org_1", "svc_3", pd_resource_get_id (PD_RESOURCE (account)));
  pd_ui_test_wait_for (shows_account, t, "the site");
  g_assert_nonnull (pd_ui_test_find_label (t->page, "Site"));
  details = row_titles (t, ADW_TYPE_ACTION_ROW);
  g_assert_true (has_title (details, "Files"));
  g_assert_true (has_title (details, "Size"));
  g_assert_true (has_title (details, "Last backup"));
  pd_ui_test_screenshot (t->page, "account-detail-site");
}

static void
test_reseller (void)
{
  g_autoptr(ClientTest) reseller = NULL;

  if (owner == NULL)
    return;
  reseller = client_test_new_account (owner, "org_4", "svc_13", "acc_1");
  g_assert_nonnull (pd_ui_test_find_label (reseller->page, "Account Not Available"));
  g_assert_nonnull (pd_ui_test_find_label (reseller->page, "reseller of Bright Path Academy"));
  g_assert_cmpstr (pd_account_page_get_title (PD_ACCOUNT_PAGE (reseller->page)), ==, "Account Not Available");
}

static gboolean
says_not_found (gpointer data)
{
  ClientTest *t = data;
  return pd_ui_test_find_label (t->page, "Account Not Found") != NULL;
}

static void
test_unknown (void)
{
  g_autoptr(ClientTest) t = NULL;

  if (owner == NULL)
    return;
  t = client_test_new_account (owner, "org_1", "svc_1", "acc_no_such");
  pd_ui_test_wait_for (says_not_found, t, "the account to be missing");
  g_assert_cmpstr (pd_account_page_get_title (PD_ACCOUNT_PAGE (t->page)), ==, "Account Not Found");
}

static void
test_change_protection (void)
{
  g_autoptr(ClientTest) t = NULL;
  g_autoptr(ClientTest) full = NULL;
  g_autofree char *id = NULL;
  g_autofree char *toast = NULL;
  PdAccount *account;

  if (owner == NULL)
    return;
  account = first_account ("org_1", "svc_3", PD_ACCOUNT_PROTECTION_UNPROTECTED);
  id = g_strdup (pd_resource_get_id (PD_RESOURCE (account)));
  t = client_test_new_account (owner, "org_1", "svc_3", id);
  pd_ui_test_wait_for (shows_account, t, "the site");
  g_assert_true (gtk_widget_get_visible (pd_ui_test_find_id (t->page, "protect_button")));
  g_assert_false (gtk_widget_get_visible (pd_ui_test_find_id (t->page, "pause_button")));

  g_assert_true (gtk_widget_activate_action (t->page, "account.change", "s", "protect"));
  toast = g_strdup_printf ("show-toast '%s is protected'", pd_account_get_display_name (account));
  client_test_wait_action (t, toast);
  client_test_wait_protection (t, "org_1", "svc_3", id, PD_ACCOUNT_PROTECTION_PROTECTED);
  g_assert_true (gtk_widget_get_visible (pd_ui_test_find_id (t->page, "pause_button")));
  g_assert_false (gtk_widget_get_visible (pd_ui_test_find_id (t->page, "protect_button")));

  g_assert_true (gtk_widget_activate_action (t->page, "account.change", "s", "unprotect"));
  client_test_wait_protection (t, "org_1", "svc_3", id, PD_ACCOUNT_PROTECTION_UNPROTECTED);
  g_assert_null (client_test_find_action (t, "show-error"));

  /* Kestrel's Drive has no open seat: said before anything is sent */
  account = first_account ("org_2", "svc_6", PD_ACCOUNT_PROTECTION_UNPROTECTED);
  full = client_test_new_account (owner, "org_2", "svc_6", pd_resource_get_id (PD_RESOURCE (account)));
  pd_ui_test_wait_for (shows_account, full, "the account");
  g_assert_true (gtk_widget_activate_action (full->page, "account.change", "s", "protect"));
  g_assert_nonnull (client_test_find_action (full, "show-error ('Not enough open seats'"));
  g_assert_cmpuint (g_list_model_get_n_items (pd_outbox_get_entries (pd_session_get_outbox (owner->session))), ==, 0);
}

/* technician: accounts.read, not accounts.protect */
static void
test_technician (void)
{
  g_autoptr(PdUiTestSession) technician = pd_ui_test_session_new ((const char *[]) { "--seed", "50", NULL }, "technician");
  g_autoptr(ClientTest) t = NULL;

  if (technician == NULL)
    return;
  t = client_test_new (technician, "org_1", NULL, 1200, 860);
  client_test_wait_loaded (t);
  client_test_select (t, 0, 2);
  g_assert_false (gtk_widget_get_visible (pd_ui_test_find_id (t->page, "bulk_buttons")));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (pd_ui_test_find_id (t->page, "selection_label"))),
                            "accounts.protect"));
  /* a stray activation changes nothing */
  g_assert_false (gtk_widget_is_sensitive (pd_ui_test_find_id (t->page, "protect_button")));
  pd_ui_test_screenshot (t->page, "client-read-only");
  {
    g_autoptr(ClientTest) account = NULL;
    g_autoptr(PdAccount) first = g_list_model_get_item (pd_accounts_table_get_visible (t->table), 0);

    account = client_test_new_account (technician, "org_1", pd_account_get_service_id (first),
                                       pd_resource_get_id (PD_RESOURCE (first)));
    pd_ui_test_wait_for (shows_account, account, "the account");
    g_assert_false (gtk_widget_get_visible (pd_ui_test_find_id (account->page, "actions_box")));
  }
}

/* finance: no accounts.read; the page explains instead of asking the portal */
static void
test_finance (void)
{
  g_autoptr(PdUiTestSession) finance = client_test_session_new_partial ("finance", 50);
  g_autoptr(ClientTest) t = NULL;
  g_autoptr(ClientTest) account = NULL;

  if (finance == NULL)
    return;
  t = client_test_new (finance, "org_1", NULL, 1200, 860);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (pd_ui_test_find_id (t->page, "accounts_stack"))), ==,
                   "restricted");
  g_assert_nonnull (pd_ui_test_find_label (t->page, "“See accounts”"));
  g_assert_false (pd_accounts_table_get_loading (t->table));
  g_assert_cmpuint (g_list_model_get_n_items (pd_accounts_table_get_all (t->table)), ==, 0);

  account = client_test_new_account (finance, "org_1", "svc_1", "acc_1");
  g_assert_nonnull (pd_ui_test_find_label (account->page, "“See accounts”"));
}

int
main (int    argc,
      char **argv)
{
  int status;

  pd_ui_test_init (&argc, &argv);
  owner = pd_ui_test_session_new ((const char *[]) { "--seed", "50", NULL }, "owner");

  g_test_add_func ("/ui/account/exchange-user", test_exchange_user);
  g_test_add_func ("/ui/account/site", test_site);
  g_test_add_func ("/ui/account/reseller", test_reseller);
  g_test_add_func ("/ui/account/unknown", test_unknown);
  g_test_add_func ("/ui/account/change-protection", test_change_protection);
  g_test_add_func ("/ui/client/roles/technician", test_technician);
  g_test_add_func ("/ui/client/roles/finance", test_finance);
  status = g_test_run ();
  g_clear_pointer (&owner, pd_ui_test_session_free);
  return status;
}

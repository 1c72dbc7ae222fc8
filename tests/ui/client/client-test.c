/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "client-test.h"
#include "pd-badge-state.h"
#include "pd-client-format.h"
#include "pd-organization.h"
#include "pd-service-info.h"

static PdSession *current_session;

PdUiTestSession *
client_test_session_new_partial (const char *role,
                                 guint       n_organizations)
{
  PdUiTestSession *test;
  g_autofree char *registry_path = NULL;
  g_autofree char *cache_dir = NULL;

  if (!pd_session_test_keyring_ready ())
    {
      g_test_skip ("no test keyring (run inside build-aux/test-session)");
      return NULL;
    }
  test = g_new0 (PdUiTestSession, 1);
  test->dir = g_dir_make_tmp ("pd-ui-XXXXXX", NULL);
  registry_path = g_build_filename (test->dir, "accounts.ini", NULL);
  cache_dir = g_build_filename (test->dir, "cache", NULL);
  test->portal = pd_test_portal_start ((const char *[]) { "--seed", "50", NULL });
  test->registry = pd_account_registry_new (registry_path);
  test->account = pd_session_test_sign_in_key (test->registry, pd_test_portal_get_url (test->portal),
                                               pd_test_portal_get_key (test->portal, role));
  test->session = pd_session_new (test->account, cache_dir);
  pd_session_set_registry (test->session, test->registry);
  pd_session_set_refresh_interval (test->session, 0);
  pd_session_test_start (test->session);
  pd_session_test_wait_me (test->session);
  pd_session_test_wait_items (pd_session_get_organizations (test->session), n_organizations);
  return test;
}  /* for the service comparator */

static void
record (GSimpleAction *action,
        GVariant      *parameter,
        gpointer       user_data)
{
  ClientTest *t = user_data;
  g_autofree char *text = parameter ? g_variant_print (parameter, FALSE) : g_strdup ("");

  g_ptr_array_add (t->log, g_strdup_printf ("%s %s", g_action_get_name (G_ACTION (action)), text));
  g_test_message ("win.%s %s", g_action_get_name (G_ACTION (action)), text);
}

static ClientTest *
client_test_new_with (PdUiTestSession *test,
                      GtkWidget       *page,
                      int              width,
                      int              height)
{
  const GActionEntry entries[] = {
    { "show-page", record, "s", NULL, NULL, { 0 } },
    { "show-client", record, "(ss)", NULL, NULL, { 0 } },
    { "show-account", record, "(sss)", NULL, NULL, { 0 } },
    { "show-error", record, "(ss)", NULL, NULL, { 0 } },
    { "show-toast", record, "s", NULL, NULL, { 0 } },
  };
  ClientTest *t = g_new0 (ClientTest, 1);

  t->test = test;
  t->log = g_ptr_array_new_with_free_func (g_free);
  t->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (t->actions), entries, G_N_ELEMENTS (entries), t);
  t->page = page;
  t->window = pd_ui_test_window_new (page, width, height);
  gtk_widget_insert_action_group (GTK_WIDGET (t->window), "win", G_ACTION_GROUP (t->actions));
  current_session = test->session;
  return t;
}

ClientTest *
client_test_new (PdUiTestSession *test,
                 const char      *organization_id,
                 const char      *service_id,
                 int              width,
                 int              height)
{
  ClientTest *t = client_test_new_with (test, pd_client_page_new (test->session, organization_id, service_id),
                                        width, height);

  t->table = PD_ACCOUNTS_TABLE (pd_ui_test_find_type (t->page, PD_TYPE_ACCOUNTS_TABLE));
  g_assert_nonnull (t->table);
  return t;
}

ClientTest *
client_test_new_account (PdUiTestSession *test,
                         const char      *organization_id,
                         const char      *service_id,
                         const char      *account_id)
{
  return client_test_new_with (test, pd_account_page_new (test->session, organization_id, service_id, account_id),
                               900, 900);
}

void
client_test_free (ClientTest *t)
{
  pd_ui_test_window_destroy (t->window);
  g_clear_object (&t->actions);
  g_ptr_array_unref (t->log);
  g_free (t);
}

static gboolean
loaded (gpointer data)
{
  ClientTest *t = data;

  return !pd_accounts_table_get_loading (t->table) &&
         g_list_model_get_n_items (pd_accounts_table_get_all (t->table)) > 0;
}

void
client_test_wait_loaded (ClientTest *t)
{
  pd_ui_test_wait_for (loaded, t, "the accounts to be fetched");
  pd_ui_test_wait_frames (2);
}

guint
client_test_count_accounts (ClientTest *t)
{
  GListModel *all = pd_accounts_table_get_all (t->table);
  g_autoptr(GHashTable) services = g_hash_table_new (g_str_hash, g_str_equal);
  guint total = 0;

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(PdAccount) account = g_list_model_get_item (all, i);
      g_hash_table_add (services, (gpointer) pd_account_get_service_id (account));
    }
  /* the session's own lists, which the table flattens */
  {
    GHashTableIter iter;
    gpointer id;
    g_autoptr(PdAccount) any = g_list_model_get_item (all, 0);

    g_hash_table_iter_init (&iter, services);
    while (g_hash_table_iter_next (&iter, &id, NULL))
      total += g_list_model_get_n_items (G_LIST_MODEL (pd_session_get_accounts (t->test->session,
                                                                                pd_account_get_organization_id (any), id)));
  }
  return total;
}

const char *
client_test_last_action (ClientTest *t)
{
  return t->log->len > 0 ? g_ptr_array_index (t->log, t->log->len - 1) : NULL;
}

const char *
client_test_find_action (ClientTest *t,
                         const char *prefix)
{
  for (guint i = 0; i < t->log->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (t->log, i), prefix))
      return g_ptr_array_index (t->log, i);
  return NULL;
}

typedef struct {
  ClientTest *t;
  const char *prefix;
} ActionWait;

static gboolean
action_seen (gpointer data)
{
  ActionWait *wait = data;
  return client_test_find_action (wait->t, wait->prefix) != NULL;
}

void
client_test_wait_action (ClientTest *t,
                         const char *prefix)
{
  ActionWait wait = { t, prefix };

  pd_ui_test_wait_for (action_seen, &wait, prefix);
}

gboolean
client_test_is_service (PdAccount *account, gconstpointer service_id)
{
  return g_strcmp0 (pd_account_get_service_id (account), service_id) == 0;
}

gboolean
client_test_is_kind (PdAccount *account, gconstpointer kind)
{
  return pd_account_get_kind (account) == (PdAccountType) GPOINTER_TO_UINT (kind);
}

gboolean
client_test_is_protection (PdAccount *account, gconstpointer protection)
{
  return pd_account_get_protection (account) == (PdAccountProtection) GPOINTER_TO_UINT (protection);
}

static gboolean
contains_folded (const char *text,
                 const char *needle)
{
  g_autofree char *a = text ? g_utf8_casefold (text, -1) : NULL;
  g_autofree char *b = g_utf8_casefold (needle, -1);

  return a != NULL && strstr (a, b) != NULL;
}

gboolean
client_test_matches_search (PdAccount *account, gconstpointer text)
{
  return contains_folded (pd_account_get_display_name (account), text) ||
         contains_folded (pd_account_get_email (account), text);
}

void
client_test_assert_visible (ClientTest          *t,
                            ClientTestPredicate  predicate,
                            gconstpointer        data)
{
  GListModel *visible = pd_accounts_table_get_visible (t->table);

  for (guint i = 0; i < g_list_model_get_n_items (visible); i++)
    {
      g_autoptr(PdAccount) account = g_list_model_get_item (visible, i);

      if (!predicate (account, data))
        g_error ("row %u (%s) should not be shown", i, pd_resource_get_id (PD_RESOURCE (account)));
    }
}

gboolean
client_test_visible_contains (ClientTest *t,
                              const char *account_id)
{
  GListModel *visible = pd_accounts_table_get_visible (t->table);

  for (guint i = 0; i < g_list_model_get_n_items (visible); i++)
    {
      g_autoptr(PdAccount) account = g_list_model_get_item (visible, i);

      if (g_strcmp0 (pd_resource_get_id (PD_RESOURCE (account)), account_id) == 0)
        return TRUE;
    }
  return FALSE;
}

void
client_test_select (ClientTest *t,
                    guint       from,
                    guint       n)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (pd_ui_test_find_id (t->page, "column_view"));

  gtk_selection_model_select_range (gtk_column_view_get_model (view), from, n, TRUE);
  pd_ui_test_wait_frames (2);
}

int
client_test_compare_name (gconstpointer a, gconstpointer b)
{
  return g_utf8_collate (pd_account_get_display_name ((PdAccount *) a), pd_account_get_display_name ((PdAccount *) b));
}

int
client_test_compare_type (gconstpointer a, gconstpointer b)
{
  return g_utf8_collate (pd_client_format_account_type (pd_account_get_kind ((PdAccount *) a)),
                         pd_client_format_account_type (pd_account_get_kind ((PdAccount *) b)));
}

static const char *
service_name (PdAccount *account)
{
  GListModel *orgs = pd_session_get_organizations (current_session);
  PdOrganization *org = PD_ORGANIZATION (pd_resource_list_lookup (PD_RESOURCE_LIST (orgs),
                                                                  pd_account_get_organization_id (account)));
  PdService *service = PD_SERVICE (pd_resource_list_lookup (pd_organization_get_services (org),
                                                            pd_account_get_service_id (account)));

  return pd_service_application_get_name (pd_service_get_application (service));
}

int
client_test_compare_service (gconstpointer a, gconstpointer b)
{
  return g_utf8_collate (service_name ((PdAccount *) a), service_name ((PdAccount *) b));
}

int
client_test_compare_protection (gconstpointer a, gconstpointer b)
{
  return (int) pd_account_get_protection ((PdAccount *) a) - (int) pd_account_get_protection ((PdAccount *) b);
}

int
client_test_compare_backup (gconstpointer a, gconstpointer b)
{
  return pd_badge_state_get_severity (pd_client_format_backup_status_badge (pd_account_get_backup_status ((PdAccount *) a))) -
         pd_badge_state_get_severity (pd_client_format_backup_status_badge (pd_account_get_backup_status ((PdAccount *) b)));
}

int
client_test_compare_last_backup (gconstpointer a, gconstpointer b)
{
  GDateTime *x = pd_account_get_last_backup_at ((PdAccount *) a);
  GDateTime *y = pd_account_get_last_backup_at ((PdAccount *) b);

  if (x == NULL || y == NULL)
    return (x != NULL) - (y != NULL);
  return g_date_time_compare (x, y);
}

void
client_test_assert_sorted (ClientTest   *t,
                           GCompareFunc  compare,
                           gboolean      descending)
{
  GListModel *visible = pd_accounts_table_get_visible (t->table);
  guint n = g_list_model_get_n_items (visible);

  g_assert_cmpuint (n, >, 1);
  for (guint i = 0; i + 1 < n; i++)
    {
      g_autoptr(PdAccount) a = g_list_model_get_item (visible, i);
      g_autoptr(PdAccount) b = g_list_model_get_item (visible, i + 1);
      int cmp = compare (a, b);

      if (descending ? cmp < 0 : cmp > 0)
        g_error ("rows %u and %u are out of order", i, i + 1);
    }
}

GtkColumnViewColumn *
client_test_column (ClientTest *t,
                    const char *title)
{
  GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (pd_ui_test_find_id (t->page, "column_view")));

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;  /* the view keeps it */
    }
  g_error ("no column “%s”", title);
  return NULL;
}

gboolean
client_test_type_column_visible (gpointer data)
{
  return gtk_column_view_column_get_visible (client_test_column (data, "Type"));
}

void
client_test_select_ids (ClientTest         *t,
                        const char * const *ids)
{
  GtkSelectionModel *model = gtk_column_view_get_model (GTK_COLUMN_VIEW (pd_ui_test_find_id (t->page, "column_view")));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));
  guint found = 0;

  gtk_selection_model_unselect_all (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PdAccount) account = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (g_strv_contains (ids, pd_resource_get_id (PD_RESOURCE (account))))
        {
          gtk_selection_model_select_item (model, i, FALSE);
          found++;
        }
    }
  g_assert_cmpuint (found, ==, g_strv_length ((char **) ids));
  pd_ui_test_wait_frames (2);
}

void
client_test_bulk (ClientTest *t,
                  const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (t->table), "accounts.bulk", "s", action));
}

PdAccount *
client_test_lookup_account (ClientTest *t,
                            const char *organization_id,
                            const char *service_id,
                            const char *account_id)
{
  PdResourceList *list = pd_session_get_accounts (t->test->session, organization_id, service_id);

  return PD_ACCOUNT (pd_resource_list_lookup (list, account_id));
}

typedef struct {
  ClientTest          *t;
  const char          *organization_id;
  const char          *service_id;
  const char          *account_id;
  PdAccountProtection  protection;
} ProtectionWait;

static gboolean
has_protection (gpointer data)
{
  ProtectionWait *wait = data;
  PdAccount *account = client_test_lookup_account (wait->t, wait->organization_id, wait->service_id, wait->account_id);

  return account != NULL && pd_account_get_protection (account) == wait->protection;
}

void
client_test_wait_protection (ClientTest          *t,
                             const char          *organization_id,
                             const char          *service_id,
                             const char          *account_id,
                             PdAccountProtection  protection)
{
  ProtectionWait wait = { t, organization_id, service_id, account_id, protection };

  pd_ui_test_wait_for (has_protection, &wait, "the account's new protection");
}

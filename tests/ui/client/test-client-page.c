/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The client detail page against the reference portal (--seed 50): the header and the
 * services, the accounts after the lazy fetch, filters, search and every column's sort, the
 * CSV of what is shown, drill-down to an account, and what a reseller relationship or a
 * role without the permission shows instead. The bulk actions are in test-client-bulk.c. */
#include "config.h"

#include <glib/gstdio.h>

#include "client-test.h"

static PdUiTestSession *owner;

static void
test_header_and_services (void)
{
  g_autoptr(ClientTest) t = NULL;
  g_autoptr(GPtrArray) tiles = NULL;
  GListModel *all;

  if (owner == NULL)
    return;
  t = client_test_new (owner, "org_1", NULL, 1200, 860);

  g_assert_cmpstr (pd_client_page_get_title (PD_CLIENT_PAGE (t->page)), ==, "Harbor Dental Group");
  g_assert_nonnull (pd_ui_test_find_label (t->page, "Harbor Dental Group"));
  g_assert_nonnull (pd_ui_test_find_label (t->page, "org_1 · "));
  /* status, plan, region, relationship, management, credentials and mapping, in words */
  g_assert_nonnull (pd_ui_test_find_label (t->page, "Active"));
  g_assert_nonnull (pd_ui_test_find_label (t->page, "Business Backup · Backup"));
  g_assert_nonnull (pd_ui_test_find_label (t->page, "Managed service provider"));
  g_assert_nonnull (pd_ui_test_find_label (t->page, "Partner-managed"));
  g_assert_nonnull (pd_ui_test_find_label (t->page, "Credentials OK"));
  g_assert_nonnull (pd_ui_test_find_label (t->page, "Mapped"));

  tiles = pd_ui_test_find_all_type (t->page, PD_TYPE_SERVICE_TILE);
  g_assert_cmpuint (tiles->len, ==, 4);
  g_assert_true (pd_service_tile_get_large (g_ptr_array_index (tiles, 0)));
  g_assert_null (pd_service_tile_get_locked_reason (g_ptr_array_index (tiles, 0)));

  /* the accounts of every service, after the lazy fetch */
  client_test_wait_loaded (t);
  all = pd_accounts_table_get_all (t->table);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, client_test_count_accounts (t));
  g_assert_cmpuint (g_list_model_get_n_items (all), >, 50);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (pd_ui_test_find_id (t->page, "stack"))), ==, "client");
  pd_ui_test_screenshot (t->page, "client-detail");

  /* a tile focuses the table on its service; again shows them all */
  g_signal_emit_by_name (g_ptr_array_index (tiles, 2), "activated");
  g_assert_cmpstr (pd_accounts_table_get_focus_service (t->table), ==, "svc_3");
  client_test_assert_visible (t, client_test_is_service, "svc_3");
  g_assert_true (gtk_widget_has_css_class (g_ptr_array_index (tiles, 2), "pd-focused"));
  g_signal_emit_by_name (g_ptr_array_index (tiles, 2), "activated");
  g_assert_null (pd_accounts_table_get_focus_service (t->table));
  g_assert_cmpuint (g_list_model_get_n_items (pd_accounts_table_get_visible (t->table)), ==,
                    g_list_model_get_n_items (all));
}

/* A client never opened before: nothing cached, so "loading" until the portal answered */
static void
test_loading (void)
{
  g_autoptr(GtkWidget) page = NULL;
  PdAccountsTable *table;

  if (owner == NULL)
    return;
  page = g_object_ref_sink (pd_client_page_new (owner->session, "org_3", NULL));
  table = PD_ACCOUNTS_TABLE (pd_ui_test_find_type (page, PD_TYPE_ACCOUNTS_TABLE));
  g_assert_true (pd_accounts_table_get_loading (table));
  g_assert_cmpuint (g_list_model_get_n_items (pd_accounts_table_get_all (table)), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (pd_ui_test_find_id (page, "accounts_stack"))), ==,
                   "loading");
  {
    g_autoptr(ClientTest) t = client_test_new (owner, "org_3", NULL, 1000, 800);
    client_test_wait_loaded (t);
    g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (pd_ui_test_find_id (t->page, "accounts_stack"))), ==,
                     "table");
  }
}

static void
test_opens_on_service (void)
{
  g_autoptr(ClientTest) t = NULL;
  GtkWidget *focus_button;

  if (owner == NULL)
    return;
  t = client_test_new (owner, "org_1", "svc_2", 1200, 860);
  client_test_wait_loaded (t);
  g_assert_cmpstr (pd_accounts_table_get_focus_service (t->table), ==, "svc_2");
  client_test_assert_visible (t, client_test_is_service, "svc_2");
  g_assert_cmpuint (g_list_model_get_n_items (pd_accounts_table_get_visible (t->table)), >, 0);
  /* F5 fetches again: loading until the portal answered, the rows staying meanwhile */
  g_assert_true (gtk_widget_activate_action (t->page, "client.refresh", NULL));
  g_assert_true (pd_accounts_table_get_loading (t->table));
  g_assert_cmpuint (g_list_model_get_n_items (pd_accounts_table_get_visible (t->table)), >, 0);
  client_test_wait_loaded (t);
  /* the button under the search says which, and shows them all again */
  focus_button = pd_ui_test_find_id (t->page, "focus_button");
  g_assert_true (gtk_widget_get_visible (focus_button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (focus_button)), ==, "Only OneDrive");
  g_signal_emit_by_name (focus_button, "clicked");
  g_assert_null (pd_accounts_table_get_focus_service (t->table));
}

static void
test_filters_and_search (void)
{
  g_autoptr(ClientTest) t = NULL;
  GtkDropDown *type, *status;
  GtkEditable *search;
  GListModel *visible;
  g_autoptr(PdAccount) first = NULL;
  g_autofree char *fragment = NULL;
  guint n_all, n_sites = 0, n_unprotected = 0;

  if (owner == NULL)
    return;
  t = client_test_new (owner, "org_1", NULL, 1200, 860);
  client_test_wait_loaded (t);
  type = GTK_DROP_DOWN (pd_ui_test_find_id (t->page, "type_dropdown"));
  status = GTK_DROP_DOWN (pd_ui_test_find_id (t->page, "status_dropdown"));
  search = GTK_EDITABLE (pd_ui_test_find_id (t->page, "search_entry"));
  visible = pd_accounts_table_get_visible (t->table);
  n_all = g_list_model_get_n_items (visible);
  for (guint i = 0; i < n_all; i++)
    {
      g_autoptr(PdAccount) account = g_list_model_get_item (visible, i);
      n_sites += pd_account_get_kind (account) == PD_ACCOUNT_TYPE_SITE;
      n_unprotected += pd_account_get_protection (account) == PD_ACCOUNT_PROTECTION_UNPROTECTED;
    }
  g_assert_cmpuint (n_sites, >, 0);
  g_assert_cmpuint (n_unprotected, >, 0);

  /* the type filter: only sites */
  gtk_drop_down_set_selected (type, 3);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, n_sites);
  client_test_assert_visible (t, client_test_is_kind, GUINT_TO_POINTER (PD_ACCOUNT_TYPE_SITE));
  gtk_drop_down_set_selected (type, 0);

  /* the status filter: only unprotected accounts */
  gtk_drop_down_set_selected (status, 3);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, n_unprotected);
  client_test_assert_visible (t, client_test_is_protection, GUINT_TO_POINTER (PD_ACCOUNT_PROTECTION_UNPROTECTED));
  gtk_drop_down_set_selected (status, 0);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, n_all);

  /* search: part of an e-mail, in another case, finds that account and only matches */
  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (pd_ui_test_find_id (t->page, "column_view")),
                                  client_test_column (t, "Name or e-mail"), GTK_SORT_ASCENDING);
  first = g_list_model_get_item (visible, 0);
  g_assert_nonnull (pd_account_get_email (first));
  fragment = g_utf8_strup (pd_account_get_email (first), 6);
  gtk_editable_set_text (search, fragment);
  /* what the entry emits once typing pauses */
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (visible), >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (visible), <, n_all);
  client_test_assert_visible (t, client_test_matches_search, fragment);
  g_assert_true (client_test_visible_contains (t, pd_resource_get_id (PD_RESOURCE (first))));

  /* nothing matches: said, with a way back */
  gtk_editable_set_text (search, "zz-no-such-account-zz");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (pd_ui_test_find_id (t->page, "accounts_stack"))), ==, "empty");
  g_assert_nonnull (pd_ui_test_find_label (t->page, "No Matching Accounts"));
  g_signal_emit_by_name (pd_ui_test_find_id (t->page, "clear_filters_button"), "clicked");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, n_all);
  g_assert_cmpstr (gtk_editable_get_text (search), ==, "");

  /* Ctrl+F goes to the search; Escape there empties it */
  g_assert_true (gtk_widget_activate_action (t->page, "client.search", NULL));
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (search)) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (t->window)), GTK_WIDGET (search)));
  gtk_editable_set_text (search, "abc");
  g_signal_emit_by_name (search, "stop-search");
  g_assert_cmpstr (gtk_editable_get_text (search), ==, "");
}

static void
test_sorting (void)
{
  g_autoptr(ClientTest) t = NULL;
  static const struct {
    const char     *column;
    GtkSortType     order;
    GCompareFunc    compare;
  } sorts[] = {
    { "Name or e-mail", GTK_SORT_ASCENDING, client_test_compare_name },
    { "Name or e-mail", GTK_SORT_DESCENDING, client_test_compare_name },
    { "Type", GTK_SORT_ASCENDING, client_test_compare_type },
    { "Service", GTK_SORT_ASCENDING, client_test_compare_service },
    { "Protection", GTK_SORT_ASCENDING, client_test_compare_protection },
    { "Backup", GTK_SORT_DESCENDING, client_test_compare_backup },
    { "Last backup", GTK_SORT_DESCENDING, client_test_compare_last_backup },
    { "Last backup", GTK_SORT_ASCENDING, client_test_compare_last_backup },
  };
  GtkColumnView *view;

  if (owner == NULL)
    return;
  t = client_test_new (owner, "org_1", NULL, 1200, 860);
  client_test_wait_loaded (t);
  view = GTK_COLUMN_VIEW (pd_ui_test_find_id (t->page, "column_view"));
  for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
    {
      GtkColumnViewColumn *column = client_test_column (t, sorts[i].column);

      g_assert_nonnull (gtk_column_view_column_get_sorter (column));
      gtk_column_view_sort_by_column (view, column, sorts[i].order);
      client_test_assert_sorted (t, sorts[i].compare, sorts[i].order == GTK_SORT_DESCENDING);
    }
}

static void
test_csv (void)
{
  g_autoptr(ClientTest) t = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(PdAccount) first = NULL;
  GListModel *visible;
  g_autofree char *text = NULL;
  gsize size;

  if (owner == NULL)
    return;
  t = client_test_new (owner, "org_1", NULL, 1200, 860);
  client_test_wait_loaded (t);
  visible = pd_accounts_table_get_visible (t->table);

  /* as filtered and sorted: unprotected sites, newest backup first */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (pd_ui_test_find_id (t->page, "type_dropdown")), 3);
  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (pd_ui_test_find_id (t->page, "column_view")),
                                  client_test_column (t, "Last backup"),
                                  GTK_SORT_DESCENDING);
  csv = pd_client_page_build_accounts_csv (PD_CLIENT_PAGE (t->page));
  text = g_strndup (g_bytes_get_data (csv, &size), g_bytes_get_size (csv));
  g_assert_true (g_str_has_suffix (text, "\r\n"));
  lines = g_strsplit (text, "\r\n", -1);
  /* header, one line per visible row, and the empty string after the last CRLF */
  g_assert_cmpuint (g_strv_length (lines), ==, g_list_model_get_n_items (visible) + 2);
  g_assert_true (g_str_has_prefix (lines[0], "Account ID,Name,E-mail,Type,Service,Service ID,Protection,Backup status,Last backup"));
  first = g_list_model_get_item (visible, 0);
  g_assert_true (g_str_has_prefix (lines[1], pd_resource_get_id (PD_RESOURCE (first))));
  g_assert_nonnull (strstr (lines[1], ",Site,SharePoint,svc_3,"));
  for (guint i = 1; lines[i] != NULL && *lines[i] != '\0'; i++)
    g_assert_nonnull (strstr (lines[i], ",Site,"));
}

/* The export button's way: the file chooser suggests the client's name, saving says so. */
static void
test_export (void)
{
  g_autoptr(ClientTest) t = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autofree char *name = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *text = NULL;
  g_autofree char *toast = NULL;
  GtkWidget *chooser;
  gsize length;

  if (owner == NULL)
    return;
  /* GTK's file chooser makes so many quarks that GLib grows its quark table, and GLib never
   * frees the table's first block (other threads may still read it): a leak LeakSanitizer
   * reports without a symbol to suppress it by. The writing itself is tested in widgets/. */
  if (g_getenv ("ASAN_OPTIONS") != NULL)
    {
      g_test_skip ("GTK's file chooser under LeakSanitizer");
      return;
    }
  /* the chooser saves into the home folder: only where that is a throwaway one */
  if (!g_str_has_prefix (g_get_home_dir (), g_get_tmp_dir ()))
    {
      g_test_skip ("HOME is not a temporary folder");
      return;
    }
  t = client_test_new (owner, "org_1", "svc_4", 1200, 860);
  client_test_wait_loaded (t);
  expected = pd_client_page_build_accounts_csv (PD_CLIENT_PAGE (t->page));

  g_assert_true (gtk_widget_activate_action (t->page, "client.export", NULL));
  pd_ui_test_wait_for (pd_ui_test_file_chooser_has_file, NULL, "the file chooser");
  chooser = pd_ui_test_find_file_chooser ();
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (name, ==, "harbor-dental-group-accounts.csv");
  {
    g_autoptr(GFile) target = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
    saved = g_file_get_path (target);
  }
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  toast = g_strdup_printf ("show-toast 'Exported %u accounts to harbor-dental-group-accounts.csv'",
                           g_list_model_get_n_items (pd_accounts_table_get_visible (t->table)));
  client_test_wait_action (t, toast);
  g_assert_true (g_file_get_contents (saved, &text, &length, NULL));
  g_assert_cmpmem (text, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
  g_unlink (saved);
}

static void
test_open_account (void)
{
  g_autoptr(ClientTest) t = NULL;
  g_autoptr(PdAccount) first = NULL;
  g_autofree char *expected = NULL;

  if (owner == NULL)
    return;
  t = client_test_new (owner, "org_1", "svc_1", 1200, 860);
  client_test_wait_loaded (t);
  first = g_list_model_get_item (pd_accounts_table_get_visible (t->table), 0);
  /* Enter or a double click on a row */
  g_signal_emit_by_name (pd_ui_test_find_id (t->page, "column_view"), "activate", 0);
  expected = g_strdup_printf ("show-account ('org_1', 'svc_1', '%s')", pd_resource_get_id (PD_RESOURCE (first)));
  g_assert_cmpstr (client_test_last_action (t), ==, expected);
}

static void
test_reseller (void)
{
  g_autoptr(ClientTest) t = NULL;
  g_autoptr(GPtrArray) tiles = NULL;

  if (owner == NULL)
    return;
  /* Bright Path Academy: the partner is its reseller */
  t = client_test_new (owner, "org_4", NULL, 1200, 860);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (pd_ui_test_find_id (t->page, "accounts_stack"))), ==, "restricted");
  g_assert_nonnull (pd_ui_test_find_label (t->page, "reseller of Bright Path Academy"));
  g_assert_nonnull (pd_ui_test_find_label (t->page, "Reseller"));
  /* the tiles still show every metric, and say why they do not open */
  tiles = pd_ui_test_find_all_type (t->page, PD_TYPE_SERVICE_TILE);
  g_assert_cmpuint (tiles->len, ==, 3);
  g_assert_nonnull (pd_service_tile_get_locked_reason (g_ptr_array_index (tiles, 0)));
  g_assert_false (pd_accounts_table_get_loading (t->table));
  g_assert_cmpuint (g_list_model_get_n_items (pd_accounts_table_get_all (t->table)), ==, 0);
  g_assert_false (gtk_widget_is_sensitive (pd_ui_test_find_id (t->page, "search_entry")));
  pd_ui_test_screenshot (t->page, "client-reseller");
}

static gboolean
not_loading (gpointer data)
{
  ClientTest *t = data;
  return !pd_accounts_table_get_loading (t->table);
}

/* Nordlicht Architekten (org_5): its services are not authorized yet, so no accounts */
static void
test_no_accounts_yet (void)
{
  g_autoptr(ClientTest) t = NULL;

  if (owner == NULL)
    return;
  t = client_test_new (owner, "org_5", NULL, 1000, 800);
  pd_ui_test_wait_for (not_loading, t, "the fetch");
  g_assert_cmpuint (g_list_model_get_n_items (pd_accounts_table_get_all (t->table)), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (pd_ui_test_find_id (t->page, "accounts_stack"))), ==,
                   "empty");
  g_assert_nonnull (pd_ui_test_find_label (t->page, "No Accounts Yet"));
  g_assert_nonnull (pd_ui_test_find_label (t->page, "Unmapped"));
  pd_ui_test_screenshot (t->page, "client-detail-unauthorized");
}

static void
test_not_found (void)
{
  g_autoptr(ClientTest) t = NULL;

  if (owner == NULL)
    return;
  t = client_test_new (owner, "org_999999", NULL, 800, 600);
  g_assert_nonnull (pd_ui_test_find_label (t->page, "Client Not Found"));
  g_assert_cmpstr (pd_client_page_get_title (PD_CLIENT_PAGE (t->page)), ==, "Client Not Found");
}

static void
test_narrow (void)
{
  g_autoptr(ClientTest) t = NULL;

  if (owner == NULL)
    return;
  t = client_test_new (owner, "org_1", NULL, 360, 760);
  client_test_wait_loaded (t);
  pd_ui_test_wait_frames (5);
  g_assert_false (gtk_column_view_column_get_visible (client_test_column (t, "Type")));
  g_assert_false (gtk_column_view_column_get_visible (client_test_column (t, "Service")));
  g_assert_true (gtk_column_view_column_get_visible (client_test_column (t, "Protection")));
  g_assert_true (gtk_column_view_column_get_visible (client_test_column (t, "Backup")));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (t->window)), <=, 360);
  pd_ui_test_screenshot (t->page, "client-detail-narrow");
  client_test_select (t, 0, 3);
  pd_ui_test_screenshot (t->page, "client-detail-narrow-selection");
  gtk_selection_model_unselect_all (gtk_column_view_get_model (GTK_COLUMN_VIEW (pd_ui_test_find_id (t->page, "column_view"))));

  /* wide again: every column */
  gtk_window_set_default_size (t->window, 1100, 760);
  pd_ui_test_wait_for (client_test_type_column_visible, t, "the type column to come back");
}

static void
test_dark (void)
{
  g_autoptr(ClientTest) t = NULL;
  AdwStyleManager *style = adw_style_manager_get_default ();

  if (owner == NULL || g_getenv ("PD_SCREENSHOT_DIR") == NULL)
    return;
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  t = client_test_new (owner, "org_2", "svc_6", 1200, 860);
  client_test_wait_loaded (t);
  pd_ui_test_screenshot (t->page, "client-detail-dark");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int    argc,
      char **argv)
{
  int status;

  pd_ui_test_init (&argc, &argv);
  owner = pd_ui_test_session_new ((const char *[]) { "--seed", "50", NULL }, "owner");

  g_test_add_func ("/ui/client/header-and-services", test_header_and_services);
  g_test_add_func ("/ui/client/loading", test_loading);
  g_test_add_func ("/ui/client/opens-on-service", test_opens_on_service);
  g_test_add_func ("/ui/client/filters-and-search", test_filters_and_search);
  g_test_add_func ("/ui/client/sorting", test_sorting);
  g_test_add_func ("/ui/client/csv", test_csv);
  g_test_add_func ("/ui/client/export", test_export);
  g_test_add_func ("/ui/client/open-account", test_open_account);
  g_test_add_func ("/ui/client/reseller", test_reseller);
  g_test_add_func ("/ui/client/no-accounts-yet", test_no_accounts_yet);
  g_test_add_func ("/ui/client/not-found", test_not_found);
  g_test_add_func ("/ui/client/narrow", test_narrow);
  g_test_add_func ("/ui/client/dark", test_dark);
  status = g_test_run ();
  g_clear_pointer (&owner, pd_ui_test_session_free);
  return status;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Reports page under Xvfb against the reference portal (--seed 50): every chart's figures
 * are the portal's dashboard for each period, said in words too; the period is remembered;
 * each report's CSV is the portal's rows (header and rows, RFC 4180), through the file
 * chooser; a role without reports.export cannot export and is told why; without the portal
 * the cached figures show with their date. Screenshots: reports, reports-dark,
 * reports-narrow, reports-high-contrast, reports-offline. */

#include "config.h"

#include <glib/gstdio.h>

#include "pd-overview-test.h"
#include "pd-report-chart.h"
#include "pd-report-export.h"
#include "pd-reports-page.h"
#include "pd-session-view.h"

/* ---- the page in a window whose "win" actions record ---------------------------------- */

static void
record_error (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  g_clear_pointer (&recorded.error_message, g_free);
  g_variant_get (parameter, "(ss)", NULL, &recorded.error_message);
  recorded.n_errors++;
}

static void
record_toast (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  g_clear_pointer (&recorded.toast, g_free);
  recorded.toast = g_variant_dup_string (parameter, NULL);
}

static GtkWindow *
reports_window (PdSession *session,
                int        width,
                int        height)
{
  static const GActionEntry entries[] = {
    { "show-error", record_error, "(ss)" },
    { "show-toast", record_toast, "s" },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  GtkWindow *window;

  recorded_clear ();
  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), NULL);
  window = pd_ui_test_window_new (pd_reports_page_new (session), width, height);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "win", G_ACTION_GROUP (group));
  return window;
}

static PdReportsPage *
reports_of (GtkWindow *window)
{
  return PD_REPORTS_PAGE (pd_ui_test_find_type (GTK_WIDGET (window), PD_TYPE_REPORTS_PAGE));
}

typedef struct {
  PdReportsPage     *page;
  PdDashboardPeriod  period;
} Showing;

static gboolean
shows (gpointer data)
{
  Showing *showing = data;
  PdDashboard *dashboard = pd_reports_page_get_dashboard (showing->page);

  return dashboard != NULL && !pd_reports_page_get_refreshing (showing->page) &&
         pd_dashboard_get_period_key (dashboard) == showing->period;
}

static void
wait_for_reports (PdReportsPage     *page,
                  PdDashboardPeriod  period)
{
  Showing showing = { page, period };

  pd_ui_test_wait_for (shows, &showing, "the reports of the period");
}

static GtkStack *
stack_of (PdReportsPage *page)
{
  return GTK_STACK (pd_ui_test_find_id (GTK_WIDGET (page), "stack"));
}

static const char *
status_of (PdReportsPage *page)
{
  return gtk_label_get_text (GTK_LABEL (pd_ui_test_find_id (GTK_WIDGET (page), "status_label")));
}

/* ---- the figures ---------------------------------------------------------------------- */

static void
assert_part (PdReportCard *card,
             const char   *label,
             gint64        count)
{
  g_autofree char *expected = g_strdup_printf ("%'" G_GINT64_FORMAT, count);
  g_autofree char *said = g_strdup_printf ("%s: %s", label, expected);

  g_assert_cmpstr (pd_report_card_get_count_text (card, label), ==, expected);
  /* What a screen reader says of the chart holds the same figure */
  g_assert_nonnull (strstr (pd_report_card_get_description (card), said));
}

static void
assert_figure (PdReportCard *card,
               gint64        value,
               gboolean      percent)
{
  g_autofree char *expected = g_strdup_printf (percent ? "%'" G_GINT64_FORMAT "%%" : "%'" G_GINT64_FORMAT, value);

  g_assert_cmpstr (pd_report_card_get_figure_text (card), ==, expected);
}

static void
assert_matches_portal (PdUiTestSession   *test,
                       PdReportsPage     *page,
                       PdDashboardPeriod  period)
{
  g_autofree char *path = g_strconcat ("/api/v1/dashboard?period=", pd_dashboard_period_to_key (period), NULL);
  g_autoptr(JsonNode) portal = portal_json (test, path);
  PdReportCard *coverage = pd_reports_page_get_card (page, PD_REPORT_KIND_PROTECTION_COVERAGE);
  PdReportCard *seats = pd_reports_page_get_card (page, PD_REPORT_KIND_SEAT_USAGE);
  PdReportCard *clients = pd_reports_page_get_card (page, PD_REPORT_KIND_ORGANIZATIONS);
  PdReportCard *accounts = pd_reports_page_get_card (page, PD_REPORT_KIND_ACCOUNTS);
  PdReportCard *jobs = pd_reports_page_get_card (page, PD_REPORT_KIND_JOBS);
  gint64 total = member (portal, "seats", "total");
  gint64 managed = member (portal, "seats", "managed");

  assert_figure (coverage, member (portal, "protection", "coverage_percent"), TRUE);
  assert_part (coverage, "Protected", member (portal, "protection", "protected"));
  assert_part (coverage, "Unprotected", member (portal, "protection", "total") - member (portal, "protection", "protected"));

  assert_figure (seats, member (portal, "seats", "usage_percent"), TRUE);
  assert_part (seats, "In use", MIN (managed, total));
  assert_part (seats, "Open", member (portal, "seats", "open"));
  if (managed > total)
    assert_part (seats, "Over capacity", managed - total);
  else
    g_assert_null (pd_report_card_get_count_text (seats, "Over capacity"));

  assert_figure (clients, member (portal, "organizations", "total"), FALSE);
  assert_part (clients, "Active", member (portal, "organizations", "active"));
  assert_part (clients, "Suspended", member (portal, "organizations", "suspended"));
  assert_part (clients, "Unsubscribed", member (portal, "organizations", "unsubscribed"));
  assert_part (clients, "Deleted", member (portal, "organizations", "deleted"));

  assert_figure (accounts, member (portal, "accounts", "total"), FALSE);
  assert_part (accounts, "Active", member (portal, "accounts", "active"));
  assert_part (accounts, "Deactivated", member (portal, "accounts", "deactivated"));
  assert_part (accounts, "Deleted", member (portal, "accounts", "deleted"));
  g_assert_cmpint (member (portal, "accounts", "deactivated"), >, 0);

  assert_figure (jobs, member (portal, "jobs", "success") + member (portal, "jobs", "warning") +
                       member (portal, "jobs", "retrying") + member (portal, "jobs", "failed"), FALSE);
  assert_part (jobs, "Success", member (portal, "jobs", "success"));
  assert_part (jobs, "Warning", member (portal, "jobs", "warning"));
  assert_part (jobs, "Retrying", member (portal, "jobs", "retrying"));
  assert_part (jobs, "Failed", member (portal, "jobs", "failed"));
  g_assert_true (g_str_has_prefix (status_of (page), "Figures of "));
}

static gboolean
charts_laid_out (gpointer page)
{
  g_autoptr(GPtrArray) charts = pd_ui_test_find_all_type (page, PD_TYPE_REPORT_CHART);
  guint n_charts = 0;

  for (guint i = 0; i < charts->len; i++)
    {
      GtkWidget *chart = g_ptr_array_index (charts, i);

      if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (chart)) == GTK_ACCESSIBLE_ROLE_IMG &&
          gtk_widget_get_width (chart) > 200)
        n_charts++;
    }
  return n_charts == PD_REPORT_N_KINDS;
}

static void
test_figures_and_period (void)
{
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new ((const char *[]) { "--seed", "50", NULL }, "owner");
  g_autoptr(GSettings) settings = NULL;
  const PdDashboardPeriod *periods = pd_dashboard_periods_all ();
  g_autofree char *jobs_this_month = NULL;
  gboolean jobs_changed = FALSE;
  PdReportsPage *page;
  GtkDropDown *dropdown;
  GtkWindow *window;

  if (test == NULL)
    return;
  settings = g_settings_new (BASE_APPLICATION_ID);
  g_settings_set_string (settings, "reports-period", "this_month");
  window = reports_window (test->session, 1280, 1000);
  page = reports_of (window);
  wait_for_reports (page, PD_DASHBOARD_PERIOD_THIS_MONTH);
  assert_matches_portal (test, page, PD_DASHBOARD_PERIOD_THIS_MONTH);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack_of (page)), ==, "reports");
  g_assert_cmpuint (recorded.n_errors, ==, 0);
  /* Five charts, laid out, each an image to assistive technologies */
  pd_ui_test_wait_for (charts_laid_out, page, "the charts to be laid out");
  pd_ui_test_screenshot (GTK_WIDGET (window), "reports");
  jobs_this_month = g_strdup (pd_report_card_get_figure_text (pd_reports_page_get_card (page, PD_REPORT_KIND_JOBS)));

  /* Every period the portal offers: its figures, and remembered */
  dropdown = GTK_DROP_DOWN (pd_ui_test_find_id (GTK_WIDGET (page), "period_dropdown"));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==, 5);
  for (guint i = 1; periods[i] != PD_DASHBOARD_PERIOD_UNKNOWN; i++)
    {
      g_autofree char *key = NULL;

      gtk_drop_down_set_selected (dropdown, i);
      wait_for_reports (page, periods[i]);
      assert_matches_portal (test, page, periods[i]);
      key = g_settings_get_string (settings, "reports-period");
      g_assert_cmpstr (key, ==, pd_dashboard_period_to_key (periods[i]));
      jobs_changed |= g_strcmp0 (pd_report_card_get_figure_text (pd_reports_page_get_card (page, PD_REPORT_KIND_JOBS)),
                                 jobs_this_month) != 0;
    }
  g_assert_true (jobs_changed);
  pd_ui_test_window_destroy (window);

  /* A new page opens on the remembered period */
  window = reports_window (test->session, 1280, 1000);
  page = reports_of (window);
  g_assert_cmpint (pd_reports_page_get_period (page), ==, PD_DASHBOARD_PERIOD_LAST_90_DAYS);
  dropdown = GTK_DROP_DOWN (pd_ui_test_find_id (GTK_WIDGET (page), "period_dropdown"));
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 4);
  wait_for_reports (page, PD_DASHBOARD_PERIOD_LAST_90_DAYS);
  pd_ui_test_window_destroy (window);
  g_settings_reset (settings, "reports-period");
}

/* ---- CSV ------------------------------------------------------------------------------ */

/* RFC 4180: a field with a comma, quote or line break in quotes, quotes doubled */
static void
append_field (GString    *csv,
              const char *text)
{
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (csv, text);
      return;
    }
  g_string_append_c (csv, '"');
  for (const char *c = text; *c != '\0'; c++)
    {
      if (*c == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *c);
    }
  g_string_append_c (csv, '"');
}

static char *
cell_text (JsonNode *cell)
{
  if (JSON_NODE_HOLDS_NULL (cell))
    return g_strdup ("");
  if (json_node_get_value_type (cell) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (cell));
  return g_strdup (json_node_get_string (cell));
}

/* The portal's rows (one JSON page: the seed has 50) as the CSV they should be */
static char *
expected_csv (PdUiTestSession   *test,
              PdReportKind       kind,
              PdDashboardPeriod  period,
              guint             *n_rows)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/reports/%s?period=%s&limit=500", pd_report_kind_to_key (kind),
                                           pd_dashboard_period_to_key (period));
  g_autoptr(JsonNode) page = portal_json (test, path);
  JsonObject *root = json_node_get_object (page);
  JsonArray *columns = json_object_get_array_member (root, "columns");
  JsonArray *items = json_object_get_array_member (root, "items");
  GString *csv = g_string_new (NULL);

  g_assert_true (json_object_get_null_member (root, "next_cursor"));
  for (guint c = 0; c < json_array_get_length (columns); c++)
    {
      g_string_append (csv, c > 0 ? "," : "");
      append_field (csv, json_object_get_string_member (json_array_get_object_element (columns, c), "title"));
    }
  g_string_append (csv, "\r\n");
  for (guint r = 0; r < json_array_get_length (items); r++)
    {
      JsonObject *row = json_array_get_object_element (items, r);

      for (guint c = 0; c < json_array_get_length (columns); c++)
        {
          const char *key = json_object_get_string_member (json_array_get_object_element (columns, c), "key");
          g_autofree char *text = cell_text (json_object_get_member (row, key));

          g_string_append (csv, c > 0 ? "," : "");
          append_field (csv, text);
        }
      g_string_append (csv, "\r\n");
    }
  *n_rows = json_array_get_length (items);
  return g_string_free (csv, FALSE);
}

typedef struct {
  gboolean  done;
  GFile    *file;
  guint     n_rows;
  GError   *error;
} Exported;

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Exported *exported = user_data;

  exported->file = pd_report_export_finish (result, &exported->n_rows, &exported->error);
  exported->done = TRUE;
}

static void
assert_file_is (const char *path,
                const char *expected)
{
  g_autofree char *written = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &written, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (written, ==, expected);
}

#ifndef __SANITIZE_ADDRESS__
static gboolean
toasted (gpointer data)
{
  return recorded.toast != NULL;
}

/* The card's button: the chooser suggests the portal's file name, saving writes the CSV and
 * says so */
static void
export_with_button (PdReportsPage *page,
                    PdReportKind   kind,
                    const char    *expected,
                    guint          n_rows)
{
  GtkWidget *button = pd_report_card_get_export_button (pd_reports_page_get_card (page, kind));
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *toast = NULL;
  GtkWidget *chooser;

  g_clear_pointer (&recorded.toast, g_free);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  pd_ui_test_wait_for (pd_ui_test_file_chooser_has_file, NULL, "the file chooser");
  chooser = pd_ui_test_find_file_chooser ();
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_true (g_str_has_prefix (name, pd_report_kind_to_key (kind)));
  g_assert_true (g_str_has_suffix (name, ".csv"));
  {
    g_autoptr(GFile) target = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

    path = g_file_get_path (target);
  }
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  pd_ui_test_wait_for (toasted, NULL, "the export's toast");
  toast = g_strdup_printf ("Exported %u rows to “%s”", n_rows, name);
  g_assert_cmpstr (recorded.toast, ==, toast);
  assert_file_is (path, expected);
  g_test_message ("saved through the chooser: %s", name);
  g_unlink (path);
}
#endif

static void
test_csv (void)
{
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new ((const char *[]) { "--seed", "50", NULL }, "owner");
  g_autoptr(GSettings) settings = NULL;
  PdReportsPage *page;
  GtkWindow *window;

  if (test == NULL)
    return;
  /* A period other than the default, so the jobs' rows show it is the page's */
  settings = g_settings_new (BASE_APPLICATION_ID);
  g_settings_set_string (settings, "reports-period", "last_7_days");
  window = reports_window (test->session, 1280, 1000);
  page = reports_of (window);
  wait_for_reports (page, PD_DASHBOARD_PERIOD_LAST_7_DAYS);

  for (PdReportKind kind = 0; kind < PD_REPORT_N_KINDS; kind++)
    {
      g_autofree char *name = g_strdup_printf ("%s.csv", pd_report_kind_to_key (kind));
      g_autofree char *path = g_build_filename (test->dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GBytes) portal_csv = NULL;
      g_autofree char *portal_path = NULL;
      g_autofree char *expected = NULL;
      Exported exported = { 0 };
      guint n_rows;

      expected = expected_csv (test, kind, PD_DASHBOARD_PERIOD_LAST_7_DAYS, &n_rows);
      g_assert_cmpuint (n_rows, ==, 50);
      pd_report_export_async (GTK_WIDGET (page), test->session, kind, pd_reports_page_get_period (page), file, NULL,
                              exported_cb, &exported);
      pd_test_wait_until (&exported.done, PD_SESSION_TEST_TIMEOUT_MS);
      g_assert_no_error (exported.error);
      g_assert_true (g_file_equal (exported.file, file));
      g_assert_cmpuint (exported.n_rows, ==, n_rows);
      g_clear_object (&exported.file);
      assert_file_is (path, expected);

      /* The portal's own CSV of the rows is the same text (the seed's names need no
       * formula guard) */
      portal_path = g_strdup_printf ("/api/v1/reports/%s?period=last_7_days&limit=500", pd_report_kind_to_key (kind));
      portal_csv = portal_call (test, "GET", portal_path, "text/csv", NULL);
      g_assert_cmpstr (g_bytes_get_data (portal_csv, NULL), ==, expected);

      /* Not under AddressSanitizer: the chooser registers so many types that GLib grows its
       * quark table, abandoning the first block by design, which LeakSanitizer reports. */
#ifndef __SANITIZE_ADDRESS__
      if (g_str_has_prefix (g_get_home_dir (), g_get_tmp_dir ()))
        export_with_button (page, kind, expected, n_rows);
#endif
    }
  g_assert_cmpuint (recorded.n_errors, ==, 0);
  pd_ui_test_window_destroy (window);
  g_settings_reset (settings, "reports-period");
}

/* ---- roles and offline ---------------------------------------------------------------- */

/* A technician reads the reports but may not export them: every button says why. */
static void
test_read_only_role (void)
{
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new ((const char *[]) { "--seed", "50", NULL }, "technician");
  PdReportsPage *page;
  GtkWindow *window;

  if (test == NULL)
    return;
  window = reports_window (test->session, 800, 900);
  page = reports_of (window);
  wait_for_reports (page, PD_DASHBOARD_PERIOD_THIS_MONTH);
  assert_matches_portal (test, page, PD_DASHBOARD_PERIOD_THIS_MONTH);
  for (PdReportKind kind = 0; kind < PD_REPORT_N_KINDS; kind++)
    {
      GtkWidget *button = pd_report_card_get_export_button (pd_reports_page_get_card (page, kind));

      g_assert_false (gtk_widget_is_sensitive (button));
      g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (button), "“Export reports”"));
    }
  /* Nor by the action itself: nothing is fetched, asked or saved */
  gtk_widget_activate_action (GTK_WIDGET (page), "reports.export", "s", "seat-usage");
  pd_ui_test_wait_frames (20);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_window_get_toplevels ()), ==, 1);
  g_assert_null (recorded.toast);
  g_assert_cmpuint (recorded.n_errors, ==, 0);
  pd_ui_test_window_destroy (window);
}

static gboolean
refresh_failed (gpointer data)
{
  return !pd_reports_page_get_refreshing (data) && strstr (status_of (data), "Cannot refresh") != NULL;
}

static gboolean
error_shown (gpointer data)
{
  return recorded.n_errors > 0;
}

static gboolean
settled (gpointer data)
{
  return !pd_reports_page_get_refreshing (data);
}

static void
test_offline_and_screenshots (void)
{
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new ((const char *[]) { "--seed", "50", NULL }, "owner");
  g_autofree char *coverage = NULL;
  g_autofree char *active = NULL;
  PdReportsPage *page;
  GtkWindow *window;

  if (test == NULL)
    return;
  /* Phone-wide, then dark */
  window = reports_window (test->session, 360, 2000);
  page = reports_of (window);
  wait_for_reports (page, PD_DASHBOARD_PERIOD_THIS_MONTH);
  pd_ui_test_wait_frames (5);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (pd_reports_page_get_card (page, PD_REPORT_KIND_JOBS))), <=, 360);
  pd_ui_test_screenshot (GTK_WIDGET (window), "reports-narrow");
  pd_ui_test_window_destroy (window);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  window = reports_window (test->session, 1280, 1000);
  page = reports_of (window);
  wait_for_reports (page, PD_DASHBOARD_PERIOD_THIS_MONTH);
  pd_ui_test_screenshot (GTK_WIDGET (window), "reports-dark");
  coverage = g_strdup (pd_report_card_get_figure_text (pd_reports_page_get_card (page, PD_REPORT_KIND_PROTECTION_COVERAGE)));
  active = g_strdup (pd_report_card_get_count_text (pd_reports_page_get_card (page, PD_REPORT_KIND_ORGANIZATIONS), "Active"));
  pd_ui_test_window_destroy (window);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* High contrast (the desktop's setting, read by libadwaita without a settings portal):
   * the parts get outlines */
  {
    g_autoptr(GSettings) a11y = g_settings_new ("org.gnome.desktop.a11y.interface");

    g_settings_set_boolean (a11y, "high-contrast", TRUE);
    pd_ui_test_wait_frames (5);
    g_assert_true (adw_style_manager_get_high_contrast (adw_style_manager_get_default ()));
    window = reports_window (test->session, 1280, 1000);
    page = reports_of (window);
    wait_for_reports (page, PD_DASHBOARD_PERIOD_THIS_MONTH);
    pd_ui_test_screenshot (GTK_WIDGET (window), "reports-high-contrast");
    pd_ui_test_window_destroy (window);
    g_settings_reset (a11y, "high-contrast");
  }

  /* The portal goes away: a new page paints the cached figures and says the refresh failed */
  pd_portal_client_set_retry_limits (pd_session_get_client (test->session), 1, 5);
  g_clear_pointer (&test->portal, pd_test_portal_kill);
  window = reports_window (test->session, 1280, 1000);
  page = reports_of (window);
  pd_ui_test_wait_for (refresh_failed, page, "the refresh to fail");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack_of (page)), ==, "reports");
  g_assert_cmpstr (pd_report_card_get_figure_text (pd_reports_page_get_card (page, PD_REPORT_KIND_PROTECTION_COVERAGE)),
                   ==, coverage);
  /* An export cannot read the rows: the window shows why, and nothing is saved */
  g_signal_emit_by_name (pd_report_card_get_export_button (pd_reports_page_get_card (page, PD_REPORT_KIND_JOBS)),
                         "clicked");
  pd_ui_test_wait_for (error_shown, NULL, "the export's error");
  g_test_message ("export failed: %s", recorded.error_message);
  g_assert_cmpstr (recorded.error_message, !=, "");
  g_assert_null (recorded.toast);
  pd_ui_test_window_destroy (window);

  /* Offline from the start: a new session on the same cache; the cached figures with their
   * date, and a period never read says why there is nothing */
  pd_session_stop (test->session);
  {
    g_autofree char *cache_dir = g_build_filename (test->dir, "cache", NULL);
    g_autoptr(PdSession) restarted = pd_session_new (test->account, cache_dir);
    g_autoptr(GDateTime) generated = NULL;
    g_autofree char *date = NULL;
    GtkDropDown *dropdown;

    pd_session_set_registry (restarted, test->registry);
    pd_session_set_refresh_interval (restarted, 0);
    pd_session_test_start (restarted);
    pd_session_test_wait_state (restarted, PD_SYNC_STATE_OFFLINE);
    window = reports_window (restarted, 1280, 1000);
    page = reports_of (window);
    wait_for_reports (page, PD_DASHBOARD_PERIOD_THIS_MONTH);
    g_assert_cmpstr (pd_report_card_get_figure_text (pd_reports_page_get_card (page, PD_REPORT_KIND_PROTECTION_COVERAGE)),
                     ==, coverage);
    g_assert_cmpstr (pd_report_card_get_count_text (pd_reports_page_get_card (page, PD_REPORT_KIND_ORGANIZATIONS), "Active"),
                     ==, active);
    generated = g_date_time_to_local (pd_dashboard_get_generated_at (pd_reports_page_get_dashboard (page)));
    date = g_date_time_format (generated, "%-d %b %Y, %H:%M");
    g_assert_true (g_str_has_prefix (status_of (page), "Offline: figures of "));
    g_assert_nonnull (strstr (status_of (page), date));
    pd_ui_test_screenshot (GTK_WIDGET (window), "reports-offline");

    pd_portal_client_set_retry_limits (pd_session_get_client (restarted), 1, 5);
    dropdown = GTK_DROP_DOWN (pd_ui_test_find_id (GTK_WIDGET (page), "period_dropdown"));
    gtk_drop_down_set_selected (dropdown, 1);
    pd_ui_test_wait_for (settled, page, "the period to be read");
    g_assert_cmpstr (gtk_stack_get_visible_child_name (stack_of (page)), ==, "error");
    g_assert_cmpuint (recorded.n_errors, ==, 0);
    pd_ui_test_window_destroy (window);
    pd_session_stop (restarted);
  }
  {
    g_autoptr(GSettings) settings = g_settings_new (BASE_APPLICATION_ID);

    g_settings_reset (settings, "reports-period");
  }
}

/* The sidebar's "Reports" section, for a role that may read the dashboard and export */
static void
test_section (void)
{
  g_autoptr(PdUiTestSession) test = pd_ui_test_session_new ((const char *[]) { "--seed", "5", NULL }, "finance");
  PdSessionView *view;
  GtkWidget *section;
  GtkWindow *window;

  if (test == NULL)
    return;
  view = PD_SESSION_VIEW (pd_session_view_new ());
  window = pd_ui_test_window_new (GTK_WIDGET (view), 1100, 720);
  pd_session_view_set_session (view, test->session);
  pd_ui_test_wait_frames (5);
  section = gtk_stack_get_child_by_name (pd_session_view_get_sections (view), "reports");
  g_assert_true (PD_IS_REPORTS_PAGE (section));
  g_assert_true (gtk_widget_get_visible (section));
  /* Hidden behind Clients, it reads its cache (empty) and waits to be shown to ask the portal */
  pd_ui_test_wait_for (settled, section, "the hidden page to read its cache");
  g_assert_null (pd_reports_page_get_dashboard (PD_REPORTS_PAGE (section)));
  g_assert_true (gtk_widget_activate_action (section, "win.show-page", "s", "reports"));
  g_assert_cmpstr (pd_session_view_get_title (view), ==, "Reports");
  wait_for_reports (PD_REPORTS_PAGE (section), pd_reports_page_get_period (PD_REPORTS_PAGE (section)));
  g_assert_true (gtk_widget_is_sensitive (pd_report_card_get_export_button (
    pd_reports_page_get_card (PD_REPORTS_PAGE (section), PD_REPORT_KIND_JOBS))));
  pd_ui_test_window_destroy (window);
}

int
main (int    argc,
      char **argv)
{
  pd_ui_test_init (&argc, &argv);
  g_test_add_func ("/ui/reports/section", test_section);
  g_test_add_func ("/ui/reports/figures-and-period", test_figures_and_period);
  g_test_add_func ("/ui/reports/csv", test_csv);
  g_test_add_func ("/ui/reports/read-only-role", test_read_only_role);
  g_test_add_func ("/ui/reports/offline-and-screenshots", test_offline_and_screenshots);
  int status = g_test_run ();
  recorded_clear ();
  return status;
}

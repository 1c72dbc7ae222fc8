/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Report rows for CSV export: one flat row per organization, as JSON or as RFC 4180 CSV. */
#include "pd-portal-dashboard.h"
#include "pd-portal-auth.h"
#include "pd-portal-db.h"

typedef struct {
  const char *key;
  const char *title;
  const char *type;     /* string, integer, date-time */
} ReportColumn;

typedef struct {
  const char         *name;
  const ReportColumn *columns;  /* terminated by a NULL key */
  /* Column 0 is the rowid for the cursor, then one column per ReportColumn. Bindings:
   * ?1 partner, ?2 after, ?3 limit, ?4/?5 first/last day of the period, ?100/?101 scope. */
  const char         *sql;
} Report;

#define ORGANIZATION_COLUMNS \
  { "organization_id", "Organization ID", "string" }, \
  { "organization_name", "Organization", "string" }, \
  { "status", "Status", "string" }
#define ORGANIZATION_SELECT "SELECT o.id, 'org_' || o.id, o.name, o.status, "
#define PAGE " o.partner_id = ?1 AND o.id > ?2 AND " PD_PORTAL_SCOPE_SQL " GROUP BY o.id ORDER BY o.id LIMIT ?3"
#define PERCENT(part, whole) \
  "CASE WHEN coalesce(" whole ", 0) > 0 THEN coalesce(" part ", 0) * 100 / (" whole ") ELSE 0 END"

static const ReportColumn organizations_columns[] = {
  ORGANIZATION_COLUMNS,
  { "plan_name", "Plan", "string" },
  { "plan_type", "Plan type", "string" },
  { "region", "Region", "string" },
  { "country", "Country", "string" },
  { "relationship", "Relationship", "string" },
  { "credential_status", "Credential status", "string" },
  { "mapping_status", "Mapping", "string" },
  { "services", "Services", "integer" },
  { "seats_total", "Total seats", "integer" },
  { "seats_managed", "Managed seats", "integer" },
  { "created_at", "Created", "date-time" },
  { NULL }
};

static const ReportColumn seat_usage_columns[] = {
  ORGANIZATION_COLUMNS,
  { "plan_name", "Plan", "string" },
  { "plan_type", "Plan type", "string" },
  { "seats_total", "Total seats", "integer" },
  { "seats_managed", "Managed seats", "integer" },
  { "seats_open", "Open seats", "integer" },
  { "seats_unprotected", "Unprotected accounts", "integer" },
  { "usage_percent", "Seat usage (%)", "integer" },
  { NULL }
};

static const ReportColumn protection_columns[] = {
  ORGANIZATION_COLUMNS,
  { "protected_accounts", "Protected accounts", "integer" },
  { "unprotected_accounts", "Unprotected accounts", "integer" },
  { "total_accounts", "Total accounts", "integer" },
  { "coverage_percent", "Protection coverage (%)", "integer" },
  { NULL }
};

static const ReportColumn accounts_columns[] = {
  ORGANIZATION_COLUMNS,
  { "accounts_active", "Active accounts", "integer" },
  { "accounts_deactivated", "Deactivated accounts", "integer" },
  { "accounts_deleted", "Deleted accounts", "integer" },
  { "accounts_total", "Total accounts", "integer" },
  { NULL }
};

static const ReportColumn jobs_columns[] = {
  ORGANIZATION_COLUMNS,
  { "jobs_success", "Successful jobs", "integer" },
  { "jobs_warning", "Jobs with warnings", "integer" },
  { "jobs_retrying", "Retried jobs", "integer" },
  { "jobs_failed", "Failed jobs", "integer" },
  { "jobs_running", "Running jobs", "integer" },
  { "account_errors", "Account errors", "integer" },
  { "last_backup_at", "Last backup", "date-time" },
  { NULL }
};

static const Report reports[] = {
  { "organizations", organizations_columns,
    ORGANIZATION_SELECT "o.plan_name, o.plan_type, o.region, o.country, o.relationship, o.credential_status, "
    "o.mapping_status, count(s.id), coalesce(sum(s.seats_total), 0), coalesce(sum(s.seats_managed), 0), o.created_at "
    "FROM organizations o LEFT JOIN services s ON s.organization_id = o.id WHERE" PAGE },
  { "seat-usage", seat_usage_columns,
    ORGANIZATION_SELECT "o.plan_name, o.plan_type, coalesce(sum(s.seats_total), 0), coalesce(sum(s.seats_managed), 0), "
    "coalesce(sum(max(s.seats_total - s.seats_managed, 0)), 0), coalesce(sum(s.seats_unprotected), 0), "
    PERCENT ("sum(s.seats_managed)", "sum(s.seats_total)") " "
    "FROM organizations o LEFT JOIN services s ON s.organization_id = o.id WHERE" PAGE },
  { "protection-coverage", protection_columns,
    ORGANIZATION_SELECT "coalesce(sum(s.seats_managed), 0), coalesce(sum(s.seats_unprotected), 0), "
    "coalesce(sum(s.seats_managed + s.seats_unprotected), 0), "
    PERCENT ("sum(s.seats_managed)", "sum(s.seats_managed + s.seats_unprotected)") " "
    "FROM organizations o LEFT JOIN services s ON s.organization_id = o.id WHERE" PAGE },
  { "accounts", accounts_columns,
    ORGANIZATION_SELECT "coalesce(sum(s.accounts_active), 0), coalesce(sum(s.accounts_deactivated), 0), "
    "coalesce(sum(s.accounts_deleted), 0), "
    "coalesce(sum(s.accounts_active + s.accounts_deactivated + s.accounts_deleted), 0) "
    "FROM organizations o LEFT JOIN services s ON s.organization_id = o.id WHERE" PAGE },
  { "jobs", jobs_columns,
    ORGANIZATION_SELECT "coalesce(" PD_PERIOD_SUM (success) ", 0), coalesce(" PD_PERIOD_SUM (warning) ", 0), "
    "coalesce(" PD_PERIOD_SUM (retrying) ", 0), coalesce(" PD_PERIOD_SUM (failed) ", 0), "
    "(SELECT count(*) FROM services s WHERE s.organization_id = o.id AND s.backup_status = 'running'), "
    "coalesce(" PD_PERIOD_SUM (account_errors) ", 0), "
    "(SELECT max(s.last_backup_at) FROM services s WHERE s.organization_id = o.id) "
    "FROM organizations o" PD_PERIOD_JOINS "WHERE" PAGE },
};

/* Accept: text/csv (preferred over application/json by order or q) asks for CSV. */
static gboolean
wants_csv (PdPortalRequest *req)
{
  const char *accept = soup_message_headers_get_list (soup_server_message_get_request_headers (req->msg), "Accept");
  g_auto(GStrv) ranges = NULL;
  double csv_q = 0, json_q = 0;

  if (accept == NULL)
    return FALSE;
  ranges = g_strsplit (accept, ",", -1);
  for (guint i = 0; ranges[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (ranges[i], ";", -1);
      const char *type = g_strstrip (parts[0]);
      double q = 1;

      for (guint p = 1; parts[p] != NULL; p++)
        {
          const char *param = g_strstrip (parts[p]);
          if (g_ascii_strncasecmp (param, "q=", 2) == 0)
            q = g_ascii_strtod (param + 2, NULL);
        }
      if (g_ascii_strcasecmp (type, "text/csv") == 0 && q > csv_q)
        csv_q = q;
      else if ((g_ascii_strcasecmp (type, "application/json") == 0 || g_str_equal (type, "*/*")) && q > json_q)
        json_q = q;
    }
  return csv_q > 0 && csv_q >= json_q;
}

/* One CSV field: quoted when it holds a comma, quote or line break; a text cell that a
 * spreadsheet would run as a formula (= + - @, tab, carriage return) gets a leading '. */
static void
csv_field (GString    *out,
           const char *text,
           gboolean    is_text)
{
  gboolean formula = is_text && text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL;
  gboolean quote = strpbrk (text, ",\"\r\n") != NULL;

  if (quote)
    g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

static char *
next_cursor (gint64 last_rowid)
{
  g_autofree char *text = g_strdup_printf ("after:%" G_GINT64_FORMAT, last_rowid);

  return g_base64_encode ((const guchar *) text, strlen (text));
}

void
pd_portal_dashboard_report (PdPortalRequest *req)
{
  const Report *report = NULL;
  PdPortalPage page = { 0 };
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GString) csv = NULL;
  PdDashboardPeriod period;
  sqlite3_stmt *stmt;
  guint n_columns = 0, n_rows = 0;
  gint64 last_rowid = 0;
  gboolean has_more = FALSE;

  if (!pd_portal_require (req, "reports.export"))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
    if (g_strcmp0 (reports[i].name, req->params[0]) == 0)
      report = &reports[i];
  if (report == NULL)
    {
      pd_portal_respond_problem (req, SOUP_STATUS_NOT_FOUND, "not-found", "Not found",
                                 "There is no report “%s”; the reports are organizations, seat-usage, "
                                 "protection-coverage, accounts and jobs.", req->params[0] ? req->params[0] : "");
      return;
    }
  if (!pd_portal_dashboard_period (req, g_get_real_time (), &period) || !pd_portal_page_parse (req, &page))
    return;
  while (report->columns[n_columns].key != NULL)
    n_columns++;

  if (wants_csv (req))
    {
      csv = g_string_new (NULL);
      for (guint c = 0; c < n_columns; c++)
        {
          if (c > 0)
            g_string_append_c (csv, ',');
          csv_field (csv, report->columns[c].title, TRUE);
        }
      g_string_append (csv, "\r\n");
    }
  else
    {
      builder = json_builder_new ();
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "columns");
      json_builder_begin_array (builder);
      for (guint c = 0; c < n_columns; c++)
        {
          json_builder_begin_object (builder);
          pd_portal_json_text (builder, "key", report->columns[c].key);
          pd_portal_json_text (builder, "title", report->columns[c].title);
          pd_portal_json_text (builder, "type", report->columns[c].type);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "items");
      json_builder_begin_array (builder);
    }

  stmt = pd_portal_db_stmt (req->portal, report->sql);
  sqlite3_bind_int64 (stmt, 1, req->caller->partner_id);
  sqlite3_bind_int64 (stmt, 2, page.after);
  sqlite3_bind_int64 (stmt, 3, (gint64) page.limit + 1);
  sqlite3_bind_int64 (stmt, 4, period.first_day);
  sqlite3_bind_int64 (stmt, 5, period.last_day);
  pd_portal_caller_bind_scope (req->caller, stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (n_rows == page.limit)
        {
          has_more = TRUE;
          break;
        }
      n_rows++;
      last_rowid = sqlite3_column_int64 (stmt, 0);
      if (builder != NULL)
        json_builder_begin_object (builder);
      for (guint c = 0; c < n_columns; c++)
        {
          int type = sqlite3_column_type (stmt, (int) c + 1);
          const char *key = report->columns[c].key;

          if (builder != NULL)
            {
              if (type == SQLITE_NULL)
                pd_portal_json_text (builder, key, NULL);
              else if (type == SQLITE_INTEGER)
                pd_portal_json_int (builder, key, sqlite3_column_int64 (stmt, (int) c + 1));
              else
                pd_portal_json_text (builder, key, pd_portal_db_text (stmt, (int) c + 1));
            }
          else
            {
              if (c > 0)
                g_string_append_c (csv, ',');
              if (type != SQLITE_NULL)
                csv_field (csv, pd_portal_db_text (stmt, (int) c + 1), type == SQLITE_TEXT);
            }
        }
      if (builder != NULL)
        json_builder_end_object (builder);
      else
        g_string_append (csv, "\r\n");
    }
  sqlite3_reset (stmt);

  if (builder != NULL)
    {
      /* The rest of the list envelope (items is open). */
      pd_portal_page_end (req, &page, builder, has_more, last_rowid, NULL, 0, NULL);
      pd_portal_respond_builder (req, SOUP_STATUS_OK, builder, NULL);
    }
  else
    {
      g_autoptr(GBytes) body = NULL;
      g_autofree char *disposition = g_strdup_printf ("attachment; filename=\"%s-%s.csv\"", report->name, period.key);
      gsize length = csv->len;

      if (has_more)
        {
          g_autofree char *cursor = next_cursor (last_rowid);
          pd_portal_set_header (req, "Next-Cursor", cursor);
        }
      pd_portal_set_header (req, "Content-Disposition", disposition);
      body = g_bytes_new_take (g_string_free (g_steal_pointer (&csv), FALSE), length);
      pd_portal_respond_bytes (req, SOUP_STATUS_OK, "text/csv; charset=utf-8; header=present", body);
    }
  pd_portal_page_clear (&page);
}

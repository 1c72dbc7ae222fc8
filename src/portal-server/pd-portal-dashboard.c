/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Dashboard summary: job outcomes over a period, seats, protection, organizations and what
 * needs attention. Job outcomes come from two tables:
 * - job_history_partner: per partner per day, so that a partner-wide dashboard over 10,000
 *   organizations sums at most 90 rows;
 * - job_history: per organization per day with activity, the organization's running totals
 *   up to that day, so that its outcomes over any period are the difference of two rows and
 *   a group's dashboard reads two rows per organization in scope, whatever the period. */
#include "pd-portal-dashboard.h"
#include "pd-portal-auth.h"
#include "pd-portal-db.h"
#include "pd-portal-modules.h"

/* Enough for the longest period (last_90_days; last_month starts at most 61 days ago). */
#define HISTORY_DAYS 90
#define ATTENTION_MAX 50
#define SEED_BATCH 30

/* Services that need attention, as in the partial index services_attention. */
#define ATTENTION_SERVICES \
  "(authorization_state IN ('consent_lost', 'pending_client_admin') OR backup_status = 'failed' " \
  "OR seats_managed > seats_total)"

#define COUNTS_UPSERT \
  " ON CONFLICT DO UPDATE SET success = success + excluded.success, warning = warning + excluded.warning," \
  " retrying = retrying + excluded.retrying, failed = failed + excluded.failed," \
  " account_errors = account_errors + excluded.account_errors"

static const char schema_sql[] =
  /* Running totals from the organization's first row up to and including this day. */
  "CREATE TABLE IF NOT EXISTS job_history ("
  "  organization_id INTEGER NOT NULL, day INTEGER NOT NULL,"
  "  total_success INTEGER NOT NULL DEFAULT 0, total_warning INTEGER NOT NULL DEFAULT 0,"
  "  total_retrying INTEGER NOT NULL DEFAULT 0, total_failed INTEGER NOT NULL DEFAULT 0,"
  "  total_account_errors INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (organization_id, day)) WITHOUT ROWID;\n"
  "CREATE TABLE IF NOT EXISTS job_history_partner ("
  "  partner_id INTEGER NOT NULL, day INTEGER NOT NULL,"
  "  success INTEGER NOT NULL DEFAULT 0, warning INTEGER NOT NULL DEFAULT 0,"
  "  retrying INTEGER NOT NULL DEFAULT 0, failed INTEGER NOT NULL DEFAULT 0,"
  "  account_errors INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (partner_id, day)) WITHOUT ROWID;\n"
  /* The roll-up stays the sum of its organizations when one is deleted. */
  "CREATE TRIGGER IF NOT EXISTS job_history_organization_deleted AFTER DELETE ON organizations BEGIN"
  "  INSERT INTO job_history_partner (partner_id, day, success, warning, retrying, failed, account_errors)"
  "    SELECT old.partner_id, day,"
  "      coalesce(lag(total_success) OVER days, 0) - total_success,"
  "      coalesce(lag(total_warning) OVER days, 0) - total_warning,"
  "      coalesce(lag(total_retrying) OVER days, 0) - total_retrying,"
  "      coalesce(lag(total_failed) OVER days, 0) - total_failed,"
  "      coalesce(lag(total_account_errors) OVER days, 0) - total_account_errors"
  "    FROM job_history WHERE organization_id = old.id WINDOW days AS (ORDER BY day)"
  COUNTS_UPSERT ";"
  "  DELETE FROM job_history WHERE organization_id = old.id;"
  " END;\n"
  /* The simulation (pd-portal-simulate.c): jobs in progress, and due backups found by index. */
  "CREATE TABLE IF NOT EXISTS simulated_jobs ("
  "  service_id INTEGER PRIMARY KEY, ends_at INTEGER NOT NULL, retry INTEGER NOT NULL DEFAULT 0);\n"
  "CREATE INDEX IF NOT EXISTS simulated_jobs_ends ON simulated_jobs (ends_at);\n"
  "CREATE INDEX IF NOT EXISTS services_backup_schedule ON services (authorization_state, next_backup_at);\n"
  /* The dashboard: its sums read this narrow index instead of the services' rows, and
   * what needs attention is a small part of all services. */
  "CREATE INDEX IF NOT EXISTS services_dashboard ON services "
  "  (organization_id, backup_status, seats_total, seats_managed, seats_unprotected,"
  "   accounts_active, accounts_deactivated, accounts_deleted);\n"
  "CREATE INDEX IF NOT EXISTS services_attention ON services (organization_id) WHERE " ATTENTION_SERVICES ";\n";

/* Periods */

static const char *const period_keys[] = {
  "this_month", "last_month", "last_7_days", "last_30_days", "last_90_days", NULL
};

static gint64
month_start_usec (GDateTime *time,
                  int        months_back)
{
  int year = g_date_time_get_year (time);
  int month = g_date_time_get_month (time) - months_back;
  g_autoptr(GDateTime) start = NULL;

  while (month < 1)
    {
      month += 12;
      year--;
    }
  start = g_date_time_new_utc (year, month, 1, 0, 0, 0);
  return g_date_time_to_unix (start) * G_USEC_PER_SEC;
}

gboolean
pd_portal_dashboard_period (PdPortalRequest   *req,
                            gint64             now_usec,
                            PdDashboardPeriod *period)
{
  const char *key = pd_portal_query (req, "period");
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (now_usec / G_USEC_PER_SEC);
  gint64 today = now_usec / PD_DAY_USEC;
  guint i;

  if (key == NULL)
    key = "this_month";
  for (i = 0; period_keys[i] != NULL; i++)
    if (g_str_equal (period_keys[i], key))
      break;
  if (period_keys[i] == NULL)
    {
      g_autoptr(JsonBuilder) errors = json_builder_new ();
      g_autoptr(JsonNode) node = NULL;

      json_builder_begin_array (errors);
      json_builder_begin_object (errors);
      pd_portal_json_text (errors, "field", "period");
      pd_portal_json_text (errors, "code", "invalid");
      pd_portal_json_text (errors, "message",
                           "period must be one of this_month, last_month, last_7_days, last_30_days, last_90_days.");
      json_builder_end_object (errors);
      json_builder_end_array (errors);
      node = json_builder_get_root (errors);
      pd_portal_respond_field_errors (req, node);
      return FALSE;
    }

  period->key = period_keys[i];
  period->end_usec = now_usec;
  switch (i)
    {
    case 0:
      period->start_usec = month_start_usec (now, 0);
      break;
    case 1:
      period->start_usec = month_start_usec (now, 1);
      period->end_usec = month_start_usec (now, 0);
      break;
    default:
      {
        int days = i == 2 ? 7 : i == 3 ? 30 : 90;
        period->start_usec = (today - days + 1) * PD_DAY_USEC;
      }
      break;
    }
  period->first_day = period->start_usec / PD_DAY_USEC;
  period->last_day = period->end_usec == now_usec ? today : period->end_usec / PD_DAY_USEC - 1;
  return TRUE;
}

void
pd_portal_dashboard_period_json (JsonBuilder       *builder,
                                 PdDashboardPeriod *period)
{
  g_autofree char *start = pd_portal_time_format (period->start_usec);
  g_autofree char *end = pd_portal_time_format (period->end_usec);

  json_builder_set_member_name (builder, "period");
  json_builder_begin_object (builder);
  pd_portal_json_text (builder, "key", period->key);
  pd_portal_json_text (builder, "start", start);
  pd_portal_json_text (builder, "end", end);
  json_builder_end_object (builder);
}

/* History */

static void
bind_counts (sqlite3_stmt      *stmt,
             const PdJobCounts *counts)
{
  sqlite3_bind_int64 (stmt, 3, counts->success);
  sqlite3_bind_int64 (stmt, 4, counts->warning);
  sqlite3_bind_int64 (stmt, 5, counts->retrying);
  sqlite3_bind_int64 (stmt, 6, counts->failed);
  sqlite3_bind_int64 (stmt, 7, counts->account_errors);
}

static gboolean
counts_empty (const PdJobCounts *c)
{
  return c->success == 0 && c->warning == 0 && c->retrying == 0 && c->failed == 0 && c->account_errors == 0;
}

static void
counts_add (PdJobCounts       *sum,
            const PdJobCounts *c)
{
  sum->success += c->success;
  sum->warning += c->warning;
  sum->retrying += c->retrying;
  sum->failed += c->failed;
  sum->account_errors += c->account_errors;
}

/* Adds to @day, which is the organization's latest day (the simulation writes today), so
 * no later running totals need to change. */
static void
record_organization (PdPortal          *portal,
                     gint64             organization_id,
                     gint64             day,
                     const PdJobCounts *counts)
{
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal,
      "INSERT INTO job_history (organization_id, day, total_success, total_warning, total_retrying, "
      "  total_failed, total_account_errors) "
      "SELECT ?1, ?2, coalesce(p.total_success, 0) + ?3, coalesce(p.total_warning, 0) + ?4, "
      "  coalesce(p.total_retrying, 0) + ?5, coalesce(p.total_failed, 0) + ?6, "
      "  coalesce(p.total_account_errors, 0) + ?7 "
      "FROM (SELECT 1) LEFT JOIN job_history p ON p.organization_id = ?1 "
      "  AND p.day = (SELECT max(day) FROM job_history WHERE organization_id = ?1 AND day < ?2) WHERE true "
      "ON CONFLICT DO UPDATE SET total_success = total_success + ?3, total_warning = total_warning + ?4, "
      "  total_retrying = total_retrying + ?5, total_failed = total_failed + ?6, "
      "  total_account_errors = total_account_errors + ?7");

  sqlite3_bind_int64 (stmt, 1, organization_id);
  sqlite3_bind_int64 (stmt, 2, day);
  bind_counts (stmt, counts);
  pd_portal_db_step_done (portal, stmt);
}

static void
record_partner (PdPortal          *portal,
                gint64             partner_id,
                gint64             day,
                const PdJobCounts *counts)
{
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal,
      "INSERT INTO job_history_partner (partner_id, day, success, warning, retrying, failed, account_errors) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)" COUNTS_UPSERT);

  sqlite3_bind_int64 (stmt, 1, partner_id);
  sqlite3_bind_int64 (stmt, 2, day);
  bind_counts (stmt, counts);
  pd_portal_db_step_done (portal, stmt);
}

void
pd_portal_dashboard_record (PdPortal          *portal,
                            gint64             partner_id,
                            gint64             organization_id,
                            gint64             day,
                            const PdJobCounts *counts)
{
  if (counts_empty (counts))
    return;
  record_organization (portal, organization_id, day, counts);
  record_partner (portal, partner_id, day, counts);
}

/* Seed: HISTORY_DAYS of plausible outcomes for every service that has been backing up,
 * drawn per job but stored per organization per day. */

typedef struct {
  PdPortalSeed *seed;
  gint64        first_day;
  gint64        today;
  double        today_fraction;      /* of today's jobs that already ran */
  gint64        organization_id;
  gint64        partner_id;
  PdJobCounts   days[HISTORY_DAYS];
  guint         pending_days[SEED_BATCH];   /* indexes into days, not yet inserted */
  PdJobCounts   totals[SEED_BATCH];         /* their running totals */
  guint         n_pending;
  GHashTable   *partners;            /* partner_id → PdJobCounts[HISTORY_DAYS] */
} HistorySeed;

static void
seed_job (HistorySeed *h,
          PdJobCounts *day)
{
  guint64 r = pd_seed_next (h->seed) % 1000;

  if (r < 880)
    day->success++;
  else if (r < 930)
    {
      day->warning++;
      if (pd_seed_chance (h->seed, 0.3))
        day->account_errors += pd_seed_int (h->seed, 1, 2);
    }
  else if (r < 970)
    {
      day->retrying++;
      if (pd_seed_chance (h->seed, 0.75))  /* the retry */
        day->success++;
      else
        day->failed++;
    }
  else
    day->failed++;
}

/* Each row is new: plain multi-row inserts cost a fraction of one upsert per row. */
static void
insert_pending (HistorySeed *h)
{
  g_autoptr(GString) sql = NULL;
  sqlite3_stmt *stmt;
  int n = 0;

  if (h->n_pending == 0)
    return;
  sql = g_string_new ("INSERT INTO job_history (organization_id, day, total_success, total_warning, "
                      "total_retrying, total_failed, total_account_errors) VALUES ");
  for (guint i = 0; i < h->n_pending; i++)
    g_string_append (sql, i ? ",(?,?,?,?,?,?,?)" : "(?,?,?,?,?,?,?)");
  stmt = pd_portal_db_stmt (h->seed->portal, sql->str);
  for (guint i = 0; i < h->n_pending; i++)
    {
      const PdJobCounts *t = &h->totals[i];

      sqlite3_bind_int64 (stmt, ++n, h->organization_id);
      sqlite3_bind_int64 (stmt, ++n, h->first_day + h->pending_days[i]);
      sqlite3_bind_int64 (stmt, ++n, t->success);
      sqlite3_bind_int64 (stmt, ++n, t->warning);
      sqlite3_bind_int64 (stmt, ++n, t->retrying);
      sqlite3_bind_int64 (stmt, ++n, t->failed);
      sqlite3_bind_int64 (stmt, ++n, t->account_errors);
    }
  pd_portal_db_step_done (h->seed->portal, stmt);
  h->n_pending = 0;
}

static void
flush_organization (HistorySeed *h)
{
  PdJobCounts *partner;
  PdJobCounts running_total = { 0 };

  if (h->organization_id == 0)
    return;
  partner = g_hash_table_lookup (h->partners, &h->partner_id);
  if (partner == NULL)
    {
      gint64 *key = g_new (gint64, 1);
      *key = h->partner_id;
      partner = g_new0 (PdJobCounts, HISTORY_DAYS);
      g_hash_table_insert (h->partners, key, partner);
    }
  for (guint i = 0; i < HISTORY_DAYS; i++)
    {
      if (counts_empty (&h->days[i]))
        continue;
      counts_add (&partner[i], &h->days[i]);
      counts_add (&running_total, &h->days[i]);
      h->totals[h->n_pending] = running_total;
      h->pending_days[h->n_pending++] = i;
      if (h->n_pending == SEED_BATCH)
        insert_pending (h);
    }
  insert_pending (h);
  memset (h->days, 0, sizeof h->days);
  h->organization_id = 0;
}

static gint64
clamp_day (HistorySeed *h,
           gint64       day)
{
  return CLAMP (day, h->first_day, h->today);
}

/* One organization's account errors while its credentials need renewing. */
static void
seed_credential_errors (HistorySeed *h,
                        gint64       to_day)
{
  gint64 from = clamp_day (h, to_day - pd_seed_int (h->seed, 0, 9));

  for (gint64 day = from; day <= clamp_day (h, to_day); day++)
    h->days[day - h->first_day].account_errors += pd_seed_int (h->seed, 1, 5);
}

static void
seed_service (HistorySeed  *h,
              sqlite3_stmt *stmt)
{
  const char *authorization = pd_portal_db_text (stmt, 4);
  const char *status = pd_portal_db_text (stmt, 5);
  gint64 created_day = sqlite3_column_int64 (stmt, 6);
  gint64 changed_day = sqlite3_column_type (stmt, 7) == SQLITE_NULL ? h->today : sqlite3_column_int64 (stmt, 7);
  gint64 last_day = sqlite3_column_type (stmt, 8) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 8);
  gint64 organization_end = sqlite3_column_int64 (stmt, 9);
  gint64 seats = sqlite3_column_int64 (stmt, 10);
  gboolean consent_lost = g_strcmp0 (authorization, "consent_lost") == 0;
  gint64 from, to;

  if (!(g_strcmp0 (authorization, "authorized") == 0 || consent_lost) || g_strcmp0 (status, "never_run") == 0)
    return;

  from = MAX (h->first_day, created_day);
  to = MIN (h->today, organization_end);
  /* Paused and consent-lost services stopped when they last changed. */
  if (consent_lost || g_strcmp0 (status, "paused") == 0)
    to = MIN (to, changed_day);
  if (from > to || to < h->first_day)
    return;

  for (gint64 day = from; day <= to; day++)
    {
      PdJobCounts *counts = &h->days[day - h->first_day];
      gint64 jobs = pd_seed_int (h->seed, 3, 6);

      if (day == h->today)
        jobs = (gint64) (jobs * h->today_fraction + 0.5);
      for (gint64 j = 0; j < jobs; j++)
        seed_job (h, counts);
    }

  /* The latest job ended as the service's status says. */
  if (last_day >= from && last_day <= to)
    {
      PdJobCounts *counts = &h->days[last_day - h->first_day];

      if (g_strcmp0 (status, "failed") == 0)
        counts->failed++;
      else if (g_strcmp0 (status, "warning") == 0)
        counts->warning++;
      else if (g_strcmp0 (status, "retrying") == 0)
        counts->retrying++;
    }
  if (consent_lost)
    {
      PdJobCounts *counts = &h->days[to - h->first_day];

      counts->failed++;
      counts->account_errors += MAX (seats, 1);
    }
}

static void
seed_history (PdPortalSeed *seed)
{
  PdPortal *portal = seed->portal;
  HistorySeed h = { .seed = seed };
  GHashTableIter iter;
  gpointer key, value;
  sqlite3_stmt *stmt;
  gint64 previous_organization = 0;
  gint64 started = g_get_monotonic_time ();

  h.today = seed->now_usec / PD_DAY_USEC;
  h.first_day = h.today - HISTORY_DAYS + 1;
  h.today_fraction = (double) (seed->now_usec % PD_DAY_USEC) / PD_DAY_USEC;
  h.partners = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  /* Days as in the history: unixepoch() / 86400. A non-active organization stopped backing
   * up when its status last changed. */
  stmt = pd_portal_db_stmt (portal,
      "SELECT o.id, o.partner_id, o.credential_status, s.id, s.authorization_state, s.backup_status, "
      "  unixepoch(s.created_at) / 86400, unixepoch(s.updated_at) / 86400, unixepoch(s.last_backup_at) / 86400, "
      "  CASE WHEN o.status = 'active' THEN ?1 ELSE unixepoch(o.updated_at) / 86400 END, s.seats_managed "
      "FROM organizations o LEFT JOIN services s ON s.organization_id = o.id ORDER BY o.id, s.id");
  sqlite3_bind_int64 (stmt, 1, h.today);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 organization_id = sqlite3_column_int64 (stmt, 0);

      if (organization_id != previous_organization)
        {
          flush_organization (&h);
          previous_organization = h.organization_id = organization_id;
          h.partner_id = sqlite3_column_int64 (stmt, 1);
          if (g_strcmp0 (pd_portal_db_text (stmt, 2), "needs_authentication") == 0)
            seed_credential_errors (&h, sqlite3_column_int64 (stmt, 9));
        }
      if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
        seed_service (&h, stmt);
    }
  sqlite3_reset (stmt);
  flush_organization (&h);

  g_hash_table_iter_init (&iter, h.partners);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      PdJobCounts *days = value;

      for (guint i = 0; i < HISTORY_DAYS; i++)
        if (!counts_empty (&days[i]))
          record_partner (portal, *(gint64 *) key, h.first_day + i, &days[i]);
    }
  g_hash_table_unref (h.partners);
  g_debug ("Seeded the job history in %.0f ms",
           (g_get_monotonic_time () - started) / 1000.0);
}

/* GET /api/v1/dashboard */

/* Each figure has two queries: for one organization (by its ID), and for all, which scans
 * the organizations in table order (with nearly every row belonging to the caller's partner,
 * that is faster than going through the partner index), checks the scope once for each and
 * joins their services through the narrow index services_dashboard. What needs attention
 * starts from the few services in the partial index services_attention instead. */
#define SCOPE " AND " PD_PORTAL_SCOPE_SQL
#define SERVICES_OF_ALL " FROM organizations o CROSS JOIN services s ON s.organization_id = o.id " \
                        "WHERE +o.partner_id = ?1" SCOPE
#define ATTENTION_SERVICES_OF_ALL " FROM services s CROSS JOIN organizations o ON o.id = s.organization_id " \
                                  "WHERE +o.partner_id = ?1" SCOPE
#define SERVICES_OF_ONE " FROM organizations o JOIN services s ON s.organization_id = o.id " \
                        "WHERE o.id = ?2 AND o.partner_id = ?1" SCOPE
#define ORGANIZATIONS_ALL " FROM organizations o WHERE +o.partner_id = ?1" SCOPE
#define ORGANIZATIONS_ONE " FROM organizations o WHERE o.id = ?2 AND o.partner_id = ?1" SCOPE

static sqlite3_stmt *
filtered_stmt (PdPortalRequest *req,
               gint64           organization_id,
               const char      *sql_all,
               const char      *sql_one)
{
  sqlite3_stmt *stmt = pd_portal_db_stmt (req->portal, organization_id > 0 ? sql_one : sql_all);

  sqlite3_bind_int64 (stmt, 1, req->caller->partner_id);
  sqlite3_bind_int64 (stmt, 2, organization_id);
  pd_portal_caller_bind_scope (req->caller, stmt);
  return stmt;
}

static void
add_percent (JsonBuilder *builder,
             const char  *member,
             gint64       part,
             gint64       whole)
{
  /* Whole percent, rounded down: 100 only when nothing is missing. */
  pd_portal_json_int (builder, member, whole > 0 ? part * 100 / whole : 0);
}

static void
add_jobs (PdPortalRequest   *req,
          JsonBuilder       *builder,
          PdDashboardPeriod *period,
          gint64             organization_id,
          gint64             running)
{
  sqlite3_stmt *stmt;
  PdJobCounts sum = { 0 };

  if (organization_id == 0 && req->caller->all_organizations)
    {
      stmt = pd_portal_db_stmt (req->portal,
          "SELECT coalesce(sum(h.success), 0), coalesce(sum(h.warning), 0), coalesce(sum(h.retrying), 0), "
          "coalesce(sum(h.failed), 0), coalesce(sum(h.account_errors), 0) "
          "FROM job_history_partner h WHERE h.partner_id = ?1 AND h.day BETWEEN ?4 AND ?5");
      sqlite3_bind_int64 (stmt, 1, req->caller->partner_id);
    }
  else
    {
      /* Per organization: the running totals at the period's last day with activity, less
       * those before its first day. Organizations first, so the scope is checked once each. */
#define PERIOD_TOTALS(where) \
  "SELECT coalesce(sum(" PD_PERIOD_SUM (success) "), 0), coalesce(sum(" PD_PERIOD_SUM (warning) "), 0), " \
  "coalesce(sum(" PD_PERIOD_SUM (retrying) "), 0), coalesce(sum(" PD_PERIOD_SUM (failed) "), 0), " \
  "coalesce(sum(" PD_PERIOD_SUM (account_errors) "), 0) FROM organizations o" PD_PERIOD_JOINS "WHERE " where
      stmt = filtered_stmt (req, organization_id, PERIOD_TOTALS ("+o.partner_id = ?1" SCOPE),
                            PERIOD_TOTALS ("o.id = ?2 AND o.partner_id = ?1" SCOPE));
#undef PERIOD_TOTALS
    }
  sqlite3_bind_int64 (stmt, 4, period->first_day);
  sqlite3_bind_int64 (stmt, 5, period->last_day);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      sum.success = sqlite3_column_int64 (stmt, 0);
      sum.warning = sqlite3_column_int64 (stmt, 1);
      sum.retrying = sqlite3_column_int64 (stmt, 2);
      sum.failed = sqlite3_column_int64 (stmt, 3);
      sum.account_errors = sqlite3_column_int64 (stmt, 4);
    }
  sqlite3_reset (stmt);

  json_builder_set_member_name (builder, "jobs");
  json_builder_begin_object (builder);
  pd_portal_json_int (builder, "success", sum.success);
  pd_portal_json_int (builder, "running", running);
  pd_portal_json_int (builder, "retrying", sum.retrying);
  pd_portal_json_int (builder, "failed", sum.failed);
  pd_portal_json_int (builder, "warning", sum.warning);
  json_builder_end_object (builder);
  pd_portal_json_int (builder, "account_errors", sum.account_errors);
}

/* Running jobs, seats, protection and accounts, from the services' current state. */
static void
add_services (PdPortalRequest   *req,
              JsonBuilder       *builder,
              PdDashboardPeriod *period,
              gint64             organization_id)
{
#define SERVICE_SUMS(from) \
  "SELECT coalesce(sum(s.backup_status = 'running'), 0), " \
  "  coalesce(sum(CASE WHEN o.status <> 'deleted' THEN s.seats_total END), 0), " \
  "  coalesce(sum(CASE WHEN o.status <> 'deleted' THEN s.seats_managed END), 0), " \
  "  coalesce(sum(CASE WHEN o.status <> 'deleted' THEN max(s.seats_total - s.seats_managed, 0) END), 0), " \
  "  coalesce(sum(CASE WHEN o.status <> 'deleted' THEN s.seats_unprotected END), 0), " \
  "  coalesce(sum(CASE WHEN o.status <> 'deleted' THEN s.accounts_active END), 0), " \
  "  coalesce(sum(CASE WHEN o.status <> 'deleted' THEN s.accounts_deactivated END), 0), " \
  "  coalesce(sum(CASE WHEN o.status <> 'deleted' THEN s.accounts_deleted END), 0)" from
  sqlite3_stmt *stmt = filtered_stmt (req, organization_id, SERVICE_SUMS (SERVICES_OF_ALL), SERVICE_SUMS (SERVICES_OF_ONE));
#undef SERVICE_SUMS
  gint64 running = 0, total = 0, managed = 0, open = 0, unprotected = 0;
  gint64 active = 0, deactivated = 0, deleted = 0;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      running = sqlite3_column_int64 (stmt, 0);
      total = sqlite3_column_int64 (stmt, 1);
      managed = sqlite3_column_int64 (stmt, 2);
      open = sqlite3_column_int64 (stmt, 3);
      unprotected = sqlite3_column_int64 (stmt, 4);
      active = sqlite3_column_int64 (stmt, 5);
      deactivated = sqlite3_column_int64 (stmt, 6);
      deleted = sqlite3_column_int64 (stmt, 7);
    }
  sqlite3_reset (stmt);

  add_jobs (req, builder, period, organization_id, running);

  json_builder_set_member_name (builder, "seats");
  json_builder_begin_object (builder);
  pd_portal_json_int (builder, "total", total);
  pd_portal_json_int (builder, "managed", managed);
  pd_portal_json_int (builder, "open", open);
  pd_portal_json_int (builder, "unprotected", unprotected);
  add_percent (builder, "usage_percent", managed, total);
  json_builder_end_object (builder);

  /* Accounts holding a managed seat (protected or paused) against those and the unprotected. */
  json_builder_set_member_name (builder, "protection");
  json_builder_begin_object (builder);
  pd_portal_json_int (builder, "protected", managed);
  pd_portal_json_int (builder, "total", managed + unprotected);
  add_percent (builder, "coverage_percent", managed, managed + unprotected);
  json_builder_end_object (builder);

  /* Every account of the tenants by its status there, whatever its protection. */
  json_builder_set_member_name (builder, "accounts");
  json_builder_begin_object (builder);
  pd_portal_json_int (builder, "active", active);
  pd_portal_json_int (builder, "deactivated", deactivated);
  pd_portal_json_int (builder, "deleted", deleted);
  pd_portal_json_int (builder, "total", active + deactivated + deleted);
  json_builder_end_object (builder);
}

static void
add_organizations (PdPortalRequest *req,
                   JsonBuilder     *builder,
                   gint64           organization_id)
{
  static const char *const members[] = {
    "active", "suspended", "unsubscribed", "deleted", "total", "unmapped", "needs_authentication"
  };
#define ORGANIZATION_COUNTS(from) \
  "SELECT coalesce(sum(o.status = 'active'), 0), coalesce(sum(o.status = 'suspended'), 0), " \
  "  coalesce(sum(o.status = 'unsubscribed'), 0), coalesce(sum(o.status = 'deleted'), 0), count(*), " \
  "  coalesce(sum(o.mapping_status = 'unmapped' AND o.status <> 'deleted'), 0), " \
  "  coalesce(sum(o.credential_status = 'needs_authentication' AND o.status <> 'deleted'), 0)" from
  sqlite3_stmt *stmt = filtered_stmt (req, organization_id, ORGANIZATION_COUNTS (ORGANIZATIONS_ALL),
                                      ORGANIZATION_COUNTS (ORGANIZATIONS_ONE));
#undef ORGANIZATION_COUNTS
  gboolean row = sqlite3_step (stmt) == SQLITE_ROW;

  json_builder_set_member_name (builder, "organizations");
  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    pd_portal_json_int (builder, members[i], row ? sqlite3_column_int64 (stmt, (int) i) : 0);
  json_builder_end_object (builder);
  sqlite3_reset (stmt);
}

/* In order of urgency. */
static const char *const attention_reasons[] = {
  "failed_backup", "consent_lost", "needs_authentication", "over_capacity", "pending_client_admin", "unmapped"
};

/* Most urgent reason first, then the longest-standing. Only active organizations need
 * attention. A service appears once: consent_lost before failed_backup (its cause), then
 * failed_backup, over_capacity, pending_client_admin. */
static void
add_attention (PdPortalRequest *req,
               JsonBuilder     *builder,
               gint64           organization_id)
{
#define ATTENTION(services, organizations) \
  "SELECT rank, organization_id, name, service_id, since FROM (" \
  "SELECT CASE WHEN s.authorization_state = 'consent_lost' THEN 2 WHEN s.backup_status = 'failed' THEN 1 " \
  "    WHEN s.seats_managed > s.seats_total THEN 4 ELSE 5 END AS rank, " \
  "  o.id AS organization_id, o.name AS name, s.id AS service_id, " \
  "  CASE WHEN s.backup_status = 'failed' AND s.authorization_state <> 'consent_lost' " \
  "    THEN coalesce(s.last_backup_at, s.updated_at) ELSE s.updated_at END AS since" services \
  "  AND o.status = 'active' AND " ATTENTION_SERVICES " " \
  "UNION ALL SELECT 3, o.id, o.name, NULL, o.updated_at" organizations \
  "  AND o.status = 'active' AND o.credential_status = 'needs_authentication' " \
  "UNION ALL SELECT 6, o.id, o.name, NULL, o.created_at" organizations \
  "  AND o.status = 'active' AND o.mapping_status = 'unmapped' " \
  ") ORDER BY rank, since, organization_id, service_id LIMIT " G_STRINGIFY (ATTENTION_MAX)
  sqlite3_stmt *stmt = filtered_stmt (req, organization_id, ATTENTION (ATTENTION_SERVICES_OF_ALL, ORGANIZATIONS_ALL),
                                      ATTENTION (SERVICES_OF_ONE, ORGANIZATIONS_ONE));
#undef ATTENTION

  json_builder_set_member_name (builder, "attention");
  json_builder_begin_array (builder);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int rank = sqlite3_column_int (stmt, 0);
      g_autofree char *org_id = pd_portal_id_format ("org", sqlite3_column_int64 (stmt, 1));
      g_autofree char *service_id = sqlite3_column_type (stmt, 3) == SQLITE_NULL
                                  ? NULL : pd_portal_id_format ("svc", sqlite3_column_int64 (stmt, 3));

      g_assert (rank >= 1 && rank <= (int) G_N_ELEMENTS (attention_reasons));
      json_builder_begin_object (builder);
      pd_portal_json_text (builder, "organization_id", org_id);
      pd_portal_json_text (builder, "organization_name", pd_portal_db_text (stmt, 2));
      pd_portal_json_text (builder, "service_id", service_id);
      pd_portal_json_text (builder, "reason", attention_reasons[rank - 1]);
      pd_portal_json_text (builder, "since", pd_portal_db_text (stmt, 4));
      json_builder_end_object (builder);
    }
  sqlite3_reset (stmt);
  json_builder_end_array (builder);
}

static void
get_dashboard (PdPortalRequest *req)
{
  const char *org_param = pd_portal_query (req, "organization_id");
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *generated_at = NULL;
  PdDashboardPeriod period;
  gint64 organization_id = 0;
  gint64 now_usec;

  if (!pd_portal_require (req, "dashboard.read"))
    return;
  if (org_param != NULL)
    {
      if (!pd_portal_id_parse ("org", org_param, &organization_id))
        {
          pd_portal_respond_not_found (req, "organization");
          return;
        }
      if (!pd_portal_require_organization (req, organization_id))
        return;
    }
  now_usec = g_get_real_time ();
  if (!pd_portal_dashboard_period (req, now_usec, &period))
    return;

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  pd_portal_dashboard_period_json (builder, &period);
  add_services (req, builder, &period, organization_id);
  add_organizations (req, builder, organization_id);
  add_attention (req, builder, organization_id);
  generated_at = pd_portal_time_format (now_usec);
  pd_portal_json_text (builder, "generated_at", generated_at);
  json_builder_end_object (builder);
  pd_portal_respond_builder (req, SOUP_STATUS_OK, builder, NULL);
}

static void
register_routes (PdPortal *portal)
{
  pd_portal_route (portal, "GET", "/api/v1/dashboard", PD_PORTAL_ROUTE_DEFAULT, get_dashboard);
  pd_portal_route (portal, "GET", "/api/v1/reports/{report}", PD_PORTAL_ROUTE_DEFAULT, pd_portal_dashboard_report);
}

const PdPortalModule pd_portal_module_dashboard = {
  .name = "dashboard",
  .schema = schema_sql,
  .seed = seed_history,
  .register_routes = register_routes,
};

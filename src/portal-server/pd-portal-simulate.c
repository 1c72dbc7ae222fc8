/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Simulated backup activity. Every authorized, non-paused service of an active organization
 * backs up every 4–8 simulated hours for 5–90 simulated minutes, and the job ends as a
 * success (88 %), warning (5 %), retrying (4 %, retried 15–60 minutes later: success or
 * failed) or failure (3 %); very rarely the tenant withdraws its consent. The service's jobs
 * figures count the accounts of its latest run by state (as the seed has them): all managed
 * accounts run, then end as success, a few failed (warning), a few retrying (retried on
 * their own later) or most failed. The dashboard's history counts runs.
 *
 * Times written to the database are real times: the time scale only shortens waits and
 * durations (at 60, an hour-long job takes a minute); schedules made for real time (by the
 * seed) are brought closer when the simulation starts. A tick runs every TICK_MS in one
 * transaction and stops after TICK_WORK_USEC of work (at most TICK_BATCH finishing and
 * TICK_BATCH starting jobs), so a large database or a high time scale only delays jobs and
 * never stalls the server. Jobs in progress live in simulated_jobs (dashboard module
 * schema), so a restart on the same file resumes them. */
#include "pd-portal-simulate.h"
#include "pd-portal-authorization.h"
#include "pd-portal-dashboard.h"
#include "pd-portal-db.h"

#define TICK_MS            500
#define TICK_WORK_USEC     10000
#define TICK_BATCH         200
#define MINUTE             60.0
#define HOUR               3600.0
#define INTERVAL_MIN       (4 * HOUR)
#define INTERVAL_MAX       (8 * HOUR)
#define RETRY_MIN          (15 * MINUTE)
#define RETRY_MAX          (60 * MINUTE)
#define DURATION_MIN       (5 * MINUTE)
#define DURATION_MAX       (90 * MINUTE)
#define CONSENT_LOST_RATE  0.001   /* per finished job */

typedef enum {
  OUTCOME_SUCCESS,
  OUTCOME_WARNING,
  OUTCOME_RETRYING,
  OUTCOME_FAILED,
} Outcome;

static const char *const outcome_status[] = { "success", "warning", "retrying", "failed" };

/* Tests raise it with PD_PORTAL_SIMULATE_CONSENT_LOSS to see consent lost within seconds. */
static double consent_lost_rate = CONSENT_LOST_RATE;

/* Real microseconds from now for a simulated duration drawn from [lo, hi] seconds. */
static gint64
after (PdPortal *portal,
       double    lo,
       double    hi)
{
  return (gint64) (g_rand_double_range (portal->rand, lo, hi) / portal->time_scale * G_USEC_PER_SEC);
}

typedef struct {
  PdPortal   *portal;
  gint64      now;             /* real time, for what is due */
  GHashTable *organizations;   /* of changed services, touched once at the end of the tick */
} Tick;

static void
organization_changed (Tick   *tick,
                      gint64  organization_id)
{
  gint64 *id = g_new (gint64, 1);

  *id = organization_id;
  g_hash_table_add (tick->organizations, id);
}

typedef struct {
  gint64   service_id;
  gboolean retry;
  gint64   organization_id;   /* 0: the service is gone */
  gint64   partner_id;
  gboolean running;
  gint64   seats_managed;
  gint64   jobs_success;      /* of the run, per account */
  gint64   jobs_running;
} DueFinish;

static Outcome
draw_outcome (PdPortal *portal,
              gboolean  retry)
{
  double r = g_rand_double (portal->rand);

  if (retry)
    return r < 0.75 ? OUTCOME_SUCCESS : OUTCOME_FAILED;
  if (r < 0.88)
    return OUTCOME_SUCCESS;
  if (r < 0.93)
    return OUTCOME_WARNING;
  if (r < 0.97)
    return OUTCOME_RETRYING;
  return OUTCOME_FAILED;
}

/* A run's accounts as the service's jobs figures: how many ended in each state. */
typedef struct {
  gint64 success;
  gint64 retrying;
  gint64 failed;
} RunAccounts;

static gint64
rand_between (PdPortal *portal,
              gint64    lo,
              gint64    hi)
{
  return hi <= lo ? lo : lo + g_rand_int_range (portal->rand, 0, (gint32) MIN (hi - lo + 1, G_MAXINT32));
}

static RunAccounts
run_accounts (PdPortal  *portal,
              DueFinish *job,
              Outcome    outcome,
              gboolean   consent_lost)
{
  gint64 n = MAX (job->jobs_running, 1);
  /* Accounts already done in this run (a retry's first attempt, or a run in progress when
   * the simulation started) stay done. */
  RunAccounts accounts = { .success = job->jobs_success };
  gint64 drawn;

  if (consent_lost)
    {
      accounts.failed = n;
      return accounts;
    }
  switch (outcome)
    {
    case OUTCOME_SUCCESS:
      accounts.success += n;
      break;
    /* One draw each: MIN() evaluates its arguments twice, and a second draw could exceed
     * the run's accounts (a negative success count, seen in CI). */
    case OUTCOME_WARNING:
      drawn = rand_between (portal, 1, MAX (1, n / 15));
      accounts.failed = MIN (n, drawn);
      accounts.success += n - accounts.failed;
      break;
    case OUTCOME_RETRYING:
      drawn = rand_between (portal, 1, 6);
      accounts.retrying = MIN (n, drawn);
      accounts.success += n - accounts.retrying;
      break;
    case OUTCOME_FAILED:
    default:
      accounts.failed = rand_between (portal, (n + 1) / 2, n);
      accounts.success += n - accounts.failed;
      break;
    }
  return accounts;
}

static void
finish_job (Tick      *tick,
            DueFinish *job)
{
  PdPortal *portal = tick->portal;
  g_autofree char *changed = pd_portal_now ();
  g_autofree char *next = NULL;
  Outcome outcome = draw_outcome (portal, job->retry);
  gboolean consent_lost = g_rand_double (portal->rand) < consent_lost_rate;
  PdJobCounts counts = { 0 };
  RunAccounts accounts;
  sqlite3_stmt *stmt;

  if (consent_lost)
    {
      outcome = OUTCOME_FAILED;
      counts.account_errors += MAX (job->seats_managed, 1);
    }
  accounts = run_accounts (portal, job, outcome, consent_lost);
  switch (outcome)
    {
    case OUTCOME_SUCCESS:
      counts.success++;
      break;
    case OUTCOME_WARNING:
      counts.warning++;
      if (g_rand_double (portal->rand) < 0.3)
        counts.account_errors += MIN (accounts.failed, 2);
      break;
    case OUTCOME_RETRYING:
      counts.retrying++;
      next = pd_portal_time_format (tick->now + after (portal, RETRY_MIN, RETRY_MAX));
      break;
    case OUTCOME_FAILED:
    default:
      counts.failed++;
      break;
    }

  /* next_backup_at was set when the run started; a retry or lost consent changes it, and a
   * service that was running before the simulation gets one. */
  if (next == NULL && !consent_lost)
    next = pd_portal_time_format (tick->now + after (portal, INTERVAL_MIN, INTERVAL_MAX));
  stmt = pd_portal_db_stmt (portal,
      "UPDATE services SET backup_status = ?2, "
      "  next_backup_at = CASE WHEN ?4 THEN NULL WHEN ?9 OR next_backup_at IS NULL OR next_backup_at <= ?3 "
      "    THEN ?5 ELSE next_backup_at END, "
      "  jobs_success = ?6, jobs_running = 0, jobs_retrying = ?7, jobs_failed = ?8, "
      "  version = version + 1, updated_at = ?3 "
      "WHERE id = ?1");
  sqlite3_bind_int64 (stmt, 1, job->service_id);
  sqlite3_bind_text (stmt, 2, outcome_status[outcome], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, changed, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, consent_lost);
  sqlite3_bind_text (stmt, 5, next, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, accounts.success);
  sqlite3_bind_int64 (stmt, 7, accounts.retrying);
  sqlite3_bind_int64 (stmt, 8, accounts.failed);
  sqlite3_bind_int (stmt, 9, outcome == OUTCOME_RETRYING);
  pd_portal_db_step_done (portal, stmt);
  organization_changed (tick, job->organization_id);
  /* The authorization's details and the organization's credential status follow. */
  if (consent_lost)
    pd_portal_authorization_lose_consent (portal, job->service_id);

  pd_portal_dashboard_record (portal, job->partner_id, job->organization_id, tick->now / PD_DAY_USEC, &counts);
}

static void
finish_due (Tick   *tick,
            gint64  deadline)
{
  PdPortal *portal = tick->portal;
  g_autoptr(GArray) due = g_array_new (FALSE, TRUE, sizeof (DueFinish));
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal,
      "SELECT j.service_id, j.retry, s.organization_id, o.partner_id, s.backup_status = 'running', s.seats_managed, "
      "  s.jobs_success, s.jobs_running "
      "FROM simulated_jobs j LEFT JOIN services s ON s.id = j.service_id "
      "LEFT JOIN organizations o ON o.id = s.organization_id "
      "WHERE j.ends_at <= ?1 ORDER BY j.ends_at LIMIT ?2");

  sqlite3_bind_int64 (stmt, 1, tick->now);
  sqlite3_bind_int (stmt, 2, TICK_BATCH);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      DueFinish job = {
        .service_id = sqlite3_column_int64 (stmt, 0),
        .retry = sqlite3_column_int (stmt, 1),
        .organization_id = sqlite3_column_int64 (stmt, 2),
        .partner_id = sqlite3_column_int64 (stmt, 3),
        .running = sqlite3_column_int (stmt, 4),
        .seats_managed = sqlite3_column_int64 (stmt, 5),
        .jobs_success = sqlite3_column_int64 (stmt, 6),
        .jobs_running = sqlite3_column_int64 (stmt, 7),
      };
      g_array_append_val (due, job);
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < due->len && g_get_monotonic_time () < deadline; i++)
    {
      DueFinish *job = &g_array_index (due, DueFinish, i);

      /* A service deleted or paused meanwhile has nothing left to finish. */
      if (job->organization_id != 0 && job->running)
        finish_job (tick, job);
      stmt = pd_portal_db_stmt (portal, "DELETE FROM simulated_jobs WHERE service_id = ?1");
      sqlite3_bind_int64 (stmt, 1, job->service_id);
      pd_portal_db_step_done (portal, stmt);
    }
}

typedef struct {
  gint64   service_id;
  gint64   organization_id;
  gboolean retry;
} DueStart;

static void
collect_starts (Tick         *tick,
                sqlite3_stmt *stmt,
                GArray       *due)
{
  g_autofree char *now_text = pd_portal_time_format (tick->now);

  sqlite3_bind_text (stmt, 1, now_text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, TICK_BATCH - (int) due->len);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      DueStart job = {
        .service_id = sqlite3_column_int64 (stmt, 0),
        .organization_id = sqlite3_column_int64 (stmt, 1),
        .retry = sqlite3_column_int (stmt, 2),
      };
      g_array_append_val (due, job);
    }
  sqlite3_reset (stmt);
}

/* A schedule further ahead than the longest simulated interval was made for real time (by
 * the seed, or a slower simulation): bring it closer by the time scale, nearest first.
 * Running services are left alone until their job ends. */
static void
rescale_schedules (Tick   *tick,
                   gint64  deadline)
{
  PdPortal *portal = tick->portal;
  g_autofree char *horizon = pd_portal_time_format (tick->now + (gint64) (INTERVAL_MAX / portal->time_scale * G_USEC_PER_SEC));
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (gint64) * 3);
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal,
      "SELECT id, organization_id, unixepoch(next_backup_at) FROM services "
      "WHERE authorization_state = 'authorized' AND next_backup_at > ?1 AND backup_status <> 'running' "
      "ORDER BY next_backup_at LIMIT ?2");

  sqlite3_bind_text (stmt, 1, horizon, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, TICK_BATCH);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 row[3] = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2) };
      g_array_append_val (rows, row);
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < rows->len && g_get_monotonic_time () < deadline; i++)
    {
      gint64 *row = &g_array_index (rows, gint64, i * 3);
      gint64 wait = MAX (row[2] * G_USEC_PER_SEC - tick->now, 0);
      g_autofree char *next = pd_portal_time_format (tick->now + (gint64) (wait / portal->time_scale));
      g_autofree char *changed = pd_portal_now ();

      stmt = pd_portal_db_stmt (portal,
          "UPDATE services SET next_backup_at = ?2, version = version + 1, updated_at = ?3 WHERE id = ?1");
      sqlite3_bind_int64 (stmt, 1, row[0]);
      sqlite3_bind_text (stmt, 2, next, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, changed, -1, SQLITE_STATIC);
      pd_portal_db_step_done (portal, stmt);
      organization_changed (tick, row[1]);
    }
}

static void
start_due (Tick   *tick,
           gint64  deadline)
{
  PdPortal *portal = tick->portal;
#define DUE_SERVICES \
  "SELECT s.id, s.organization_id, s.backup_status = 'retrying' FROM services s " \
  "JOIN organizations o ON o.id = s.organization_id " \
  "WHERE s.authorization_state = 'authorized' AND s.backup_status NOT IN ('running', 'paused') " \
  "AND o.status = 'active' AND "
  g_autoptr(GArray) due = g_array_new (FALSE, TRUE, sizeof (DueStart));

  /* Newly authorized services have no schedule yet. */
  collect_starts (tick, pd_portal_db_stmt (portal, DUE_SERVICES "s.next_backup_at IS NULL LIMIT ?2"), due);
  if (due->len < TICK_BATCH)
    collect_starts (tick, pd_portal_db_stmt (portal,
        DUE_SERVICES "s.next_backup_at <= ?1 ORDER BY s.next_backup_at LIMIT ?2"), due);
#undef DUE_SERVICES

  for (guint i = 0; i < due->len && g_get_monotonic_time () < deadline; i++)
    {
      DueStart *job = &g_array_index (due, DueStart, i);
      g_autofree char *next = pd_portal_time_format (tick->now + after (portal, INTERVAL_MIN, INTERVAL_MAX));
      g_autofree char *changed = pd_portal_now ();
      /* Every managed account backs up again; a retry only those that were retrying. */
      sqlite3_stmt *stmt = pd_portal_db_stmt (portal,
          "UPDATE services SET backup_status = 'running', last_backup_at = ?3, next_backup_at = ?2, "
          "  jobs_running = CASE WHEN ?4 THEN max(jobs_retrying, 1) ELSE max(seats_managed, 1) END, "
          "  jobs_success = CASE WHEN ?4 THEN jobs_success ELSE 0 END, jobs_retrying = 0, "
          "  jobs_failed = CASE WHEN ?4 THEN jobs_failed ELSE 0 END, "
          "  version = version + 1, updated_at = ?3 WHERE id = ?1");

      sqlite3_bind_int64 (stmt, 1, job->service_id);
      sqlite3_bind_text (stmt, 2, next, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, changed, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4, job->retry);
      pd_portal_db_step_done (portal, stmt);
      organization_changed (tick, job->organization_id);

      stmt = pd_portal_db_stmt (portal,
          "INSERT OR REPLACE INTO simulated_jobs (service_id, ends_at, retry) VALUES (?1, ?2, ?3)");
      sqlite3_bind_int64 (stmt, 1, job->service_id);
      sqlite3_bind_int64 (stmt, 2, tick->now + after (portal, DURATION_MIN, DURATION_MAX));
      sqlite3_bind_int (stmt, 3, job->retry);
      pd_portal_db_step_done (portal, stmt);
    }
}

static gboolean
on_tick (gpointer data)
{
  Tick tick = { .portal = data, .now = g_get_real_time () };
  gint64 started = g_get_monotonic_time ();
  GHashTableIter iter;
  gpointer key;

  /* Handlers finish their transactions before returning; never nest into one. */
  if (!sqlite3_get_autocommit (tick.portal->db))
    return G_SOURCE_CONTINUE;
  tick.organizations = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  pd_portal_db_begin (tick.portal);
  /* Finishing first: a backlog of starts must not keep jobs running. */
  finish_due (&tick, started + TICK_WORK_USEC / 2);
  start_due (&tick, started + TICK_WORK_USEC * 5 / 6);
  rescale_schedules (&tick, started + TICK_WORK_USEC);
  g_hash_table_iter_init (&iter, tick.organizations);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    pd_portal_db_touch (tick.portal, "organizations", *(gint64 *) key);
  pd_portal_db_commit (tick.portal);
  g_debug ("Simulation tick: %u organizations changed in %.1f ms", g_hash_table_size (tick.organizations),
           (g_get_monotonic_time () - started) / 1000.0);
  g_hash_table_unref (tick.organizations);
  return G_SOURCE_CONTINUE;
}

/* Running services without a job (seeded as running, or running when a simulation-less
 * portal stopped) get one. (History is kept: its running totals need the older rows.) */
static void
prepare (PdPortal *portal)
{
  gint64 now = g_get_real_time ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  pd_portal_db_begin (portal);

  stmt = pd_portal_db_stmt (portal,
      "SELECT s.id FROM services s WHERE s.backup_status = 'running' "
      "AND NOT EXISTS (SELECT 1 FROM simulated_jobs j WHERE j.service_id = s.id)");
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  for (guint i = 0; i < ids->len; i++)
    {
      stmt = pd_portal_db_stmt (portal, "INSERT INTO simulated_jobs (service_id, ends_at) VALUES (?1, ?2)");
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      sqlite3_bind_int64 (stmt, 2, now + after (portal, DURATION_MIN, DURATION_MAX));
      pd_portal_db_step_done (portal, stmt);
    }

  pd_portal_db_commit (portal);
}

void
pd_portal_simulate_start (PdPortal *portal)
{
  g_return_if_fail (portal->db != NULL);
  g_return_if_fail (portal->time_scale > 0);

  if (g_getenv ("PD_PORTAL_SIMULATE_CONSENT_LOSS") != NULL)
    consent_lost_rate = CLAMP (g_ascii_strtod (g_getenv ("PD_PORTAL_SIMULATE_CONSENT_LOSS"), NULL), 0.0, 1.0);
  prepare (portal);
  portal->simulate_source = g_timeout_add (TICK_MS, on_tick, portal);
}

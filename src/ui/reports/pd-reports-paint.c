/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-badge-state.h"
#include "pd-reports-paint.h"

/* Which figures of the dashboard each report draws. The dashboard counts what the report
 * rows list one organization at a time: seats, protection, accounts and organizations as
 * they are now, backup jobs within the period. */

static const struct {
  PdReportKind  kind;
  const char   *title;  /* N_() */
} reports[] = {
  { PD_REPORT_KIND_PROTECTION_COVERAGE, N_("Protection Coverage") },
  { PD_REPORT_KIND_SEAT_USAGE, N_("Seat Usage") },
  { PD_REPORT_KIND_ORGANIZATIONS, N_("Clients by Status") },
  { PD_REPORT_KIND_ACCOUNTS, N_("Accounts by Status") },
  { PD_REPORT_KIND_JOBS, N_("Backup Jobs by Status") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (reports) == PD_REPORT_N_KINDS);

void
pd_reports_add_cards (GtkFlowBox   *box,
                      PdReportCard *cards[PD_REPORT_N_KINDS])
{
  for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
    {
      GtkWidget *card = pd_report_card_new (reports[i].kind, _(reports[i].title));

      cards[reports[i].kind] = PD_REPORT_CARD (card);
      gtk_flow_box_append (box, card);
      /* The card is no stop of the keyboard: its export button is. */
      gtk_widget_set_focusable (gtk_widget_get_parent (card), FALSE);
    }
}

static void
paint_coverage (PdReportCard *card,
                PdDashboard  *dashboard)
{
  gint64 protected = pd_dashboard_get_protection_protected (dashboard);
  gint64 total = pd_dashboard_get_protection_total (dashboard);
  g_autofree char *figure = pd_report_format_percent (pd_dashboard_get_protection_coverage_percent (dashboard));
  g_autofree char *protected_text = pd_report_format_count (protected);
  g_autofree char *total_text = pd_report_format_count (total);
  g_autofree char *caption = NULL;
  const PdReportItem items[] = {
    { C_("accounts", "Protected"), { protected, PD_REPORT_TINT_SUCCESS, PD_REPORT_PATTERN_SOLID } },
    { C_("accounts", "Unprotected"), { MAX (total - protected, 0), PD_REPORT_TINT_WARNING, PD_REPORT_PATTERN_STRIPES } },
  };

  /* Translators: e.g. “11,470 of 12,046 accounts protected” */
  caption = g_strdup_printf (_("%s of %s accounts protected"), protected_text, total_text);
  pd_report_card_set_figures (card, figure, caption, items, G_N_ELEMENTS (items), TRUE,
                              _("Paused accounts count as protected: they keep their seat and backups."));
}

static void
paint_seats (PdReportCard *card,
             PdDashboard  *dashboard)
{
  gint64 total = pd_dashboard_get_seats_total (dashboard);
  gint64 managed = pd_dashboard_get_seats_managed (dashboard);
  gint64 unprotected = pd_dashboard_get_seats_unprotected (dashboard);
  g_autofree char *figure = pd_report_format_percent (pd_dashboard_get_seats_usage_percent (dashboard));
  g_autofree char *managed_text = pd_report_format_count (managed);
  g_autofree char *total_text = pd_report_format_count (total);
  g_autofree char *unprotected_text = pd_report_format_count (unprotected);
  g_autofree char *caption = NULL;
  g_autofree char *note = NULL;
  const PdReportItem items[] = {
    { C_("seats", "In use"), { MIN (managed, total), PD_REPORT_TINT_ACCENT, PD_REPORT_PATTERN_SOLID } },
    { C_("seats", "Open"), { pd_dashboard_get_seats_open (dashboard), PD_REPORT_TINT_NEUTRAL, PD_REPORT_PATTERN_NONE } },
    { C_("seats", "Over capacity"), { MAX (managed - total, 0), PD_REPORT_TINT_ERROR, PD_REPORT_PATTERN_STRIPES } },
  };

  /* Translators: e.g. “610 of 900 seats in use” */
  caption = g_strdup_printf (_("%s of %s seats in use"), managed_text, total_text);
  /* Translators: %s is a number of accounts */
  note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s account is not backed up.",
                                       "%s accounts are not backed up.", (gulong) unprotected),
                          unprotected_text);
  /* Open seats are counted per service (never below 0): they do not add up to the
   * licences with the seats in use, so no shares. Over capacity only when it happens. */
  pd_report_card_set_figures (card, figure, caption, items, managed > total ? 3 : 2, FALSE, note);
}

static void
paint_organizations (PdReportCard *card,
                     PdDashboard  *dashboard)
{
  gint64 total = pd_dashboard_get_organizations_total (dashboard);
  g_autofree char *figure = pd_report_format_count (total);
  g_autofree char *unmapped = pd_report_format_count (pd_dashboard_get_organizations_unmapped (dashboard));
  g_autofree char *needs_auth = pd_report_format_count (pd_dashboard_get_organizations_needs_authentication (dashboard));
  g_autofree char *note = NULL;
  const PdReportItem items[] = {
    { C_("organization status", "Active"),
      { pd_dashboard_get_organizations_active (dashboard), PD_REPORT_TINT_SUCCESS, PD_REPORT_PATTERN_SOLID } },
    { C_("organization status", "Suspended"),
      { pd_dashboard_get_organizations_suspended (dashboard), PD_REPORT_TINT_WARNING, PD_REPORT_PATTERN_STRIPES } },
    { C_("organization status", "Unsubscribed"),
      { pd_dashboard_get_organizations_unsubscribed (dashboard), PD_REPORT_TINT_NEUTRAL, PD_REPORT_PATTERN_DOTS } },
    { C_("organization status", "Deleted"),
      { pd_dashboard_get_organizations_deleted (dashboard), PD_REPORT_TINT_ERROR, PD_REPORT_PATTERN_GRID } },
  };

  /* Translators: e.g. “Unmapped: 2 · Needs authentication: 1” */
  note = g_strdup_printf (_("Unmapped: %s · Needs authentication: %s"), unmapped, needs_auth);
  pd_report_card_set_figures (card, figure,
                              g_dngettext (GETTEXT_PACKAGE, "client in total", "clients in total", (gulong) total),
                              items, G_N_ELEMENTS (items), TRUE, note);
}

static void
paint_accounts (PdReportCard *card,
                PdDashboard  *dashboard)
{
  gint64 total = pd_dashboard_get_accounts_total (dashboard);
  g_autofree char *figure = pd_report_format_count (total);
  const PdReportItem items[] = {
    { C_("account status", "Active"),
      { pd_dashboard_get_accounts_active (dashboard), PD_REPORT_TINT_SUCCESS, PD_REPORT_PATTERN_SOLID } },
    { C_("account status", "Deactivated"),
      { pd_dashboard_get_accounts_deactivated (dashboard), PD_REPORT_TINT_WARNING, PD_REPORT_PATTERN_STRIPES } },
    { C_("account status", "Deleted"),
      { pd_dashboard_get_accounts_deleted (dashboard), PD_REPORT_TINT_ERROR, PD_REPORT_PATTERN_GRID } },
  };

  pd_report_card_set_figures (card, figure,
                              g_dngettext (GETTEXT_PACKAGE, "account in the clients’ tenants",
                                           "accounts in the clients’ tenants", (gulong) total),
                              items, G_N_ELEMENTS (items), TRUE,
                              _("Their status in the tenant, whether backed up or not. "
                                "Deleted accounts keep their backed-up data."));
}

static void
paint_jobs (PdReportCard *card,
            PdDashboard  *dashboard)
{
  gint64 success = pd_dashboard_get_jobs_success (dashboard);
  gint64 warning = pd_dashboard_get_jobs_warning (dashboard);
  gint64 retrying = pd_dashboard_get_jobs_retrying (dashboard);
  gint64 failed = pd_dashboard_get_jobs_failed (dashboard);
  gint64 running = pd_dashboard_get_jobs_running (dashboard);
  gint64 errors = pd_dashboard_get_account_errors (dashboard);
  gint64 total = success + warning + retrying + failed;
  g_autofree char *figure = pd_report_format_count (total);
  g_autofree char *running_text = pd_report_format_count (running);
  g_autofree char *errors_text = pd_report_format_count (errors);
  g_autofree char *running_note = NULL;
  g_autofree char *note = NULL;
  const PdReportItem items[] = {
    { pd_badge_state_get_label (PD_BADGE_STATE_SUCCESS), { success, PD_REPORT_TINT_SUCCESS, PD_REPORT_PATTERN_SOLID } },
    { pd_badge_state_get_label (PD_BADGE_STATE_WARNING), { warning, PD_REPORT_TINT_WARNING, PD_REPORT_PATTERN_STRIPES } },
    { pd_badge_state_get_label (PD_BADGE_STATE_RETRYING), { retrying, PD_REPORT_TINT_ACCENT, PD_REPORT_PATTERN_DOTS } },
    { pd_badge_state_get_label (PD_BADGE_STATE_FAILED), { failed, PD_REPORT_TINT_ERROR, PD_REPORT_PATTERN_GRID } },
  };

  /* Translators: %s is a number of services; running counts now, whatever the period */
  running_note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s service backing up now.",
                                               "%s services backing up now.", (gulong) running),
                                  running_text);
  /* Translators: the first %s is the sentence about services backing up now, the second a
   * number of accounts */
  note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s %s account failed to authenticate.",
                                       "%s %s accounts failed to authenticate.", (gulong) errors),
                          running_note, errors_text);
  pd_report_card_set_figures (card, figure,
                              g_dngettext (GETTEXT_PACKAGE, "backup job in the period", "backup jobs in the period",
                                           (gulong) total),
                              items, G_N_ELEMENTS (items), TRUE, note);
}

void
pd_reports_paint (PdReportCard *cards[PD_REPORT_N_KINDS],
                  PdDashboard  *dashboard)
{
  paint_coverage (cards[PD_REPORT_KIND_PROTECTION_COVERAGE], dashboard);
  paint_seats (cards[PD_REPORT_KIND_SEAT_USAGE], dashboard);
  paint_organizations (cards[PD_REPORT_KIND_ORGANIZATIONS], dashboard);
  paint_accounts (cards[PD_REPORT_KIND_ACCOUNTS], dashboard);
  paint_jobs (cards[PD_REPORT_KIND_JOBS], dashboard);
}

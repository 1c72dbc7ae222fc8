/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-badge-state.h"
#include "pd-models.h"
#include "pd-overview-page-private.h"
#include "pd-overview-rows.h"
#include "pd-seat-gauge.h"

/* The Overview's cards and its attention list, filled from one dashboard. */

/* Enough to see what is most urgent without pushing the rest of the page away */
#define ATTENTION_SHOWN 6

static void
set_count (GtkLabel *label,
           gint64    count)
{
  g_autofree char *text = pd_overview_format_count (count);

  gtk_label_set_text (label, text);
}

static void
paint_jobs (PdOverviewPage *self,
            PdDashboard    *dashboard)
{
  g_autofree char *start = g_date_time_format (pd_dashboard_get_period_start (dashboard), "%-d %b");
  g_autofree char *end = g_date_time_format (pd_dashboard_get_period_end (dashboard), "%-d %b %Y");
  g_autofree char *range = NULL;

  set_count (self->job_counts[PD_OVERVIEW_JOB_SUCCESS], pd_dashboard_get_jobs_success (dashboard));
  set_count (self->job_counts[PD_OVERVIEW_JOB_RUNNING], pd_dashboard_get_jobs_running (dashboard));
  set_count (self->job_counts[PD_OVERVIEW_JOB_RETRYING], pd_dashboard_get_jobs_retrying (dashboard));
  set_count (self->job_counts[PD_OVERVIEW_JOB_WARNING], pd_dashboard_get_jobs_warning (dashboard));
  set_count (self->job_counts[PD_OVERVIEW_JOB_FAILED], pd_dashboard_get_jobs_failed (dashboard));
  /* Translators: the job figures' period, e.g. “1 Nov – 23 Nov 2026” */
  range = g_strdup_printf (_("%s – %s"), start, end);
  gtk_label_set_text (self->jobs_period_label, range);
}

static void
paint_seats (PdOverviewPage *self,
             PdDashboard    *dashboard)
{
  gint64 total = pd_dashboard_get_seats_total (dashboard);
  gint64 managed = pd_dashboard_get_seats_managed (dashboard);
  gint64 open = pd_dashboard_get_seats_open (dashboard);
  gint64 unprotected = pd_dashboard_get_seats_unprotected (dashboard);
  g_autofree char *total_text = pd_overview_format_count (total);
  g_autofree char *open_text = pd_overview_format_count (open);
  g_autofree char *unprotected_text = pd_overview_format_count (unprotected);
  g_autofree char *of_total = NULL;
  g_autofree char *detail = NULL;

  set_count (self->seats_managed_label, managed);
  /* Translators: under the number of seats in use, e.g. “of 24,432 licensed” */
  of_total = g_strdup_printf (_("of %s licensed"), total_text);
  gtk_label_set_text (self->seats_total_label, of_total);
  pd_seat_gauge_set_figures (PD_SEAT_GAUGE (self->seat_gauge), total, managed, open, unprotected);
  if (managed > total)
    {
      g_autofree char *over = pd_overview_format_count (managed - total);

      /* Translators: %s is a number of seats */
      detail = g_strdup_printf (_("Over capacity by %s seats · %s accounts unprotected"), over, unprotected_text);
      pd_overview_set_tint (GTK_WIDGET (self->seats_managed_label), "error");
    }
  else
    {
      /* Translators: e.g. “12,968 open · 576 accounts unprotected” */
      detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s open · %s account unprotected",
                                             "%s open · %s accounts unprotected", (gulong) unprotected),
                                open_text, unprotected_text);
      pd_overview_set_tint (GTK_WIDGET (self->seats_managed_label), NULL);
    }
  gtk_label_set_text (self->seats_detail_label, detail);
}

static void
paint_coverage (PdOverviewPage *self,
                PdDashboard    *dashboard)
{
  gint64 percent = pd_dashboard_get_protection_coverage_percent (dashboard);
  g_autofree char *protected = pd_overview_format_count (pd_dashboard_get_protection_protected (dashboard));
  g_autofree char *total = pd_overview_format_count (pd_dashboard_get_protection_total (dashboard));
  g_autofree char *number = pd_overview_format_count (percent);
  g_autofree char *figure = NULL;
  g_autofree char *detail = NULL;

  /* Translators: a percentage, %s is the number; use your language's spacing and sign,
   * e.g. “95 %” */
  figure = g_strdup_printf (_("%s%%"), number);
  gtk_label_set_text (self->coverage_label, figure);
  gtk_level_bar_set_value (self->coverage_bar, CLAMP (percent, 0, 100));
  pd_overview_set_tint (GTK_WIDGET (self->coverage_label), percent < 80 ? "warning" : NULL);
  /* Translators: e.g. “11,470 of 12,046 accounts protected” */
  detail = g_strdup_printf (_("%s of %s accounts protected"), protected, total);
  gtk_label_set_text (self->coverage_detail_label, detail);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->coverage_bar),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, figure,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, detail, -1);
}

static void
paint_clients (PdOverviewPage *self,
               PdDashboard    *dashboard)
{
  g_autofree char *total = pd_overview_format_count (pd_dashboard_get_organizations_total (dashboard));
  g_autofree char *total_text = NULL;

  set_count (self->client_counts[PD_OVERVIEW_CLIENTS_ACTIVE], pd_dashboard_get_organizations_active (dashboard));
  set_count (self->client_counts[PD_OVERVIEW_CLIENTS_SUSPENDED], pd_dashboard_get_organizations_suspended (dashboard));
  set_count (self->client_counts[PD_OVERVIEW_CLIENTS_UNSUBSCRIBED], pd_dashboard_get_organizations_unsubscribed (dashboard));
  set_count (self->client_counts[PD_OVERVIEW_CLIENTS_DELETED], pd_dashboard_get_organizations_deleted (dashboard));
  /* Translators: the number of clients, e.g. “60 in total” */
  total_text = g_strdup_printf (_("%s in total"), total);
  gtk_label_set_text (self->clients_total_label, total_text);
  set_count (self->account_errors_label, pd_dashboard_get_account_errors (dashboard));
}

void
pd_overview_page_paint_attention (PdOverviewPage *self)
{
  GListModel *attention = pd_dashboard_get_attention (self->dashboard);
  guint n = g_list_model_get_n_items (attention);
  guint shown = self->attention_expanded ? n : MIN (n, ATTENTION_SHOWN);
  PdResourceList *organizations = PD_RESOURCE_LIST (pd_session_get_organizations (self->session));
  GtkWidget *child;
  g_autofree char *count = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->attention_list))) != NULL)
    gtk_list_box_remove (self->attention_list, child);
  for (guint i = 0; i < shown; i++)
    {
      g_autoptr(PdDashboardAttention) item = g_list_model_get_item (attention, i);
      GtkWidget *row = pd_overview_attention_row_new (item, organizations);

      g_object_set_data_full (G_OBJECT (row), "pd-attention", g_object_ref (item), g_object_unref);
      gtk_list_box_append (self->attention_list, row);
    }

  gtk_stack_set_visible_child_name (self->attention_stack, n > 0 ? "list" : "empty");
  /* The window's title already says "Overview": the page's headline says how things are. */
  if (n > 0)
    {
      g_autofree char *headline = NULL;

      /* Translators: the Overview's headline; %u counts the items of the "needs attention" list */
      headline = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u problem needs attention",
                                               "%u problems need attention", n), n);
      gtk_label_set_text (self->headline_label, headline);
    }
  else
    gtk_label_set_text (self->headline_label, _("All backups are healthy"));
  count = n > 0 ? pd_overview_format_count (n) : NULL;
  gtk_label_set_text (self->attention_count_label, count != NULL ? count : "");
  gtk_widget_set_visible (GTK_WIDGET (self->attention_more_button), n > ATTENTION_SHOWN);
  if (self->attention_expanded)
    gtk_button_set_label (self->attention_more_button, _("Show Fewer"));
  else
    {
      g_autofree char *label = NULL;

      /* Translators: a button under the first few items, %u is how many there are in all */
      label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show All %u", "Show All %u", n), n);
      gtk_button_set_label (self->attention_more_button, label);
    }
}

void
pd_overview_page_paint_figures (PdOverviewPage *self,
                                PdDashboard    *dashboard)
{
  paint_jobs (self, dashboard);
  paint_seats (self, dashboard);
  paint_coverage (self, dashboard);
  paint_clients (self, dashboard);
}

/* ---- the fixed rows of the job and client cards -------------------------------------- */

static GtkLabel *
add_count_row (GtkGrid    *grid,
               int         row,
               const char *icon_name,
               const char *tint,
               const char *word)
{
  GtkWidget *icon = pd_overview_icon_new (icon_name);
  GtkWidget *label = gtk_label_new (word);
  GtkWidget *count = gtk_label_new ("–");

  pd_overview_set_tint (icon, tint);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (count), 1);
  gtk_widget_add_css_class (count, "pd-overview-count");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (count), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_grid_attach (grid, icon, 0, row, 1, 1);
  gtk_grid_attach (grid, label, 1, row, 1, 1);
  gtk_grid_attach (grid, count, 2, row, 1, 1);
  return GTK_LABEL (count);
}

void
pd_overview_page_build_count_rows (PdOverviewPage *self)
{
  static const struct { PdBadgeState state; const char *tint; } jobs[PD_OVERVIEW_N_JOB_ROWS] = {
    [PD_OVERVIEW_JOB_SUCCESS] = { PD_BADGE_STATE_SUCCESS, "success" },
    [PD_OVERVIEW_JOB_RUNNING] = { PD_BADGE_STATE_RUNNING, "accent" },
    [PD_OVERVIEW_JOB_RETRYING] = { PD_BADGE_STATE_RETRYING, "accent" },
    [PD_OVERVIEW_JOB_WARNING] = { PD_BADGE_STATE_WARNING, "warning" },
    [PD_OVERVIEW_JOB_FAILED] = { PD_BADGE_STATE_FAILED, "error" },
  };
  const struct { const char *icon; const char *tint; const char *word; } clients[PD_OVERVIEW_N_CLIENT_ROWS] = {
    [PD_OVERVIEW_CLIENTS_ACTIVE] = { "emblem-ok-symbolic", "success", C_("clients", "Active") },
    [PD_OVERVIEW_CLIENTS_SUSPENDED] = { "media-playback-pause-symbolic", "warning", C_("clients", "Suspended") },
    [PD_OVERVIEW_CLIENTS_UNSUBSCRIBED] = { "action-unavailable-symbolic", NULL, C_("clients", "Unsubscribed") },
    [PD_OVERVIEW_CLIENTS_DELETED] = { "user-trash-symbolic", NULL, C_("clients", "Deleted") },
  };

  for (guint i = 0; i < PD_OVERVIEW_N_JOB_ROWS; i++)
    /* Running counts the services backing up now, whatever the period: it says so. */
    self->job_counts[i] = add_count_row (self->jobs_grid, (int) i, pd_badge_state_get_icon_name (jobs[i].state),
                                         jobs[i].tint,
                                         i == PD_OVERVIEW_JOB_RUNNING ? _("Running now")
                                                                      : pd_badge_state_get_label (jobs[i].state));
  for (guint i = 0; i < PD_OVERVIEW_N_CLIENT_ROWS; i++)
    self->client_counts[i] = add_count_row (self->clients_grid, (int) i, clients[i].icon, clients[i].tint,
                                            clients[i].word);
}


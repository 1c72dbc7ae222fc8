/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-badge-state.h"
#include "pd-dashboard-fetch.h"
#include "pd-format.h"
#include "pd-models.h"
#include "pd-overview-page-private.h"
#include "pd-overview-rows.h"
#include "pd-seat-gauge.h"

/* The page paints whatever it has at once (the cached dashboard of the period), then asks
 * the portal. A failed refresh keeps the figures and says so; the next sync tries again. */

/* Enough to see what is most urgent without pushing the rest of the page away */
#define ATTENTION_SHOWN 6

enum {
  PROP_0,
  PROP_SESSION,
  PROP_DASHBOARD,
  PROP_REFRESHING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (PdOverviewPage, pd_overview_page, ADW_TYPE_BIN)

static void fetch_dashboard (PdOverviewPage *self);
static void sync_state_cb   (PdOverviewPage *self);

char *
pd_overview_format_count (gint64 count)
{
  /* ' groups thousands the locale's way (glibc; elsewhere plain digits) */
  return g_strdup_printf ("%'" G_GINT64_FORMAT, count);
}

void
pd_overview_page_report_error (PdOverviewPage *self,
                               const char     *title,
                               const char     *message)
{
  if (g_strcmp0 (self->reported_error, message) == 0)
    return;
  g_free (self->reported_error);
  self->reported_error = g_strdup (message);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-error", "(ss)", title, message);
}

static void
set_refreshing (PdOverviewPage *self,
                gboolean        refreshing)
{
  if (self->refreshing == refreshing)
    return;
  self->refreshing = refreshing;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "overview.refresh", !refreshing);
  gtk_spinner_set_spinning (self->spinner, refreshing);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFRESHING]);
}

static void
update_status (PdOverviewPage *self)
{
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;

  if (self->dashboard == NULL || pd_dashboard_get_period_key (self->dashboard) != self->period)
    {
      gtk_label_set_text (self->status_label, self->refreshing ? _("Updating…") : "");
      return;
    }
  when = pd_format_relative_time (pd_dashboard_get_generated_at (self->dashboard), NULL);
  if (self->refresh_failed)
    /* Translators: %s is a relative time such as “5 minutes ago” */
    text = g_strdup_printf (_("Last updated: %s · refresh failed"), when);
  else if (!self->refreshing && self->engine != NULL &&
           pd_sync_engine_get_state (self->engine) == PD_SYNC_STATE_OFFLINE)
    /* Translators: %s is a relative time such as “5 minutes ago” */
    text = g_strdup_printf (_("Last updated: %s · offline"), when);
  else if (self->refreshing)
    /* Translators: %s is a relative time such as “5 minutes ago” */
    text = g_strdup_printf (_("Last updated: %s · updating…"), when);
  else
    /* Translators: %s is a relative time such as “5 minutes ago” */
    text = g_strdup_printf (_("Last updated: %s"), when);
  gtk_label_set_text (self->status_label, text);
  pd_overview_set_tint (GTK_WIDGET (self->status_label), self->refresh_failed ? "warning" : NULL);
  if (self->refresh_failed)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "dim-label");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
}

static gboolean
tick_cb (gpointer user_data)
{
  update_status (user_data);
  return G_SOURCE_CONTINUE;
}

/* ---- painting ------------------------------------------------------------------------ */

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

static void
paint_attention (PdOverviewPage *self)
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

static void
paint (PdOverviewPage *self,
       PdDashboard    *dashboard)
{
  if (self->dashboard != dashboard)
    {
      g_set_object (&self->dashboard, dashboard);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DASHBOARD]);
    }
  paint_jobs (self, dashboard);
  paint_seats (self, dashboard);
  paint_coverage (self, dashboard);
  paint_clients (self, dashboard);
  paint_attention (self);
  update_status (self);
  gtk_stack_set_visible_child_name (self->stack, "dashboard");
}

/* ---- fetching ------------------------------------------------------------------------ */

static void
dashboard_fetched_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(PdOverviewPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PdDashboard) dashboard = pd_dashboard_fetch_finish (PD_SESSION (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_refreshing (self, FALSE);
  if (dashboard == NULL)
    {
      if (self->dashboard != NULL && pd_dashboard_get_period_key (self->dashboard) == self->period)
        {
          self->refresh_failed = TRUE;
          update_status (self);
        }
      else
        {
          adw_status_page_set_description (self->error_page, error->message);
          gtk_stack_set_visible_child_name (self->stack, "error");
          update_status (self);
        }
      pd_overview_page_report_error (self, _("Cannot refresh the overview"), error->message);
      return;
    }
  self->refresh_failed = FALSE;
  g_clear_pointer (&self->reported_error, g_free);
  paint (self, dashboard);
}

static void
start_fetch (PdOverviewPage *self)
{
  pd_dashboard_fetch_async (self->session, self->period, self->fetch_cancellable, dashboard_fetched_cb,
                            g_object_ref (self));
}

static void
fetch_dashboard (PdOverviewPage *self)
{
  g_cancellable_cancel (self->fetch_cancellable);
  g_clear_object (&self->fetch_cancellable);
  self->fetch_cancellable = g_cancellable_new ();
  set_refreshing (self, TRUE);
  update_status (self);
  start_fetch (self);
}

static void
cached_dashboard_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(PdOverviewPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PdDashboard) dashboard = pd_dashboard_load_cached_finish (PD_SESSION (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    g_warning ("Cannot read the cached dashboard: %s", error->message);
  if (dashboard != NULL)
    paint (self, dashboard);
  else if (self->dashboard == NULL || pd_dashboard_get_period_key (self->dashboard) != self->period)
    /* Never the figures of another period under this one's name */
    gtk_stack_set_visible_child_name (self->stack, "loading");
  if (self->fetch_after_cache)
    start_fetch (self);
  else
    {
      /* Not online yet: the first sync's end fetches (see sync_state_cb). */
      set_refreshing (self, FALSE);
      if (self->engine != NULL)
        sync_state_cb (self);
      update_status (self);
    }
}

/* The cache first (a few milliseconds), then the portal: what the page shows never goes
 * back from the portal's answer to an older copy, and offline it is painted before the
 * failure is told. */
static void
set_period (PdOverviewPage    *self,
            PdDashboardPeriod  period,
            gboolean           fetch)
{
  self->period = period;
  self->fetch_after_cache = fetch;
  self->refresh_failed = FALSE;
  g_cancellable_cancel (self->fetch_cancellable);
  g_clear_object (&self->fetch_cancellable);
  self->fetch_cancellable = g_cancellable_new ();
  set_refreshing (self, TRUE);
  update_status (self);
  pd_dashboard_load_cached_async (self->session, period, self->fetch_cancellable, cached_dashboard_cb,
                                  g_object_ref (self));
}

static void
period_selected_cb (PdOverviewPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->period_dropdown);
  const PdDashboardPeriod *periods = pd_dashboard_periods_all ();
  PdDashboardPeriod period;

  if (selected == GTK_INVALID_LIST_POSITION)
    return;
  period = periods[selected];
  if (period == self->period)
    return;
  g_settings_set_string (self->settings, "overview-period", pd_dashboard_period_to_key (period));
  set_period (self, period, TRUE);
}

static gboolean
portal_ready (PdOverviewPage *self)
{
  return self->engine != NULL && pd_sync_engine_get_state (self->engine) == PD_SYNC_STATE_UP_TO_DATE;
}

static void
sync_state_cb (PdOverviewPage *self)
{
  PdSyncState state = pd_sync_engine_get_state (self->engine);

  /* The lists were just refreshed: the dashboard follows them. */
  if (state == PD_SYNC_STATE_UP_TO_DATE && !self->refreshing)
    fetch_dashboard (self);
  /* Offline with nothing cached for the period: say so rather than spin. The window's
   * offline banner already tells the rest. */
  else if ((state == PD_SYNC_STATE_OFFLINE || state == PD_SYNC_STATE_FAILED) && !self->refreshing &&
           (self->dashboard == NULL || pd_dashboard_get_period_key (self->dashboard) != self->period))
    {
      const char *why = pd_sync_engine_get_error (self->engine);

      adw_status_page_set_description (self->error_page,
                                       why != NULL ? why : _("The portal cannot be reached, and no dashboard of this period was saved before."));
      gtk_stack_set_visible_child_name (self->stack, "error");
    }
  update_status (self);
}

static void
update_permissions (PdOverviewPage *self)
{
  gboolean may_export = pd_session_has_permission (self->session, "reports.export");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "overview.export", may_export);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), may_export);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->export_button),
                               may_export ? _("Export report rows as CSV")
                                          : _("Your role does not have the permission “reports.export” to export reports"));
  if (self->engine == NULL && pd_session_get_sync_engine (self->session) != NULL)
    {
      self->engine = g_object_ref (pd_session_get_sync_engine (self->session));
      g_signal_connect_object (self->engine, "notify::state", G_CALLBACK (sync_state_cb), self, G_CONNECT_SWAPPED);
    }
}

/* ---- actions ------------------------------------------------------------------------- */

static void
refresh_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PdOverviewPage *self = PD_OVERVIEW_PAGE (widget);

  g_clear_pointer (&self->reported_error, g_free);
  fetch_dashboard (self);
}

static void
toggle_attention_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  PdOverviewPage *self = PD_OVERVIEW_PAGE (widget);

  self->attention_expanded = !self->attention_expanded;
  if (self->dashboard != NULL)
    paint_attention (self);
}

static void
show_unmapped_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  pd_overview_page_show_unmapped (PD_OVERVIEW_PAGE (widget));
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  const char *key = g_variant_get_string (parameter, NULL);

  for (PdReportKind kind = 0; kind < PD_REPORT_N_KINDS; kind++)
    if (g_str_equal (key, pd_report_kind_to_key (kind)))
      pd_overview_page_export (PD_OVERVIEW_PAGE (widget), kind);
}

static void
attention_activated_cb (PdOverviewPage *self,
                        GtkListBoxRow  *row)
{
  PdDashboardAttention *item = g_object_get_data (G_OBJECT (row), "pd-attention");
  const char *service_id;

  if (item == NULL)
    return;
  service_id = pd_dashboard_attention_get_service_id (item);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-client", "(ss)",
                              pd_dashboard_attention_get_organization_id (item),
                              service_id != NULL ? service_id : "");
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

static void
build_count_rows (PdOverviewPage *self)
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

static void
build_period_dropdown (PdOverviewPage *self)
{
  const PdDashboardPeriod *periods = pd_dashboard_periods_all ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;

  for (guint i = 0; periods[i] != PD_DASHBOARD_PERIOD_UNKNOWN; i++)
    {
      gtk_string_list_append (labels, pd_dashboard_period_get_label (periods[i]));
      if (periods[i] == self->period)
        selected = i;
    }
  gtk_drop_down_set_model (self->period_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->period_dropdown, selected);
  g_signal_connect_object (self->period_dropdown, "notify::selected", G_CALLBACK (period_selected_cb), self,
                           G_CONNECT_SWAPPED);
}

/* ---- GObject ------------------------------------------------------------------------- */

static void
pd_overview_page_constructed (GObject *object)
{
  PdOverviewPage *self = PD_OVERVIEW_PAGE (object);
  g_autofree char *key = NULL;

  G_OBJECT_CLASS (pd_overview_page_parent_class)->constructed (object);

  self->settings = g_settings_new (BASE_APPLICATION_ID);
  key = g_settings_get_string (self->settings, "overview-period");
  self->period = pd_dashboard_period_from_key (key);
  if (self->period == PD_DASHBOARD_PERIOD_UNKNOWN)
    self->period = PD_DASHBOARD_PERIOD_THIS_MONTH;

  build_count_rows (self);
  build_period_dropdown (self);
  g_signal_connect_object (self->session, "notify::me", G_CALLBACK (update_permissions), self, G_CONNECT_SWAPPED);
  update_permissions (self);
  pd_overview_page_watch_organizations (self);
  self->tick_id = g_timeout_add_seconds (30, tick_cb, self);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  /* At start-up the session paints from its cache while it signs in and syncs: the
   * dashboard is fetched once that sync is done, not before (it would fail unsigned). */
  set_period (self, self->period, portal_ready (self));
}

static void
pd_overview_page_dispose (GObject *object)
{
  PdOverviewPage *self = PD_OVERVIEW_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->fetch_cancellable);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  if (self->unmapped_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->unmapped_dialog));
  g_clear_weak_pointer (&self->unmapped_dialog);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_OVERVIEW_PAGE);
  g_clear_object (&self->unmapped);
  g_clear_object (&self->unmapped_filter);
  g_clear_object (&self->needs_auth);
  g_clear_object (&self->needs_auth_filter);
  g_clear_object (&self->engine);
  g_clear_object (&self->dashboard);
  g_clear_object (&self->settings);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pd_overview_page_parent_class)->dispose (object);
}

static void
pd_overview_page_finalize (GObject *object)
{
  PdOverviewPage *self = PD_OVERVIEW_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->fetch_cancellable);
  g_free (self->reported_error);

  G_OBJECT_CLASS (pd_overview_page_parent_class)->finalize (object);
}

static void
pd_overview_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PdOverviewPage *self = PD_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_DASHBOARD:
      g_value_set_object (value, self->dashboard);
      break;
    case PROP_REFRESHING:
      g_value_set_boolean (value, self->refreshing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_overview_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PdOverviewPage *self = PD_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ensure_style (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (provider, RESOURCE_BASE_PATH "/overview/overview.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_once_init_leave (&done, 1);
    }
}

static void
pd_overview_page_class_init (PdOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pd_overview_page_constructed;
  object_class->dispose = pd_overview_page_dispose;
  object_class->finalize = pd_overview_page_finalize;
  object_class->get_property = pd_overview_page_get_property;
  object_class->set_property = pd_overview_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PD_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DASHBOARD] =
    g_param_spec_object ("dashboard", NULL, NULL, PD_TYPE_DASHBOARD,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REFRESHING] =
    g_param_spec_boolean ("refreshing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PD_TYPE_SEAT_GAUGE);
  ensure_style ();
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/overview/pd-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PdOverviewPage, unmapped_revealer);
  gtk_widget_class_bind_template_child (widget_class, PdOverviewPage, unmapped_label);
  gtk_widget_class_bind_template_child (widget_class, PdOverviewPage, unmapped_label_narrow);
  gtk_widget_class_bind_template_child (widget_class, PdOverviewPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PdOverviewPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, PdOverviewPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, PdOverviewPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, PdOverviewPage, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PdOverviewPage, refresh_button);
  gtk_widget_class_bind_template_child (widget_class, PdOverviewPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, PdOverviewPage, cards);
  gtk_widget_class_bind_template_child (widget_class, PdOverviewPage, jobs_period_label);
  gtk_widget_class_bind_template_child (widget_class, PdOverviewPage, jobs_grid);
  gtk_widget_class_bind_template_child (widget_class, PdOverviewPage, seats_managed_label);
  gtk_widget_class_bind_template_child (widget_class, PdOverviewPage, seats_total_label);
  gtk_widget_class_bind_template_child (widget_class, PdOverviewPage, seat_gauge);
  gtk_widget_class_bind_template_child (widget_class, PdOverviewPage, seats_detail_label);
  gtk_widget_class_bind_template_child (widget_class, PdOverviewPage, coverage_label);
  gtk_widget_class_bind_template_child (widget_class, PdOverviewPage, coverage_bar);
  gtk_widget_class_bind_template_child (widget_class, PdOverviewPage, coverage_detail_label);
  gtk_widget_class_bind_template_child (widget_class, PdOverviewPage, account_errors_label);
  gtk_widget_class_bind_template_child (widget_class, PdOverviewPage, needs_auth_button);
  gtk_widget_class_bind_template_child (widget_class, PdOverviewPage, needs_auth_popover);
  gtk_widget_class_bind_template_child (widget_class, PdOverviewPage, needs_auth_view);
  gtk_widget_class_bind_template_child (widget_class, PdOverviewPage, clients_total_label);
  gtk_widget_class_bind_template_child (widget_class, PdOverviewPage, clients_grid);
  gtk_widget_class_bind_template_child (widget_class, PdOverviewPage, attention_count_label);
  gtk_widget_class_bind_template_child (widget_class, PdOverviewPage, attention_stack);
  gtk_widget_class_bind_template_child (widget_class, PdOverviewPage, attention_list);
  gtk_widget_class_bind_template_child (widget_class, PdOverviewPage, attention_more_button);

  gtk_widget_class_install_action (widget_class, "overview.refresh", NULL, refresh_activated);
  gtk_widget_class_install_action (widget_class, "overview.toggle-attention", NULL, toggle_attention_activated);
  gtk_widget_class_install_action (widget_class, "overview.show-unmapped", NULL, show_unmapped_activated);
  gtk_widget_class_install_action (widget_class, "overview.export", "s", export_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "overview.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "overview.refresh", NULL);
}

static void
pd_overview_page_init (PdOverviewPage *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self->cards), "pd-overview-cards");
  g_signal_connect_object (self->attention_list, "row-activated", G_CALLBACK (attention_activated_cb), self,
                           G_CONNECT_SWAPPED);
  /* Level bar tints: under 80 % a warning, from 95 % success, the accent between. */
  gtk_level_bar_remove_offset_value (self->coverage_bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->coverage_bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (self->coverage_bar, GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_level_bar_add_offset_value (self->coverage_bar, GTK_LEVEL_BAR_OFFSET_LOW, 80);
  gtk_level_bar_add_offset_value (self->coverage_bar, GTK_LEVEL_BAR_OFFSET_HIGH, 95);
  gtk_level_bar_add_offset_value (self->coverage_bar, GTK_LEVEL_BAR_OFFSET_FULL, 100);
  /* Cards are not stops of the keyboard: their buttons are. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->cards)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
}

GtkWidget *
pd_overview_page_new (PdSession *session)
{
  g_return_val_if_fail (PD_IS_SESSION (session), NULL);

  return g_object_new (PD_TYPE_OVERVIEW_PAGE, "session", session, NULL);
}

PdDashboard *
pd_overview_page_get_dashboard (PdOverviewPage *self)
{
  g_return_val_if_fail (PD_IS_OVERVIEW_PAGE (self), NULL);

  return self->dashboard;
}

gboolean
pd_overview_page_get_refreshing (PdOverviewPage *self)
{
  g_return_val_if_fail (PD_IS_OVERVIEW_PAGE (self), FALSE);

  return self->refreshing;
}

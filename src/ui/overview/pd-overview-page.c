/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-badge-state.h"
#include "pd-dashboard-fetch.h"
#include "pd-format.h"
#include "pd-models.h"
#include "pd-overview-header.h"
#include "pd-overview-page-private.h"
#include "pd-overview-rows.h"
#include "pd-period-dropdown.h"
#include "pd-permission-gate.h"
#include "pd-report-export.h"
#include "pd-seat-gauge.h"
#include "pd-widgets-style.h"

/* The page paints whatever it has at once (the cached dashboard of the period), then asks
 * the portal. A failed refresh keeps the figures and says so; the next sync tries again. */

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
    text = g_strdup_printf (_("Dashboard updated: %s · refresh failed"), when);
  else if (!self->refreshing && self->engine != NULL &&
           pd_sync_engine_get_state (self->engine) == PD_SYNC_STATE_OFFLINE)
    /* Translators: %s is a relative time such as “5 minutes ago” */
    text = g_strdup_printf (_("Dashboard updated: %s · offline"), when);
  else if (self->refreshing)
    /* Translators: %s is a relative time such as “5 minutes ago” */
    text = g_strdup_printf (_("Dashboard updated: %s · updating…"), when);
  else
    /* Translators: %s is a relative time such as “5 minutes ago” */
    text = g_strdup_printf (_("Dashboard updated: %s"), when);
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

static void
paint (PdOverviewPage *self,
       PdDashboard    *dashboard)
{
  if (self->dashboard != dashboard)
    {
      g_set_object (&self->dashboard, dashboard);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DASHBOARD]);
    }
  pd_overview_page_paint_figures (self, dashboard);
  pd_overview_page_paint_attention (self);
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
  PdDashboardPeriod period = pd_period_dropdown_get_period (self->period_dropdown);

  if (period != PD_DASHBOARD_PERIOD_UNKNOWN && period != self->period)
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
  g_autofree char *missing = may_export ? NULL : pd_permission_explain_missing (self->session, "reports.export");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "overview.export", may_export);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), may_export);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->export_button), may_export ? _("Export report rows as CSV") : missing);
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
    pd_overview_page_paint_attention (self);
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
  PdOverviewPage *self = PD_OVERVIEW_PAGE (widget);

  pd_report_export_with_chooser (widget, self->session, g_variant_get_string (parameter, NULL), self->period,
                                 self->cancellable);
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

/* ---- GObject ------------------------------------------------------------------------- */

static void
pd_overview_page_constructed (GObject *object)
{
  PdOverviewPage *self = PD_OVERVIEW_PAGE (object);

  G_OBJECT_CLASS (pd_overview_page_parent_class)->constructed (object);

  self->period = pd_period_dropdown_setup (self->period_dropdown, "overview-period");
  g_signal_connect_object (self->period_dropdown, "notify::selected", G_CALLBACK (period_selected_cb), self,
                           G_CONNECT_SWAPPED);
  pd_overview_page_build_count_rows (self);
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
  g_type_ensure (PD_TYPE_OVERVIEW_HEADER);
  pd_style_ensure (RESOURCE_BASE_PATH "/overview/overview.css");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/overview/pd-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PdOverviewPage, unmapped_revealer);
  gtk_widget_class_bind_template_child (widget_class, PdOverviewPage, unmapped_label);
  gtk_widget_class_bind_template_child (widget_class, PdOverviewPage, unmapped_label_narrow);
  gtk_widget_class_bind_template_child (widget_class, PdOverviewPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PdOverviewPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, PdOverviewPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, PdOverviewPage, headline_label);
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

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pd-dashboard-fetch.h"
#include "pd-overview-header.h"
#include "pd-period-dropdown.h"
#include "pd-permission-gate.h"
#include "pd-report-export.h"
#include "pd-reports-page.h"
#include "pd-reports-paint.h"
#include "pd-sync-engine.h"
#include "pd-widgets-style.h"

struct _PdReportsPage
{
  AdwBin              parent_instance;

  PdSession          *session;
  PdSyncEngine       *engine;
  GCancellable       *cancellable;        /* the page's life: exports */
  GCancellable       *fetch_cancellable;  /* the period being read */
  PdDashboardPeriod   period;
  PdDashboard        *dashboard;          /* shown; NULL before the first */
  gboolean            refreshing;
  gboolean            stale;              /* the portal synced while the page was hidden */
  char               *fetch_error;        /* why the last fetch failed, NULL when it did not */
  PdReportCard       *cards[PD_REPORT_N_KINDS];

  GtkLabel           *range_label;
  GtkImage           *status_icon;
  GtkLabel           *status_label;
  GtkDropDown        *period_dropdown;
  GtkStack           *stack;
  GtkSpinner         *spinner;
  AdwStatusPage      *error_page;
  GtkFlowBox         *cards_box;
};

enum {
  PROP_0,
  PROP_SESSION,
  PROP_DASHBOARD,
  PROP_REFRESHING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (PdReportsPage, pd_reports_page, ADW_TYPE_BIN)

static gboolean
shows_period (PdReportsPage *self)
{
  return self->dashboard != NULL && pd_dashboard_get_period_key (self->dashboard) == self->period;
}

static gboolean
is_offline (PdReportsPage *self)
{
  PdSyncState state = self->engine != NULL ? pd_sync_engine_get_state (self->engine) : PD_SYNC_STATE_IDLE;

  return state == PD_SYNC_STATE_OFFLINE || state == PD_SYNC_STATE_FAILED;
}

static char *
dup_range (PdDashboard *dashboard)
{
  g_autoptr(GDateTime) start = g_date_time_to_local (pd_dashboard_get_period_start (dashboard));
  g_autoptr(GDateTime) end = g_date_time_to_local (pd_dashboard_get_period_end (dashboard));
  g_autofree char *start_text = g_date_time_format (start, "%-d %b");
  g_autofree char *end_text = g_date_time_format (end, "%-d %b %Y");

  /* Translators: the job figures' period, e.g. “1 Nov – 23 Nov 2026” */
  return g_strdup_printf (_("%s – %s"), start_text, end_text);
}

/* What the figures are and how fresh: always with their date, so cached figures are never
 * taken for today's. */
static void
update_status (PdReportsPage *self)
{
  g_autoptr(GDateTime) generated = NULL;
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;
  gboolean stale = FALSE;

  if (!shows_period (self))
    {
      gtk_label_set_text (self->status_label, self->refreshing ? _("Updating…") : "");
      gtk_widget_set_visible (GTK_WIDGET (self->status_icon), FALSE);
      return;
    }
  generated = g_date_time_to_local (pd_dashboard_get_generated_at (self->dashboard));
  /* Translators: a date and time in strftime format, e.g. “6 Dec 2026, 23:10” */
  when = g_date_time_format (generated, _("%-d %b %Y, %H:%M"));
  if (self->refreshing)
    /* Translators: %s is a date and time */
    text = g_strdup_printf (_("Figures of %s · updating…"), when);
  else if (is_offline (self))
    {
      /* Translators: %s is a date and time */
      text = g_strdup_printf (_("Offline: figures of %s"), when);
      stale = TRUE;
    }
  else if (self->fetch_error != NULL)
    {
      /* Translators: the first %s is a date and time, the second why the refresh failed */
      text = g_strdup_printf (_("Figures of %s. Cannot refresh: %s"), when, self->fetch_error);
      stale = TRUE;
    }
  else
    /* Translators: %s is a date and time */
    text = g_strdup_printf (_("Figures of %s"), when);
  gtk_label_set_text (self->status_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->status_icon), stale);
  if (stale)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "dim-label");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
}

static void
loading_shown_cb (PdReportsPage *self)
{
  gtk_spinner_set_spinning (self->spinner,
                            g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "loading") == 0);
}

static void
update_view (PdReportsPage *self)
{
  update_status (self);
  if (shows_period (self))
    {
      g_autofree char *range = dup_range (self->dashboard);

      gtk_label_set_text (self->range_label, range);
      gtk_stack_set_visible_child_name (self->stack, "reports");
      return;
    }
  gtk_label_set_text (self->range_label, pd_dashboard_period_get_label (self->period));
  /* Nothing of this period to show, not even from the cache: it is coming (signing in and
   * the first sync come first), or it cannot, and the page says why. */
  if (self->refreshing || (self->fetch_error == NULL && !is_offline (self)))
    {
      gtk_stack_set_visible_child_name (self->stack, "loading");
      return;
    }
  adw_status_page_set_description (self->error_page,
                                   self->fetch_error != NULL ? self->fetch_error
                                   : _("The portal cannot be reached, and no reports of this period were saved before."));
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
set_refreshing (PdReportsPage *self,
                gboolean       refreshing)
{
  if (self->refreshing == refreshing)
    return;
  self->refreshing = refreshing;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.refresh", !refreshing);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFRESHING]);
}

static void
show_dashboard (PdReportsPage *self,
                PdDashboard   *dashboard)
{
  if (g_set_object (&self->dashboard, dashboard))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DASHBOARD]);
  pd_reports_paint (self->cards, dashboard);
}

/* ---- reading the figures ------------------------------------------------------------- */

static void
fetched_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(PdReportsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PdDashboard) dashboard = pd_dashboard_fetch_finish (PD_SESSION (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_pointer (&self->fetch_error, g_free);
  if (dashboard != NULL)
    show_dashboard (self, dashboard);
  else
    self->fetch_error = g_strdup (error->message);
  set_refreshing (self, FALSE);
  update_view (self);
}

static gboolean
portal_ready (PdReportsPage *self)
{
  return self->engine != NULL && pd_sync_engine_get_state (self->engine) == PD_SYNC_STATE_UP_TO_DATE;
}

static GCancellable *
restart (PdReportsPage *self)
{
  g_cancellable_cancel (self->fetch_cancellable);
  g_clear_object (&self->fetch_cancellable);
  self->fetch_cancellable = g_cancellable_new ();
  set_refreshing (self, TRUE);
  return self->fetch_cancellable;
}

static void
fetch (PdReportsPage *self)
{
  GCancellable *cancellable = restart (self);

  self->stale = FALSE;
  update_view (self);
  pd_dashboard_fetch_async (self->session, self->period, cancellable, fetched_cb, g_object_ref (self));
}

/* Every section lives from the start, most of them hidden: a hidden page asks the portal
 * when it is next shown, not after every sync. */
static void
fetch_when_shown (PdReportsPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    fetch (self);
  else
    {
      self->stale = TRUE;
      set_refreshing (self, FALSE);
      update_view (self);
    }
}

static void
cached_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PdReportsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PdDashboard) dashboard = pd_dashboard_load_cached_finish (PD_SESSION (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    g_warning ("Cannot read the cached reports: %s", error->message);
  if (dashboard != NULL)
    show_dashboard (self, dashboard);
  /* Offline or still signing in: the end of the next sync asks the portal (sync_state_cb). */
  if (portal_ready (self))
    fetch_when_shown (self);
  else
    {
      set_refreshing (self, FALSE);
      update_view (self);
    }
}

/* The cache of the period first (painted at once, offline too), then the portal */
static void
load_period (PdReportsPage     *self,
             PdDashboardPeriod  period)
{
  GCancellable *cancellable;

  self->period = period;
  g_clear_pointer (&self->fetch_error, g_free);
  cancellable = restart (self);
  update_view (self);
  pd_dashboard_load_cached_async (self->session, period, cancellable, cached_cb, g_object_ref (self));
}

static void
sync_state_cb (PdReportsPage *self)
{
  /* The lists were just refreshed: the figures follow them. */
  if (portal_ready (self) && !self->refreshing)
    fetch_when_shown (self);
  else
    update_view (self);
}

static void
period_selected_cb (PdReportsPage *self)
{
  PdDashboardPeriod period = pd_period_dropdown_get_period (self->period_dropdown);

  if (period != PD_DASHBOARD_PERIOD_UNKNOWN && period != self->period)
    load_period (self, period);
}

static void
me_changed_cb (PdReportsPage *self)
{
  PdSyncEngine *engine = pd_session_get_sync_engine (self->session);

  /* The buttons' gates say why; the action follows them, so no other way around them */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.export",
                                 pd_session_has_permission (self->session, "reports.export"));

  if (self->engine != NULL || engine == NULL)
    return;
  self->engine = g_object_ref (engine);
  g_signal_connect_object (engine, "notify::state", G_CALLBACK (sync_state_cb), self, G_CONNECT_SWAPPED);
}

/* ---- actions ------------------------------------------------------------------------- */

static void
refresh_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  fetch (PD_REPORTS_PAGE (widget));
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PdReportsPage *self = PD_REPORTS_PAGE (widget);

  pd_report_export_with_chooser (widget, self->session, g_variant_get_string (parameter, NULL), self->period,
                                 self->cancellable);
}

/* ---- GObject ------------------------------------------------------------------------- */

static void
pd_reports_page_map (GtkWidget *widget)
{
  PdReportsPage *self = PD_REPORTS_PAGE (widget);

  GTK_WIDGET_CLASS (pd_reports_page_parent_class)->map (widget);
  if (self->stale && !self->refreshing && portal_ready (self))
    fetch (self);
}

static void
pd_reports_page_constructed (GObject *object)
{
  PdReportsPage *self = PD_REPORTS_PAGE (object);

  G_OBJECT_CLASS (pd_reports_page_parent_class)->constructed (object);

  self->period = pd_period_dropdown_setup (self->period_dropdown, "reports-period");
  g_signal_connect_object (self->period_dropdown, "notify::selected", G_CALLBACK (period_selected_cb), self,
                           G_CONNECT_SWAPPED);

  for (PdReportKind kind = 0; kind < PD_REPORT_N_KINDS; kind++)
    pd_permission_gate (pd_report_card_get_export_button (self->cards[kind]), self->session, "reports.export",
                        PD_PERMISSION_GATE_DISABLE);
  /* The sync engine and the permissions come with the signed-in session */
  g_signal_connect_object (self->session, "notify::me", G_CALLBACK (me_changed_cb), self, G_CONNECT_SWAPPED);
  me_changed_cb (self);
  load_period (self, self->period);
}

static void
pd_reports_page_dispose (GObject *object)
{
  PdReportsPage *self = PD_REPORTS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->fetch_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_REPORTS_PAGE);
  memset (self->cards, 0, sizeof self->cards);
  g_clear_object (&self->engine);
  g_clear_object (&self->dashboard);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (pd_reports_page_parent_class)->dispose (object);
}

static void
pd_reports_page_finalize (GObject *object)
{
  PdReportsPage *self = PD_REPORTS_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->fetch_cancellable);
  g_free (self->fetch_error);

  G_OBJECT_CLASS (pd_reports_page_parent_class)->finalize (object);
}

static void
pd_reports_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PdReportsPage *self = PD_REPORTS_PAGE (object);

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
pd_reports_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PdReportsPage *self = PD_REPORTS_PAGE (object);

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
pd_reports_page_class_init (PdReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pd_reports_page_constructed;
  object_class->dispose = pd_reports_page_dispose;
  object_class->finalize = pd_reports_page_finalize;
  object_class->get_property = pd_reports_page_get_property;
  object_class->set_property = pd_reports_page_set_property;
  widget_class->map = pd_reports_page_map;

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

  g_type_ensure (PD_TYPE_OVERVIEW_HEADER);
  /* The header and the cards' grid are laid out as the Overview's */
  pd_style_ensure (RESOURCE_BASE_PATH "/overview/overview.css");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/reports/pd-reports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PdReportsPage, range_label);
  gtk_widget_class_bind_template_child (widget_class, PdReportsPage, status_icon);
  gtk_widget_class_bind_template_child (widget_class, PdReportsPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, PdReportsPage, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PdReportsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PdReportsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, PdReportsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, PdReportsPage, cards_box);

  gtk_widget_class_install_action (widget_class, "reports.refresh", NULL, refresh_activated);
  gtk_widget_class_install_action (widget_class, "reports.export", "s", export_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "reports.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "reports.refresh", NULL);
}

static void
pd_reports_page_init (PdReportsPage *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  pd_reports_add_cards (self->cards_box, self->cards);
  g_signal_connect_object (self->stack, "notify::visible-child", G_CALLBACK (loading_shown_cb), self,
                           G_CONNECT_SWAPPED);
  loading_shown_cb (self);
}

GtkWidget *
pd_reports_page_new (PdSession *session)
{
  g_return_val_if_fail (PD_IS_SESSION (session), NULL);

  return g_object_new (PD_TYPE_REPORTS_PAGE, "session", session, NULL);
}

PdDashboardPeriod
pd_reports_page_get_period (PdReportsPage *self)
{
  g_return_val_if_fail (PD_IS_REPORTS_PAGE (self), PD_DASHBOARD_PERIOD_UNKNOWN);

  return self->period;
}

PdDashboard *
pd_reports_page_get_dashboard (PdReportsPage *self)
{
  g_return_val_if_fail (PD_IS_REPORTS_PAGE (self), NULL);

  return self->dashboard;
}

gboolean
pd_reports_page_get_refreshing (PdReportsPage *self)
{
  g_return_val_if_fail (PD_IS_REPORTS_PAGE (self), FALSE);

  return self->refreshing;
}

PdReportCard *
pd_reports_page_get_card (PdReportsPage *self,
                          PdReportKind   kind)
{
  g_return_val_if_fail (PD_IS_REPORTS_PAGE (self), NULL);
  g_return_val_if_fail (kind < PD_REPORT_N_KINDS, NULL);

  return self->cards[kind];
}

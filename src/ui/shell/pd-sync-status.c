/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "pd-sync-status"

#include "config.h"

#include <glib/gi18n.h>

#include "pd-shell-format.h"
#include "pd-sync-status.h"

struct _PdSyncStatus
{
  GtkWidget       parent_instance;

  PdSession      *session;
  GSignalGroup   *engine_signals;
  GSignalGroup   *session_signals;
  GDateTime      *last_success;
  PdSyncState     last_state;
  guint           minute_source;
  gboolean        compact;
  char           *text;

  GtkMenuButton  *button;
  GtkImage       *icon;
  GtkProgressBar *progress;
  GtkLabel       *label;
  GtkLabel       *heading_label;
  GtkLabel       *status_label;
  GtkLabel       *last_success_label;
  GtkWidget      *offline_box;
  GtkLabel       *offline_label;
  GtkWidget      *error_box;
  GtkLabel       *error_label;
  GtkButton      *refresh_button;
};

G_DEFINE_FINAL_TYPE (PdSyncStatus, pd_sync_status, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_SESSION, PROP_COMPACT, PROP_TEXT, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void update (PdSyncStatus *self);

GtkWidget *
pd_sync_status_new (void)
{
  return g_object_new (PD_TYPE_SYNC_STATUS, NULL);
}

PdSession *
pd_sync_status_get_session (PdSyncStatus *self)
{
  g_return_val_if_fail (PD_IS_SYNC_STATUS (self), NULL);

  return self->session;
}

const char *
pd_sync_status_get_text (PdSyncStatus *self)
{
  g_return_val_if_fail (PD_IS_SYNC_STATUS (self), NULL);

  return self->text;
}

GDateTime *
pd_sync_status_get_last_success (PdSyncStatus *self)
{
  g_return_val_if_fail (PD_IS_SYNC_STATUS (self), NULL);

  return self->last_success;
}

gboolean
pd_sync_status_get_compact (PdSyncStatus *self)
{
  g_return_val_if_fail (PD_IS_SYNC_STATUS (self), FALSE);

  return self->compact;
}

void
pd_sync_status_set_compact (PdSyncStatus *self,
                            gboolean      compact)
{
  g_return_if_fail (PD_IS_SYNC_STATUS (self));

  compact = !!compact;
  if (self->compact == compact)
    return;
  self->compact = compact;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPACT]);
}

static PdSyncEngine *
get_engine (PdSyncStatus *self)
{
  return self->session != NULL ? pd_session_get_sync_engine (self->session) : NULL;
}

static gboolean
minute_passed_cb (gpointer user_data)
{
  PdSyncStatus *self = user_data;

  self->minute_source = 0;
  update (self);
  return G_SOURCE_REMOVE;
}

/* "Updated N minutes ago" changes once a minute after the last success: wake up then, not
 * every second. */
static void
schedule_minute (PdSyncStatus *self,
                 GDateTime    *now)
{
  GTimeSpan elapsed;
  guint delay_ms;

  g_clear_handle_id (&self->minute_source, g_source_remove);
  if (self->last_success == NULL)
    return;
  elapsed = MAX (0, g_date_time_difference (now, self->last_success));
  delay_ms = (G_TIME_SPAN_MINUTE - elapsed % G_TIME_SPAN_MINUTE) / G_TIME_SPAN_MILLISECOND + 1;
  self->minute_source = g_timeout_add_full (G_PRIORITY_LOW, delay_ms, minute_passed_cb, self, NULL);
}

static void
set_text (PdSyncStatus *self,
          const char   *text)
{
  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

static void
update (PdSyncStatus *self)
{
  PdSyncEngine *engine = get_engine (self);
  PdSyncState state = engine != NULL ? pd_sync_engine_get_state (engine) : PD_SYNC_STATE_IDLE;
  const char *auth_error = self->session != NULL ? pd_session_get_auth_error (self->session) : NULL;
  const char *status_text = engine != NULL ? pd_sync_engine_get_status_text (engine) : NULL;
  const char *error = engine != NULL ? pd_sync_engine_get_error (engine) : NULL;
  GDateTime *offline_since = engine != NULL ? pd_sync_engine_get_offline_since (engine) : NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *text = NULL;
  g_autofree char *last = NULL;
  const char *icon = "emblem-synchronizing-symbolic";
  const char *style = NULL;

  /* The engine tells the state, not when it last succeeded: note it as it happens. */
  if (state == PD_SYNC_STATE_UP_TO_DATE && self->last_state != PD_SYNC_STATE_UP_TO_DATE)
    {
      g_clear_pointer (&self->last_success, g_date_time_unref);
      self->last_success = g_date_time_ref (now);
    }
  self->last_state = state;

  if (auth_error != NULL)
    {
      icon = "dialog-password-symbolic";
      style = "warning";
      text = g_strdup (_("Sign-in needed"));
    }
  else
    switch (state)
      {
      case PD_SYNC_STATE_SYNCING:
        text = g_strdup (_("Updating…"));
        break;
      case PD_SYNC_STATE_UP_TO_DATE:
        icon = "emblem-ok-symbolic";
        text = pd_shell_format_updated_ago (self->last_success, now);
        break;
      case PD_SYNC_STATE_OFFLINE:
        icon = "network-offline-symbolic";
        style = "warning";
        text = g_strdup (_("Offline"));
        break;
      case PD_SYNC_STATE_FAILED:
        icon = "dialog-warning-symbolic";
        style = "error";
        text = g_strdup (_("Update failed"));
        break;
      case PD_SYNC_STATE_IDLE:
      default:
        text = g_strdup (self->session != NULL ? _("Not updated yet") : "");
        break;
      }
  set_text (self, text);

  /* The button: a progress bar while syncing, else an icon; words unless compact. */
  gtk_image_set_from_icon_name (self->icon, icon);
  gtk_widget_set_visible (GTK_WIDGET (self->icon), state != PD_SYNC_STATE_SYNCING || auth_error != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->progress), state == PD_SYNC_STATE_SYNCING && auth_error == NULL);
  gtk_progress_bar_set_fraction (self->progress, engine != NULL ? CLAMP (pd_sync_engine_get_progress (engine), 0, 1) : 0);
  gtk_label_set_text (self->label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->label), !self->compact);
  gtk_widget_set_visible (GTK_WIDGET (self), self->session != NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->button), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->button), "error");
  if (style != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->button), style);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button),
                               status_text != NULL && status_text[0] != '\0' ? status_text : text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Sync status and details"),
                                  -1);

  /* The popover: the details behind the words. */
  gtk_label_set_text (self->heading_label, text);
  gtk_label_set_text (self->status_label, auth_error != NULL ? auth_error : status_text != NULL ? status_text : "");
  /* Up to date, the heading says it all; otherwise the engine's line adds the detail. */
  gtk_widget_set_visible (GTK_WIDGET (self->status_label),
                          (auth_error != NULL || state != PD_SYNC_STATE_UP_TO_DATE) &&
                          gtk_label_get_text (self->status_label)[0] != '\0' &&
                          g_strcmp0 (gtk_label_get_text (self->status_label), text) != 0);
  last = pd_shell_format_moment (self->last_success, now);
  gtk_label_set_text (self->last_success_label, last);
  gtk_widget_set_visible (self->offline_box, state == PD_SYNC_STATE_OFFLINE && offline_since != NULL);
  if (offline_since != NULL)
    {
      g_autofree char *since = pd_shell_format_moment (offline_since, now);

      gtk_label_set_text (self->offline_label, since);
    }
  gtk_widget_set_visible (self->error_box, error != NULL && state != PD_SYNC_STATE_UP_TO_DATE);
  gtk_label_set_text (self->error_label, error != NULL ? error : "");
  gtk_widget_set_sensitive (GTK_WIDGET (self->refresh_button), engine != NULL && state != PD_SYNC_STATE_SYNCING);

  schedule_minute (self, now);
}

static void
synced_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* Errors are not lost: the engine's state and error properties report them, and the
   * window raises a toast for a failure. */
  if (!pd_sync_engine_sync_finish (PD_SYNC_ENGINE (source), result, &error))
    g_debug ("Refresh did not complete: %s", error->message);
}

void
pd_sync_status_refresh (PdSyncStatus *self)
{
  PdSyncEngine *engine;

  g_return_if_fail (PD_IS_SYNC_STATUS (self));

  if ((engine = get_engine (self)) == NULL)
    return;
  /* No cancellable of ours: cancelling a caller stops the sync it joined, and this one
   * may be the periodic refresh the session relies on. The callback holds no widget. */
  pd_sync_engine_sync_async (engine, FALSE, NULL, synced_cb, NULL);
}

static void
refresh_clicked_cb (PdSyncStatus *self)
{
  gtk_menu_button_popdown (self->button);
  pd_sync_status_refresh (self);
}

void
pd_sync_status_set_session (PdSyncStatus *self,
                            PdSession    *session)
{
  g_return_if_fail (PD_IS_SYNC_STATUS (self));
  g_return_if_fail (session == NULL || PD_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;
  g_clear_pointer (&self->last_success, g_date_time_unref);
  self->last_state = PD_SYNC_STATE_IDLE;
  g_signal_group_set_target (self->session_signals, session);
  g_signal_group_set_target (self->engine_signals, get_engine (self));
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

static void
pd_sync_status_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PdSyncStatus *self = PD_SYNC_STATUS (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_sync_status_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PdSyncStatus *self = PD_SYNC_STATUS (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      pd_sync_status_set_session (self, g_value_get_object (value));
      break;
    case PROP_COMPACT:
      pd_sync_status_set_compact (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_sync_status_dispose (GObject *object)
{
  PdSyncStatus *self = PD_SYNC_STATUS (object);

  g_clear_handle_id (&self->minute_source, g_source_remove);
  if (self->engine_signals != NULL)
    {
      g_signal_group_set_target (self->engine_signals, NULL);
      g_signal_group_set_target (self->session_signals, NULL);
    }
  g_clear_object (&self->engine_signals);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_SYNC_STATUS);

  G_OBJECT_CLASS (pd_sync_status_parent_class)->dispose (object);
}

static void
pd_sync_status_finalize (GObject *object)
{
  PdSyncStatus *self = PD_SYNC_STATUS (object);

  g_clear_pointer (&self->last_success, g_date_time_unref);
  g_free (self->text);

  G_OBJECT_CLASS (pd_sync_status_parent_class)->finalize (object);
}

static void
pd_sync_status_class_init (PdSyncStatusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = pd_sync_status_get_property;
  object_class->set_property = pd_sync_status_set_property;
  object_class->dispose = pd_sync_status_dispose;
  object_class->finalize = pd_sync_status_finalize;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PD_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/shell/pd-sync-status.ui");
  gtk_widget_class_bind_template_child (widget_class, PdSyncStatus, button);
  gtk_widget_class_bind_template_child (widget_class, PdSyncStatus, icon);
  gtk_widget_class_bind_template_child (widget_class, PdSyncStatus, progress);
  gtk_widget_class_bind_template_child (widget_class, PdSyncStatus, label);
  gtk_widget_class_bind_template_child (widget_class, PdSyncStatus, heading_label);
  gtk_widget_class_bind_template_child (widget_class, PdSyncStatus, status_label);
  gtk_widget_class_bind_template_child (widget_class, PdSyncStatus, last_success_label);
  gtk_widget_class_bind_template_child (widget_class, PdSyncStatus, offline_box);
  gtk_widget_class_bind_template_child (widget_class, PdSyncStatus, offline_label);
  gtk_widget_class_bind_template_child (widget_class, PdSyncStatus, error_box);
  gtk_widget_class_bind_template_child (widget_class, PdSyncStatus, error_label);
  gtk_widget_class_bind_template_child (widget_class, PdSyncStatus, refresh_button);
  gtk_widget_class_bind_template_callback (widget_class, refresh_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pd-sync-status");
}

static void
pd_sync_status_init (PdSyncStatus *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->last_state = PD_SYNC_STATE_IDLE;
  self->engine_signals = g_signal_group_new (PD_TYPE_SYNC_ENGINE);
  g_signal_group_connect_swapped (self->engine_signals, "notify", G_CALLBACK (update), self);
  self->session_signals = g_signal_group_new (PD_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify::auth-error", G_CALLBACK (update), self);
  update (self);
}

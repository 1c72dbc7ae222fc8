/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "pd-alerts"

#include "config.h"

#include <glib/gi18n.h>

#include "pd-alert-tracker.h"
#include "pd-alerts-notifier.h"
#include "pd-background-portal.h"
#include "pd-service-info.h"
#include "pd-session-view.h"

/* Names in a summary before "and N more" */
#define SUMMARY_NAMES 3

struct _PdAlertsNotifier
{
  GObject           parent_instance;

  GtkApplication   *app;        /* weak: the application owns the notifier */
  GSettings        *settings;
  PdAlertTracker   *tracker;
  gboolean          held;
  PdAlertsSendFunc  send_func;
  gpointer          send_data;
};

G_DEFINE_FINAL_TYPE (PdAlertsNotifier, pd_alerts_notifier, G_TYPE_OBJECT)

static void
send (PdAlertsNotifier *self,
      const char       *id,
      GNotification    *notification)
{
  if (self->send_func != NULL)
    self->send_func (G_APPLICATION (self->app), id, notification, self->send_data);
  else
    g_application_send_notification (G_APPLICATION (self->app), id, notification);
}

static GNotification *
notification_for (PdAlert *alert)
{
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  GNotification *notification;
  const char *service = pd_service_application_get_name (alert->application);

  switch (alert->kind)
    {
    case PD_ALERT_BACKUP_FAILED:
      /* Translators: a desktop notification's title; %s is a client's name */
      title = g_strdup_printf (_("Backup failed for %s"), alert->organization_name);
      /* Translators: %s is a service, e.g. "Exchange" */
      body = g_strdup_printf (_("The latest %s backup failed. Open the client to see which accounts."), service);
      break;
    case PD_ALERT_CONSENT_LOST:
      /* Translators: a desktop notification's title; %s is a client's name */
      title = g_strdup_printf (_("Consent lost for %s"), alert->organization_name);
      /* Translators: %s is a service, e.g. "Exchange" */
      body = g_strdup_printf (_("The tenant withdrew its consent for %s: its backups stopped until an admin grants it again."), service);
      break;
    case PD_ALERT_INVITE_EXPIRING:
      /* Translators: a desktop notification's title; %s is a client's name */
      title = g_strdup_printf (_("Invitation for %s expires soon"), alert->organization_name);
      /* Translators: %s is a service, e.g. "Exchange" */
      body = g_strdup_printf (_("The client’s admin has not yet accepted the invitation to authorize %s. Resend it before it expires."), service);
      break;
    case PD_ALERT_CREDENTIALS:
    default:
      /* Translators: a desktop notification's title; %s is a client's name */
      title = g_strdup_printf (_("%s needs authentication"), alert->organization_name);
      body = g_strdup (_("The portal can no longer sign in to this client’s tenant: backups stop until it is authenticated again."));
      break;
    }
  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
  g_notification_set_default_action_and_target (notification, "app.show-client", "s", alert->organization_id);
  return notification;
}

/* Many at once (a first sync after a long time offline, an outage): one notification
 * naming the first clients; activating it shows the application. Its id follows from
 * the events, so the same batch never shows twice. */
static void
send_summary (PdAlertsNotifier *self,
              GPtrArray        *alerts)
{
  g_autoptr(GNotification) notification = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *title = NULL;
  g_autofree char *id = NULL;
  guint n_names = 0;
  guint more;

  for (guint i = 0; i < alerts->len; i++)
    {
      PdAlert *alert = g_ptr_array_index (alerts, i);

      g_checksum_update (checksum, (const guchar *) alert->key, -1);
      if (!g_hash_table_add (seen, alert->organization_name) || n_names == SUMMARY_NAMES)
        continue;
      if (names->len > 0)
        /* Translators: between client names in a list, e.g. "Contoso, Fabrikam" */
        g_string_append (names, _(", "));
      g_string_append (names, alert->organization_name);
      n_names++;
    }
  more = g_hash_table_size (seen) - n_names;
  if (more > 0)
    {
      g_autofree char *listed = g_string_free (g_steal_pointer (&names), FALSE);

      /* Translators: %s lists client names, %u how many more clients there are */
      names = g_string_new (NULL);
      g_string_printf (names, ngettext ("%s and %u more client", "%s and %u more clients", more), listed, more);
    }

  /* Translators: a desktop notification's title: backup failures, credential errors and
   * lost consent found at once */
  title = g_strdup_printf (ngettext ("%u new problem with your clients", "%u new problems with your clients",
                                     alerts->len), alerts->len);
  notification = g_notification_new (title);
  g_notification_set_body (notification, names->str);
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
  id = g_strconcat ("summary:", g_checksum_get_string (checksum), NULL);
  send (self, id, notification);
}

static void
raised_cb (PdAlertsNotifier *self,
           GPtrArray        *alerts)
{
  if (alerts->len > PD_ALERTS_GROUP_THRESHOLD)
    {
      send_summary (self, alerts);
      return;
    }
  for (guint i = 0; i < alerts->len; i++)
    {
      PdAlert *alert = g_ptr_array_index (alerts, i);
      g_autoptr(GNotification) notification = notification_for (alert);

      send (self, alert->key, notification);
    }
}

void
pd_alerts_notifier_set_session (PdAlertsNotifier *self,
                                PdSession        *session)
{
  g_return_if_fail (PD_IS_ALERTS_NOTIFIER (self));
  g_return_if_fail (session == NULL || PD_IS_SESSION (session));

  if (self->tracker != NULL && session == pd_alert_tracker_get_session (self->tracker))
    return;
  g_clear_object (&self->tracker);
  if (session == NULL || pd_session_get_sync_engine (session) == NULL)
    return;
  self->tracker = pd_alert_tracker_new (session);
  g_signal_connect_object (self->tracker, "raised", G_CALLBACK (raised_cb), self, G_CONNECT_SWAPPED);
}

void
pd_alerts_notifier_set_send_func (PdAlertsNotifier *self,
                                  PdAlertsSendFunc  func,
                                  gpointer          user_data)
{
  g_return_if_fail (PD_IS_ALERTS_NOTIFIER (self));

  self->send_func = func;
  self->send_data = user_data;
}

/* ---- app.show-client ----------------------------------------------------------------- */

static GtkWidget *
find_session_view (GtkWidget *widget)
{
  if (PD_IS_SESSION_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_session_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_any_session_view (GtkApplication *app)
{
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    {
      GtkWidget *view = find_session_view (l->data);

      if (view != NULL)
        return view;
    }
  return NULL;
}

static void
show_client_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  PdAlertsNotifier *self = user_data;
  GtkWidget *view;

  if (self->app == NULL)
    return;
  /* With the window closed (running in the background) this opens it again. */
  if ((view = find_any_session_view (self->app)) == NULL)
    {
      g_application_activate (G_APPLICATION (self->app));
      view = find_any_session_view (self->app);
    }
  if (view == NULL)
    return;
  gtk_window_present (GTK_WINDOW (gtk_widget_get_root (view)));
  pd_session_view_show_client (PD_SESSION_VIEW (view), g_variant_get_string (parameter, NULL), NULL);
}

/* ---- running in the background ------------------------------------------------------- */

static void
release (PdAlertsNotifier *self)
{
  if (!self->held || self->app == NULL)
    return;
  self->held = FALSE;
  g_application_release (G_APPLICATION (self->app));
}

static void
background_answered_cb (gboolean allowed,
                        gpointer user_data)
{
  g_autoptr(PdAlertsNotifier) self = user_data;

  if (allowed)
    return;
  g_message ("The system did not allow Partner Desk to run in the background");
  release (self);
}

gboolean
pd_alerts_notifier_keep_running (PdAlertsNotifier *self)
{
  g_return_val_if_fail (PD_IS_ALERTS_NOTIFIER (self), FALSE);

  if (self->app == NULL || self->tracker == NULL || self->settings == NULL ||
      !g_settings_get_boolean (self->settings, "background-notifications"))
    return FALSE;
  if (!self->held)
    {
      self->held = TRUE;
      g_application_hold (G_APPLICATION (self->app));
      if (pd_background_portal_is_sandboxed ())
        pd_background_portal_request (G_APPLICATION (self->app),
                                      _("Partner Desk checks your clients’ backups and notifies you of new failures."),
                                      background_answered_cb, g_object_ref (self));
    }
  return TRUE;
}

static void
window_added_cb (PdAlertsNotifier *self)
{
  release (self);
}

static void
setting_changed_cb (PdAlertsNotifier *self)
{
  if (!g_settings_get_boolean (self->settings, "background-notifications"))
    release (self);
}

PdAlertsNotifier *
pd_alerts_notifier_new (GtkApplication *app,
                        GSettings      *settings)
{
  static const GActionEntry actions[] = {
    { .name = "show-client", .activate = show_client_activated, .parameter_type = "s" },
  };
  PdAlertsNotifier *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (PD_TYPE_ALERTS_NOTIFIER, NULL);
  g_set_weak_pointer (&self->app, app);
  g_set_object (&self->settings, settings);
  g_action_map_add_action_entries (G_ACTION_MAP (app), actions, G_N_ELEMENTS (actions), self);
  g_signal_connect_object (app, "window-added", G_CALLBACK (window_added_cb), self, G_CONNECT_SWAPPED);
  if (settings != NULL)
    g_signal_connect_object (settings, "changed::background-notifications",
                             G_CALLBACK (setting_changed_cb), self, G_CONNECT_SWAPPED);
  return self;
}

static void
pd_alerts_notifier_dispose (GObject *object)
{
  PdAlertsNotifier *self = PD_ALERTS_NOTIFIER (object);

  release (self);
  if (self->app != NULL)
    g_action_map_remove_action (G_ACTION_MAP (self->app), "show-client");
  g_clear_weak_pointer (&self->app);
  g_clear_object (&self->tracker);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pd_alerts_notifier_parent_class)->dispose (object);
}

static void
pd_alerts_notifier_class_init (PdAlertsNotifierClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pd_alerts_notifier_dispose;
}

static void
pd_alerts_notifier_init (PdAlertsNotifier *self)
{
}

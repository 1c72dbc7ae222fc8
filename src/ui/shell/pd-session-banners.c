/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "pd-session-banners"

#include "config.h"

#include <glib/gi18n.h>

#include "pd-session-banners.h"
#include "pd-shell-format.h"

struct _PdSessionBanners
{
  GtkWidget     parent_instance;

  PdSession    *session;
  GSignalGroup *engine_signals;
  GSignalGroup *session_signals;
  gboolean      cache_dismissed;

  PdBanner     *offline_banner;
  PdBanner     *auth_banner;
  PdBanner     *cache_banner;
};

G_DEFINE_FINAL_TYPE (PdSessionBanners, pd_session_banners, GTK_TYPE_WIDGET)

GtkWidget *
pd_session_banners_new (void)
{
  return g_object_new (PD_TYPE_SESSION_BANNERS, NULL);
}

PdBanner *
pd_session_banners_get_offline_banner (PdSessionBanners *self)
{
  return self->offline_banner;
}

PdBanner *
pd_session_banners_get_auth_banner (PdSessionBanners *self)
{
  return self->auth_banner;
}

PdBanner *
pd_session_banners_get_cache_banner (PdSessionBanners *self)
{
  return self->cache_banner;
}

static PdSyncEngine *
get_engine (PdSessionBanners *self)
{
  return self->session != NULL ? pd_session_get_sync_engine (self->session) : NULL;
}

static void
update (PdSessionBanners *self)
{
  PdSyncEngine *engine = get_engine (self);
  const char *auth_error = self->session != NULL ? pd_session_get_auth_error (self->session) : NULL;
  const char *cache_message = self->session != NULL ? pd_session_get_cache_message (self->session) : NULL;
  GDateTime *since = engine != NULL ? pd_sync_engine_get_offline_since (engine) : NULL;
  gboolean offline = engine != NULL && pd_sync_engine_get_state (engine) == PD_SYNC_STATE_OFFLINE;
  g_autofree char *offline_text = NULL;
  g_autofree char *auth_text = NULL;

  if (since != NULL)
    {
      g_autofree char *time = pd_shell_format_time (since);

      /* Translators: %s is a time of day, "14:02" */
      offline_text = g_strdup_printf (_("Offline since %s — showing clients as last seen"), time);
    }
  else
    offline_text = g_strdup (_("Offline — showing clients as last seen"));
  pd_banner_set_title (self->offline_banner, offline_text);
  /* Credentials are the more urgent news: without them nothing will come back online. */
  pd_banner_set_revealed (self->offline_banner, offline && auth_error == NULL);

  if (auth_error != NULL)
    /* Translators: the reason comes from the keyring or the portal, a whole sentence */
    auth_text = g_strdup_printf (_("Not signed in: %s"), auth_error);
  pd_banner_set_title (self->auth_banner, auth_text);
  pd_banner_set_revealed (self->auth_banner, auth_error != NULL);

  pd_banner_set_title (self->cache_banner, cache_message);
  pd_banner_set_revealed (self->cache_banner, cache_message != NULL && !self->cache_dismissed);
}

static void
synced_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The engine's state tells the outcome: the banner stays while still offline. */
  if (!pd_sync_engine_sync_finish (PD_SYNC_ENGINE (source), result, &error))
    g_debug ("Retry did not succeed: %s", error->message);
}

static void
retry_cb (PdSessionBanners *self)
{
  PdSyncEngine *engine = get_engine (self);

  /* No cancellable of ours: cancelling would stop the sync any other caller joined. */
  if (engine != NULL)
    pd_sync_engine_sync_async (engine, FALSE, NULL, synced_cb, NULL);
}

static void
sign_in_again_cb (PdSessionBanners *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "app.sign-in-again", NULL);
}

static void
dismiss_cache_cb (PdSessionBanners *self)
{
  self->cache_dismissed = TRUE;
  update (self);
}

void
pd_session_banners_set_session (PdSessionBanners *self,
                                PdSession        *session)
{
  g_return_if_fail (PD_IS_SESSION_BANNERS (self));
  g_return_if_fail (session == NULL || PD_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;
  self->cache_dismissed = FALSE;
  g_signal_group_set_target (self->session_signals, session);
  g_signal_group_set_target (self->engine_signals, get_engine (self));
  update (self);
}

static void
pd_session_banners_dispose (GObject *object)
{
  PdSessionBanners *self = PD_SESSION_BANNERS (object);

  if (self->engine_signals != NULL)
    {
      g_signal_group_set_target (self->engine_signals, NULL);
      g_signal_group_set_target (self->session_signals, NULL);
    }
  g_clear_object (&self->engine_signals);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_SESSION_BANNERS);

  G_OBJECT_CLASS (pd_session_banners_parent_class)->dispose (object);
}

static void
pd_session_banners_class_init (PdSessionBannersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_session_banners_dispose;

  g_type_ensure (PD_TYPE_BANNER);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/shell/pd-session-banners.ui");
  gtk_widget_class_bind_template_child (widget_class, PdSessionBanners, offline_banner);
  gtk_widget_class_bind_template_child (widget_class, PdSessionBanners, auth_banner);
  gtk_widget_class_bind_template_child (widget_class, PdSessionBanners, cache_banner);
  gtk_widget_class_bind_template_callback (widget_class, retry_cb);
  gtk_widget_class_bind_template_callback (widget_class, sign_in_again_cb);
  gtk_widget_class_bind_template_callback (widget_class, dismiss_cache_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
pd_session_banners_init (PdSessionBanners *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  self->engine_signals = g_signal_group_new (PD_TYPE_SYNC_ENGINE);
  g_signal_group_connect_swapped (self->engine_signals, "notify::state", G_CALLBACK (update), self);
  g_signal_group_connect_swapped (self->engine_signals, "notify::offline-since", G_CALLBACK (update), self);
  self->session_signals = g_signal_group_new (PD_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify::auth-error", G_CALLBACK (update), self);
}

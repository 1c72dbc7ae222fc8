/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "pd-application"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>

#include "pd-about-window.h"
#include "pd-alerts-notifier.h"
#include "pd-application.h"
#include "pd-demo-portal.h"
#include "pd-sign-in.h"
#include "pd-sign-in-dialog.h"
#include "pd-preferences-window.h"
#include "pd-window.h"

struct _PdApplication
{
  AdwApplication     parent_instance;

  GSettings         *settings;
  PdAccountRegistry *registry;
  PdSession         *session;
  gboolean           session_is_demo;
  PdDemoPortal      *demo_portal;
  gboolean           demo_requested;
  gboolean           reopening;        /* the last account is being opened at start */
  /* Work that must finish before the process ends (forgetting the demo account) */
  guint              pending_cleanups;
  gboolean           quit_requested;
  guint              signal_sources[2];
  PdAlertsNotifier  *alerts;
};

G_DEFINE_FINAL_TYPE (PdApplication, pd_application, ADW_TYPE_APPLICATION)

enum { PROP_0, PROP_SESSION, PROP_REOPENING, N_PROPS };
static GParamSpec *properties[N_PROPS];

PdApplication *
pd_application_new (const char        *application_id,
                    GApplicationFlags  flags)
{
  g_return_val_if_fail (application_id != NULL, NULL);

  /* The resource path stays the same in the development profile, whose ID
   * differs, so both find the same templates, styles and shortcuts window. */
  return g_object_new (PD_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", flags,
                       "resource-base-path", RESOURCE_BASE_PATH,
                       NULL);
}

/**
 * pd_application_get_settings:
 *
 * Returns: (transfer none): the application's GSettings
 */
GSettings *
pd_application_get_settings (PdApplication *self)
{
  g_return_val_if_fail (PD_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * pd_application_get_registry:
 *
 * Returns: (transfer none): the accounts the application is signed in to
 */
PdAccountRegistry *
pd_application_get_registry (PdApplication *self)
{
  g_return_val_if_fail (PD_IS_APPLICATION (self), NULL);

  return self->registry;
}

PdSession *
pd_application_get_session (PdApplication *self)
{
  g_return_val_if_fail (PD_IS_APPLICATION (self), NULL);

  return self->session;
}

gboolean
pd_application_is_reopening (PdApplication *self)
{
  g_return_val_if_fail (PD_IS_APPLICATION (self), FALSE);

  return self->reopening;
}

gboolean
pd_application_is_demo (PdApplication *self)
{
  g_return_val_if_fail (PD_IS_APPLICATION (self), FALSE);

  return self->session != NULL && self->session_is_demo;
}

gboolean
pd_application_take_demo_request (PdApplication *self)
{
  gboolean requested;

  g_return_val_if_fail (PD_IS_APPLICATION (self), FALSE);

  requested = self->demo_requested;
  self->demo_requested = FALSE;
  return requested;
}

static void
apply_refresh_interval (PdApplication *self,
                        PdSession     *session)
{
  if (session != NULL)
    pd_session_set_refresh_interval (session, g_settings_get_uint (self->settings, "refresh-interval") * 60);
}

static void
refresh_interval_changed_cb (PdApplication *self)
{
  apply_refresh_interval (self, self->session);
}

static void
cleanup_done (PdApplication *self)
{
  g_assert (self->pending_cleanups > 0);
  if (--self->pending_cleanups == 0 && self->quit_requested)
    g_application_quit (G_APPLICATION (self));
  g_application_release (G_APPLICATION (self));
}

static void
demo_removed_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PdApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!pd_session_remove_finish (PD_SESSION (source), result, &error))
    g_warning ("Cannot forget the demo account: %s", error->message);
  cleanup_done (self);
}

/* Ends the open session. A demo account is forgotten altogether (keyring, cache, registry)
 * so demo runs do not pile up; the app stays alive until that is done. */
static void
close_session (PdApplication *self)
{
  g_autoptr(PdSession) session = g_steal_pointer (&self->session);

  if (session == NULL)
    return;
  pd_session_stop (session);
  if (self->session_is_demo)
    {
      self->pending_cleanups++;
      g_application_hold (G_APPLICATION (self));
      pd_session_remove_async (session, NULL, demo_removed_cb, g_object_ref (self));
    }
  self->session_is_demo = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

typedef struct
{
  PdSession *session;
  gboolean   demo;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_clear_object (&data->session);
  g_free (data);
}

/* The session becomes the application's once its models are filled from the cache, so the
 * window never shows an empty page that fills a moment later. */
static void
session_started_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PdApplication *self = g_task_get_source_object (task);
  OpenData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!pd_session_start_finish (data->session, result, &error))
    {
      pd_session_stop (data->session);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  close_session (self);
  self->session = g_object_ref (data->session);
  self->session_is_demo = data->demo;
  /* A demo account is gone at the next start: nothing to reopen. */
  g_settings_set_string (self->settings, "last-account",
                         data->demo ? "" : pd_account_info_get_id (pd_session_get_account (data->session)));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
  g_task_return_boolean (task, TRUE);
}

static void
open_session (PdApplication *self,
              PdAccountInfo *account,
              gboolean       demo,
              GTask         *task)
{
  OpenData *data = g_new0 (OpenData, 1);

  data->session = pd_session_new (account, NULL);
  data->demo = demo;
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);
  pd_session_set_registry (data->session, self->registry);
  apply_refresh_interval (self, data->session);
  pd_session_start_async (data->session, g_task_get_cancellable (task), session_started_cb, g_object_ref (task));
}

void
pd_application_open_account_async (PdApplication       *self,
                                   PdAccountInfo       *account,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PD_IS_APPLICATION (self));
  g_return_if_fail (PD_IS_ACCOUNT_INFO (account));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pd_application_open_account_async);
  open_session (self, account, FALSE, task);
}

gboolean
pd_application_open_account_finish (PdApplication  *self,
                                    GAsyncResult   *result,
                                    GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Accounts of earlier demo runs that ended without forgetting theirs (a crash): the same
 * portal user on another loopback port. */
static void
forget_stale_demo_accounts (PdApplication *self,
                            PdAccountInfo *current)
{
  GListModel *accounts = G_LIST_MODEL (self->registry);

  for (guint i = g_list_model_get_n_items (accounts); i > 0; i--)
    {
      g_autoptr(PdAccountInfo) account = g_list_model_get_item (accounts, i - 1);
      g_autoptr(PdSession) stale = NULL;

      if (g_str_equal (pd_account_info_get_id (account), pd_account_info_get_id (current)) ||
          pd_account_info_get_kind (account) != PD_ACCOUNT_KIND_API_KEY ||
          !g_str_has_prefix (pd_account_info_get_base_url (account), "http://127.0.0.1:") ||
          g_strcmp0 (pd_account_info_get_user_id (account), pd_account_info_get_user_id (current)) != 0 ||
          g_strcmp0 (pd_account_info_get_partner_id (account), pd_account_info_get_partner_id (current)) != 0)
        continue;
      /* A session that never starts: removing it clears the keyring, cache and registry. */
      stale = pd_session_new (account, NULL);
      pd_session_set_registry (stale, self->registry);
      self->pending_cleanups++;
      g_application_hold (G_APPLICATION (self));
      pd_session_remove_async (stale, NULL, demo_removed_cb, g_object_ref (self));
    }
}

static void
demo_signed_in_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PdApplication *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(PdAccountInfo) account = pd_sign_in_api_key_finish (result, &error);

  if (account == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  forget_stale_demo_accounts (self, account);
  open_session (self, account, TRUE, task);
}

static void
demo_started_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PdApplication *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  if (!pd_demo_portal_start_finish (PD_DEMO_PORTAL (source), result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* The normal API-key path: the key goes to the keyring like any other. */
  pd_sign_in_api_key_async (self->registry,
                            pd_demo_portal_get_url (self->demo_portal), NULL,
                            pd_demo_portal_get_owner_key (self->demo_portal),
                            g_task_get_cancellable (task), demo_signed_in_cb, g_object_ref (task));
}

void
pd_application_start_demo_async (PdApplication       *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PD_IS_APPLICATION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pd_application_start_demo_async);
  if (self->demo_portal == NULL)
    self->demo_portal = pd_demo_portal_new (NULL);
  pd_demo_portal_start_async (self->demo_portal, cancellable, demo_started_cb, g_steal_pointer (&task));
}

gboolean
pd_application_start_demo_finish (PdApplication  *self,
                                  GAsyncResult   *result,
                                  GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static GtkWindow *
get_main_window (PdApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (PD_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

static void
signed_out_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(PdApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!pd_session_sign_out_finish (PD_SESSION (source), result, &error))
    g_warning ("Signing out was not complete: %s", error->message);
  cleanup_done (self);
}

static void
sign_out_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  PdApplication *self = user_data;
  g_autoptr(PdSession) session = NULL;
  GtkWindow *main_window = get_main_window (self);

  if (self->session == NULL)
    return;
  /* Unsaved changes ask first (Save / Discard / Cancel); signing out follows once answered. */
  if (main_window != NULL &&
      pd_session_view_hold_sign_out (pd_window_get_session_view (PD_WINDOW (main_window))))
    return;
  g_settings_set_string (self->settings, "last-account", "");
  if (self->session_is_demo)
    {
      close_session (self);
      return;
    }
  /* The cache stays for a later sign-in; the secrets go now. */
  session = g_steal_pointer (&self->session);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
  self->pending_cleanups++;
  g_application_hold (G_APPLICATION (self));
  pd_session_sign_out_async (session, NULL, signed_out_cb, g_object_ref (self));
}

static void
last_account_opened_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  PdApplication *self = PD_APPLICATION (source);
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  gboolean opened = pd_application_open_account_finish (self, result, &error);

  self->reopening = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REOPENING]);
  if (opened)
    return;
  /* The welcome page stays; it says why the account did not open. */
  g_warning ("Cannot reopen the last account: %s", error->message);
  if ((window = get_main_window (self)) != NULL)
    pd_window_show_welcome_error (PD_WINDOW (window), error->message);
}

/* The last account opens from its cache before any network, so the window paints at once. */
static void
reopen_last_account (PdApplication *self)
{
  g_autofree char *id = g_settings_get_string (self->settings, "last-account");
  PdAccountInfo *account;

  if (id[0] == '\0' || (account = pd_account_registry_lookup (self->registry, id)) == NULL)
    return;
  self->reopening = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REOPENING]);
  pd_application_open_account_async (self, account, NULL, last_account_opened_cb, NULL);
}


static void
pd_application_activate (GApplication *app)
{
  PdApplication *self = PD_APPLICATION (app);
  GtkWindow *window = get_main_window (self);

  if (window == NULL)
    {
      /* Usually already reopening since startup; again after a failed attempt */
      if (!self->demo_requested && self->session == NULL && !self->reopening)
        reopen_last_account (self);
      window = GTK_WINDOW (pd_window_new (self));
    }

  gtk_window_present (window);
}

static int
pd_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  PdApplication *self = PD_APPLICATION (app);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "partner-desk", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }
  self->demo_requested = g_variant_dict_contains (options, "demo");

  return G_APPLICATION_CLASS (pd_application_parent_class)->handle_local_options (app, options);
}

/* Ctrl+C in the terminal of `build-aux/dev run`, or a session logout: quit as the menu
 * does, so a demo account is forgotten and the demo portal stopped. */
static gboolean
quit_signal_cb (gpointer user_data)
{
  g_action_group_activate_action (G_ACTION_GROUP (user_data), "quit", NULL);
  return G_SOURCE_CONTINUE;
}

/* Desktop notifications follow the open session. */
static void
alerts_follow_session (PdApplication *self)
{
  pd_alerts_notifier_set_session (self->alerts, self->session);
}

static void
pd_application_startup (GApplication *app)
{
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.show-help-overlay", { "<Control>question", "F1", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };
  PdApplication *self = PD_APPLICATION (app);
  g_autoptr(GError) error = NULL;

  self->settings = g_settings_new (BASE_APPLICATION_ID);
  g_signal_connect_object (self->settings, "changed::refresh-interval",
                           G_CALLBACK (refresh_interval_changed_cb), self, G_CONNECT_SWAPPED);

  self->registry = pd_account_registry_new (NULL);
  if (!pd_account_registry_load (self->registry, &error))
    {
      /* Kept as "accounts.ini.damaged" for the user; the app starts without accounts. */
      g_warning ("%s", error->message);
      g_clear_error (&error);
      if (!pd_account_registry_set_aside (self->registry, &error))
        g_warning ("%s", error->message);
    }

  /* Before GTK starts (loading the GL driver alone takes 50 ms and more): the cache is read
   * on other threads meanwhile, so the window's first frame can show the clients. */
  if (!self->demo_requested)
    reopen_last_account (self);

  G_APPLICATION_CLASS (pd_application_parent_class)->startup (app);

  self->alerts = pd_alerts_notifier_new (GTK_APPLICATION (self), self->settings);
  g_signal_connect_swapped (self, "notify::session", G_CALLBACK (alerts_follow_session), self);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);

  self->signal_sources[0] = g_unix_signal_add (SIGINT, quit_signal_cb, self);
  self->signal_sources[1] = g_unix_signal_add (SIGTERM, quit_signal_cb, self);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  PdApplication *self = user_data;
  GtkWindow *main_window = get_main_window (self);
  GList *windows;

  /* Unsaved changes ask first (Save / Discard / Cancel); the window closes once answered. */
  if (main_window != NULL &&
      pd_session_view_hold_close (pd_window_get_session_view (PD_WINDOW (main_window))))
    return;

  /* Closing the windows first lets them save their state. A copy, because
   * closing one window may destroy others. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    g_object_ref (l->data);
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);

  /* Closing the window ended the session; let the demo account be forgotten first. */
  close_session (self);
  if (self->pending_cleanups > 0)
    self->quit_requested = TRUE;
  else
    g_application_quit (G_APPLICATION (self));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  PdApplication *self = user_data;
  GtkWindow *about = pd_about_window_new (get_main_window (self));

  gtk_window_present (about);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  PdApplication *self = user_data;
  PdPreferencesWindow *preferences = pd_preferences_window_new (self->settings);

  gtk_window_set_transient_for (GTK_WINDOW (preferences), get_main_window (self));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
reopened_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  PdApplication *self = PD_APPLICATION (source);
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  if (pd_application_open_account_finish (self, result, &error))
    return;
  if ((window = get_main_window (self)) != NULL)
    pd_session_view_show_error (pd_window_get_session_view (PD_WINDOW (window)),
                                _("Could not open the portal again"), error->message);
}

static void
signed_in_again_cb (PdApplication *self,
                    PdAccountInfo *account)
{
  pd_application_open_account_async (self, account, NULL, reopened_cb, NULL);
}

/* The session's credentials are gone or refused: the sign-in dialog of its kind, on its
 * portal; the account signed in anew replaces the session. */
static void
sign_in_again_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  PdApplication *self = user_data;
  PdAccountInfo *account;
  PdSignInDialog *dialog;

  if (self->session == NULL)
    return;
  account = pd_session_get_account (self->session);
  dialog = pd_sign_in_dialog_new (get_main_window (self), self->registry,
                                  pd_account_info_get_kind (account) == PD_ACCOUNT_KIND_API_KEY
                                    ? PD_SIGN_IN_MODE_API_KEY : PD_SIGN_IN_MODE_BROWSER);
  pd_sign_in_dialog_set_account (dialog, account);
  g_signal_connect_object (dialog, "signed-in", G_CALLBACK (signed_in_again_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = quit_activated },
  { .name = "about", .activate = about_activated },
  { .name = "preferences", .activate = preferences_activated },
  { .name = "sign-out", .activate = sign_out_activated },
  { .name = "sign-in-again", .activate = sign_in_again_activated },
};

/* A closed main window ends its session (and forgets a demo account) before GTK lets the
 * application go: close_session() holds it until that is done. With background
 * notifications on, a real account's session keeps running without a window instead. */
static void
pd_application_window_removed (GtkApplication *app,
                               GtkWindow      *window)
{
  PdApplication *self = PD_APPLICATION (app);

  if (PD_IS_WINDOW (window) && (self->session_is_demo || !pd_alerts_notifier_keep_running (self->alerts)))
    close_session (self);

  GTK_APPLICATION_CLASS (pd_application_parent_class)->window_removed (app, window);
}

static void
pd_application_shutdown (GApplication *app)
{
  PdApplication *self = PD_APPLICATION (app);

  if (self->session != NULL)
    pd_session_stop (self->session);
  /* SIGTERM now; PR_SET_PDEATHSIG covers a crash. */
  if (self->demo_portal != NULL)
    pd_demo_portal_stop (self->demo_portal);
  for (guint i = 0; i < G_N_ELEMENTS (self->signal_sources); i++)
    g_clear_handle_id (&self->signal_sources[i], g_source_remove);

  G_APPLICATION_CLASS (pd_application_parent_class)->shutdown (app);
}

static void
pd_application_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PdApplication *self = PD_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_REOPENING:
      g_value_set_boolean (value, self->reopening);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_application_dispose (GObject *object)
{
  PdApplication *self = PD_APPLICATION (object);

  g_clear_object (&self->alerts);
  g_clear_object (&self->session);
  g_clear_object (&self->demo_portal);
  g_clear_object (&self->registry);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pd_application_parent_class)->dispose (object);
}

static void
pd_application_class_init (PdApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);
  GtkApplicationClass *gtk_app_class = GTK_APPLICATION_CLASS (klass);

  object_class->dispose = pd_application_dispose;
  object_class->get_property = pd_application_get_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, PD_TYPE_SESSION,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* While the last account opens at start: the window shows neither welcome nor pages */
  properties[PROP_REOPENING] =
    g_param_spec_boolean ("reopening", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  app_class->activate = pd_application_activate;
  app_class->startup = pd_application_startup;
  app_class->shutdown = pd_application_shutdown;
  gtk_app_class->window_removed = pd_application_window_removed;
  app_class->handle_local_options = pd_application_handle_local_options;
}

static void
pd_application_init (PdApplication *self)
{
  static const GOptionEntry options[] = {
    { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
      N_("Show the version and exit"), NULL },
    { "demo", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
      N_("Open the demo portal: a portal with made-up clients, running on this computer"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Manage your clients’ cloud backups through your partner portal."));
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "pd-cache-resources.h"
#include "pd-session.h"
#include "pd-session-private.h"

/* Start-up is two phases. The first (what pd_session_start_async() waits for) touches only
 * the disk: open the cache, read /me and the other documents, fill every list model. The
 * second runs in the background: credentials from the keyring, outbox resumed, /me and the
 * documents read again, a sync. A portal that cannot be reached leaves the models as the
 * cache had them and the sync engine says "offline". */

G_DEFINE_FINAL_TYPE (PdSession, pd_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ACCOUNT,
  PROP_CACHE_DIR,
  PROP_ME,
  PROP_CACHE_MESSAGE,
  PROP_AUTH_ERROR,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

/* The documents kept beside the lists: name, path, and the permission needed to read it */
const PdSessionDocument pd_session_documents[PD_SESSION_N_DOCUMENTS] = {
  { "me", "/api/v1/me", NULL },
  { "partner", "/api/v1/partner", "partner.read" },
  { "notification-settings", "/api/v1/notification-settings", "notifications.read" },
};

PdSession *
pd_session_new (PdAccountInfo *account,
                const char    *cache_dir)
{
  g_return_val_if_fail (PD_IS_ACCOUNT_INFO (account), NULL);

  return g_object_new (PD_TYPE_SESSION, "account", account, "cache-dir", cache_dir, NULL);
}

char *
pd_session_build_cache_path (PdAccountInfo *account,
                             const char    *cache_dir)
{
  g_autofree char *default_dir = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (PD_IS_ACCOUNT_INFO (account), NULL);

  if (cache_dir == NULL)
    cache_dir = default_dir = g_build_filename (g_get_user_cache_dir (), "partner-desk", NULL);
  /* Account ids are short hex digests, safe in a file name; anything else is escaped. */
  name = g_strdup_printf ("account-%s.sqlite", pd_account_info_get_id (account));
  g_strcanon (name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.", '_');
  return g_build_filename (cache_dir, name, NULL);
}

void
pd_session_set_registry (PdSession         *self,
                         PdAccountRegistry *registry)
{
  g_return_if_fail (PD_IS_SESSION (self));
  g_return_if_fail (registry == NULL || PD_IS_ACCOUNT_REGISTRY (registry));

  g_set_object (&self->registry, registry);
}

void
pd_session_set_refresh_interval (PdSession *self,
                                 guint      seconds)
{
  g_return_if_fail (PD_IS_SESSION (self));

  self->interval = seconds;
  if (self->sync != NULL && self->phase != PD_SESSION_PHASE_STOPPED)
    pd_sync_engine_set_interval (self->sync, seconds);
}

PdAccountRegistry *
pd_session_ensure_registry (PdSession *self)
{
  if (self->registry == NULL)
    {
      g_autoptr(GError) error = NULL;

      self->registry = pd_account_registry_new (NULL);
      if (!pd_account_registry_load (self->registry, &error))
        g_warning ("%s", error->message);
    }
  return self->registry;
}

PdAccountInfo *
pd_session_get_account (PdSession *self)
{
  g_return_val_if_fail (PD_IS_SESSION (self), NULL);

  return self->account;
}

PdPortalClient *
pd_session_get_client (PdSession *self)
{
  g_return_val_if_fail (PD_IS_SESSION (self), NULL);

  return self->client;
}

PdSyncEngine *
pd_session_get_sync_engine (PdSession *self)
{
  g_return_val_if_fail (PD_IS_SESSION (self), NULL);

  return self->sync;
}

PdOutbox *
pd_session_get_outbox (PdSession *self)
{
  g_return_val_if_fail (PD_IS_SESSION (self), NULL);

  return self->outbox;
}

PdCache *
pd_session_get_cache (PdSession *self)
{
  g_return_val_if_fail (PD_IS_SESSION (self), NULL);

  return self->cache;
}

PdMe *
pd_session_get_me (PdSession *self)
{
  g_return_val_if_fail (PD_IS_SESSION (self), NULL);

  return self->me;
}

PdPartner *
pd_session_get_partner (PdSession *self)
{
  g_return_val_if_fail (PD_IS_SESSION (self), NULL);

  return self->partner;
}

gboolean
pd_session_has_permission (PdSession  *self,
                           const char *permission)
{
  g_return_val_if_fail (PD_IS_SESSION (self), FALSE);
  g_return_val_if_fail (permission != NULL, FALSE);

  return self->me != NULL && pd_me_has_permission (self->me, permission);
}

const char *
pd_session_get_cache_message (PdSession *self)
{
  g_return_val_if_fail (PD_IS_SESSION (self), NULL);

  return self->cache_message;
}

const char *
pd_session_get_auth_error (PdSession *self)
{
  g_return_val_if_fail (PD_IS_SESSION (self), NULL);

  return self->auth_error;
}

GListModel *
pd_session_get_organizations (PdSession *self)
{
  g_return_val_if_fail (PD_IS_SESSION (self), NULL);

  return G_LIST_MODEL (self->organizations);
}

GListModel *
pd_session_get_users (PdSession *self)
{
  g_return_val_if_fail (PD_IS_SESSION (self), NULL);

  return G_LIST_MODEL (self->users);
}

GListModel *
pd_session_get_roles (PdSession *self)
{
  g_return_val_if_fail (PD_IS_SESSION (self), NULL);

  return G_LIST_MODEL (self->roles);
}

GListModel *
pd_session_get_groups (PdSession *self)
{
  g_return_val_if_fail (PD_IS_SESSION (self), NULL);

  return G_LIST_MODEL (self->groups);
}

GListModel *
pd_session_get_notifications (PdSession *self)
{
  g_return_val_if_fail (PD_IS_SESSION (self), NULL);

  return G_LIST_MODEL (self->notifications);
}

GListModel *
pd_session_get_notification_settings (PdSession *self)
{
  g_return_val_if_fail (PD_IS_SESSION (self), NULL);

  return G_LIST_MODEL (self->notification_settings);
}

void
pd_session_set_auth_error (PdSession  *self,
                const char *message)
{
  if (g_strcmp0 (self->auth_error, message) == 0)
    return;
  g_free (self->auth_error);
  self->auth_error = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTH_ERROR]);
}

/* A document from the cache or the portal: decoded here on the main thread (they are a few
 * kilobytes) and applied in place so bound widgets follow. */
gboolean
pd_session_apply_document (PdSession   *self,
                const char  *name,
                JsonNode    *node,
                GError     **error)
{
  if (g_str_equal (name, "me"))
    {
      g_autoptr(PdResource) me = pd_resource_new_from_json (PD_TYPE_ME, node, error);

      if (me == NULL)
        return FALSE;
      if (self->me != NULL && g_strcmp0 (pd_resource_get_id (PD_RESOURCE (self->me)), pd_resource_get_id (me)) == 0)
        pd_resource_update (PD_RESOURCE (self->me), me);
      else
        {
          g_set_object (&self->me, PD_ME (me));
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ME]);
        }
    }
  else if (g_str_equal (name, "partner"))
    {
      g_autoptr(PdResource) partner = pd_resource_new_from_json (PD_TYPE_PARTNER, node, error);

      if (partner == NULL)
        return FALSE;
      if (self->partner != NULL)
        pd_resource_update (PD_RESOURCE (self->partner), partner);
      else
        self->partner = PD_PARTNER (g_steal_pointer (&partner));
    }
  else if (g_str_equal (name, "notification-settings"))
    {
      g_autoptr(PdResource) settings = pd_resource_new_from_json (PD_TYPE_NOTIFICATION_SETTINGS, node, error);
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
      GListModel *list;

      if (settings == NULL)
        return FALSE;
      list = G_LIST_MODEL (pd_notification_settings_get_settings (PD_NOTIFICATION_SETTINGS (settings)));
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        g_ptr_array_add (items, g_list_model_get_item (list, i));
      pd_resource_list_replace (self->notification_settings, items);
    }
  return TRUE;
}

/* ---- phase 1: the disk --------------------------------------------------------------- */

/* Every read is queued at once behind the opening: the database thread does them back to
 * back while the main thread is busy presenting the window, instead of waiting for it
 * between one read and the next. Their results come back in the order they were asked. */
typedef struct {
  guint   pending;
  GError *error;      /* the first that stops the start: the cache would not open, or cancelled */
} StartReads;

typedef struct {
  GTask *task;
  guint  index;       /* of the document */
} DocumentRead;

static void
start_reads_free (gpointer data)
{
  StartReads *reads = data;

  g_clear_error (&reads->error);
  g_free (reads);
}

/* Counts one read as done; after the last, the session is running or says why not */
static void
start_read_done (GTask *task)
{
  PdSession *self = g_task_get_source_object (task);
  StartReads *reads = g_task_get_task_data (task);

  if (--reads->pending > 0)
    return;
  if (reads->error != NULL)
    {
      self->phase = PD_SESSION_PHASE_STOPPED;
      g_task_return_error (task, g_steal_pointer (&reads->error));
      return;
    }
  self->phase = PD_SESSION_PHASE_RUNNING;
  g_task_return_boolean (task, TRUE);
  pd_session_go_online (self);
}

/* TRUE when a read's result is not worth looking at: the start already failed or was
 * cancelled (then @error, if any, is kept as the reason when it is the first) */
static gboolean
start_read_stopped (GTask   *task,
                    GError **error)
{
  StartReads *reads = g_task_get_task_data (task);

  if (g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && reads->error == NULL)
    reads->error = g_steal_pointer (error);
  return reads->error != NULL;
}

static void
cached_lists_loaded_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!pd_sync_engine_load_cached_finish (PD_SYNC_ENGINE (source), result, &error) &&
      !start_read_stopped (task, &error))
    /* An unreadable list is synced again from scratch; start anyway. */
    g_warning ("Cannot read the cached lists: %s", error->message);
  start_read_done (task);
}

static void
document_loaded_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  DocumentRead *read = user_data;
  g_autoptr(GTask) task = read->task;
  PdSession *self = g_task_get_source_object (task);
  const char *name = pd_session_documents[read->index].name;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = pd_cache_load_document_finish (PD_CACHE (source), result, &error);

  g_free (read);
  if (error != NULL)
    {
      if (!start_read_stopped (task, &error))
        g_warning ("Cannot read the cached “%s”: %s", name, error->message);
    }
  else if (node != NULL && !pd_session_apply_document (self, name, node, &error))
    g_warning ("The cached “%s” is not usable: %s", name, error->message);
  start_read_done (task);
}

static void
cache_opened_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PdSession *self = g_task_get_source_object (task);
  StartReads *reads = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *recovery_message = NULL;

  if (!pd_cache_open_finish (self->cache, result, &recovery_message, &error))
    {
      /* The reads queued behind it fail too; this is the reason to give */
      g_clear_error (&reads->error);
      reads->error = g_steal_pointer (&error);
    }
  else if (recovery_message != NULL)
    {
      self->cache_message = g_steal_pointer (&recovery_message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CACHE_MESSAGE]);
    }
  start_read_done (task);
}

/* Queues the opening, then every read behind it */
static void
start_reads (PdSession *self,
             GTask     *task)
{
  GCancellable *cancellable = g_task_get_cancellable (task);
  StartReads *reads = g_new0 (StartReads, 1);

  reads->pending = 1 + PD_SESSION_N_DOCUMENTS + 1;
  g_task_set_task_data (task, reads, start_reads_free);

  self->sync = pd_sync_engine_new (self->client, self->cache);
  pd_sync_engine_add_list (self->sync, &pd_resource_kind_organizations, self->organizations);
  pd_sync_engine_add_list (self->sync, &pd_resource_kind_users, self->users);
  pd_sync_engine_add_list (self->sync, &pd_resource_kind_roles, self->roles);
  pd_sync_engine_add_list (self->sync, &pd_resource_kind_groups, self->groups);
  pd_sync_engine_add_list (self->sync, &pd_resource_kind_notifications, self->notifications);
  pd_sync_engine_set_interval (self->sync, self->interval);
  self->outbox = pd_outbox_new (self->cache, self->client);

  pd_cache_open_async (self->cache, self->cancellable, cache_opened_cb, g_object_ref (task));
  for (guint i = 0; i < PD_SESSION_N_DOCUMENTS; i++)
    {
      DocumentRead *read = g_new0 (DocumentRead, 1);

      read->task = g_object_ref (task);
      read->index = i;
      pd_cache_load_document_async (self->cache, pd_session_documents[i].name, cancellable,
                                    document_loaded_cb, read);
    }
  pd_sync_engine_load_cached_async (self->sync, cancellable, cached_lists_loaded_cb, g_object_ref (task));
}

void
pd_session_start_async (PdSession           *self,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *directory = NULL;

  g_return_if_fail (PD_IS_SESSION (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pd_session_start_async);

  if (self->phase != PD_SESSION_PHASE_NEW)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "A session starts only once");
      return;
    }
  self->phase = PD_SESSION_PHASE_STARTING;

  self->client = pd_portal_client_new (pd_account_info_get_base_url (self->account),
                                       pd_account_info_get_extra_ca_file (self->account), &error);
  if (self->client == NULL)
    {
      self->phase = PD_SESSION_PHASE_STOPPED;
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* One small mkdir; the database itself is opened on the cache's thread. */
  directory = g_path_get_dirname (self->cache_path);
  if (g_mkdir_with_parents (directory, 0700) < 0)
    {
      int saved = errno;

      self->phase = PD_SESSION_PHASE_STOPPED;
      g_task_return_new_error (task, PD_CACHE_ERROR, PD_CACHE_ERROR_OPEN,
                               _("The cache folder “%s” cannot be created: %s"),
                               directory, g_strerror (saved));
      return;
    }

  self->cache = pd_cache_new (self->cache_path);
  start_reads (self, task);
}

gboolean
pd_session_start_finish (PdSession     *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (PD_IS_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pd_session_start_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- stop ---------------------------------------------------------------------------- */

void
pd_session_stop (PdSession *self)
{
  g_return_if_fail (PD_IS_SESSION (self));

  if (self->phase == PD_SESSION_PHASE_STOPPED)
    return;
  self->phase = PD_SESSION_PHASE_STOPPED;
  g_cancellable_cancel (self->cancellable);
  if (self->sync != NULL)
    pd_sync_engine_set_interval (self->sync, 0);
  if (self->outbox != NULL)
    pd_outbox_close (self->outbox);
}

/* ---- GObject ------------------------------------------------------------------------- */

static void
pd_session_constructed (GObject *object)
{
  PdSession *self = PD_SESSION (object);

  G_OBJECT_CLASS (pd_session_parent_class)->constructed (object);

  self->cache_path = pd_session_build_cache_path (self->account, self->cache_dir);
}

static void
pd_session_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  PdSession *self = PD_SESSION (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      self->account = g_value_dup_object (value);
      break;
    case PROP_CACHE_DIR:
      self->cache_dir = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  PdSession *self = PD_SESSION (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;
    case PROP_CACHE_DIR:
      g_value_set_string (value, self->cache_dir);
      break;
    case PROP_ME:
      g_value_set_object (value, self->me);
      break;
    case PROP_CACHE_MESSAGE:
      g_value_set_string (value, self->cache_message);
      break;
    case PROP_AUTH_ERROR:
      g_value_set_string (value, self->auth_error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_session_dispose (GObject *object)
{
  PdSession *self = PD_SESSION (object);

  pd_session_stop (self);
  if (self->client != NULL)
    pd_portal_client_set_auth (self->client, NULL);
  g_clear_object (&self->auth);
  g_clear_object (&self->outbox);
  g_clear_object (&self->sync);
  if (self->cache != NULL)
    pd_cache_close (self->cache);
  g_clear_object (&self->cache);
  g_clear_object (&self->client);
  g_clear_object (&self->me);
  g_clear_object (&self->partner);
  g_clear_object (&self->registry);
  g_clear_pointer (&self->accounts, g_hash_table_unref);
  g_clear_pointer (&self->account_fetches, g_hash_table_unref);
  g_clear_object (&self->organizations);
  g_clear_object (&self->users);
  g_clear_object (&self->roles);
  g_clear_object (&self->groups);
  g_clear_object (&self->notifications);
  g_clear_object (&self->notification_settings);

  G_OBJECT_CLASS (pd_session_parent_class)->dispose (object);
}

static void
pd_session_finalize (GObject *object)
{
  PdSession *self = PD_SESSION (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->account);
  g_free (self->cache_dir);
  g_free (self->cache_path);
  g_free (self->cache_message);
  g_free (self->auth_error);

  G_OBJECT_CLASS (pd_session_parent_class)->finalize (object);
}

static void
pd_session_class_init (PdSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = pd_session_constructed;
  object_class->dispose = pd_session_dispose;
  object_class->finalize = pd_session_finalize;
  object_class->set_property = pd_session_set_property;
  object_class->get_property = pd_session_get_property;

  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL, PD_TYPE_ACCOUNT_INFO,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CACHE_DIR] =
    g_param_spec_string ("cache-dir", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ME] =
    g_param_spec_object ("me", NULL, NULL, PD_TYPE_ME,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CACHE_MESSAGE] =
    g_param_spec_string ("cache-message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUTH_ERROR] =
    g_param_spec_string ("auth-error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pd_session_init (PdSession *self)
{
  self->cancellable = g_cancellable_new ();
  self->interval = 5 * 60;
  self->organizations = pd_resource_list_new (PD_TYPE_ORGANIZATION);
  self->users = pd_resource_list_new (PD_TYPE_USER);
  self->roles = pd_resource_list_new (PD_TYPE_ROLE);
  self->groups = pd_resource_list_new (PD_TYPE_GROUP);
  self->notifications = pd_resource_list_new (PD_TYPE_IN_APP_NOTIFICATION);
  self->notification_settings = pd_resource_list_new (PD_TYPE_NOTIFICATION_SETTING);
  self->accounts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->account_fetches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, pd_session_account_fetches_free);
}

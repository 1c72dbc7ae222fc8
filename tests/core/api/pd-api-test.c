/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "pd-api-test.h"

struct _PdTestAuth
{
  GObject  parent_instance;
  GStrv    tokens;
  guint    next;
  guint    rejected;
};

static void pd_test_auth_iface_init (PdPortalAuthInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PdTestAuth, pd_test_auth, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (PD_TYPE_PORTAL_AUTH, pd_test_auth_iface_init))

static void
pd_test_auth_finalize (GObject *object)
{
  PdTestAuth *self = PD_TEST_AUTH (object);

  g_strfreev (self->tokens);
  G_OBJECT_CLASS (pd_test_auth_parent_class)->finalize (object);
}

static void
pd_test_auth_class_init (PdTestAuthClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pd_test_auth_finalize;
}

static void
pd_test_auth_init (PdTestAuth *self)
{
}

static void
get_token_async (PdPortalAuth        *auth,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  PdTestAuth *self = PD_TEST_AUTH (auth);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  guint n = g_strv_length (self->tokens);

  g_task_return_pointer (task, g_strdup (self->tokens[MIN (self->next, n - 1)]), g_free);
  self->next++;
}

static char *
get_token_finish (PdPortalAuth  *auth,
                  GAsyncResult  *result,
                  GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
token_rejected (PdPortalAuth *auth,
                const char   *token)
{
  PD_TEST_AUTH (auth)->rejected++;
}

static void
pd_test_auth_iface_init (PdPortalAuthInterface *iface)
{
  iface->get_token_async = get_token_async;
  iface->get_token_finish = get_token_finish;
  iface->token_rejected = token_rejected;
}

PdTestAuth *
pd_test_auth_new (const char * const *tokens)
{
  PdTestAuth *self = g_object_new (PD_TYPE_TEST_AUTH, NULL);

  self->tokens = g_strdupv ((char **) tokens);
  return self;
}

guint
pd_test_auth_get_rejected (PdTestAuth *self)
{
  return self->rejected;
}

guint
pd_test_auth_get_handed_out (PdTestAuth *self)
{
  return self->next;
}

PdPortalClient *
pd_api_test_client_new (PdTestPortal *portal,
                        const char   *role)
{
  g_autoptr(GError) error = NULL;
  PdPortalClient *client = pd_portal_client_new (pd_test_portal_get_url (portal), NULL, &error);

  g_assert_no_error (error);
  if (role != NULL)
    {
      g_autoptr(PdTestAuth) auth = pd_test_auth_new ((const char *[]) { pd_test_portal_get_key (portal, role), NULL });

      pd_portal_client_set_auth (client, PD_PORTAL_AUTH (auth));
    }
  pd_portal_client_set_retry_limits (client, 3, 20);
  return client;
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  GTask *task = data;
  GError *error = NULL;
  PdPortalResponse *response = pd_portal_client_send_finish (PD_PORTAL_CLIENT (source), result, &error);

  if (response != NULL)
    g_task_return_pointer (task, response, (GDestroyNotify) pd_portal_response_unref);
  else
    g_task_return_error (task, error);
  g_object_unref (task);
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  *(gboolean *) data = TRUE;
}

PdPortalResponse *
pd_api_test_send (PdPortalClient   *client,
                  PdPortalRequest  *request,
                  GCancellable     *cancellable,
                  GError          **error)
{
  gboolean done = FALSE;
  g_autoptr(GTask) task = g_task_new (NULL, NULL, on_done, &done);

  /* The GTask only carries the result out of the callback; the wait completes it. */
  pd_portal_client_send_async (client, request, cancellable, on_sent, g_object_ref (task));
  pd_test_wait_until (&done, 90000);
  return g_task_propagate_pointer (task, error);
}

JsonNode *
pd_api_test_json (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  return node;
}

static GPtrArray *logs;
static GMutex logs_lock;

static GLogWriterOutput
capture_writer (GLogLevelFlags   log_level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  GString *line = g_string_new (NULL);

  for (gsize i = 0; i < n_fields; i++)
    {
      g_string_append_printf (line, "%s=", fields[i].key);
      if (fields[i].length < 0)
        g_string_append (line, fields[i].value);
      else
        g_string_append_len (line, fields[i].value, fields[i].length);
      g_string_append_c (line, ' ');
    }
  g_mutex_lock (&logs_lock);
  g_ptr_array_add (logs, g_string_free (line, FALSE));
  g_mutex_unlock (&logs_lock);
  if (log_level & G_LOG_LEVEL_DEBUG)
    return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/* Messages of code built without G_LOG_USE_STRUCTURED (GLib, libsoup) arrive here. */
static void
capture_handler (const char     *log_domain,
                 GLogLevelFlags  log_level,
                 const char     *message,
                 gpointer        user_data)
{
  g_mutex_lock (&logs_lock);
  g_ptr_array_add (logs, g_strdup_printf ("GLIB_DOMAIN=%s MESSAGE=%s", log_domain, message));
  g_mutex_unlock (&logs_lock);
  if (!(log_level & G_LOG_LEVEL_DEBUG))
    g_log_default_handler (log_domain, log_level, message, user_data);
}

void
pd_api_test_capture_logs (void)
{
  /* G_MESSAGES_DEBUG=all without the variable: the portal child would inherit it and print
   * its own debug lines on the stdout the launcher reads the port from. */
  g_log_set_debug_enabled (TRUE);
  logs = g_ptr_array_new_with_free_func (g_free);
  g_log_set_writer_func (capture_writer, NULL, NULL);
  g_log_set_default_handler (capture_handler, NULL);
}

void
pd_api_test_clear_logs (void)
{
  g_mutex_lock (&logs_lock);
  g_ptr_array_set_size (logs, 0);
  g_mutex_unlock (&logs_lock);
}

GPtrArray *
pd_api_test_get_logs (void)
{
  return logs;
}

guint
pd_api_test_count_logs (const char *substring)
{
  guint count = 0;

  g_mutex_lock (&logs_lock);
  for (guint i = 0; i < logs->len; i++)
    count += strstr (g_ptr_array_index (logs, i), substring) != NULL;
  g_mutex_unlock (&logs_lock);
  return count;
}

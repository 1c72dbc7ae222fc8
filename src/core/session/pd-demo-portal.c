/* SPDX-License-Identifier: GPL-3.0-or-later */

/* explicit_bzero() */
#define _DEFAULT_SOURCE

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib-unix.h>
#include <gio/gunixinputstream.h>
#include <json-glib/json-glib.h>
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "pd-demo-portal.h"

/* Seeding a new database under a sanitizer takes a few seconds; a portal that is not ready
 * after this long is stuck. */
#define START_TIMEOUT_SECONDS 60
/* What is kept of the child's standard error, to explain a failed start. */
#define STDERR_TAIL_MAX 2048

G_DEFINE_QUARK (pd-demo-portal-error-quark, pd_demo_portal_error)

struct _PdDemoPortal
{
  GObject             parent_instance;

  char               *database;
  char               *binary;
  GSubprocess        *process;
  GCancellable       *process_cancellable;  /* the exit watch and the standard-error drain */
  GString            *stderr_tail;
  gboolean            stderr_open;          /* the drain has not reached the end yet */
  gboolean            failing;              /* stopped before ready: fail once stderr is read */
  char               *url;
  char               *owner_key;

  /* While starting */
  GTask              *start_task;
  GDataInputStream   *stdout_stream;
  GInputStream       *keys_stream;
  GMemoryOutputStream *keys_buffer;
  guint               timeout_id;
};

G_DEFINE_FINAL_TYPE (PdDemoPortal, pd_demo_portal, G_TYPE_OBJECT)

PdDemoPortal *
pd_demo_portal_new (const char *database)
{
  PdDemoPortal *self = g_object_new (PD_TYPE_DEMO_PORTAL, NULL);

  if (database != NULL)
    self->database = g_strdup (database);
  else
    self->database = g_build_filename (g_get_user_cache_dir (), "partner-desk", "demo-portal.sqlite", NULL);
  return self;
}

const char *
pd_demo_portal_get_binary (PdDemoPortal *self)
{
  g_return_val_if_fail (PD_IS_DEMO_PORTAL (self), NULL);

  return self->binary;
}

void
pd_demo_portal_set_binary (PdDemoPortal *self,
                           const char   *binary)
{
  g_return_if_fail (PD_IS_DEMO_PORTAL (self));
  g_return_if_fail (binary != NULL);

  g_free (self->binary);
  self->binary = g_strdup (binary);
}

const char *
pd_demo_portal_get_url (PdDemoPortal *self)
{
  g_return_val_if_fail (PD_IS_DEMO_PORTAL (self), NULL);

  return self->start_task == NULL ? self->url : NULL;
}

const char *
pd_demo_portal_get_owner_key (PdDemoPortal *self)
{
  g_return_val_if_fail (PD_IS_DEMO_PORTAL (self), NULL);

  return self->start_task == NULL ? self->owner_key : NULL;
}

GPid
pd_demo_portal_get_pid (PdDemoPortal *self)
{
  const char *id;

  g_return_val_if_fail (PD_IS_DEMO_PORTAL (self), 0);

  if (self->process == NULL || (id = g_subprocess_get_identifier (self->process)) == NULL)
    return 0;
  return (GPid) g_ascii_strtoll (id, NULL, 10);
}

static void
clear_secret (char **secret)
{
  if (*secret != NULL)
    explicit_bzero (*secret, strlen (*secret));
  g_clear_pointer (secret, g_free);
}

static void
clear_start_state (PdDemoPortal *self)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_object (&self->stdout_stream);
  g_clear_object (&self->keys_stream);
  if (self->keys_buffer != NULL)
    {
      /* The buffer held the keys */
      gsize size = g_memory_output_stream_get_data_size (self->keys_buffer);
      gpointer data = g_memory_output_stream_get_data (self->keys_buffer);

      if (data != NULL)
        explicit_bzero (data, size);
      g_clear_object (&self->keys_buffer);
    }
}

/* Ends the child without waiting: the exit watch reaps it. */
static void
end_child (PdDemoPortal *self)
{
  if (self->process != NULL)
    g_subprocess_send_signal (self->process, SIGTERM);
  g_clear_object (&self->process);
  g_clear_pointer (&self->url, g_free);
  clear_secret (&self->owner_key);
}

static char *
stderr_summary (PdDemoPortal *self)
{
  g_auto(GStrv) lines = g_strsplit (self->stderr_tail->str, "\n", -1);

  /* The last non-empty line is the portal's own "partner-desk-portal: why". */
  for (guint i = g_strv_length (lines); i > 0; i--)
    {
      g_strstrip (lines[i - 1]);
      if (lines[i - 1][0] != '\0')
        return g_strdup (lines[i - 1]);
    }
  return NULL;
}

static void
start_fail (PdDemoPortal *self,
            GError       *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->start_task);

  clear_start_state (self);
  end_child (self);
  if (task != NULL)
    g_task_return_error (task, error);
  else
    g_error_free (error);
}

static void
start_fail_stopped (PdDemoPortal *self)
{
  g_autofree char *why = NULL;

  /* The exit (or the end of stdout) can be seen before the last stderr bytes are read: the
   * reason comes with the end of stderr. */
  if (self->stderr_open)
    {
      self->failing = TRUE;
      return;
    }
  why = stderr_summary (self);

  if (why != NULL)
    start_fail (self, g_error_new (PD_DEMO_PORTAL_ERROR, PD_DEMO_PORTAL_ERROR_FAILED,
                                   _("The demo portal stopped before it was ready: %s"), why));
  else
    start_fail (self, g_error_new_literal (PD_DEMO_PORTAL_ERROR, PD_DEMO_PORTAL_ERROR_FAILED,
                                           _("The demo portal stopped before it was ready.")));
}

/* The exit watch and the stderr drain outlive the start; they hold only a weak reference. */
typedef struct
{
  GWeakRef     owner;
  GSubprocess *process;
  char         buffer[512];
} Watch;

static Watch *
watch_new (PdDemoPortal *self)
{
  Watch *watch = g_new0 (Watch, 1);

  g_weak_ref_init (&watch->owner, self);
  watch->process = g_object_ref (self->process);
  return watch;
}

static void
watch_free (Watch *watch)
{
  g_weak_ref_clear (&watch->owner);
  g_object_unref (watch->process);
  g_free (watch);
}

static void
child_exited_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Watch *watch = user_data;
  g_autoptr(PdDemoPortal) self = g_weak_ref_get (&watch->owner);
  g_autoptr(GError) error = NULL;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, &error);
  if (self != NULL && self->process == watch->process)
    {
      g_debug ("the demo portal exited");
      if (self->start_task != NULL)
        start_fail_stopped (self);
      else
        end_child (self);
    }
  watch_free (watch);
}

static void
stderr_read_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Watch *watch = user_data;
  g_autoptr(PdDemoPortal) self = g_weak_ref_get (&watch->owner);
  gssize n = g_input_stream_read_finish (G_INPUT_STREAM (source), result, NULL);

  if (n <= 0 || self == NULL)
    {
      if (self != NULL && self->process == watch->process)
        {
          self->stderr_open = FALSE;
          if (self->failing && self->start_task != NULL)
            start_fail_stopped (self);
        }
      watch_free (watch);
      return;
    }
  g_string_append_len (self->stderr_tail, watch->buffer, n);
  if (self->stderr_tail->len > STDERR_TAIL_MAX)
    g_string_erase (self->stderr_tail, 0, self->stderr_tail->len - STDERR_TAIL_MAX);
  g_input_stream_read_async (G_INPUT_STREAM (source), watch->buffer, sizeof watch->buffer,
                             G_PRIORITY_DEFAULT, self->process_cancellable, stderr_read_cb, watch);
}

static void
keys_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PdDemoPortal) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;
  JsonObject *object;
  const char *key;

  if (g_output_stream_splice_finish (G_OUTPUT_STREAM (source), result, &error) < 0 ||
      self->start_task == NULL)
    {
      if (self->start_task != NULL)
        start_fail (self, g_steal_pointer (&error));
      return;
    }

  parser = json_parser_new ();
  if (json_parser_load_from_data (parser, g_memory_output_stream_get_data (self->keys_buffer),
                                  (gssize) g_memory_output_stream_get_data_size (self->keys_buffer), NULL) &&
      (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root) &&
      (object = json_node_get_object (root)) != NULL &&
      (key = json_object_get_string_member_with_default (object, "owner", NULL)) != NULL &&
      key[0] != '\0')
    {
      g_autoptr(GTask) task = g_steal_pointer (&self->start_task);

      self->owner_key = g_strdup (key);
      clear_start_state (self);
      g_debug ("the demo portal is ready at %s", self->url);
      g_task_return_boolean (task, TRUE);
      return;
    }

  start_fail (self, g_error_new_literal (PD_DEMO_PORTAL_ERROR, PD_DEMO_PORTAL_ERROR_FAILED,
                                         _("The demo portal did not hand over its demo keys.")));
}

static void
ready_line_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(PdDemoPortal) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (source), result, NULL, &error);
  static const char prefix[] = "listening on ";

  if (self->start_task == NULL)
    return;
  if (error != NULL)
    {
      start_fail (self, g_steal_pointer (&error));
      return;
    }
  if (line == NULL)
    {
      /* End of output: it is exiting; the exit watch has the reason from stderr. */
      start_fail_stopped (self);
      return;
    }
  if (!g_str_has_prefix (line, prefix) || !g_str_has_prefix (line + strlen (prefix), "http://127.0.0.1:"))
    {
      start_fail (self, g_error_new_literal (PD_DEMO_PORTAL_ERROR, PD_DEMO_PORTAL_ERROR_FAILED,
                                             _("The demo portal did not say where it listens.")));
      return;
    }
  self->url = g_strdup (line + strlen (prefix));

  /* The keys were written and their pipe closed before the line: read it to the end. */
  self->keys_buffer = G_MEMORY_OUTPUT_STREAM (g_memory_output_stream_new_resizable ());
  g_output_stream_splice_async (G_OUTPUT_STREAM (self->keys_buffer), self->keys_stream,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE,
                                G_PRIORITY_DEFAULT, g_task_get_cancellable (self->start_task),
                                keys_read_cb, g_object_ref (self));
}

static gboolean
start_timeout_cb (gpointer user_data)
{
  PdDemoPortal *self = user_data;

  self->timeout_id = 0;
  start_fail (self, g_error_new (PD_DEMO_PORTAL_ERROR, PD_DEMO_PORTAL_ERROR_TIMEOUT,
                                 g_dngettext (GETTEXT_PACKAGE,
                                              "The demo portal did not get ready within %d second.",
                                              "The demo portal did not get ready within %d seconds.",
                                              START_TIMEOUT_SECONDS),
                                 START_TIMEOUT_SECONDS));
  return G_SOURCE_REMOVE;
}

static void
child_setup (gpointer user_data)
{
  pid_t parent = GPOINTER_TO_INT (user_data);

  /* Dies with us, even when we crash; and if we already died, do not start at all. */
  prctl (PR_SET_PDEATHSIG, SIGTERM);
  if (getppid () != parent)
    _exit (1);
}

static gboolean
spawn (PdDemoPortal  *self,
       GError       **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autofree char *directory = g_path_get_dirname (self->database);
  int fds[2];
  const char *argv[] = {
    self->binary, "--database", self->database, "--listen", "127.0.0.1:0",
    "--simulate", "--demo-keys-fd", "3", NULL
  };

  if (!g_file_test (self->binary, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_set_error (error, PD_DEMO_PORTAL_ERROR, PD_DEMO_PORTAL_ERROR_NOT_FOUND,
                   _("The demo portal is not installed: “%s” was not found. Install the partner-desk-portal program of this version, or point PD_PORTAL_BIN at it."),
                   self->binary);
      return FALSE;
    }
  if (g_mkdir_with_parents (directory, 0700) < 0)
    {
      int saved = errno;

      g_set_error (error, PD_DEMO_PORTAL_ERROR, PD_DEMO_PORTAL_ERROR_FAILED,
                   _("The demo portal’s data folder “%s” cannot be created: %s"),
                   directory, g_strerror (saved));
      return FALSE;
    }
  if (!g_unix_open_pipe (fds, FD_CLOEXEC, error))
    return FALSE;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  /* The write end becomes the child's fd 3; the launcher closes our copy when freed, so the
   * read end sees the end of the keys once the child closes its own. */
  g_subprocess_launcher_take_fd (launcher, fds[1], 3);
  g_subprocess_launcher_set_child_setup (launcher, child_setup, GINT_TO_POINTER (getpid ()), NULL);
  self->process = g_subprocess_launcher_spawnv (launcher, argv, error);
  g_clear_object (&launcher);
  if (self->process == NULL)
    {
      close (fds[0]);
      return FALSE;
    }
  self->keys_stream = g_unix_input_stream_new (fds[0], TRUE);
  self->stdout_stream = g_data_input_stream_new (g_subprocess_get_stdout_pipe (self->process));
  return TRUE;
}

void
pd_demo_portal_start_async (PdDemoPortal        *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  Watch *watch;

  g_return_if_fail (PD_IS_DEMO_PORTAL (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pd_demo_portal_start_async);

  if (self->start_task != NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("The demo portal is already starting."));
      return;
    }
  if (self->process != NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  g_string_truncate (self->stderr_tail, 0);
  self->stderr_open = TRUE;
  self->failing = FALSE;
  if (!spawn (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  self->start_task = g_steal_pointer (&task);

  watch = watch_new (self);
  g_subprocess_wait_async (self->process, self->process_cancellable, child_exited_cb, watch);
  watch = watch_new (self);
  g_input_stream_read_async (g_subprocess_get_stderr_pipe (self->process), watch->buffer,
                             sizeof watch->buffer, G_PRIORITY_DEFAULT, self->process_cancellable,
                             stderr_read_cb, watch);
  g_data_input_stream_read_line_async (self->stdout_stream, G_PRIORITY_DEFAULT, cancellable,
                                       ready_line_cb, g_object_ref (self));
  self->timeout_id = g_timeout_add_seconds (START_TIMEOUT_SECONDS, start_timeout_cb, self);
}

gboolean
pd_demo_portal_start_finish (PdDemoPortal  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (PD_IS_DEMO_PORTAL (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pd_demo_portal_start_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
pd_demo_portal_stop (PdDemoPortal *self)
{
  g_return_if_fail (PD_IS_DEMO_PORTAL (self));

  if (self->start_task != NULL)
    start_fail (self, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                           _("The demo portal was stopped.")));
  else
    end_child (self);
}

static void
pd_demo_portal_dispose (GObject *object)
{
  PdDemoPortal *self = PD_DEMO_PORTAL (object);

  /* A start in progress holds a reference, so none is pending here. */
  end_child (self);
  g_cancellable_cancel (self->process_cancellable);

  G_OBJECT_CLASS (pd_demo_portal_parent_class)->dispose (object);
}

static void
pd_demo_portal_finalize (GObject *object)
{
  PdDemoPortal *self = PD_DEMO_PORTAL (object);

  g_clear_object (&self->process_cancellable);
  g_string_free (self->stderr_tail, TRUE);
  g_free (self->database);
  g_free (self->binary);

  G_OBJECT_CLASS (pd_demo_portal_parent_class)->finalize (object);
}

static void
pd_demo_portal_class_init (PdDemoPortalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pd_demo_portal_dispose;
  object_class->finalize = pd_demo_portal_finalize;
}

static void
pd_demo_portal_init (PdDemoPortal *self)
{
  const char *binary = g_getenv ("PD_PORTAL_BIN");

  self->process_cancellable = g_cancellable_new ();
  self->stderr_tail = g_string_new (NULL);
  if (binary != NULL && binary[0] != '\0')
    self->binary = g_strdup (binary);
  else
    self->binary = g_build_filename (BINDIR, "partner-desk-portal", NULL);
}

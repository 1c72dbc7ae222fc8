/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "pd-test-portal.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <sys/prctl.h>

struct _PdTestPortal
{
  GSubprocess *process;
  char        *url;
  char        *directory;
  GHashTable  *keys;
};

static void
load_keys (PdTestPortal *self,
           const char   *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *object;
  g_autoptr(GList) members = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    g_hash_table_insert (self->keys, g_strdup (l->data),
                         g_strdup (json_object_get_string_member (object, l->data)));
}

/* A test that crashes must not leave its portal behind: meson would wait for the portal's
 * open stdout until the test's timeout. */
static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

PdTestPortal *
pd_test_portal_start_with_db (const char         *database,
                              const char * const *args)
{
  const char *binary = g_getenv ("PD_PORTAL_BIN");
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  g_autofree char *keys_path = NULL;
  gboolean rate_limit_given = FALSE;
  PdTestPortal *self;

  g_assert_nonnull (binary);
  self = g_new0 (PdTestPortal, 1);
  self->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->directory = g_dir_make_tmp ("pd-test-portal-XXXXXX", &error);
  g_assert_no_error (error);
  keys_path = g_build_filename (self->directory, "keys.json", NULL);

  g_ptr_array_add (argv, g_strdup (binary));
  g_ptr_array_add (argv, g_strdup ("--write-demo-keys"));
  g_ptr_array_add (argv, g_strdup (keys_path));
  if (database != NULL)
    {
      g_ptr_array_add (argv, g_strdup ("--database"));
      g_ptr_array_add (argv, g_strdup (database));
    }
  for (guint i = 0; args != NULL && args[i] != NULL; i++)
    {
      rate_limit_given |= g_str_equal (args[i], "--rate-limit");
      g_ptr_array_add (argv, g_strdup (args[i]));
    }
  if (!rate_limit_given)
    {
      g_ptr_array_add (argv, g_strdup ("--rate-limit"));
      g_ptr_array_add (argv, g_strdup ("0"));
    }
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  self->process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (self->process));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "listening on "));
  self->url = g_strdup (line + strlen ("listening on "));
  load_keys (self, keys_path);
  return self;
}

PdTestPortal *
pd_test_portal_start (const char * const *args)
{
  return pd_test_portal_start_with_db (NULL, args);
}

const char *
pd_test_portal_get_url (PdTestPortal *self)
{
  return self->url;
}

const char *
pd_test_portal_get_key (PdTestPortal *self,
                        const char   *role)
{
  const char *key = g_hash_table_lookup (self->keys, role);

  g_assert_nonnull (key);
  return key;
}

static void
finish (PdTestPortal *self,
        int           signal_number)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *keys_path = g_build_filename (self->directory, "keys.json", NULL);

  g_subprocess_send_signal (self->process, signal_number);
  g_subprocess_wait (self->process, NULL, &error);
  g_assert_no_error (error);
  g_unlink (keys_path);
  g_rmdir (self->directory);
  g_clear_object (&self->process);
  g_hash_table_unref (self->keys);
  g_free (self->directory);
  g_free (self->url);
  g_free (self);
}

void
pd_test_portal_stop (PdTestPortal *self)
{
  finish (self, SIGTERM);
}

void
pd_test_portal_kill (PdTestPortal *self)
{
  finish (self, SIGKILL);
}

static gboolean
on_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
pd_test_wait_until (const gboolean *done,
                    guint           timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, on_timeout, &timed_out);

  while (!*done && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("timed out after %u ms", timeout_ms);
  g_source_remove (id);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "pd-session-private.h"
#include "pd-sign-in.h"

/* Signing out and removing an account. Both work on a session that never started (the
 * application forgets the leftovers of a crashed demo run that way). */

static void
signed_out_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!pd_sign_out_finish (result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
pd_session_sign_out_async (PdSession           *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PD_IS_SESSION (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pd_session_sign_out_async);

  /* Stop first: nothing may fetch with a token being revoked. The auth object survives
   * for the revocation (the token manager sends it through the client). */
  pd_session_stop (self);
  pd_sign_out_async (pd_session_ensure_registry (self), self->account, self->auth, cancellable,
                     signed_out_cb, g_steal_pointer (&task));
}

gboolean
pd_session_sign_out_finish (PdSession     *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (PD_IS_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* On a worker thread: the database and its companions, and any copy set aside as corrupt. */
static void
delete_cache_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  const char *path = task_data;
  g_autofree char *directory = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;
  int failed_errno = 0;
  g_autofree char *failed = NULL;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = NULL;

      if (!g_str_has_prefix (name, base))
        continue;
      /* "x.sqlite", "x.sqlite-wal", "x.sqlite-shm", "x.sqlite-journal", "x.sqlite.corrupt-…" */
      if (name[strlen (base)] != '\0' && name[strlen (base)] != '-' && name[strlen (base)] != '.')
        continue;
      file = g_build_filename (directory, name, NULL);
      if (g_unlink (file) < 0 && errno != ENOENT && failed == NULL)
        {
          failed_errno = errno;
          failed = g_steal_pointer (&file);
        }
    }

  if (failed != NULL)
    g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (failed_errno),
                             _("The cached data “%s” cannot be deleted: %s"),
                             failed, g_strerror (failed_errno));
  else
    g_task_return_boolean (task, TRUE);
}

static void
cache_deleted_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
removed_signed_out_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PdSession *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) delete_task = NULL;

  if (!pd_sign_out_finish (result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The database thread must be done with the file before it goes. */
  g_clear_object (&self->outbox);
  g_clear_object (&self->sync);
  if (self->cache != NULL)
    pd_cache_close (self->cache);
  g_clear_object (&self->cache);

  delete_task = g_task_new (self, g_task_get_cancellable (task), cache_deleted_cb, g_object_ref (task));
  g_task_set_source_tag (delete_task, delete_cache_thread);
  g_task_set_task_data (delete_task, g_strdup (self->cache_path), g_free);
  g_task_run_in_thread (delete_task, delete_cache_thread);
}

void
pd_session_remove_async (PdSession           *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PD_IS_SESSION (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pd_session_remove_async);

  pd_session_stop (self);
  pd_sign_out_async (pd_session_ensure_registry (self), self->account, self->auth, cancellable,
                     removed_signed_out_cb, g_steal_pointer (&task));
}

gboolean
pd_session_remove_finish (PdSession     *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (PD_IS_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

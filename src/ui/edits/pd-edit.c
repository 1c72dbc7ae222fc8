/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "pd-edit"

#include "config.h"

#include <glib/gi18n.h>

#include "pd-conflict-dialog.h"
#include "pd-edit.h"
#include "pd-portal-error.h"
#include "pd-resource-list.h"
#include "pd-sync-engine.h"
#include "pd-toast-queue.h"

struct _PdEdit
{
  GObject           parent_instance;

  PdSession        *session;
  char             *method;
  char             *path;
  JsonNode         *body;
  char             *if_match;
  char             *description;
  PdOutboxFlags     flags;
  GListModel       *target;
  char             *target_id;
  GHashTable       *labels;        /* field → label */
  PdEditFormatFunc  format;
  gpointer          format_data;
  GDestroyNotify    format_destroy;

  GTask            *task;          /* while running */
  GtkWidget        *parent;        /* weak: for the conflict dialog */
  PdOutboxEntry    *entry;         /* ours, once the outbox has it */
  gint64            resolving_id;  /* the conflict entry sent again with "Use Mine", or 0 */
  gboolean          queued;
  gboolean          now_only;      /* withdrawn rather than queued */
  gboolean          withdrawing;   /* withdraw_cb is on its way */
  PdResource       *resource;
};

G_DEFINE_FINAL_TYPE (PdEdit, pd_edit, G_TYPE_OBJECT)

enum {
  SIGNAL_QUEUED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

PdEdit *
pd_edit_new (PdSession  *session,
             const char *method,
             const char *path,
             JsonNode   *body,
             const char *if_match,
             const char *description)
{
  PdEdit *self;

  g_return_val_if_fail (PD_IS_SESSION (session), NULL);
  g_return_val_if_fail (method != NULL && path != NULL && description != NULL, NULL);

  self = g_object_new (PD_TYPE_EDIT, NULL);
  self->session = g_object_ref (session);
  self->method = g_strdup (method);
  self->path = g_strdup (path);
  self->body = body != NULL ? json_node_ref (body) : NULL;
  self->if_match = g_strdup (if_match);
  self->description = g_strdup (description);
  return self;
}

void
pd_edit_set_flags (PdEdit        *self,
                   PdOutboxFlags  flags)
{
  g_return_if_fail (PD_IS_EDIT (self));

  self->flags = flags;
}

void
pd_edit_set_now_only (PdEdit   *self,
                      gboolean  now_only)
{
  g_return_if_fail (PD_IS_EDIT (self));
  g_return_if_fail (self->task == NULL);

  self->now_only = now_only;
}

void
pd_edit_set_target (PdEdit     *self,
                    GListModel *list,
                    const char *id)
{
  g_return_if_fail (PD_IS_EDIT (self));
  g_return_if_fail (list == NULL || PD_IS_RESOURCE_LIST (list));

  g_set_object (&self->target, list);
  g_free (self->target_id);
  self->target_id = id != NULL ? g_strdup (id) : g_path_get_basename (self->path);
}

void
pd_edit_add_field_label (PdEdit     *self,
                         const char *field,
                         const char *label)
{
  g_return_if_fail (PD_IS_EDIT (self));
  g_return_if_fail (field != NULL && label != NULL);

  g_hash_table_replace (self->labels, g_strdup (field), g_strdup (label));
}

void
pd_edit_set_formatter (PdEdit           *self,
                       PdEditFormatFunc  func,
                       gpointer          user_data,
                       GDestroyNotify    destroy)
{
  g_return_if_fail (PD_IS_EDIT (self));

  if (self->format_destroy != NULL)
    self->format_destroy (self->format_data);
  self->format = func;
  self->format_data = user_data;
  self->format_destroy = destroy;
}

PdResource *
pd_edit_get_resource (PdEdit *self)
{
  g_return_val_if_fail (PD_IS_EDIT (self), NULL);

  return self->resource;
}

/* Puts a resource the portal sent (the answer, or theirs in a conflict) into the target. */
static PdResource *
apply_to_target (PdEdit   *self,
                 JsonNode *node)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  PdResource *resource;

  if (self->target == NULL || node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  resource = pd_resource_new_from_json (g_list_model_get_item_type (self->target), node, &error);
  if (resource == NULL)
    {
      /* The delta sync that follows brings it anyway. */
      g_warning ("The portal's answer to “%s” could not be read: %s", self->description, error->message);
      return NULL;
    }
  items = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (items, g_object_ref (resource));
  pd_resource_list_apply (PD_RESOURCE_LIST (self->target), items, NULL);
  return resource;
}

/* The other lists (a user's new role changes the role's user count) and the cache follow. */
static void
sync_changes (PdEdit *self)
{
  PdSyncEngine *engine = pd_session_get_sync_engine (self->session);

  if (engine != NULL)
    pd_sync_engine_sync_async (engine, FALSE, NULL, NULL, NULL);
}

static void
stop_watching (PdEdit *self)
{
  PdOutbox *outbox = pd_session_get_outbox (self->session);

  if (outbox != NULL)
    {
      g_signal_handlers_disconnect_by_data (outbox, self);
      g_signal_handlers_disconnect_by_data (pd_outbox_get_entries (outbox), self);
    }
  if (self->entry != NULL)
    g_signal_handlers_disconnect_by_data (self->entry, self);
  g_clear_object (&self->entry);
}

static void
finish_with_response (PdEdit           *self,
                      PdPortalResponse *response)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  JsonNode *root = pd_portal_response_get_root (response);

  stop_watching (self);
  /* Removing a member (DELETE /groups/G/managers/U) answers with the changed item itself;
   * removing the item answers with nothing. */
  if (g_str_equal (self->method, "DELETE") && (root == NULL || !JSON_NODE_HOLDS_OBJECT (root)))
    {
      if (self->target != NULL)
        pd_resource_list_remove (PD_RESOURCE_LIST (self->target), self->target_id);
    }
  else
    g_set_object (&self->resource, apply_to_target (self, root));
  sync_changes (self);
  g_task_return_pointer (task, pd_portal_response_ref (response), (GDestroyNotify) pd_portal_response_unref);
}

static void
finish_with_error (PdEdit *self,
                   GError *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  stop_watching (self);
  g_task_return_error (task, error);
}

/* Whether @entry is this edit's change: the outbox keeps our body node itself. A secret
 * body is not kept, and a change without a body (a DELETE, a bodiless POST) has none, so
 * such an entry is recognised by what it does. */
static gboolean
is_ours (PdEdit        *self,
         PdOutboxEntry *entry)
{
  gboolean bodiless;

  if (self->body != NULL && pd_outbox_entry_get_body (entry) == self->body)
    return TRUE;
  bodiless = self->body == NULL && pd_outbox_entry_get_body (entry) == NULL;
  return (bodiless || (pd_outbox_entry_get_secret (entry) && (self->flags & PD_OUTBOX_FLAG_SECRET))) &&
         g_str_equal (pd_outbox_entry_get_method (entry), self->method) &&
         g_str_equal (pd_outbox_entry_get_path (entry), self->path) &&
         g_strcmp0 (pd_outbox_entry_get_description (entry), self->description) == 0;
}

/* A change that only makes sense now could not be sent: out of the outbox, and said so. */
static gboolean
withdraw_cb (gpointer data)
{
  PdEdit *self = data;
  PdOutbox *outbox = pd_session_get_outbox (self->session);
  gint64 id;

  self->withdrawing = FALSE;
  if (self->task == NULL || self->entry == NULL || outbox == NULL)
    return G_SOURCE_REMOVE;
  id = pd_outbox_entry_get_id (self->entry);
  finish_with_error (self, g_error_new (PD_PORTAL_ERROR, PD_PORTAL_ERROR_OFFLINE, "%s",
                                        pd_outbox_entry_get_last_error (self->entry)));
  /* completes our submit as cancelled, which finds no task left */
  if (!pd_outbox_discard (outbox, id))
    g_debug ("“%s” could not be withdrawn; its answer will be ignored", self->description);
  return G_SOURCE_REMOVE;
}

/* The portal could not be reached: the entry waits for the next try. Said once. */
static void
entry_changed_cb (PdOutboxEntry *entry,
                  GParamSpec    *pspec,
                  PdEdit        *self)
{
  if (self->queued || pd_outbox_entry_get_last_error (entry) == NULL ||
      pd_outbox_entry_get_state (entry) != PD_OUTBOX_STATE_PENDING)
    return;
  if (self->now_only)
    {
      /* The outbox is still busy with the entry here: withdraw it once it is done. */
      if (!self->withdrawing)
        g_idle_add_full (G_PRIORITY_DEFAULT, withdraw_cb, g_object_ref (self), g_object_unref);
      self->withdrawing = TRUE;
      return;
    }
  self->queued = TRUE;
  g_debug ("“%s” waits in the outbox: %s", self->description, pd_outbox_entry_get_last_error (entry));
  g_signal_emit (self, signals[SIGNAL_QUEUED], 0);
}

static void
watch_entry (PdEdit        *self,
             PdOutboxEntry *entry)
{
  if (self->entry != NULL || !is_ours (self, entry))
    return;
  self->entry = g_object_ref (entry);
  g_signal_connect_object (entry, "notify::last-error", G_CALLBACK (entry_changed_cb), self, 0);
  g_signal_connect_object (entry, "notify::state", G_CALLBACK (entry_changed_cb), self, 0);
  entry_changed_cb (entry, NULL, self);
}

static void
entries_changed_cb (GListModel *entries,
                    guint       position,
                    guint       removed,
                    guint       added,
                    PdEdit     *self)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(PdOutboxEntry) entry = g_list_model_get_item (entries, i);

      watch_entry (self, entry);
    }
}

static PdOutboxEntry *
find_entry (PdEdit        *self,
            PdOutboxState  state)
{
  PdOutbox *outbox = pd_session_get_outbox (self->session);
  GListModel *entries = pd_outbox_get_entries (outbox);

  if (self->entry != NULL && pd_outbox_entry_get_state (self->entry) == state)
    return self->entry;
  for (guint i = g_list_model_get_n_items (entries); i > 0; i--)
    {
      g_autoptr(PdOutboxEntry) entry = g_list_model_get_item (entries, i - 1);

      if (pd_outbox_entry_get_state (entry) == state && is_ours (self, entry))
        return entry;  /* the outbox keeps its own reference */
    }
  return NULL;
}

/* "Use Mine": the outbox sends mine again on top of theirs; its answer ends the edit. */
static void
resolved_delivered_cb (PdOutbox         *outbox,
                       PdOutboxEntry    *entry,
                       PdPortalResponse *response,
                       PdEdit           *self)
{
  if (self->task != NULL && pd_outbox_entry_get_id (entry) == self->resolving_id)
    finish_with_response (self, response);
}

static void
resolved_failed_cb (PdOutbox      *outbox,
                    PdOutboxEntry *entry,
                    const GError  *error,
                    PdEdit        *self)
{
  if (self->task == NULL || pd_outbox_entry_get_id (entry) != self->resolving_id)
    return;
  if (!g_error_matches (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_PRECONDITION_FAILED))
    pd_outbox_discard (outbox, self->resolving_id);
  /* Changed again meanwhile: the next conflict is the caller's to show (its input stays). */
  finish_with_error (self, g_error_copy (error));
}

static void
conflict_resolved_cb (PdConflictDialog *dialog,
                      gboolean          keep_mine,
                      PdEdit           *self)
{
  PdOutbox *outbox = pd_session_get_outbox (self->session);
  PdOutboxEntry *entry = find_entry (self, PD_OUTBOX_STATE_CONFLICT);

  if (self->task == NULL)
    return;
  if (entry == NULL)
    {
      /* Gone meanwhile (another window settled it): nothing of ours is left to send. */
      finish_with_error (self, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "Conflict settled elsewhere"));
      return;
    }
  if (keep_mine)
    {
      self->resolving_id = pd_outbox_entry_get_id (entry);
      g_signal_connect_object (outbox, "delivered", G_CALLBACK (resolved_delivered_cb), self, 0);
      g_signal_connect_object (outbox, "failed", G_CALLBACK (resolved_failed_cb), self, 0);
      pd_outbox_resolve_conflict (outbox, self->resolving_id, PD_OUTBOX_RESOLVE_KEEP_MINE);
    }
  else
    {
      g_clear_object (&self->resource);
      self->resource = apply_to_target (self, pd_outbox_entry_get_theirs (entry));
      pd_outbox_resolve_conflict (outbox, pd_outbox_entry_get_id (entry), PD_OUTBOX_RESOLVE_DISCARD);
      finish_with_error (self, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "Kept their version"));
    }
}

static void
show_conflict (PdEdit       *self,
               const GError *error)
{
  PdOutboxEntry *entry = find_entry (self, PD_OUTBOX_STATE_CONFLICT);
  GtkWidget *dialog;
  GtkRoot *root = self->parent != NULL ? gtk_widget_get_root (self->parent) : NULL;

  if (entry == NULL)
    {
      finish_with_error (self, g_error_copy (error));
      return;
    }
  dialog = pd_conflict_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->description,
                                   self->body, pd_outbox_entry_get_theirs (entry), self->labels,
                                   self->format, self->format_data);
  g_signal_connect_object (dialog, "resolved", G_CALLBACK (conflict_resolved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
submitted_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PdEdit) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PdPortalResponse) response = pd_outbox_submit_finish (PD_OUTBOX (source), result, &error);
  PdOutboxEntry *entry;

  if (self->task == NULL)
    return;
  if (response != NULL)
    {
      finish_with_response (self, response);
      return;
    }
  if (g_error_matches (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_PRECONDITION_FAILED))
    {
      show_conflict (self, error);
      return;
    }
  /* A final refusal: the caller shows it (and keeps the input); the outbox must not keep
   * it for a retry of its own. */
  entry = find_entry (self, PD_OUTBOX_STATE_REJECTED);
  if (entry == NULL)
    entry = find_entry (self, PD_OUTBOX_STATE_FAILED);
  if (entry != NULL)
    pd_outbox_discard (PD_OUTBOX (source), pd_outbox_entry_get_id (entry));
  finish_with_error (self, g_steal_pointer (&error));
}

void
pd_edit_run_async (PdEdit              *self,
                   GtkWidget           *parent,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  PdOutbox *outbox;

  g_return_if_fail (PD_IS_EDIT (self));
  g_return_if_fail (parent == NULL || GTK_IS_WIDGET (parent));
  g_return_if_fail (self->task == NULL);

  self->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, pd_edit_run_async);
  outbox = pd_session_get_outbox (self->session);
  if (outbox == NULL)
    {
      finish_with_error (self, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                                                    _("The account is not open yet; try again in a moment.")));
      return;
    }
  g_set_weak_pointer (&self->parent, parent);
  self->queued = FALSE;
  g_signal_connect_object (pd_outbox_get_entries (outbox), "items-changed", G_CALLBACK (entries_changed_cb), self, 0);
  pd_outbox_submit_async (outbox, self->method, self->path, self->body, self->if_match, self->description,
                          self->flags, cancellable, submitted_cb, g_object_ref (self));
}

PdPortalResponse *
pd_edit_run_finish (PdEdit        *self,
                    GAsyncResult  *result,
                    GError       **error)
{
  g_return_val_if_fail (PD_IS_EDIT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static GtkWidget *
find_descendant_overlay (GtkWidget *widget)
{
  if (ADW_IS_TOAST_OVERLAY (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant_overlay (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The session view's toast overlay for @widget: above it in its window, or, from a dialog,
 * inside the window the dialog is transient for. */
static GtkWidget *
find_overlay (GtkWidget *widget)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  GtkRoot *root = gtk_widget_get_root (widget);

  while (overlay == NULL && GTK_IS_WINDOW (root) && gtk_window_get_transient_for (GTK_WINDOW (root)) != NULL)
    {
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (root));

      overlay = find_descendant_overlay (GTK_WIDGET (parent));
      root = GTK_ROOT (parent);
    }
  return overlay;
}

void
pd_edit_show_error (GtkWidget    *widget,
                    const char   *title,
                    const GError *error)
{
  GtkWidget *overlay;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (title != NULL && error != NULL);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* From a dialog, the main window's session view shows it (win.show-error is its action). */
  overlay = find_overlay (widget);
  gtk_widget_activate_action (overlay != NULL ? overlay : widget, "win.show-error", "(ss)", title, error->message);
}

gboolean
pd_edit_add_toast (GtkWidget *widget,
                   AdwToast  *toast)
{
  GtkWidget *overlay;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (ADW_IS_TOAST (toast), FALSE);

  g_object_ref_sink (toast);
  overlay = find_overlay (widget);
  if (overlay != NULL)
    pd_toast_queue_add (ADW_TOAST_OVERLAY (overlay), g_object_ref (toast));
  g_object_unref (toast);
  return overlay != NULL;
}

static void
pd_edit_dispose (GObject *object)
{
  PdEdit *self = PD_EDIT (object);

  stop_watching (self);
  g_clear_weak_pointer (&self->parent);

  G_OBJECT_CLASS (pd_edit_parent_class)->dispose (object);
}

static void
pd_edit_finalize (GObject *object)
{
  PdEdit *self = PD_EDIT (object);

  if (self->format_destroy != NULL)
    self->format_destroy (self->format_data);
  g_clear_object (&self->session);
  g_clear_object (&self->target);
  g_clear_object (&self->resource);
  g_clear_pointer (&self->body, json_node_unref);
  g_clear_pointer (&self->labels, g_hash_table_unref);
  g_free (self->method);
  g_free (self->path);
  g_free (self->if_match);
  g_free (self->description);
  g_free (self->target_id);

  G_OBJECT_CLASS (pd_edit_parent_class)->finalize (object);
}

static void
pd_edit_class_init (PdEditClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pd_edit_dispose;
  object_class->finalize = pd_edit_finalize;

  /* The portal cannot be reached: the change waits in the outbox and goes out by itself. */
  signals[SIGNAL_QUEUED] =
    g_signal_new ("queued", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pd_edit_init (PdEdit *self)
{
  self->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

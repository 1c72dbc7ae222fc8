/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "pd-account-bulk.h"
#include "pd-edit.h"
#include "pd-portal-error.h"
#include "pd-seat-picker-private.h"
#include "pd-service-info.h"

/* Apply: the deselected accounts are unprotected first (that frees their seats), then the
 * newly selected ones protected, in requests of at most PD_ACCOUNT_BULK_MAX_IDS, one after
 * the other, each a PdEdit through the outbox. What each account's request said is kept by
 * id and shown on its row; a request refused as a whole (the 409 seat limit, a missing
 * permission) marks its accounts with the reason. The list is fetched again at the end. */

typedef struct {
  PdAccountBulkAction  action;
  GPtrArray           *ids;   /* char *, at most PD_ACCOUNT_BULK_MAX_IDS, NULL-terminated */
} Batch;

typedef struct {
  GtkWidget *parent;
  GPtrArray *batches;   /* Batch */
  guint      next;
  guint      n_protected;
  guint      n_failed;
  GError    *error;      /* the first request refused as a whole */
} Apply;

static void
batch_free (gpointer data)
{
  Batch *batch = data;

  g_ptr_array_unref (batch->ids);
  g_free (batch);
}

static void
apply_free (gpointer data)
{
  Apply *apply = data;

  g_clear_object (&apply->parent);
  g_ptr_array_unref (apply->batches);
  g_clear_error (&apply->error);
  g_free (apply);
}

const char *
pd_seat_picker_get_failure (PdSeatPicker *self,
                            PdAccount    *account)
{
  return g_hash_table_lookup (self->failures, pd_resource_get_id (PD_RESOURCE (account)));
}

static void
add_to_batches (GPtrArray           *batches,
                PdAccountBulkAction  action,
                const char          *id)
{
  Batch *batch = batches->len > 0 ? g_ptr_array_index (batches, batches->len - 1) : NULL;

  if (batch == NULL || batch->action != action || batch->ids->len >= PD_ACCOUNT_BULK_MAX_IDS)
    {
      batch = g_new0 (Batch, 1);
      batch->action = action;
      batch->ids = g_ptr_array_new_null_terminated (0, g_free, TRUE);
      g_ptr_array_add (batches, batch);
    }
  g_ptr_array_add (batch->ids, g_strdup (id));
}

/* Unprotect batches first, then protect batches */
static GPtrArray *
plan (PdSeatPicker *self)
{
  GPtrArray *batches = g_ptr_array_new_with_free_func (batch_free);
  GListModel *accounts = G_LIST_MODEL (self->accounts);
  guint n = g_list_model_get_n_items (accounts);

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(PdAccount) account = g_list_model_get_item (accounts, i);
        gboolean selected = pd_seat_picker_is_selected (self, account);
        gboolean holds_seat = pd_account_get_protection (account) != PD_ACCOUNT_PROTECTION_UNPROTECTED;

        if (pass == 0 && holds_seat && !selected)
          add_to_batches (batches, PD_ACCOUNT_BULK_ACTION_UNPROTECT, pd_resource_get_id (PD_RESOURCE (account)));
        else if (pass == 1 && !holds_seat && selected)
          add_to_batches (batches, PD_ACCOUNT_BULK_ACTION_PROTECT, pd_resource_get_id (PD_RESOURCE (account)));
      }
  return batches;
}

static char *
describe (PdSeatPicker *self,
          Batch        *batch)
{
  const char *name = pd_service_application_get_name (pd_service_get_application (self->service));
  const char *client = pd_organization_get_name (self->organization);
  guint n = batch->ids->len;

  if (batch->action == PD_ACCOUNT_BULK_ACTION_PROTECT)
    /* Translators: an outbox line, “Protect 12 accounts of Acme’s Exchange” */
    return g_strdup_printf (ngettext ("Protect %u account of %s’s %s", "Protect %u accounts of %s’s %s", n),
                            n, client, name);
  /* Translators: an outbox line, “Unprotect 3 accounts of Acme’s Exchange” */
  return g_strdup_printf (ngettext ("Unprotect %u account of %s’s %s", "Unprotect %u accounts of %s’s %s", n),
                          n, client, name);
}

static void
set_applying (PdSeatPicker *self,
              gboolean      applying)
{
  self->applying = applying;
  pd_seat_picker_update (self);  /* can-apply and the buttons follow */
}

static void
fail_batch (PdSeatPicker *self,
            Batch        *batch,
            const char   *reason)
{
  for (guint i = 0; i < batch->ids->len; i++)
    g_hash_table_insert (self->failures, g_strdup (g_ptr_array_index (batch->ids, i)), g_strdup (reason));
}

static void
take_result (PdSeatPicker        *self,
             Apply               *apply,
             PdAccountBulkResult *result)
{
  guint n = pd_account_bulk_result_get_n_items (result);

  for (guint i = 0; i < n; i++)
    {
      const char *id = pd_account_bulk_result_get_id (result, i);

      if (pd_account_bulk_result_get_outcome (result, i) == PD_ACCOUNT_BULK_OUTCOME_ERROR)
        g_hash_table_insert (self->failures, g_strdup (id),
                             g_strdup (pd_account_bulk_result_get_problem_detail (result, i)));
      else if (pd_account_bulk_result_get_action (result) == PD_ACCOUNT_BULK_ACTION_PROTECT)
        apply->n_protected++;
    }
}

static void send_next (GTask *task);

static void
finish (GTask *task)
{
  PdSeatPicker *self = g_task_get_source_object (task);
  Apply *apply = g_task_get_task_data (task);
  g_autofree char *text = NULL;

  apply->n_failed = g_hash_table_size (self->failures);
  set_applying (self, FALSE);
  /* the protections changed in place; the service's seats come with PdEdit's sync */
  pd_seat_picker_refetch (self);

  if (apply->error != NULL && pd_account_bulk_error_is_seat_limit (apply->error))
    /* Translators: %s is the portal's own reason, which names the seats needed and open */
    text = g_strdup_printf (_("The portal refused: not enough open seats. %s"), apply->error->message);
  else if (apply->error != NULL)
    /* Translators: %s is the portal's reason */
    text = g_strdup_printf (_("The portal refused the change: %s"), apply->error->message);
  else if (apply->n_failed > 0)
    text = g_strdup_printf (
      /* Translators: the reasons are shown on the accounts' rows */
      ngettext ("%u account could not be changed; the reason is on its row. Deselect it or fix it in the "
                "tenant, then apply again.",
                "%u accounts could not be changed; the reasons are on their rows. Deselect them or fix them in "
                "the tenant, then apply again.", apply->n_failed), apply->n_failed);
  pd_seat_picker_show_notice (self, TRUE, text);
  self->limit_notice = FALSE;

  if (apply->error != NULL)
    g_task_return_error (task, g_steal_pointer (&apply->error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_queued (PdEdit       *edit,
           PdSeatPicker *self)
{
  pd_seat_picker_show_notice (self, FALSE, _("The portal cannot be reached. The changes wait in the outbox and "
                                             "go out by themselves when it is back."));
}

static void
on_edit_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PdSeatPicker *self = g_task_get_source_object (task);
  Apply *apply = g_task_get_task_data (task);
  Batch *batch = g_ptr_array_index (apply->batches, apply->next - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(PdPortalResponse) response = pd_edit_run_finish (PD_EDIT (source), result, &error);
  g_autoptr(PdAccountBulkResult) outcome = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      set_applying (self, FALSE);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (response != NULL)
    outcome = pd_account_bulk_result_new_from_json (batch->action, pd_portal_response_get_root (response), &error);
  if (outcome != NULL)
    take_result (self, apply, outcome);
  else
    {
      fail_batch (self, batch, pd_account_bulk_error_is_seat_limit (error)
                               ? _("Not enough open seats: raise the license tier, or select fewer accounts.")
                               : error->message);
      if (apply->error == NULL)
        apply->error = g_steal_pointer (&error);
    }
  pd_seat_picker_refresh_rows (self);
  send_next (g_steal_pointer (&task));
}

static void
send_next (GTask *task)
{
  PdSeatPicker *self = g_task_get_source_object (task);
  Apply *apply = g_task_get_task_data (task);
  g_autoptr(PdEdit) edit = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;
  g_autofree char *description = NULL;
  Batch *batch;

  if (apply->next >= apply->batches->len)
    {
      finish (task);
      g_object_unref (task);
      return;
    }
  batch = g_ptr_array_index (apply->batches, apply->next++);
  path = pd_account_bulk_build_path (pd_resource_get_id (PD_RESOURCE (self->organization)),
                                     pd_resource_get_id (PD_RESOURCE (self->service)));
  body = pd_account_bulk_build_body (batch->action, (const char * const *) batch->ids->pdata);
  description = describe (self, batch);
  edit = pd_edit_new (self->session, "POST", path, body, NULL, description);
  g_signal_connect_object (edit, "queued", G_CALLBACK (on_queued), self, 0);
  pd_edit_run_async (edit, apply->parent, g_task_get_cancellable (task), on_edit_done, task);
}

void
pd_seat_picker_apply_async (PdSeatPicker        *self,
                            GtkWidget           *parent,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Apply *apply;

  g_return_if_fail (PD_IS_SEAT_PICKER (self));
  g_return_if_fail (parent == NULL || GTK_IS_WIDGET (parent));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pd_seat_picker_apply_async);
  if (self->applying)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING, _("The seats are being applied already."));
      return;
    }
  if (!pd_seat_picker_get_can_apply (self))
    {
      /* the counter's notice already says what to do */
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               self->loading || self->fetch_error != NULL
                               ? _("The accounts are not loaded yet.")
                               : _("More accounts are selected than the license has seats. Raise the license "
                                   "tier, or select fewer accounts."));
      return;
    }

  apply = g_new0 (Apply, 1);
  apply->parent = parent != NULL ? g_object_ref (parent) : g_object_ref (GTK_WIDGET (self));
  apply->batches = plan (self);
  g_task_set_task_data (task, apply, apply_free);
  g_hash_table_remove_all (self->failures);
  pd_seat_picker_show_notice (self, FALSE, NULL);
  self->limit_notice = FALSE;
  set_applying (self, TRUE);
  pd_seat_picker_refresh_rows (self);
  send_next (g_steal_pointer (&task));
}

gboolean
pd_seat_picker_apply_finish (PdSeatPicker  *self,
                             GAsyncResult  *result,
                             guint         *n_protected,
                             guint         *n_failed,
                             GError       **error)
{
  Apply *apply;

  g_return_val_if_fail (PD_IS_SEAT_PICKER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pd_seat_picker_apply_async, FALSE);

  apply = g_task_get_task_data (G_TASK (result));
  if (n_protected != NULL)
    *n_protected = apply != NULL ? apply->n_protected : 0;
  if (n_failed != NULL)
    *n_failed = apply != NULL ? apply->n_failed : 0;
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-account-bulk.h"
#include "pd-portal-client.h"
#include "pd-portal-error.h"

#define SEAT_LIMIT_PROBLEM "https://partnerdesk.example/problems/seat-limit"

typedef struct {
  char                 *id;
  PdAccountBulkOutcome  outcome;
  char                 *code;
  char                 *detail;
} Item;

struct _PdAccountBulkResult
{
  GObject              parent_instance;

  PdAccountBulkAction  action;
  GArray              *items;  /* Item */
  gint64               seats_total;
  gint64               seats_managed;
  gint64               seats_open;
  gint64               seats_unprotected;
};

G_DEFINE_FINAL_TYPE (PdAccountBulkResult, pd_account_bulk_result, G_TYPE_OBJECT)

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_free (item->id);
  g_free (item->code);
  g_free (item->detail);
}

static void
pd_account_bulk_result_finalize (GObject *object)
{
  PdAccountBulkResult *self = PD_ACCOUNT_BULK_RESULT (object);

  g_array_unref (self->items);
  G_OBJECT_CLASS (pd_account_bulk_result_parent_class)->finalize (object);
}

static void
pd_account_bulk_result_class_init (PdAccountBulkResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pd_account_bulk_result_finalize;
}

static void
pd_account_bulk_result_init (PdAccountBulkResult *self)
{
  self->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (self->items, item_clear);
}

const char *
pd_account_bulk_action_to_string (PdAccountBulkAction action)
{
  switch (action)
    {
    case PD_ACCOUNT_BULK_ACTION_PROTECT:
      return "protect";
    case PD_ACCOUNT_BULK_ACTION_PAUSE:
      return "pause";
    case PD_ACCOUNT_BULK_ACTION_UNPROTECT:
      return "unprotect";
    default:
      g_return_val_if_reached ("protect");
    }
}

char *
pd_account_bulk_build_path (const char *organization_id,
                            const char *service_id)
{
  g_autofree char *org = NULL;
  g_autofree char *svc = NULL;

  g_return_val_if_fail (organization_id != NULL && service_id != NULL, NULL);

  org = g_uri_escape_string (organization_id, NULL, FALSE);
  svc = g_uri_escape_string (service_id, NULL, FALSE);
  return g_strdup_printf ("/api/v1/organizations/%s/services/%s/accounts/bulk", org, svc);
}

JsonNode *
pd_account_bulk_build_body (PdAccountBulkAction  action,
                            const char * const  *account_ids)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (account_ids != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "action");
  json_builder_add_string_value (builder, pd_account_bulk_action_to_string (action));
  json_builder_set_member_name (builder, "account_ids");
  json_builder_begin_array (builder);
  for (guint i = 0; account_ids[i] != NULL; i++)
    json_builder_add_string_value (builder, account_ids[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

gboolean
pd_account_bulk_error_is_seat_limit (const GError *error)
{
  return error != NULL && g_error_matches (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_CONFLICT) &&
         g_strcmp0 (pd_portal_error_get_problem_type (error), SEAT_LIMIT_PROBLEM) == 0;
}

/* Our own words for the codes the contract lists, so they are translated; the portal's
 * English detail for codes a newer portal may add. */
static char *
describe_problem (const char *code,
                  const char *detail)
{
  if (g_strcmp0 (code, "not_found") == 0)
    return g_strdup (_("Not an account of this service any more"));
  if (g_strcmp0 (code, "account_deleted") == 0)
    return g_strdup (_("Deleted in the client’s tenant: deleted accounts cannot be protected"));
  if (g_strcmp0 (code, "not_protected") == 0)
    return g_strdup (_("Not protected: only protected accounts can be paused"));
  return g_strdup (detail != NULL && *detail != '\0' ? detail : _("The portal refused this account"));
}

static gboolean
bad_member (GError     **error,
            const char  *member)
{
  g_set_error (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_BAD_RESPONSE,
               /* Translators: %s is a JSON member such as “results[2].status” */
               _("The portal’s answer to a bulk action is not usable: “%s” is missing or wrong"), member);
  return FALSE;
}

static gboolean
read_seats (PdAccountBulkResult  *self,
            JsonObject           *seats,
            GError              **error)
{
  static const char *const names[] = { "total", "managed", "open", "unprotected" };
  gint64 *fields[] = { &self->seats_total, &self->seats_managed, &self->seats_open, &self->seats_unprotected };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      JsonNode *node = json_object_get_member (seats, names[i]);
      g_autofree char *member = g_strconcat ("seats.", names[i], NULL);

      if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
        return bad_member (error, member);
      *fields[i] = json_node_get_int (node);
    }
  return TRUE;
}

static gboolean
read_item (JsonNode  *node,
           guint      index,
           Item      *item,
           GError   **error)
{
  JsonObject *object;
  const char *status;
  JsonNode *problem;
  g_autofree char *member = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return bad_member (error, (member = g_strdup_printf ("results[%u]", index)));
  object = json_node_get_object (node);
  if (!json_object_has_member (object, "id") || json_object_get_string_member_with_default (object, "id", NULL) == NULL)
    return bad_member (error, (member = g_strdup_printf ("results[%u].id", index)));
  item->id = g_strdup (json_object_get_string_member (object, "id"));
  status = json_object_get_string_member_with_default (object, "status", "");
  if (g_str_equal (status, "ok"))
    item->outcome = PD_ACCOUNT_BULK_OUTCOME_OK;
  else if (g_str_equal (status, "unchanged"))
    item->outcome = PD_ACCOUNT_BULK_OUTCOME_UNCHANGED;
  else
    {
      /* An unknown status from a newer portal is not a success we could claim. */
      item->outcome = PD_ACCOUNT_BULK_OUTCOME_ERROR;
      problem = json_object_get_member (object, "problem");
      if (problem != NULL && JSON_NODE_HOLDS_OBJECT (problem))
        {
          JsonObject *p = json_node_get_object (problem);

          item->code = g_strdup (json_object_get_string_member_with_default (p, "code", "unknown"));
          item->detail = describe_problem (item->code, json_object_get_string_member_with_default (p, "detail", NULL));
        }
      else
        {
          item->code = g_strdup ("unknown");
          item->detail = describe_problem (NULL, NULL);
        }
    }
  return TRUE;
}

PdAccountBulkResult *
pd_account_bulk_result_new_from_json (PdAccountBulkAction   action,
                                      JsonNode             *root,
                                      GError              **error)
{
  g_autoptr(PdAccountBulkResult) self = NULL;
  JsonObject *object;
  JsonNode *results, *seats;
  JsonArray *array;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      bad_member (error, "results");
      return NULL;
    }
  object = json_node_get_object (root);
  results = json_object_get_member (object, "results");
  seats = json_object_get_member (object, "seats");
  if (results == NULL || !JSON_NODE_HOLDS_ARRAY (results))
    {
      bad_member (error, "results");
      return NULL;
    }
  if (seats == NULL || !JSON_NODE_HOLDS_OBJECT (seats))
    {
      bad_member (error, "seats");
      return NULL;
    }

  self = g_object_new (PD_TYPE_ACCOUNT_BULK_RESULT, NULL);
  self->action = action;
  array = json_node_get_array (results);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      Item item = { 0 };

      if (!read_item (json_array_get_element (array, i), i, &item, error))
        {
          item_clear (&item);
          return NULL;
        }
      g_array_append_val (self->items, item);
    }
  if (!read_seats (self, json_node_get_object (seats), error))
    return NULL;
  return g_steal_pointer (&self);
}

PdAccountBulkAction
pd_account_bulk_result_get_action (PdAccountBulkResult *self)
{
  g_return_val_if_fail (PD_IS_ACCOUNT_BULK_RESULT (self), 0);
  return self->action;
}

guint
pd_account_bulk_result_get_n_items (PdAccountBulkResult *self)
{
  g_return_val_if_fail (PD_IS_ACCOUNT_BULK_RESULT (self), 0);
  return self->items->len;
}

static Item *
get_item (PdAccountBulkResult *self,
          guint                index)
{
  g_return_val_if_fail (PD_IS_ACCOUNT_BULK_RESULT (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);
  return &g_array_index (self->items, Item, index);
}

const char *
pd_account_bulk_result_get_id (PdAccountBulkResult *self,
                               guint                index)
{
  Item *item = get_item (self, index);
  return item ? item->id : NULL;
}

PdAccountBulkOutcome
pd_account_bulk_result_get_outcome (PdAccountBulkResult *self,
                                    guint                index)
{
  Item *item = get_item (self, index);
  return item ? item->outcome : PD_ACCOUNT_BULK_OUTCOME_ERROR;
}

const char *
pd_account_bulk_result_get_problem_code (PdAccountBulkResult *self,
                                         guint                index)
{
  Item *item = get_item (self, index);
  return item ? item->code : NULL;
}

const char *
pd_account_bulk_result_get_problem_detail (PdAccountBulkResult *self,
                                           guint                index)
{
  Item *item = get_item (self, index);
  return item ? item->detail : NULL;
}

int
pd_account_bulk_result_find (PdAccountBulkResult *self,
                             const char          *id)
{
  g_return_val_if_fail (PD_IS_ACCOUNT_BULK_RESULT (self), -1);

  for (guint i = 0; i < self->items->len; i++)
    if (g_strcmp0 (g_array_index (self->items, Item, i).id, id) == 0)
      return (int) i;
  return -1;
}

guint
pd_account_bulk_result_count (PdAccountBulkResult  *self,
                              PdAccountBulkOutcome  outcome)
{
  guint n = 0;

  g_return_val_if_fail (PD_IS_ACCOUNT_BULK_RESULT (self), 0);
  for (guint i = 0; i < self->items->len; i++)
    n += g_array_index (self->items, Item, i).outcome == outcome;
  return n;
}

gint64
pd_account_bulk_result_get_seats_total (PdAccountBulkResult *self)
{
  g_return_val_if_fail (PD_IS_ACCOUNT_BULK_RESULT (self), 0);
  return self->seats_total;
}

gint64
pd_account_bulk_result_get_seats_managed (PdAccountBulkResult *self)
{
  g_return_val_if_fail (PD_IS_ACCOUNT_BULK_RESULT (self), 0);
  return self->seats_managed;
}

gint64
pd_account_bulk_result_get_seats_open (PdAccountBulkResult *self)
{
  g_return_val_if_fail (PD_IS_ACCOUNT_BULK_RESULT (self), 0);
  return self->seats_open;
}

gint64
pd_account_bulk_result_get_seats_unprotected (PdAccountBulkResult *self)
{
  g_return_val_if_fail (PD_IS_ACCOUNT_BULK_RESULT (self), 0);
  return self->seats_unprotected;
}

/* ---- sending ----------------------------------------------------------------------- */

typedef struct {
  PdOutbox            *outbox;
  JsonNode            *body;
  PdAccountBulkAction  action;
} Send;

static void
send_free (gpointer data)
{
  Send *send = data;

  g_clear_object (&send->outbox);
  g_clear_pointer (&send->body, json_node_unref);
  g_free (send);
}

/* The outbox keeps a final refusal as a failed entry for the UI to show; ours is shown by
 * the page that sent it, so it is dropped. The entry holds our very body node. */
static void
discard_refused (PdOutbox *outbox,
                 JsonNode *body)
{
  GListModel *entries = pd_outbox_get_entries (outbox);

  for (guint i = g_list_model_get_n_items (entries); i > 0; i--)
    {
      g_autoptr(PdOutboxEntry) entry = g_list_model_get_item (entries, i - 1);
      PdOutboxState state = pd_outbox_entry_get_state (entry);

      if (pd_outbox_entry_get_body (entry) == body &&
          (state == PD_OUTBOX_STATE_FAILED || state == PD_OUTBOX_STATE_REJECTED))
        {
          pd_outbox_discard (outbox, pd_outbox_entry_get_id (entry));
          return;
        }
    }
}

static void
on_submitted (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Send *send = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(PdPortalResponse) response = pd_outbox_submit_finish (PD_OUTBOX (source), result, &error);
  PdAccountBulkResult *bulk;

  if (response == NULL)
    {
      if (error->domain == PD_PORTAL_ERROR)
        discard_refused (send->outbox, send->body);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  bulk = pd_account_bulk_result_new_from_json (send->action, pd_portal_response_get_root (response), &error);
  if (bulk == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, bulk, g_object_unref);
}

void
pd_account_bulk_async (PdOutbox            *outbox,
                       const char          *organization_id,
                       const char          *service_id,
                       PdAccountBulkAction  action,
                       const char * const  *account_ids,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;
  g_autofree char *description = NULL;
  guint n;
  Send *send;

  g_return_if_fail (PD_IS_OUTBOX (outbox));
  g_return_if_fail (organization_id != NULL && service_id != NULL);
  g_return_if_fail (account_ids != NULL);
  g_return_if_fail (action <= PD_ACCOUNT_BULK_ACTION_UNPROTECT);

  task = g_task_new (outbox, cancellable, callback, user_data);
  g_task_set_source_tag (task, pd_account_bulk_async);

  n = g_strv_length ((char **) account_ids);
  if (n == 0 || n > PD_ACCOUNT_BULK_MAX_IDS)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               /* Translators: %u is the most accounts one request may change (500) */
                               _("Select between 1 and %u accounts of one service"), PD_ACCOUNT_BULK_MAX_IDS);
      return;
    }

  send = g_new0 (Send, 1);
  send->outbox = g_object_ref (outbox);
  send->action = action;
  send->body = pd_account_bulk_build_body (action, account_ids);
  g_task_set_task_data (task, send, send_free);

  path = pd_account_bulk_build_path (organization_id, service_id);
  switch (action)
    {
    case PD_ACCOUNT_BULK_ACTION_PROTECT:
      /* Translators: an outbox line; %u is a number of accounts */
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Protect %u account", "Protect %u accounts", n), n);
      break;
    case PD_ACCOUNT_BULK_ACTION_PAUSE:
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Pause %u account", "Pause %u accounts", n), n);
      break;
    case PD_ACCOUNT_BULK_ACTION_UNPROTECT:
    default:
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Unprotect %u account", "Unprotect %u accounts", n), n);
      break;
    }
  pd_outbox_submit_async (outbox, "POST", path, send->body, NULL, description, PD_OUTBOX_FLAG_NONE,
                          cancellable, on_submitted, g_steal_pointer (&task));
}

PdAccountBulkResult *
pd_account_bulk_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pd_account_bulk_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

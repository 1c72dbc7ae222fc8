/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "pd-outbox.h"

G_BEGIN_DECLS

/* Protect, pause or unprotect accounts of one service in one request of the portal's bulk
 * endpoint (POST …/services/{service_id}/accounts/bulk), through the outbox, and its answer
 * as one outcome per account plus the service's seat figures afterwards. */

/* The portal takes at most this many IDs per request. */
#define PD_ACCOUNT_BULK_MAX_IDS 500

typedef enum {
  PD_ACCOUNT_BULK_ACTION_PROTECT,
  PD_ACCOUNT_BULK_ACTION_PAUSE,
  PD_ACCOUNT_BULK_ACTION_UNPROTECT,
} PdAccountBulkAction;

typedef enum {
  PD_ACCOUNT_BULK_OUTCOME_OK,         /* changed */
  PD_ACCOUNT_BULK_OUTCOME_UNCHANGED,  /* already so, or a repeated ID */
  PD_ACCOUNT_BULK_OUTCOME_ERROR,      /* see the problem code and detail */
} PdAccountBulkOutcome;

/* The contract's value: "protect", "pause", "unprotect" */
const char *pd_account_bulk_action_to_string (PdAccountBulkAction  action);
/* "/api/v1/organizations/{organization_id}/services/{service_id}/accounts/bulk" */
char       *pd_account_bulk_build_path       (const char          *organization_id,
                                              const char          *service_id);
/* {"action": …, "account_ids": […]} */
JsonNode   *pd_account_bulk_build_body       (PdAccountBulkAction  action,
                                              const char * const  *account_ids);
/* Whether @error is the portal's refusal to protect more accounts than there are open
 * seats (409 seat-limit): nothing was changed. */
gboolean    pd_account_bulk_error_is_seat_limit (const GError     *error);

#define PD_TYPE_ACCOUNT_BULK_RESULT (pd_account_bulk_result_get_type ())
G_DECLARE_FINAL_TYPE (PdAccountBulkResult, pd_account_bulk_result, PD, ACCOUNT_BULK_RESULT, GObject)

/* Decodes an AccountBulkResult; an error names the member that does not fit. */
PdAccountBulkResult  *pd_account_bulk_result_new_from_json      (PdAccountBulkAction   action,
                                                                 JsonNode             *root,
                                                                 GError              **error);
PdAccountBulkAction   pd_account_bulk_result_get_action         (PdAccountBulkResult  *self);
guint                 pd_account_bulk_result_get_n_items        (PdAccountBulkResult  *self);
/* The account ID as sent */
const char           *pd_account_bulk_result_get_id             (PdAccountBulkResult  *self,
                                                                 guint                 index);
PdAccountBulkOutcome  pd_account_bulk_result_get_outcome        (PdAccountBulkResult  *self,
                                                                 guint                 index);
/* ERROR only, else NULL: "not_found", "account_deleted", "not_protected", … */
const char           *pd_account_bulk_result_get_problem_code   (PdAccountBulkResult  *self,
                                                                 guint                 index);
/* ERROR only, else NULL: a translated sentence for the known codes, else the portal's */
const char           *pd_account_bulk_result_get_problem_detail (PdAccountBulkResult  *self,
                                                                 guint                 index);
/* -1 when @id is not among the results */
int                   pd_account_bulk_result_find               (PdAccountBulkResult  *self,
                                                                 const char           *id);
guint                 pd_account_bulk_result_count              (PdAccountBulkResult  *self,
                                                                 PdAccountBulkOutcome  outcome);
/* The service's seat figures after the request */
gint64                pd_account_bulk_result_get_seats_total       (PdAccountBulkResult *self);
gint64                pd_account_bulk_result_get_seats_managed     (PdAccountBulkResult *self);
gint64                pd_account_bulk_result_get_seats_open        (PdAccountBulkResult *self);
gint64                pd_account_bulk_result_get_seats_unprotected (PdAccountBulkResult *self);

/* Submits @action on @account_ids (1 to PD_ACCOUNT_BULK_MAX_IDS) of one service through
 * @outbox and completes with the decoded result, or the final PdPortalError (while the
 * portal cannot be reached it waits, like every outbox submit). A final refusal is
 * discarded from the outbox once reported: a selection is not input the user would lose,
 * and the page that sent it explains the refusal in place. */
void                  pd_account_bulk_async  (PdOutbox             *outbox,
                                              const char           *organization_id,
                                              const char           *service_id,
                                              PdAccountBulkAction   action,
                                              const char * const   *account_ids,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
PdAccountBulkResult  *pd_account_bulk_finish (GAsyncResult         *result,
                                              GError              **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "pd-session.h"

G_BEGIN_DECLS

/* What the new-client wizard keeps while it is not finished, so closing it midway loses
 * nothing: the fields as typed, the step, and what the portal already has (the new
 * organization's id, its services' ids). Kept as the session document "drafts/new-client"
 * (no secrets in it); a finished or abandoned draft is replaced by null. */
typedef struct {
  char       *step;             /* "client", "details", "services", "create" or "done" */
  char       *name;
  char       *email;
  char       *domain;
  char       *country;          /* ISO 3166-1 alpha-2, or NULL for the partner's default */
  char       *region;           /* a region nick, or NULL for the usual one of the country */
  char       *plan_name;
  char       *plan_type;        /* "personal", "backup" or "archiver" */
  char       *price;            /* as typed */
  char       *currency;
  char       *relationship;     /* "msp" or "reseller" */
  GStrv       applications;     /* application nicks to protect, in the order shown */
  gboolean    submitted;        /* the organization was handed to the outbox */
  char       *organization_id;  /* once the portal created it */
  GHashTable *service_ids;      /* application nick → service id, once created */
} PdNewClientDraft;

#define PD_NEW_CLIENT_DRAFT_NAME "drafts/new-client"

PdNewClientDraft *pd_new_client_draft_new       (void);
void              pd_new_client_draft_free      (PdNewClientDraft *self);
/* NULL when @node is not a draft (null: none) */
PdNewClientDraft *pd_new_client_draft_from_json (JsonNode         *node);
JsonNode         *pd_new_client_draft_to_json   (PdNewClientDraft *self);

/* Reads the session's draft: completes with it, or NULL when there is none */
void              pd_new_client_draft_load_async  (PdSession           *session,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
PdNewClientDraft *pd_new_client_draft_load_finish (GAsyncResult        *result,
                                                   GError             **error);
/* Keeps @self (NULL: no draft any more) as the session's draft */
void              pd_new_client_draft_save        (PdSession           *session,
                                                   PdNewClientDraft    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdNewClientDraft, pd_new_client_draft_free)

G_END_DECLS

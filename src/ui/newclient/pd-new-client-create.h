/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pd-model-enums.h"
#include "pd-session.h"

G_BEGIN_DECLS

/* Creates a new client on the portal: the organization, then each of its services, one
 * after the other through PdEdit (so through the outbox, with an Idempotency-Key). What is
 * done stays done: run again after a failure, it goes on with what is left and never
 * creates the organization or a service twice. */
#define PD_TYPE_NEW_CLIENT_CREATE (pd_new_client_create_get_type ())
G_DECLARE_FINAL_TYPE (PdNewClientCreate, pd_new_client_create, PD, NEW_CLIENT_CREATE, GObject)

typedef enum {
  PD_NEW_CLIENT_ITEM_WAITING,
  PD_NEW_CLIENT_ITEM_WORKING,
  PD_NEW_CLIENT_ITEM_QUEUED,   /* the portal cannot be reached: it goes out when it can */
  PD_NEW_CLIENT_ITEM_DONE,
  PD_NEW_CLIENT_ITEM_FAILED,
} PdNewClientItemState;

/* @parent: a widget of the wizard (conflict dialogs) */
PdNewClientCreate    *pd_new_client_create_new              (PdSession            *session,
                                                             GtkWidget            *parent);
/* Item 0: the organization (@body: OrganizationCreate), already created when @id is set */
void                  pd_new_client_create_set_organization (PdNewClientCreate    *self,
                                                             JsonNode             *body,
                                                             const char           *name,
                                                             const char           *id);
/* Items 1…: the services, already created when @id is set */
void                  pd_new_client_create_add_service      (PdNewClientCreate    *self,
                                                             PdServiceApplication  application,
                                                             const char           *id);
/* Starts, or goes on with what is not done; emits "changed" (item) as items move on and
 * "finished" when nothing is left to try. */
void                  pd_new_client_create_run              (PdNewClientCreate    *self);
/* Stops after the item under way (the wizard closed); its answer is still taken. */
void                  pd_new_client_create_stop             (PdNewClientCreate    *self);
gboolean              pd_new_client_create_is_running       (PdNewClientCreate    *self);

guint                 pd_new_client_create_get_n_items      (PdNewClientCreate    *self);
PdNewClientItemState  pd_new_client_create_get_state        (PdNewClientCreate    *self,
                                                             guint                 item);
/* The portal's id once created, else NULL */
const char           *pd_new_client_create_get_id           (PdNewClientCreate    *self,
                                                             guint                 item);
/* Why a failed item failed */
const GError         *pd_new_client_create_get_error        (PdNewClientCreate    *self,
                                                             guint                 item);
/* PD_SERVICE_APPLICATION_UNKNOWN for item 0 */
PdServiceApplication  pd_new_client_create_get_application  (PdNewClientCreate    *self,
                                                             guint                 item);
/* What the item does, translated: "Create the client “Harbor Dental”", "Add Exchange" */
const char           *pd_new_client_create_get_title        (PdNewClientCreate    *self,
                                                             guint                 item);
guint                 pd_new_client_create_count_failed     (PdNewClientCreate    *self);

G_END_DECLS

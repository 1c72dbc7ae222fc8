/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the files of the authorization wizard only: pd-authorize-wizard.c (the window,
 * agreement and permissions), pd-authorize-consent.c (waiting for the tenant's consent) and
 * pd-authorize-seats-step.c (seats and summary). */

#include "pd-authorize-scopes.h"
#include "pd-authorize-watch.h"
#include "pd-authorize-wizard.h"
#include "pd-seat-picker.h"

G_BEGIN_DECLS

typedef enum {
  WAITING,
  DENIED,
  EXPIRED,
} WaitState;

struct _PdAuthorizeWizard
{
  AdwWindow          parent_instance;

  PdSession         *session;
  char              *organization_id;
  char              *service_id;
  char              *organization_name;
  char              *service_name;
  PdAuthorization   *authorization;   /* as last read from the portal */
  PdAuthorizeWatch  *watch;
  PdSeatPicker      *picker;          /* once the seats step was reached */
  guint              n_seated;        /* after applying the seats */
  guint              n_failed;
  gboolean           seats_applied;
  GCancellable      *cancellable;     /* this window's requests */
  JsonNode          *draft;
  PdOpenUriFunc      uri_opener;
  gpointer           uri_opener_data;
  guint              expiry_id;
  WaitState          wait_state;
  gboolean           busy;
  gboolean           can_retry;

  AdwWindowTitle    *window_title;
  GtkButton         *back_button;
  GtkButton         *next_button;
  GtkSpinner        *busy_spinner;
  GtkRevealer       *message_revealer;
  GtkLabel          *message_label;
  GtkStack          *stack;
  AdwActionRow      *document_row;
  GtkCheckButton    *accept_check;
  PdAuthorizeScopes *scopes;
  AdwStatusPage     *waiting_page;
  GtkSpinner        *waiting_spinner;
  GtkLabel          *waiting_note;
  GtkButton         *new_link_button;
  GtkWidget         *link_box;
  GtkBox            *seats_box;
  GtkWidget         *cancel_button;
  AdwStatusPage     *summary_page;
  AdwStatusPage     *error_page;
  GtkWidget         *retry_button;
};

typedef void (*StepDone) (PdAuthorizeWizard *self,
                          PdAuthorization   *authorization,
                          const GError      *error);

void pd_authorize_wizard_show_page         (PdAuthorizeWizard  *self,
                                          const char         *name);
/* @text: a step's problem above the page, NULL to hide it */
void pd_authorize_wizard_show_message      (PdAuthorizeWizard  *self,
                                          const char         *text);
void pd_authorize_wizard_set_busy          (PdAuthorizeWizard  *self,
                                          gboolean            busy);
void pd_authorize_wizard_update_actions    (PdAuthorizeWizard  *self);
/* @seats: the selection to keep, or NULL to keep the draft's */
void pd_authorize_wizard_save_draft        (PdAuthorizeWizard  *self,
                                          const char * const *seats);
void pd_authorize_wizard_set_authorization (PdAuthorizeWizard  *self,
                                          PdAuthorization    *authorization);
/* Goes to the step the portal's state calls for */
void pd_authorize_wizard_resume            (PdAuthorizeWizard  *self);
/* POSTs …/authorization/@step_name through PdEdit; @done gets the new authorization */
void pd_authorize_wizard_run_step          (PdAuthorizeWizard  *self,
                                          const char         *step_name,
                                          JsonNode           *body,
                                          const char         *description,
                                          StepDone            done);
void pd_authorize_wizard_open_uri          (PdAuthorizeWizard  *self,
                                          const char         *uri);
void pd_authorize_wizard_show_scopes       (PdAuthorizeWizard  *self);

/* pd-authorize-consent.c */
void pd_authorize_wizard_request_consent   (PdAuthorizeWizard  *self);
void pd_authorize_wizard_show_waiting      (PdAuthorizeWizard  *self);
void pd_authorize_wizard_watch_changed_cb  (PdAuthorizeWizard  *self,
                                          PdAuthorization    *authorization);
void pd_authorize_wizard_watch_failed_cb   (PdAuthorizeWizard  *self,
                                          const GError       *error);
void pd_authorize_wizard_watch_recovered_cb (PdAuthorizeWizard *self);

/* pd-authorize-seats-step.c */
/* Asks the sync engine for the changes the portal's pages made */
void pd_authorize_wizard_sync_lists        (PdAuthorizeWizard  *self);
void pd_authorize_wizard_show_seats        (PdAuthorizeWizard  *self);
void pd_authorize_wizard_apply_seats       (PdAuthorizeWizard  *self);

G_END_DECLS

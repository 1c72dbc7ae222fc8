/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-field-errors.h"
#include "pd-new-client-create.h"
#include "pd-new-client-wizard.h"

G_BEGIN_DECLS

/* What pd-new-client-wizard.c (the steps that take input) and pd-new-client-wizard-create.c
 * (creating, then authorizing) share. */

/* The steps that take input (client, details, services); then create (3) and done (4) */
#define N_INPUT_STEPS 3
#define STEP_CREATE 3
#define STEP_DONE 4

struct _PdNewClientWizard
{
  AdwWindow          parent_instance;

  PdSession         *session;
  GtkWidget         *parent;        /* weak: the main window's widget for the actions */
  PdNewClientDraft  *draft;         /* what the wizard holds; kept on every step and on close */
  PdNewClientCreate *create;        /* from the first Create on */
  PdFieldErrors     *client_errors;
  PdFieldErrors     *details_errors;
  GHashTable        *touched;       /* fields the user changed: their checks show as they type */
  gboolean           attempted[N_INPUT_STEPS];  /* Next was pressed: every check shows */
  char              *taken_name;    /* the portal said 409 for this name */
  gboolean           earlier_submit;  /* an earlier try may still be on its way */
  gboolean           filling;

  AdwWindowTitle    *window_title;
  GtkWidget         *cancel_button;
  GtkWidget         *back_button;
  GtkButton         *next_button;
  GtkStack          *stack;
  AdwEntryRow       *name_row;
  AdwEntryRow       *email_row;
  AdwEntryRow       *domain_row;
  GtkLabel          *client_summary;
  AdwActionRow      *country_row;
  GtkDropDown       *country_dropdown;
  AdwComboRow       *region_row;
  AdwEntryRow       *plan_name_row;
  AdwComboRow       *plan_type_row;
  AdwEntryRow       *price_row;
  AdwEntryRow       *currency_row;
  GtkCheckButton    *msp_check;
  GtkCheckButton    *reseller_check;
  GtkLabel          *details_summary;
  GtkBox            *services_box;
  GtkLabel          *services_summary;
  AdwStatusPage     *create_page;
  GtkListBox        *progress_list;
  GtkWidget         *try_now_button;
  AdwStatusPage     *done_page;
  GtkListBox        *done_list;
};

char       *pd_new_client_wizard_stripped      (AdwEntryRow       *row);
const char *pd_new_client_wizard_enum_nick     (GType              type,
                                                int                value);
int         pd_new_client_wizard_enum_value    (GType              type,
                                                const char        *nick);
const char *pd_new_client_wizard_check_price   (PdNewClientWizard *self,
                                                gint64            *cents);
/* The draft follows the fields, and is kept */
void        pd_new_client_wizard_read_fields   (PdNewClientWizard *self);
void        pd_new_client_wizard_save_draft    (PdNewClientWizard *self);
void        pd_new_client_wizard_show_step     (PdNewClientWizard *self,
                                                guint              step);
void        pd_new_client_wizard_update_header (PdNewClientWizard *self);
/* The first row of an input step whose input is wrong, or NULL */
GtkWidget  *pd_new_client_wizard_first_wrong   (PdNewClientWizard *self,
                                                guint              step);

/* Creates the client (or goes on where it stopped) and shows the progress */
void        pd_new_client_wizard_start_create  (PdNewClientWizard *self);
void        pd_new_client_wizard_try_now_clicked (PdNewClientWizard *self);
void        pd_new_client_wizard_open_clicked  (PdNewClientWizard *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Which clients the Clients page shows: a search over id, name and domain, and criteria on
 * the organization and its services. Enum criteria are masks of 1 << value of the model's
 * enums (PdOrganizationStatus, PdPlanType, PdRelationship, PdManagementMode); 0 = any. */
#define PD_TYPE_CLIENTS_FILTER (pd_clients_filter_get_type ())
G_DECLARE_FINAL_TYPE (PdClientsFilter, pd_clients_filter, PD, CLIENTS_FILTER, GtkFilter)

PdClientsFilter *pd_clients_filter_new                     (void);

const char      *pd_clients_filter_get_search              (PdClientsFilter *self);
void             pd_clients_filter_set_search              (PdClientsFilter *self,
                                                            const char      *search);
guint            pd_clients_filter_get_statuses            (PdClientsFilter *self);
void             pd_clients_filter_set_statuses            (PdClientsFilter *self,
                                                            guint            mask);
guint            pd_clients_filter_get_plan_types          (PdClientsFilter *self);
void             pd_clients_filter_set_plan_types          (PdClientsFilter *self,
                                                            guint            mask);
guint            pd_clients_filter_get_relationships       (PdClientsFilter *self);
void             pd_clients_filter_set_relationships       (PdClientsFilter *self,
                                                            guint            mask);
/* A client matches when any of its services has one of these modes */
guint            pd_clients_filter_get_management_modes    (PdClientsFilter *self);
void             pd_clients_filter_set_management_modes    (PdClientsFilter *self,
                                                            guint            mask);
gboolean         pd_clients_filter_get_needs_authentication (PdClientsFilter *self);
void             pd_clients_filter_set_needs_authentication (PdClientsFilter *self,
                                                            gboolean         needs_authentication);
gboolean         pd_clients_filter_get_problems_only       (PdClientsFilter *self);
void             pd_clients_filter_set_problems_only       (PdClientsFilter *self,
                                                            gboolean         problems_only);

/* Whether a criterion other than the search is set (property "active") */
gboolean         pd_clients_filter_get_active              (PdClientsFilter *self);
/* Clears every criterion but the search, in one change */
void             pd_clients_filter_clear                   (PdClientsFilter *self);
/* Whether @organization (a PdOrganization) passes, as gtk_filter_match() would say */
gboolean         pd_clients_filter_matches                 (PdClientsFilter *self,
                                                            gpointer         organization);

G_END_DECLS

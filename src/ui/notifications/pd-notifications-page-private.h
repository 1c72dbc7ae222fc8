/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pd-models.h"
#include "pd-notification-choice.h"
#include "pd-notifications-page.h"

G_BEGIN_DECLS

struct _PdNotificationsPage
{
  AdwBin              parent_instance;

  PdSession          *session;
  GCancellable       *cancellable;   /* the page's life */
  PdNotificationTypeCatalogue *catalogue;  /* NULL until the first load */
  GPtrArray          *choices;       /* PdNotificationChoice, in catalogue order */
  char               *settings_etag;
  PdReportSettings   *report;        /* as saved on the portal; NULL before the load */
  guint               loading;       /* documents still being fetched */
  GError             *load_error;
  guint               saving;        /* edits under way */
  gboolean            save_failed;
  GTask              *save_task;     /* the save being waited for (a leave), or NULL */
  GtkWidget          *dialog;        /* weak: the confirmation shown, for tests */

  GtkStack           *stack;
  AdwStatusPage      *error_page;
  GtkBox             *groups_box;
  AdwActionRow       *recommended_row;
  GtkWidget          *recommended_box;
  GtkWidget          *all_box;
  AdwComboRow        *period_row;
  AdwEntryRow        *recipients_row;
  GtkLabel           *recipients_error;
  GtkLabel           *status_label;
  GtkWidget          *save_box;
};

/* pd-notifications-page.c */
void     pd_notifications_page_update_state   (PdNotificationsPage *self);
gboolean pd_notifications_page_is_changed     (PdNotificationsPage *self);
gboolean pd_notifications_page_report_is_changed (PdNotificationsPage *self);
void     pd_notifications_page_revert         (PdNotificationsPage *self);
void     pd_notifications_page_revert_report  (PdNotificationsPage *self);
/* A row per type of the catalogue, once it arrived */
void     pd_notifications_page_build          (PdNotificationsPage *self);
/* The recipients as typed: split at commas, semicolons and spaces */
GStrv    pd_notifications_page_dup_recipients (PdNotificationsPage *self);
PdReportPeriod pd_notifications_page_get_period (PdNotificationsPage *self);
void     pd_notifications_page_set_recipients_error (PdNotificationsPage *self,
                                                     const char          *message);

/* pd-notifications-load.c: fetches the catalogue (once), the settings and the report
 * settings, and shows them; the settings answer of an edit goes in the same way. */
void     pd_notifications_page_load           (PdNotificationsPage *self);
gboolean pd_notifications_page_apply_settings (PdNotificationsPage *self,
                                               JsonNode            *node,
                                               GError             **error);
gboolean pd_notifications_page_apply_report   (PdNotificationsPage *self,
                                               JsonNode            *node,
                                               GError             **error);

/* pd-notifications-save.c */
void     pd_notifications_page_save_async     (PdNotificationsPage *self,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean pd_notifications_page_save_finish    (PdNotificationsPage *self,
                                               GAsyncResult        *result,
                                               GError             **error);
void     pd_notifications_page_confirm_recommended (PdNotificationsPage *self);
void     pd_notifications_page_leave_guard_init    (gpointer g_iface,
                                                    gpointer iface_data);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "pd-models.h"

G_BEGIN_DECLS

/* What the page shows for one notification type: the choice being edited (properties
 * "enabled", "frequency", "cumulative-count", "organization-ids", bound to the row's widgets) beside the one the
 * portal has, so the page knows what is unsaved. */
#define PD_TYPE_NOTIFICATION_CHOICE (pd_notification_choice_get_type ())
G_DECLARE_FINAL_TYPE (PdNotificationChoice, pd_notification_choice, PD, NOTIFICATION_CHOICE, GObject)

PdNotificationChoice    *pd_notification_choice_new                  (PdNotificationType      *type);
PdNotificationType      *pd_notification_choice_get_notification_type (PdNotificationChoice    *self);
gboolean                 pd_notification_choice_get_enabled          (PdNotificationChoice    *self);
void                     pd_notification_choice_set_enabled          (PdNotificationChoice    *self,
                                                                      gboolean                 enabled);
PdNotificationFrequency  pd_notification_choice_get_frequency        (PdNotificationChoice    *self);
void                     pd_notification_choice_set_frequency        (PdNotificationChoice    *self,
                                                                      PdNotificationFrequency  frequency);
int                      pd_notification_choice_get_cumulative_count (PdNotificationChoice    *self);
void                     pd_notification_choice_set_cumulative_count (PdNotificationChoice    *self,
                                                                      int                      count);
/* The clients the e-mail is sent about (organization ids, sorted), or NULL for all */
const char * const      *pd_notification_choice_get_organization_ids (PdNotificationChoice    *self);
void                     pd_notification_choice_set_organization_ids (PdNotificationChoice    *self,
                                                                      const char * const      *ids);

/* The portal's setting becomes both the saved and the edited choice. */
void                     pd_notification_choice_load                 (PdNotificationChoice    *self,
                                                                      PdNotificationSetting   *setting);
/* The edited choice differs from the saved one */
gboolean                 pd_notification_choice_is_changed           (PdNotificationChoice    *self);
/* The edited choice is now the saved one (sent, waiting in the outbox) */
void                     pd_notification_choice_commit               (PdNotificationChoice    *self);
/* Back to the saved choice */
void                     pd_notification_choice_revert               (PdNotificationChoice    *self);
/* What the recommended preset would do to the portal's saved setting */
typedef enum {
  PD_RECOMMENDED_CHANGE_NONE,
  PD_RECOMMENDED_CHANGE_TURN_ON,
  PD_RECOMMENDED_CHANGE_TURN_OFF,
  PD_RECOMMENDED_CHANGE_ADJUST,     /* stays on or off; frequency or count change */
} PdRecommendedChange;
PdRecommendedChange      pd_notification_choice_recommended_change   (PdNotificationChoice    *self);
/* Adds the edited choice as one item of a NotificationSetting array */
void                     pd_notification_choice_add_json             (PdNotificationChoice    *self,
                                                                      JsonBuilder             *builder);

/* The contract's word for a frequency ("daily"), and the words people read */
const char              *pd_notification_frequency_to_key            (PdNotificationFrequency  frequency);
const char              *pd_notification_frequency_to_text           (PdNotificationFrequency  frequency);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pd-model-enums.h"
#include "pd-notification-choice.h"

struct _PdNotificationChoice
{
  GObject                  parent_instance;

  PdNotificationType      *type;
  gboolean                 enabled;
  PdNotificationFrequency  frequency;
  int                      count;
  GStrv                    organization_ids;  /* sorted; NULL: all organizations */
  gboolean                 saved_enabled;
  PdNotificationFrequency  saved_frequency;
  int                      saved_count;
  GStrv                    saved_organization_ids;
};

enum {
  PROP_0,
  PROP_ENABLED,
  PROP_FREQUENCY,
  PROP_CUMULATIVE_COUNT,
  PROP_ORGANIZATION_IDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (PdNotificationChoice, pd_notification_choice, G_TYPE_OBJECT)

const char *
pd_notification_frequency_to_key (PdNotificationFrequency frequency)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (PD_TYPE_NOTIFICATION_FREQUENCY);
  GEnumValue *value = g_enum_get_value (klass, frequency);

  return value != NULL ? value->value_nick : "unknown";
}

const char *
pd_notification_frequency_to_text (PdNotificationFrequency frequency)
{
  switch (frequency)
    {
    case PD_NOTIFICATION_FREQUENCY_IMMEDIATE:
      return _("Immediately");
    case PD_NOTIFICATION_FREQUENCY_DAILY:
      return _("Daily");
    case PD_NOTIFICATION_FREQUENCY_WEEKLY:
      return _("Weekly");
    case PD_NOTIFICATION_FREQUENCY_MONTHLY:
      return _("Monthly");
    case PD_NOTIFICATION_FREQUENCY_UNKNOWN:
    default:
      return _("Unknown");
    }
}

PdNotificationChoice *
pd_notification_choice_new (PdNotificationType *type)
{
  PdNotificationChoice *self;

  g_return_val_if_fail (PD_IS_NOTIFICATION_TYPE (type), NULL);

  self = g_object_new (PD_TYPE_NOTIFICATION_CHOICE, NULL);
  self->type = g_object_ref (type);
  /* Until the portal's setting is loaded, the type's preset stands in. */
  self->enabled = self->saved_enabled = pd_notification_type_get_recommended_enabled (type);
  self->frequency = self->saved_frequency = pd_notification_type_get_recommended_frequency (type);
  self->count = self->saved_count = 1;
  return self;
}

PdNotificationType *
pd_notification_choice_get_notification_type (PdNotificationChoice *self)
{
  g_return_val_if_fail (PD_IS_NOTIFICATION_CHOICE (self), NULL);

  return self->type;
}

gboolean
pd_notification_choice_get_enabled (PdNotificationChoice *self)
{
  g_return_val_if_fail (PD_IS_NOTIFICATION_CHOICE (self), FALSE);

  return self->enabled;
}

void
pd_notification_choice_set_enabled (PdNotificationChoice *self,
                                    gboolean              enabled)
{
  g_return_if_fail (PD_IS_NOTIFICATION_CHOICE (self));

  enabled = !!enabled;
  if (self->enabled == enabled)
    return;
  self->enabled = enabled;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
}

PdNotificationFrequency
pd_notification_choice_get_frequency (PdNotificationChoice *self)
{
  g_return_val_if_fail (PD_IS_NOTIFICATION_CHOICE (self), PD_NOTIFICATION_FREQUENCY_UNKNOWN);

  return self->frequency;
}

void
pd_notification_choice_set_frequency (PdNotificationChoice    *self,
                                      PdNotificationFrequency  frequency)
{
  g_return_if_fail (PD_IS_NOTIFICATION_CHOICE (self));

  if (self->frequency == frequency)
    return;
  self->frequency = frequency;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FREQUENCY]);
}

int
pd_notification_choice_get_cumulative_count (PdNotificationChoice *self)
{
  g_return_val_if_fail (PD_IS_NOTIFICATION_CHOICE (self), 1);

  return self->count;
}

void
pd_notification_choice_set_cumulative_count (PdNotificationChoice *self,
                                             int                   count)
{
  g_return_if_fail (PD_IS_NOTIFICATION_CHOICE (self));

  if (self->count == count)
    return;
  self->count = count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUMULATIVE_COUNT]);
}

const char * const *
pd_notification_choice_get_organization_ids (PdNotificationChoice *self)
{
  g_return_val_if_fail (PD_IS_NOTIFICATION_CHOICE (self), NULL);

  return (const char * const *) self->organization_ids;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Sorted without repeats, so that the same clients picked in another order are no change. */
static GStrv
normalize_ids (const char * const *ids)
{
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;

  if (ids == NULL)
    return NULL;
  sorted = g_ptr_array_new ();
  for (guint i = 0; ids[i] != NULL; i++)
    g_ptr_array_add (sorted, (gpointer) ids[i]);
  g_ptr_array_sort (sorted, compare_strings);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < sorted->len; i++)
    if (i == 0 || strcmp (g_ptr_array_index (sorted, i), g_ptr_array_index (sorted, i - 1)) != 0)
      g_strv_builder_add (builder, g_ptr_array_index (sorted, i));
  return g_strv_builder_end (builder);
}

static gboolean
same_ids (const char * const *a,
          const char * const *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strv_equal (a, b);
}

void
pd_notification_choice_set_organization_ids (PdNotificationChoice *self,
                                             const char * const   *ids)
{
  g_auto(GStrv) normalized = NULL;

  g_return_if_fail (PD_IS_NOTIFICATION_CHOICE (self));

  normalized = normalize_ids (ids);
  if (same_ids ((const char * const *) normalized, (const char * const *) self->organization_ids))
    return;
  g_strfreev (self->organization_ids);
  self->organization_ids = g_steal_pointer (&normalized);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGANIZATION_IDS]);
}

static void
set_all (PdNotificationChoice    *self,
         gboolean                 enabled,
         PdNotificationFrequency  frequency,
         int                      count,
         const char * const      *organization_ids)
{
  g_object_freeze_notify (G_OBJECT (self));
  pd_notification_choice_set_enabled (self, enabled);
  pd_notification_choice_set_frequency (self, frequency);
  pd_notification_choice_set_cumulative_count (self, count);
  pd_notification_choice_set_organization_ids (self, organization_ids);
  g_object_thaw_notify (G_OBJECT (self));
}

void
pd_notification_choice_load (PdNotificationChoice  *self,
                             PdNotificationSetting *setting)
{
  g_return_if_fail (PD_IS_NOTIFICATION_CHOICE (self));
  g_return_if_fail (PD_IS_NOTIFICATION_SETTING (setting));

  self->saved_enabled = pd_notification_setting_get_enabled (setting);
  self->saved_frequency = pd_notification_setting_get_frequency (setting);
  self->saved_count = (int) CLAMP (pd_notification_setting_get_cumulative_count (setting), 1, 1000);
  g_strfreev (self->saved_organization_ids);
  self->saved_organization_ids = normalize_ids (pd_notification_setting_get_organization_ids (setting));
  pd_notification_choice_revert (self);
}

gboolean
pd_notification_choice_is_changed (PdNotificationChoice *self)
{
  g_return_val_if_fail (PD_IS_NOTIFICATION_CHOICE (self), FALSE);

  return self->enabled != self->saved_enabled ||
         self->frequency != self->saved_frequency ||
         self->count != self->saved_count ||
         !same_ids ((const char * const *) self->organization_ids, (const char * const *) self->saved_organization_ids);
}

void
pd_notification_choice_commit (PdNotificationChoice *self)
{
  g_return_if_fail (PD_IS_NOTIFICATION_CHOICE (self));

  self->saved_enabled = self->enabled;
  self->saved_frequency = self->frequency;
  self->saved_count = self->count;
  g_strfreev (self->saved_organization_ids);
  self->saved_organization_ids = g_strdupv (self->organization_ids);
  /* Nothing the row shows changed, but the page's count of unsaved changes did. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
}

void
pd_notification_choice_revert (PdNotificationChoice *self)
{
  g_return_if_fail (PD_IS_NOTIFICATION_CHOICE (self));

  set_all (self, self->saved_enabled, self->saved_frequency, self->saved_count,
           (const char * const *) self->saved_organization_ids);
}

PdRecommendedChange
pd_notification_choice_recommended_change (PdNotificationChoice *self)
{
  gboolean enabled;

  g_return_val_if_fail (PD_IS_NOTIFICATION_CHOICE (self), PD_RECOMMENDED_CHANGE_NONE);

  enabled = pd_notification_type_get_recommended_enabled (self->type);
  if (enabled && !self->saved_enabled)
    return PD_RECOMMENDED_CHANGE_TURN_ON;
  if (!enabled && self->saved_enabled)
    return PD_RECOMMENDED_CHANGE_TURN_OFF;
  /* The preset sends every type about all clients. */
  if (self->saved_count != 1 || self->saved_organization_ids != NULL ||
      self->saved_frequency != pd_notification_type_get_recommended_frequency (self->type))
    return PD_RECOMMENDED_CHANGE_ADJUST;
  return PD_RECOMMENDED_CHANGE_NONE;
}

void
pd_notification_choice_add_json (PdNotificationChoice *self,
                                 JsonBuilder          *builder)
{
  g_return_if_fail (PD_IS_NOTIFICATION_CHOICE (self));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, pd_notification_type_get_key (self->type));
  json_builder_set_member_name (builder, "enabled");
  json_builder_add_boolean_value (builder, self->enabled);
  json_builder_set_member_name (builder, "frequency");
  json_builder_add_string_value (builder, pd_notification_frequency_to_key (self->frequency));
  json_builder_set_member_name (builder, "cumulative_count");
  json_builder_add_int_value (builder, self->count);
  /* Left out, it means all organizations (and older portals know no other). */
  if (self->organization_ids != NULL)
    {
      json_builder_set_member_name (builder, "organization_ids");
      json_builder_begin_array (builder);
      for (guint i = 0; self->organization_ids[i] != NULL; i++)
        json_builder_add_string_value (builder, self->organization_ids[i]);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
}

static void
pd_notification_choice_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  PdNotificationChoice *self = PD_NOTIFICATION_CHOICE (object);

  switch (prop_id)
    {
    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;
    case PROP_FREQUENCY:
      g_value_set_enum (value, self->frequency);
      break;
    case PROP_CUMULATIVE_COUNT:
      g_value_set_int (value, self->count);
      break;
    case PROP_ORGANIZATION_IDS:
      g_value_set_boxed (value, self->organization_ids);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_notification_choice_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  PdNotificationChoice *self = PD_NOTIFICATION_CHOICE (object);

  switch (prop_id)
    {
    case PROP_ENABLED:
      pd_notification_choice_set_enabled (self, g_value_get_boolean (value));
      break;
    case PROP_FREQUENCY:
      pd_notification_choice_set_frequency (self, g_value_get_enum (value));
      break;
    case PROP_CUMULATIVE_COUNT:
      pd_notification_choice_set_cumulative_count (self, g_value_get_int (value));
      break;
    case PROP_ORGANIZATION_IDS:
      pd_notification_choice_set_organization_ids (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_notification_choice_dispose (GObject *object)
{
  PdNotificationChoice *self = PD_NOTIFICATION_CHOICE (object);

  g_clear_object (&self->type);

  G_OBJECT_CLASS (pd_notification_choice_parent_class)->dispose (object);
}

static void
pd_notification_choice_finalize (GObject *object)
{
  PdNotificationChoice *self = PD_NOTIFICATION_CHOICE (object);

  g_strfreev (self->organization_ids);
  g_strfreev (self->saved_organization_ids);

  G_OBJECT_CLASS (pd_notification_choice_parent_class)->finalize (object);
}

static void
pd_notification_choice_class_init (PdNotificationChoiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = pd_notification_choice_get_property;
  object_class->set_property = pd_notification_choice_set_property;
  object_class->dispose = pd_notification_choice_dispose;
  object_class->finalize = pd_notification_choice_finalize;

  properties[PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FREQUENCY] =
    g_param_spec_enum ("frequency", NULL, NULL, PD_TYPE_NOTIFICATION_FREQUENCY, PD_NOTIFICATION_FREQUENCY_UNKNOWN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CUMULATIVE_COUNT] =
    g_param_spec_int ("cumulative-count", NULL, NULL, 1, 1000, 1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORGANIZATION_IDS] =
    g_param_spec_boxed ("organization-ids", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pd_notification_choice_init (PdNotificationChoice *self)
{
  self->count = 1;
}

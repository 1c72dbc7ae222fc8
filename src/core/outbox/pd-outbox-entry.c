/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pd-outbox-entry-private.h"

G_DEFINE_ENUM_TYPE (PdOutboxState, pd_outbox_state,
  G_DEFINE_ENUM_VALUE (PD_OUTBOX_STATE_UNKNOWN, "unknown"),
  G_DEFINE_ENUM_VALUE (PD_OUTBOX_STATE_PENDING, "pending"),
  G_DEFINE_ENUM_VALUE (PD_OUTBOX_STATE_SENDING, "sending"),
  G_DEFINE_ENUM_VALUE (PD_OUTBOX_STATE_CONFLICT, "conflict"),
  G_DEFINE_ENUM_VALUE (PD_OUTBOX_STATE_REJECTED, "rejected"),
  G_DEFINE_ENUM_VALUE (PD_OUTBOX_STATE_FAILED, "failed"))

G_DEFINE_FINAL_TYPE (PdOutboxEntry, pd_outbox_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_METHOD,
  PROP_PATH,
  PROP_DESCRIPTION,
  PROP_STATE,
  PROP_ATTEMPTS,
  PROP_LAST_ERROR,
  PROP_SECRET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The table's state column. "sent" means a send was started: after a restart its outcome is
 * unknown, so it is sent again with the same key (the portal replays it if it ran). */
const char *
pd_outbox_state_to_string (PdOutboxState state)
{
  switch (state)
    {
    case PD_OUTBOX_STATE_SENDING:
      return "sent";
    case PD_OUTBOX_STATE_CONFLICT:
      return "conflict";
    case PD_OUTBOX_STATE_REJECTED:
      return "rejected";
    case PD_OUTBOX_STATE_FAILED:
      return "failed";
    case PD_OUTBOX_STATE_UNKNOWN:
    case PD_OUTBOX_STATE_PENDING:
    default:
      return "pending";
    }
}

PdOutboxState
pd_outbox_state_from_string (const char *text)
{
  if (g_strcmp0 (text, "conflict") == 0)
    return PD_OUTBOX_STATE_CONFLICT;
  if (g_strcmp0 (text, "rejected") == 0)
    return PD_OUTBOX_STATE_REJECTED;
  if (g_strcmp0 (text, "failed") == 0)
    return PD_OUTBOX_STATE_FAILED;
  return PD_OUTBOX_STATE_PENDING;  /* "pending", "sent", or anything unknown: send it (again) */
}

static void
pd_outbox_entry_finalize (GObject *object)
{
  PdOutboxEntry *self = PD_OUTBOX_ENTRY (object);

  g_assert (self->task == NULL);
  g_free (self->method);
  g_free (self->path);
  g_free (self->description);
  g_free (self->last_error);
  g_clear_error (&self->error);
  g_clear_pointer (&self->body, json_node_unref);
  g_clear_pointer (&self->theirs, json_node_unref);
  g_free (self->their_etag);
  g_clear_pointer (&self->field_errors, json_node_unref);
  g_free (self->idempotency_key);
  g_free (self->if_match);
  G_OBJECT_CLASS (pd_outbox_entry_parent_class)->finalize (object);
}

static void
pd_outbox_entry_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PdOutboxEntry *self = PD_OUTBOX_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_METHOD:
      g_value_set_string (value, self->method);
      break;
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_ATTEMPTS:
      g_value_set_uint (value, self->attempts);
      break;
    case PROP_LAST_ERROR:
      g_value_set_string (value, self->last_error);
      break;
    case PROP_SECRET:
      g_value_set_boolean (value, self->secret);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_outbox_entry_class_init (PdOutboxEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = pd_outbox_entry_finalize;
  object_class->get_property = pd_outbox_entry_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_METHOD] = g_param_spec_string ("method", NULL, NULL, NULL, flags);
  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, flags);
  properties[PROP_STATE] = g_param_spec_enum ("state", NULL, NULL, PD_TYPE_OUTBOX_STATE,
                                              PD_OUTBOX_STATE_PENDING, flags);
  properties[PROP_ATTEMPTS] = g_param_spec_uint ("attempts", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_LAST_ERROR] = g_param_spec_string ("last-error", NULL, NULL, NULL, flags);
  properties[PROP_SECRET] = g_param_spec_boolean ("secret", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pd_outbox_entry_init (PdOutboxEntry *self)
{
  self->state = PD_OUTBOX_STATE_PENDING;
}

PdOutboxEntry *
pd_outbox_entry_new (void)
{
  return g_object_new (PD_TYPE_OUTBOX_ENTRY, NULL);
}

void
pd_outbox_entry_set_state (PdOutboxEntry *self,
                           PdOutboxState  state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

void
pd_outbox_entry_set_attempts (PdOutboxEntry *self,
                              guint          attempts)
{
  if (self->attempts == attempts)
    return;
  self->attempts = attempts;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTEMPTS]);
}

void
pd_outbox_entry_take_last_error (PdOutboxEntry *self,
                                 char          *message)
{
  if (g_strcmp0 (self->last_error, message) == 0)
    {
      g_free (message);
      return;
    }
  g_free (self->last_error);
  self->last_error = message;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR]);
}

gint64
pd_outbox_entry_get_id (PdOutboxEntry *self)
{
  g_return_val_if_fail (PD_IS_OUTBOX_ENTRY (self), 0);
  return self->id;
}

const char *
pd_outbox_entry_get_method (PdOutboxEntry *self)
{
  g_return_val_if_fail (PD_IS_OUTBOX_ENTRY (self), NULL);
  return self->method;
}

const char *
pd_outbox_entry_get_path (PdOutboxEntry *self)
{
  g_return_val_if_fail (PD_IS_OUTBOX_ENTRY (self), NULL);
  return self->path;
}

const char *
pd_outbox_entry_get_description (PdOutboxEntry *self)
{
  g_return_val_if_fail (PD_IS_OUTBOX_ENTRY (self), NULL);
  return self->description;
}

PdOutboxState
pd_outbox_entry_get_state (PdOutboxEntry *self)
{
  g_return_val_if_fail (PD_IS_OUTBOX_ENTRY (self), PD_OUTBOX_STATE_UNKNOWN);
  return self->state;
}

guint
pd_outbox_entry_get_attempts (PdOutboxEntry *self)
{
  g_return_val_if_fail (PD_IS_OUTBOX_ENTRY (self), 0);
  return self->attempts;
}

const char *
pd_outbox_entry_get_last_error (PdOutboxEntry *self)
{
  g_return_val_if_fail (PD_IS_OUTBOX_ENTRY (self), NULL);
  return self->last_error;
}

const GError *
pd_outbox_entry_get_error (PdOutboxEntry *self)
{
  g_return_val_if_fail (PD_IS_OUTBOX_ENTRY (self), NULL);
  return self->error;
}

gboolean
pd_outbox_entry_get_secret (PdOutboxEntry *self)
{
  g_return_val_if_fail (PD_IS_OUTBOX_ENTRY (self), FALSE);
  return self->secret;
}

JsonNode *
pd_outbox_entry_get_body (PdOutboxEntry *self)
{
  g_return_val_if_fail (PD_IS_OUTBOX_ENTRY (self), NULL);
  return self->secret ? NULL : self->body;
}

JsonNode *
pd_outbox_entry_get_theirs (PdOutboxEntry *self)
{
  g_return_val_if_fail (PD_IS_OUTBOX_ENTRY (self), NULL);
  return self->theirs;
}

const char *
pd_outbox_entry_get_their_etag (PdOutboxEntry *self)
{
  g_return_val_if_fail (PD_IS_OUTBOX_ENTRY (self), NULL);
  return self->their_etag;
}

JsonNode *
pd_outbox_entry_get_field_errors (PdOutboxEntry *self)
{
  g_return_val_if_fail (PD_IS_OUTBOX_ENTRY (self), NULL);
  return self->field_errors;
}

const char *
pd_outbox_entry_get_field_error (PdOutboxEntry *self,
                                 const char    *field)
{
  JsonArray *array;

  g_return_val_if_fail (PD_IS_OUTBOX_ENTRY (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);
  if (self->field_errors == NULL || !JSON_NODE_HOLDS_ARRAY (self->field_errors))
    return NULL;
  array = json_node_get_array (self->field_errors);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *object;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      object = json_node_get_object (node);
      if (g_strcmp0 (json_object_get_string_member_with_default (object, "field", NULL), field) == 0)
        return json_object_get_string_member_with_default (object, "message", "");
    }
  return NULL;
}

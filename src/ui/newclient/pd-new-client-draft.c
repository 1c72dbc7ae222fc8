/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "pd-new-client"

#include "config.h"

#include "pd-cache-resources.h"
#include "pd-new-client-draft.h"

PdNewClientDraft *
pd_new_client_draft_new (void)
{
  PdNewClientDraft *self = g_new0 (PdNewClientDraft, 1);

  self->step = g_strdup ("client");
  self->applications = g_new0 (char *, 1);
  self->service_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return self;
}

void
pd_new_client_draft_free (PdNewClientDraft *self)
{
  if (self == NULL)
    return;
  g_free (self->step);
  g_free (self->name);
  g_free (self->email);
  g_free (self->domain);
  g_free (self->country);
  g_free (self->region);
  g_free (self->plan_name);
  g_free (self->plan_type);
  g_free (self->price);
  g_free (self->currency);
  g_free (self->relationship);
  g_strfreev (self->applications);
  g_free (self->organization_id);
  g_hash_table_unref (self->service_ids);
  g_free (self);
}

static char *
dup_string (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

PdNewClientDraft *
pd_new_client_draft_from_json (JsonNode *node)
{
  g_autoptr(PdNewClientDraft) self = NULL;
  g_autoptr(GStrvBuilder) applications = g_strv_builder_new ();
  JsonObject *object, *ids;
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  object = json_node_get_object (node);
  self = pd_new_client_draft_new ();
  g_free (self->step);
  self->step = dup_string (object, "step");
  if (self->step == NULL)
    self->step = g_strdup ("client");
  self->name = dup_string (object, "name");
  self->email = dup_string (object, "email");
  self->domain = dup_string (object, "domain");
  self->country = dup_string (object, "country");
  self->region = dup_string (object, "region");
  self->plan_name = dup_string (object, "plan_name");
  self->plan_type = dup_string (object, "plan_type");
  self->price = dup_string (object, "price");
  self->currency = dup_string (object, "currency");
  self->relationship = dup_string (object, "relationship");
  self->organization_id = dup_string (object, "organization_id");
  self->submitted = json_object_get_boolean_member_with_default (object, "submitted", FALSE);
  array = json_object_has_member (object, "applications") && JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "applications"))
            ? json_object_get_array_member (object, "applications") : NULL;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (json_node_get_value_type (element) == G_TYPE_STRING)
        g_strv_builder_add (applications, json_node_get_string (element));
    }
  g_strfreev (self->applications);
  self->applications = g_strv_builder_end (applications);
  ids = json_object_has_member (object, "service_ids") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "service_ids"))
          ? json_object_get_object_member (object, "service_ids") : NULL;
  if (ids != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (ids);

      for (GList *l = members; l != NULL; l = l->next)
        {
          g_autofree char *id = dup_string (ids, l->data);

          if (id != NULL)
            g_hash_table_replace (self->service_ids, g_strdup (l->data), g_steal_pointer (&id));
        }
    }
  return g_steal_pointer (&self);
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

JsonNode *
pd_new_client_draft_to_json (PdNewClientDraft *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  add_string (builder, "step", self->step);
  add_string (builder, "name", self->name);
  add_string (builder, "email", self->email);
  add_string (builder, "domain", self->domain);
  add_string (builder, "country", self->country);
  add_string (builder, "region", self->region);
  add_string (builder, "plan_name", self->plan_name);
  add_string (builder, "plan_type", self->plan_type);
  add_string (builder, "price", self->price);
  add_string (builder, "currency", self->currency);
  add_string (builder, "relationship", self->relationship);
  add_string (builder, "organization_id", self->organization_id);
  json_builder_set_member_name (builder, "submitted");
  json_builder_add_boolean_value (builder, self->submitted);
  json_builder_set_member_name (builder, "applications");
  json_builder_begin_array (builder);
  for (guint i = 0; self->applications != NULL && self->applications[i] != NULL; i++)
    json_builder_add_string_value (builder, self->applications[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "service_ids");
  json_builder_begin_object (builder);
  g_hash_table_iter_init (&iter, self->service_ids);
  while (g_hash_table_iter_next (&iter, &key, &value))
    add_string (builder, key, value);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = pd_cache_load_document_finish (PD_CACHE (source), result, &error);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, pd_new_client_draft_from_json (node), (GDestroyNotify) pd_new_client_draft_free);
}

void
pd_new_client_draft_load_async (PdSession           *session,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  PdCache *cache;

  g_return_if_fail (PD_IS_SESSION (session));

  task = g_task_new (session, cancellable, callback, user_data);
  g_task_set_source_tag (task, pd_new_client_draft_load_async);
  cache = pd_session_get_cache (session);
  if (cache == NULL)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }
  pd_cache_load_document_async (cache, PD_NEW_CLIENT_DRAFT_NAME, cancellable, loaded_cb, g_steal_pointer (&task));
}

PdNewClientDraft *
pd_new_client_draft_load_finish (GAsyncResult  *result,
                                 GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
pd_new_client_draft_save (PdSession        *session,
                          PdNewClientDraft *self)
{
  g_autoptr(JsonNode) node = self != NULL ? pd_new_client_draft_to_json (self) : json_node_new (JSON_NODE_NULL);
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PD_IS_SESSION (session));

  /* Only the cache can refuse it; the wizard goes on either way. */
  if (!pd_session_set_document (session, PD_NEW_CLIENT_DRAFT_NAME, node, &error))
    g_warning ("Cannot keep the new client's draft: %s", error->message);
}

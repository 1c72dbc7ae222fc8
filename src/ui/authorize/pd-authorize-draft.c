/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pd-authorize-draft.h"

char *
pd_authorize_draft_name (const char *organization_id,
                         const char *service_id)
{
  return g_strdup_printf ("drafts/authorize/%s/%s", organization_id, service_id);
}

static void
add_list (JsonBuilder        *builder,
          const char         *member,
          const char * const *values)
{
  if (values == NULL)
    return;
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

JsonNode *
pd_authorize_draft_build (const char * const *optional_scopes,
                          const char * const *seats)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_list (builder, "optional_scopes", optional_scopes);
  add_list (builder, "seats", seats);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

void
pd_authorize_draft_save (PdSession  *session,
                         const char *organization_id,
                         const char *service_id,
                         JsonNode   *draft)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = pd_authorize_draft_name (organization_id, service_id);

  g_return_if_fail (PD_IS_SESSION (session));
  g_return_if_fail (draft != NULL);

  if (!pd_session_set_document (session, name, draft, &error))
    g_warning ("Cannot keep the authorization draft: %s", error->message);
}

char **
pd_authorize_draft_dup (JsonNode   *draft,
                        const char *member)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonObject *object;
  JsonNode *node;
  JsonArray *array;

  if (draft == NULL || !JSON_NODE_HOLDS_OBJECT (draft))
    return NULL;
  object = json_node_get_object (draft);
  node = json_object_get_member (object, member);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  array = json_node_get_array (node);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      /* A draft is ours, but the cache file is not sacred: skip what is not a string. */
      if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (item));
    }
  return g_strv_builder_end (builder);
}

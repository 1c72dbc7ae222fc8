/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pd-mapping"

#include "config.h"

#include <glib/gi18n.h>

#include "pd-mapping-candidates.h"
#include "pd-service-account-candidate.h"

/* A screenful and a bit: searching narrows faster than scrolling through pages. */
#define PAGE_SIZE 50

struct _PdMappingCandidates
{
  GObject       parent_instance;

  PdSession    *session;
  char         *organization_id;
  GListStore   *store;
  char         *query;
  char         *next_cursor;   /* NULL: no more pages (or none asked for yet) */
  char         *error;
  GCancellable *cancellable;   /* the page on its way, NULL when none */
};

G_DEFINE_FINAL_TYPE (PdMappingCandidates, pd_mapping_candidates, G_TYPE_OBJECT)

enum { PROP_0, PROP_LOADING, PROP_HAS_MORE, PROP_ERROR, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
set_error (PdMappingCandidates *self,
           const char          *error)
{
  if (g_strcmp0 (self->error, error) == 0)
    return;
  g_free (self->error);
  self->error = g_strdup (error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

/* Decodes one page; FALSE (with @error) when any item is not a service account. */
static gboolean
read_page (JsonNode   *root,
           GPtrArray  *items,
           char      **next_cursor,
           GError    **error)
{
  JsonObject *object = root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  JsonNode *list = object != NULL ? json_object_get_member (object, "items") : NULL;
  JsonNode *cursor = object != NULL ? json_object_get_member (object, "next_cursor") : NULL;
  JsonArray *array;

  if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list) ||
      (cursor != NULL && !JSON_NODE_HOLDS_NULL (cursor) && json_node_get_value_type (cursor) != G_TYPE_STRING))
    {
      g_set_error_literal (error, PD_DECODE_ERROR, PD_DECODE_ERROR_TYPE,
                           _("The list of service accounts is not in the expected form."));
      return FALSE;
    }
  array = json_node_get_array (list);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      PdResource *item = pd_resource_new_from_json (PD_TYPE_SERVICE_ACCOUNT_CANDIDATE,
                                                    json_array_get_element (array, i), error);
      if (item == NULL)
        return FALSE;
      g_ptr_array_add (items, item);
    }
  if (cursor != NULL && !JSON_NODE_HOLDS_NULL (cursor) && *json_node_get_string (cursor) != '\0')
    *next_cursor = g_strdup (json_node_get_string (cursor));
  return TRUE;
}

static void
page_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(PdMappingCandidates) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PdPortalResponse) response = pd_portal_client_send_finish (PD_PORTAL_CLIENT (source), result, &error);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *next_cursor = NULL;
  gboolean had_more = self->next_cursor != NULL;

  /* a newer search (or dispose) took over */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  if (response != NULL && !read_page (pd_portal_response_get_root (response), items, &next_cursor, &error))
    g_prefix_error (&error, "%s ", _("The portal’s answer could not be read."));
  if (error != NULL)
    {
      g_debug ("Cannot list the mapping candidates: %s", error->message);
      set_error (self, error->message);
    }
  else
    {
      g_free (self->next_cursor);
      self->next_cursor = g_steal_pointer (&next_cursor);
      g_list_store_splice (self->store, g_list_model_get_n_items (G_LIST_MODEL (self->store)), 0,
                           items->pdata, items->len);
      set_error (self, NULL);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  if (had_more != (self->next_cursor != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_MORE]);
}

static void
fetch (PdMappingCandidates *self,
       const char          *cursor)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/organizations/%s/mapping/candidates", self->organization_id);
  g_autoptr(PdPortalRequest) request = pd_portal_request_new ("GET", path);
  g_autofree char *limit = g_strdup_printf ("%d", PAGE_SIZE);

  pd_portal_request_add_query (request, "limit", limit);
  if (self->query != NULL)
    pd_portal_request_add_query (request, "q", self->query);
  if (cursor != NULL)
    pd_portal_request_add_query (request, "cursor", cursor);
  self->cancellable = g_cancellable_new ();
  pd_portal_client_send_async (pd_session_get_client (self->session), request, self->cancellable, page_cb,
                               g_object_ref (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

void
pd_mapping_candidates_search (PdMappingCandidates *self,
                              const char          *query)
{
  g_autofree char *stripped = g_strstrip (g_strdup (query != NULL ? query : ""));
  gboolean had_more;

  g_return_if_fail (PD_IS_MAPPING_CANDIDATES (self));

  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }
  had_more = self->next_cursor != NULL;
  g_clear_pointer (&self->next_cursor, g_free);
  g_clear_pointer (&self->query, g_free);
  /* the portal takes at most 200 characters; more would be a 422 nobody can act on */
  if (*stripped != '\0')
    self->query = g_utf8_substring (stripped, 0, MIN (g_utf8_strlen (stripped, -1), 200));
  g_list_store_remove_all (self->store);
  if (had_more)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_MORE]);
  fetch (self, NULL);
}

void
pd_mapping_candidates_load_more (PdMappingCandidates *self)
{
  g_return_if_fail (PD_IS_MAPPING_CANDIDATES (self));

  if (self->cancellable == NULL && self->next_cursor != NULL)
    fetch (self, self->next_cursor);
}

GListModel *
pd_mapping_candidates_get_model (PdMappingCandidates *self)
{
  g_return_val_if_fail (PD_IS_MAPPING_CANDIDATES (self), NULL);
  return G_LIST_MODEL (self->store);
}

gboolean
pd_mapping_candidates_get_loading (PdMappingCandidates *self)
{
  g_return_val_if_fail (PD_IS_MAPPING_CANDIDATES (self), FALSE);
  return self->cancellable != NULL;
}

gboolean
pd_mapping_candidates_get_has_more (PdMappingCandidates *self)
{
  g_return_val_if_fail (PD_IS_MAPPING_CANDIDATES (self), FALSE);
  return self->next_cursor != NULL;
}

const char *
pd_mapping_candidates_get_error (PdMappingCandidates *self)
{
  g_return_val_if_fail (PD_IS_MAPPING_CANDIDATES (self), NULL);
  return self->error;
}

PdMappingCandidates *
pd_mapping_candidates_new (PdSession  *session,
                           const char *organization_id)
{
  PdMappingCandidates *self;

  g_return_val_if_fail (PD_IS_SESSION (session), NULL);
  g_return_val_if_fail (organization_id != NULL, NULL);

  self = g_object_new (PD_TYPE_MAPPING_CANDIDATES, NULL);
  self->session = g_object_ref (session);
  self->organization_id = g_strdup (organization_id);
  return self;
}

static void
pd_mapping_candidates_dispose (GObject *object)
{
  PdMappingCandidates *self = PD_MAPPING_CANDIDATES (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (pd_mapping_candidates_parent_class)->dispose (object);
}

static void
pd_mapping_candidates_finalize (GObject *object)
{
  PdMappingCandidates *self = PD_MAPPING_CANDIDATES (object);

  g_object_unref (self->store);
  g_free (self->organization_id);
  g_free (self->query);
  g_free (self->next_cursor);
  g_free (self->error);
  G_OBJECT_CLASS (pd_mapping_candidates_parent_class)->finalize (object);
}

static void
pd_mapping_candidates_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PdMappingCandidates *self = PD_MAPPING_CANDIDATES (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, pd_mapping_candidates_get_loading (self));
      break;
    case PROP_HAS_MORE:
      g_value_set_boolean (value, pd_mapping_candidates_get_has_more (self));
      break;
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_mapping_candidates_class_init (PdMappingCandidatesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pd_mapping_candidates_dispose;
  object_class->finalize = pd_mapping_candidates_finalize;
  object_class->get_property = pd_mapping_candidates_get_property;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_MORE] =
    g_param_spec_boolean ("has-more", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pd_mapping_candidates_init (PdMappingCandidates *self)
{
  self->store = g_list_store_new (PD_TYPE_SERVICE_ACCOUNT_CANDIDATE);
}

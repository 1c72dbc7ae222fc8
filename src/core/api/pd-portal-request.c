/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pd-portal-private.h"

G_DEFINE_BOXED_TYPE (PdPortalRequest, pd_portal_request, pd_portal_request_ref, pd_portal_request_unref)

PdPortalRequest *
pd_portal_request_new (const char *method,
                       const char *path)
{
  PdPortalRequest *self;

  g_return_val_if_fail (method != NULL && *method != '\0', NULL);
  g_return_val_if_fail (path != NULL && path[0] == '/', NULL);
  g_return_val_if_fail (strchr (path, '?') == NULL, NULL);

  self = g_new0 (PdPortalRequest, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->method = g_ascii_strup (method, -1);
  self->path = g_strdup (path);
  self->query = g_ptr_array_new_with_free_func (g_free);
  self->authenticated = TRUE;
  self->retry = -1;
  return self;
}

PdPortalRequest *
pd_portal_request_ref (PdPortalRequest *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
pd_portal_request_unref (PdPortalRequest *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->method);
  g_free (self->path);
  g_ptr_array_unref (self->query);
  g_clear_pointer (&self->body, g_bytes_unref);
  g_free (self->content_type);
  g_free (self->if_match);
  g_free (self->if_none_match);
  g_free (self->idempotency_key);
  g_free (self->accept);
  g_free (self);
}

void
pd_portal_request_add_query (PdPortalRequest *self,
                             const char      *name,
                             const char      *value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);
  g_return_if_fail (value != NULL);

  g_ptr_array_add (self->query, g_strdup (name));
  g_ptr_array_add (self->query, g_strdup (value));
}

void
pd_portal_request_set_json_body (PdPortalRequest *self,
                                 JsonNode        *body)
{
  g_autoptr(JsonGenerator) generator = NULL;
  char *text;
  gsize length;

  g_return_if_fail (self != NULL);
  g_return_if_fail (body != NULL);

  /* Serialized now, once: every retry sends the very same bytes, which the portal's
   * Idempotency-Key check compares. */
  generator = json_generator_new ();
  json_generator_set_root (generator, body);
  text = json_generator_to_data (generator, &length);
  g_clear_pointer (&self->body, g_bytes_unref);
  self->body = g_bytes_new_take (text, length);
  g_free (self->content_type);
  self->content_type = g_strdup ("application/json");
}

void
pd_portal_request_set_form_body (PdPortalRequest *self,
                                 GHashTable      *form)
{
  char *text;

  g_return_if_fail (self != NULL);
  g_return_if_fail (form != NULL);

  text = soup_form_encode_hash (form);
  g_clear_pointer (&self->body, g_bytes_unref);
  self->body = g_bytes_new_take (text, strlen (text));
  g_free (self->content_type);
  self->content_type = g_strdup ("application/x-www-form-urlencoded");
}

void
pd_portal_request_set_if_match (PdPortalRequest *self,
                                const char      *etag)
{
  g_return_if_fail (self != NULL);

  g_free (self->if_match);
  self->if_match = g_strdup (etag);
}

void
pd_portal_request_set_if_none_match (PdPortalRequest *self,
                                     const char      *etag)
{
  g_return_if_fail (self != NULL);

  g_free (self->if_none_match);
  self->if_none_match = g_strdup (etag);
}

void
pd_portal_request_set_idempotency_key (PdPortalRequest *self,
                                       const char      *key)
{
  g_return_if_fail (self != NULL);

  g_free (self->idempotency_key);
  self->idempotency_key = g_strdup (key);
}

void
pd_portal_request_set_authenticated (PdPortalRequest *self,
                                     gboolean         authenticated)
{
  g_return_if_fail (self != NULL);

  self->authenticated = !!authenticated;
}

void
pd_portal_request_set_retry (PdPortalRequest *self,
                             gboolean         retry)
{
  g_return_if_fail (self != NULL);

  self->retry = !!retry;
}

void
pd_portal_request_set_accept (PdPortalRequest *self,
                              const char      *media_type)
{
  g_return_if_fail (self != NULL);

  g_free (self->accept);
  self->accept = g_strdup (media_type);
}

void
pd_portal_request_set_raw_json (PdPortalRequest *self,
                                gboolean         raw_json)
{
  g_return_if_fail (self != NULL);

  self->raw_json = !!raw_json;
}

const char *
pd_portal_request_get_method (PdPortalRequest *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->method;
}

const char *
pd_portal_request_get_path (PdPortalRequest *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->path;
}

gboolean
pd_portal_request_may_retry (PdPortalRequest *self)
{
  static const char * const idempotent[] = { "GET", "HEAD", "PUT", "DELETE", "OPTIONS", NULL };

  if (self->retry >= 0)
    return self->retry;
  if (g_strv_contains (idempotent, self->method))
    return TRUE;
  /* A POST or PATCH that carries a key is answered from the portal's memory when repeated. */
  return self->idempotency_key != NULL;
}

char *
pd_portal_request_build_path (PdPortalRequest *self)
{
  GString *path = g_string_new (self->path);

  for (guint i = 0; i + 1 < self->query->len; i += 2)
    {
      g_string_append_c (path, i == 0 ? '?' : '&');
      g_string_append_uri_escaped (path, g_ptr_array_index (self->query, i), NULL, FALSE);
      g_string_append_c (path, '=');
      g_string_append_uri_escaped (path, g_ptr_array_index (self->query, i + 1), NULL, FALSE);
    }
  return g_string_free (path, FALSE);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pd-portal-private.h"

struct _PdPortalResponse
{
  gatomicrefcount     ref_count;
  guint               status;
  SoupMessageHeaders *headers;
  GBytes             *body;
  JsonNode           *root;
};

G_DEFINE_BOXED_TYPE (PdPortalResponse, pd_portal_response, pd_portal_response_ref, pd_portal_response_unref)

static void
copy_header (const char *name,
             const char *value,
             gpointer    data)
{
  soup_message_headers_append (data, name, value);
}

PdPortalResponse *
pd_portal_response_new (guint               status,
                        SoupMessageHeaders *headers,
                        GBytes             *body,
                        JsonNode           *root)
{
  PdPortalResponse *self = g_new0 (PdPortalResponse, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->status = status;
  /* A copy, not a reference: the response may end up on another thread than the message. */
  self->headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);
  if (headers != NULL)
    soup_message_headers_foreach (headers, copy_header, self->headers);
  if (body != NULL && g_bytes_get_size (body) > 0)
    self->body = g_bytes_ref (body);
  self->root = root != NULL ? json_node_ref (root) : NULL;
  return self;
}

PdPortalResponse *
pd_portal_response_ref (PdPortalResponse *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
pd_portal_response_unref (PdPortalResponse *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  soup_message_headers_unref (self->headers);
  g_clear_pointer (&self->body, g_bytes_unref);
  g_clear_pointer (&self->root, json_node_unref);
  g_free (self);
}

guint
pd_portal_response_get_status (PdPortalResponse *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->status;
}

JsonNode *
pd_portal_response_get_root (PdPortalResponse *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->root;
}

JsonNode *
pd_portal_response_steal_root (PdPortalResponse *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_steal_pointer (&self->root);
}

GBytes *
pd_portal_response_get_body (PdPortalResponse *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->body;
}

const char *
pd_portal_response_get_etag (PdPortalResponse *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return soup_message_headers_get_one (self->headers, "ETag");
}

const char *
pd_portal_response_get_header (PdPortalResponse *self,
                               const char       *name)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return soup_message_headers_get_one (self->headers, name);
}

gboolean
pd_portal_response_is_replay (PdPortalResponse *self)
{
  const char *value;

  g_return_val_if_fail (self != NULL, FALSE);

  value = soup_message_headers_get_one (self->headers, "Idempotent-Replayed");
  return value != NULL && g_ascii_strcasecmp (value, "true") == 0;
}

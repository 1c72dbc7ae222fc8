/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "pd-portal-validate.h"

struct _PdPortalValidation
{
  PdPortalRequest    *req;
  PdPortalValidation *root;       /* where errors are collected */
  JsonObject         *object;     /* NULL when the node is not an object */
  char               *prefix;
  JsonBuilder        *errors;
  guint               n_errors;
  GPtrArray          *strings;    /* values handed out, owned here */
};

static PdPortalValidation *
validation_new (PdPortalRequest    *req,
                PdPortalValidation *root,
                JsonNode           *node,
                const char         *prefix)
{
  PdPortalValidation *v = g_new0 (PdPortalValidation, 1);

  v->req = req;
  v->root = root ? root : v;
  v->prefix = g_strdup (prefix ? prefix : "");
  v->strings = g_ptr_array_new_with_free_func (g_free);
  if (root == NULL)
    {
      v->errors = json_builder_new ();
      json_builder_begin_array (v->errors);
    }
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    v->object = json_object_ref (json_node_get_object (node));
  else
    pd_portal_validation_error (v, prefix && *prefix ? prefix : "", "type",
                                node == NULL ? "A JSON object is required." : "This must be a JSON object.");
  return v;
}

PdPortalValidation *
pd_portal_validation_new (PdPortalRequest *req)
{
  return validation_new (req, NULL, req->body, NULL);
}

PdPortalValidation *
pd_portal_validation_new_nested (PdPortalValidation *parent,
                                 JsonNode           *node,
                                 const char         *prefix)
{
  return validation_new (parent->req, parent->root, node, prefix);
}

void
pd_portal_validation_free (PdPortalValidation *v)
{
  if (v == NULL)
    return;
  g_clear_pointer (&v->object, json_object_unref);
  g_clear_object (&v->errors);
  g_ptr_array_unref (v->strings);
  g_free (v->prefix);
  g_free (v);
}

JsonObject *
pd_portal_validation_object (PdPortalValidation *v)
{
  return v->object;
}

static char *
field_name (PdPortalValidation *v,
            const char         *member)
{
  if (*v->prefix == '\0')
    return g_strdup (member);
  if (*member == '\0')
    return g_strdup (v->prefix);
  return g_strconcat (v->prefix, g_str_has_suffix (v->prefix, ".") ? "" : ".", member, NULL);
}

void
pd_portal_validation_error (PdPortalValidation *v,
                            const char         *field,
                            const char         *code,
                            const char         *message_format,
                            ...)
{
  PdPortalValidation *root = v->root;
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, message_format);
  message = g_strdup_vprintf (message_format, args);
  va_end (args);

  json_builder_begin_object (root->errors);
  pd_portal_json_text (root->errors, "field", field);
  pd_portal_json_text (root->errors, "code", code);
  pd_portal_json_text (root->errors, "message", message);
  json_builder_end_object (root->errors);
  root->n_errors++;
}

gboolean
pd_portal_validation_has (PdPortalValidation *v,
                          const char         *member)
{
  return v->object != NULL && json_object_has_member (v->object, member);
}

gboolean
pd_portal_validation_is_null (PdPortalValidation *v,
                              const char         *member)
{
  return pd_portal_validation_has (v, member) && json_object_get_null_member (v->object, member);
}

void
pd_portal_validation_only (PdPortalValidation *v,
                           const char *const  *allowed)
{
  g_autoptr(GList) members = NULL;

  if (v->object == NULL)
    return;
  members = json_object_get_members (v->object);
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (allowed, l->data))
      {
        g_autofree char *field = field_name (v, l->data);
        pd_portal_validation_error (v, field, "unknown", "“%s” is not a field of this request.", (char *) l->data);
      }
}

/* The member's node when present and of the right type; records the error otherwise. */
static JsonNode *
member_node (PdPortalValidation *v,
             const char         *member,
             PdFieldFlags        flags,
             GType               value_type,
             const char         *type_name)
{
  g_autofree char *field = field_name (v, member);
  JsonNode *node;

  if (v->object == NULL)
    return NULL;
  node = json_object_get_member (v->object, member);
  if (node == NULL)
    {
      if (flags & PD_FIELD_REQUIRED)
        pd_portal_validation_error (v, field, "required", "“%s” is required.", member);
      return NULL;
    }
  if (JSON_NODE_HOLDS_NULL (node))
    {
      if (!(flags & PD_FIELD_NULLABLE))
        pd_portal_validation_error (v, field, "type", "“%s” cannot be null.", member);
      return NULL;
    }
  if (value_type == JSON_TYPE_ARRAY ? !JSON_NODE_HOLDS_ARRAY (node) :
      value_type == JSON_TYPE_OBJECT ? !JSON_NODE_HOLDS_OBJECT (node) :
      (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != value_type))
    {
      pd_portal_validation_error (v, field, "type", "“%s” must be %s.", member, type_name);
      return NULL;
    }
  return node;
}

static gboolean
has_control_characters (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_iscntrl (c) && c != '\n' && c != '\t')
        return TRUE;
    }
  return FALSE;
}

const char *
pd_portal_validate_string (PdPortalValidation *v,
                           const char         *member,
                           PdFieldFlags        flags,
                           guint               min_chars,
                           guint               max_chars)
{
  JsonNode *node = member_node (v, member, flags, G_TYPE_STRING, "a string");
  g_autofree char *field = field_name (v, member);
  char *value;
  glong length;

  if (node == NULL)
    return NULL;
  value = g_strstrip (g_strdup (json_node_get_string (node)));
  g_ptr_array_add (v->strings, value);
  length = g_utf8_strlen (value, -1);
  if (has_control_characters (value))
    pd_portal_validation_error (v, field, "invalid", "“%s” cannot contain control characters.", member);
  else if (length < (glong) min_chars)
    pd_portal_validation_error (v, field, min_chars == 1 ? "required" : "too_short",
                                min_chars == 1 ? "“%s” cannot be empty." : "“%s” must have at least %u characters.",
                                member, min_chars);
  else if (length > (glong) max_chars)
    pd_portal_validation_error (v, field, "too_long", "“%s” can have at most %u characters.", member, max_chars);
  else
    return value;
  return NULL;
}

gboolean
pd_portal_is_email (const char *text)
{
  const char *at = text ? strchr (text, '@') : NULL;
  const char *dot;

  if (at == NULL || at == text || strchr (at + 1, '@') != NULL || strlen (text) > 254)
    return FALSE;
  for (const char *p = text; *p; p++)
    if (g_ascii_isspace (*p) || g_ascii_iscntrl (*p) || *p == ',' || *p == ';' || *p == '<' || *p == '>')
      return FALSE;
  dot = strrchr (at + 1, '.');
  /* A domain of dot-separated labels: not empty, no leading, trailing or doubled dots. */
  return dot != NULL && at[1] != '.' && dot[1] != '\0' && strstr (at, "..") == NULL;
}

const char *
pd_portal_validate_email (PdPortalValidation *v,
                          const char         *member,
                          PdFieldFlags        flags)
{
  const char *value = pd_portal_validate_string (v, member, flags, 1, 254);
  g_autofree char *field = field_name (v, member);

  if (value != NULL && !pd_portal_is_email (value))
    {
      pd_portal_validation_error (v, field, "invalid_email", "“%s” is not an e-mail address.", value);
      return NULL;
    }
  return value;
}

const char *
pd_portal_validate_enum (PdPortalValidation *v,
                         const char         *member,
                         PdFieldFlags        flags,
                         const char *const  *choices)
{
  JsonNode *node = member_node (v, member, flags, G_TYPE_STRING, "a string");
  g_autofree char *field = field_name (v, member);
  g_autofree char *list = NULL;
  const char *value;

  if (node == NULL)
    return NULL;
  value = json_node_get_string (node);
  for (guint i = 0; choices[i] != NULL; i++)
    if (g_str_equal (choices[i], value))
      return choices[i];
  list = g_strjoinv (", ", (GStrv) choices);
  pd_portal_validation_error (v, field, "invalid_choice", "“%s” must be one of: %s.", member, list);
  return NULL;
}

gboolean
pd_portal_validate_bool (PdPortalValidation *v,
                         const char         *member,
                         PdFieldFlags        flags,
                         gboolean           *out)
{
  JsonNode *node = member_node (v, member, flags, G_TYPE_BOOLEAN, "true or false");

  if (node == NULL)
    return FALSE;
  *out = json_node_get_boolean (node);
  return TRUE;
}

gboolean
pd_portal_validate_int (PdPortalValidation *v,
                        const char         *member,
                        PdFieldFlags        flags,
                        gint64              min,
                        gint64              max,
                        gint64             *out)
{
  JsonNode *node = member_node (v, member, flags, G_TYPE_INT64, "a whole number");
  g_autofree char *field = field_name (v, member);
  gint64 value;

  if (node == NULL)
    return FALSE;
  value = json_node_get_int (node);
  if (value < min || value > max)
    {
      pd_portal_validation_error (v, field, "out_of_range",
                                  "“%s” must be from %" G_GINT64_FORMAT " to %" G_GINT64_FORMAT ".", member, min, max);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

JsonArray *
pd_portal_validate_array (PdPortalValidation *v,
                          const char         *member,
                          PdFieldFlags        flags,
                          guint               min_items,
                          guint               max_items)
{
  JsonNode *node = member_node (v, member, flags, JSON_TYPE_ARRAY, "an array");
  g_autofree char *field = field_name (v, member);
  JsonArray *array;
  guint n;

  if (node == NULL)
    return NULL;
  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n < min_items)
    pd_portal_validation_error (v, field, "too_few", "“%s” needs at least %u item%s.", member, min_items,
                                min_items == 1 ? "" : "s");
  else if (n > max_items)
    pd_portal_validation_error (v, field, "too_many", "“%s” can have at most %u items; split the request.",
                                member, max_items);
  else
    return array;
  return NULL;
}

GStrv
pd_portal_validate_strings (PdPortalValidation *v,
                            const char         *member,
                            PdFieldFlags        flags,
                            guint               min_items,
                            guint               max_items)
{
  JsonArray *array = pd_portal_validate_array (v, member, flags, min_items, max_items);
  g_autoptr(GStrvBuilder) builder = NULL;
  gboolean ok = TRUE;

  if (array == NULL)
    return NULL;
  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING ||
          strlen (json_node_get_string (item)) > 200)
        {
          g_autofree char *base = field_name (v, member);
          g_autofree char *field = g_strdup_printf ("%s[%u]", base, i);
          pd_portal_validation_error (v, field, "type", "Each item of “%s” must be a string (at most 200 bytes).", member);
          ok = FALSE;
        }
      else
        g_strv_builder_add (builder, json_node_get_string (item));
    }
  return ok ? g_strv_builder_end (builder) : NULL;
}

gboolean
pd_portal_validation_failed (PdPortalValidation *v)
{
  g_autoptr(JsonNode) errors = NULL;

  g_return_val_if_fail (v->root == v, FALSE);
  if (v->n_errors == 0)
    return FALSE;
  json_builder_end_array (v->errors);
  errors = json_builder_get_root (v->errors);
  pd_portal_respond_field_errors (v->req, errors);
  return TRUE;
}

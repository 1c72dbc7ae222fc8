/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "pd-models.h"
#include "pd-resource-fields.h"
#include "pd-resource-private.h"

/* Far deeper than any resource of the contract (an organization's service's seats is 3) */
#define MAX_DEPTH 32

G_DEFINE_QUARK (pd-decode-error-quark, pd_decode_error)

typedef struct
{
  char       *id;
  char       *etag;
  GDateTime  *created_at;
  GDateTime  *updated_at;
  char       *parent_id;
  /* field index + 1 → the text of an enum value this version does not know */
  GHashTable *raw_enums;
  guint       revision;   /* updates so far */
} PdResourcePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (PdResource, pd_resource, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ETAG,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_PARENT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const guint role_props[] = {
  [PD_FIELD_ROLE_NONE] = 0,
  [PD_FIELD_ROLE_ID] = PROP_ID,
  [PD_FIELD_ROLE_ETAG] = PROP_ETAG,
  [PD_FIELD_ROLE_CREATED_AT] = PROP_CREATED_AT,
  [PD_FIELD_ROLE_UPDATED_AT] = PROP_UPDATED_AT,
  [PD_FIELD_ROLE_PARENT_ID] = PROP_PARENT_ID,
};

static PdResourceMeta *
get_meta (PdResource *self)
{
  return PD_RESOURCE_GET_CLASS (self)->meta;
}

/* Where a field's value lives: in the subclass struct, or in the base's private data */
gpointer
pd_resource_field_ptr (PdResource    *self,
                       const PdField *field)
{
  PdResourcePrivate *priv = pd_resource_get_instance_private (self);

  switch (field->role)
    {
    case PD_FIELD_ROLE_ID:         return &priv->id;
    case PD_FIELD_ROLE_ETAG:       return &priv->etag;
    case PD_FIELD_ROLE_CREATED_AT: return &priv->created_at;
    case PD_FIELD_ROLE_UPDATED_AT: return &priv->updated_at;
    case PD_FIELD_ROLE_PARENT_ID:  return &priv->parent_id;
    case PD_FIELD_ROLE_NONE:
    default:
      return G_STRUCT_MEMBER_P (self, field->offset);
    }
}

static GParamSpec *
field_pspec (PdResource *self,
             guint       index)
{
  const PdField *field = &get_meta (self)->fields[index];

  if (field->role != PD_FIELD_ROLE_NONE)
    return properties[role_props[field->role]];
  return get_meta (self)->pspecs[index];
}

static void
pd_resource_constructed (GObject *object)
{
  PdResource *self = PD_RESOURCE (object);
  PdResourceMeta *meta = get_meta (self);

  G_OBJECT_CLASS (pd_resource_parent_class)->constructed (object);

  /* Nested lists exist from the start, so getters never return NULL and bindings can
   * hold on to them across updates. */
  for (guint i = 0; meta != NULL && i < meta->n_fields; i++)
    {
      const PdField *field = &meta->fields[i];

      if (field->type == PD_FIELD_LIST)
        *(PdResourceList **) pd_resource_field_ptr (self, field) = pd_resource_list_new (field->get_type ());
      else if (field->type == PD_FIELD_ARRAY)
        *(GListStore **) pd_resource_field_ptr (self, field) = g_list_store_new (field->get_type ());
    }
}

static void
pd_resource_finalize (GObject *object)
{
  PdResource *self = PD_RESOURCE (object);
  PdResourcePrivate *priv = pd_resource_get_instance_private (self);
  PdResourceMeta *meta = get_meta (self);

  for (guint i = 0; meta != NULL && i < meta->n_fields; i++)
    pd_resource_field_clear (self, &meta->fields[i], pd_resource_field_ptr (self, &meta->fields[i]));

  g_free (priv->id);
  g_free (priv->etag);
  g_clear_pointer (&priv->created_at, g_date_time_unref);
  g_clear_pointer (&priv->updated_at, g_date_time_unref);
  g_free (priv->parent_id);
  g_clear_pointer (&priv->raw_enums, g_hash_table_unref);

  G_OBJECT_CLASS (pd_resource_parent_class)->finalize (object);
}

static void
pd_resource_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PdResource *self = PD_RESOURCE (object);
  PdResourcePrivate *priv = pd_resource_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, priv->id);
      break;
    case PROP_ETAG:
      g_value_set_string (value, priv->etag);
      break;
    case PROP_CREATED_AT:
      g_value_set_boxed (value, priv->created_at);
      break;
    case PROP_UPDATED_AT:
      g_value_set_boxed (value, priv->updated_at);
      break;
    case PROP_PARENT_ID:
      g_value_set_string (value, priv->parent_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* get_property of every subclass: the property id is the field index + 1 */
static void
fields_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  PdResource *self = PD_RESOURCE (object);
  PdResourceMeta *meta = get_meta (self);
  const PdField *field;

  if (meta == NULL || prop_id == 0 || prop_id > meta->n_fields)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  field = &meta->fields[prop_id - 1];
  pd_resource_field_get_value (self, field, pd_resource_field_ptr (self, field), value);
}

static gboolean
pd_resource_real_decode (PdResource  *self,
                         JsonObject  *object,
                         GError     **error)
{
  return pd_resource_decode_object (self, object, NULL, error);
}

static void
pd_resource_real_update (PdResource *self,
                         PdResource *from)
{
  PdResourcePrivate *priv = pd_resource_get_instance_private (self);
  PdResourcePrivate *from_priv = pd_resource_get_instance_private (from);
  PdResourceMeta *meta = get_meta (self);

  g_object_freeze_notify (G_OBJECT (self));

  for (guint i = 0; i < meta->n_fields; i++)
    {
      const PdField *field = &meta->fields[i];
      gboolean changed;

      changed = pd_resource_field_copy (self, field, pd_resource_field_ptr (self, field),
                                        pd_resource_field_ptr (from, field));
      if (field->type == PD_FIELD_ENUM)
        {
          const char *mine = priv->raw_enums ? g_hash_table_lookup (priv->raw_enums, GUINT_TO_POINTER (i + 1)) : NULL;
          const char *theirs = from_priv->raw_enums ? g_hash_table_lookup (from_priv->raw_enums, GUINT_TO_POINTER (i + 1)) : NULL;

          if (g_strcmp0 (mine, theirs) != 0)
            {
              pd_resource_set_raw_enum (self, i, theirs);
              changed = TRUE;
            }
        }
      if (changed)
        g_object_notify_by_pspec (G_OBJECT (self), field_pspec (self, i));
    }

  g_object_thaw_notify (G_OBJECT (self));
}

static void
pd_resource_class_init (PdResourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = pd_resource_constructed;
  object_class->finalize = pd_resource_finalize;
  object_class->get_property = pd_resource_get_property;

  klass->decode = pd_resource_real_decode;
  klass->update = pd_resource_real_update;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ETAG] =
    g_param_spec_string ("etag", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CREATED_AT] =
    g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_UPDATED_AT] =
    g_param_spec_boxed ("updated-at", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PARENT_ID] =
    g_param_spec_string ("parent-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pd_resource_init (PdResource *self)
{
}

void
pd_resource_class_install_fields (PdResourceClass *klass,
                                  const char      *display_name,
                                  const PdField   *fields,
                                  guint            n_fields)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  PdResourceMeta *meta = g_new0 (PdResourceMeta, 1);

  meta->display_name = display_name;
  meta->fields = fields;
  meta->n_fields = n_fields;
  meta->pspecs = g_new0 (GParamSpec *, n_fields);
  meta->id_field = -1;
  meta->tree = pd_field_tree_new (fields, n_fields);

  object_class->get_property = fields_get_property;

  for (guint i = 0; i < n_fields; i++)
    {
      if (fields[i].role == PD_FIELD_ROLE_ID)
        meta->id_field = (int) i;
      /* Kept for the life of the program, so decoding can peek without locking */
      if (fields[i].type == PD_FIELD_ENUM)
        g_type_class_ref (fields[i].get_type ());
      if (fields[i].property == NULL)
        continue;
      meta->pspecs[i] = pd_resource_field_param_spec (&fields[i]);
      g_object_class_install_property (object_class, i + 1, meta->pspecs[i]);
    }

  /* Class data lives as long as the type, like the class itself */
  pd_resource_meta_set (klass, meta);
}

char *
pd_resource_describe (PdResourceMeta *meta,
                      const char     *id)
{
  if (id != NULL && *id != '\0')
    {
      g_autofree char *valid = g_utf8_make_valid (id, -1);

      if (g_utf8_strlen (valid, -1) > 64)
        {
          char *end = g_utf8_offset_to_pointer (valid, 64);
          *end = '\0';
        }
      /* TRANSLATORS: a resource and its id in an error, e.g. Organization “org_12” */
      return g_strdup_printf (_("%s “%s”"), _(meta->display_name), valid);
    }
  return g_strdup (_(meta->display_name));
}

/* The error's subject: “Organization “org_12”” when the object has a usable id */
static char *
describe (PdResourceMeta *meta,
          JsonObject     *object)
{
  JsonNode *node = NULL;
  gsize where;

  if (meta->id_field >= 0
      && pd_json_lookup (object, meta->fields[meta->id_field].path, &node, &where) == PD_JSON_FOUND
      && pd_json_node_is_string (node))
    return pd_resource_describe (meta, json_node_get_string (node));
  return pd_resource_describe (meta, NULL);
}

gboolean
pd_resource_decode_object (PdResource  *self,
                           JsonObject  *object,
                           const char  *prefix,
                           GError     **error)
{
  PdResourceMeta *meta = get_meta (self);

  g_return_val_if_fail (meta != NULL, FALSE);

  for (guint i = 0; i < meta->n_fields; i++)
    {
      const PdField *field = &meta->fields[i];

      if (!pd_resource_field_decode (self, i, field, pd_resource_field_ptr (self, field), object, prefix, error))
        {
          if (prefix == NULL)
            {
              g_autofree char *who = describe (meta, object);
              /* TRANSLATORS: the resource, then what is wrong with it */
              g_prefix_error (error, _("%s: "), who);
            }
          return FALSE;
        }
    }
  return TRUE;
}

void
pd_resource_set_raw_enum (PdResource *self,
                          guint       index,
                          const char *text)
{
  PdResourcePrivate *priv = pd_resource_get_instance_private (self);

  if (text == NULL)
    {
      if (priv->raw_enums != NULL)
        g_hash_table_remove (priv->raw_enums, GUINT_TO_POINTER (index + 1));
      return;
    }
  if (priv->raw_enums == NULL)
    priv->raw_enums = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_hash_table_insert (priv->raw_enums, GUINT_TO_POINTER (index + 1), g_strdup (text));
}

const char *
pd_resource_get_enum_text (PdResource *self,
                           const char *property)
{
  PdResourcePrivate *priv;
  PdResourceMeta *meta;
  GParamSpec *pspec;
  const PdField *field;
  const char *raw;
  GEnumClass *enum_class;
  GEnumValue *value;

  g_return_val_if_fail (PD_IS_RESOURCE (self), NULL);
  g_return_val_if_fail (property != NULL, NULL);

  priv = pd_resource_get_instance_private (self);
  meta = get_meta (self);
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self), property);
  g_return_val_if_fail (meta != NULL && pspec != NULL && G_IS_PARAM_SPEC_ENUM (pspec), NULL);
  g_return_val_if_fail (pspec->param_id >= 1 && pspec->param_id <= meta->n_fields, NULL);

  field = &meta->fields[pspec->param_id - 1];
  raw = priv->raw_enums ? g_hash_table_lookup (priv->raw_enums, GUINT_TO_POINTER (pspec->param_id)) : NULL;
  if (raw != NULL)
    return raw;

  enum_class = g_type_class_peek_static (field->get_type ());
  value = g_enum_get_value (enum_class, *(int *) pd_resource_field_ptr (self, field));
  if (value == NULL || value->value == 0
      || ((field->flags & PD_FIELD_NULLABLE) && g_str_equal (value->value_nick, "none")))
    return NULL;
  return value->value_nick;
}

gboolean
pd_resource_equal (PdResource *a,
                   PdResource *b)
{
  PdResourcePrivate *pa, *pb;
  PdResourceMeta *meta;

  g_return_val_if_fail (PD_IS_RESOURCE (a) && PD_IS_RESOURCE (b), FALSE);

  if (a == b)
    return TRUE;
  if (G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b))
    return FALSE;

  pa = pd_resource_get_instance_private (a);
  pb = pd_resource_get_instance_private (b);
  meta = get_meta (a);
  for (guint i = 0; i < meta->n_fields; i++)
    {
      const PdField *field = &meta->fields[i];

      if (!pd_resource_field_equal (field, pd_resource_field_ptr (a, field), pd_resource_field_ptr (b, field)))
        return FALSE;
      if (field->type == PD_FIELD_ENUM
          && g_strcmp0 (pa->raw_enums ? g_hash_table_lookup (pa->raw_enums, GUINT_TO_POINTER (i + 1)) : NULL,
                        pb->raw_enums ? g_hash_table_lookup (pb->raw_enums, GUINT_TO_POINTER (i + 1)) : NULL) != 0)
        return FALSE;
    }
  return TRUE;
}

PdResource *
pd_resource_new_from_json (GType      type,
                           JsonNode  *node,
                           GError   **error)
{
  g_autoptr(PdResource) self = NULL;

  g_return_val_if_fail (g_type_is_a (type, PD_TYPE_RESOURCE), NULL);
  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (type, NULL);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, PD_DECODE_ERROR, PD_DECODE_ERROR_TYPE,
                   _("%s: the portal sent something other than a JSON object"),
                   _(get_meta (self)->display_name));
      return NULL;
    }
  if (!PD_RESOURCE_GET_CLASS (self)->decode (self, json_node_get_object (node), error))
    return NULL;
  return g_steal_pointer (&self);
}

/* The resource's translated name for errors about the whole text */
static const char *
type_display_name (GType type)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  PdResourceMeta *meta = pd_resource_meta_get (type);

  /* The class stays alive (the type system keeps a reference for every installed class
   * data once a resource exists); fall back on the type name if none was ever made */
  return meta ? _(meta->display_name) : g_type_name (type);
}

PdResource *
pd_resource_new_from_data (GType        type,
                           const char  *data,
                           gssize       length,
                           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (g_type_is_a (type, PD_TYPE_RESOURCE), NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  switch (pd_json_text_shape (data ? data : "", data == NULL ? 0 : length < 0 ? strlen (data) : (gsize) length,
                              MAX_DEPTH))
    {
    case PD_JSON_SHAPE_OK:
      break;
    case PD_JSON_SHAPE_EMPTY:
      g_set_error (error, PD_DECODE_ERROR, PD_DECODE_ERROR_TYPE, _("%s: the text is empty"),
                   type_display_name (type));
      return NULL;
    case PD_JSON_SHAPE_NOT_OBJECT:
      g_set_error (error, PD_DECODE_ERROR, PD_DECODE_ERROR_TYPE,
                   _("%s: the portal sent something other than a JSON object"), type_display_name (type));
      return NULL;
    case PD_JSON_SHAPE_TRAILING:
      g_set_error (error, PD_DECODE_ERROR, PD_DECODE_ERROR_TYPE, _("%s: more text follows the JSON object"),
                   type_display_name (type));
      return NULL;
    case PD_JSON_SHAPE_TOO_DEEP:
    default:
      g_set_error (error, PD_DECODE_ERROR, PD_DECODE_ERROR_INVALID,
                   _("%s: the JSON text nests more than %u levels deep"), type_display_name (type), MAX_DEPTH);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data ? data : "", length, &local_error))
    {
      guint line = 0, column = 0;

      /* Only the position of json-glib's message: the rest quotes the text, which may hold
       * a secret (a new API key) and need not be UTF-8 */
      if (sscanf (local_error->message, "<data>:%u:%u", &line, &column) == 2)
        g_set_error (error, PD_DECODE_ERROR, PD_DECODE_ERROR_TYPE,
                     _("%s: the text is not valid JSON (line %u, column %u)"),
                     type_display_name (type), line, column);
      else
        g_set_error (error, PD_DECODE_ERROR, PD_DECODE_ERROR_TYPE, _("%s: the text is not valid JSON"),
                     type_display_name (type));
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, PD_DECODE_ERROR, PD_DECODE_ERROR_TYPE, _("%s: the text is empty"),
                   type_display_name (type));
      return NULL;
    }
  return pd_resource_new_from_json (type, json_parser_get_root (parser), error);
}

void
pd_resource_update (PdResource *self,
                    PdResource *from)
{
  g_return_if_fail (PD_IS_RESOURCE (self));
  g_return_if_fail (PD_IS_RESOURCE (from));
  g_return_if_fail (G_OBJECT_TYPE (self) == G_OBJECT_TYPE (from));
  g_return_if_fail (g_strcmp0 (pd_resource_get_id (self), pd_resource_get_id (from)) == 0);

  if (self == from)
    return;
  /* Before the notifications, so that their handlers see it */
  ((PdResourcePrivate *) pd_resource_get_instance_private (self))->revision++;
  PD_RESOURCE_GET_CLASS (self)->update (self, from);
}

guint
pd_resource_get_revision (PdResource *self)
{
  PdResourcePrivate *priv = pd_resource_get_instance_private (self);

  g_return_val_if_fail (PD_IS_RESOURCE (self), 0);
  return priv->revision;
}

const char *
pd_resource_get_id (PdResource *self)
{
  PdResourcePrivate *priv = pd_resource_get_instance_private (self);

  g_return_val_if_fail (PD_IS_RESOURCE (self), NULL);
  return priv->id;
}

const char *
pd_resource_get_etag (PdResource *self)
{
  PdResourcePrivate *priv = pd_resource_get_instance_private (self);

  g_return_val_if_fail (PD_IS_RESOURCE (self), NULL);
  return priv->etag;
}

GDateTime *
pd_resource_get_created_at (PdResource *self)
{
  PdResourcePrivate *priv = pd_resource_get_instance_private (self);

  g_return_val_if_fail (PD_IS_RESOURCE (self), NULL);
  return priv->created_at;
}

GDateTime *
pd_resource_get_updated_at (PdResource *self)
{
  PdResourcePrivate *priv = pd_resource_get_instance_private (self);

  g_return_val_if_fail (PD_IS_RESOURCE (self), NULL);
  return priv->updated_at;
}

const char *
pd_resource_get_parent_id (PdResource *self)
{
  PdResourcePrivate *priv = pd_resource_get_instance_private (self);

  g_return_val_if_fail (PD_IS_RESOURCE (self), NULL);
  return priv->parent_id;
}

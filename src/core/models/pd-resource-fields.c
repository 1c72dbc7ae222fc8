/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-models.h"
#include "pd-resource-fields.h"

/* Kept in the class structure rather than as the type's qdata: g_type_get_qdata() takes
 * GLib's type lock, and decoding threads asking for it for every object kept the main
 * thread from registering GTK's types while the window was starting. Peeking at a class
 * takes no lock. NULL until the class exists. */
PdResourceMeta *
pd_resource_meta_get (GType type)
{
  PdResourceClass *klass = g_type_class_peek_static (type);

  return klass != NULL ? klass->meta : NULL;
}

void
pd_resource_meta_set (PdResourceClass *klass,
                      PdResourceMeta  *meta)
{
  klass->meta = meta;
}

GParamSpec *
pd_resource_field_param_spec (const PdField *field)
{
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  const char *name = field->property;

  switch (field->type)
    {
    case PD_FIELD_STRING:
      return g_param_spec_string (name, NULL, NULL, NULL, flags);
    case PD_FIELD_INT64:
      return g_param_spec_int64 (name, NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
    case PD_FIELD_BOOL:
    case PD_FIELD_PRESENT:
      return g_param_spec_boolean (name, NULL, NULL, FALSE, flags);
    case PD_FIELD_DOUBLE:
      return g_param_spec_double (name, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
    case PD_FIELD_TIME:
      return g_param_spec_boxed (name, NULL, NULL, G_TYPE_DATE_TIME, flags);
    case PD_FIELD_ENUM:
      return g_param_spec_enum (name, NULL, NULL, field->get_type (), 0, flags);
    case PD_FIELD_STRV:
      return g_param_spec_boxed (name, NULL, NULL, G_TYPE_STRV, flags);
    case PD_FIELD_LIST:
      return g_param_spec_object (name, NULL, NULL, PD_TYPE_RESOURCE_LIST, flags);
    case PD_FIELD_ARRAY:
      return g_param_spec_object (name, NULL, NULL, G_TYPE_LIST_MODEL, flags);
    default:
      g_assert_not_reached ();
    }
}

void
pd_resource_field_clear (PdResource    *self,
                         const PdField *field,
                         gpointer       ptr)
{
  switch (field->type)
    {
    case PD_FIELD_STRING:
      g_clear_pointer ((char **) ptr, g_free);
      break;
    case PD_FIELD_TIME:
      g_clear_pointer ((GDateTime **) ptr, g_date_time_unref);
      break;
    case PD_FIELD_STRV:
      g_clear_pointer ((char ***) ptr, g_strfreev);
      break;
    case PD_FIELD_LIST:
    case PD_FIELD_ARRAY:
      g_clear_object ((GObject **) ptr);
      break;
    case PD_FIELD_INT64:
    case PD_FIELD_BOOL:
    case PD_FIELD_DOUBLE:
    case PD_FIELD_ENUM:
    case PD_FIELD_PRESENT:
    default:
      break;
    }
}

void
pd_resource_field_get_value (PdResource    *self,
                             const PdField *field,
                             gconstpointer  ptr,
                             GValue        *value)
{
  switch (field->type)
    {
    case PD_FIELD_STRING:
      g_value_set_string (value, *(char * const *) ptr);
      break;
    case PD_FIELD_INT64:
      g_value_set_int64 (value, *(const gint64 *) ptr);
      break;
    case PD_FIELD_BOOL:
    case PD_FIELD_PRESENT:
      g_value_set_boolean (value, *(const gboolean *) ptr);
      break;
    case PD_FIELD_DOUBLE:
      g_value_set_double (value, *(const double *) ptr);
      break;
    case PD_FIELD_TIME:
    case PD_FIELD_STRV:
      g_value_set_boxed (value, *(gconstpointer const *) ptr);
      break;
    case PD_FIELD_ENUM:
      g_value_set_enum (value, *(const int *) ptr);
      break;
    case PD_FIELD_LIST:
    case PD_FIELD_ARRAY:
      g_value_set_object (value, *(GObject * const *) ptr);
      break;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
strv_equal (const char * const *a,
            const char * const *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strv_equal (a, b);
}

static gboolean
time_equal (GDateTime *a,
            GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  /* Same instant and same offset: a changed offset is a visible change too */
  return g_date_time_equal (a, b) && g_date_time_get_utc_offset (a) == g_date_time_get_utc_offset (b);
}

static gboolean
models_equal (GListModel *a,
              GListModel *b)
{
  guint n = g_list_model_get_n_items (a);

  if (n != g_list_model_get_n_items (b))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PdResource) x = g_list_model_get_item (a, i);
      g_autoptr(PdResource) y = g_list_model_get_item (b, i);

      if (!pd_resource_equal (x, y))
        return FALSE;
    }
  return TRUE;
}

gboolean
pd_resource_field_equal (const PdField *field,
                         gconstpointer  a,
                         gconstpointer  b)
{
  switch (field->type)
    {
    case PD_FIELD_STRING:
      return g_strcmp0 (*(char * const *) a, *(char * const *) b) == 0;
    case PD_FIELD_INT64:
      return *(const gint64 *) a == *(const gint64 *) b;
    case PD_FIELD_BOOL:
    case PD_FIELD_PRESENT:
      return !*(const gboolean *) a == !*(const gboolean *) b;
    case PD_FIELD_DOUBLE:
      return *(const double *) a == *(const double *) b;
    case PD_FIELD_TIME:
      return time_equal (*(GDateTime * const *) a, *(GDateTime * const *) b);
    case PD_FIELD_ENUM:
      return *(const int *) a == *(const int *) b;
    case PD_FIELD_STRV:
      return strv_equal (*(const char * const * const *) a, *(const char * const * const *) b);
    case PD_FIELD_LIST:
    case PD_FIELD_ARRAY:
      return models_equal (*(GListModel * const *) a, *(GListModel * const *) b);
    default:
      g_assert_not_reached ();
    }
}

static GPtrArray *
model_items (GListModel *model)
{
  guint n = g_list_model_get_n_items (model);
  GPtrArray *items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));
  return items;
}

gboolean
pd_resource_field_copy (PdResource    *self,
                        const PdField *field,
                        gpointer       dst,
                        gconstpointer  src)
{
  if (field->type == PD_FIELD_LIST)
    {
      /* In place: existing items are updated and keep their identity */
      g_autoptr(GPtrArray) items = model_items (*(GListModel * const *) src);

      pd_resource_list_replace (*(PdResourceList **) dst, items);
      return FALSE;
    }

  if (pd_resource_field_equal (field, dst, src))
    return FALSE;

  switch (field->type)
    {
    case PD_FIELD_STRING:
      g_free (*(char **) dst);
      *(char **) dst = g_strdup (*(char * const *) src);
      break;
    case PD_FIELD_INT64:
      *(gint64 *) dst = *(const gint64 *) src;
      break;
    case PD_FIELD_BOOL:
    case PD_FIELD_PRESENT:
      *(gboolean *) dst = *(const gboolean *) src;
      break;
    case PD_FIELD_DOUBLE:
      *(double *) dst = *(const double *) src;
      break;
    case PD_FIELD_TIME:
      g_clear_pointer ((GDateTime **) dst, g_date_time_unref);
      if (*(GDateTime * const *) src != NULL)
        *(GDateTime **) dst = g_date_time_ref (*(GDateTime * const *) src);
      break;
    case PD_FIELD_ENUM:
      *(int *) dst = *(const int *) src;
      break;
    case PD_FIELD_STRV:
      g_strfreev (*(char ***) dst);
      *(char ***) dst = g_strdupv (*(char ** const *) src);
      break;
    case PD_FIELD_ARRAY:
      {
        GListStore *store = *(GListStore **) dst;
        g_autoptr(GPtrArray) items = model_items (*(GListModel * const *) src);

        g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                             items->pdata, items->len);
        /* The store is the same object: items-changed says it all */
        return FALSE;
      }
    case PD_FIELD_LIST:
    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

char *
pd_resource_member_path (const char *prefix,
                         const char *path,
                         gssize      len)
{
  g_autofree char *head = len < 0 ? g_strdup (path) : g_strndup (path, (gsize) len);

  return prefix ? g_strdup_printf ("%s.%s", prefix, head) : g_steal_pointer (&head);
}

#define TYPE_ERROR(message) \
  g_set_error (error, PD_DECODE_ERROR, PD_DECODE_ERROR_TYPE, message, path)

gboolean
pd_resource_field_type_error (GError    **error,
                              const char *path,
                              PdFieldType type)
{
  switch (type)
    {
    case PD_FIELD_STRING:
    case PD_FIELD_ENUM:
      TYPE_ERROR (_("“%s” must be a string"));
      break;
    case PD_FIELD_INT64:
      TYPE_ERROR (_("“%s” must be an integer"));
      break;
    case PD_FIELD_BOOL:
      TYPE_ERROR (_("“%s” must be true or false"));
      break;
    case PD_FIELD_DOUBLE:
      TYPE_ERROR (_("“%s” must be a number"));
      break;
    case PD_FIELD_TIME:
      TYPE_ERROR (_("“%s” must be a date and time like 2025-03-01T09:30:00Z"));
      break;
    case PD_FIELD_STRV:
      TYPE_ERROR (_("“%s” must be an array of strings"));
      break;
    case PD_FIELD_LIST:
    case PD_FIELD_ARRAY:
      TYPE_ERROR (_("“%s” must be an array of objects"));
      break;
    case PD_FIELD_PRESENT:
    default:
      TYPE_ERROR (_("“%s” must be an object"));
      break;
    }
  return FALSE;
}

/* json-glib lets a lone surrogate escape (\ud800) through as invalid UTF-8 */
static gboolean
utf8_error (GError    **error,
            const char *path)
{
  g_set_error (error, PD_DECODE_ERROR, PD_DECODE_ERROR_TYPE, _("“%s” is not valid UTF-8 text"), path);
  return FALSE;
}

/* The value a field takes for null: NULL, 0, FALSE, or the enum's "none" */
void
pd_resource_field_set_null (const PdField *field,
                            gpointer       ptr)
{
  if (field->type == PD_FIELD_ENUM)
    {
      GEnumClass *enum_class = g_type_class_peek_static (field->get_type ());
      GEnumValue *none = g_enum_get_value_by_nick (enum_class, "none");

      *(int *) ptr = none ? none->value : 0;
    }
}

static gboolean
decode_items (PdResource    *self,
              const PdField *field,
              gpointer       ptr,
              JsonNode      *node,
              const char    *path,
              GError       **error)
{
  JsonArray *array = json_node_get_array (node);
  guint n = json_array_get_length (array);
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);
  GType item_type = field->get_type ();

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *element_path = g_strdup_printf ("%s.%u", path, i);
      g_autoptr(PdResource) item = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return pd_resource_field_type_error (error, element_path, PD_FIELD_PRESENT);

      item = g_object_new (item_type, NULL);
      if (!pd_resource_decode_object (item, json_node_get_object (element), element_path, error))
        return FALSE;
      g_ptr_array_add (items, g_steal_pointer (&item));
    }

  if (field->type == PD_FIELD_LIST)
    pd_resource_list_replace (*(PdResourceList **) ptr, items);
  else
    g_list_store_splice (*(GListStore **) ptr, 0, 0, items->pdata, items->len);
  return TRUE;
}

gboolean
pd_resource_field_decode (PdResource    *self,
                          guint          index,
                          const PdField *field,
                          gpointer       ptr,
                          JsonObject    *object,
                          const char    *prefix,
                          GError       **error)
{
  g_autofree char *built = NULL;
  const char *path;
  JsonNode *node = NULL;
  gsize where = 0;

  switch (pd_json_lookup (object, field->path, &node, &where))
    {
    case PD_JSON_FOUND:
      break;
    case PD_JSON_ABSENT:
      if (field->flags & PD_FIELD_OPTIONAL)
        return TRUE;
      path = built = pd_resource_member_path (prefix, field->path, (gssize) where);
      g_set_error (error, PD_DECODE_ERROR, PD_DECODE_ERROR_MISSING, _("“%s” is missing"), path);
      return FALSE;
    case PD_JSON_PARENT_NULL:
      /* The field keeps its unset value (NULL, 0, FALSE, *_UNKNOWN) */
      if (field->flags & PD_FIELD_PARENT_NULLABLE)
        return TRUE;
      G_GNUC_FALLTHROUGH;
    case PD_JSON_PARENT_TYPE:
    default:
      path = built = pd_resource_member_path (prefix, field->path, (gssize) where);
      return pd_resource_field_type_error (error, path, PD_FIELD_PRESENT);
    }

  /* The member's full path names it in messages: built only when one is needed, not for
   * every field of every item (that was a tenth of a full sync). */
  path = prefix == NULL ? field->path : NULL;
#define FIELD_PATH() (path != NULL ? path : (path = built = pd_resource_member_path (prefix, field->path, -1)))

  if (JSON_NODE_HOLDS_NULL (node))
    {
      if (field->flags & PD_FIELD_NULLABLE)
        {
          pd_resource_field_set_null (field, ptr);
          return TRUE;
        }
      g_set_error (error, PD_DECODE_ERROR, PD_DECODE_ERROR_TYPE, _("“%s” must not be null"), FIELD_PATH ());
      return FALSE;
    }

  switch (field->type)
    {
    case PD_FIELD_STRING:
      if (!pd_json_node_is_string (node))
        return pd_resource_field_type_error (error, FIELD_PATH (), field->type);
      if (!g_utf8_validate (json_node_get_string (node), -1, NULL))
        return utf8_error (error, FIELD_PATH ());
      if (field->role == PD_FIELD_ROLE_ID && *json_node_get_string (node) == '\0')
        {
          g_set_error (error, PD_DECODE_ERROR, PD_DECODE_ERROR_INVALID, _("“%s” must not be empty"), FIELD_PATH ());
          return FALSE;
        }
      g_free (*(char **) ptr);
      *(char **) ptr = g_strdup (json_node_get_string (node));
      return TRUE;

    case PD_FIELD_INT64:
      if (!pd_json_node_is_int (node))
        return pd_resource_field_type_error (error, FIELD_PATH (), field->type);
      if ((field->flags & PD_FIELD_NON_NEGATIVE) && json_node_get_int (node) < 0)
        {
          g_set_error (error, PD_DECODE_ERROR, PD_DECODE_ERROR_INVALID, _("“%s” must not be negative"), FIELD_PATH ());
          return FALSE;
        }
      *(gint64 *) ptr = json_node_get_int (node);
      return TRUE;

    case PD_FIELD_BOOL:
      if (!pd_json_node_is_bool (node))
        return pd_resource_field_type_error (error, FIELD_PATH (), field->type);
      *(gboolean *) ptr = json_node_get_boolean (node);
      return TRUE;

    case PD_FIELD_DOUBLE:
      if (!pd_json_node_is_number (node))
        return pd_resource_field_type_error (error, FIELD_PATH (), field->type);
      *(double *) ptr = json_node_get_double (node);
      return TRUE;

    case PD_FIELD_TIME:
      {
        GDateTime *time;

        if (!pd_json_node_is_string (node)
            || (time = pd_json_parse_time (json_node_get_string (node))) == NULL)
          return pd_resource_field_type_error (error, FIELD_PATH (), field->type);
        g_clear_pointer ((GDateTime **) ptr, g_date_time_unref);
        *(GDateTime **) ptr = time;
        return TRUE;
      }

    case PD_FIELD_ENUM:
      {
        GEnumClass *enum_class;
        GEnumValue *value;
        const char *text;

        if (!pd_json_node_is_string (node))
          return pd_resource_field_type_error (error, FIELD_PATH (), field->type);
        text = json_node_get_string (node);
        if (!g_utf8_validate (text, -1, NULL))
          return utf8_error (error, FIELD_PATH ());
        enum_class = g_type_class_peek_static (field->get_type ());
        value = g_enum_get_value_by_nick (enum_class, text);
        if (value != NULL && value->value != 0)
          {
            *(int *) ptr = value->value;
            pd_resource_set_raw_enum (self, index, NULL);
          }
        else
          {
            *(int *) ptr = 0;
            pd_resource_set_raw_enum (self, index, text);
          }
        return TRUE;
      }

    case PD_FIELD_STRV:
      {
        JsonArray *array;
        GStrvBuilder *builder;
        guint n;

        if (!JSON_NODE_HOLDS_ARRAY (node))
          return pd_resource_field_type_error (error, FIELD_PATH (), field->type);
        array = json_node_get_array (node);
        n = json_array_get_length (array);
        builder = g_strv_builder_new ();
        for (guint i = 0; i < n; i++)
          {
            JsonNode *element = json_array_get_element (array, i);

            if (!pd_json_node_is_string (element) || !g_utf8_validate (json_node_get_string (element), -1, NULL))
              {
                g_autofree char *element_path = g_strdup_printf ("%s.%u", FIELD_PATH (), i);

                g_strv_builder_unref (builder);
                if (pd_json_node_is_string (element))
                  return utf8_error (error, element_path);
                return pd_resource_field_type_error (error, element_path, PD_FIELD_STRING);
              }
            g_strv_builder_add (builder, json_node_get_string (element));
          }
        g_strfreev (*(char ***) ptr);
        *(char ***) ptr = g_strv_builder_end (builder);
        g_strv_builder_unref (builder);
        return TRUE;
      }

    case PD_FIELD_LIST:
    case PD_FIELD_ARRAY:
      if (!JSON_NODE_HOLDS_ARRAY (node))
        return pd_resource_field_type_error (error, FIELD_PATH (), field->type);
      return decode_items (self, field, ptr, node, FIELD_PATH (), error);

    case PD_FIELD_PRESENT:
      if (!JSON_NODE_HOLDS_OBJECT (node))
        return pd_resource_field_type_error (error, FIELD_PATH (), field->type);
      *(gboolean *) ptr = TRUE;
      return TRUE;

    default:
      g_assert_not_reached ();
    }
#undef FIELD_PATH
}

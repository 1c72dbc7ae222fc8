/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "pd-settings"

#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

#include "pd-country-list.h"

/* The iso-codes package ships the names and their translations under this domain. */
#define ISO_3166_DOMAIN "iso_3166-1"

struct _PdCountry
{
  GObject  parent_instance;

  char    *code;
  char    *name;
  char    *collate_key;
};

G_DEFINE_FINAL_TYPE (PdCountry, pd_country, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CODE,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
pd_country_get_code (PdCountry *self)
{
  g_return_val_if_fail (PD_IS_COUNTRY (self), NULL);

  return self->code;
}

const char *
pd_country_get_name (PdCountry *self)
{
  g_return_val_if_fail (PD_IS_COUNTRY (self), NULL);

  return self->name;
}

static void
pd_country_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  PdCountry *self = PD_COUNTRY (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_country_finalize (GObject *object)
{
  PdCountry *self = PD_COUNTRY (object);

  g_free (self->code);
  g_free (self->name);
  g_free (self->collate_key);

  G_OBJECT_CLASS (pd_country_parent_class)->finalize (object);
}

static void
pd_country_class_init (PdCountryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = pd_country_get_property;
  object_class->finalize = pd_country_finalize;

  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pd_country_init (PdCountry *self)
{
}

static PdCountry *
pd_country_new (const char *code,
                const char *name)
{
  PdCountry *self = g_object_new (PD_TYPE_COUNTRY, NULL);

  self->code = g_strdup (code);
  self->name = g_strdup (name);
  self->collate_key = g_utf8_collate_key (name, -1);
  return self;
}

static int
compare_countries (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  return strcmp (PD_COUNTRY ((gpointer) a)->collate_key, PD_COUNTRY ((gpointer) b)->collate_key);
}

static JsonParser *
load_iso_codes (void)
{
  const char * const *dirs = g_get_system_data_dirs ();

  for (guint i = 0; dirs[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (dirs[i], "iso-codes", "json", "iso_3166-1.json", NULL);
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();

      if (g_file_test (path, G_FILE_TEST_EXISTS) && json_parser_load_from_mapped_file (parser, path, NULL))
        return g_steal_pointer (&parser);
    }
  return NULL;
}

static GListStore *
build_list (void)
{
  GListStore *store = g_list_store_new (PD_TYPE_COUNTRY);
  g_autoptr(JsonParser) parser = load_iso_codes ();
  JsonNode *root = parser != NULL ? json_parser_get_root (parser) : NULL;
  JsonArray *entries = NULL;

  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonNode *node = json_object_get_member (json_node_get_object (root), "3166-1");

      if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
        entries = json_node_get_array (node);
    }
  if (entries == NULL)
    {
      g_warning ("The country names (iso-codes, iso_3166-1.json) are not installed");
      return store;
    }
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);
      const char *code, *name;
      g_autoptr(PdCountry) country = NULL;

      if (entry == NULL)
        continue;
      code = json_object_get_string_member_with_default (entry, "alpha_2", NULL);
      /* The short everyday name when there is one (“Bolivia”, not “Bolivia,
       * Plurinational State of”). */
      name = json_object_get_string_member_with_default (entry, "common_name", NULL);
      if (name == NULL)
        name = json_object_get_string_member_with_default (entry, "name", NULL);
      if (code == NULL || name == NULL)
        continue;
      country = pd_country_new (code, g_dgettext (ISO_3166_DOMAIN, name));
      g_list_store_append (store, country);
    }
  g_list_store_sort (store, compare_countries, NULL);
  return store;
}

GListModel *
pd_country_list_get_default (void)
{
  static GListStore *list;

  if (g_once_init_enter (&list))
    g_once_init_leave (&list, build_list ());
  return G_LIST_MODEL (list);
}

guint
pd_country_list_find (const char *code)
{
  GListModel *list = pd_country_list_get_default ();

  for (guint i = 0; code != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(PdCountry) country = g_list_model_get_item (list, i);

      if (g_str_equal (country->code, code))
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

const char *
pd_country_list_get_name (const char *code)
{
  guint position = pd_country_list_find (code);
  g_autoptr(PdCountry) country = NULL;

  if (position == GTK_INVALID_LIST_POSITION)
    return code;
  country = g_list_model_get_item (pd_country_list_get_default (), position);
  /* The shared list keeps the country alive. */
  return country->name;
}

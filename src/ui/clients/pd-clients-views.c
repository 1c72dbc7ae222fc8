/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "pd-clients-views.h"
#include "pd-model-enums.h"

#define SAVED_VIEWS_KEY "saved-views"

/* Masks travel as the contract's values ("active", "reseller"), not bits, so a reordered
 * enum or a new value cannot change what an old view means. */
static GVariant *
mask_to_variant (GType enum_type,
                 guint mask)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE_STRING_ARRAY);
  for (guint i = 0; i < klass->n_values; i++)
    {
      int value = klass->values[i].value;

      if (value >= 0 && value < 32 && (mask & (1u << value)) != 0)
        g_variant_builder_add (&builder, "s", klass->values[i].value_nick);
    }
  return g_variant_builder_end (&builder);
}

static guint
mask_from_dict (GVariantDict *dict,
                const char   *key,
                GType         enum_type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  g_autofree const char **nicks = NULL;
  guint mask = 0;

  if (!g_variant_dict_lookup (dict, key, "^a&s", &nicks))
    return 0;
  for (guint i = 0; nicks[i] != NULL; i++)
    {
      GEnumValue *value = g_enum_get_value_by_nick (klass, nicks[i]);

      /* "unknown" is not a criterion anyone can pick */
      if (value != NULL && value->value > 0 && value->value < 32)
        mask |= 1u << value->value;
    }
  return mask;
}

GVariant *
pd_clients_view_capture (const char      *name,
                         PdClientsFilter *filter,
                         PdClientsSorter *sorter)
{
  g_autoptr(GEnumClass) sort_class = g_type_class_ref (PD_TYPE_CLIENTS_SORT_ORDER);
  GVariantDict view, filters;
  GEnumValue *sort;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (PD_IS_CLIENTS_FILTER (filter), NULL);
  g_return_val_if_fail (PD_IS_CLIENTS_SORTER (sorter), NULL);

  g_variant_dict_init (&filters, NULL);
  g_variant_dict_insert_value (&filters, "status",
                               mask_to_variant (PD_TYPE_ORGANIZATION_STATUS, pd_clients_filter_get_statuses (filter)));
  g_variant_dict_insert_value (&filters, "plan-type",
                               mask_to_variant (PD_TYPE_PLAN_TYPE, pd_clients_filter_get_plan_types (filter)));
  g_variant_dict_insert_value (&filters, "relationship",
                               mask_to_variant (PD_TYPE_RELATIONSHIP, pd_clients_filter_get_relationships (filter)));
  g_variant_dict_insert_value (&filters, "management-mode",
                               mask_to_variant (PD_TYPE_MANAGEMENT_MODE, pd_clients_filter_get_management_modes (filter)));
  g_variant_dict_insert (&filters, "needs-authentication", "b", pd_clients_filter_get_needs_authentication (filter));
  g_variant_dict_insert (&filters, "problems-only", "b", pd_clients_filter_get_problems_only (filter));

  g_variant_dict_init (&view, NULL);
  g_variant_dict_insert (&view, "name", "s", name);
  g_variant_dict_insert (&view, "search", "s", pd_clients_filter_get_search (filter));
  g_variant_dict_insert_value (&view, "filters", g_variant_dict_end (&filters));
  sort = g_enum_get_value (sort_class, pd_clients_sorter_get_order (sorter));
  g_variant_dict_insert (&view, "sort", "s", sort->value_nick);
  return g_variant_dict_end (&view);
}

void
pd_clients_view_apply (GVariant        *view,
                       PdClientsFilter *filter,
                       PdClientsSorter *sorter)
{
  g_autoptr(GEnumClass) sort_class = g_type_class_ref (PD_TYPE_CLIENTS_SORT_ORDER);
  g_autoptr(GVariant) filters_variant = NULL;
  g_auto(GVariantDict) view_dict = G_VARIANT_DICT_INIT (view);
  const char *search = "", *sort_nick = NULL;
  gboolean flag;
  GEnumValue *sort;

  g_return_if_fail (view != NULL && g_variant_is_of_type (view, G_VARIANT_TYPE_VARDICT));
  g_return_if_fail (PD_IS_CLIENTS_FILTER (filter));
  g_return_if_fail (PD_IS_CLIENTS_SORTER (sorter));

  g_variant_dict_lookup (&view_dict, "search", "&s", &search);
  g_variant_dict_lookup (&view_dict, "sort", "&s", &sort_nick);
  filters_variant = g_variant_dict_lookup_value (&view_dict, "filters", G_VARIANT_TYPE_VARDICT);
  g_auto(GVariantDict) filters = G_VARIANT_DICT_INIT (filters_variant);

  /* Apply the search first, so the filters narrow what the search already narrowed. */
  g_object_freeze_notify (G_OBJECT (filter));
  pd_clients_filter_set_search (filter, search);
  pd_clients_filter_set_statuses (filter, mask_from_dict (&filters, "status", PD_TYPE_ORGANIZATION_STATUS));
  pd_clients_filter_set_plan_types (filter, mask_from_dict (&filters, "plan-type", PD_TYPE_PLAN_TYPE));
  pd_clients_filter_set_relationships (filter, mask_from_dict (&filters, "relationship", PD_TYPE_RELATIONSHIP));
  pd_clients_filter_set_management_modes (filter, mask_from_dict (&filters, "management-mode", PD_TYPE_MANAGEMENT_MODE));
  flag = FALSE;
  g_variant_dict_lookup (&filters, "needs-authentication", "b", &flag);
  pd_clients_filter_set_needs_authentication (filter, flag);
  flag = FALSE;
  g_variant_dict_lookup (&filters, "problems-only", "b", &flag);
  pd_clients_filter_set_problems_only (filter, flag);
  g_object_thaw_notify (G_OBJECT (filter));

  sort = sort_nick != NULL ? g_enum_get_value_by_nick (sort_class, sort_nick) : NULL;
  pd_clients_sorter_set_order (sorter, sort != NULL ? (PdClientsSortOrder) sort->value : PD_CLIENTS_SORT_NAME);
}

char *
pd_clients_view_dup_name (GVariant *view)
{
  g_auto(GVariantDict) dict = G_VARIANT_DICT_INIT (view);
  char *name = NULL;

  if (!g_variant_dict_lookup (&dict, "name", "s", &name))
    return NULL;
  return name;
}

GVariant *
pd_clients_views_get (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  return g_settings_get_value (settings, SAVED_VIEWS_KEY);
}

GVariant *
pd_clients_views_lookup (GSettings  *settings,
                         const char *name)
{
  g_autoptr(GVariant) views = pd_clients_views_get (settings);
  GVariantIter iter;
  GVariant *view;

  g_return_val_if_fail (name != NULL, NULL);

  g_variant_iter_init (&iter, views);
  while ((view = g_variant_iter_next_value (&iter)) != NULL)
    {
      g_autofree char *view_name = pd_clients_view_dup_name (view);

      if (g_strcmp0 (view_name, name) == 0)
        return view;
      g_variant_unref (view);
    }
  return NULL;
}

/* Copies the views except the one called @skip, optionally adding @extra where it was (or
 * at the end). */
static void
write_views (GSettings  *settings,
             const char *skip,
             GVariant   *extra)
{
  g_autoptr(GVariant) views = pd_clients_views_get (settings);
  GVariantBuilder builder;
  GVariantIter iter;
  GVariant *view;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));
  g_variant_iter_init (&iter, views);
  while ((view = g_variant_iter_next_value (&iter)) != NULL)
    {
      g_autofree char *name = pd_clients_view_dup_name (view);

      if (g_strcmp0 (name, skip) != 0)
        g_variant_builder_add_value (&builder, view);
      else if (extra != NULL)
        g_variant_builder_add_value (&builder, g_steal_pointer (&extra));
      g_variant_unref (view);
    }
  if (extra != NULL)
    g_variant_builder_add_value (&builder, extra);
  g_settings_set_value (settings, SAVED_VIEWS_KEY, g_variant_builder_end (&builder));
}

void
pd_clients_views_save (GSettings *settings,
                       GVariant  *view)
{
  g_autoptr(GVariant) owned = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (view != NULL && g_variant_is_of_type (view, G_VARIANT_TYPE_VARDICT));

  owned = g_variant_ref_sink (view);
  name = pd_clients_view_dup_name (owned);
  g_return_if_fail (name != NULL);
  write_views (settings, name, owned);
}

gboolean
pd_clients_views_delete (GSettings  *settings,
                         const char *name)
{
  g_autoptr(GVariant) existing = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  existing = pd_clients_views_lookup (settings, name);
  if (existing == NULL)
    return FALSE;
  write_views (settings, name, NULL);
  return TRUE;
}

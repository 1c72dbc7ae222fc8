/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pd-resource-list.h"

/* Up to this many separate removal runs are announced one by one (the rows around them
 * stay put); past it, one signal covers everything from the first removal to the end. */
#define MAX_SIGNALS 8

struct _PdResourceList
{
  GObject     parent_instance;

  GType       item_type;
  GPtrArray  *items;   /* PdResource*, owned */
  GHashTable *index;   /* id (borrowed from the item; ids never change) → position + 1 */
};

static void pd_resource_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PdResourceList, pd_resource_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, pd_resource_list_model_init))

enum {
  PROP_0,
  PROP_ITEM_TYPE,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct {
  guint position;
  guint length;
} Run;

static GType
pd_resource_list_get_item_type (GListModel *model)
{
  return PD_RESOURCE_LIST (model)->item_type;
}

static guint
pd_resource_list_get_n_items (GListModel *model)
{
  return PD_RESOURCE_LIST (model)->items->len;
}

static gpointer
pd_resource_list_get_item (GListModel *model,
                           guint       position)
{
  PdResourceList *self = PD_RESOURCE_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
pd_resource_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = pd_resource_list_get_item_type;
  iface->get_n_items = pd_resource_list_get_n_items;
  iface->get_item = pd_resource_list_get_item;
}

static void
pd_resource_list_finalize (GObject *object)
{
  PdResourceList *self = PD_RESOURCE_LIST (object);

  g_clear_pointer (&self->index, g_hash_table_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (pd_resource_list_parent_class)->finalize (object);
}

static void
pd_resource_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PdResourceList *self = PD_RESOURCE_LIST (object);

  switch (prop_id)
    {
    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, self->item_type);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_resource_list_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PdResourceList *self = PD_RESOURCE_LIST (object);

  switch (prop_id)
    {
    case PROP_ITEM_TYPE:
      self->item_type = g_value_get_gtype (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_resource_list_class_init (PdResourceListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pd_resource_list_finalize;
  object_class->get_property = pd_resource_list_get_property;
  object_class->set_property = pd_resource_list_set_property;

  properties[PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL, PD_TYPE_RESOURCE,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pd_resource_list_init (PdResourceList *self)
{
  self->item_type = PD_TYPE_RESOURCE;
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->index = g_hash_table_new (g_str_hash, g_str_equal);
}

PdResourceList *
pd_resource_list_new (GType item_type)
{
  g_return_val_if_fail (g_type_is_a (item_type, PD_TYPE_RESOURCE), NULL);

  return g_object_new (PD_TYPE_RESOURCE_LIST, "item-type", item_type, NULL);
}

static void
reindex_from (PdResourceList *self,
              guint           position)
{
  for (guint i = position; i < self->items->len; i++)
    g_hash_table_insert (self->index, (gpointer) pd_resource_get_id (self->items->pdata[i]),
                         GUINT_TO_POINTER (i + 1));
}

static gboolean
lookup_position (PdResourceList *self,
                 const char     *id,
                 guint          *position)
{
  guint value = GPOINTER_TO_UINT (g_hash_table_lookup (self->index, id));

  if (value == 0)
    return FALSE;
  *position = value - 1;
  return TRUE;
}

static void
remove_range (PdResourceList *self,
              guint           position,
              guint           length)
{
  for (guint i = position; i < position + length; i++)
    g_hash_table_remove (self->index, pd_resource_get_id (self->items->pdata[i]));
  g_ptr_array_remove_range (self->items, position, length);
}

static void truncate (GPtrArray *array,
                      guint      length);

static void
append_all (PdResourceList *self,
            GPtrArray      *pending)
{
  for (guint i = 0; i < pending->len; i++)
    g_ptr_array_add (self->items, g_steal_pointer (&pending->pdata[i]));
  truncate (pending, 0);
}

/* Shortens @array to @length without freeing what lies beyond (moved or already freed) */
static void
truncate (GPtrArray *array,
          guint      length)
{
  for (guint i = length; i < array->len; i++)
    array->pdata[i] = NULL;
  g_ptr_array_set_free_func (array, NULL);
  g_ptr_array_set_size (array, length);
  g_ptr_array_set_free_func (array, g_object_unref);
}

static void
drop_nulls (GPtrArray *array)
{
  guint out = 0;

  for (guint i = 0; i < array->len; i++)
    if (array->pdata[i] != NULL)
      array->pdata[out++] = array->pdata[i];
  truncate (array, out);
}

static void
emit (PdResourceList *self,
      guint           position,
      guint           removed,
      guint           added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* Upserts @items, then removes what @keep (a set of ids) lacks and what @deleted_ids
 * names. Each items-changed is emitted with the list already in the state it describes. */
static void
commit (PdResourceList     *self,
        GPtrArray          *items,
        GHashTable         *keep,
        const char * const *deleted_ids)
{
  guint old_n = self->items->len;
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) pending_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree gboolean *removed = g_new0 (gboolean, old_n + 1);
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (Run));
  gboolean append_merged = FALSE;
  guint shift = 0;

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      PdResource *item = items->pdata[i];
      const char *id;
      guint position;
      gpointer pending_value;

      g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (item, self->item_type));
      id = pd_resource_get_id (item);
      g_return_if_fail (id != NULL);

      if (lookup_position (self, id, &position))
        {
          if (self->items->pdata[position] != item)
            pd_resource_update (self->items->pdata[position], item);
        }
      else if (g_hash_table_lookup_extended (pending_index, id, NULL, &pending_value))
        {
          /* The same id twice in one batch: the later one wins (not visible yet) */
          guint p = GPOINTER_TO_UINT (pending_value);

          g_hash_table_remove (pending_index, id);
          g_object_unref (pending->pdata[p]);
          pending->pdata[p] = g_object_ref (item);
          g_hash_table_insert (pending_index, (gpointer) id, GUINT_TO_POINTER (p));
        }
      else
        {
          g_hash_table_insert (pending_index, (gpointer) id, GUINT_TO_POINTER (pending->len));
          g_ptr_array_add (pending, g_object_ref (item));
        }
    }

  if (keep != NULL)
    for (guint i = 0; i < old_n; i++)
      removed[i] = !g_hash_table_contains (keep, pd_resource_get_id (self->items->pdata[i]));

  for (guint i = 0; deleted_ids != NULL && deleted_ids[i] != NULL; i++)
    {
      guint position;
      gpointer pending_value;

      if (lookup_position (self, deleted_ids[i], &position))
        removed[position] = TRUE;
      else if (g_hash_table_lookup_extended (pending_index, deleted_ids[i], NULL, &pending_value))
        {
          guint p = GPOINTER_TO_UINT (pending_value);

          g_hash_table_remove (pending_index, deleted_ids[i]);
          g_clear_object (&pending->pdata[p]);
        }
    }
  drop_nulls (pending);

  for (guint i = 0; i < old_n; i++)
    if (removed[i])
      {
        Run run = { i, 0 };

        while (i < old_n && removed[i])
          run.length++, i++;
        g_array_append_val (runs, run);
      }

  if (runs->len + (pending->len > 0) > MAX_SIGNALS)
    {
      /* Compact in one pass: O(n) however scattered the removals are */
      guint first = g_array_index (runs, Run, 0).position;
      guint out = first;

      for (guint i = first; i < old_n; i++)
        {
          if (removed[i])
            {
              g_hash_table_remove (self->index, pd_resource_get_id (self->items->pdata[i]));
              g_clear_object (&self->items->pdata[i]);
            }
          else
            self->items->pdata[out++] = self->items->pdata[i];
        }
      truncate (self->items, out);
      append_all (self, pending);
      reindex_from (self, first);
      emit (self, first, old_n - first, self->items->len - first);
      return;
    }

  for (guint r = 0; r < runs->len; r++)
    {
      Run run = g_array_index (runs, Run, r);
      guint position = run.position - shift;
      guint added = 0;

      remove_range (self, position, run.length);
      if (r == runs->len - 1 && run.position + run.length == old_n && pending->len > 0)
        {
          added = pending->len;
          append_all (self, pending);
          append_merged = TRUE;
        }
      reindex_from (self, position);
      emit (self, position, run.length, added);
      shift += run.length;
    }

  if (!append_merged && pending->len > 0)
    {
      guint position = self->items->len;
      guint added = pending->len;

      append_all (self, pending);
      reindex_from (self, position);
      emit (self, position, 0, added);
    }
}

void
pd_resource_list_apply (PdResourceList     *self,
                        GPtrArray          *items,
                        const char * const *deleted_ids)
{
  g_return_if_fail (PD_IS_RESOURCE_LIST (self));

  commit (self, items, NULL, deleted_ids);
}

/* commit() for an empty list: every item of a sync page's 500 organizations starts with an
 * empty list of services, and commit's bookkeeping for removals was most of decoding one */
static void
fill_empty (PdResourceList *self,
            GPtrArray      *items)
{
  /* all or nothing, like commit() */
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (items->pdata[i], self->item_type));
      g_return_if_fail (pd_resource_get_id (items->pdata[i]) != NULL);
    }
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      PdResource *item = items->pdata[i];
      const char *id = pd_resource_get_id (item);
      guint position;

      if (lookup_position (self, id, &position))
        {
          /* the same id twice: the later one wins, in the earlier one's place (and the
           * index takes the new object's id, the old one's goes with it) */
          PdResource *old = self->items->pdata[position];

          self->items->pdata[position] = g_object_ref (item);
          g_hash_table_replace (self->index, (gpointer) id, GUINT_TO_POINTER (position + 1));
          g_object_unref (old);
          continue;
        }
      g_ptr_array_add (self->items, g_object_ref (item));
      g_hash_table_insert (self->index, (gpointer) id, GUINT_TO_POINTER (self->items->len));
    }
  if (self->items->len > 0)
    emit (self, 0, 0, self->items->len);
}

void
pd_resource_list_replace (PdResourceList *self,
                          GPtrArray      *items)
{
  g_autoptr(GHashTable) keep = NULL;

  g_return_if_fail (PD_IS_RESOURCE_LIST (self));

  if (self->items->len == 0)
    {
      fill_empty (self, items);
      return;
    }
  keep = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      const char *id = PD_IS_RESOURCE (items->pdata[i]) ? pd_resource_get_id (items->pdata[i]) : NULL;

      if (id != NULL)
        g_hash_table_add (keep, (gpointer) id);
    }
  commit (self, items, keep, NULL);
}

PdResource *
pd_resource_list_lookup (PdResourceList *self,
                         const char     *id)
{
  guint position;

  g_return_val_if_fail (PD_IS_RESOURCE_LIST (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (!lookup_position (self, id, &position))
    return NULL;
  return self->items->pdata[position];
}

gboolean
pd_resource_list_remove (PdResourceList *self,
                         const char     *id)
{
  guint position;

  g_return_val_if_fail (PD_IS_RESOURCE_LIST (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!lookup_position (self, id, &position))
    return FALSE;
  remove_range (self, position, 1);
  reindex_from (self, position);
  emit (self, position, 1, 0);
  return TRUE;
}

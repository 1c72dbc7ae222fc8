/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pd-json-text.h"
#include "pd-models.h"
#include "pd-resource-fields.h"

/* Decoding a resource straight from its JSON text. Building a json-glib tree per item and
 * freeing it again was most of a full sync's processor time; here each object is scanned
 * once to find where the members of the field table are (and to check all of it), then the
 * fields are decoded in table order from those places, with the same rules and messages as
 * pd_resource_field_decode() on a tree (the fuzz target compares the two). */

/* Far more than any field table's paths need (the largest has some 40) */
#define MAX_NODES 128
#define NO_NODE   G_MAXUINT16

/* The table's dotted paths as a tree ("plan" → "name", "type", …), numbered in preorder so
 * a node's descendants are the n_desc nodes after it. */
typedef struct {
  const char *name;         /* not NUL-terminated: name_len bytes of a field's path */
  guint16     name_len;
  guint16     path_len;     /* of the path up to and including this node */
  guint16     parent;
  guint16     first_child;
  guint16     next_sibling;
  guint16     n_desc;
  GType     (*list_type) (void);  /* the items' type when this is a LIST or ARRAY member */
} TreeNode;

struct _PdFieldTree {
  guint     n_nodes;
  guint16   first_top;
  TreeNode *nodes;
  guint16  *field_node;     /* per field: the node of its full path */
};

typedef struct {
  const char *name;
  guint16     name_len, path_len;
  GArray     *children;     /* of guint (indexes into the build array) */
} BuildNode;

static guint
build_child (GArray     *build,
             guint       parent,
             const char *name,
             gsize       name_len,
             gsize       path_len)
{
  BuildNode *node = &g_array_index (build, BuildNode, parent);
  BuildNode child = { name, (guint16) name_len, (guint16) path_len, g_array_new (FALSE, FALSE, sizeof (guint)) };
  guint index;

  for (guint i = 0; i < node->children->len; i++)
    {
      BuildNode *other = &g_array_index (build, BuildNode, g_array_index (node->children, guint, i));

      if (other->name_len == name_len && memcmp (other->name, name, name_len) == 0)
        {
          g_array_unref (child.children);
          return g_array_index (node->children, guint, i);
        }
    }
  index = build->len;
  g_array_append_val (build, child);
  node = &g_array_index (build, BuildNode, parent);
  g_array_append_val (node->children, index);
  return index;
}

/* Numbers @at's subtree in preorder into @tree; returns its number */
static guint16
flatten (GArray      *build,
         guint        at,
         guint16      parent,
         PdFieldTree *tree,
         guint16     *numbers)
{
  BuildNode *node = &g_array_index (build, BuildNode, at);
  guint16 self = (guint16) tree->n_nodes++;
  guint16 previous = NO_NODE;

  tree->nodes[self] = (TreeNode) { node->name, node->name_len, node->path_len, parent, NO_NODE, NO_NODE, 0, NULL };
  numbers[at] = self;
  for (guint i = 0; i < node->children->len; i++)
    {
      guint16 child = flatten (build, g_array_index (node->children, guint, i), self, tree, numbers);

      if (previous == NO_NODE)
        tree->nodes[self].first_child = child;
      else
        tree->nodes[previous].next_sibling = child;
      previous = child;
    }
  tree->nodes[self].n_desc = (guint16) (tree->n_nodes - self - 1);
  return self;
}

PdFieldTree *
pd_field_tree_new (const PdField *fields,
                   guint          n_fields)
{
  g_autoptr(GArray) build = g_array_new (FALSE, FALSE, sizeof (BuildNode));
  g_autofree guint *leaves = g_new (guint, MAX (n_fields, 1));
  g_autofree guint16 *numbers = NULL;
  PdFieldTree *tree = g_new0 (PdFieldTree, 1);
  BuildNode root = { "", 0, 0, g_array_new (FALSE, FALSE, sizeof (guint)) };
  guint16 previous = NO_NODE;

  g_array_append_val (build, root);
  for (guint i = 0; i < n_fields; i++)
    {
      const char *path = fields[i].path;
      const char *segment = path;
      guint at = 0;

      for (;;)
        {
          const char *dot = strchr (segment, '.');
          gsize length = dot != NULL ? (gsize) (dot - segment) : strlen (segment);

          at = build_child (build, at, segment, length, (gsize) (segment - path) + length);
          if (dot == NULL)
            break;
          segment = dot + 1;
        }
      leaves[i] = at;
    }
  if (build->len - 1 > MAX_NODES)
    g_error ("A resource's field table has more than %d paths", MAX_NODES);

  /* the root itself is not stored: its children are the top-level members */
  tree->nodes = g_new0 (TreeNode, MAX (build->len - 1, 1));
  tree->field_node = g_new (guint16, MAX (n_fields, 1));
  tree->first_top = NO_NODE;
  numbers = g_new (guint16, build->len);
  for (guint i = 0; i < root.children->len; i++)
    {
      guint16 top = flatten (build, g_array_index (root.children, guint, i), NO_NODE, tree, numbers);

      if (previous == NO_NODE)
        tree->first_top = top;
      else
        tree->nodes[previous].next_sibling = top;
      previous = top;
    }
  for (guint i = 0; i < n_fields; i++)
    tree->field_node[i] = numbers[leaves[i]];
  /* a list's items are found in the object's one scan, unless other fields share its path */
  for (guint i = 0; i < n_fields; i++)
    if (fields[i].type == PD_FIELD_LIST || fields[i].type == PD_FIELD_ARRAY)
      tree->nodes[tree->field_node[i]].list_type = fields[i].get_type;
  for (guint i = 0; i < n_fields; i++)
    if (tree->nodes[tree->field_node[i]].list_type != fields[i].get_type)
      tree->nodes[tree->field_node[i]].list_type = NULL;
  for (guint i = 0; i < build->len; i++)
    g_array_unref (g_array_index (build, BuildNode, i).children);
  return tree;
}

/* The items of one LIST or ARRAY member, found while the object was scanned: per item its
 * start and end, then where its own members are (start[n_nodes], end[n_nodes]) */
#define MAX_LISTS 4

typedef struct {
  guint16            node;     /* NO_NODE: unused, or dropped with a repeated parent */
  const PdFieldTree *tree;     /* the items' */
  guint              n;
  GArray            *slots;    /* const char * */
} ListRecord;

/* One object being decoded: where each node's value is (NULL: not seen) */
typedef struct {
  const PdFieldTree *tree;
  const char       **start;
  const char       **end;
  GString           *scratch;
  gboolean           record;   /* note the items of lists (the resource's own object only) */
  ListRecord         lists[MAX_LISTS];
} Places;

static void
places_init (Places            *places,
             const PdFieldTree *tree,
             const char       **start,
             const char       **end,
             GString           *scratch,
             gboolean           record)
{
  places->tree = tree;
  places->start = start;
  places->end = end;
  places->scratch = scratch;
  places->record = record;
  memset (start, 0, tree->n_nodes * sizeof (const char *));
  for (guint i = 0; i < MAX_LISTS; i++)
    places->lists[i] = (ListRecord) { NO_NODE, NULL, 0, NULL };
}

static void
places_clear (Places *places)
{
  for (guint i = 0; i < MAX_LISTS; i++)
    g_clear_pointer (&places->lists[i].slots, g_array_unref);
}

static ListRecord *
find_list (Places  *places,
           guint16  node)
{
  for (guint i = 0; i < MAX_LISTS; i++)
    if (places->lists[i].node == node)
      return &places->lists[i];
  return NULL;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Places, places_clear)

/* The path of a nested item for messages, built only when one is needed */
typedef struct _Prefix Prefix;
struct _Prefix {
  const Prefix *outer;
  const char   *path;    /* the list's field path, */
  guint         index;   /* and the item's position */
};

static char *
prefix_string (const Prefix *prefix)
{
  g_autofree char *outer = NULL;

  if (prefix == NULL)
    return NULL;
  outer = prefix_string (prefix->outer);
  return outer != NULL ? g_strdup_printf ("%s.%s.%u", outer, prefix->path, prefix->index)
                       : g_strdup_printf ("%s.%u", prefix->path, prefix->index);
}

static guint16
find_child (Places     *places,
            guint16     first,
            const char *key,
            const char *key_end,
            gboolean    escaped)
{
  gsize length;

  if (escaped)
    {
      /* rare: compare the unescaped name */
      g_string_truncate (places->scratch, 0);
      pd_json_text_read_string (key, key_end, places->scratch);
      key = places->scratch->str;
      length = places->scratch->len;
    }
  else
    {
      key++;
      length = (gsize) (key_end - key - 1);
    }
  for (guint16 node = first; node != NO_NODE; node = places->tree->nodes[node].next_sibling)
    if (places->tree->nodes[node].name_len == length
        && memcmp (places->tree->nodes[node].name, key, length) == 0)
      return node;
  return NO_NODE;
}

static gboolean scan_object (Places     *places,
                             PdJsonScan *scan,
                             guint16     first);

/* At the '[' of @node's list: notes where each item's members are, checking all of it as
 * pd_json_scan_value() would, so the items need no scan of their own */
static gboolean
scan_list (Places     *places,
           PdJsonScan *scan,
           guint16     node)
{
  ListRecord *record = find_list (places, node);
  PdResourceMeta *meta;
  guint stride;

  if (record == NULL)
    record = find_list (places, NO_NODE);
  meta = pd_resource_meta_get (places->tree->nodes[node].list_type ());
  if (meta == NULL)
    {
      /* no item made yet: the class (and its table) exists for good once referenced */
      g_type_class_ref (places->tree->nodes[node].list_type ());
      meta = pd_resource_meta_get (places->tree->nodes[node].list_type ());
    }
  if (record == NULL || meta == NULL)
    return pd_json_scan_value (scan);  /* decoded the slow way, scanned again */

  record->node = node;
  record->tree = meta->tree;
  record->n = 0;
  if (record->slots == NULL)
    record->slots = g_array_new (FALSE, FALSE, sizeof (const char *));
  stride = 2 + 2 * meta->tree->n_nodes;

  if (++scan->depth > PD_JSON_SCAN_MAX_DEPTH)
    return FALSE;
  scan->p++;
  pd_json_scan_space (scan);
  if (scan->p < scan->end && *scan->p == ']')
    {
      scan->p++;
      scan->depth--;
      return TRUE;
    }
  for (;;)
    {
      Places item;
      const char **slot;
      gboolean ok;

      g_array_set_size (record->slots, (record->n + 1) * stride);
      slot = &g_array_index (record->slots, const char *, record->n * stride);
      slot[0] = scan->p;
      places_init (&item, meta->tree, slot + 2, slot + 2 + meta->tree->n_nodes,
                   places->scratch, FALSE);
      ok = scan->p < scan->end && *scan->p == '{'
           ? scan_object (&item, scan, meta->tree->first_top)
           : pd_json_scan_value (scan);
      if (!ok)
        return FALSE;
      slot[1] = scan->p;
      record->n++;

      pd_json_scan_space (scan);
      if (scan->p < scan->end && *scan->p == ']')
        {
          scan->p++;
          scan->depth--;
          return TRUE;
        }
      if (scan->p >= scan->end || *scan->p != ',')
        return FALSE;
      scan->p++;
      pd_json_scan_space (scan);
    }
}

/* At '{': notes where the members of @first's siblings are, checking the whole object.
 * A repeated member replaces the earlier one, nested members included (as in a tree). */
static gboolean
scan_object (Places     *places,
             PdJsonScan *scan,
             guint16     first)
{
  if (++scan->depth > PD_JSON_SCAN_MAX_DEPTH)
    return FALSE;
  scan->p++;
  pd_json_scan_space (scan);
  if (scan->p < scan->end && *scan->p == '}')
    {
      scan->p++;
      scan->depth--;
      return TRUE;
    }
  for (;;)
    {
      const char *key = scan->p, *value;
      const TreeNode *node;
      gboolean escaped, ok;
      guint16 child;

      if (scan->p >= scan->end || *scan->p != '"' || !pd_json_scan_string (scan, &escaped))
        return FALSE;
      child = find_child (places, first, key, scan->p, escaped);
      pd_json_scan_space (scan);
      if (scan->p >= scan->end || *scan->p != ':')
        return FALSE;
      scan->p++;
      pd_json_scan_space (scan);

      value = scan->p;
      node = child != NO_NODE ? &places->tree->nodes[child] : NULL;
      if (node != NULL && node->n_desc > 0)
        {
          memset (&places->start[child + 1], 0, node->n_desc * sizeof (const char *));
          for (guint i = 0; i < MAX_LISTS; i++)
            if (places->lists[i].node != NO_NODE && places->lists[i].node > child
                && places->lists[i].node <= child + node->n_desc)
              places->lists[i].node = NO_NODE;
          ok = scan->p < scan->end && *scan->p == '{'
               ? scan_object (places, scan, node->first_child)
               : pd_json_scan_value (scan);
        }
      else if (node != NULL && node->list_type != NULL && places->record)
        {
          ListRecord *old = find_list (places, child);

          /* a repeated list replaces the earlier one */
          if (old != NULL)
            old->node = NO_NODE;
          ok = scan->p < scan->end && *scan->p == '['
               ? scan_list (places, scan, child)
               : pd_json_scan_value (scan);
        }
      else
        ok = pd_json_scan_value (scan);
      if (!ok)
        return FALSE;
      if (node != NULL)
        {
          places->start[child] = value;
          places->end[child] = scan->p;
        }

      pd_json_scan_space (scan);
      if (scan->p < scan->end && *scan->p == '}')
        {
          scan->p++;
          scan->depth--;
          return TRUE;
        }
      if (scan->p >= scan->end || *scan->p != ',')
        return FALSE;
      scan->p++;
      pd_json_scan_space (scan);
    }
}

/* pd_json_lookup() on the places: @start/@end of a found value; @where as it documents */
static PdJsonLookup
lookup (Places      *places,
        guint16      leaf,
        const char **start,
        const char **end,
        gsize       *where)
{
  guint16 chain[MAX_NODES];
  guint n = 0;

  for (guint16 node = leaf; node != NO_NODE; node = places->tree->nodes[node].parent)
    chain[n++] = node;
  /* the enclosing objects, outermost first */
  while (--n > 0)
    {
      guint16 node = chain[n];
      const char *value = places->start[node];

      *where = places->tree->nodes[node].path_len;
      if (value == NULL)
        return PD_JSON_ABSENT;
      if (*value == 'n')
        return PD_JSON_PARENT_NULL;
      if (*value != '{')
        return PD_JSON_PARENT_TYPE;
    }
  *where = places->tree->nodes[leaf].path_len;
  if (places->start[leaf] == NULL)
    return PD_JSON_ABSENT;
  *start = places->start[leaf];
  *end = places->end[leaf];
  return PD_JSON_FOUND;
}

static gboolean decode_fields (PdResource    *self,
                               Places        *places,
                               const Prefix  *prefix,
                               GError       **error);
static gboolean decode_object (PdResource    *self,
                               const char    *start,
                               const char    *end,
                               const Prefix  *prefix,
                               GString       *scratch,
                               GError       **error);

/* The items of a LIST or ARRAY field from the array at @start */
static gboolean
decode_items (PdResource    *self,
              const PdField *field,
              gpointer       ptr,
              const char    *start,
              const char    *end,
              const Prefix  *outer,
              GString       *scratch,
              GError       **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  PdJsonScan scan = { start + 1, end, 0 };
  GType item_type = field->get_type ();
  Prefix prefix = { outer, field->path, 0 };

  pd_json_scan_space (&scan);
  while (*scan.p != ']')
    {
      const char *element = scan.p;
      g_autoptr(PdResource) item = NULL;

      pd_json_scan_value (&scan);  /* checked already */
      if (*element != '{')
        {
          g_autofree char *path = prefix_string (&prefix);
          return pd_resource_field_type_error (error, path, PD_FIELD_PRESENT);
        }
      item = g_object_new (item_type, NULL);
      if (!decode_object (item, element, scan.p, &prefix, scratch, error))
        return FALSE;
      g_ptr_array_add (items, g_steal_pointer (&item));
      prefix.index++;
      pd_json_scan_space (&scan);
      if (*scan.p == ',')
        {
          scan.p++;
          pd_json_scan_space (&scan);
        }
    }

  if (field->type == PD_FIELD_LIST)
    pd_resource_list_replace (*(PdResourceList **) ptr, items);
  else
    g_list_store_splice (*(GListStore **) ptr, 0, 0, items->pdata, items->len);
  return TRUE;
}

/* decode_items() for items whose members were found by the object's scan */
static gboolean
decode_recorded (PdResource        *self,
                 const PdField     *field,
                 gpointer           ptr,
                 const ListRecord  *record,
                 const Prefix      *outer,
                 GString           *scratch,
                 GError           **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (record->n, g_object_unref);
  GType item_type = field->get_type ();
  Prefix prefix = { outer, field->path, 0 };
  guint n_nodes = record->tree->n_nodes;
  guint stride = 2 + 2 * n_nodes;

  for (guint i = 0; i < record->n; i++, prefix.index++)
    {
      const char **slot = &g_array_index (record->slots, const char *, i * stride);
      g_autoptr(PdResource) item = NULL;
      Places places;

      if (*slot[0] != '{')
        {
          g_autofree char *path = prefix_string (&prefix);
          return pd_resource_field_type_error (error, path, PD_FIELD_PRESENT);
        }
      item = g_object_new (item_type, NULL);
      places = (Places) { record->tree, slot + 2, slot + 2 + n_nodes, scratch, FALSE, { { 0 } } };
      for (guint k = 0; k < MAX_LISTS; k++)
        places.lists[k].node = NO_NODE;
      if (!decode_fields (item, &places, &prefix, error))
        return FALSE;
      g_ptr_array_add (items, g_steal_pointer (&item));
    }

  if (field->type == PD_FIELD_LIST)
    pd_resource_list_replace (*(PdResourceList **) ptr, items);
  else
    g_list_store_splice (*(GListStore **) ptr, 0, 0, items->pdata, items->len);
  return TRUE;
}

/* A string value as a C string in @scratch */
static const char *
string_in (GString    *scratch,
           const char *start,
           const char *end)
{
  g_string_truncate (scratch, 0);
  pd_json_text_read_string (start, end, scratch);
  return scratch->str;
}

/* pd_resource_field_decode() for a value in text */
static gboolean
decode_field (PdResource    *self,
              guint          index,
              const PdField *field,
              Places        *places,
              const Prefix  *prefix,
              GError       **error)
{
  g_autofree char *prefix_text = NULL;
  g_autofree char *built = NULL;
  gpointer ptr = pd_resource_field_ptr (self, field);
  const char *start = NULL, *end = NULL;
  gsize where = 0;
  PdJsonKind kind;

#define PREFIX() (prefix_text != NULL || prefix == NULL ? prefix_text : (prefix_text = prefix_string (prefix)))
#define FIELD_PATH() (built != NULL ? built : (built = pd_resource_member_path (PREFIX (), field->path, -1)))

  switch (lookup (places, places->tree->field_node[index], &start, &end, &where))
    {
    case PD_JSON_FOUND:
      break;
    case PD_JSON_ABSENT:
      if (field->flags & PD_FIELD_OPTIONAL)
        return TRUE;
      built = pd_resource_member_path (PREFIX (), field->path, (gssize) where);
      g_set_error (error, PD_DECODE_ERROR, PD_DECODE_ERROR_MISSING, _("“%s” is missing"), built);
      return FALSE;
    case PD_JSON_PARENT_NULL:
      if (field->flags & PD_FIELD_PARENT_NULLABLE)
        return TRUE;
      G_GNUC_FALLTHROUGH;
    case PD_JSON_PARENT_TYPE:
    default:
      built = pd_resource_member_path (PREFIX (), field->path, (gssize) where);
      return pd_resource_field_type_error (error, built, PD_FIELD_PRESENT);
    }

  kind = pd_json_text_kind (start, end);
  if (kind == PD_JSON_NULL)
    {
      if (field->flags & PD_FIELD_NULLABLE)
        {
          pd_resource_field_set_null (field, ptr);
          return TRUE;
        }
      g_set_error (error, PD_DECODE_ERROR, PD_DECODE_ERROR_TYPE, _("“%s” must not be null"), FIELD_PATH ());
      return FALSE;
    }

  /* Strings are valid UTF-8 without NUL here (the scan checked): no UTF-8 errors */
  switch (field->type)
    {
    case PD_FIELD_STRING:
      if (kind != PD_JSON_STRING)
        return pd_resource_field_type_error (error, FIELD_PATH (), field->type);
      if (field->role == PD_FIELD_ROLE_ID && end - start == 2)
        {
          g_set_error (error, PD_DECODE_ERROR, PD_DECODE_ERROR_INVALID, _("“%s” must not be empty"), FIELD_PATH ());
          return FALSE;
        }
      g_free (*(char **) ptr);
      *(char **) ptr = pd_json_text_dup_string (start, end);
      return TRUE;

    case PD_FIELD_INT64:
      {
        gint64 value;

        if (kind != PD_JSON_INT)
          return pd_resource_field_type_error (error, FIELD_PATH (), field->type);
        value = pd_json_text_get_int (start, end);
        if ((field->flags & PD_FIELD_NON_NEGATIVE) && value < 0)
          {
            g_set_error (error, PD_DECODE_ERROR, PD_DECODE_ERROR_INVALID, _("“%s” must not be negative"), FIELD_PATH ());
            return FALSE;
          }
        *(gint64 *) ptr = value;
        return TRUE;
      }

    case PD_FIELD_BOOL:
      if (kind != PD_JSON_BOOL)
        return pd_resource_field_type_error (error, FIELD_PATH (), field->type);
      *(gboolean *) ptr = *start == 't';
      return TRUE;

    case PD_FIELD_DOUBLE:
      if (kind != PD_JSON_INT && kind != PD_JSON_DOUBLE)
        return pd_resource_field_type_error (error, FIELD_PATH (), field->type);
      *(double *) ptr = pd_json_text_get_double (start, end);
      return TRUE;

    case PD_FIELD_TIME:
      {
        GDateTime *time;

        if (kind != PD_JSON_STRING
            || (time = pd_json_parse_time (string_in (places->scratch, start, end))) == NULL)
          return pd_resource_field_type_error (error, FIELD_PATH (), field->type);
        g_clear_pointer ((GDateTime **) ptr, g_date_time_unref);
        *(GDateTime **) ptr = time;
        return TRUE;
      }

    case PD_FIELD_ENUM:
      {
        GEnumValue *value;
        const char *text;

        if (kind != PD_JSON_STRING)
          return pd_resource_field_type_error (error, FIELD_PATH (), field->type);
        text = string_in (places->scratch, start, end);
        value = g_enum_get_value_by_nick (g_type_class_peek_static (field->get_type ()), text);
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
        g_autoptr(GStrvBuilder) builder = NULL;
        PdJsonScan scan = { start + 1, end, 0 };

        if (kind != PD_JSON_ARRAY)
          return pd_resource_field_type_error (error, FIELD_PATH (), field->type);
        builder = g_strv_builder_new ();
        pd_json_scan_space (&scan);
        for (guint i = 0; *scan.p != ']'; i++)
          {
            const char *element = scan.p;

            pd_json_scan_value (&scan);  /* checked already */
            if (*element != '"')
              {
                g_autofree char *element_path = g_strdup_printf ("%s.%u", FIELD_PATH (), i);
                return pd_resource_field_type_error (error, element_path, PD_FIELD_STRING);
              }
            g_strv_builder_add (builder, string_in (places->scratch, element, scan.p));
            pd_json_scan_space (&scan);
            if (*scan.p == ',')
              {
                scan.p++;
                pd_json_scan_space (&scan);
              }
          }
        g_strfreev (*(char ***) ptr);
        *(char ***) ptr = g_strv_builder_end (builder);
        return TRUE;
      }

    case PD_FIELD_LIST:
    case PD_FIELD_ARRAY:
      if (kind != PD_JSON_ARRAY)
        return pd_resource_field_type_error (error, FIELD_PATH (), field->type);
      {
        const ListRecord *record = find_list (places, places->tree->field_node[index]);

        if (record != NULL)
          return decode_recorded (self, field, ptr, record, prefix, places->scratch, error);
        return decode_items (self, field, ptr, start, end, prefix, places->scratch, error);
      }

    case PD_FIELD_PRESENT:
      if (kind != PD_JSON_OBJECT)
        return pd_resource_field_type_error (error, FIELD_PATH (), field->type);
      *(gboolean *) ptr = TRUE;
      return TRUE;

    default:
      g_assert_not_reached ();
    }
#undef FIELD_PATH
#undef PREFIX
}

/* The object at @start (checked already, except at the top) into @self */
static gboolean
decode_fields (PdResource    *self,
               Places        *places,
               const Prefix  *prefix,
               GError       **error)
{
  PdResourceMeta *meta = pd_resource_meta_get (G_OBJECT_TYPE (self));

  for (guint i = 0; i < meta->n_fields; i++)
    {
      if (decode_field (self, i, &meta->fields[i], places, prefix, error))
        continue;
      if (prefix == NULL)
        {
          g_autofree char *id = NULL;
          g_autofree char *who = NULL;
          const char *start = NULL, *end = NULL;
          gsize where;

          if (meta->id_field >= 0
              && lookup (places, places->tree->field_node[meta->id_field], &start, &end, &where) == PD_JSON_FOUND
              && *start == '"')
            id = pd_json_text_dup_string (start, end);
          who = pd_resource_describe (meta, id);
          /* TRANSLATORS: the resource, then what is wrong with it */
          g_prefix_error (error, _("%s: "), who);
        }
      return FALSE;
    }
  return TRUE;
}

static gboolean
decode_object (PdResource    *self,
               const char    *start,
               const char    *end,
               const Prefix  *prefix,
               GString       *scratch,
               GError       **error)
{
  const char *starts[MAX_NODES], *ends[MAX_NODES];
  Places places;
  PdJsonScan scan = { start, end, 0 };

  places_init (&places, pd_resource_meta_get (G_OBJECT_TYPE (self))->tree, starts, ends, scratch,
               FALSE);
  scan_object (&places, &scan, places.tree->first_top);  /* checked already */
  return decode_fields (self, &places, prefix, error);
}

PdResource *
pd_resource_new_from_text (GType        type,
                           const char  *data,
                           gsize        length,
                           GError     **error)
{
  g_autoptr(PdResource) self = NULL;
  g_autoptr(GString) scratch = NULL;
  PdResourceMeta *meta;
  PdJsonScan scan = { data, data + length, 0 };
  const char *starts[MAX_NODES], *ends[MAX_NODES];
  g_auto(Places) places = { 0 };
  gboolean object, ok;

  g_return_val_if_fail (g_type_is_a (type, PD_TYPE_RESOURCE), NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (type, NULL);
  meta = pd_resource_meta_get (type);
  g_return_val_if_fail (meta != NULL, NULL);
  scratch = g_string_sized_new (64);
  places_init (&places, meta->tree, starts, ends, scratch, TRUE);

  pd_json_scan_space (&scan);
  object = scan.p < scan.end && *scan.p == '{';
  ok = object ? scan_object (&places, &scan, places.tree->first_top) : pd_json_scan_value (&scan);
  pd_json_scan_space (&scan);
  if (!ok || scan.p != scan.end)
    {
      /* never the text: it may hold a secret */
      g_set_error (error, PD_DECODE_ERROR, PD_DECODE_ERROR_SYNTAX, _("%s: the text is not valid JSON"),
                   _(meta->display_name));
      return NULL;
    }
  if (!object)
    {
      g_set_error (error, PD_DECODE_ERROR, PD_DECODE_ERROR_TYPE,
                   _("%s: the portal sent something other than a JSON object"), _(meta->display_name));
      return NULL;
    }
  if (!decode_fields (self, &places, NULL, error))
    return NULL;
  return g_steal_pointer (&self);
}

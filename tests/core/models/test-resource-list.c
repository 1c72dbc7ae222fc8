/* SPDX-License-Identifier: GPL-3.0-or-later */
/* PdResourceList against a reference: random apply/replace/remove rounds, checking after
 * each that the order matches a naive model of the rules, that a mirror rebuilt only from
 * items-changed signals matches the list (so every signal's position was right when it was
 * emitted), and that existing ids keep their objects (updated in place). */
#include "config.h"

#include "pd-models.h"

static PdResource *
make (const char *id,
      const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strdup_printf ("{\"id\": \"%s\", \"name\": \"%s\"}", id, name);
  PdResource *resource = pd_resource_new_from_data (PD_TYPE_ME_GROUP, text, -1, &error);

  g_assert_no_error (error);
  return resource;
}

typedef struct {
  PdResourceList *list;
  GPtrArray      *mirror;   /* PdResource*, rebuilt from items-changed only */
  guint           signals;
} Watch;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Watch      *watch)
{
  watch->signals++;
  g_assert_cmpuint (position + removed, <=, watch->mirror->len);
  g_assert_cmpuint (watch->mirror->len - removed + added, ==, g_list_model_get_n_items (model));
  g_ptr_array_remove_range (watch->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (watch->mirror, (int) (position + i), g_list_model_get_item (model, position + i));
  /* The list is already in the state the signal describes: lookups agree with positions */
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PdResource) item = g_list_model_get_item (model, i);
      g_assert_true (pd_resource_list_lookup (watch->list, pd_resource_get_id (item)) == item);
    }
}

static void
watch_init (Watch          *watch,
            PdResourceList *list)
{
  watch->list = list;
  watch->mirror = g_ptr_array_new_with_free_func (g_object_unref);
  watch->signals = 0;
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), watch);
}

static void
assert_state (Watch     *watch,
              GPtrArray *reference)   /* char* ids in the expected order */
{
  GListModel *model = G_LIST_MODEL (watch->list);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, reference->len);
  g_assert_cmpuint (watch->mirror->len, ==, reference->len);
  for (guint i = 0; i < reference->len; i++)
    {
      g_autoptr(PdResource) item = g_list_model_get_item (model, i);

      g_assert_cmpstr (pd_resource_get_id (item), ==, reference->pdata[i]);
      g_assert_true (watch->mirror->pdata[i] == item);
      g_assert_true (pd_resource_list_lookup (watch->list, reference->pdata[i]) == item);
    }
}

static gboolean
ref_contains (GPtrArray  *reference,
              const char *id,
              guint      *index)
{
  return g_ptr_array_find_with_equal_func (reference, id, g_str_equal, index);
}

static void
test_random_rounds (void)
{
  g_autoptr(PdResourceList) list = pd_resource_list_new (PD_TYPE_ME_GROUP);
  g_autoptr(GPtrArray) reference = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (4242);
  Watch watch;

  watch_init (&watch, list);
  for (guint round = 0; round < 400; round++)
    {
      guint op = g_rand_int_range (rand, 0, 3);
      guint universe = g_rand_boolean (rand) ? 30 : 200;
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GHashTable) previous = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
      guint n = g_rand_int_range (rand, 0, universe);

      /* Remember which object each id had, to check identity survives */
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
        {
          PdResource *item = g_list_model_get_item (G_LIST_MODEL (list), i);
          g_hash_table_insert (previous, g_strdup (pd_resource_get_id (item)), item);
        }
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *id = g_strdup_printf ("grp_%d", g_rand_int_range (rand, 0, universe));
          g_autofree char *name = g_strdup_printf ("round %u", round);
          g_ptr_array_add (items, make (id, name));
        }

      if (op == 0)
        {
          /* apply: upsert in order (new ids appended once), then remove deleted */
          g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
          g_auto(GStrv) deleted = NULL;
          guint n_deleted = g_rand_int_range (rand, 0, 12);

          for (guint i = 0; i < n_deleted; i++)
            {
              g_autofree char *id = g_strdup_printf ("grp_%d", g_rand_int_range (rand, 0, universe));
              g_strv_builder_add (builder, id);
            }
          deleted = g_strv_builder_end (builder);
          for (guint i = 0; i < items->len; i++)
            if (!ref_contains (reference, pd_resource_get_id (items->pdata[i]), NULL))
              g_ptr_array_add (reference, g_strdup (pd_resource_get_id (items->pdata[i])));
          for (guint i = 0; deleted[i] != NULL; i++)
            {
              guint index;
              if (ref_contains (reference, deleted[i], &index))
                g_ptr_array_remove_index (reference, index);
            }
          pd_resource_list_apply (list, items, (const char * const *) deleted);
        }
      else if (op == 1)
        {
          /* replace: survivors keep their order, new ids appended in the given order */
          g_autoptr(GPtrArray) next = g_ptr_array_new_with_free_func (g_free);

          for (guint i = 0; i < reference->len; i++)
            for (guint j = 0; j < items->len; j++)
              if (g_str_equal (reference->pdata[i], pd_resource_get_id (items->pdata[j])))
                {
                  g_ptr_array_add (next, g_strdup (reference->pdata[i]));
                  break;
                }
          for (guint j = 0; j < items->len; j++)
            if (!ref_contains (next, pd_resource_get_id (items->pdata[j]), NULL))
              g_ptr_array_add (next, g_strdup (pd_resource_get_id (items->pdata[j])));
          g_ptr_array_set_size (reference, 0);
          g_ptr_array_extend_and_steal (reference, g_steal_pointer (&next));
          pd_resource_list_replace (list, items);
        }
      else
        {
          g_autofree char *id = g_strdup_printf ("grp_%d", g_rand_int_range (rand, 0, universe));
          guint index;
          gboolean present = ref_contains (reference, id, &index);

          if (present)
            g_ptr_array_remove_index (reference, index);
          g_assert_cmpint (pd_resource_list_remove (list, id), ==, present);
        }

      assert_state (&watch, reference);

      /* Ids that stayed kept their object; upserted ones carry the last name given */
      for (guint i = 0; i < reference->len; i++)
        {
          PdResource *before = g_hash_table_lookup (previous, reference->pdata[i]);
          if (before != NULL)
            g_assert_true (pd_resource_list_lookup (list, reference->pdata[i]) == before);
        }
      if (op != 2)
        for (guint i = 0; i < items->len; i++)
          {
            const char *id = pd_resource_get_id (items->pdata[i]);
            PdResource *now = pd_resource_list_lookup (list, id);

            if (now != NULL)
              g_assert_cmpstr (pd_me_group_get_name (PD_ME_GROUP (now)), ==,
                               pd_me_group_get_name (PD_ME_GROUP (items->pdata[i])));
          }
    }
  g_test_message ("%u items-changed signals", watch.signals);
  g_ptr_array_unref (watch.mirror);
}

static guint notify_count;

static void
count_notify (GObject    *object,
              GParamSpec *pspec)
{
  notify_count++;
}

static void
test_signals_coalesced (void)
{
  g_autoptr(PdResourceList) list = pd_resource_list_new (PD_TYPE_ME_GROUP);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) reference = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) same = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) half = g_ptr_array_new_with_free_func (g_object_unref);
  PdResource *first;
  Watch watch;

  watch_init (&watch, list);
  for (guint i = 0; i < 10000; i++)
    {
      g_autofree char *id = g_strdup_printf ("grp_%u", i);
      g_ptr_array_add (items, make (id, "a"));
      g_ptr_array_add (same, make (id, "a"));
      if (i % 2 == 0)
        {
          g_ptr_array_add (half, make (id, i == 0 ? "changed" : "a"));
          g_ptr_array_add (reference, g_strdup (id));
        }
    }

  /* A cache load of 10,000: one signal */
  pd_resource_list_replace (list, items);
  g_assert_cmpuint (watch.signals, ==, 1);
  first = pd_resource_list_lookup (list, "grp_0");
  g_signal_connect (first, "notify", G_CALLBACK (count_notify), NULL);

  /* The same again: nothing changes, nothing is said */
  pd_resource_list_replace (list, same);
  g_assert_cmpuint (watch.signals, ==, 1);
  g_assert_cmpuint (notify_count, ==, 0);

  /* Every other one removed (5,000 runs): still one signal, O(n), updated in place */
  pd_resource_list_replace (list, half);
  g_assert_cmpuint (watch.signals, ==, 2);
  assert_state (&watch, reference);
  g_assert_true (pd_resource_list_lookup (list, "grp_0") == first);
  g_assert_cmpstr (pd_me_group_get_name (PD_ME_GROUP (first)), ==, "changed");
  g_assert_cmpuint (notify_count, ==, 1);

  /* One run at the end plus appends: one signal */
  {
    g_autoptr(GPtrArray) tail = g_ptr_array_new_with_free_func (g_object_unref);
    for (guint i = 0; i < 4990; i += 2)
      g_ptr_array_add (tail, make (reference->pdata[i / 2], "a"));
    g_ptr_array_add (tail, make ("grp_new", "a"));
    g_ptr_array_set_size (reference, 2495);
    g_ptr_array_add (reference, g_strdup ("grp_new"));
    /* reference is every even id below 4990, then grp_new */
    pd_resource_list_replace (list, tail);
    g_assert_cmpuint (watch.signals, ==, 3);
    assert_state (&watch, reference);
  }
  g_ptr_array_unref (watch.mirror);
}

static void
test_wrong_input (void)
{
  g_autoptr(PdResourceList) list = pd_resource_list_new (PD_TYPE_ME_GROUP);

  g_assert_false (pd_resource_list_remove (list, "nothing"));
  g_assert_null (pd_resource_list_lookup (list, "nothing"));
  pd_resource_list_apply (list, NULL, (const char *[]) { "nothing", NULL });
  pd_resource_list_replace (list, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 0));
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == PD_TYPE_ME_GROUP);
}

static void
test_kind_paths (void)
{
  g_autofree char *organizations = pd_resource_kind_path (&pd_resource_kind_organizations, NULL, NULL);
  g_autofree char *accounts = pd_resource_kind_path (&pd_resource_kind_accounts, "org_1", "svc_2");
  g_autofree char *odd = pd_resource_kind_path (&pd_resource_kind_accounts, "org/1?x", "svc 2#");

  g_assert_cmpstr (organizations, ==, "/api/v1/organizations");
  g_assert_cmpstr (accounts, ==, "/api/v1/organizations/org_1/services/svc_2/accounts");
  /* An id never adds a segment, a query or a fragment */
  g_assert_cmpstr (odd, ==, "/api/v1/organizations/org%2F1%3Fx/services/svc%202%23/accounts");
  g_assert_true (pd_resource_kind_find ("accounts") == &pd_resource_kind_accounts);
  g_assert_true (pd_resource_kind_accounts.get_type () == PD_TYPE_ACCOUNT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/models/resource-list/random-rounds", test_random_rounds);
  g_test_add_func ("/models/resource-list/signals-coalesced", test_signals_coalesced);
  g_test_add_func ("/models/resource-list/wrong-input", test_wrong_input);
  g_test_add_func ("/models/resource-kind/paths", test_kind_paths);

  return g_test_run ();
}

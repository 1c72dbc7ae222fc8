/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "pd-client-figures.h"
#include "pd-clients-sorter.h"

struct _PdClientsSorter
{
  GtkSorter          parent_instance;

  PdClientsSortOrder order;
};

G_DEFINE_FINAL_TYPE (PdClientsSorter, pd_clients_sorter, GTK_TYPE_SORTER)

G_DEFINE_ENUM_TYPE (PdClientsSortOrder, pd_clients_sort_order,
  G_DEFINE_ENUM_VALUE (PD_CLIENTS_SORT_NAME, "name"),
  G_DEFINE_ENUM_VALUE (PD_CLIENTS_SORT_WORST_STATUS, "worst-status"),
  G_DEFINE_ENUM_VALUE (PD_CLIENTS_SORT_SEAT_USAGE, "seat-usage"),
  G_DEFINE_ENUM_VALUE (PD_CLIENTS_SORT_LAST_BACKUP, "last-backup"))

enum { PROP_0, PROP_ORDER, N_PROPS };
static GParamSpec *properties[N_PROPS];

const char *
pd_clients_sort_order_get_label (PdClientsSortOrder order)
{
  switch (order)
    {
    case PD_CLIENTS_SORT_NAME: return C_("sort clients by", "Name");
    case PD_CLIENTS_SORT_WORST_STATUS: return C_("sort clients by", "Worst status");
    case PD_CLIENTS_SORT_SEAT_USAGE: return C_("sort clients by", "Seat usage");
    case PD_CLIENTS_SORT_LAST_BACKUP: return C_("sort clients by", "Oldest backup");
    default: return "";
    }
}

static int
compare_names (PdOrganization *a,
               PdOrganization *b)
{
  int result = strcmp (pd_organization_get_name_key (a), pd_organization_get_name_key (b));

  if (result == 0)
    result = g_strcmp0 (pd_resource_get_id (PD_RESOURCE (a)), pd_resource_get_id (PD_RESOURCE (b)));
  return result;
}

/* Negative when @a comes first */
static int
compare_figures (PdClientsSortOrder     order,
                 const PdClientFigures *a,
                 const PdClientFigures *b)
{
  switch (order)
    {
    case PD_CLIENTS_SORT_WORST_STATUS:
      {
        int sa = a->n_services > 0 ? pd_badge_state_get_severity (a->worst_state) : G_MININT;
        int sb = b->n_services > 0 ? pd_badge_state_get_severity (b->worst_state) : G_MININT;

        return sa == sb ? 0 : (sa > sb ? -1 : 1);
      }
    case PD_CLIENTS_SORT_SEAT_USAGE:
      {
        double ua = pd_client_figures_seat_usage (a);
        double ub = pd_client_figures_seat_usage (b);

        return ua == ub ? 0 : (ua > ub ? -1 : 1);
      }
    case PD_CLIENTS_SORT_LAST_BACKUP:
      if (a->has_last_backup != b->has_last_backup)
        return a->has_last_backup ? 1 : -1;
      return a->last_backup == b->last_backup ? 0 : (a->last_backup < b->last_backup ? -1 : 1);
    case PD_CLIENTS_SORT_NAME:
    default:
      return 0;
    }
}

static GtkOrdering
pd_clients_sorter_compare (GtkSorter *sorter,
                           gpointer   item1,
                           gpointer   item2)
{
  PdClientsSorter *self = PD_CLIENTS_SORTER (sorter);
  int result = 0;

  if (!PD_IS_ORGANIZATION (item1) || !PD_IS_ORGANIZATION (item2))
    return GTK_ORDERING_EQUAL;
  if (self->order != PD_CLIENTS_SORT_NAME)
    {
      PdClientFigures a, b;

      pd_client_figures_compute (item1, &a);
      pd_client_figures_compute (item2, &b);
      result = compare_figures (self->order, &a, &b);
    }
  if (result == 0)
    result = compare_names (item1, item2);
  return gtk_ordering_from_cmpfunc (result);
}

static GtkSorterOrder
pd_clients_sorter_get_sorter_order (GtkSorter *sorter)
{
  return GTK_SORTER_ORDER_TOTAL;
}

PdClientsSortOrder
pd_clients_sorter_get_order (PdClientsSorter *self)
{
  g_return_val_if_fail (PD_IS_CLIENTS_SORTER (self), PD_CLIENTS_SORT_NAME);
  return self->order;
}

void
pd_clients_sorter_set_order (PdClientsSorter    *self,
                             PdClientsSortOrder  order)
{
  g_return_if_fail (PD_IS_CLIENTS_SORTER (self));
  g_return_if_fail (order <= PD_CLIENTS_SORT_LAST_BACKUP);

  if (self->order == order)
    return;
  self->order = order;
  gtk_sorter_changed (GTK_SORTER (self), GTK_SORTER_CHANGE_DIFFERENT);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORDER]);
}

static void
pd_clients_sorter_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PdClientsSorter *self = PD_CLIENTS_SORTER (object);

  switch (prop_id)
    {
    case PROP_ORDER: g_value_set_enum (value, self->order); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_clients_sorter_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PdClientsSorter *self = PD_CLIENTS_SORTER (object);

  switch (prop_id)
    {
    case PROP_ORDER: pd_clients_sorter_set_order (self, g_value_get_enum (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_clients_sorter_class_init (PdClientsSorterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkSorterClass *sorter_class = GTK_SORTER_CLASS (klass);

  object_class->get_property = pd_clients_sorter_get_property;
  object_class->set_property = pd_clients_sorter_set_property;
  sorter_class->compare = pd_clients_sorter_compare;
  sorter_class->get_order = pd_clients_sorter_get_sorter_order;

  properties[PROP_ORDER] =
    g_param_spec_enum ("order", NULL, NULL, PD_TYPE_CLIENTS_SORT_ORDER, PD_CLIENTS_SORT_NAME,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pd_clients_sorter_init (PdClientsSorter *self)
{
}

PdClientsSorter *
pd_clients_sorter_new (PdClientsSortOrder order)
{
  return g_object_new (PD_TYPE_CLIENTS_SORTER, "order", order, NULL);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "pd-client-figures.h"
#include "pd-clients-filter.h"

struct _PdClientsFilter
{
  GtkFilter  parent_instance;

  char      *search;         /* as set */
  char      *folded_search;  /* what is matched: "" when none */
  guint      statuses;
  guint      plan_types;
  guint      relationships;
  guint      management_modes;
  gboolean   needs_authentication;
  gboolean   problems_only;
};

G_DEFINE_FINAL_TYPE (PdClientsFilter, pd_clients_filter, GTK_TYPE_FILTER)

enum {
  PROP_0,
  PROP_SEARCH,
  PROP_STATUSES,
  PROP_PLAN_TYPES,
  PROP_RELATIONSHIPS,
  PROP_MANAGEMENT_MODES,
  PROP_NEEDS_AUTHENTICATION,
  PROP_PROBLEMS_ONLY,
  PROP_ACTIVE,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static inline gboolean
in_mask (guint mask,
         int   value)
{
  return mask == 0 || (value >= 0 && value < 32 && (mask & (1u << value)) != 0);
}

gboolean
pd_clients_filter_matches (PdClientsFilter *self,
                           gpointer         item)
{
  PdOrganization *organization = item;

  g_return_val_if_fail (PD_IS_CLIENTS_FILTER (self), FALSE);

  if (!PD_IS_ORGANIZATION (item))
    return FALSE;
  /* The cheap criteria first: most clients are decided before the services are looked at. */
  if (!in_mask (self->statuses, pd_organization_get_status (organization))
      || !in_mask (self->plan_types, pd_organization_get_plan_type (organization))
      || !in_mask (self->relationships, pd_organization_get_relationship (organization)))
    return FALSE;
  if (self->needs_authentication
      && pd_organization_get_credential_status (organization) != PD_CREDENTIAL_STATUS_NEEDS_AUTHENTICATION)
    return FALSE;
  if (self->folded_search[0] != '\0'
      && strstr (pd_client_get_search_key (organization), self->folded_search) == NULL)
    return FALSE;
  if (self->management_modes != 0 || self->problems_only)
    {
      PdClientFigures figures;

      pd_client_figures_compute (organization, &figures);
      if (self->management_modes != 0 && (figures.management_modes & self->management_modes) == 0)
        return FALSE;
      if (self->problems_only && !figures.has_problem)
        return FALSE;
    }
  return TRUE;
}

static gboolean
pd_clients_filter_match (GtkFilter *filter,
                         gpointer   item)
{
  return pd_clients_filter_matches (PD_CLIENTS_FILTER (filter), item);
}

static GtkFilterMatch
pd_clients_filter_get_strictness (GtkFilter *filter)
{
  PdClientsFilter *self = PD_CLIENTS_FILTER (filter);

  if (self->folded_search[0] == '\0' && !pd_clients_filter_get_active (self))
    return GTK_FILTER_MATCH_ALL;
  return GTK_FILTER_MATCH_SOME;
}

/* A narrower mask can only hide more, a wider one only show more: the filter model then
 * looks only at the items that can change. */
static GtkFilterChange
mask_change (guint old_mask,
             guint new_mask)
{
  if (old_mask == 0)
    return GTK_FILTER_CHANGE_MORE_STRICT;
  if (new_mask == 0 || (old_mask & ~new_mask) == 0)
    return GTK_FILTER_CHANGE_LESS_STRICT;
  if ((new_mask & ~old_mask) == 0)
    return GTK_FILTER_CHANGE_MORE_STRICT;
  return GTK_FILTER_CHANGE_DIFFERENT;
}

static void
notify_active (PdClientsFilter *self,
               gboolean         was_active)
{
  if (was_active != pd_clients_filter_get_active (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

static void
set_mask (PdClientsFilter *self,
          guint           *field,
          guint            mask,
          guint            prop_id)
{
  gboolean was_active = pd_clients_filter_get_active (self);
  guint old_mask = *field;

  if (old_mask == mask)
    return;
  *field = mask;
  gtk_filter_changed (GTK_FILTER (self), mask_change (old_mask, mask));
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  notify_active (self, was_active);
}

static void
set_flag (PdClientsFilter *self,
          gboolean        *field,
          gboolean         value,
          guint            prop_id)
{
  gboolean was_active = pd_clients_filter_get_active (self);

  value = !!value;
  if (*field == value)
    return;
  *field = value;
  gtk_filter_changed (GTK_FILTER (self), value ? GTK_FILTER_CHANGE_MORE_STRICT : GTK_FILTER_CHANGE_LESS_STRICT);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  notify_active (self, was_active);
}

const char *
pd_clients_filter_get_search (PdClientsFilter *self)
{
  g_return_val_if_fail (PD_IS_CLIENTS_FILTER (self), NULL);
  return self->search != NULL ? self->search : "";
}

void
pd_clients_filter_set_search (PdClientsFilter *self,
                              const char      *search)
{
  g_autofree char *folded = NULL;
  GtkFilterChange change;

  g_return_if_fail (PD_IS_CLIENTS_FILTER (self));

  if (search == NULL)
    search = "";
  if (g_strcmp0 (self->search, search) == 0)
    return;
  g_free (self->search);
  self->search = g_strdup (search);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);

  folded = pd_client_fold_text (search);
  if (g_str_equal (folded, self->folded_search))
    return;
  /* Typing one more letter narrows (everything that contains the longer text contains the
   * shorter one); deleting one widens. */
  if (strstr (folded, self->folded_search) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (strstr (self->folded_search, folded) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;
  g_free (self->folded_search);
  self->folded_search = g_steal_pointer (&folded);
  gtk_filter_changed (GTK_FILTER (self), change);
}

guint
pd_clients_filter_get_statuses (PdClientsFilter *self)
{
  g_return_val_if_fail (PD_IS_CLIENTS_FILTER (self), 0);
  return self->statuses;
}

void
pd_clients_filter_set_statuses (PdClientsFilter *self,
                                guint            mask)
{
  g_return_if_fail (PD_IS_CLIENTS_FILTER (self));
  set_mask (self, &self->statuses, mask, PROP_STATUSES);
}

guint
pd_clients_filter_get_plan_types (PdClientsFilter *self)
{
  g_return_val_if_fail (PD_IS_CLIENTS_FILTER (self), 0);
  return self->plan_types;
}

void
pd_clients_filter_set_plan_types (PdClientsFilter *self,
                                  guint            mask)
{
  g_return_if_fail (PD_IS_CLIENTS_FILTER (self));
  set_mask (self, &self->plan_types, mask, PROP_PLAN_TYPES);
}

guint
pd_clients_filter_get_relationships (PdClientsFilter *self)
{
  g_return_val_if_fail (PD_IS_CLIENTS_FILTER (self), 0);
  return self->relationships;
}

void
pd_clients_filter_set_relationships (PdClientsFilter *self,
                                     guint            mask)
{
  g_return_if_fail (PD_IS_CLIENTS_FILTER (self));
  set_mask (self, &self->relationships, mask, PROP_RELATIONSHIPS);
}

guint
pd_clients_filter_get_management_modes (PdClientsFilter *self)
{
  g_return_val_if_fail (PD_IS_CLIENTS_FILTER (self), 0);
  return self->management_modes;
}

void
pd_clients_filter_set_management_modes (PdClientsFilter *self,
                                        guint            mask)
{
  g_return_if_fail (PD_IS_CLIENTS_FILTER (self));
  set_mask (self, &self->management_modes, mask, PROP_MANAGEMENT_MODES);
}

gboolean
pd_clients_filter_get_needs_authentication (PdClientsFilter *self)
{
  g_return_val_if_fail (PD_IS_CLIENTS_FILTER (self), FALSE);
  return self->needs_authentication;
}

void
pd_clients_filter_set_needs_authentication (PdClientsFilter *self,
                                            gboolean         needs_authentication)
{
  g_return_if_fail (PD_IS_CLIENTS_FILTER (self));
  set_flag (self, &self->needs_authentication, needs_authentication, PROP_NEEDS_AUTHENTICATION);
}

gboolean
pd_clients_filter_get_problems_only (PdClientsFilter *self)
{
  g_return_val_if_fail (PD_IS_CLIENTS_FILTER (self), FALSE);
  return self->problems_only;
}

void
pd_clients_filter_set_problems_only (PdClientsFilter *self,
                                     gboolean         problems_only)
{
  g_return_if_fail (PD_IS_CLIENTS_FILTER (self));
  set_flag (self, &self->problems_only, problems_only, PROP_PROBLEMS_ONLY);
}

gboolean
pd_clients_filter_get_active (PdClientsFilter *self)
{
  g_return_val_if_fail (PD_IS_CLIENTS_FILTER (self), FALSE);
  return self->statuses != 0 || self->plan_types != 0 || self->relationships != 0
         || self->management_modes != 0 || self->needs_authentication || self->problems_only;
}

void
pd_clients_filter_clear (PdClientsFilter *self)
{
  g_return_if_fail (PD_IS_CLIENTS_FILTER (self));

  if (!pd_clients_filter_get_active (self))
    return;
  g_object_freeze_notify (G_OBJECT (self));
#define CLEAR(field, value, prop) \
  if (self->field != value) \
    { \
      self->field = value; \
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop]); \
    }
  CLEAR (statuses, 0, PROP_STATUSES);
  CLEAR (plan_types, 0, PROP_PLAN_TYPES);
  CLEAR (relationships, 0, PROP_RELATIONSHIPS);
  CLEAR (management_modes, 0, PROP_MANAGEMENT_MODES);
  CLEAR (needs_authentication, FALSE, PROP_NEEDS_AUTHENTICATION);
  CLEAR (problems_only, FALSE, PROP_PROBLEMS_ONLY);
#undef CLEAR
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
  /* One change for all of them: the list refilters once. */
  gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_LESS_STRICT);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
pd_clients_filter_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PdClientsFilter *self = PD_CLIENTS_FILTER (object);

  switch (prop_id)
    {
    case PROP_SEARCH: g_value_set_string (value, pd_clients_filter_get_search (self)); break;
    case PROP_STATUSES: g_value_set_uint (value, self->statuses); break;
    case PROP_PLAN_TYPES: g_value_set_uint (value, self->plan_types); break;
    case PROP_RELATIONSHIPS: g_value_set_uint (value, self->relationships); break;
    case PROP_MANAGEMENT_MODES: g_value_set_uint (value, self->management_modes); break;
    case PROP_NEEDS_AUTHENTICATION: g_value_set_boolean (value, self->needs_authentication); break;
    case PROP_PROBLEMS_ONLY: g_value_set_boolean (value, self->problems_only); break;
    case PROP_ACTIVE: g_value_set_boolean (value, pd_clients_filter_get_active (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_clients_filter_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PdClientsFilter *self = PD_CLIENTS_FILTER (object);

  switch (prop_id)
    {
    case PROP_SEARCH: pd_clients_filter_set_search (self, g_value_get_string (value)); break;
    case PROP_STATUSES: pd_clients_filter_set_statuses (self, g_value_get_uint (value)); break;
    case PROP_PLAN_TYPES: pd_clients_filter_set_plan_types (self, g_value_get_uint (value)); break;
    case PROP_RELATIONSHIPS: pd_clients_filter_set_relationships (self, g_value_get_uint (value)); break;
    case PROP_MANAGEMENT_MODES: pd_clients_filter_set_management_modes (self, g_value_get_uint (value)); break;
    case PROP_NEEDS_AUTHENTICATION: pd_clients_filter_set_needs_authentication (self, g_value_get_boolean (value)); break;
    case PROP_PROBLEMS_ONLY: pd_clients_filter_set_problems_only (self, g_value_get_boolean (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_clients_filter_finalize (GObject *object)
{
  PdClientsFilter *self = PD_CLIENTS_FILTER (object);

  g_free (self->search);
  g_free (self->folded_search);
  G_OBJECT_CLASS (pd_clients_filter_parent_class)->finalize (object);
}

static void
pd_clients_filter_class_init (PdClientsFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->get_property = pd_clients_filter_get_property;
  object_class->set_property = pd_clients_filter_set_property;
  object_class->finalize = pd_clients_filter_finalize;
  filter_class->match = pd_clients_filter_match;
  filter_class->get_strictness = pd_clients_filter_get_strictness;

  properties[PROP_SEARCH] = g_param_spec_string ("search", NULL, NULL, "", flags);
  properties[PROP_STATUSES] = g_param_spec_uint ("statuses", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_PLAN_TYPES] = g_param_spec_uint ("plan-types", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_RELATIONSHIPS] = g_param_spec_uint ("relationships", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_MANAGEMENT_MODES] = g_param_spec_uint ("management-modes", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_NEEDS_AUTHENTICATION] = g_param_spec_boolean ("needs-authentication", NULL, NULL, FALSE, flags);
  properties[PROP_PROBLEMS_ONLY] = g_param_spec_boolean ("problems-only", NULL, NULL, FALSE, flags);
  properties[PROP_ACTIVE] = g_param_spec_boolean ("active", NULL, NULL, FALSE,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pd_clients_filter_init (PdClientsFilter *self)
{
  self->search = g_strdup ("");
  self->folded_search = g_strdup ("");
}

PdClientsFilter *
pd_clients_filter_new (void)
{
  return g_object_new (PD_TYPE_CLIENTS_FILTER, NULL);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "pd-client-figures.h"
#include "pd-service.h"

void
pd_client_figures_compute (PdOrganization  *organization,
                           PdClientFigures *figures)
{
  GListModel *services;
  guint n;

  g_return_if_fail (PD_IS_ORGANIZATION (organization));
  g_return_if_fail (figures != NULL);

  memset (figures, 0, sizeof *figures);
  figures->worst_state = PD_BADGE_STATE_UNKNOWN;
  services = G_LIST_MODEL (pd_organization_get_services (organization));
  n = services != NULL ? g_list_model_get_n_items (services) : 0;
  figures->n_services = n;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PdService) service = g_list_model_get_item (services, i);
      PdBadgeState state = pd_badge_state_for_service (service);
      GDateTime *last = pd_service_get_last_backup_at (service);

      if (i == 0 || pd_badge_state_get_severity (state) > pd_badge_state_get_severity (figures->worst_state))
        figures->worst_state = state;
      if (pd_badge_state_is_problem (state))
        figures->has_problem = TRUE;
      figures->management_modes |= 1u << pd_service_get_management_mode (service);
      figures->seats_total += pd_service_get_seats_total (service);
      figures->seats_managed += pd_service_get_seats_managed (service);
      figures->seats_unprotected += pd_service_get_seats_unprotected (service);
      if (last != NULL)
        {
          gint64 when = g_date_time_to_unix (last);

          if (!figures->has_last_backup || when < figures->last_backup)
            figures->last_backup = when;
          figures->has_last_backup = TRUE;
        }
    }
  if (pd_organization_get_credential_status (organization) == PD_CREDENTIAL_STATUS_NEEDS_AUTHENTICATION
      || pd_organization_get_mapping_status (organization) == PD_MAPPING_STATUS_UNMAPPED)
    figures->has_problem = TRUE;
}

double
pd_client_figures_seat_usage (const PdClientFigures *figures)
{
  if (figures->seats_total > 0)
    return (double) figures->seats_managed / (double) figures->seats_total;
  return figures->seats_managed > 0 ? 2.0 : 0.0;
}

/* Marks are dropped after decomposition, so accents do not matter. For scripts where a mark
 * changes the letter (Japanese voiced kana) this matches a little more than typed, never less. */
char *
pd_client_fold_text (const char *text)
{
  g_autofree char *folded = NULL;
  g_autofree char *decomposed = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");
  folded = g_utf8_casefold (text, -1);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);
  if (decomposed == NULL) /* not valid UTF-8: the models never hold that, but be safe */
    return g_strdup ("");
  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (g_unichar_type (c))
        {
        case G_UNICODE_NON_SPACING_MARK:
        case G_UNICODE_SPACING_MARK:
        case G_UNICODE_ENCLOSING_MARK:
          continue;
        default:
          break;
        }
      /* Names carry typographic apostrophes ("O’Brien"); keyboards type ASCII ones. */
      if (c == 0x2018 || c == 0x2019 || c == 0x02BC)
        c = '\'';
      else if (c == 0x201C || c == 0x201D)
        c = '"';
      g_string_append_unichar (out, c);
    }
  return g_strstrip (g_string_free (out, FALSE));
}

/* Folding costs far more than matching, so it is done once per client, not per keystroke,
 * when first asked for. */
typedef struct
{
  guint  revision;     /* of the organization the keys were made from */
  char  *search_key;
} ClientKeys;

static void
client_keys_free (gpointer data)
{
  ClientKeys *keys = data;

  g_free (keys->search_key);
  g_free (keys);
}

/* Called for both sides of every comparison while sorting: a lookup and a number compared */
static ClientKeys *
get_keys (PdOrganization *organization)
{
  static GQuark quark;
  guint revision = pd_resource_get_revision (PD_RESOURCE (organization));
  ClientKeys *keys;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("pd-client-keys");
  keys = g_object_get_qdata (G_OBJECT (organization), quark);
  if (keys == NULL)
    {
      keys = g_new0 (ClientKeys, 1);
      keys->revision = revision;
      g_object_set_qdata_full (G_OBJECT (organization), quark, keys, client_keys_free);
    }
  /* Synced organizations change in place: a renamed one gets new keys. */
  if (keys->revision != revision)
    {
      keys->revision = revision;
      g_clear_pointer (&keys->search_key, g_free);
    }
  return keys;
}

const char *
pd_client_get_search_key (PdOrganization *organization)
{
  ClientKeys *keys;

  g_return_val_if_fail (PD_IS_ORGANIZATION (organization), "");

  keys = get_keys (organization);
  if (keys->search_key == NULL)
    {
      const char *name = pd_organization_get_name (organization);
      const char *domain = pd_organization_get_domain (organization);
      /* A separator no one types, so a search never matches across two fields. */
      g_autofree char *joined = g_strjoin ("\x1f", pd_resource_get_id (PD_RESOURCE (organization)),
                                           name != NULL ? name : "", domain != NULL ? domain : "", NULL);

      keys->search_key = pd_client_fold_text (joined);
    }
  return keys->search_key;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "pd-new-client-check.h"
#include "pd-settings-check.h"
#include "pd-organization.h"

#define MAX_PRICE_CENTS G_GINT64_CONSTANT (100000000)

static gboolean
is_blank (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  return stripped[0] == '\0';
}

const char *
pd_new_client_check_name (PdSession  *session,
                          const char *text,
                          const char *except_id)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *folded = NULL;
  GListModel *organizations;

  if (stripped[0] == '\0')
    return _("Enter the client’s name.");
  if (g_utf8_strlen (stripped, -1) > 200)
    return _("The name can have at most 200 characters.");
  folded = g_utf8_casefold (stripped, -1);
  organizations = pd_session_get_organizations (session);
  for (guint i = 0; i < g_list_model_get_n_items (organizations); i++)
    {
      g_autoptr(PdOrganization) organization = g_list_model_get_item (organizations, i);
      g_autofree char *other = g_utf8_casefold (pd_organization_get_name (organization), -1);

      if (g_str_equal (other, folded) && g_strcmp0 (pd_resource_get_id (PD_RESOURCE (organization)), except_id) != 0)
        return _("Another client already has this name. Choose another one.");
    }
  return NULL;
}

const char *
pd_new_client_check_domain (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (stripped[0] == '\0')
    return NULL;
  /* The settings' host check, less what a domain is not: an address, a name without a dot */
  if (pd_settings_check_host (stripped) != NULL || g_hostname_is_ip_address (stripped) || strchr (stripped, '.') == NULL ||
      strlen (stripped) > 253)
    return _("Enter a domain such as example.com, or leave it empty.");
  return NULL;
}

const char *
pd_new_client_check_plan_name (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (stripped[0] == '\0')
    return _("Enter the name of the client’s plan.");
  if (g_utf8_strlen (stripped, -1) > 100)
    return _("The plan name can have at most 100 characters.");
  return NULL;
}

const char *
pd_new_client_check_currency (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (strlen (stripped) != 3 || !g_ascii_isupper (stripped[0]) || !g_ascii_isupper (stripped[1]) ||
      !g_ascii_isupper (stripped[2]))
    return _("Enter a currency code of three capital letters, such as USD or EUR.");
  return NULL;
}

/* Currencies without a minor unit (ISO 4217 exponent 0) that partners bill in */
static guint
decimals_of (const char *currency)
{
  static const char *const whole[] = { "JPY", "KRW", "CLP", "ISK", "VND", "HUF", "TWD", "UGX", "PYG", NULL };

  return currency != NULL && g_strv_contains (whole, currency) ? 0 : 2;
}

const char *
pd_new_client_check_price (const char *text,
                           const char *currency,
                           gint64     *cents)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  guint decimals = decimals_of (currency);
  const char *p = stripped;
  gint64 whole = 0, fraction = 0;
  guint digits = 0, fraction_digits = 0;

  if (is_blank (stripped))
    return _("Enter the monthly price, such as 87.50 (0 for free).");
  for (; g_ascii_isdigit (*p); p++, digits++)
    {
      whole = whole * 10 + (*p - '0');
      if (whole > MAX_PRICE_CENTS)
        return _("The price is too high.");
    }
  if (*p == '.' || *p == ',')
    for (p++; g_ascii_isdigit (*p); p++, fraction_digits++)
      fraction = fraction * 10 + (*p - '0');
  if (*p != '\0' || digits == 0 || (fraction_digits == 0 && (p[-1] == '.' || p[-1] == ',')))
    return _("Enter the price as a number, such as 87.50.");
  if (fraction_digits > decimals)
    return decimals == 0 ? _("This currency has no cents: enter a whole number.")
                         : _("Enter at most two decimals.");
  for (guint i = fraction_digits; i < decimals; i++)
    fraction *= 10;
  for (guint i = 0; i < decimals; i++)
    whole *= 10;
  if (whole + fraction > MAX_PRICE_CENTS)
    return _("The price is too high.");
  if (cents != NULL)
    *cents = whole + fraction;
  return NULL;
}

char *
pd_new_client_format_price (gint64      cents,
                            const char *currency)
{
  if (decimals_of (currency) == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, cents);
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", cents / 100, (int) (cents % 100));
}

char *
pd_new_client_usual_currency (PdSession *session)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *organizations = pd_session_get_organizations (session);
  const char *best = "USD";
  guint best_count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (organizations); i++)
    {
      g_autoptr(PdOrganization) organization = g_list_model_get_item (organizations, i);
      const char *currency = pd_organization_get_plan_currency (organization);
      guint count;

      if (currency == NULL)
        continue;
      /* The organizations outlive this function: their strings may be the keys. */
      count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, currency)) + 1;
      g_hash_table_replace (counts, (gpointer) currency, GUINT_TO_POINTER (count));
      if (count > best_count)
        {
          best = currency;
          best_count = count;
        }
    }
  return g_strdup (best);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The partner (the MSP or reseller company) and its settings. */
#include "pd-portal-admin.h"
#include "pd-portal-db.h"
#include "pd-portal-modules.h"
#include "pd-portal-validate.h"

/* ISO 3166-1 alpha-2: the 249 officially assigned codes, sorted, each followed by a space. */
static const char country_codes[] =
  "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI "
  "BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN "
  "CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK "
  "FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM "
  "HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN "
  "KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK "
  "ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP "
  "NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW "
  "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF "
  "TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI "
  "VN VU WF WS YE YT ZA ZM ZW "
  ;

static gboolean
is_country_code (const char *code)
{
  if (code == NULL || strlen (code) != 2 || !g_ascii_isupper (code[0]) || !g_ascii_isupper (code[1]))
    return FALSE;
  for (const char *p = country_codes; *p != '\0'; p += 3)
    if (p[0] == code[0] && p[1] == code[1])
      return TRUE;
  return FALSE;
}

static void
respond_partner (PdPortalRequest *req)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *id = pd_portal_id_format ("ptn", req->caller->partner_id);
  g_autofree char *etag = NULL;
  sqlite3_stmt *stmt = pd_portal_db_stmt (req->portal,
      "SELECT version, created_at, updated_at, name, default_country FROM partners WHERE id = ?1");

  sqlite3_bind_int64 (stmt, 1, req->caller->partner_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      pd_portal_respond_not_found (req, "partner");
      return;
    }
  etag = pd_portal_etag (id, sqlite3_column_int64 (stmt, 0));
  json_builder_begin_object (builder);
  pd_portal_json_meta (builder, id, sqlite3_column_int64 (stmt, 0), pd_portal_db_text (stmt, 1),
                       pd_portal_db_text (stmt, 2));
  pd_portal_json_text (builder, "name", pd_portal_db_text (stmt, 3));
  pd_portal_json_text (builder, "default_country", pd_portal_db_text (stmt, 4));
  json_builder_end_object (builder);
  sqlite3_reset (stmt);
  pd_portal_respond_builder (req, SOUP_STATUS_OK, builder, etag);
}

static void
handle_get (PdPortalRequest *req)
{
  if (!pd_portal_require (req, "partner.read"))
    return;
  respond_partner (req);
}

static void
handle_update (PdPortalRequest *req)
{
  static const char *const allowed[] = { "name", "default_country", NULL };
  g_autoptr(PdPortalValidation) v = NULL;
  g_autofree char *id = pd_portal_id_format ("ptn", req->caller->partner_id);
  g_autofree char *etag = NULL;
  g_autofree char *old_name = NULL;
  g_autofree char *old_country = NULL;
  g_autofree char *now = NULL;
  g_autoptr(GString) changes = g_string_new (NULL);
  const char *name, *country;
  sqlite3_stmt *stmt;

  if (!pd_portal_require (req, "partner.write"))
    return;

  v = pd_portal_validation_new (req);
  pd_portal_validation_only (v, allowed);
  name = pd_portal_validate_string (v, "name", PD_FIELD_OPTIONAL, 1, 200);
  country = pd_portal_validate_string (v, "default_country", PD_FIELD_OPTIONAL, 2, 2);
  if (country != NULL && !is_country_code (country))
    {
      pd_portal_validation_error (v, "default_country", "invalid_country",
                                  "“%s” is not an ISO 3166-1 alpha-2 country code (two capital letters, e.g. US, DE).",
                                  country);
      country = NULL;
    }
  if (pd_portal_validation_failed (v))
    return;

  stmt = pd_portal_db_stmt (req->portal, "SELECT version, name, default_country FROM partners WHERE id = ?1");
  sqlite3_bind_int64 (stmt, 1, req->caller->partner_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      etag = pd_portal_etag (id, sqlite3_column_int64 (stmt, 0));
      old_name = g_strdup (pd_portal_db_text (stmt, 1));
      old_country = g_strdup (pd_portal_db_text (stmt, 2));
    }
  sqlite3_reset (stmt);
  if (etag == NULL)
    {
      pd_portal_respond_not_found (req, "partner");
      return;
    }
  if (!pd_portal_check_if_match (req, etag))
    return;

  if (name != NULL && !g_str_equal (name, old_name))
    g_string_append_printf (changes, "%sname “%s” → “%s”", changes->len ? "; " : "", old_name, name);
  if (country != NULL && !g_str_equal (country, old_country))
    g_string_append_printf (changes, "%sdefault country %s → %s", changes->len ? "; " : "", old_country, country);
  if (changes->len == 0)
    {
      respond_partner (req);  /* nothing to change: same version */
      return;
    }

  now = pd_portal_now ();
  pd_portal_db_begin (req->portal);
  stmt = pd_portal_db_stmt (req->portal,
      "UPDATE partners SET name = coalesce(?1, name), default_country = coalesce(?2, default_country), "
      "version = version + 1, updated_at = ?3 WHERE id = ?4");
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, country, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, req->caller->partner_id);
  pd_portal_db_step_done (req->portal, stmt);
  pd_portal_audit (req, "partner.update", "partner", id, 0, "Changed the partner settings: %s", changes->str);
  pd_portal_db_commit (req->portal);

  respond_partner (req);
}

static void
register_routes (PdPortal *portal)
{
  pd_portal_route (portal, "GET", "/api/v1/partner", PD_PORTAL_ROUTE_DEFAULT, handle_get);
  pd_portal_route (portal, "PATCH", "/api/v1/partner", PD_PORTAL_ROUTE_DEFAULT, handle_update);
}

const PdPortalModule pd_portal_module_partner = {
  .name = "partner",
  .register_routes = register_routes,
};

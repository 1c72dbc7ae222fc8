/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Organizations: list, create, read, update, delete. Their actions (reset password, sign-in
 * link, mapping, admin access) are in -actions.c, their demo data in -seed.c. */
#include "pd-portal-modules.h"
#include "pd-portal-organizations.h"
#include "pd-portal-validate.h"

#define MAX_Q_CHARS 200

/* ISO 3166-1 alpha-2, officially assigned codes. */
static const char iso_countries[] =
  "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS "
  "BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE "
  "EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM "
  "HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC "
  "LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA "
  "NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW "
  "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO "
  "TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";

static gboolean
is_country (const char *code)
{
  if (code == NULL || strlen (code) != 2 || !g_ascii_isupper (code[0]) || !g_ascii_isupper (code[1]))
    return FALSE;
  for (const char *p = iso_countries; *p != '\0'; p += p[2] ? 3 : 2)
    if (p[0] == code[0] && p[1] == code[1])
      return TRUE;
  return FALSE;
}

const char *
pd_org_region_for_country (const char *country)
{
  static const char eu[] =
    "AT BE BG CH CY CZ DE DK EE ES FI FR GR HR HU IE IS IT LI LT LU LV MT NL NO PL PT RO SE SI SK";

  if (g_str_equal (country, "GB"))
    return "uk";
  if (g_str_equal (country, "CA"))
    return "ca";
  if (g_str_equal (country, "AU") || g_str_equal (country, "NZ"))
    return "au";
  if (g_str_equal (country, "JP"))
    return "jp";
  if (g_str_equal (country, "BR"))
    return "br";
  for (const char *p = eu; *p != '\0'; p += p[2] ? 3 : 2)
    if (p[0] == country[0] && p[1] == country[1])
      return "eu";
  return "us";
}

/* Host name syntax (RFC 1123): dot-separated labels of letters, digits and inner hyphens, at
 * least two labels, an alphabetic last label. Internationalized names go in as punycode. */
static gboolean
is_hostname (const char *text)
{
  g_auto(GStrv) labels = NULL;
  const char *tld;
  guint n;

  if (text == NULL || *text == '\0' || strlen (text) > 253)
    return FALSE;
  labels = g_strsplit (text, ".", -1);
  n = g_strv_length (labels);
  if (n < 2)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      gsize len = strlen (labels[i]);

      if (len == 0 || len > 63 || labels[i][0] == '-' || labels[i][len - 1] == '-')
        return FALSE;
      for (gsize c = 0; c < len; c++)
        if (!g_ascii_isalnum (labels[i][c]) && labels[i][c] != '-')
          return FALSE;
    }
  tld = labels[n - 1];
  if (g_ascii_strncasecmp (tld, "xn--", 4) == 0)
    return TRUE;
  for (const char *p = tld; *p; p++)
    if (!g_ascii_isalpha (*p))
      return FALSE;
  return TRUE;
}

typedef struct {
  char       *name;
  const char *type;          /* static, from pd_org_plan_types */
  gint64      price_cents;
  char        currency[4];
} Plan;

static void
plan_clear (Plan *plan)
{
  g_clear_pointer (&plan->name, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Plan, plan_clear)

/* Validates "plan": {name, type, price_cents, currency}, all required when it is there. */
static gboolean
validate_plan (PdPortalValidation *v,
               gboolean            required,
               Plan               *plan)
{
  static const char *const fields[] = { "name", "type", "price_cents", "currency", NULL };
  JsonObject *object = pd_portal_validation_object (v);
  JsonNode *node = object ? json_object_get_member (object, "plan") : NULL;
  g_autoptr(PdPortalValidation) nested = NULL;
  const char *name, *currency;

  if (node == NULL)
    {
      if (required && object != NULL)
        pd_portal_validation_error (v, "plan", "required", "“plan” is required.");
      return FALSE;
    }
  nested = pd_portal_validation_new_nested (v, node, "plan");
  pd_portal_validation_only (nested, fields);
  name = pd_portal_validate_string (nested, "name", PD_FIELD_REQUIRED, 1, 100);
  plan->type = pd_portal_validate_enum (nested, "type", PD_FIELD_REQUIRED, pd_org_plan_types);
  if (!pd_portal_validate_int (nested, "price_cents", PD_FIELD_REQUIRED, 0, 100000000, &plan->price_cents))
    plan->price_cents = -1;
  currency = pd_portal_validate_string (nested, "currency", PD_FIELD_REQUIRED, 3, 3);
  if (currency != NULL &&
      !(g_ascii_isupper (currency[0]) && g_ascii_isupper (currency[1]) && g_ascii_isupper (currency[2])))
    {
      pd_portal_validation_error (v, "plan.currency", "invalid_currency",
                                  "“currency” must be an ISO 4217 code such as USD or EUR.");
      currency = NULL;
    }
  if (name == NULL || plan->type == NULL || plan->price_cents < 0 || currency == NULL)
    return FALSE;
  /* The nested validation owns its strings. */
  plan->name = g_strdup (name);
  memcpy (plan->currency, currency, 4);
  return TRUE;
}

static const char *
validate_domain (PdPortalValidation *v,
                 PdFieldFlags        flags,
                 char              **lowered)
{
  const char *domain = pd_portal_validate_string (v, "domain", flags, 1, 253);

  if (domain == NULL)
    return NULL;
  if (!is_hostname (domain))
    {
      pd_portal_validation_error (v, "domain", "invalid_domain",
                                  "“%s” is not a domain name such as example.com.", domain);
      return NULL;
    }
  *lowered = g_ascii_strdown (domain, -1);
  return *lowered;
}

static const char *
validate_country (PdPortalValidation *v)
{
  const char *country = pd_portal_validate_string (v, "country", PD_FIELD_OPTIONAL, 2, 2);

  if (country != NULL && !is_country (country))
    {
      pd_portal_validation_error (v, "country", "invalid_country",
                                  "“%s” is not an ISO 3166-1 alpha-2 country code such as US or DE.", country);
      return NULL;
    }
  return country;
}

/* TRUE when another organization of the partner has this name, ignoring case. */
static gboolean
name_taken (PdPortal   *portal,
            gint64      partner_id,
            const char *name,
            gint64      except_id)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal,
      "SELECT count(*) FROM organizations WHERE partner_id = ?1 AND id != ?2 AND casefold(name) = ?3");

  sqlite3_bind_int64 (stmt, 1, partner_id);
  sqlite3_bind_int64 (stmt, 2, except_id);
  sqlite3_bind_text (stmt, 3, folded, -1, SQLITE_STATIC);
  return pd_portal_db_scalar (portal, stmt, 0) > 0;
}

static void
respond_name_taken (PdPortalRequest *req,
                    const char      *name)
{
  pd_portal_respond_problem (req, SOUP_STATUS_CONFLICT, "conflict", "Name already used",
                             "Another organization is already called “%s”. Choose another name.", name);
}

/* Bumps the groups that contain @org_id, whose scope just changed. */
static void
touch_groups_of (PdPortal *portal,
                 gint64    org_id)
{
  g_autofree char *now = pd_portal_now ();
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal,
      "UPDATE groups SET version = version + 1, updated_at = ?1 "
      "WHERE id IN (SELECT group_id FROM group_organizations WHERE organization_id = ?2)");

  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, org_id);
  pd_portal_db_step_done (portal, stmt);
}

/* GET /organizations */

static void
add_query_error (JsonBuilder *errors,
                 const char  *field,
                 const char  *code,
                 const char  *message)
{
  json_builder_begin_object (errors);
  pd_portal_json_text (errors, "field", field);
  pd_portal_json_text (errors, "code", code);
  pd_portal_json_text (errors, "message", message);
  json_builder_end_object (errors);
}

/* A comma-separated filter of enum values as ",a,b," for instr(), NULL when absent or empty.
 * FALSE (and a field error) when a value is not one of @choices. */
static gboolean
parse_enum_filter (PdPortalRequest    *req,
                   const char         *name,
                   const char *const  *choices,
                   JsonBuilder        *errors,
                   char              **out)
{
  const char *text = pd_portal_query (req, name);
  g_auto(GStrv) values = NULL;
  g_autoptr(GString) normalized = g_string_new (",");

  *out = NULL;
  if (text == NULL || *text == '\0')
    return TRUE;
  values = g_strsplit (text, ",", -1);
  for (guint i = 0; values[i] != NULL; i++)
    {
      const char *value = g_strstrip (values[i]);

      if (!g_strv_contains (choices, value))
        {
          g_autofree char *list = g_strjoinv (", ", (GStrv) choices);
          g_autofree char *message = g_strdup_printf ("%s takes one or more of %s, separated by commas.", name, list);
          add_query_error (errors, name, "invalid_choice", message);
          return FALSE;
        }
      g_string_append (normalized, value);
      g_string_append_c (normalized, ',');
    }
  *out = g_string_free (g_steal_pointer (&normalized), FALSE);
  return TRUE;
}

/* A full listing walks the table in rowid order from the cursor: most rows are the partner's,
 * so the (partner_id, id) index would only add a lookup per row (hence the unary plus). A
 * delta sync starts from the few rows changed since (partner_id, updated_at) and sorts them. */
#define LIST_SQL_WHERE(partner_and_range) \
  "SELECT " PD_ORG_COLUMNS " FROM organizations o WHERE " partner_and_range " " \
  "AND (?4 IS NULL OR instr(?4, ',' || o.status || ',') > 0) " \
  "AND (?5 IS NULL OR instr(?5, ',' || o.plan_type || ',') > 0) " \
  "AND (?6 IS NULL OR instr(?6, ',' || o.credential_status || ',') > 0) " \
  "AND (?7 IS NULL OR instr(?7, ',' || o.relationship || ',') > 0) " \
  "AND (?8 IS NULL OR instr(?8, ',' || o.mapping_status || ',') > 0) " \
  /* casefold() is slow and most text is ASCII, which lower() folds as well: domains are \
   * stored in lower case (host names are ASCII), e-mail addresses are ASCII in practice, \
   * and only names with other characters need the real thing. */ \
  "AND (?9 IS NULL OR instr('org_' || o.id, ?9) > 0 OR instr(o.domain, ?9) > 0 " \
  "     OR instr(lower(o.email), ?9) > 0 " \
  "     OR instr(CASE WHEN o.name GLOB '*[^ -~]*' THEN casefold(o.name) ELSE lower(o.name) END, ?9) > 0) " \
  "AND " PD_PORTAL_SCOPE_SQL " ORDER BY o.id LIMIT ?10"
#define LIST_SQL LIST_SQL_WHERE ("+o.partner_id = ?1 AND o.id > ?2")
#define LIST_SQL_SINCE LIST_SQL_WHERE ("o.partner_id = ?1 AND o.updated_at >= ?3 AND +o.id > ?2")

static void
list_organizations (PdPortalRequest *req)
{
  PdPortalPage page;
  g_autoptr(JsonBuilder) errors = json_builder_new ();
  g_autofree char *status = NULL, *plan_type = NULL, *credential = NULL, *relationship = NULL, *mapping = NULL;
  g_autofree char *q = NULL;
  g_autoptr(GString) items = NULL;
  const char *q_text = pd_portal_query (req, "q");
  sqlite3_stmt *stmt;
  gboolean ok = TRUE, has_more = FALSE;
  gint64 last_id = 0;

  if (!pd_portal_require (req, "organizations.read") || !pd_portal_page_parse (req, &page))
    return;

  json_builder_begin_array (errors);
  ok &= parse_enum_filter (req, "status", pd_org_statuses, errors, &status);
  ok &= parse_enum_filter (req, "plan_type", pd_org_plan_types, errors, &plan_type);
  ok &= parse_enum_filter (req, "credential_status", pd_org_credential_statuses, errors, &credential);
  ok &= parse_enum_filter (req, "relationship", pd_org_relationships, errors, &relationship);
  ok &= parse_enum_filter (req, "mapping_status", pd_org_mapping_statuses, errors, &mapping);
  if (q_text != NULL && g_utf8_strlen (q_text, -1) > MAX_Q_CHARS)
    {
      add_query_error (errors, "q", "too_long", "q can have at most 200 characters.");
      ok = FALSE;
    }
  else if (q_text != NULL && *q_text != '\0')
    q = g_utf8_casefold (q_text, -1);
  json_builder_end_array (errors);
  if (!ok)
    {
      g_autoptr(JsonNode) node = json_builder_get_root (errors);
      pd_portal_respond_field_errors (req, node);
      pd_portal_page_clear (&page);
      return;
    }

  stmt = pd_portal_db_stmt (req->portal, page.updated_since != NULL ? LIST_SQL_SINCE : LIST_SQL);
  sqlite3_bind_int64 (stmt, 1, req->caller->partner_id);
  sqlite3_bind_int64 (stmt, 2, page.after);
  sqlite3_bind_text (stmt, 3, page.updated_since, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, status, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, plan_type, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, credential, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, relationship, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, mapping, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, q, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 10, (int) page.limit + 1);
  pd_portal_caller_bind_scope (req->caller, stmt);

  items = pd_org_list_begin (page.limit * 2400);
  pd_org_write_rows (req->portal, items, stmt, page.limit, &last_id, &has_more);
  pd_org_respond_list (req, &page, g_steal_pointer (&items), has_more, last_id, "organization", 0);
  pd_portal_page_clear (&page);
}

/* POST /organizations */

static void
create_organization (PdPortalRequest *req)
{
  static const char *const fields[] = {
    "name", "email", "domain", "plan", "country", "region", "relationship", NULL
  };
  g_autoptr(PdPortalValidation) v = NULL;
  g_autofree char *domain_lowered = NULL;
  g_autofree char *default_country = NULL;
  g_autofree char *now = NULL;
  g_autofree char *public_id = NULL;
  const char *name, *email, *domain, *country, *region, *relationship;
  g_auto(Plan) plan = { 0 };
  sqlite3_stmt *stmt;
  gint64 org_id;

  if (!pd_portal_require (req, "organizations.write"))
    return;

  v = pd_portal_validation_new (req);
  pd_portal_validation_only (v, fields);
  name = pd_portal_validate_string (v, "name", PD_FIELD_REQUIRED, 1, 200);
  email = pd_portal_validate_email (v, "email", PD_FIELD_REQUIRED);
  domain = validate_domain (v, PD_FIELD_OPTIONAL | PD_FIELD_NULLABLE, &domain_lowered);
  validate_plan (v, TRUE, &plan);
  country = validate_country (v);
  region = pd_portal_validate_enum (v, "region", PD_FIELD_OPTIONAL, pd_org_regions);
  relationship = pd_portal_validate_enum (v, "relationship", PD_FIELD_OPTIONAL, pd_org_relationships);
  if (pd_portal_validation_failed (v))
    return;

  if (country == NULL)
    {
      stmt = pd_portal_db_stmt (req->portal, "SELECT default_country FROM partners WHERE id = ?1");
      sqlite3_bind_int64 (stmt, 1, req->caller->partner_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        default_country = g_strdup (pd_portal_db_text (stmt, 0));
      sqlite3_reset (stmt);
      country = default_country != NULL ? default_country : "US";
    }
  if (region == NULL)
    region = pd_org_region_for_country (country);
  if (relationship == NULL)
    relationship = "msp";

  pd_portal_db_begin (req->portal);
  if (name_taken (req->portal, req->caller->partner_id, name, 0))
    {
      pd_portal_db_rollback (req->portal);
      respond_name_taken (req, name);
      return;
    }
  now = pd_portal_now ();
  stmt = pd_portal_db_stmt (req->portal,
      "INSERT INTO organizations (partner_id, name, email, domain, status, plan_name, plan_type, "
      "plan_price_cents, currency, region, country, credential_status, relationship, mapping_status, "
      "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, 'active', ?5, ?6, ?7, ?8, ?9, ?10, 'ok', ?11, "
      "'unmapped', ?12, ?12) RETURNING id");
  sqlite3_bind_int64 (stmt, 1, req->caller->partner_id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, email, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, domain, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, plan.name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, plan.type, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, plan.price_cents);
  sqlite3_bind_text (stmt, 8, plan.currency, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, region, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, country, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, relationship, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 12, now, -1, SQLITE_STATIC);
  org_id = pd_portal_db_scalar (req->portal, stmt, 0);

  /* A caller limited to the organizations of their groups would lose sight of what they just
   * created: it joins the scope of every group they manage. */
  if (!req->caller->all_organizations)
    {
      stmt = pd_portal_db_stmt (req->portal,
          "INSERT OR IGNORE INTO group_organizations (group_id, organization_id) "
          "SELECT group_id, ?2 FROM group_managers WHERE user_id = ?1");
      sqlite3_bind_int64 (stmt, 1, req->caller->user_id);
      sqlite3_bind_int64 (stmt, 2, org_id);
      pd_portal_db_step_done (req->portal, stmt);
      touch_groups_of (req->portal, org_id);
    }
  public_id = pd_portal_id_format ("org", org_id);
  pd_portal_audit (req, "organization.create", "organization", public_id, org_id,
                   "Created the organization “%s” (%s plan “%s”)", name, plan.type, plan.name);
  pd_portal_db_commit (req->portal);
  pd_org_respond (req, SOUP_STATUS_CREATED, org_id);
}

/* GET /organizations/{organization_id} */

static void
get_organization (PdPortalRequest *req)
{
  gint64 org_id;

  if (!pd_portal_require (req, "organizations.read") || (org_id = pd_org_from_param (req, req->params[0])) == 0)
    return;
  pd_org_respond (req, SOUP_STATUS_OK, org_id);
}

/* PATCH /organizations/{organization_id} */

static void
update_organization (PdPortalRequest *req)
{
  static const char *const fields[] = {
    "name", "email", "domain", "status", "plan", "country", "region", "relationship", NULL
  };
  g_auto(PdOrgInfo) info = { 0 };
  g_autoptr(PdPortalValidation) v = NULL;
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  g_autofree char *domain_lowered = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *now = NULL;
  g_autofree char *summary = NULL;
  const char *name, *email, *domain, *status, *country, *region, *relationship;
  gboolean set_email, set_domain, set_plan;
  g_auto(Plan) plan = { 0 };
  sqlite3_stmt *stmt;
  gint64 org_id;

  if (!pd_portal_require (req, "organizations.write") || (org_id = pd_org_from_param (req, req->params[0])) == 0)
    return;

  v = pd_portal_validation_new (req);
  pd_portal_validation_only (v, fields);
  name = pd_portal_validate_string (v, "name", PD_FIELD_OPTIONAL, 1, 200);
  email = pd_portal_validate_email (v, "email", PD_FIELD_OPTIONAL | PD_FIELD_NULLABLE);
  domain = validate_domain (v, PD_FIELD_OPTIONAL | PD_FIELD_NULLABLE, &domain_lowered);
  status = pd_portal_validate_enum (v, "status", PD_FIELD_OPTIONAL, pd_org_statuses);
  set_plan = validate_plan (v, FALSE, &plan);
  country = validate_country (v);
  region = pd_portal_validate_enum (v, "region", PD_FIELD_OPTIONAL, pd_org_regions);
  relationship = pd_portal_validate_enum (v, "relationship", PD_FIELD_OPTIONAL, pd_org_relationships);
  if (pd_portal_validation_failed (v))
    return;
  set_email = email != NULL || pd_portal_validation_is_null (v, "email");
  set_domain = domain != NULL || pd_portal_validation_is_null (v, "domain");

  pd_portal_db_begin (req->portal);
  pd_org_info_load (req->portal, org_id, &info);
  etag = pd_portal_etag (info.public_id, info.version);
  if (!pd_portal_check_if_match (req, etag))
    {
      pd_portal_db_rollback (req->portal);
      return;
    }
  if (name != NULL && name_taken (req->portal, req->caller->partner_id, name, org_id))
    {
      pd_portal_db_rollback (req->portal);
      respond_name_taken (req, name);
      return;
    }

#define NOTE(cond, field) G_STMT_START { if (cond) g_ptr_array_add (changed, (gpointer) field); } G_STMT_END
  NOTE (name != NULL, "name");
  NOTE (set_email, "email");
  NOTE (set_domain, "domain");
  NOTE (status != NULL, "status");
  NOTE (set_plan, "plan");
  NOTE (country != NULL, "country");
  NOTE (region != NULL, "region");
  NOTE (relationship != NULL, "relationship");
#undef NOTE
  if (changed->len == 0)
    {
      pd_portal_db_rollback (req->portal);
      pd_org_respond (req, SOUP_STATUS_OK, org_id);
      return;
    }

  now = pd_portal_now ();
  stmt = pd_portal_db_stmt (req->portal,
      "UPDATE organizations SET name = coalesce(?2, name), "
      "email = CASE WHEN ?3 = 1 THEN ?4 ELSE email END, domain = CASE WHEN ?5 = 1 THEN ?6 ELSE domain END, "
      "status = coalesce(?7, status), plan_name = coalesce(?8, plan_name), plan_type = coalesce(?9, plan_type), "
      "plan_price_cents = coalesce(?10, plan_price_cents), currency = coalesce(?11, currency), "
      "country = coalesce(?12, country), region = coalesce(?13, region), "
      "relationship = coalesce(?14, relationship), version = version + 1, updated_at = ?15 WHERE id = ?1");
  sqlite3_bind_int64 (stmt, 1, org_id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, set_email);
  sqlite3_bind_text (stmt, 4, email, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, set_domain);
  sqlite3_bind_text (stmt, 6, domain, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, status, -1, SQLITE_STATIC);
  if (set_plan)
    {
      sqlite3_bind_text (stmt, 8, plan.name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 9, plan.type, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 10, plan.price_cents);
      sqlite3_bind_text (stmt, 11, plan.currency, -1, SQLITE_STATIC);
    }
  sqlite3_bind_text (stmt, 12, country, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 13, region, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 14, relationship, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 15, now, -1, SQLITE_STATIC);
  pd_portal_db_step_done (req->portal, stmt);

  g_ptr_array_add (changed, NULL);
  summary = g_strjoinv (", ", (GStrv) changed->pdata);
  pd_portal_audit (req, "organization.update", "organization", info.public_id, org_id,
                   "Changed %s of “%s”", summary, info.name);
  pd_portal_db_commit (req->portal);
  pd_org_respond (req, SOUP_STATUS_OK, org_id);
}

/* DELETE /organizations/{organization_id} */

static void
delete_organization (PdPortalRequest *req)
{
  g_auto(PdOrgInfo) info = { 0 };
  g_autoptr(GArray) services = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *etag = NULL;
  sqlite3_stmt *stmt;
  gint64 org_id;

  if (!pd_portal_require (req, "organizations.delete") || (org_id = pd_org_from_param (req, req->params[0])) == 0)
    return;

  pd_portal_db_begin (req->portal);
  pd_org_info_load (req->portal, org_id, &info);
  etag = pd_portal_etag (info.public_id, info.version);
  if (!pd_portal_check_if_match (req, etag))
    {
      pd_portal_db_rollback (req->portal);
      return;
    }

  stmt = pd_portal_db_stmt (req->portal, "SELECT id FROM services WHERE organization_id = ?1 ORDER BY id");
  sqlite3_bind_int64 (stmt, 1, org_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (services, id);
    }
  sqlite3_reset (stmt);
  for (guint i = 0; i < services->len; i++)
    {
      g_autofree char *service_id = pd_portal_id_format ("svc", g_array_index (services, gint64, i));
      pd_portal_db_tombstone (req->portal, req->caller->partner_id, "service", service_id, org_id, info.public_id);
    }

  touch_groups_of (req->portal, org_id);
  stmt = pd_portal_db_stmt (req->portal, "DELETE FROM organizations WHERE id = ?1");
  sqlite3_bind_int64 (stmt, 1, org_id);
  pd_portal_db_step_done (req->portal, stmt);
  /* Without an organization: whoever had it in scope has lost that scope with it, and must
   * still learn that it is gone. */
  pd_portal_db_tombstone (req->portal, req->caller->partner_id, "organization", info.public_id, 0, NULL);
  pd_portal_audit (req, "organization.delete", "organization", info.public_id, org_id,
                   "Deleted the organization “%s” with its %u service%s and their accounts",
                   info.name, services->len, services->len == 1 ? "" : "s");
  pd_portal_db_commit (req->portal);
  pd_portal_respond_no_content (req);
}

static void
register_routes (PdPortal *portal)
{
  pd_portal_route (portal, "GET", "/api/v1/organizations", PD_PORTAL_ROUTE_DEFAULT, list_organizations);
  pd_portal_route (portal, "POST", "/api/v1/organizations", PD_PORTAL_ROUTE_DEFAULT, create_organization);
  pd_portal_route (portal, "GET", "/api/v1/organizations/{organization_id}", PD_PORTAL_ROUTE_DEFAULT, get_organization);
  pd_portal_route (portal, "PATCH", "/api/v1/organizations/{organization_id}", PD_PORTAL_ROUTE_DEFAULT, update_organization);
  pd_portal_route (portal, "DELETE", "/api/v1/organizations/{organization_id}", PD_PORTAL_ROUTE_DEFAULT, delete_organization);
  pd_org_register_action_routes (portal);
}

static const char schema[] =
  /* The backup provider's customer accounts an organization is mapped to ("sa_<id>"). The
   * link is organizations.mapped_service_account, unique, so a deleted organization frees
   * its service account by itself. */
  "CREATE TABLE IF NOT EXISTS service_accounts ("
  "  id INTEGER PRIMARY KEY, partner_id INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL, domain TEXT, created_at TEXT NOT NULL);\n"
  "CREATE INDEX IF NOT EXISTS service_accounts_partner ON service_accounts (partner_id, id);\n"
  "CREATE UNIQUE INDEX IF NOT EXISTS organizations_service_account ON organizations (mapped_service_account) "
  "  WHERE mapped_service_account IS NOT NULL;\n"
  /* One-time client-portal sign-in links; only the token's hash is kept. */
  "CREATE TABLE IF NOT EXISTS client_portal_links ("
  "  token_hash TEXT PRIMARY KEY,"
  "  organization_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,"
  "  user_id INTEGER, created_at TEXT NOT NULL, expires_at TEXT NOT NULL, used_at TEXT);\n"
  /* Reset-password e-mails "sent" to organization contacts (the demo portal sends no mail). */
  "CREATE TABLE IF NOT EXISTS organization_password_resets ("
  "  id INTEGER PRIMARY KEY,"
  "  organization_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,"
  "  user_id INTEGER, sent_to TEXT NOT NULL, sent_at TEXT NOT NULL);\n";

const PdPortalModule pd_portal_module_organizations = {
  .name = "organizations",
  .schema = schema,
  .seed = pd_org_seed,
  .register_routes = register_routes,
};

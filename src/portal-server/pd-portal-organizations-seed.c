/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Demo organizations, their services and the partner's service accounts.
 *
 * The first twelve organizations are written out by hand so that even `--seed 12` shows every
 * state the client must draw; the rest are drawn from the seeded generator (same N, same
 * data) with a realistic mix: mostly active backup plans of small businesses, some resellers,
 * unmapped and credential problems, onboarding in progress and the odd large tenant. */
#include "pd-portal-organizations.h"

#define DAY  ((gint64) 86400)
#define HOUR ((gint64) 3600)
#define MINUTE ((gint64) 60)
#define MB   ((gint64) 1024 * 1024)

/* Names */

static const char *const name_first[] = {
  "Harbor", "Kestrel", "Maple", "Summit", "Pinecrest", "Redwood", "Bluebird", "Atlas", "Lumen", "Coastal",
  "Granite", "Willow", "Cedar", "Falcon", "Riverbend", "Northstar", "Ironwood", "Silverline", "Oakridge",
  "Meadow", "Aspen", "Beacon", "Crescent", "Evergreen", "Foxglove", "Highland", "Juniper", "Lakeside",
  "Magnolia", "Orchard", "Prairie", "Quarry", "Sterling", "Tidewater", "Union", "Vista", "Westfield",
  "Zenith", "Alder", "Birch", "Copper", "Driftwood", "Ember", "Fjord", "Glacier", "Hawthorn", "Indigo",
  "Jasper", "Keystone", "Larch", "Mosaic", "Nimbus", "Osprey", "Pioneer", "Quill", "Rowan", "Sequoia",
  "Thistle", "Verdant", "Wren", "Bayview", "Clearwater", "Stonebridge", "Sunrise",
};

static const char *const name_trade[] = {
  "Dental", "Logistics", "Accounting", "Legal", "Medical", "Realty", "Manufacturing", "Engineering",
  "Creative", "Architects", "Consulting", "Veterinary", "Pharmacy", "Construction", "Landscaping",
  "Insurance", "Marketing", "Software", "Robotics", "Bakery", "Brewing", "Fitness", "Travel", "Foods",
  "Energy", "Solar", "Freight", "Printing", "Family Practice", "Orthodontics", "Capital", "Wealth",
  "Tax Advisors", "Analytics", "Design", "Interiors", "Plumbing", "Electric", "Motors", "Labs", "Health",
  "Pediatrics", "Media", "Studios", "Outfitters", "Books", "Hardware", "Optics", "Textiles", "Imports",
  "Farms", "Vineyards", "Hospitality", "Hotels", "Catering", "Events", "Security", "Networks", "Staffing",
  "Recruiting", "Translations", "Publishing", "Physiotherapy", "Academy",
};

/* Local flavour, with non-ASCII letters the search must fold. */
static const char *const name_first_de[] = {
  "Nordlicht", "Bergblick", "Sonnenhof", "Lindenhof", "Alpenglühen", "Rheinblick", "Mühlbach", "Weißdorn",
  "Grünwald", "Schönfeld", "Tannenhöhe", "Südstern",
};
static const char *const name_trade_de[] = {
  "Architekten", "Steuerberatung", "Zahnarztpraxis", "Bäckerei", "Elektrotechnik", "Logistik", "Immobilien",
  "Physiotherapie", "Druckerei", "Gärtnerei", "Maschinenbau", "Küchenstudio",
};
static const char *const name_first_fr[] = {
  "Lumière", "Étoile", "Belle Rive", "Clairefontaine", "Rivière", "Beauséjour", "Mont Aigu", "Côte Verte",
  "Val d’Or", "Plein Ciel", "Bois Joli", "Pré Fleuri",
};
static const char *const name_trade_fr[] = {
  "Boulangerie", "Cabinet Médical", "Architectes", "Conseil", "Transports", "Études Notariales", "Pâtisserie",
  "Imprimerie", "École", "Clinique Vétérinaire", "Électricité", "Assurances",
};

static const char *const given_names[] = {
  "Amelia", "Noah", "Olivia", "Liam", "Sofia", "Lucas", "Maya", "Ethan", "Chloé", "Mateo", "Hannah", "Jonas",
  "Aisha", "Kenji", "Priya", "Lars", "Zoë", "Rafael", "Ingrid", "Tomás", "Leila", "Oskar", "Nadia", "Felix",
  "Grace", "Henrik", "Isabel", "Jamal", "Keiko", "Marta", "Nils", "Paula", "Ravi", "Sara", "Theo", "Yara",
};
static const char *const family_names[] = {
  "Ortiz", "Nguyen", "Schmidt", "Okafor", "Lindqvist", "Dubois", "Tanaka", "Rossi", "Kowalski", "Silva",
  "Müller", "O’Brien", "Haddad", "Petrov", "Fernández", "Jensen", "Moreau", "Kaur", "Walsh", "Novak",
  "Yamamoto", "Costa", "Becker", "Brennan", "Ahmed", "Larsen", "Sato", "Weber", "Hughes", "Ibrahim",
};

static const char *const mail_providers[] = { "mail.example", "inbox.example", "post.example", "webmail.example" };
static const char *const contact_boxes[] = { "it", "admin", "office", "info", "backup", "helpdesk", "operations" };

/* Countries */

typedef struct {
  const char        *code;
  const char        *currency;
  int                weight;      /* out of 1000 */
  const char *const *suffixes;    /* NULL-terminated; "" = none */
  int                local;       /* 0 none, 1 German, 2 French names (half of the time) */
} Country;

static const char *const suffix_us[] = { "", "", "", "Group", "Partners", "LLC", "Inc.", "Co.", "Associates", NULL };
static const char *const suffix_gb[] = { "", "", "Ltd", "Group", "& Co", "Partners", NULL };
static const char *const suffix_de[] = { "GmbH", "GmbH", "", "KG", "AG", NULL };
static const char *const suffix_fr[] = { "SARL", "", "SAS", NULL };
static const char *const suffix_nl[] = { "B.V.", "", NULL };
static const char *const suffix_br[] = { "Ltda", "", NULL };
static const char *const suffix_jp[] = { "K.K.", "", NULL };
static const char *const suffix_common[] = { "", "", "Ltd", "Group", "Inc.", "Partners", NULL };

static const Country countries[] = {
  { "US", "USD", 540, suffix_us, 0 },
  { "GB", "GBP", 100, suffix_gb, 0 },
  { "CA", "CAD", 70, suffix_common, 0 },
  { "AU", "AUD", 60, suffix_common, 0 },
  { "DE", "EUR", 60, suffix_de, 1 },
  { "FR", "EUR", 40, suffix_fr, 2 },
  { "NL", "EUR", 30, suffix_nl, 0 },
  { "IE", "EUR", 20, suffix_common, 0 },
  { "NZ", "NZD", 20, suffix_common, 0 },
  { "JP", "USD", 20, suffix_jp, 0 },
  { "BR", "BRL", 20, suffix_br, 0 },
  { "AT", "EUR", 10, suffix_de, 1 },
  { "BE", "EUR", 10, suffix_fr, 2 },
};

static const Country *
pick_country (PdPortalSeed *seed)
{
  int roll = (int) pd_seed_int (seed, 0, 999);

  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    {
      if (roll < countries[i].weight)
        return &countries[i];
      roll -= countries[i].weight;
    }
  return &countries[0];
}

static const Country *
country_by_code (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    if (g_str_equal (countries[i].code, code))
      return &countries[i];
  return &countries[0];
}

#define PICK(seed, list) pd_seed_pick ((seed), (list), G_N_ELEMENTS (list))

static gsize
strv_len (const char *const *strv)
{
  gsize n = 0;

  while (strv[n] != NULL)
    n++;
  return n;
}

/* "harbor-dental-group.example" from "Harbor Dental Group" (accents dropped). */
static char *
domain_for (const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  GString *slug = g_string_new (NULL);

  for (const char *p = ascii; *p; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (*p != '.' && *p != '\'' && slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  if (slug->len > 50)
    g_string_truncate (slug, 50);
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  g_string_append (slug, ".example");
  return g_string_free (slug, FALSE);
}

/* "amelia.ortiz" from a person's name. */
static char *
mailbox_for_person (const char *given,
                    const char *family)
{
  g_autofree char *name = g_strdup_printf ("%s.%s", given, family);
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  GString *box = g_string_new (NULL);

  for (const char *p = ascii; *p; p++)
    if (g_ascii_isalnum (*p) || *p == '.')
      g_string_append_c (box, g_ascii_tolower (*p));
  return g_string_free (box, FALSE);
}

/* Rows */

typedef struct {
  const char *suite;
  const char *application;
  const char *mode;
  const char *authorization;
  const char *backup;
  gint64      total;
  gint64      managed;
  gint64      unprotected;
} ServiceRow;

typedef struct {
  char        *name;
  char        *domain;
  char        *email;
  const char  *country;
  const char  *region;
  const char  *status;
  const char  *plan_name;
  const char  *plan_type;
  gint64       price_cents;
  const char  *currency;
  const char  *relationship;
  const char  *credential;
  gboolean     mapped;
  gboolean     admin_access;
  gint64       created_usec;
  ServiceRow   services[9];
  guint        n_services;
} OrgRow;

static void
org_row_clear (OrgRow *row)
{
  g_clear_pointer (&row->name, g_free);
  g_clear_pointer (&row->domain, g_free);
  g_clear_pointer (&row->email, g_free);
}

static gboolean
is_site_like (const char *application)
{
  return g_str_equal (application, "sharepoint") || g_str_equal (application, "teams") ||
         g_str_equal (application, "shared_drives");
}

/* Storage per protected account, in MB, by application. */
static void
storage_range (const char *application,
               gint64     *lo,
               gint64     *hi)
{
  static const struct { const char *app; gint64 lo, hi; } ranges[] = {
    { "exchange", 2000, 12000 }, { "onedrive", 1000, 30000 }, { "sharepoint", 500, 50000 },
    { "teams", 200, 10000 }, { "gmail", 1000, 15000 }, { "drive", 1000, 40000 },
    { "calendar", 5, 50 }, { "contacts", 1, 10 }, { "shared_drives", 1000, 60000 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    if (g_str_equal (ranges[i].app, application))
      {
        *lo = ranges[i].lo;
        *hi = ranges[i].hi;
        return;
      }
  *lo = 1;
  *hi = 10;
}

typedef struct {
  PdPortalSeed *seed;
  GHashTable   *names;       /* casefolded names of the current partner */
  sqlite3_stmt *insert_account;
  sqlite3_stmt *insert_org;
  sqlite3_stmt *insert_service;
} Seeder;

static gint64
insert_service_account (Seeder     *s,
                        gint64      partner_id,
                        const char *name,
                        const char *domain,
                        gint64      created_usec)
{
  g_autofree char *created = pd_portal_time_format (created_usec);

  sqlite3_reset (s->insert_account);
  sqlite3_bind_int64 (s->insert_account, 1, partner_id);
  sqlite3_bind_text (s->insert_account, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (s->insert_account, 3, domain, -1, SQLITE_STATIC);
  sqlite3_bind_text (s->insert_account, 4, created, -1, SQLITE_STATIC);
  if (sqlite3_step (s->insert_account) != SQLITE_ROW)
    g_error ("Seeding service accounts: %s", sqlite3_errmsg (s->seed->portal->db));
  return sqlite3_column_int64 (s->insert_account, 0);
}

/* Times, jobs and storage of one service, then the row. Returns its updated_at. */
static gint64
insert_service (Seeder           *s,
                gint64            org_id,
                const OrgRow     *org,
                const ServiceRow *row,
                gint64           *storage_out)
{
  PdPortalSeed *seed = s->seed;
  gint64 now = seed->now_usec;
  gint64 created = org->created_usec + pd_seed_int (seed, 0, MIN (7 * DAY, (now - org->created_usec) / G_USEC_PER_SEC / 2)) * G_USEC_PER_SEC;
  gint64 last = 0, next = 0, updated;
  gint64 success = 0, running = 0, retrying = 0, failed = 0;
  gint64 lo, hi, storage;
  g_autofree char *created_text = NULL, *updated_text = NULL, *last_text = NULL, *next_text = NULL;
  gboolean ran = !g_str_equal (row->backup, "never_run");
  sqlite3_stmt *stmt = s->insert_service;

  if (ran)
    {
      if (g_str_equal (row->backup, "paused"))
        last = now - pd_seed_int (seed, 3 * DAY, 60 * DAY) * G_USEC_PER_SEC;
      else if (g_str_equal (row->authorization, "consent_lost"))
        last = now - pd_seed_int (seed, 2 * DAY, 10 * DAY) * G_USEC_PER_SEC;
      else
        last = now - pd_seed_int (seed, 5 * MINUTE, 20 * HOUR) * G_USEC_PER_SEC;
      if (last <= created)
        last = created + (now - created) / 2;
    }
  if (g_str_equal (row->authorization, "authorized") && !g_str_equal (row->backup, "paused"))
    next = now + pd_seed_int (seed, 10 * MINUTE, 12 * HOUR) * G_USEC_PER_SEC;

  if (g_str_equal (row->backup, "success"))
    success = row->managed;
  else if (g_str_equal (row->backup, "running"))
    {
      running = MAX (1, MIN (row->managed, pd_seed_int (seed, 1, 12)));
      success = MAX (0, row->managed - running);
    }
  else if (g_str_equal (row->backup, "retrying"))
    {
      retrying = MAX (1, MIN (row->managed, pd_seed_int (seed, 1, 6)));
      success = MAX (0, row->managed - retrying);
    }
  else if (g_str_equal (row->backup, "warning"))
    {
      failed = MAX (1, MIN (row->managed, pd_seed_int (seed, 1, MAX (1, row->managed / 15))));
      success = MAX (0, row->managed - failed);
    }
  else if (g_str_equal (row->backup, "failed"))
    {
      failed = MAX (1, pd_seed_int (seed, (row->managed + 1) / 2, MAX (1, row->managed)));
      success = MAX (0, row->managed - failed);
    }

  storage_range (row->application, &lo, &hi);
  storage = row->managed * pd_seed_int (seed, lo, hi) * MB + pd_seed_int (seed, 0, MB);
  if (!ran)
    storage = 0;
  *storage_out = storage;

  updated = ran ? last : created + pd_seed_int (seed, 0, (now - created) / G_USEC_PER_SEC) * G_USEC_PER_SEC;
  created_text = pd_portal_time_format (created);
  updated_text = pd_portal_time_format (updated);
  last_text = last ? pd_portal_time_format (last) : NULL;
  next_text = next ? pd_portal_time_format (next) : NULL;

  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, org_id);
  sqlite3_bind_text (stmt, 2, row->suite, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, row->application, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, row->mode, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, row->authorization, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, row->backup, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, last_text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, next_text, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 9, success);
  sqlite3_bind_int64 (stmt, 10, running);
  sqlite3_bind_int64 (stmt, 11, retrying);
  sqlite3_bind_int64 (stmt, 12, failed);
  sqlite3_bind_int64 (stmt, 13, row->total);
  sqlite3_bind_int64 (stmt, 14, row->managed);
  sqlite3_bind_int64 (stmt, 15, row->unprotected);
  sqlite3_bind_int64 (stmt, 16, storage);
  sqlite3_bind_text (stmt, 17, created_text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 18, updated_text, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_error ("Seeding services: %s", sqlite3_errmsg (seed->portal->db));
  sqlite3_reset (stmt);
  return updated;
}

/* The organization, its service account (linked or, for unmapped ones, waiting to be) and
 * its services. The organization's updated_at is its services' latest change at least, as
 * if every service change had touched it. */
static void
insert_org (Seeder       *s,
            gint64        partner_id,
            const OrgRow *row)
{
  PdPortalSeed *seed = s->seed;
  gint64 now = seed->now_usec;
  gint64 account_id = 0, org_id, storage = 0, updated;
  g_autofree char *account_public = NULL;
  g_autofree char *created_text = NULL, *updated_text = NULL;
  sqlite3_stmt *stmt = s->insert_org;

  /* Personal plans without a domain have nothing to link by when unmapped. */
  if (row->mapped || row->domain != NULL)
    account_id = insert_service_account (s, partner_id, row->name, row->domain,
                                         row->created_usec - pd_seed_int (seed, 0, 30 * DAY) * G_USEC_PER_SEC);
  if (row->mapped)
    account_public = pd_portal_id_format ("sa", account_id);

  /* Draw the organization's own change time before its services', to keep the sequence fixed. */
  updated = row->created_usec + pd_seed_int (seed, 0, (now - row->created_usec) / G_USEC_PER_SEC) * G_USEC_PER_SEC;
  created_text = pd_portal_time_format (row->created_usec);

  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, partner_id);
  sqlite3_bind_text (stmt, 2, row->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, row->email, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, row->domain, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, row->status, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, row->plan_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, row->plan_type, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, row->price_cents);
  sqlite3_bind_text (stmt, 9, row->currency, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, row->region, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, row->country, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 12, row->credential, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 13, row->relationship, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 14, row->mapped ? "mapped" : "unmapped", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 15, account_public, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 16, row->admin_access);
  sqlite3_bind_text (stmt, 17, created_text, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("Seeding organizations: %s", sqlite3_errmsg (seed->portal->db));
  org_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  for (guint i = 0; i < row->n_services; i++)
    {
      gint64 service_storage = 0;
      gint64 service_updated = insert_service (s, org_id, row, &row->services[i], &service_storage);

      storage += service_storage;
      updated = MAX (updated, service_updated);
    }

  updated_text = pd_portal_time_format (updated);
  stmt = pd_portal_db_stmt (seed->portal,
      "UPDATE organizations SET storage_bytes = ?2, updated_at = ?3 WHERE id = ?1");
  sqlite3_bind_int64 (stmt, 1, org_id);
  sqlite3_bind_int64 (stmt, 2, storage);
  sqlite3_bind_text (stmt, 3, updated_text, -1, SQLITE_STATIC);
  pd_portal_db_step_done (seed->portal, stmt);
}

/* Reserves @name for the partner; FALSE when it is taken. */
static gboolean
claim_name (Seeder     *s,
            const char *name)
{
  char *folded = g_utf8_casefold (name, -1);

  if (g_hash_table_contains (s->names, folded))
    {
      g_free (folded);
      return FALSE;
    }
  g_hash_table_add (s->names, folded);
  return TRUE;
}

/* The hand-written organizations */

typedef struct {
  const char *application;
  const char *mode;            /* NULL: from the organization */
  const char *authorization;
  const char *backup;
  int         managed_percent; /* of the seats; over 100 = over capacity */
  int         unprotected;
} FixedService;

typedef struct {
  const char  *name;
  const char  *email;          /* NULL: none */
  const char  *country;
  const char  *status;
  const char  *plan_name;
  const char  *plan_type;
  gint64       price_cents;
  const char  *relationship;
  const char  *credential;
  gboolean     mapped;
  gboolean     admin_access;
  int          age_days;
  gint64       seats;
  FixedService services[7];
} FixedOrg;

static const FixedOrg fixed_orgs[] = {
  { "Harbor Dental Group", "it@harbor-dental-group.example", "US", "active", "Business Backup", "backup", 8700,
    "msp", "ok", TRUE, FALSE, 690, 25,
    { { "exchange", NULL, "authorized", "success", 96, 1 },
      { "onedrive", NULL, "authorized", "running", 92, 2 },
      { "sharepoint", NULL, "authorized", "warning", 40, 3 },
      { "teams", NULL, "authorized", "success", 60, 0 } } },
  { "Kestrel Logistics", "operations@kestrel-logistics.example", "GB", "active", "Business Backup", "backup", 36000,
    "msp", "ok", TRUE, FALSE, 540, 120,
    { { "gmail", NULL, "authorized", "success", 104, 0 },
      { "drive", NULL, "authorized", "retrying", 100, 4 },
      { "calendar", NULL, "authorized", "success", 100, 0 },
      { "contacts", NULL, "authorized", "failed", 100, 0 },
      { "shared_drives", NULL, "authorized", "success", 15, 2 } } },
  { "Maple Leaf Accounting", "office@maple-leaf-accounting.example", "CA", "active", "Archive Unlimited", "archiver", 22000,
    "msp", "ok", TRUE, TRUE, 470, 40,
    { { "exchange", NULL, "authorized", "success", 90, 2 },
      { "onedrive", NULL, "authorized", "paused", 85, 1 },
      { "teams", "client", "authorized", "success", 20, 0 } } },
  { "Bright Path Academy", "admin@bright-path-academy.example", "AU", "active", "Education Backup", "backup", 60000,
    "reseller", "ok", TRUE, FALSE, 420, 300,
    { { "gmail", NULL, "authorized", "success", 88, 12 },
      { "drive", NULL, "authorized", "warning", 80, 30 },
      { "calendar", NULL, "authorized", "success", 88, 0 } } },
  { "Nordlicht Architekten GmbH", "it@nordlicht-architekten-gmbh.example", "DE", "active", "Business Backup", "backup", 3900,
    "msp", "ok", FALSE, FALSE, 3, 12,
    { { "exchange", NULL, "agreement_accepted", "never_run", 0, 0 },
      { "onedrive", NULL, "awaiting_consent", "never_run", 0, 0 } } },
  { "Summit Legal Partners", "helpdesk@summit-legal-partners.example", "US", "active", "Business Backup Plus", "backup", 24000,
    "msp", "needs_authentication", TRUE, FALSE, 610, 60,
    { { "exchange", NULL, "consent_lost", "failed", 100, 0 },
      { "onedrive", NULL, "consent_lost", "failed", 95, 1 },
      { "sharepoint", NULL, "authorized", "success", 30, 0 },
      { "teams", NULL, "authorized", "retrying", 50, 0 } } },
  { "Amelia Ortiz", "amelia.ortiz@mail.example", "US", "active", "Personal", "personal", 300,
    "msp", "ok", TRUE, FALSE, 380, 1,
    { { "gmail", NULL, "authorized", "success", 100, 0 },
      { "drive", NULL, "authorized", "success", 100, 0 } } },
  { "Pinecrest Medical Clinic", "it@pinecrest-medical-clinic.example", "US", "suspended", "Business Backup", "backup", 10500,
    "msp", "ok", TRUE, FALSE, 720, 35,
    { { "exchange", NULL, "authorized", "paused", 100, 0 },
      { "onedrive", NULL, "authorized", "paused", 100, 0 },
      { "sharepoint", NULL, "authorized", "paused", 25, 0 } } },
  { "Redwood Manufacturing Ltda", NULL, "BR", "unsubscribed", "Archive", "archiver", 45000,
    "msp", "ok", TRUE, FALSE, 650, 80,
    { { "gmail", NULL, "authorized", "paused", 90, 5 },
      { "drive", NULL, "authorized", "paused", 85, 5 } } },
  { "Bluebird Café SARL", "info@bluebird-cafe-sarl.example", "FR", "deleted", "Business Backup", "backup", 2900,
    "msp", "ok", TRUE, FALSE, 500, 8,
    { { "exchange", NULL, "unauthorized", "never_run", 0, 0 } } },
  { "Atlas Engineering Group", "it@atlas-engineering-group.example", "US", "active", "Enterprise Backup", "backup", 412500,
    "msp", "ok", TRUE, FALSE, 700, 1500,
    { { "exchange", NULL, "authorized", "success", 98, 25 },
      { "onedrive", NULL, "authorized", "success", 97, 30 },
      { "sharepoint", NULL, "authorized", "warning", 20, 40 },
      { "teams", NULL, "authorized", "running", 30, 10 },
      { "gmail", NULL, "pending_client_admin", "never_run", 0, 0 },
      { "drive", NULL, "unauthorized", "never_run", 0, 0 } } },
  { "Lumen Creative Studio", "studio@lumen-creative-studio.example", "NZ", "active", "Business Backup", "backup", 5900,
    "msp", "ok", TRUE, FALSE, 9, 18,
    { { "exchange", NULL, "pending_client_admin", "never_run", 0, 0 },
      { "onedrive", NULL, "unauthorized", "never_run", 0, 0 },
      { "sharepoint", NULL, "awaiting_consent", "never_run", 0, 0 } } },
};

static const char *
suite_of (const char *application)
{
  const char *const *apps = pd_service_applications ("microsoft365");

  return g_strv_contains (apps, application) ? "microsoft365" : "google_workspace";
}

static const char *
default_mode (const OrgRow *row)
{
  if (g_str_equal (row->relationship, "reseller"))
    return "client";
  return row->admin_access ? "co_managed" : "partner";
}

static void
fixed_org_row (Seeder         *s,
               const FixedOrg *fixed,
               OrgRow         *row)
{
  const Country *country = country_by_code (fixed->country);

  memset (row, 0, sizeof *row);
  row->name = g_strdup (fixed->name);
  row->domain = g_str_equal (fixed->plan_type, "personal") ? NULL : domain_for (fixed->name);
  row->email = g_strdup (fixed->email);
  row->country = fixed->country;
  row->region = pd_org_region_for_country (fixed->country);
  row->status = fixed->status;
  row->plan_name = fixed->plan_name;
  row->plan_type = fixed->plan_type;
  row->price_cents = fixed->price_cents;
  row->currency = country->currency;
  row->relationship = fixed->relationship;
  row->credential = fixed->credential;
  row->mapped = fixed->mapped;
  row->admin_access = fixed->admin_access;
  row->created_usec = s->seed->now_usec - (gint64) fixed->age_days * DAY * G_USEC_PER_SEC;
  for (guint i = 0; i < G_N_ELEMENTS (fixed->services) && fixed->services[i].application != NULL; i++)
    {
      const FixedService *f = &fixed->services[i];
      ServiceRow *service = &row->services[row->n_services++];

      service->application = f->application;
      service->suite = suite_of (f->application);
      service->mode = f->mode ? f->mode : default_mode (row);
      service->authorization = f->authorization;
      service->backup = f->backup;
      service->total = fixed->seats;
      service->managed = MAX (f->managed_percent > 0 ? 1 : 0, fixed->seats * f->managed_percent / 100);
      service->unprotected = f->unprotected;
    }
}

/* The drawn organizations */

static void
random_name (Seeder        *s,
             const Country *country,
             gboolean       personal,
             char         **name_out,
             char         **given_out,
             char         **family_out)
{
  PdPortalSeed *seed = s->seed;

  for (guint attempt = 0; ; attempt++)
    {
      g_autofree char *name = NULL;

      if (personal)
        {
          const char *given = PICK (seed, given_names);
          const char *family = PICK (seed, family_names);

          name = attempt < 8 ? g_strdup_printf ("%s %s", given, family)
                             : g_strdup_printf ("%s %c. %s", given, 'A' + (int) pd_seed_int (seed, 0, 25), family);
          *given_out = g_strdup (given);
          *family_out = g_strdup (family);
        }
      else
        {
          const char *suffix = pd_seed_pick (seed, country->suffixes, strv_len (country->suffixes));
          g_autofree char *base = NULL;

          if (country->local == 1 && pd_seed_chance (seed, 0.5))
            base = g_strdup_printf ("%s %s", PICK (seed, name_first_de), PICK (seed, name_trade_de));
          else if (country->local == 2 && pd_seed_chance (seed, 0.5))
            base = g_strdup_printf ("%s %s", PICK (seed, name_trade_fr), PICK (seed, name_first_fr));
          else
            base = g_strdup_printf ("%s %s", PICK (seed, name_first), PICK (seed, name_trade));
          if (attempt >= 12)
            name = g_strdup_printf ("%s %u", base, (guint) pd_seed_int (seed, 2, 99));
          else
            name = *suffix ? g_strdup_printf ("%s %s", base, suffix) : g_strdup (base);
        }
      if (claim_name (s, name))
        {
          *name_out = g_steal_pointer (&name);
          return;
        }
      if (personal)
        {
          g_clear_pointer (given_out, g_free);
          g_clear_pointer (family_out, g_free);
        }
    }
}

static const char *
pick_authorization (PdPortalSeed *seed)
{
  static const char *const onboarding[] = {
    "unauthorized", "agreement_accepted", "awaiting_consent", "pending_client_admin",
  };

  return pd_seed_chance (seed, 0.92) ? "authorized" : PICK (seed, onboarding);
}

static const char *
pick_backup (PdPortalSeed *seed)
{
  int roll = (int) pd_seed_int (seed, 0, 99);

  if (roll < 74) return "success";
  if (roll < 80) return "running";
  if (roll < 84) return "retrying";
  if (roll < 92) return "warning";
  if (roll < 96) return "failed";
  if (roll < 98) return "paused";
  return "never_run";
}

static void
add_random_service (Seeder      *s,
                    OrgRow      *row,
                    const char  *suite,
                    const char  *application,
                    gint64       seats,
                    gboolean     first)
{
  PdPortalSeed *seed = s->seed;
  ServiceRow *service = &row->services[row->n_services++];
  gboolean personal = g_str_equal (row->plan_type, "personal");

  service->suite = suite;
  service->application = application;
  service->total = seats;
  service->mode = default_mode (row);
  if (g_str_equal (service->mode, "partner") && pd_seed_chance (seed, 0.03))
    service->mode = "client";
  else if (g_str_equal (service->mode, "co_managed") && pd_seed_chance (seed, 0.1))
    service->mode = "client";

  if (!g_str_equal (row->status, "active"))
    {
      service->authorization = "authorized";
      service->backup = "paused";
    }
  else if (first && g_str_equal (row->credential, "needs_authentication"))
    {
      service->authorization = "consent_lost";
      service->backup = "failed";
    }
  else
    {
      service->authorization = pick_authorization (seed);
      service->backup = g_str_equal (service->authorization, "authorized") ? pick_backup (seed) : "never_run";
    }

  if (g_str_equal (service->backup, "never_run"))
    return;
  if (personal)
    {
      service->managed = 1;
      return;
    }
  if (is_site_like (application))
    {
      service->managed = MAX (1, seats * pd_seed_int (seed, 5, 40) / 100);
      service->unprotected = pd_seed_int (seed, 0, 5);
    }
  else
    {
      service->managed = MAX (1, seats * pd_seed_int (seed, 55, 100) / 100);
      if (pd_seed_chance (seed, 0.02))
        service->managed = seats + pd_seed_int (seed, 1, MAX (1, seats / 10));
      service->unprotected = pd_seed_int (seed, 0, MAX (1, seats / 8));
    }
}

/* Picks @n distinct applications of @apps (the first always included) in their order. */
static void
add_random_suite (Seeder     *s,
                  OrgRow     *row,
                  const char *suite,
                  guint       n,
                  gint64      seats)
{
  const char *const *apps = pd_service_applications (suite);
  guint n_apps = (guint) strv_len (apps);
  gboolean chosen[8] = { TRUE };
  guint picked = 1;

  while (picked < MIN (n, n_apps))
    {
      guint i = (guint) pd_seed_int (s->seed, 1, n_apps - 1);
      if (!chosen[i])
        {
          chosen[i] = TRUE;
          picked++;
        }
    }
  for (guint i = 0; i < n_apps; i++)
    if (chosen[i])
      add_random_service (s, row, suite, apps[i], seats, row->n_services == 0);
}

static void
random_org_row (Seeder *s,
                OrgRow *row)
{
  static const char *const backup_plans[] = { "Business Backup", "Business Backup", "Business Backup Plus", "Enterprise Backup" };
  static const char *const archive_plans[] = { "Archive", "Archive Unlimited" };
  PdPortalSeed *seed = s->seed;
  const Country *country = pick_country (seed);
  g_autofree char *given = NULL, *family = NULL;
  int roll;
  gint64 seats;

  memset (row, 0, sizeof *row);
  row->country = country->code;
  row->region = pd_org_region_for_country (country->code);
  row->currency = country->currency;

  roll = (int) pd_seed_int (seed, 0, 99);
  row->status = roll < 88 ? "active" : roll < 93 ? "suspended" : roll < 97 ? "unsubscribed" : "deleted";
  roll = (int) pd_seed_int (seed, 0, 99);
  row->plan_type = roll < 10 ? "personal" : roll < 80 ? "backup" : "archiver";
  row->relationship = pd_seed_chance (seed, 0.15) ? "reseller" : "msp";
  row->mapped = !pd_seed_chance (seed, 0.08);
  row->credential = g_str_equal (row->status, "active") && pd_seed_chance (seed, 0.05) ? "needs_authentication" : "ok";
  row->admin_access = row->mapped && g_str_equal (row->relationship, "msp") && pd_seed_chance (seed, 0.10);
  row->created_usec = seed->now_usec - pd_seed_int (seed, DAY, 730 * DAY) * G_USEC_PER_SEC;

  if (g_str_equal (row->plan_type, "personal"))
    {
      g_autofree char *box = NULL;

      random_name (s, country, TRUE, &row->name, &given, &family);
      box = mailbox_for_person (given, family);
      row->email = g_strdup_printf ("%s@%s", box, PICK (seed, mail_providers));
      row->plan_name = "Personal";
      row->price_cents = pd_seed_chance (seed, 0.7) ? 300 : 500;
      seats = 1;
    }
  else
    {
      random_name (s, country, FALSE, &row->name, &given, &family);
      row->domain = domain_for (row->name);
      if (!pd_seed_chance (seed, 0.02))
        row->email = g_strdup_printf ("%s@%s", PICK (seed, contact_boxes), row->domain);
      roll = (int) pd_seed_int (seed, 0, 99);
      seats = roll < 80 ? pd_seed_int (seed, 5, 50) : roll < 95 ? pd_seed_int (seed, 51, 200) : pd_seed_int (seed, 201, 2000);
      if (g_str_equal (row->plan_type, "backup"))
        {
          row->plan_name = seats > 200 ? "Enterprise Backup" : PICK (seed, backup_plans);
          row->price_cents = seats * pd_seed_int (seed, 250, 400) / 100 * 100;
        }
      else
        {
          row->plan_name = PICK (seed, archive_plans);
          row->price_cents = seats * pd_seed_int (seed, 450, 600) / 100 * 100;
        }
    }

  roll = (int) pd_seed_int (seed, 0, 99);
  if (roll < 60 || (g_str_equal (row->plan_type, "personal") && roll < 70))
    add_random_suite (s, row, "microsoft365", seats == 1 ? 2 : (guint) pd_seed_int (seed, 2, 4), seats);
  else if (roll < 92 || seats == 1)
    add_random_suite (s, row, "google_workspace", seats == 1 ? 2 : (guint) pd_seed_int (seed, 2, 5), seats);
  else
    {
      /* Mid-migration tenants have both. */
      add_random_suite (s, row, "microsoft365", (guint) pd_seed_int (seed, 2, 4), seats);
      add_random_suite (s, row, "google_workspace", 2, seats);
    }
}

static void
prepare (Seeder       *s,
         PdPortalSeed *seed)
{
  PdPortal *portal = seed->portal;

  s->seed = seed;
  s->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_prepare_v2 (portal->db,
      "INSERT INTO service_accounts (partner_id, name, domain, created_at) VALUES (?1, ?2, ?3, ?4) RETURNING id",
      -1, &s->insert_account, NULL);
  sqlite3_prepare_v2 (portal->db,
      "INSERT INTO organizations (partner_id, name, email, domain, status, plan_name, plan_type, plan_price_cents, "
      "currency, region, country, credential_status, relationship, mapping_status, mapped_service_account, "
      "admin_access, created_at, updated_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?17) RETURNING id",
      -1, &s->insert_org, NULL);
  sqlite3_prepare_v2 (portal->db,
      "INSERT INTO services (organization_id, suite, application, management_mode, authorization_state, "
      "backup_status, last_backup_at, next_backup_at, jobs_success, jobs_running, jobs_retrying, jobs_failed, "
      "seats_total, seats_managed, seats_unprotected, storage_bytes, created_at, updated_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
      -1, &s->insert_service, NULL);
}

static void
finish (Seeder *s)
{
  g_hash_table_unref (s->names);
  sqlite3_finalize (s->insert_account);
  sqlite3_finalize (s->insert_org);
  sqlite3_finalize (s->insert_service);
}

/* Service accounts of the provider no organization of the partner is linked to yet. */
static void
seed_spare_accounts (Seeder *s,
                     guint   n)
{
  PdPortalSeed *seed = s->seed;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = NULL, *domain = NULL, *given = NULL, *family = NULL;

      random_name (s, &countries[0], FALSE, &name, &given, &family);
      domain = domain_for (name);
      insert_service_account (s, seed->partner_id, name, domain,
                              seed->now_usec - pd_seed_int (seed, DAY, 700 * DAY) * G_USEC_PER_SEC);
    }
}

void
pd_org_seed (PdPortalSeed *seed)
{
  Seeder s = { 0 };
  guint n = seed->n_organizations;

  prepare (&s, seed);
  for (guint i = 0; i < n; i++)
    {
      OrgRow row;

      if (i < G_N_ELEMENTS (fixed_orgs))
        {
          fixed_org_row (&s, &fixed_orgs[i], &row);
          claim_name (&s, row.name);
        }
      else
        random_org_row (&s, &row);
      insert_org (&s, seed->partner_id, &row);
      org_row_clear (&row);
    }
  seed_spare_accounts (&s, n / 50 + 2);

  /* The second partner: a name the first one uses too, to prove the two stay apart. */
  g_hash_table_remove_all (s.names);
  {
    static const FixedOrg other[] = {
      { "Harbor Dental Group", "it@harbor-dental-group.example", "DE", "active", "Business Backup", "backup", 4500,
        "msp", "ok", TRUE, FALSE, 200, 15,
        { { "exchange", NULL, "authorized", "success", 100, 0 }, { "onedrive", NULL, "authorized", "success", 90, 1 } } },
      { "Alpenblick Hotel GmbH", "rezeption@alpenblick-hotel-gmbh.example", "AT", "active", "Business Backup", "backup", 6000,
        "reseller", "ok", TRUE, FALSE, 300, 20,
        { { "exchange", NULL, "authorized", "warning", 95, 2 } } },
      { "Rheinufer Steuerberatung", "kanzlei@rheinufer-steuerberatung.example", "DE", "active", "Archive", "archiver", 5200,
        "msp", "ok", FALSE, FALSE, 40, 10,
        { { "gmail", NULL, "authorized", "success", 100, 0 }, { "drive", NULL, "awaiting_consent", "never_run", 0, 0 } } },
    };

    for (guint i = 0; i < G_N_ELEMENTS (other); i++)
      {
        OrgRow row;

        fixed_org_row (&s, &other[i], &row);
        insert_org (&s, seed->other_partner_id, &row);
        org_row_clear (&row);
      }
  }
  finish (&s);
}

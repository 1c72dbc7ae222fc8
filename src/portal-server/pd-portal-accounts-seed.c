/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Lazy materialization: a service's accounts, made up deterministically from its ID the first
 * time they are needed, matching its seat counters. */
#include "pd-portal-accounts.h"
#include "pd-portal-db.h"
#include "pd-portal-seed.h"

typedef struct {
  const char *display;
  const char *ascii;       /* for the e-mail address */
} Name;

static const Name first_names[] = {
  { "Aaliyah", "aaliyah" }, { "Adrian", "adrian" }, { "Aiko", "aiko" }, { "Alejandro", "alejandro" },
  { "Amara", "amara" }, { "Anders", "anders" }, { "Anika", "anika" }, { "Ayşe", "ayse" },
  { "Benjamin", "benjamin" }, { "Bianca", "bianca" }, { "Carlos", "carlos" }, { "Chen", "chen" },
  { "Chloé", "chloe" }, { "Daniel", "daniel" }, { "Deepa", "deepa" }, { "Dmitri", "dmitri" },
  { "Elena", "elena" }, { "Emeka", "emeka" }, { "Emily", "emily" }, { "Fatou", "fatou" },
  { "Felix", "felix" }, { "Grace", "grace" }, { "Hana", "hana" }, { "Hugo", "hugo" },
  { "Ingrid", "ingrid" }, { "Isabel", "isabel" }, { "Jamal", "jamal" }, { "José", "jose" },
  { "Julia", "julia" }, { "Kai", "kai" }, { "Karin", "karin" }, { "Kwame", "kwame" },
  { "Laura", "laura" }, { "Leila", "leila" }, { "Liam", "liam" }, { "Łukasz", "lukasz" },
  { "Maya", "maya" }, { "Mateo", "mateo" }, { "Mei", "mei" }, { "Mohammed", "mohammed" },
  { "Nadia", "nadia" }, { "Noah", "noah" }, { "Olga", "olga" }, { "Omar", "omar" },
  { "Priya", "priya" }, { "Rafael", "rafael" }, { "Rosa", "rosa" }, { "Samir", "samir" },
  { "Sofia", "sofia" }, { "Søren", "soren" }, { "Tariq", "tariq" }, { "Thomas", "thomas" },
  { "Uma", "uma" }, { "Valentina", "valentina" }, { "Wei", "wei" }, { "Yara", "yara" },
  { "Yusuf", "yusuf" }, { "Zoë", "zoe" },
};

static const Name last_names[] = {
  { "Abebe", "abebe" }, { "Alvarez", "alvarez" }, { "Andersson", "andersson" }, { "Bauer", "bauer" },
  { "Brown", "brown" }, { "Castro", "castro" }, { "Chowdhury", "chowdhury" }, { "Costa", "costa" },
  { "Dubois", "dubois" }, { "Eriksen", "eriksen" }, { "Fernández", "fernandez" }, { "Fischer", "fischer" },
  { "García", "garcia" }, { "Gupta", "gupta" }, { "Hansen", "hansen" }, { "Hernandez", "hernandez" },
  { "Ito", "ito" }, { "Jensen", "jensen" }, { "Johnson", "johnson" }, { "Kim", "kim" },
  { "Kowalski", "kowalski" }, { "Kumar", "kumar" }, { "Larsen", "larsen" }, { "Lee", "lee" },
  { "Lopez", "lopez" }, { "Martin", "martin" }, { "Mensah", "mensah" }, { "Müller", "muller" },
  { "Nakamura", "nakamura" }, { "Nguyen", "nguyen" }, { "Novak", "novak" }, { "Okafor", "okafor" },
  { "O'Brien", "obrien" }, { "Patel", "patel" }, { "Petrov", "petrov" }, { "Rossi", "rossi" },
  { "Santos", "santos" }, { "Schmidt", "schmidt" }, { "Silva", "silva" }, { "Singh", "singh" },
  { "Smith", "smith" }, { "Tanaka", "tanaka" }, { "Taylor", "taylor" }, { "Van Dijk", "vandijk" },
  { "Wang", "wang" }, { "Williams", "williams" }, { "Yilmaz", "yilmaz" }, { "Zhang", "zhang" },
};

static const Name mailbox_names[] = {
  { "Info", "info" }, { "Support", "support" }, { "Sales", "sales" }, { "Billing", "billing" },
  { "Reception", "reception" }, { "Careers", "careers" }, { "Press", "press" },
  { "Accounts Payable", "accounts.payable" }, { "Office", "office" }, { "Orders", "orders" },
  { "Bookings", "bookings" }, { "Service Desk", "servicedesk" },
};

static const Name site_names[] = {
  { "Intranet", "intranet" }, { "Human Resources", "hr" }, { "Finance", "finance" },
  { "Marketing", "marketing" }, { "Sales", "sales" }, { "IT Operations", "it" }, { "Legal", "legal" },
  { "Communications", "comms" }, { "Board", "board" }, { "Project Phoenix", "phoenix" },
  { "Quality", "quality" }, { "Procurement", "procurement" }, { "Facilities", "facilities" },
  { "Research", "research" }, { "Customer Success", "success" }, { "Onboarding", "onboarding" },
};

static const Name team_names[] = {
  { "All Company", "allcompany" }, { "Leadership", "leadership" }, { "Engineering", "engineering" },
  { "Design", "design" }, { "Sales Team", "salesteam" }, { "Support Team", "supportteam" },
  { "Warehouse", "warehouse" }, { "Project Atlas", "atlas" }, { "Project Orion", "orion" },
  { "Social Club", "social" }, { "Marketing Team", "marketingteam" }, { "Field Service", "field" },
  { "Finance Team", "financeteam" }, { "Events", "events" },
};

static const Name drive_names[] = {
  { "Contracts", "contracts" }, { "Sales Collateral", "collateral" }, { "Brand Assets", "brand" },
  { "Policies", "policies" }, { "Templates", "templates" }, { "Payroll", "payroll" },
  { "Product Specs", "specs" }, { "Training", "training" }, { "Tenders", "tenders" },
  { "Shared Projects", "projects" }, { "Archive", "archive" }, { "Photos", "photos" },
};

typedef struct {
  const char *protection;
  const char *status;
  gboolean    secondary;   /* a shared mailbox instead of a user */
} Slot;

typedef struct {
  PdPortal     *portal;
  PdPortalSeed  rng;
  gint64        service_id;
  gint64        organization_id;
  gboolean      google;
  const char   *application;
  const char   *kind;           /* the application's main kind */
  const char   *const *sections;
  char         *domain;
  gint64        created_usec;   /* the service's creation */
  const char   *backup_status;  /* the service's */
  gint64        last_backup_usec;
  GHashTable   *used;           /* display names and e-mail local parts already taken */
} Gen;

static const char *const sections_exchange[] = { "email", "calendar", "contacts", "tasks", NULL };
static const char *const sections_email[] = { "email", NULL };
static const char *const sections_drive[] = { "drive", NULL };
static const char *const sections_calendar[] = { "calendar", NULL };
static const char *const sections_contacts[] = { "contacts", NULL };

static void
describe_application (Gen *gen)
{
  const char *app = gen->application;

  gen->kind = "user";
  gen->sections = sections_drive;
  if (g_str_equal (app, "exchange"))
    gen->sections = sections_exchange;
  else if (g_str_equal (app, "gmail"))
    gen->sections = sections_email;
  else if (g_str_equal (app, "calendar"))
    gen->sections = sections_calendar;
  else if (g_str_equal (app, "contacts"))
    gen->sections = sections_contacts;
  else if (g_str_equal (app, "sharepoint"))
    gen->kind = "site";
  else if (g_str_equal (app, "teams"))
    gen->kind = "team";
  else if (g_str_equal (app, "shared_drives"))
    gen->kind = "shared_drive";
}

static gboolean
has_shared_mailboxes (Gen *gen)
{
  return g_str_equal (gen->application, "exchange") || g_str_equal (gen->application, "gmail");
}

/* "Northwind Traders Ltd." → "northwindtradersltd.example", for organizations without a domain. */
static char *
domain_from_name (const char *name)
{
  GString *slug = g_string_new (NULL);

  for (const char *p = name; p && *p; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (slug, g_ascii_tolower (*p));
  if (slug->len == 0)
    g_string_append (slug, "tenant");
  g_string_append (slug, ".example");
  return g_string_free (slug, FALSE);
}

/* Appends " 2", " 3"… (or "2", "3"… to e-mail local parts) until @base is unused. */
static char *
unique (Gen        *gen,
        const char *scope,
        const char *base,
        const char *separator)
{
  for (guint n = 1; ; n++)
    {
      g_autofree char *candidate = n == 1 ? g_strdup (base) : g_strdup_printf ("%s%s%u", base, separator, n);
      g_autofree char *key = g_strconcat (scope, ":", candidate, NULL);

      if (!g_hash_table_contains (gen->used, key))
        {
          g_hash_table_add (gen->used, g_steal_pointer (&key));
          return g_steal_pointer (&candidate);
        }
    }
}

static char *
external_id (Gen        *gen,
             const char *kind)
{
  if (!gen->google)
    {
      guint64 a = pd_seed_next (&gen->rng), b = pd_seed_next (&gen->rng);
      return g_strdup_printf ("%08x-%04x-4%03x-%04x-%012" G_GINT64_MODIFIER "x",
                              (guint) (a >> 32), (guint) (a >> 16) & 0xffff, (guint) a & 0xfff,
                              0x8000 | ((guint) (b >> 48) & 0x3fff), b & G_GUINT64_CONSTANT (0xffffffffffff));
    }
  if (g_str_equal (kind, "shared_drive"))
    return g_strdup_printf ("0A%016" G_GINT64_MODIFIER "X", pd_seed_next (&gen->rng));
  return g_strdup_printf ("1%020" G_GUINT64_FORMAT, pd_seed_next (&gen->rng) % G_GUINT64_CONSTANT (10000000000000000000));
}

/* Display name and e-mail of one account of @kind. */
static void
make_identity (Gen         *gen,
               const char  *kind,
               char       **display,
               char       **email)
{
  const Name *list = NULL;
  gsize n = 0;

  if (g_str_equal (kind, "user"))
    {
      const Name *first = &first_names[pd_seed_int (&gen->rng, 0, G_N_ELEMENTS (first_names) - 1)];
      const Name *last = &last_names[pd_seed_int (&gen->rng, 0, G_N_ELEMENTS (last_names) - 1)];
      g_autofree char *name = g_strdup_printf ("%s %s", first->display, last->display);
      g_autofree char *local = g_strdup_printf ("%s.%s", first->ascii, last->ascii);
      g_autofree char *unique_local = unique (gen, "mail", local, "");

      *display = unique (gen, "name", name, " ");
      *email = g_strdup_printf ("%s@%s", unique_local, gen->domain);
      return;
    }
  if (g_str_equal (kind, "shared_mailbox"))
    list = mailbox_names, n = G_N_ELEMENTS (mailbox_names);
  else if (g_str_equal (kind, "site"))
    list = site_names, n = G_N_ELEMENTS (site_names);
  else if (g_str_equal (kind, "team"))
    list = team_names, n = G_N_ELEMENTS (team_names);
  else
    list = drive_names, n = G_N_ELEMENTS (drive_names);

  {
    const Name *pick = &list[pd_seed_int (&gen->rng, 0, (gint64) n - 1)];
    g_autofree char *scope = g_strconcat ("name-", kind, NULL);

    *display = unique (gen, scope, pick->display, " ");
    *email = NULL;
    /* Shared mailboxes and teams (through their group) receive mail; sites and drives do not. */
    if (g_str_equal (kind, "shared_mailbox") || g_str_equal (kind, "team"))
      {
        g_autofree char *local = unique (gen, "mail", pick->ascii, "");
        *email = g_strdup_printf ("%s@%s", local, gen->domain);
      }
  }
}

static gint64
typical_size (Gen        *gen,
              const char *kind)
{
  const gint64 mib = 1024 * 1024;

  if (g_str_equal (kind, "user"))
    return pd_seed_int (&gen->rng, 150 * mib, 30 * 1024 * mib);
  if (g_str_equal (kind, "shared_mailbox"))
    return pd_seed_int (&gen->rng, 20 * mib, 4 * 1024 * mib);
  if (g_str_equal (kind, "team"))
    return pd_seed_int (&gen->rng, 100 * mib, 40 * 1024 * mib);
  return pd_seed_int (&gen->rng, 500 * mib, 150 * 1024 * mib);
}

/* The last result of a protected account's section, from the service's backup status. */
static const char *
section_result (Gen *gen)
{
  const char *status = gen->backup_status;

  if (g_str_equal (status, "never_run"))
    return NULL;
  if (g_str_equal (status, "warning"))
    return pd_seed_chance (&gen->rng, 0.2) ? "warning" : "success";
  if (g_str_equal (status, "failed"))
    return pd_seed_chance (&gen->rng, 0.35) ? "failed" : "success";
  return pd_seed_chance (&gen->rng, 0.01) ? "warning" : "success";
}

static const char *
section_status (Gen        *gen,
                const char *protection)
{
  if (g_str_equal (protection, "paused"))
    return "paused";
  if (g_str_equal (protection, "unprotected"))
    return "inactive";
  if (g_str_equal (gen->backup_status, "running") && pd_seed_chance (&gen->rng, 0.3))
    return "running";
  if (g_str_equal (gen->backup_status, "retrying") && pd_seed_chance (&gen->rng, 0.2))
    return "retrying";
  return "active";
}

static void
insert_sections (Gen        *gen,
                 gint64      account_id,
                 const char *protection,
                 gint64      created_usec)
{
  for (guint i = 0; gen->sections[i] != NULL; i++)
    {
      sqlite3_stmt *stmt = pd_portal_db_stmt (gen->portal,
          "INSERT INTO account_sections (account_id, data_type, status, added_at, last_backup_at, last_result) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
      gboolean managed = !g_str_equal (protection, "unprotected");
      const char *result = managed ? section_result (gen) : NULL;
      g_autofree char *added = NULL;
      g_autofree char *last = NULL;

      sqlite3_bind_int64 (stmt, 1, account_id);
      sqlite3_bind_text (stmt, 2, gen->sections[i], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, section_status (gen, protection), -1, SQLITE_STATIC);
      if (managed)
        {
          gint64 now = g_get_real_time ();
          gint64 added_usec = MIN (now, created_usec + pd_seed_int (&gen->rng, 0, 3 * 86400) * G_USEC_PER_SEC);
          added = pd_portal_time_format (added_usec);
          if (result != NULL)
            {
              gint64 last_usec = gen->last_backup_usec - pd_seed_int (&gen->rng, 0, 3600) * G_USEC_PER_SEC;
              /* Paused accounts stopped some days ago. */
              if (g_str_equal (protection, "paused"))
                last_usec -= pd_seed_int (&gen->rng, 2, 40) * G_TIME_SPAN_DAY;
              last = pd_portal_time_format (MIN (now, MAX (last_usec, added_usec + G_TIME_SPAN_HOUR)));
            }
        }
      sqlite3_bind_text (stmt, 4, added, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, last, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, result, -1, SQLITE_STATIC);
      pd_portal_db_step_done (gen->portal, stmt);
    }
}

static void
insert_account (Gen        *gen,
                const Slot *slot,
                gint64      storage_bytes)
{
  const char *kind = slot->secondary ? "shared_mailbox" : gen->kind;
  g_autofree char *display = NULL;
  g_autofree char *email = NULL;
  g_autofree char *external = external_id (gen, kind);
  gint64 now = g_get_real_time ();
  /* Created (and protected) a while before the service's last backup. */
  gint64 ceiling = (gen->last_backup_usec > 0 ? MIN (now, gen->last_backup_usec) : now) - 4 * G_TIME_SPAN_DAY;
  gint64 span = MAX (G_TIME_SPAN_HOUR, ceiling - gen->created_usec);
  gint64 created_usec = gen->created_usec + (gint64) (pd_seed_next (&gen->rng) % (guint64) span);
  g_autofree char *created = pd_portal_time_format (MIN (created_usec, now));
  sqlite3_stmt *stmt;
  gint64 account_id;

  make_identity (gen, kind, &display, &email);
  stmt = pd_portal_db_stmt (gen->portal,
      "INSERT INTO accounts (service_id, organization_id, kind, display_name, email, external_id, protection, "
      "status, storage_bytes, item_count, created_at, updated_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11) RETURNING id");
  sqlite3_bind_int64 (stmt, 1, gen->service_id);
  sqlite3_bind_int64 (stmt, 2, gen->organization_id);
  sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, display, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, email, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, external, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, slot->protection, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, slot->status, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 9, storage_bytes);
  /* About 120 KiB per item, give or take. */
  sqlite3_bind_int64 (stmt, 10, storage_bytes / pd_seed_int (&gen->rng, 60 * 1024, 200 * 1024));
  sqlite3_bind_text (stmt, 11, created, -1, SQLITE_STATIC);
  account_id = pd_portal_db_scalar (gen->portal, stmt, 0);
  insert_sections (gen, account_id, slot->protection, MIN (created_usec, now));
}

static gboolean
load_service (Gen    *gen,
              gint64  service_id,
              gint64 *managed,
              gint64 *unprotected,
              gint64 *storage)
{
  sqlite3_stmt *stmt = pd_portal_db_stmt (gen->portal,
      "SELECT s.organization_id, s.suite, s.application, s.backup_status, s.last_backup_at, s.created_at, "
      "s.seats_managed, s.seats_unprotected, s.storage_bytes, o.domain, o.name "
      "FROM services s JOIN organizations o ON o.id = s.organization_id WHERE s.id = ?1");
  gboolean found = FALSE;

  sqlite3_bind_int64 (stmt, 1, service_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *domain = pd_portal_db_text (stmt, 9);

      found = TRUE;
      gen->organization_id = sqlite3_column_int64 (stmt, 0);
      gen->google = g_strcmp0 (pd_portal_db_text (stmt, 1), "google_workspace") == 0;
      gen->application = g_intern_string (pd_portal_db_text (stmt, 2));
      gen->backup_status = g_intern_string (pd_portal_db_text (stmt, 3));
      if (!pd_portal_time_parse (pd_portal_db_text (stmt, 4), &gen->last_backup_usec))
        gen->last_backup_usec = 0;
      if (!pd_portal_time_parse (pd_portal_db_text (stmt, 5), &gen->created_usec))
        gen->created_usec = g_get_real_time () - 90 * G_TIME_SPAN_DAY;
      *managed = MAX (0, sqlite3_column_int64 (stmt, 6));
      *unprotected = MAX (0, sqlite3_column_int64 (stmt, 7));
      *storage = MAX (0, sqlite3_column_int64 (stmt, 8));
      gen->domain = domain && *domain ? g_ascii_strdown (domain, -1) : domain_from_name (pd_portal_db_text (stmt, 10));
    }
  sqlite3_reset (stmt);
  return found;
}

/* Loads the service and starts the generator, which @salt varies; FALSE without the service. */
static gboolean
gen_begin (Gen      *gen,
           PdPortal *portal,
           gint64    service_id,
           guint64   salt,
           gint64   *managed,
           gint64   *unprotected,
           gint64   *storage)
{
  gen->portal = portal;
  gen->service_id = service_id;
  if (!load_service (gen, service_id, managed, unprotected, storage))
    return FALSE;
  /* Same service ID, same accounts (xorshift must not start at 0). */
  gen->rng.portal = portal;
  gen->rng.state = (0x2545F4914F6CDD1Dull ^ salt) ^ ((guint64) service_id * 0x9E3779B97F4A7C15ull);
  gen->used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  describe_application (gen);
  if (gen->last_backup_usec == 0 && !g_str_equal (gen->backup_status, "never_run"))
    gen->last_backup_usec = g_get_real_time () - pd_seed_int (&gen->rng, 600, 20 * 3600) * G_USEC_PER_SEC;
  return TRUE;
}

static void
gen_end (Gen *gen)
{
  g_clear_pointer (&gen->used, g_hash_table_unref);
  g_clear_pointer (&gen->domain, g_free);
}

/* Managed accounts (a few paused, a few deactivated in the tenant), the active unprotected
 * ones, and some deactivated or deleted unprotected ones the seat counters do not show. The
 * first draws of the generator: what the seed counts the statuses of, so the other draws
 * (names, storage) stay out of it. */
static GArray *
draw_slots (Gen    *gen,
            gint64  managed,
            gint64  unprotected)
{
  GArray *slots = g_array_new (FALSE, TRUE, sizeof (Slot));
  gint64 extras;

  /* An empty directory (a service just added) stays empty. */
  extras = managed + unprotected == 0 ? 0 : unprotected / 12 + (pd_seed_chance (&gen->rng, 0.5) ? 1 : 0);
  for (gint64 i = 0; i < managed + unprotected + extras; i++)
    {
      Slot slot = { .protection = "unprotected", .status = "active" };

      if (i < managed)
        {
          slot.protection = pd_seed_chance (&gen->rng, 0.06) ? "paused" : "protected";
          if (pd_seed_chance (&gen->rng, 0.03))
            slot.status = "deactivated";
        }
      else if (i >= managed + unprotected)
        slot.status = pd_seed_chance (&gen->rng, 0.6) ? "deactivated" : "deleted";
      slot.secondary = has_shared_mailboxes (gen) && pd_seed_chance (&gen->rng, 0.08);
      g_array_append_val (slots, slot);
    }
  return slots;
}

static void
generate (Gen    *gen,
          gint64  managed,
          gint64  unprotected,
          gint64  storage)
{
  g_autoptr(GArray) slots = draw_slots (gen, managed, unprotected);
  g_autoptr(GArray) weights = g_array_new (FALSE, TRUE, sizeof (gint64));
  gint64 n, weight_sum = 0;

  /* Mixed, as a tenant's directory is. */
  n = slots->len;
  for (gint64 i = n - 1; i > 0; i--)
    {
      gint64 j = pd_seed_int (&gen->rng, 0, i);
      Slot tmp = g_array_index (slots, Slot, i);
      g_array_index (slots, Slot, i) = g_array_index (slots, Slot, j);
      g_array_index (slots, Slot, j) = tmp;
    }

  /* Storage: the service's total spread over its managed accounts, when it has one. */
  for (gint64 i = 0; i < n; i++)
    {
      const Slot *slot = &g_array_index (slots, Slot, i);
      gint64 weight = g_str_equal (slot->protection, "unprotected") ? 0
                    : typical_size (gen, slot->secondary ? "shared_mailbox" : gen->kind);
      g_array_append_val (weights, weight);
      weight_sum += weight;
    }
  if (storage > 0 && weight_sum > 0)
    {
      gint64 left = storage, last = -1;

      for (gint64 i = 0; i < n; i++)
        {
          gint64 *bytes = &g_array_index (weights, gint64, i);

          if (*bytes == 0)
            continue;
          *bytes = MIN (left, (gint64) ((double) storage * ((double) *bytes / (double) weight_sum)));
          left -= *bytes;
          last = i;
        }
      g_array_index (weights, gint64, last) += left;
    }
  for (gint64 i = 0; i < n; i++)
    insert_account (gen, &g_array_index (slots, Slot, i), g_array_index (weights, gint64, i));
}

/* The status counters from the accounts just made: the same as the seed's for a seeded
 * service, and the first ones for a service added since. */
static void
count_statuses (PdPortal *portal,
                gint64    service_id)
{
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal,
      "UPDATE services SET (accounts_active, accounts_deactivated, accounts_deleted) = ("
      "  SELECT coalesce(sum(status = 'active'), 0), coalesce(sum(status = 'deactivated'), 0), "
      "    coalesce(sum(status = 'deleted'), 0) FROM accounts WHERE service_id = ?1) WHERE id = ?1");

  sqlite3_bind_int64 (stmt, 1, service_id);
  pd_portal_db_step_done (portal, stmt);
}

static void
materialize (PdPortal *portal,
             gint64    service_id)
{
  Gen gen = { 0 };
  gint64 managed, unprotected, storage;
  g_autofree char *now = pd_portal_now ();
  sqlite3_stmt *stmt;

  if (!gen_begin (&gen, portal, service_id, 0, &managed, &unprotected, &storage))
    return;
  generate (&gen, managed, unprotected, storage);
  gen_end (&gen);
  count_statuses (portal, service_id);

  stmt = pd_portal_db_stmt (portal, "INSERT INTO account_materialized (service_id, materialized_at) VALUES (?1, ?2)");
  sqlite3_bind_int64 (stmt, 1, service_id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  pd_portal_db_step_done (portal, stmt);
}

void
pd_portal_accounts_ensure (PdPortal *portal,
                           gint64    service_id)
{
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal, "SELECT 1 FROM account_materialized WHERE service_id = ?1");
  gboolean own_transaction;

  sqlite3_bind_int64 (stmt, 1, service_id);
  if (pd_portal_db_scalar (portal, stmt, 0) == 1)
    return;
  own_transaction = sqlite3_get_autocommit (portal->db) != 0;
  if (own_transaction)
    pd_portal_db_begin (portal);
  materialize (portal, service_id);
  if (own_transaction)
    pd_portal_db_commit (portal);
}

gboolean
pd_portal_accounts_discover (PdPortal *portal,
                             gint64    service_id)
{
  sqlite3_stmt *stmt;
  gboolean own_transaction = sqlite3_get_autocommit (portal->db) != 0;
  gint64 managed = 0, unprotected = 0, storage = 0, n;
  Gen gen = { 0 };

  if (own_transaction)
    pd_portal_db_begin (portal);
  pd_portal_accounts_ensure (portal, service_id);
  if (!gen_begin (&gen, portal, service_id, 0xD15C0, &managed, &unprotected, &storage) ||
      managed + unprotected > 0)
    {
      gen_end (&gen);
      if (own_transaction)
        pd_portal_db_commit (portal);
      return FALSE;
    }
  /* A personal plan is one mailbox; a tenant has about as many accounts as it bought seats. */
  stmt = pd_portal_db_stmt (portal, "SELECT seats_total FROM services WHERE id = ?1");
  sqlite3_bind_int64 (stmt, 1, service_id);
  n = pd_portal_db_scalar (portal, stmt, 0);
  n = n <= 1 ? 1 : CLAMP (n * pd_seed_int (&gen.rng, 70, 130) / 100, 3, 400);
  generate (&gen, 0, n, 0);
  gen_end (&gen);

  pd_portal_accounts_recount (portal, service_id);
  count_statuses (portal, service_id);
  pd_portal_db_touch (portal, "services", service_id);
  pd_portal_db_touch (portal, "organizations", gen.organization_id);
  if (own_transaction)
    pd_portal_db_commit (portal);
  return TRUE;
}

/* The seeded services' account status counters, drawn as pd_portal_accounts_ensure() will
 * draw their accounts (a service's first draws are its statuses), so that the dashboard
 * counts accounts by status without making millions of them. */
void
pd_portal_accounts_seed (PdPortalSeed *seed)
{
  PdPortal *portal = seed->portal;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal, "SELECT id FROM services ORDER BY id");

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 service_id = g_array_index (ids, gint64, i);
      gint64 managed, unprotected, storage, counts[3] = { 0 };
      g_autoptr(GArray) slots = NULL;
      Gen gen = { 0 };

      if (!gen_begin (&gen, portal, service_id, 0, &managed, &unprotected, &storage))
        continue;
      slots = draw_slots (&gen, managed, unprotected);
      gen_end (&gen);
      for (guint s = 0; s < slots->len; s++)
        {
          const char *status = g_array_index (slots, Slot, s).status;

          counts[g_str_equal (status, "active") ? 0 : g_str_equal (status, "deactivated") ? 1 : 2]++;
        }
      stmt = pd_portal_db_stmt (portal,
          "UPDATE services SET accounts_active = ?2, accounts_deactivated = ?3, accounts_deleted = ?4 WHERE id = ?1");
      sqlite3_bind_int64 (stmt, 1, service_id);
      for (int c = 0; c < 3; c++)
        sqlite3_bind_int64 (stmt, c + 2, counts[c]);
      pd_portal_db_step_done (portal, stmt);
    }
}

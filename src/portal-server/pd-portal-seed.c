/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The deterministic generator and the identity part of the demo data. */
#include "pd-portal-seed.h"
#include "pd-portal-auth.h"
#include "pd-portal-db.h"

const char *const pd_seed_user_keys[PD_SEED_N_USERS] = {
  "owner", "super_admin", "admin", "support", "finance", "technician", "scoped_admin",
};

guint64
pd_seed_next (PdPortalSeed *seed)
{
  /* xorshift64*: tiny, fast, and the same sequence on every machine. */
  seed->state ^= seed->state >> 12;
  seed->state ^= seed->state << 25;
  seed->state ^= seed->state >> 27;
  return seed->state * 0x2545F4914F6CDD1Dull;
}

gint64
pd_seed_int (PdPortalSeed *seed,
             gint64        lo,
             gint64        hi)
{
  g_assert (hi >= lo);
  return lo + (gint64) (pd_seed_next (seed) % (guint64) (hi - lo + 1));
}

gboolean
pd_seed_chance (PdPortalSeed *seed,
                double        probability)
{
  return (pd_seed_next (seed) >> 11) * (1.0 / 9007199254740992.0) < probability;
}

const char *
pd_seed_pick (PdPortalSeed       *seed,
              const char *const  *choices,
              gsize               n_choices)
{
  return choices[pd_seed_int (seed, 0, (gint64) n_choices - 1)];
}

char *
pd_seed_time_ago (PdPortalSeed *seed,
                  gint64        min_seconds,
                  gint64        max_seconds)
{
  return pd_portal_time_format (seed->now_usec - pd_seed_int (seed, min_seconds, max_seconds) * G_USEC_PER_SEC);
}

typedef struct {
  const char *key;
  const char *name;
  const char *description;
  int         rank;
  const char *permissions;   /* space-separated; "*" = all */
} BuiltinRole;

/* Who may do what (see docs/portal-api.md “Roles”). */
static const BuiltinRole builtin_roles[] = {
  { "owner", "Owner", "Created the partner account; can do everything and cannot be removed.", 100, "*" },
  { "super_admin", "Super admin", "Can do everything, including roles and partner settings.", 90, "*" },
  { "admin", "Admin", "Manages organizations, services, users, groups and settings.", 80,
    "partner.read organizations.read organizations.write organizations.delete organizations.sign_in "
    "services.write services.authorize accounts.read accounts.protect dashboard.read reports.export "
    "users.read users.write users.delete roles.read groups.read groups.write notifications.read "
    "notifications.write smtp.read smtp.write audit.read api_keys.manage" },
  { "support", "Support", "Onboards and supports clients; creates users.", 60,
    "partner.read organizations.read organizations.write organizations.sign_in services.write "
    "services.authorize accounts.read accounts.protect dashboard.read reports.export users.read "
    "users.write roles.read groups.read notifications.read smtp.read api_keys.manage" },
  { "finance", "Finance", "Sees plans, seats and reports; creates users.", 50,
    "partner.read organizations.read dashboard.read reports.export users.read users.write roles.read "
    "api_keys.manage" },
  { "technician", "Technician", "Read-only access.", 10,
    "partner.read organizations.read accounts.read dashboard.read users.read roles.read groups.read "
    "notifications.read smtp.read audit.read api_keys.manage" },
};

static gint64
insert_role (PdPortalSeed *seed,
             gint64        partner_id,
             const char   *key,
             const char   *name,
             const char   *description,
             int           rank,
             const char   *permissions,
             gboolean      builtin)
{
  PdPortal *portal = seed->portal;
  g_autofree char *now = pd_portal_time_format (seed->now_usec);
  g_auto(GStrv) list = g_strsplit (permissions, " ", -1);
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal,
      "INSERT INTO roles (partner_id, key, name, description, rank, builtin, created_at, updated_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7) RETURNING id");
  gint64 role_id;

  if (partner_id > 0)
    sqlite3_bind_int64 (stmt, 1, partner_id);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, description, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, rank);
  sqlite3_bind_int (stmt, 6, builtin);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_STATIC);
  role_id = pd_portal_db_scalar (portal, stmt, 0);

  for (guint i = 0; pd_portal_permissions[i].key != NULL; i++)
    {
      if (!g_str_equal (permissions, "*") && !g_strv_contains ((const char *const *) list, pd_portal_permissions[i].key))
        continue;
      stmt = pd_portal_db_stmt (portal, "INSERT INTO role_permissions (role_id, permission) VALUES (?1, ?2)");
      sqlite3_bind_int64 (stmt, 1, role_id);
      sqlite3_bind_text (stmt, 2, pd_portal_permissions[i].key, -1, SQLITE_STATIC);
      pd_portal_db_step_done (portal, stmt);
    }
  return role_id;
}

static gint64
role_id_for (PdPortal   *portal,
             const char *key)
{
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal, "SELECT id FROM roles WHERE partner_id IS NULL AND key = ?1");

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  return pd_portal_db_scalar (portal, stmt, 0);
}

static gint64
insert_partner (PdPortalSeed *seed,
                const char   *name,
                const char   *country)
{
  g_autofree char *created = pd_portal_time_format (seed->now_usec - (gint64) 400 * 86400 * G_USEC_PER_SEC);
  sqlite3_stmt *stmt = pd_portal_db_stmt (seed->portal,
      "INSERT INTO partners (name, default_country, created_at, updated_at) VALUES (?1, ?2, ?3, ?3) RETURNING id");

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, country, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, created, -1, SQLITE_STATIC);
  return pd_portal_db_scalar (seed->portal, stmt, 0);
}

static gint64
insert_user (PdPortalSeed *seed,
             gint64        partner_id,
             const char   *email,
             const char   *name,
             gint64        role_id,
             const char   *mfa_secret)
{
  g_autofree char *salt = g_strdup_printf ("%016" G_GINT64_MODIFIER "x", pd_seed_next (seed));
  g_autofree char *hash = pd_portal_password_hash (PD_SEED_PASSWORD, salt);
  g_autofree char *created = pd_seed_time_ago (seed, 30 * 86400, 380 * 86400);
  g_autofree char *signed_in = pd_seed_time_ago (seed, 600, 20 * 86400);
  sqlite3_stmt *stmt = pd_portal_db_stmt (seed->portal,
      "INSERT INTO users (partner_id, email, name, role_id, password_hash, password_salt, mfa_secret, "
      "last_sign_in_at, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9) RETURNING id");

  sqlite3_bind_int64 (stmt, 1, partner_id);
  sqlite3_bind_text (stmt, 2, email, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, role_id);
  sqlite3_bind_text (stmt, 5, hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, salt, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, mfa_secret, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, signed_in, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, created, -1, SQLITE_STATIC);
  return pd_portal_db_scalar (seed->portal, stmt, 0);
}

static void
insert_demo_key (PdPortalSeed *seed,
                 const char   *role,
                 gint64        user_id,
                 const char   *email)
{
  g_autofree char *key = pd_portal_create_api_key (seed->portal, user_id, "Demo key", NULL);
  sqlite3_stmt *stmt = pd_portal_db_stmt (seed->portal,
      "INSERT INTO demo_keys (role, api_key, email) VALUES (?1, ?2, ?3)");

  sqlite3_bind_text (stmt, 1, role, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, email, -1, SQLITE_STATIC);
  pd_portal_db_step_done (seed->portal, stmt);
}

void
pd_seed_identity (PdPortalSeed *seed)
{
  static const struct { const char *email; const char *name; const char *role; } demo_users[PD_SEED_N_USERS] = {
    { "owner@northwind-it.example", "Olivia Owens", "owner" },
    { "super.admin@northwind-it.example", "Samuel Adeyemi", "super_admin" },
    { "admin@northwind-it.example", "Ana Duarte", "admin" },
    { "support@northwind-it.example", "Kenji Sato", "support" },
    { "finance@northwind-it.example", "Fatima Haddad", "finance" },
    { "technician@northwind-it.example", "Tomas Novak", "technician" },
    { "scoped.admin@northwind-it.example", "Greta Lindqvist", "admin" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (builtin_roles); i++)
    insert_role (seed, 0, builtin_roles[i].key, builtin_roles[i].name, builtin_roles[i].description,
                 builtin_roles[i].rank, builtin_roles[i].permissions, TRUE);

  seed->partner_id = insert_partner (seed, "Northwind IT Services", "US");
  seed->other_partner_id = insert_partner (seed, "Bluewater Reseller GmbH", "DE");

  seed->custom_role_id = insert_role (seed, seed->partner_id, "onboarding", "Onboarding specialist",
                                      "Creates organizations and authorizes services, nothing else.", 55,
                                      "partner.read organizations.read organizations.write services.authorize "
                                      "accounts.read accounts.protect dashboard.read api_keys.manage", FALSE);

  for (guint i = 0; i < PD_SEED_N_USERS; i++)
    {
      seed->users[i] = insert_user (seed, seed->partner_id, demo_users[i].email, demo_users[i].name,
                                    role_id_for (seed->portal, demo_users[i].role), NULL);
      insert_demo_key (seed, pd_seed_user_keys[i], seed->users[i], demo_users[i].email);
    }

  seed->mfa_user_id = insert_user (seed, seed->partner_id, "mfa@northwind-it.example", "Mira Fischer",
                                   role_id_for (seed->portal, "admin"), PD_SEED_MFA_SECRET);
  insert_user (seed, seed->partner_id, "onboarding@northwind-it.example", "Omar Farouk", seed->custom_role_id, NULL);

  /* The same e-mail in two partners: the sign-in page shows an account picker. */
  insert_user (seed, seed->other_partner_id, demo_users[PD_SEED_OWNER].email, "Olivia Owens",
               role_id_for (seed->portal, "admin"), NULL);
  insert_user (seed, seed->other_partner_id, "owner@bluewater.example", "Bernd Wasser",
               role_id_for (seed->portal, "owner"), NULL);
}

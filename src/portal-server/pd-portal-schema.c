/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "pd-portal-db.h"

/* The tables several modules share. Feature modules add their own tables in their
 * PdPortalModule.schema. Times are RFC 3339 text (see pd_portal_now()). */
const char pd_portal_schema_sql[] =
  "PRAGMA foreign_keys = ON;\n"

  /* Identity */
  "CREATE TABLE IF NOT EXISTS partners ("
  "  id INTEGER PRIMARY KEY, name TEXT NOT NULL, default_country TEXT NOT NULL DEFAULT 'US',"
  "  report_period TEXT NOT NULL DEFAULT 'monthly',"
  "  version INTEGER NOT NULL DEFAULT 1, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);\n"

  /* Built-in roles have partner_id NULL and key = their public ID. rank orders who may grant what. */
  "CREATE TABLE IF NOT EXISTS roles ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT, partner_id INTEGER REFERENCES partners(id) ON DELETE CASCADE,"
  "  key TEXT NOT NULL, name TEXT NOT NULL, description TEXT NOT NULL DEFAULT '',"
  "  rank INTEGER NOT NULL, builtin INTEGER NOT NULL DEFAULT 0,"
  "  version INTEGER NOT NULL DEFAULT 1, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,"
  "  UNIQUE (partner_id, key));\n"
  "CREATE TABLE IF NOT EXISTS role_permissions ("
  "  role_id INTEGER NOT NULL REFERENCES roles(id) ON DELETE CASCADE, permission TEXT NOT NULL,"
  "  PRIMARY KEY (role_id, permission));\n"

  "CREATE TABLE IF NOT EXISTS users ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT, partner_id INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,"
  "  email TEXT NOT NULL COLLATE NOCASE, name TEXT NOT NULL, role_id INTEGER NOT NULL REFERENCES roles(id),"
  "  status TEXT NOT NULL DEFAULT 'active', password_hash TEXT, password_salt TEXT,"
  "  mfa_secret TEXT, notify_backup_errors INTEGER NOT NULL DEFAULT 1,"
  "  language TEXT NOT NULL DEFAULT 'en', last_sign_in_at TEXT,"
  "  version INTEGER NOT NULL DEFAULT 1, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,"
  "  UNIQUE (partner_id, email));\n"
  "CREATE INDEX IF NOT EXISTS users_email ON users (email);\n"

  "CREATE TABLE IF NOT EXISTS groups ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT, partner_id INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL, description TEXT NOT NULL DEFAULT '',"
  "  version INTEGER NOT NULL DEFAULT 1, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);\n"
  "CREATE TABLE IF NOT EXISTS group_organizations ("
  "  group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,"
  "  organization_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,"
  "  PRIMARY KEY (group_id, organization_id));\n"
  "CREATE TABLE IF NOT EXISTS group_managers ("
  "  group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,"
  "  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
  "  PRIMARY KEY (group_id, user_id));\n"

  /* Credentials: only hashes of tokens and keys are stored. */
  "CREATE TABLE IF NOT EXISTS api_keys ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT, user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL, prefix TEXT NOT NULL, key_hash TEXT NOT NULL UNIQUE,"
  "  last_used_at TEXT, revoked_at TEXT,"
  "  version INTEGER NOT NULL DEFAULT 1, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);\n"
  "CREATE TABLE IF NOT EXISTS access_tokens ("
  "  token_hash TEXT PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
  "  family TEXT NOT NULL, client_id TEXT NOT NULL, expires_at TEXT NOT NULL, revoked INTEGER NOT NULL DEFAULT 0);\n"
  /* The demo keys in plain text, so --write-demo-keys works after a restart (demo data only). */
  "CREATE TABLE IF NOT EXISTS demo_keys (role TEXT PRIMARY KEY, api_key TEXT NOT NULL, email TEXT NOT NULL);\n"

  /* Domain */
  /* AUTOINCREMENT: a deleted organization's ID must never come back, or a client would apply
   * its tombstone to the new one (plain rowids reuse the highest ID after it is deleted). */
  "CREATE TABLE IF NOT EXISTS organizations ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT, partner_id INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL, email TEXT, domain TEXT, status TEXT NOT NULL DEFAULT 'active',"
  "  plan_name TEXT NOT NULL, plan_type TEXT NOT NULL, plan_price_cents INTEGER NOT NULL DEFAULT 0,"
  "  currency TEXT NOT NULL DEFAULT 'USD', region TEXT NOT NULL DEFAULT 'us', country TEXT NOT NULL DEFAULT 'US',"
  "  credential_status TEXT NOT NULL DEFAULT 'ok', relationship TEXT NOT NULL DEFAULT 'msp',"
  "  mapping_status TEXT NOT NULL DEFAULT 'mapped', mapped_service_account TEXT,"
  "  admin_access INTEGER NOT NULL DEFAULT 0, storage_bytes INTEGER NOT NULL DEFAULT 0,"
  "  version INTEGER NOT NULL DEFAULT 1, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);\n"
  "CREATE INDEX IF NOT EXISTS organizations_partner ON organizations (partner_id, id);\n"
  "CREATE INDEX IF NOT EXISTS organizations_updated ON organizations (partner_id, updated_at);\n"

  /* One protected SaaS application of an organization. Seat and account status counters
   * are kept in step with the accounts table by the accounts module. */
  "CREATE TABLE IF NOT EXISTS services ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT, organization_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,"
  "  suite TEXT NOT NULL, application TEXT NOT NULL, management_mode TEXT NOT NULL DEFAULT 'partner',"
  "  authorization_state TEXT NOT NULL DEFAULT 'unauthorized',"
  "  backup_status TEXT NOT NULL DEFAULT 'never_run', last_backup_at TEXT, next_backup_at TEXT,"
  "  jobs_success INTEGER NOT NULL DEFAULT 0, jobs_running INTEGER NOT NULL DEFAULT 0,"
  "  jobs_retrying INTEGER NOT NULL DEFAULT 0, jobs_failed INTEGER NOT NULL DEFAULT 0,"
  "  seats_total INTEGER NOT NULL DEFAULT 0, seats_managed INTEGER NOT NULL DEFAULT 0,"
  "  seats_unprotected INTEGER NOT NULL DEFAULT 0, storage_bytes INTEGER NOT NULL DEFAULT 0,"
  "  accounts_active INTEGER NOT NULL DEFAULT 0, accounts_deactivated INTEGER NOT NULL DEFAULT 0,"
  "  accounts_deleted INTEGER NOT NULL DEFAULT 0,"
  "  version INTEGER NOT NULL DEFAULT 1, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,"
  "  UNIQUE (organization_id, application));\n"

  "CREATE TABLE IF NOT EXISTS accounts ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT, service_id INTEGER NOT NULL REFERENCES services(id) ON DELETE CASCADE,"
  "  organization_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL, display_name TEXT NOT NULL, email TEXT, external_id TEXT NOT NULL,"
  "  protection TEXT NOT NULL DEFAULT 'unprotected', status TEXT NOT NULL DEFAULT 'active',"
  "  storage_bytes INTEGER NOT NULL DEFAULT 0, item_count INTEGER NOT NULL DEFAULT 0,"
  "  version INTEGER NOT NULL DEFAULT 1, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);\n"
  "CREATE INDEX IF NOT EXISTS accounts_service ON accounts (service_id, id);\n"
  /* Per data type: email, drive, calendar, contacts, tasks. */
  "CREATE TABLE IF NOT EXISTS account_sections ("
  "  account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE, data_type TEXT NOT NULL,"
  "  status TEXT NOT NULL, added_at TEXT, last_backup_at TEXT, last_result TEXT,"
  "  PRIMARY KEY (account_id, data_type));\n"

  /* Bookkeeping */
  "CREATE TABLE IF NOT EXISTS tombstones ("
  "  id INTEGER PRIMARY KEY, partner_id INTEGER NOT NULL, kind TEXT NOT NULL, public_id TEXT NOT NULL,"
  "  organization_id INTEGER, parent_id TEXT, deleted_at TEXT NOT NULL);\n"
  "CREATE INDEX IF NOT EXISTS tombstones_kind ON tombstones (partner_id, kind, deleted_at);\n"
  /* "credential" holds the scope of a key: the partner user (usr_<id>@ptn_<id>). */
  "CREATE TABLE IF NOT EXISTS idempotency ("
  "  credential TEXT NOT NULL, key TEXT NOT NULL, method TEXT NOT NULL, path TEXT NOT NULL,"
  "  body_hash TEXT NOT NULL, status INTEGER NOT NULL, content_type TEXT, etag TEXT, location TEXT,"
  "  body BLOB, created_at TEXT NOT NULL, PRIMARY KEY (credential, key));\n"
  "CREATE TABLE IF NOT EXISTS audit_log ("
  "  id INTEGER PRIMARY KEY, partner_id INTEGER NOT NULL REFERENCES partners(id) ON DELETE CASCADE,"
  "  user_id INTEGER, actor_email TEXT, action TEXT NOT NULL, target_type TEXT NOT NULL,"
  "  target_id TEXT, organization_id INTEGER, summary TEXT NOT NULL, request_id TEXT,"
  "  created_at TEXT NOT NULL);\n"
  "CREATE INDEX IF NOT EXISTS audit_partner ON audit_log (partner_id, id);\n";

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <errno.h>
#include <sys/random.h>
#include <unistd.h>

#include "pd-portal.h"
#include "pd-portal-db.h"
#include "pd-portal-faults.h"
#include "pd-portal-http.h"
#include "pd-portal-modules.h"
#include "pd-portal-router.h"

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

PdPortal *
pd_portal_new (void)
{
  PdPortal *portal = g_new0 (PdPortal, 1);

  portal->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  portal->routes = g_ptr_array_new_with_free_func (pd_portal_route_free);
  portal->rand = g_rand_new ();
  portal->buckets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  portal->time_scale = 1.0;
  portal->max_body = 1024 * 1024;
  portal->access_token_lifetime = PD_OAUTH_ACCESS_TOKEN_LIFETIME;
  return portal;
}

void
pd_portal_free (PdPortal *portal)
{
  if (portal == NULL)
    return;
  g_clear_handle_id (&portal->simulate_source, g_source_remove);
  g_clear_object (&portal->server);
  g_clear_pointer (&portal->statements, g_hash_table_unref);
  if (portal->db != NULL)
    sqlite3_close (portal->db);
  g_clear_pointer (&portal->routes, g_ptr_array_unref);
  g_clear_pointer (&portal->rand, g_rand_free);
  g_clear_pointer (&portal->faults, pd_portal_faults_free);
  g_clear_pointer (&portal->buckets, g_hash_table_unref);
  g_free (portal->base_url);
  g_free (portal);
}

/* casefold(text): Unicode case folding for case-insensitive search beyond ASCII. */
static void
sql_casefold (sqlite3_context  *context,
              int               argc,
              sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  char *folded;

  if (text == NULL)
    {
      sqlite3_result_null (context);
      return;
    }
  folded = g_utf8_validate (text, -1, NULL) ? g_utf8_casefold (text, -1) : g_ascii_strdown (text, -1);
  sqlite3_result_text (context, folded, -1, g_free);
}

gboolean
pd_portal_open_database (PdPortal    *portal,
                         const char  *path,
                         GError     **error)
{
  gboolean in_memory = path == NULL || *path == '\0';

  if (sqlite3_open_v2 (in_memory ? ":memory:" : path, &portal->db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      g_set_error (error, PD_PORTAL_DB_ERROR, 0, "Cannot open the database “%s”: %s",
                   path, portal->db ? sqlite3_errmsg (portal->db) : "out of memory");
      return FALSE;
    }
  sqlite3_busy_timeout (portal->db, 5000);
  sqlite3_create_function (portal->db, "casefold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                           sql_casefold, NULL, NULL);

  if (!pd_portal_db_exec (portal, in_memory ? "PRAGMA journal_mode = MEMORY"
                                            : "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL", error) ||
      !pd_portal_db_exec (portal, pd_portal_schema_sql, error))
    {
      g_prefix_error (error, "Cannot use the database “%s”: ", in_memory ? ":memory:" : path);
      return FALSE;
    }

  for (guint i = 0; pd_portal_modules[i] != NULL; i++)
    if (pd_portal_modules[i]->schema != NULL &&
        !pd_portal_db_exec (portal, pd_portal_modules[i]->schema, error))
      {
        g_prefix_error (error, "Schema of %s: ", pd_portal_modules[i]->name);
        return FALSE;
      }
  return TRUE;
}

gboolean
pd_portal_seed_if_empty (PdPortal  *portal,
                         guint      n_organizations,
                         GError   **error)
{
  PdPortalSeed seed = { 0 };

  if (pd_portal_db_scalar (portal, pd_portal_db_stmt (portal, "SELECT count(*) FROM partners"), 0) > 0)
    return TRUE;

  seed.portal = portal;
  seed.n_organizations = n_organizations;
  seed.state = 0x9E3779B97F4A7C15ull ^ n_organizations;
  seed.now_usec = g_get_real_time ();

  pd_portal_db_begin (portal);
  pd_seed_identity (&seed);
  for (guint i = 0; pd_portal_modules[i] != NULL; i++)
    if (pd_portal_modules[i]->seed != NULL)
      pd_portal_modules[i]->seed (&seed);
  pd_portal_db_commit (portal);
  return TRUE;
}

static char *
demo_keys_json (PdPortal *portal)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  sqlite3_stmt *stmt = pd_portal_db_stmt (portal, "SELECT role, api_key FROM demo_keys ORDER BY rowid");

  json_builder_begin_object (builder);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      json_builder_set_member_name (builder, pd_portal_db_text (stmt, 0));
      json_builder_add_string_value (builder, pd_portal_db_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

gboolean
pd_portal_write_demo_keys (PdPortal    *portal,
                           const char  *path,
                           GError     **error)
{
  g_autofree char *text = demo_keys_json (portal);

  /* The keys are secrets: only the owner may read the file. */
  if (!g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return FALSE;
  return TRUE;
}

/* For a parent that must not leave the keys in any file (the app's demo mode): the JSON goes
 * into an inherited descriptor, usually a pipe, which is then closed so the reader sees the
 * end of it. */
gboolean
pd_portal_write_demo_keys_fd (PdPortal    *portal,
                              int          fd,
                              GError     **error)
{
  g_autofree char *text = demo_keys_json (portal);
  gsize length = strlen (text);
  gsize written = 0;

  while (written < length)
    {
      gssize n = write (fd, text + written, length - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          close (fd);
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       "--demo-keys-fd %d: %s", fd, g_strerror (saved));
          return FALSE;
        }
      written += (gsize) n;
    }
  if (close (fd) < 0)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                   "--demo-keys-fd %d: %s", fd, g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

void
pd_portal_register_routes (PdPortal *portal)
{
  for (guint i = 0; pd_portal_modules[i] != NULL; i++)
    if (pd_portal_modules[i]->register_routes != NULL)
      pd_portal_modules[i]->register_routes (portal);
}

char *
pd_portal_time_format (gint64 unix_usec)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (unix_usec / G_USEC_PER_SEC);
  g_autofree char *seconds = g_date_time_format (time, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%06" G_GINT64_FORMAT "Z", seconds, unix_usec % G_USEC_PER_SEC);
}

char *
pd_portal_now (void)
{
  /* Strictly increasing, so two changes never share a timestamp. */
  static gint64 last;
  gint64 now = g_get_real_time ();

  if (now <= last)
    now = last + 1;
  last = now;
  return pd_portal_time_format (now);
}

gboolean
pd_portal_time_parse (const char *text,
                      gint64     *unix_usec)
{
  g_autoptr(GDateTime) time = NULL;

  if (text == NULL || strlen (text) < 20 || strlen (text) > 40 || text[10] != 'T')
    return FALSE;
  time = g_date_time_new_from_iso8601 (text, NULL);
  if (time == NULL)
    return FALSE;
  *unix_usec = g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
  return TRUE;
}

char *
pd_portal_id_format (const char *prefix,
                     gint64      rowid)
{
  return g_strdup_printf ("%s_%" G_GINT64_FORMAT, prefix, rowid);
}

gboolean
pd_portal_id_parse (const char *prefix,
                    const char *id,
                    gint64     *rowid)
{
  gsize prefix_len = strlen (prefix);
  guint64 value;

  if (id == NULL || strncmp (id, prefix, prefix_len) != 0 || id[prefix_len] != '_')
    return FALSE;
  if (!g_ascii_string_to_unsigned (id + prefix_len + 1, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  *rowid = (gint64) value;
  return TRUE;
}

char *
pd_portal_random_token (const char *prefix,
                        gsize       n_bytes)
{
  g_autofree guchar *bytes = g_malloc (n_bytes);
  GString *token = g_string_new (prefix);
  static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  gsize got = 0;

  while (got < n_bytes)
    {
      ssize_t n = getrandom (bytes + got, n_bytes - got, 0);
      if (n < 0 && errno != EINTR)
        g_error ("getrandom: %s", g_strerror (errno));
      if (n > 0)
        got += (gsize) n;
    }
  /* 62 symbols: a slight bias, irrelevant at 24+ bytes of entropy per token. */
  for (gsize i = 0; i < n_bytes; i++)
    g_string_append_c (token, alphabet[bytes[i] % 62]);
  return g_string_free (token, FALSE);
}

char *
pd_portal_sha256_hex (const char *text)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

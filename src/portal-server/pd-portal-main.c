/* SPDX-License-Identifier: GPL-3.0-or-later */
/* partner-desk-portal: the reference partner portal (see README.md and docs/portal-api.md). */
#include "config.h"

#include <glib-unix.h>
#include <locale.h>
#include <stdio.h>

#include "pd-portal.h"
#include "pd-portal-faults.h"
#include "pd-portal-http.h"
#include "pd-portal-simulate.h"

typedef struct {
  char    *listen;
  char    *database;
  int      seed;
  gboolean simulate;
  double   time_scale;
  char    *faults;
  char    *tls_cert;
  char    *tls_key;
  char    *demo_keys;
  int      demo_keys_fd;
  double   rate_limit;
  int      access_token_lifetime;
  gboolean version;
} Options;

static gboolean
on_signal (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

static GSocketAddress *
parse_listen (const char  *text,
              GError     **error)
{
  g_autoptr(GSocketConnectable) address = g_network_address_parse (text, 0, error);
  g_autoptr(GInetAddress) inet = NULL;

  if (address == NULL)
    return NULL;
  inet = g_inet_address_new_from_string (g_network_address_get_hostname (G_NETWORK_ADDRESS (address)));
  if (inet == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--listen needs a numeric address and a port, e.g. 127.0.0.1:8080, not “%s”", text);
      return NULL;
    }
  return g_inet_socket_address_new (inet, g_network_address_get_port (G_NETWORK_ADDRESS (address)));
}

static gboolean
start (PdPortal  *portal,
       Options   *options,
       GError   **error)
{
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  GSList *uris;
  g_autofree char *uri = NULL;

  if (options->faults != NULL && (portal->faults = pd_portal_faults_parse (options->faults, error)) == NULL)
    return FALSE;
  if ((options->tls_cert == NULL) != (options->tls_key == NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "--tls-cert and --tls-key go together");
      return FALSE;
    }
  if (options->tls_cert != NULL &&
      (certificate = g_tls_certificate_new_from_files (options->tls_cert, options->tls_key, error)) == NULL)
    return FALSE;
  if ((address = parse_listen (options->listen, error)) == NULL)
    return FALSE;

  if (!pd_portal_open_database (portal, options->database, error) ||
      !pd_portal_seed_if_empty (portal, (guint) options->seed, error))
    return FALSE;
  if (options->demo_keys != NULL && !pd_portal_write_demo_keys (portal, options->demo_keys, error))
    return FALSE;
  if (options->demo_keys_fd >= 0 && !pd_portal_write_demo_keys_fd (portal, options->demo_keys_fd, error))
    return FALSE;

  portal->rate_limit = options->rate_limit;
  portal->access_token_lifetime = options->access_token_lifetime;
  portal->time_scale = options->time_scale;
  portal->server = soup_server_new ("server-header", "partner-desk-portal/" PACKAGE_VERSION " ",
                                    "tls-certificate", certificate,
                                    NULL);
  pd_portal_register_routes (portal);
  pd_portal_http_attach (portal);
  if (!soup_server_listen (portal->server, address, certificate ? SOUP_SERVER_LISTEN_HTTPS : 0, error))
    return FALSE;

  uris = soup_server_get_uris (portal->server);
  uri = g_uri_to_string_partial (uris->data, G_URI_HIDE_PASSWORD);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  if (g_str_has_suffix (uri, "/"))
    uri[strlen (uri) - 1] = '\0';
  portal->base_url = g_strdup (uri);

  if (options->simulate)
    pd_portal_simulate_start (portal);

  /* The first line is the contract with whoever started us (tests, demo mode). */
  printf ("listening on %s\n", uri);
  fflush (stdout);
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  Options options = { .seed = 60, .time_scale = 60.0, .rate_limit = 100.0, .demo_keys_fd = -1,
                     .access_token_lifetime = PD_OAUTH_ACCESS_TOKEN_LIFETIME };
  GOptionEntry entries[] = {
    { "listen", 0, 0, G_OPTION_ARG_STRING, &options.listen, "Address and port to listen on (default 127.0.0.1:0, any free port)", "ADDR:PORT" },
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &options.database, "SQLite database file (default: in memory)", "FILE" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &options.seed, "Number of demo organizations for a new database (default 60)", "N" },
    { "simulate", 0, 0, G_OPTION_ARG_NONE, &options.simulate, "Simulate backup activity over time", NULL },
    { "time-scale", 0, 0, G_OPTION_ARG_DOUBLE, &options.time_scale, "Simulated seconds per real second (default 60)", "FACTOR" },
    { "faults", 0, 0, G_OPTION_ARG_STRING, &options.faults, "Inject faults, e.g. latency=0.2:50-300,error=0.05,reset=0.01", "SPEC" },
    { "rate-limit", 0, 0, G_OPTION_ARG_DOUBLE, &options.rate_limit, "Requests per second per credential, 0 for none (default 100)", "N" },
    { "access-token-lifetime", 0, 0, G_OPTION_ARG_INT, &options.access_token_lifetime, "Seconds an OAuth access token lives (default 3600)", "SECONDS" },
    { "tls-cert", 0, 0, G_OPTION_ARG_FILENAME, &options.tls_cert, "Serve HTTPS with this PEM certificate", "FILE" },
    { "tls-key", 0, 0, G_OPTION_ARG_FILENAME, &options.tls_key, "The certificate's PEM private key", "FILE" },
    { "write-demo-keys", 0, 0, G_OPTION_ARG_FILENAME, &options.demo_keys, "Write the demo API keys by role as JSON", "FILE" },
    { "demo-keys-fd", 0, 0, G_OPTION_ARG_INT, &options.demo_keys_fd, "Write the demo API keys as JSON to this inherited descriptor, then close it", "FD" },
    { "version", 0, 0, G_OPTION_ARG_NONE, &options.version, "Print the version and exit", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— the reference Partner Portal");
  g_autoptr(GError) error = NULL;
  g_autoptr(PdPortal) portal = NULL;
  g_autoptr(GMainLoop) loop = NULL;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("partner-desk-portal: %s\n", error->message);
      return 2;
    }
  if (options.version)
    {
      printf ("partner-desk-portal %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (options.seed < 1 || options.seed > 100000 || options.time_scale <= 0 || options.rate_limit < 0 ||
      options.access_token_lifetime < 1 || options.access_token_lifetime > 86400)
    {
      g_printerr ("partner-desk-portal: --seed takes 1 to 100000, --time-scale a positive factor, "
                  "--rate-limit 0 or more, --access-token-lifetime 1 to 86400 seconds\n");
      return 2;
    }
  if (options.demo_keys_fd >= 0 && options.demo_keys_fd < 3)
    {
      g_printerr ("partner-desk-portal: --demo-keys-fd takes an inherited descriptor, 3 or more\n");
      return 2;
    }
  if (options.listen == NULL)
    options.listen = g_strdup ("127.0.0.1:0");

  /* Before "listening on": whoever reads that line may stop us at once. */
  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGINT, on_signal, loop);
  g_unix_signal_add (SIGTERM, on_signal, loop);

  portal = pd_portal_new ();
  if (!start (portal, &options, &error))
    {
      g_printerr ("partner-desk-portal: %s\n", error->message);
      return 1;
    }

  g_main_loop_run (loop);

  g_free (options.listen);
  g_free (options.database);
  g_free (options.faults);
  g_free (options.tls_cert);
  g_free (options.tls_key);
  g_free (options.demo_keys);
  return 0;
}

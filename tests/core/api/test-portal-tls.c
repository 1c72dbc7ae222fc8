/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HTTPS: the system's trust store, an extra CA file, and what is refused. The certificates
 * are made for each run by make-test-certs.sh. */
#include "pd-api-test.h"

#include <glib/gstdio.h>

static char *cert_dir;

static char *
cert (const char *name)
{
  return g_build_filename (cert_dir, name, NULL);
}

static PdTestPortal *
start_https (const char *leaf)
{
  g_autofree char *cert_name = g_strconcat (leaf, ".pem", NULL);
  g_autofree char *key_name = g_strconcat (leaf, "-key.pem", NULL);
  g_autofree char *cert_path = cert (cert_name);
  g_autofree char *key_path = cert (key_name);
  PdTestPortal *portal = pd_test_portal_start ((const char *[]) { "--seed", "2", "--tls-cert", cert_path,
                                                                  "--tls-key", key_path, NULL });

  g_assert_true (g_str_has_prefix (pd_test_portal_get_url (portal), "https://127.0.0.1:"));
  return portal;
}

/* GET /api/v1/me on @portal trusting @ca_name in addition to the system */
static PdPortalResponse *
get_me (PdTestPortal  *portal,
        const char    *ca_name,
        GError       **error)
{
  g_autofree char *ca_path = ca_name != NULL ? cert (ca_name) : NULL;
  g_autoptr(PdPortalClient) client = pd_portal_client_new (pd_test_portal_get_url (portal), ca_path, error);
  g_autoptr(PdTestAuth) auth = pd_test_auth_new ((const char *[]) { pd_test_portal_get_key (portal, "admin"), NULL });
  g_autoptr(PdPortalRequest) request = pd_portal_request_new ("GET", "/api/v1/me");

  g_assert_nonnull (client);
  pd_portal_client_set_auth (client, PD_PORTAL_AUTH (auth));
  pd_portal_client_set_retry_limits (client, 3, 10);
  return pd_api_test_send (client, request, NULL, error);
}

static void
test_untrusted (void)
{
  g_autoptr(PdTestPortal) portal = start_https ("server");
  g_autoptr(PdPortalResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  response = get_me (portal, NULL, &error);
  g_assert_error (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_TLS);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "127.0.0.1"));
  g_assert_nonnull (strstr (error->message, "unknown authority"));
  g_clear_error (&error);

  /* An authority that did not sign it adds nothing. */
  response = get_me (portal, "other-ca.pem", &error);
  g_assert_error (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_TLS);
  g_assert_nonnull (strstr (error->message, "unknown authority"));
}

static void
test_extra_ca (void)
{
  g_autoptr(PdTestPortal) portal = start_https ("server");
  g_autoptr(PdTestPortal) self_signed = start_https ("self");
  g_autoptr(PdPortalResponse) response = NULL;
  g_autoptr(PdPortalResponse) again = NULL;
  g_autoptr(GError) error = NULL;

  response = get_me (portal, "ca.pem", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pd_portal_response_get_status (response), ==, 200);

  /* The guide's way: the self-signed certificate itself as the extra CA */
  again = get_me (self_signed, "self.pem", &error);
  g_assert_no_error (error);
  g_assert_nonnull (pd_portal_response_get_root (again));
}

static void
test_wrong_host (void)
{
  g_autoptr(PdTestPortal) portal = start_https ("wrong");
  g_autoptr(PdPortalResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  /* Signed by the trusted CA, but for another name: still refused. */
  response = get_me (portal, "ca.pem", &error);
  g_assert_error (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_TLS);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "127.0.0.1"));
  g_assert_nonnull (strstr (error->message, "different name"));
}

static void
test_bad_ca_file (void)
{
  g_autofree char *missing = cert ("missing.pem");
  g_autofree char *not_pem = cert ("not-pem.pem");
  g_autofree char *broken = cert ("broken.pem");
  g_autoptr(GError) error = NULL;
  g_autoptr(PdPortalClient) client = NULL;

  client = pd_portal_client_new ("https://portal.example", missing, &error);
  g_assert_error (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_TLS);
  g_assert_nonnull (strstr (error->message, missing));
  g_assert_null (client);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (not_pem, "just text\n", -1, NULL));
  client = pd_portal_client_new ("https://portal.example", not_pem, &error);
  g_assert_error (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_TLS);
  g_assert_nonnull (strstr (error->message, "PEM"));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (broken, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
                                      -1, NULL));
  client = pd_portal_client_new ("https://portal.example", broken, &error);
  g_assert_error (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_TLS);
  g_assert_null (client);
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);

      g_unlink (file);
    }
  g_rmdir (path);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *script = NULL;
  int status, result;

  g_test_init (&argc, &argv, NULL);

  cert_dir = g_dir_make_tmp ("pd-test-tls-XXXXXX", &error);
  g_assert_no_error (error);
  script = g_build_filename (g_getenv ("PD_SOURCE_ROOT"), "tests", "core", "api", "make-test-certs.sh", NULL);
  g_spawn_sync (NULL, (char *[]) { "sh", script, cert_dir, NULL }, NULL, G_SPAWN_SEARCH_PATH,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  g_test_add_func ("/api/tls/untrusted", test_untrusted);
  g_test_add_func ("/api/tls/extra-ca", test_extra_ca);
  g_test_add_func ("/api/tls/wrong-host", test_wrong_host);
  g_test_add_func ("/api/tls/bad-ca-file", test_bad_ca_file);

  result = g_test_run ();
  remove_dir (cert_dir);
  g_free (cert_dir);
  return result;
}

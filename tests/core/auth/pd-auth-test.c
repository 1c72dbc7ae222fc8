/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "pd-auth-test.h"

#include <libsoup/soup.h>
#include <string.h>

static char *
find_value (const char *html,
            const char *name)
{
  g_autofree char *pattern = g_strdup_printf ("name=\"%s\" value=\"([^\"]*)\"", name);
  g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (!g_regex_match (regex, html, 0, &match))
    return NULL;
  return g_match_info_fetch (match, 1);
}

/* POSTs the sign-in form without following the redirect: returns the Location, or NULL with
 * the next page in @page. */
static char *
post_form (SoupSession  *session,
           const char   *url,
           GHashTable   *form,
           char        **page,
           GError      **error)
{
  g_autoptr(SoupMessage) msg = soup_message_new_from_encoded_form ("POST", url, soup_form_encode_hash (form));
  g_autoptr(GBytes) body = NULL;
  guint status;

  soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT);
  body = soup_session_send_and_read (session, msg, NULL, error);
  if (body == NULL)
    return NULL;
  status = soup_message_get_status (msg);
  if (SOUP_STATUS_IS_REDIRECTION (status))
    return g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (msg), "Location"));
  *page = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  return NULL;
}

static char *
replace_state (const char *location)
{
  g_autoptr(GRegex) regex = g_regex_new ("state=[^&]*", 0, 0, NULL);

  return g_regex_replace_literal (regex, location, -1, 0, "state=someone-elses-state", 0, NULL);
}

static gpointer
browser_thread (gpointer data)
{
  PdTestBrowser *browser = data;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_steal_pointer (&browser->start_uri);
  g_autofree char *page = NULL;
  g_autofree char *location = NULL;
  g_autofree char *flow = NULL;
  g_autofree char *post_url = NULL;

  g_main_context_push_thread_default (context);
  session = soup_session_new ();

  msg = soup_message_new ("GET", uri);
  body = soup_session_send_and_read (session, msg, NULL, &error);
  if (body == NULL || soup_message_get_status (msg) != 200)
    {
      browser->failure = g_strdup_printf ("GET authorize: %s", error ? error->message : "not 200");
      goto out;
    }
  page = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  flow = find_value (page, "flow");
  if (flow == NULL)
    {
      browser->failure = g_strdup ("no flow field on the sign-in page");
      goto out;
    }
  post_url = g_uri_resolve_relative (uri, "/oauth/authorize", G_URI_FLAGS_NONE, NULL);

  for (guint round = 0; round < 4 && location == NULL; round++)
    {
      g_autoptr(GHashTable) form = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
      g_autofree char *step = find_value (page, "step");

      g_hash_table_insert (form, "flow", g_strdup (flow));
      g_hash_table_insert (form, "step", g_strdup (step));
      if (browser->action == PD_TEST_BROWSER_CANCEL)
        g_hash_table_insert (form, "action", g_strdup ("cancel"));
      else if (g_strcmp0 (step, "credentials") == 0)
        {
          g_hash_table_insert (form, "email", g_strdup (browser->email));
          g_hash_table_insert (form, "password", g_strdup ("demo-password"));
        }
      else if (g_strcmp0 (step, "totp") == 0)
        g_hash_table_insert (form, "code", pd_test_totp_now (browser->totp_secret));
      else if (g_strcmp0 (step, "account") == 0)
        g_hash_table_insert (form, "account", g_strdup (browser->account));
      else
        {
          browser->failure = g_strdup_printf ("unknown step %s", step);
          goto out;
        }
      g_clear_pointer (&page, g_free);
      location = post_form (session, post_url, form, &page, &error);
      if (location == NULL && page == NULL)
        {
          browser->failure = g_strdup_printf ("POST authorize: %s", error ? error->message : "?");
          goto out;
        }
    }
  if (location == NULL)
    {
      browser->failure = g_strdup ("the portal never redirected back");
      goto out;
    }
  if (browser->action == PD_TEST_BROWSER_WRONG_STATE)
    {
      char *tampered = replace_state (location);

      g_free (location);
      location = tampered;
    }

  /* Back to the app's loopback listener, as the browser follows the redirect. */
  g_clear_object (&msg);
  g_clear_pointer (&body, g_bytes_unref);
  msg = soup_message_new ("GET", location);
  body = soup_session_send_and_read (session, msg, NULL, &error);
  if (body == NULL)
    {
      browser->failure = g_strdup_printf ("GET loopback: %s", error->message);
      goto out;
    }
  browser->final_status = soup_message_get_status (msg);
  browser->final_body = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));

out:
  g_clear_object (&session);
  g_main_context_pop_thread_default (context);
  g_atomic_int_set (&browser->done, TRUE);
  g_main_context_wakeup (NULL);
  return NULL;
}

void
pd_test_browser_open (const char *uri,
                      gpointer    user_data)
{
  PdTestBrowser *browser = user_data;

  g_assert_null (browser->thread);
  if (browser->action == PD_TEST_BROWSER_IDLE)
    {
      browser->done = TRUE;
      return;
    }
  browser->start_uri = g_strdup (uri);
  {
    g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_ENCODED_QUERY, NULL);
    g_autoptr(GHashTable) query = NULL;

    g_assert_nonnull (parsed);
    query = g_uri_parse_params (g_uri_get_query (parsed), -1, "&", G_URI_PARAMS_NONE, NULL);
    g_assert_nonnull (query);
    browser->redirect_uri = g_strdup (g_hash_table_lookup (query, "redirect_uri"));
  }
  browser->thread = g_thread_new ("test-browser", browser_thread, browser);
}

void
pd_test_browser_wait (PdTestBrowser *browser)
{
  while (!g_atomic_int_get (&browser->done))
    g_main_context_iteration (NULL, TRUE);
  if (browser->thread != NULL)
    g_thread_join (g_steal_pointer (&browser->thread));
}

void
pd_test_browser_finish (PdTestBrowser *browser)
{
  pd_test_browser_wait (browser);
  g_clear_pointer (&browser->start_uri, g_free);
  g_clear_pointer (&browser->redirect_uri, g_free);
  g_clear_pointer (&browser->final_body, g_free);
  g_clear_pointer (&browser->failure, g_free);
}

gboolean
pd_test_keyring_ready (void)
{
  if (g_getenv ("PD_TEST_SESSION") == NULL)
    {
      g_test_skip ("needs the keyring of build-aux/test-session");
      return FALSE;
    }
  return TRUE;
}

static gsize
base32_decode (const char *text,
               guint8     *out,
               gsize       max)
{
  static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  guint32 buffer = 0;
  int bits = 0;
  gsize len = 0;

  for (const char *p = text; *p != '\0' && *p != '='; p++)
    {
      const char *at = strchr (alphabet, g_ascii_toupper (*p));

      g_assert_nonnull (at);
      buffer = (buffer << 5) | (guint32) (at - alphabet);
      bits += 5;
      if (bits >= 8)
        {
          g_assert_cmpuint (len, <, max);
          out[len++] = (guint8) (buffer >> (bits - 8));
          bits -= 8;
        }
    }
  return len;
}

char *
pd_test_totp_now (const char *base32_secret)
{
  guint8 key[64];
  gsize key_len = base32_decode (base32_secret, key, sizeof key);
  guint64 step = (guint64) (g_get_real_time () / G_USEC_PER_SEC / 30);
  guint8 counter[8];
  guint8 digest[20];
  gsize digest_len = sizeof digest;
  g_autoptr(GHmac) hmac = g_hmac_new (G_CHECKSUM_SHA1, key, key_len);
  guint offset;
  guint32 code;

  for (int i = 7; i >= 0; i--, step >>= 8)
    counter[i] = (guint8) (step & 0xff);
  g_hmac_update (hmac, counter, sizeof counter);
  g_hmac_get_digest (hmac, digest, &digest_len);
  offset = digest[19] & 0x0f;
  code = ((guint32) (digest[offset] & 0x7f) << 24) | ((guint32) digest[offset + 1] << 16) |
         ((guint32) digest[offset + 2] << 8) | digest[offset + 3];
  return g_strdup_printf ("%06u", code % 1000000);
}

gboolean
pd_test_listening (const char *uri)
{
  g_autoptr(GUri) parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;

  g_assert_nonnull (parsed);
  connection = g_socket_client_connect_to_host (client, "127.0.0.1", (guint16) g_uri_get_port (parsed), NULL, NULL);
  return connection != NULL;
}

static gboolean
on_slept (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
pd_test_sleep (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_slept, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

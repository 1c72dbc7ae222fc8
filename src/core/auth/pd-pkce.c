/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pd-pkce.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

/* Base64 to base64url (RFC 4648 §5), without the padding. */
static char *
to_base64url (const guint8 *data,
              gsize         len)
{
  char *encoded = g_base64_encode (data, len);
  gsize n;

  for (char *p = encoded; *p != '\0'; p++)
    if (*p == '+')
      *p = '-';
    else if (*p == '/')
      *p = '_';
  n = strlen (encoded);
  while (n > 0 && encoded[n - 1] == '=')
    encoded[--n] = '\0';
  return encoded;
}

char *
pd_pkce_random_base64url (gsize    n_bytes,
                          GError **error)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/dev/urandom");
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree guint8 *bytes = g_malloc (n_bytes);
  g_autoptr(GError) local_error = NULL;
  gsize read = 0;
  char *encoded;

  g_return_val_if_fail (n_bytes > 0 && n_bytes <= 96, NULL);

  /* g_random_*() is a Mersenne Twister, predictable from its output: not for secrets. The
   * kernel's pool never blocks once the system has booted, so this read is immediate. */
  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), bytes, n_bytes, &read, NULL, &local_error) ||
      read != n_bytes)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("No random numbers for signing in could be read from the system (%s)."),
                   local_error != NULL ? local_error->message : _("short read"));
      return NULL;
    }
  encoded = to_base64url (bytes, n_bytes);
  memset (bytes, 0, n_bytes);
  return encoded;
}

char *
pd_pkce_new_verifier (GError **error)
{
  /* 32 bytes are 43 base64url characters, the shortest verifier RFC 7636 allows, and the
   * 256 bits it recommends. */
  return pd_pkce_random_base64url (32, error);
}

char *
pd_pkce_new_state (GError **error)
{
  return pd_pkce_random_base64url (16, error);
}

char *
pd_pkce_challenge_s256 (const char *verifier)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize digest_len = sizeof digest;

  g_return_val_if_fail (verifier != NULL, NULL);

  g_checksum_update (checksum, (const guchar *) verifier, -1);
  g_checksum_get_digest (checksum, digest, &digest_len);
  return to_base64url (digest, digest_len);
}

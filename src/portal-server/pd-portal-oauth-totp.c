/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Time-based one-time passwords (RFC 6238) for the sign-in pages' second step. */
#include "pd-portal-oauth-private.h"

#define TOTP_PERIOD  30
#define TOTP_DIGITS  6
#define TOTP_WINDOW  1   /* steps accepted either side of now, for clock drift */

guchar *
pd_portal_base32_decode (const char *text,
                         gsize      *out_len)
{
  static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  GByteArray *bytes = g_byte_array_new ();
  guint32 buffer = 0;
  guint bits = 0;
  gboolean padding = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      const char *found;
      guint8 byte;

      if (*p == ' ' || *p == '-')
        continue;
      if (*p == '=')
        {
          padding = TRUE;
          continue;
        }
      found = padding ? NULL : strchr (alphabet, g_ascii_toupper (*p));
      if (found == NULL)
        {
          g_byte_array_unref (bytes);
          *out_len = 0;
          return NULL;
        }
      buffer = (buffer << 5) | (guint32) (found - alphabet);
      bits += 5;
      if (bits >= 8)
        {
          bits -= 8;
          byte = (guint8) (buffer >> bits);
          g_byte_array_append (bytes, &byte, 1);
        }
    }
  *out_len = bytes->len;
  return g_byte_array_free (bytes, FALSE);
}

static guint
totp_code (const guchar *key,
           gsize         key_len,
           gint64        step)
{
  g_autoptr(GHmac) hmac = g_hmac_new (G_CHECKSUM_SHA1, key, key_len);
  guint8 counter[8];
  guint8 digest[20];
  gsize digest_len = sizeof digest;
  guint offset;
  guint32 value;

  for (guint i = 0; i < 8; i++)
    counter[7 - i] = (guint8) ((guint64) step >> (8 * i));
  g_hmac_update (hmac, counter, sizeof counter);
  g_hmac_get_digest (hmac, digest, &digest_len);

  /* Dynamic truncation (RFC 4226 §5.3). */
  offset = digest[19] & 0x0f;
  value = ((guint32) (digest[offset] & 0x7f) << 24) | ((guint32) digest[offset + 1] << 16) |
          ((guint32) digest[offset + 2] << 8) | (guint32) digest[offset + 3];
  return value % 1000000;
}

gboolean
pd_portal_totp_verify (const char *base32_secret,
                       const char *code,
                       gint64      unix_seconds,
                       gint64     *out_step)
{
  g_autofree guchar *key = NULL;
  gsize key_len = 0;
  guint given = 0;
  guint n_digits = 0;
  gint64 now_step = unix_seconds / TOTP_PERIOD;
  gboolean matched = FALSE;

  if (base32_secret == NULL || code == NULL)
    return FALSE;
  for (const char *p = code; *p != '\0'; p++)
    {
      if (*p == ' ')
        continue;
      if (!g_ascii_isdigit (*p) || ++n_digits > TOTP_DIGITS)
        return FALSE;
      given = given * 10 + (guint) (*p - '0');
    }
  if (n_digits != TOTP_DIGITS)
    return FALSE;
  key = pd_portal_base32_decode (base32_secret, &key_len);
  if (key == NULL || key_len == 0)
    return FALSE;

  /* Every candidate step is computed, so the time taken says nothing about which matched. */
  for (gint64 step = now_step - TOTP_WINDOW; step <= now_step + TOTP_WINDOW; step++)
    if (totp_code (key, key_len, step) == given && !matched)
      {
        matched = TRUE;
        *out_step = step;
      }
  return matched;
}

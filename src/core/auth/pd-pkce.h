/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* PKCE (RFC 7636) for the OAuth sign-in. The random parts come from the kernel's CSPRNG. */

/* 43 characters of the unreserved alphabet (32 random bytes, base64url) */
char *pd_pkce_new_verifier       (GError     **error);
/* BASE64URL(SHA256(verifier)) without padding */
char *pd_pkce_challenge_s256     (const char  *verifier);
/* An unguessable `state` to bind the redirect to this sign-in */
char *pd_pkce_new_state          (GError     **error);
/* @n_bytes random bytes as unpadded base64url */
char *pd_pkce_random_base64url   (gsize        n_bytes,
                                  GError     **error);

G_END_DECLS

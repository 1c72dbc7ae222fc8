/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <libsecret/secret.h>

#include "pd-account-info.h"

G_BEGIN_DECLS

/* The secret of one account in the system keyring (Secret Service, libsecret): its OAuth
 * refresh token or its API key. One schema, PD_CREDENTIALS_SCHEMA_NAME, with the attributes
 * account-id, kind ("refresh-token" / "api-key") and schema-version. Errors are
 * PD_AUTH_ERROR_KEYRING (or G_IO_ERROR_CANCELLED). */
#define PD_CREDENTIALS_SCHEMA_NAME    "io.github.partnerdesk.PartnerDesk.Account"
#define PD_CREDENTIALS_SCHEMA_VERSION 1

typedef enum {
  PD_CREDENTIAL_REFRESH_TOKEN,
  PD_CREDENTIAL_API_KEY,
} PdCredentialKind;

const SecretSchema *pd_credentials_get_schema     (void);
const char         *pd_credential_kind_to_string  (PdCredentialKind      kind);

/* Stores @secret for @account (labelled "Partner Desk: <e-mail> on <host>" for Seahorse),
 * replacing whatever secret the account held: an account has one secret. */
void      pd_credentials_store_async   (PdAccountInfo        *account,
                                        PdCredentialKind      kind,
                                        const char           *secret,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
gboolean  pd_credentials_store_finish  (GAsyncResult         *result,
                                        GError              **error);
/* Completes with the secret (free it with g_free()), or NULL and no error when none is stored. */
void      pd_credentials_lookup_async  (const char           *account_id,
                                        PdCredentialKind      kind,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
char     *pd_credentials_lookup_finish (GAsyncResult         *result,
                                        GError              **error);
/* Removes every secret of the account (any kind, any schema version). */
void      pd_credentials_clear_async   (const char           *account_id,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
gboolean  pd_credentials_clear_finish  (GAsyncResult         *result,
                                        GError              **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pd-portal-error.h"

G_BEGIN_DECLS

/* The certificates of a PEM file (GTlsCertificate*, free with g_list_free_full/g_object_unref),
 * or NULL with a PD_PORTAL_ERROR_TLS naming the file. */
GList                *pd_portal_tls_load_ca_file (const char          *path,
                                                  GError             **error);
/* 0 when @peer chains to one of @cas and names @identity; else why not */
GTlsCertificateFlags  pd_portal_tls_verify       (GList               *cas,
                                                  GTlsCertificate     *peer,
                                                  GSocketConnectable  *identity,
                                                  GTlsCertificateFlags system_flags);

G_END_DECLS

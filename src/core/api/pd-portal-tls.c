/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pd-portal-tls.h"

#include <glib/gi18n-lib.h>

GList *
pd_portal_tls_load_ca_file (const char  *path,
                            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  GList *list;

  /* Read it first, so that a missing file and a file that is not PEM say different things. */
  if (!g_file_get_contents (path, &contents, NULL, &local_error))
    {
      g_set_error (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_TLS,
                   _("The certificate authority file %s cannot be read: %s"), path, local_error->message);
      return NULL;
    }
  if (strstr (contents, "-----BEGIN CERTIFICATE-----") == NULL)
    {
      g_set_error (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_TLS,
                   _("The certificate authority file %s holds no PEM certificate."), path);
      return NULL;
    }
  list = g_tls_certificate_list_new_from_file (path, &local_error);
  if (list == NULL)
    {
      g_set_error (error, PD_PORTAL_ERROR, PD_PORTAL_ERROR_TLS,
                   _("The certificate authority file %s holds no valid certificate: %s"), path,
                   local_error != NULL ? local_error->message : _("no certificate found"));
      return NULL;
    }
  return list;
}

GTlsCertificateFlags
pd_portal_tls_verify (GList              *cas,
                      GTlsCertificate    *peer,
                      GSocketConnectable *identity,
                      GTlsCertificateFlags system_flags)
{
  GTlsCertificateFlags best = system_flags;

  /* Trusted when one of the extra authorities vouches for the chain *and* the certificate
   * names the host: the extra CA adds trust, it never relaxes the other checks. */
  for (GList *l = cas; l != NULL; l = l->next)
    {
      GTlsCertificateFlags flags = g_tls_certificate_verify (peer, identity, l->data);

      if (flags == 0)
        return 0;
      /* Keep the most telling reason: "different name" once the authority is known. */
      if (!(flags & G_TLS_CERTIFICATE_UNKNOWN_CA))
        best = flags;
    }
  return best;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Failures without an HTTP answer (no connection, TLS, a cut-off or unreadable answer) as
 * PdPortalErrors that name the host. */
#include "config.h"

#include "pd-portal-private.h"

#include <glib/gi18n-lib.h>

GError *
pd_portal_error_new_offline (const char   *host,
                             const GError *cause)
{
  if (cause != NULL && cause->domain == G_RESOLVER_ERROR)
    return g_error_new (PD_PORTAL_ERROR, PD_PORTAL_ERROR_OFFLINE,
                        _("The portal %s cannot be found. Check the address and the network connection."),
                        host);
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    return g_error_new (PD_PORTAL_ERROR, PD_PORTAL_ERROR_OFFLINE,
                        _("The portal %s refused the connection. It may be down; try again later."),
                        host);
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_error_new (PD_PORTAL_ERROR, PD_PORTAL_ERROR_OFFLINE,
                        _("The portal %s did not answer in time. Check the network connection."),
                        host);
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE)
      || g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE))
    return g_error_new (PD_PORTAL_ERROR, PD_PORTAL_ERROR_OFFLINE,
                        _("The portal %s cannot be reached: the network is unavailable."),
                        host);
  return g_error_new (PD_PORTAL_ERROR, PD_PORTAL_ERROR_OFFLINE,
                      _("The connection to the portal %s was lost. Check the network connection."),
                      host);
}

static const char *
tls_reason (GTlsCertificateFlags flags)
{
  if (flags & G_TLS_CERTIFICATE_UNKNOWN_CA)
    return _("unknown authority");
  if (flags & G_TLS_CERTIFICATE_BAD_IDENTITY)
    return _("it was issued for a different name");
  if (flags & G_TLS_CERTIFICATE_EXPIRED)
    return _("expired");
  if (flags & G_TLS_CERTIFICATE_NOT_ACTIVATED)
    return _("not valid yet");
  if (flags & G_TLS_CERTIFICATE_REVOKED)
    return _("revoked");
  if (flags & G_TLS_CERTIFICATE_INSECURE)
    return _("insecure algorithm");
  return _("invalid certificate");
}

GError *
pd_portal_error_new_tls (const char           *host,
                         GTlsCertificateFlags  flags,
                         const GError         *cause)
{
  if (flags != 0 || g_error_matches (cause, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE))
    return g_error_new (PD_PORTAL_ERROR, PD_PORTAL_ERROR_TLS,
                        _("The certificate of %s is not trusted (%s)"), host, tls_reason (flags));
  return g_error_new (PD_PORTAL_ERROR, PD_PORTAL_ERROR_TLS,
                      _("A secure connection to %s could not be made (%s)"), host,
                      cause != NULL ? cause->message : _("handshake failed"));
}

GError *
pd_portal_error_new_bad_response (const char *host,
                                  const char *reason)
{
  return g_error_new (PD_PORTAL_ERROR, PD_PORTAL_ERROR_BAD_RESPONSE,
                      _("The portal %s gave an answer Partner Desk cannot read (%s). Try again later."),
                      host, reason);
}

GError *
pd_portal_error_new_from_transport (const char           *host,
                                    const GError         *cause,
                                    GTlsCertificateFlags  tls_flags,
                                    gboolean              got_status)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (cause);
  if (cause->domain == G_TLS_ERROR || tls_flags != 0)
    return pd_portal_error_new_tls (host, tls_flags, cause);
  if (cause->domain == SOUP_SESSION_ERROR)
    {
      switch (cause->code)
        {
        case SOUP_SESSION_ERROR_PARSING:
        case SOUP_SESSION_ERROR_ENCODING:
          return pd_portal_error_new_bad_response (host, _("invalid HTTP"));
        case SOUP_SESSION_ERROR_TOO_MANY_REDIRECTS:
        case SOUP_SESSION_ERROR_REDIRECT_NO_LOCATION:
        case SOUP_SESSION_ERROR_REDIRECT_BAD_URI:
          return pd_portal_error_new_bad_response (host, _("bad redirect"));
        case SOUP_SESSION_ERROR_MESSAGE_ALREADY_IN_QUEUE:
        default:
          break;
        }
    }
  /* The head arrived and then the connection closed: the answer was cut off. */
  if (got_status)
    return pd_portal_error_new_bad_response (host, _("the answer was cut off"));
  return pd_portal_error_new_offline (host, cause);
}

guint
pd_portal_parse_retry_after (const char *value)
{
  g_autoptr(GDateTime) when = NULL;
  guint64 seconds;

  if (value == NULL)
    return 0;
  if (g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT32, &seconds, NULL))
    return (guint) seconds;
  when = soup_date_time_new_from_http_string (value);
  if (when != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      GTimeSpan span = g_date_time_difference (when, now);

      return span > 0 ? (guint) MIN (span / G_TIME_SPAN_SECOND + 1, G_MAXUINT32) : 0;
    }
  return 0;
}

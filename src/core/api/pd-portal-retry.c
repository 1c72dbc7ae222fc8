/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pd-portal-private.h"

#define BASE_DELAY_MS        250
#define MAX_DELAY_MS         8000
/* A Retry-After beyond this is not waited for: the caller gets RATE_LIMITED and can tell the
 * user when to try again instead of a spinner that runs for minutes. */
#define MAX_RETRY_AFTER_MS   30000

guint
pd_portal_retry_delay_ms (guint attempt,
                          guint retry_after)
{
  guint delay;

  if (retry_after > 0)
    {
      if (retry_after > MAX_RETRY_AFTER_MS / 1000)
        return G_MAXUINT;
      /* A little spread so that clients told the same second do not all come back at once. */
      return retry_after * 1000 + g_random_int_range (0, 250);
    }
  delay = BASE_DELAY_MS << MIN (attempt > 0 ? attempt - 1 : 0, 10);
  delay = MIN (delay, MAX_DELAY_MS);
  /* "Equal jitter": at least half the step, so retries still back off, and spread. */
  return delay / 2 + g_random_int_range (0, delay / 2 + 1);
}

gboolean
pd_portal_retry_is_transient (const GError *error)
{
  if (error->domain != PD_PORTAL_ERROR)
    return FALSE;
  switch (error->code)
    {
    case PD_PORTAL_ERROR_OFFLINE:
    case PD_PORTAL_ERROR_RATE_LIMITED:
    case PD_PORTAL_ERROR_SERVER:
    case PD_PORTAL_ERROR_BAD_RESPONSE:
      return TRUE;
    default:
      /* TLS failures do not heal by waiting; 4xx are answers, not accidents. */
      return FALSE;
    }
}
